"""The calendar of yearly gatherings and movable holidays (storyline/data/time/gatherings.yaml):
it loads as written, each gathering's occurrences are alternatives found through one keyword
set, its sets find gatherings named the way news names them without firing on ordinary
sentences, and an undated report filed from a forum is dated to its day."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from storyline.knowledge import load_yaml
from storyline.nlp import parse_text
from storyline.records import Actor, Role
from storyline.temporal import resolve_publication_date
from storyline.temporal.known import GATHERINGS_FILE, known_events, sentence_matches

from conftest import AMBIGUOUS_KEYWORDS

# The last day the file may list (the day it was written).
WRITTEN = dt.date(2026, 11, 23)


def entries() -> list[dict]:
    return load_yaml(GATHERINGS_FILE)["events"]


def series(name: str) -> str:
    """An occurrence's gathering: its name without the year and what follows it."""
    return re.split(r" \d{4}\b", name)[0]


def matched(sentence: str) -> dict[str, set[dt.date]]:
    """The gatherings a sentence names, each with the days found (alternatives)."""
    out = defaultdict(set)
    for e, _, _ in sentence_matches(sentence):
        out[series(e.name)].add(e.date)
    return dict(out)


def test_entries_parse_as_written():
    """A comma in an unquoted name splits a flow mapping, and YAML reads a bare No or 2022 as
    a boolean or a number: every entry has exactly its three keys, a date and string keywords
    (or lists of string alternatives), none of them after the day the file was written."""
    raw = entries()
    assert len(raw) >= 500
    for e in raw:
        assert set(e) == {"name", "date", "match"}, e
        assert isinstance(e["name"], str) and e["name"], e
        assert isinstance(e["date"], dt.date) and dt.date(2010, 1, 1) <= e["date"] <= WRITTEN, e
        assert e["match"] and all(isinstance(kws, list) and kws for kws in e["match"]), e
        assert all(isinstance(k, str) or (isinstance(k, list) and k and all(isinstance(x, str) for x in k))
                   for kws in e["match"] for k in kws), e
    assert len({(e["name"], e["date"]) for e in raw}) == len(raw), "a day is listed twice"
    loaded = {(e.name, e.date) for e in known_events()}
    assert {(e["name"], e["date"]) for e in raw} <= loaded


def test_occurrences_of_a_gathering_share_their_keyword_sets():
    """The occurrences (and days) of one gathering are alternatives only when they match
    through the same first set: every entry of a series has the same sets."""
    by_series = defaultdict(set)
    for e in entries():
        by_series[series(e["name"])].add(repr(e["match"]))
    assert {s for s, sets in by_series.items() if len(sets) > 1} == set()
    counts = defaultdict(int)
    for e in entries():
        counts[series(e["name"])] += 1
    for recurring in ("Munich Security Conference", "Shangri-La Dialogue", "Ramadan begins", "Eid al-Fitr",
                      "Eid al-Adha", "Lunar New Year", "Orthodox Easter", "Passover begins", "Yom Kippur",
                      "UN General Assembly general debate", "African Union summit in Addis Ababa"):
        assert counts[recurring] >= 10, recurring


def test_a_lone_keyword_is_a_distinctive_name_and_no_keyword_is_ambiguous():
    for e in entries():
        for kws in e["match"]:
            if len(kws) == 1 and isinstance(kws[0], str):
                k = kws[0]
                assert k[:1].isupper() or k[:1].isdigit() or " " in k, (e["name"], kws)
            for k in kws:
                for alternative in (k if isinstance(k, list) else [k]):
                    assert not (alternative.lower() in AMBIGUOUS_KEYWORDS and len(kws) < 4), (e["name"], kws)
                    # a short lower-case stem begins too many words
                    assert alternative[:1].isupper() or alternative[:1].isdigit() or " " in alternative \
                        or len(alternative) >= 5, \
                        (e["name"], alternative)


def test_the_days_of_a_forum_follow_each_other():
    """A forum is listed day by day (a weekday named in a report ties it to the right one)."""
    days = defaultdict(list)
    for e in entries():
        days[e["name"]].append(e["date"])
    msc = sorted(days["Munich Security Conference 2024"])
    assert msc == [dt.date(2024, 2, 16), dt.date(2024, 2, 17), dt.date(2024, 2, 18)]
    for name, ds in days.items():
        ds = sorted(ds)
        assert (ds[-1] - ds[0]).days == len(ds) - 1 or not name.startswith(
            ("Munich", "Shangri", "World Economic", "St Petersburg", "Manama", "Halifax", "Boao")), name


