"""The news peg (storyline/temporal/news_peg.py) through the real chain: parse, actors,
article dates, events, then the peg.

Each case in tests/data/time/news_peg/ is a short news text of our own (``article``), its
publication date as metadata would give it, its genre, and the sentences (a phrase of each)
whose events must or must not be dated by the peg.
"""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
import yaml

from storyline.records import Event
from storyline.temporal.news_peg import LEDE_SENTENCES, peg_news_events

DATA = Path(__file__).resolve().parent / "data" / "time" / "news_peg"
CASES = sorted(p.stem for p in DATA.glob("*.yaml"))


def _case(name: str) -> dict:
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


@functools.cache
def _base():
    from storyline.actors import load_actor_base

    return load_actor_base()


@functools.cache
def _chain(article: str, published: str):
    """(parsed, publication date, events before the peg) of one article."""
    from storyline.actors.resolve import resolve_mentions
    from storyline.events import extract_events
    from storyline.nlp import parse_text
    from storyline.temporal import date_article

    parsed = parse_text((DATA / article).read_text(encoding="utf-8"), article)
    pub, timexes = date_article(parsed, published)
    mentions, _ = resolve_mentions(parsed, _base(), pub.value)
    return parsed, pub, tuple(extract_events(parsed, mentions, timexes))


def _pegged(case: dict, genre: str | None = None) -> tuple[tuple[Event, ...], tuple[Event, ...], str]:
    """(events before, events after the peg, publication value) of a case."""
    parsed, pub, events = _chain(case["article"], str(case["published"]))
    return events, peg_news_events(parsed, events, pub, genre or case["genre"]), pub.value


def _in_sentence(events, phrase: str) -> list[Event]:
    found = [e for e in events if phrase in e.sentence]
    assert found, f"no event in a sentence with {phrase!r}: {[(e.trigger, e.sentence) for e in events]}"
    return found


def _is_pegged(event: Event) -> bool:
    return event.date.how == "publication"


@pytest.mark.parametrize("name", CASES)
def test_case(name):
    case = _case(name)
    _, after, published = _pegged(case)
    for want in case.get("pegged", ()):
        for event in _in_sentence(after, want["sentence"]):
            assert _is_pegged(event), event
            # metadata gives the report's own day: its lead news is of that day
            assert (event.date.value, event.date.granularity) == (published, "day")
    for want in case.get("not_pegged", ()):
        for event in _in_sentence(after, want["sentence"]):
            assert not _is_pegged(event), event
            if "modality" in want:
                assert event.modality == want["modality"], event
    for want in (*case.get("pegged", ()), *case.get("not_pegged", ())):
        if want.get("beyond_lead"):  # the fixture says what it claims to
            assert all(e.sent >= LEDE_SENTENCES for e in _in_sentence(after, want["sentence"]))


def test_the_peg_says_why():
    """Every pegged date is labelled and its evidence names the news peg and the date."""
    case = _case("present-perfect-deep")
    _, after, published = _pegged(case)
    pegged = [e for e in after if _is_pegged(e)]
    assert pegged
    for event in pegged:
        assert "news peg" in event.date.evidence and published in event.date.evidence
    deep = _in_sentence(after, "South Korea has urged")[0]
    assert "present perfect" in deep.date.evidence


def test_only_undated_events_change():
    """The peg keeps the events and their order; dated and unpegged events are untouched."""
    case = _case("present-perfect-deep")
    before, after, _ = _pegged(case)
    assert [e.id for e in before] == [e.id for e in after]
    for old, new in zip(before, after):
        if old.date.how != "undated":
            assert new == old  # "In March 2024 ... met" keeps its own date
        elif not _is_pegged(new):
            assert new == old
    assert any(e.date.how == "clause" for e in after)


def test_genre_and_day_are_what_withhold_the_peg():
    """The opinion text is pegged when read as news; the lead news text when its day is known."""
    _, as_news, _ = _pegged(_case("opinion-genre"), genre="news")
    assert any(_is_pegged(e) for e in _in_sentence(as_news, "Serbia has once again accused Kosovo"))
    _, as_opinion, _ = _pegged(_case("opinion-genre"))
    assert not any(_is_pegged(e) for e in as_opinion)
    _, month_only, published = _pegged(_case("month-only-date"))
    assert published == "2025-06" and not any(_is_pegged(e) for e in month_only)


