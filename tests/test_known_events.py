"""The calendar of known world events (storyline/data/time/known_events.yaml): it loads, its
recurring events are real alternatives, and its keyword sets find events named the way news
names them without firing on ordinary sentences about something else."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from storyline.knowledge import load_yaml
from storyline.temporal.known import KNOWN_EVENTS_FILE, known_events, sentence_matches

# Whole-word keywords that are also everyday English words once case is ignored ("us", "may").
AMBIGUOUS_KEYWORDS = {"us", "may", "will", "it", "who"}


def matched(sentence: str) -> set[tuple[str, str]]:
    return {(e.name, e.date.isoformat()) for e, _, _ in sentence_matches(sentence)}


def test_calendar_loads_and_is_broad():
    events = known_events()
    assert len(events) >= 250
    assert all(e.name and e.match for e in events)
    assert max(e.date for e in events) <= dt.date(2025, 12, 31)
    assert len({(e.name, e.date) for e in events}) == len(events), "an event is listed twice"


def test_entries_parse_as_written():
    """A comma in an unquoted name splits a flow mapping, and YAML reads a bare No or 2022 as
    a boolean or a number: every entry must have exactly its three keys and string keywords
    (or lists of string alternatives)."""
    for e in load_yaml(KNOWN_EVENTS_FILE)["events"]:
        assert set(e) == {"name", "date", "match"}, e
        assert isinstance(e["date"], dt.date), e
        assert all(isinstance(k, str) or (isinstance(k, list) and k and all(isinstance(x, str) for x in k))
                   for kws in e["match"] for k in kws), e


def test_occurrences_of_one_event_share_their_keyword_sets():
    """Entries with one name are occurrences of a recurring event; the inference only treats
    them as alternatives when they match through the same keyword set."""
    by_name = defaultdict(set)
    for e in known_events():
        by_name[e.name].add(e.match)
    assert {n for n, sets in by_name.items() if len(sets) > 1} == set()
    assert len([e for e in known_events() if e.name == "Diwali"]) >= 8


def test_a_lone_keyword_is_a_distinctive_name_or_phrase():
    for e in known_events():
        for kws in e.match:
            if len(kws) == 1:
                k = kws[0]
                assert k[:1].isupper() or k[:1].isdigit() or " " in k, (e.name, kws)
            for k in kws:
                for alternative in (k if isinstance(k, tuple) else (k,)):
                    assert not (alternative.lower() in AMBIGUOUS_KEYWORDS and len(kws) < 4), (e.name, kws)


@pytest.mark.parametrize("sentence, name, date", [
    ("Three years after Russia's full-scale invasion of Ukraine, the front line has barely moved.",
     "Russia's full-scale invasion of Ukraine", "2022-02-24"),
    ("Delegations met in Istanbul on Monday for a second round of direct talks on ending the war "
     "in Ukraine.", "Second round of Russia–Ukraine talks in Istanbul (2025)", "2025-06-02"),
    ("The ceasefire that ended the 12-day war between Israel and Iran has largely held.",
     "Israel–Iran ceasefire ends the twelve-day war", "2025-06-24"),
    ("The Rapid Support Forces captured El Fasher after a siege of eighteen months.",
     "RSF seizes El Fasher", "2025-10-26"),
    ("Leaders meeting for the G7 summit in Kananaskis issued no joint communique.",
     "G7 summit in Kananaskis", "2025-06-15"),
    ("Hundreds of Hezbollah members were wounded when their pagers exploded.",
     "Exploding pagers across Lebanon", "2024-09-17"),
    ("Trump stepped across the border line to meet Kim at the DMZ.",
     "Trump meets Kim at the DMZ", "2019-06-30"),
    ("Yoon's short-lived declaration of martial law plunged Seoul into crisis.",
     "Yoon Suk Yeol declares martial law", "2024-12-03"),
    ("Houthi fighters landed by helicopter on the Galaxy Leader and sailed it to Hodeidah.",
     "Houthis seize the cargo ship Galaxy Leader, opening their Red Sea shipping campaign", "2023-11-19"),
    ("Last week Russia walked away from the grain deal it had renewed three times.",
     "Russia lets the Black Sea Grain Initiative lapse", "2023-07-17"),
    ("Aliyev and Pashinyan shook hands at the White House as Trump looked on.",
     "Armenia–Azerbaijan peace declaration at the White House", "2025-08-08"),
    ("Saudi Arabia, the UAE, Bahrain and Egypt severed diplomatic relations with Qatar overnight.",
     "Saudi-led bloc cuts ties with and blockades Qatar", "2017-06-05"),
    ("Pakistan and Afghanistan agreed to a ceasefire at talks in Doha mediated by Qatar and Turkey.",
     "Pakistan and Afghanistan agree a ceasefire in Doha", "2025-10-19"),
])
def test_events_named_as_news_names_them(sentence, name, date):
    assert (name, date) in matched(sentence)


def test_a_recurring_description_finds_every_occurrence():
    dates = {d for n, d in matched("Allies agreed on a new force posture at the NATO summit in Brussels.")}
    assert {"2017-05-25", "2018-07-11", "2021-06-14"} <= dates
    goma = {d for n, d in matched("The M23 took Goma with little resistance from the army.")}
    assert goma == {"2012-11-20", "2025-01-27"}


@pytest.mark.parametrize("sentence", [
    "The couple from Myanmar opened a small restaurant in Yangon.",
    "Hamas fired rockets at Israel in 2014, and Israel answered with a seven-week campaign in Gaza.",
    "Analysts warned that a strike on Fordow would require the heaviest bunker-busting bombs.",
    "G20 foreign ministers met in Rio de Janeiro in February to prepare the agenda.",
    "Protesters in Dhaka demanded that Sheikh Hasina step down.",
    "Villagers in Pulwama district harvested saffron early this year.",
    "Qatar has long mediated between Hamas and Israel over the blockade of Gaza.",
    "Saudi Arabia and Qatar signed a deal to expand flights between Riyadh and Doha.",
    "The fledgling coalition in Kathmandu survived a confidence vote.",
])
def test_ordinary_sentences_name_no_event(sentence):
    assert matched(sentence) == set()


def test_the_host_city_decides_which_summit():
    found = matched("Washington pressed allies on spending at the NATO summit in Vilnius.")
    assert found == {("NATO summit in Vilnius", "2023-07-11")}