SENTENCES_AND_GATHERINGS = [
    ("Speaking at the Munich Security Conference on Saturday, the secretary of state said allies "
     "must keep arming Kyiv.", "Munich Security Conference", "2023-02-18"),
    ("MUNICH delegates heard the chancellor warn that the security conference had become a council of war.",
     "Munich Security Conference", "2025-02-15"),
    ("The two defence ministers met on the sidelines of the Shangri-La Dialogue in Singapore.",
     "Shangri-La Dialogue", "2024-06-01"),
    ("Business leaders arriving in Davos for the World Economic Forum's annual meeting fretted about tariffs.",
     "World Economic Forum annual meeting in Davos", "2025-01-21"),
    ("Putin used his address to the St. Petersburg International Economic Forum to mock Western sanctions.",
     "St Petersburg International Economic Forum", "2022-06-17"),
    ("Addressing the Eastern Economic Forum, the president said Asia was now Russia's priority.",
     "Eastern Economic Forum in Vladivostok", "2022-09-07"),
    ("He told the Valdai Discussion Club that the world order was being rewritten.",
     "Valdai Discussion Club annual meeting", "2023-10-05"),
    ("The president used his turn at the General Assembly's general debate to attack the UN's record.",
     "UN General Assembly general debate", "2025-09-23"),
    ("World leaders gathered in New York for the U.N. General Assembly's annual high-level week.",
     "UN General Assembly general debate", "2024-09-24"),
    ("Negotiators at COP28 in Dubai worked through the night on the text.",
     "COP28 UN climate conference in Dubai", "2023-11-30"),
    ("Delegates at the UN climate talks in Glasgow argued over coal.",
     "COP26 UN climate conference in Glasgow", "2021-10-31"),
    ("Mediators hoped to secure a truce before Eid al-Fitr.", "Eid al-Fitr", "2024-04-10"),
    ("Markets were shut for the Eid ul-Adha holiday.", "Eid al-Adha", "2023-06-28"),
    ("Prices soared in the days before Ramadan as families stocked up.", "Ramadan begins", "2025-03-01"),
    ("Millions travelled home over the Lunar New Year holiday.", "Lunar New Year", "2024-02-10"),
    ("Clashes eased briefly over Orthodox Easter.", "Orthodox Easter", "2023-04-16"),
    ("Pilgrims packed St Peter's Square as the Pope celebrated Easter Mass.", "Easter", "2024-03-31"),
    ("Police stepped up patrols around synagogues ahead of Yom Kippur, the holiest day of the Jewish year.",
     "Yom Kippur", "2023-09-25"),
    ("Families gathered for the Passover seder despite the sirens.", "Passover begins", "2024-04-23"),
    ("The first Hanukkah candle was lit at the Western Wall.", "Hanukkah begins", "2023-12-08"),
    ("Iranians marked Nowruz, the Persian New Year, under the shadow of sanctions.", "Nowruz", "2024-03-20"),
    ("Tanks rolled across Red Square for the Victory Day parade.", "Victory Day in Russia", "2023-05-09"),
    ("African leaders gathered in Addis Ababa for the African Union summit.",
     "African Union summit in Addis Ababa", "2024-02-17"),
    ("Leaders at the East Asia Summit in Jakarta urged restraint in the South China Sea.",
     "East Asia Summit in Jakarta", "2023-09-07"),
    # summit series completed in the seventh session (some live in known_events.yaml)
    ("Leaders at the 24th ASEAN summit in Naypyitaw voiced serious concern over the South China Sea.",
     "ASEAN summits in Naypyitaw (2014)", "2014-05-10"),
    ("ASEAN leaders meeting in Bangkok in June 2019 adopted an outlook on the Indo-Pacific.",
     "ASEAN summit in Bangkok (June", "2019-06-22"),
    ("Obama became the first US president to visit Cambodia when he joined the ASEAN summit in Phnom Penh "
     "in November 2012.",
     "ASEAN summits in Phnom Penh (2012)", "2012-11-20"),
    ("Russia showed off its new campus on Russky Island as APEC leaders gathered in Vladivostok.",
     "APEC summit in Vladivostok", "2012-09-08"),
    ("The BRICS leaders agreed in Durban to set up a development bank.",
     "BRICS summit in Durban", "2013-03-27"),
    ("At the SCO summit in Beijing, Putin and Hu Jintao rejected outside interference in Syria.",
     "SCO summit in Beijing", "2012-06-07"),
    ("Allies agreed a timetable for leaving Afghanistan at the NATO summit in Lisbon.",
     "NATO summit in Lisbon", "2010-11-20"),
    ("G8 leaders meeting at Lough Erne in Northern Ireland pressed Putin over Syria.",
     "G8 summit at Lough Erne", "2013-06-17"),
    ("European and African leaders opened the EU-AU summit in Abidjan with a pledge on migrants in Libya.",
     "EU–African Union summit in Abidjan", "2017-11-29"),
    ("The Gulf Cooperation Council summit in Riyadh in December 2021 stressed unity after the rift.",
     "42nd Gulf Cooperation Council summit, in Riyadh", "2021-12-14"),
]