def test_an_inferred_day_pegs_the_day_before():
    """A day the inference chose is the day after the news (NEWS_LAG_DAYS): the lead news is
    dated the day before; a day from metadata or a dateline, or an inferred day the lead itself
    names ("on Wednesday"), is the news's own day."""
    from dataclasses import replace

    case = _case("lead-news")
    parsed, pub, events = _chain(case["article"], str(case["published"]))
    day_before = (dt.date.fromisoformat(pub.value) - dt.timedelta(days=1)).isoformat()
    inferred = peg_news_events(parsed, events, replace(pub, origin="inferred"), "news")
    own = peg_news_events(parsed, events, replace(pub, origin="dateline"), "news")
    assert {e.date.value for e in inferred if _is_pegged(e)} == {day_before}
    assert {e.date.value for e in own if _is_pegged(e)} == {pub.value}
    assert all("inferred" in e.date.evidence for e in inferred if _is_pegged(e))


def test_a_run_up_takes_the_day_of_the_news_it_leads_to():
    """"shot down ... on Monday after Russian forces attacked": the attack hung on the news by
    "after", with no gap measured, is the news's run-up and is dated with the news (Monday),
    not with the report (Wednesday); without the news's date it would take the report's day."""
    from storyline.temporal import date_article
    from storyline.nlp import parse_text

    parsed = parse_text((DATA / "run-up.txt").read_text(encoding="utf-8"), "run-up.txt")
    pub, timexes = date_article(parsed, "2025-06-18")
    _, _, events = _chain("run-up.txt", "2025-06-18")
    attack = [e for e in peg_news_events(parsed, events, pub, "news", timexes) if e.trigger == "attacked"]
    assert attack and attack[0].date.value == "2025-06-16" and attack[0].date.how == "discourse"
    assert "after" in attack[0].date.evidence
    without_news_date = [e for e in peg_news_events(parsed, events, pub, "news") if e.trigger == "attacked"]
    assert without_news_date[0].date.value == "2025-06-18" and _is_pegged(without_news_date[0])


def test_an_inferred_day_the_lead_names_pegs_that_day():
    """When the lead itself names the inferred day ("on Tuesday"), its undated news (China's
    accusation) is of that day, not the day before."""
    from dataclasses import replace

    from storyline.nlp import parse_text
    from storyline.temporal import date_article

    parsed = parse_text((DATA / "lead-names-its-day.txt").read_text(encoding="utf-8"), "lead-names-its-day.txt")
    pub, timexes = date_article(parsed, "2025-06-17")  # a Tuesday
    _, _, events = _chain("lead-names-its-day.txt", "2025-06-17")
    pegged = [e for e in peg_news_events(parsed, events, replace(pub, origin="inferred"), "news", timexes)
              if _is_pegged(e)]
    assert pegged and {e.date.value for e in pegged} == {"2025-06-17"}
    without_the_lead_day = [e for e in peg_news_events(parsed, events, replace(pub, origin="inferred"), "news")
                            if _is_pegged(e)]
    assert {e.date.value for e in without_the_lead_day} == {"2025-06-16"}


def test_an_inferred_day_the_paragraph_after_the_lead_names_pegs_that_day():
    """The lead tells the news undated ("has rejected"); the paragraph that explains it dates
    the statement ("In a statement on Thursday"), and that is the inferred day: the lead's
    news is of that day, not the day before."""
    from dataclasses import replace

    from storyline.nlp import parse_text
    from storyline.temporal import date_article

    name = "second-paragraph-names-its-day.txt"
    parsed = parse_text((DATA / name).read_text(encoding="utf-8"), name)
    pub, timexes = date_article(parsed, "2024-05-16")  # a Thursday
    _, _, events = _chain(name, "2024-05-16")
    pegged = [e for e in peg_news_events(parsed, events, replace(pub, origin="inferred"), "news", timexes)
              if _is_pegged(e) and e.sent < 3]
    assert pegged and {e.date.value for e in pegged} == {"2024-05-16"}


def test_a_run_up_takes_the_week_of_the_news_it_leads_to():
    """"said last week ... after N'Djamena demanded": the demand hung on a statement dated only
    to a week is of that week or before, not the report's day."""
    from storyline.nlp import parse_text
    from storyline.temporal import date_article

    name = "run-up-last-week.txt"
    parsed = parse_text((DATA / name).read_text(encoding="utf-8"), name)
    pub, timexes = date_article(parsed, "2024-12-16")  # a Monday
    _, _, events = _chain(name, "2024-12-16")
    demand = [e for e in peg_news_events(parsed, events, pub, "news", timexes) if e.trigger == "demanded"]
    assert demand and demand[0].date.how == "discourse" and demand[0].date.granularity == "week"
    assert "2024-12-09" <= demand[0].date.value <= "2024-12-15"