@pytest.mark.parametrize("sentence, gathering, at_least", [
    # one mention, every yearly occurrence as an alternative
    ("He spoke at the Munich Security Conference.", "Munich Security Conference", 15),
    ("The talks resumed after Ramadan.", "Ramadan begins", 15),
    ("The ministers met on the sidelines of the Shangri-La Dialogue.", "Shangri-La Dialogue", 12),
    ("Leaders addressed the UN General Assembly's general debate.", "UN General Assembly general debate", 15),
    ("The ceasefire held through Eid al-Adha.", "Eid al-Adha", 15),
    ("The Chinese New Year holiday slowed factory output.", "Lunar New Year", 16),
])
def test_one_mention_finds_every_occurrence(sentence, gathering, at_least):
    found = matched(sentence)
    assert gathering in found, found
    assert len({d.year for d in found[gathering]}) >= at_least, sorted(found[gathering])
    # all through one keyword set: the inference reads them as alternatives of one mention
    sets = {kws for e, kws, _ in sentence_matches(sentence) if series(e.name) == gathering}
    assert len(sets) == 1


@pytest.mark.parametrize("sentence", [
    "Experts gathered at a forum in Munich on cybersecurity.",
    "The general assembly of the football federation re-elected its president.",
    "Scientists studied the statues of Easter Island.",
    "The Yom Kippur War of 1973 reshaped Israeli politics.",
    "Chechen leader Ramzan Kadyrov posted a video on Telegram.",
    "The UN General Assembly voted 141 to 5 to condemn the annexation.",
    "A new Shangri-La hotel opened in the city's financial district.",
    "Skiers were warned of avalanche danger above Davos.",
    "The spring festival of tulips drew visitors to the Dutch countryside.",
    "The Victory Day holiday in Bangladesh falls on December 16.",
    "Glasgow city council approved a new climate plan for the riverside.",
    "Police arrested a cop accused of taking bribes.",
])
def test_ordinary_sentences_find_no_gathering(sentence):
    mine = {series(e["name"]) for e in entries()}
    assert not (set(matched(sentence)) & mine), matched(sentence)


def test_an_undated_report_from_a_forum_is_dated_to_its_day():
    """A report filed from the Munich Security Conference, naming two people with dated titles
    and a weekday: the titles leave the winter of 2023-24, the conference that winter's
    February, and "on Saturday" its second day."""
    text = (
        "Blinken urges allies to hold their nerve on Ukraine\n\n"
        "MUNICH (Reuters) - U.S. Secretary of State Antony Blinken told the Munich Security Conference on "
        "Saturday that Washington would not walk away from Kyiv, as European governments weighed how to keep "
        "arms flowing.\n\n"
        "Blinken spoke hours after British Foreign Secretary David Cameron urged the gathering to find more "
        "artillery shells for Ukraine's gunners.\n")
    people = [
        Actor(id="blinken", name="Antony Blinken", kind="person", country="US",
              roles=(Role(title="Secretary of State", country="US", start="2021-01-26", end="2025-01-20"),)),
        Actor(id="cameron", name="David Cameron", kind="person", country="GB",
              roles=(Role(title="Prime Minister", country="GB", start="2010-05-11", end="2016-07-13"),
                     Role(title="Foreign Secretary", country="GB", start="2023-11-13", end="2024-07-05"))),
    ]
    pub = resolve_publication_date(parse_text(text), None, people)
    assert pub.origin == "inferred", pub
    assert pub.value == "2024-02-17", pub
    assert any("Munich Security Conference" in e for e in pub.evidence)


# ── recurring summits completed 2010-2025 (known_events.yaml and the summits above) ────────

def summit_days(sentence: str) -> dict[str, set[str]]:
    """The summits a sentence names, each with the days found (alternatives)."""
    out = defaultdict(set)
    for e, _, _ in sentence_matches(sentence):
        out[e.name].add(e.date.isoformat())
    return dict(out)


def test_a_summit_and_its_host_city_find_every_occurrence_there():
    """One mention of a summit and its city finds every occurrence there, old and new, through
    one keyword set (alternatives)."""
    sentence = "Leaders of the Shanghai Cooperation Organisation met at the SCO summit in Astana."
    hits = [(e, kws) for e, kws, _ in sentence_matches(sentence) if e.name.startswith("SCO summit in Astana")]
    assert {e.date.isoformat() for e, _ in hits} >= {"2011-06-15", "2017-06-08", "2024-07-03"}
    assert len({kws for _, kws in hits}) == 1
    brussels = summit_days("Leaders gathered in Brussels for the EU-Africa summit.")
    assert brussels["EU–African Union summit in Brussels 2014"] | brussels["EU–African Union summit in Brussels 2022"] \
        == {"2014-04-02", "2014-04-03", "2022-02-17", "2022-02-18"}
    two = summit_days("ASEAN leaders met twice in Naypyitaw in 2014, the first summits Myanmar hosted.")
    assert two["ASEAN summits in Naypyitaw (2014)"] == {"2014-05-10", "2014-05-11", "2014-11-12", "2014-11-13"}


@pytest.mark.parametrize("sentence", [
    "ASEAN foreign ministers met in Naypyitaw to discuss the Rohingya crisis.",
    "The Quad bike overturned on a farm track in Queensland.",
    "Investors in Durban watched the rand weaken against the dollar.",
    "The EU and the African Union held talks in Brussels on vaccine production.",
])
def test_completed_summit_sets_miss_ordinary_sentences(sentence):
    new = ("ASEAN summit", "APEC", "BRICS", "SCO", "G8", "NATO summit", "Quad leaders' virtual", "EU–African Union")
    assert not [n for n in summit_days(sentence) if n.startswith(new)], summit_days(sentence)


# ── gatherings added in the ninth round ────────────────────────────────────────────────────

NINTH_ROUND_GATHERINGS = [
    ("Addressing the World Health Assembly, the WHO chief warned of the next pandemic.",
     "World Health Assembly", "2024-05-27"),
    ("The Human Rights Council opened its 55th session in Geneva on Monday.",
     "UN Human Rights Council session", "2024-02-26"),
    ("Grossi told the IAEA General Conference that inspectors needed access.",
     "IAEA General Conference", "2023-09-25"),
    ("The IAEA Board of Governors meeting opened in Vienna with Iran at the top of the agenda.",
     "IAEA Board of Governors meeting", "2024-06-03"),
    ("Police chiefs gathered in Glasgow for Interpol's General Assembly.",
     "Interpol General Assembly in Glasgow", "2024-11-04"),
    ("OSCE foreign ministers met in Skopje for the Ministerial Council.",
     "OSCE Ministerial Council in Skopje", "2023-11-30"),
    ("African leaders met in Accra for the AU mid-year coordination meeting.",
     "African Union mid-year summit in Accra", "2024-07-21"),
    ("The Ibero-American summit in Cuenca ended without a joint declaration.",
     "Ibero-American summit in Cuenca", "2024-11-14"),
    ("Pacific Islands Forum leaders gathered in Honiara for their annual summit.",
     "Pacific Islands Forum leaders' meeting in Honiara", "2025-09-08"),
    ("Finance ministers arrived in Marrakech for the IMF and World Bank annual meetings.",
     "IMF and World Bank annual meetings in Marrakech", "2023-10-09"),
    ("Lavrov told the Antalya Diplomacy Forum that the West had lost its way.",
     "Antalya Diplomacy Forum", "2024-03-01"),
    ("At the Bled Strategic Forum, the prime minister called for faster EU enlargement.",
     "Bled Strategic Forum", "2023-08-28"),
]


@pytest.mark.parametrize("sentence, gathering, day", SENTENCES_AND_GATHERINGS + NINTH_ROUND_GATHERINGS)
def test_a_sentence_finds_its_gathering(sentence, gathering, day):
    found = matched(sentence)
    assert gathering in found, found
    assert dt.date.fromisoformat(day) in found[gathering], sorted(found[gathering])


@pytest.mark.parametrize("sentence", [
    "The Human Rights Council adopted a resolution on Myanmar.",
    "Interpol issued a red notice for the fugitive tycoon.",
    "The bank bled deposits as customers fled to rivals.",
    "The IAEA said its inspectors had left Iran.",
    "The OSCE observers in Vienna published their report on the election.",
    "The World Bank approved a loan for Ecuador's roads.",
])
def test_ninth_round_gatherings_miss_ordinary_sentences(sentence):
    ninth = ("World Health Assembly", "UN Human Rights Council", "IAEA", "Interpol", "OSCE", "African Union mid-year",
             "Ibero-American", "Pacific Islands Forum", "IMF and World Bank", "Antalya", "Bled", "Mercosur summit in")
    assert not [n for n in matched(sentence) if n.startswith(ninth)], matched(sentence)
