"""The storyline: merging events across articles (storyline/merge.py).

Each fixture in tests/data/merge/ is a small corpus of events as the event stage would emit
them, written by us after realistic reports, with what the storyline must make of it.
"""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from storyline.merge import build_storyline, corpus_dates, date_span, format_timeline, summarize
from storyline.records import ActorRef, Document, Event, EventDate, Figure, Proposition

DATA = Path(__file__).parent / "data" / "merge"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASES = sorted(p.stem for p in DATA.glob("*.yaml") if p.stem != "actors")


def _actors() -> dict:
    return yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))


def _ref(key, actors) -> ActorRef | None:
    if key is None:
        return None
    return ActorRef(text=actors[key]["name"], **actors[key])


def load_case(name: str):
    """(events, propositions, documents, expect) of one fixture file."""
    actors = _actors()
    coding = actors.pop("coding")
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    documents = {k: Document(id=k, name=v["name"], text="", origin=f"{name}.yaml",
                             published=str(v["published"]) if v.get("published") else None)
                 for k, v in raw["documents"].items()}
    events = []
    for e in raw["events"]:
        cameo, goldstein, quad = coding[e["plover"]]
        value, grain, how, *evidence = e["date"]
        sentence = e["sentence"]
        at = max(sentence.find(e["trigger"]), 0)
        events.append(Event(
            id=e["id"], doc_id=e["doc"], sent=e["sent"], sentence=sentence, trigger=e["trigger"],
            start=at, end=at + len(e["trigger"]),
            source=_ref(e["source"], actors), target=_ref(e["target"], actors),
            others=tuple(_ref(k, actors) for k in e.get("others", ())),
            plover=e["plover"], mode=e.get("mode"), cameo=cameo, goldstein=goldstein, quad_class=quad,
            modality=e["modality"],
            date=EventDate(str(value) if value else None, grain, how, *evidence),
            figures=tuple(Figure(start=0, end=0, **f) for f in e.get("figures", ()))))
    propositions = [Proposition(id=p["id"], text=p["text"], asserted_by=(), denied_by=(),
                                contested=p["contested"], claims=(), documents=tuple(p["documents"]))
                    for p in raw.get("propositions", ())]
    return events, propositions, documents, raw["expect"]


def _entry_with(story, event_ids):
    for entry in story:
        if set(event_ids) <= set(entry.events):
            return entry
    raise AssertionError(f"no entry holds {event_ids}: {[s.events for s in story]}")


@pytest.mark.parametrize("case", CASES)
def test_fixture(case):
    events, propositions, documents, expect = load_case(case)
    story = build_storyline(events, propositions, documents)
    assert len(story) == expect["entries"], format_timeline(story, documents)
    assert len(story) <= len(events)
    in_story = {e for s in story for e in s.events}
    for excluded in expect.get("excluded", ()):
        assert excluded not in in_story
    for want in expect.get("merged", ()):
        entry = _entry_with(story, want["events"])
        assert set(entry.events) == set(want["events"]), entry
        if "documents" in want:
            assert set(entry.documents) == set(want["documents"])
        if "date" in want:
            assert entry.date == str(want["date"])
        if "granularity" in want:
            assert entry.granularity == want["granularity"]
        if "summary" in want:
            assert entry.summary == want["summary"]
        if "propositions" in want:
            assert list(entry.propositions) == want["propositions"]
        if "disagreement" in want:
            assert any(all(w in d for w in want["disagreement"]) for d in entry.disagreements), \
                entry.disagreements
        assert len(entry.sentences) == len({e.sentence for e in events if e.id in entry.events})


def test_three_articles_one_entry_cites_every_sentence():
    events, props, docs, _ = load_case("same-event-three-articles")
    story = build_storyline(events, props, docs)
    entry = _entry_with(story, ["wire:e1"])
    assert len(entry.documents) == 3
    assert entry.plover == "ASSAULT" and entry.quad_class == 4
    assert not entry.disagreements  # "May" and "May 7" do not disagree


def test_month_level_report_takes_the_day_another_article_states():
    events, props, docs, _ = load_case("same-event-three-articles")
    finer = corpus_dates(events, build_storyline(events, props, docs))
    lent = finer["retro:e4"]
    assert (lent.value, lent.granularity, lent.how) == ("2025-05-07", "day", "corpus")
    assert "2025-05" in lent.evidence and "another article" in lent.evidence
    assert set(finer) == {"retro:e4"}  # day-level reports keep their own dates


def test_no_day_is_lent_when_the_month_has_two_candidates():
    events, props, docs, _ = load_case("month-level-attachment")
    finer = corpus_dates(events, build_storyline(events, props, docs))
    assert "r:e1" not in finer  # two March strikes: which one "in March" means is unknown
    assert finer["r:e2"].value == "2025-03-18"


def test_a_news_peg_day_is_never_lent():
    events, props, docs, _ = load_case("same-event-three-articles")
    pegged = [replace(e, date=EventDate("2025-05-07", "day", "publication", "news peg"))
              if e.date.granularity == "day" else e for e in events]
    assert "retro:e4" not in corpus_dates(pegged, build_storyline(pegged, props, docs))


def test_negated_and_hypothetical_stay_out():
    events, props, docs, _ = load_case("negated-never-merged")
    story = build_storyline(events, props, docs)
    modality = {e.id: e.modality for e in events}
    for entry in story:
        assert all(modality[e] in ("asserted", "reported", "intended") for e in entry.events)
    # Only negated/hypothetical reports: no entry at all.
    only_denied = [e for e in events if e.modality in ("negated", "hypothetical")]
    assert build_storyline(only_denied, props, docs) == ()


def test_order_and_ids_do_not_depend_on_input_order():
    events, props, docs, _ = load_case("same-event-three-articles")
    first = build_storyline(events, props, docs)
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    again = build_storyline(shuffled, props, docs)
    assert [s.id for s in first] == [s.id for s in again]
    assert all(s.id.startswith("s") for s in first)
    dates = [date_span(s.date)[0] for s in first]
    assert dates == sorted(dates)


def test_story_is_in_date_order_across_cases():
    events, props, docs = [], [], {}
    for case in CASES:
        e, p, d, _ = load_case(case)
        events += e
        props += p
        docs.update(d)
    story = build_storyline(events, props, docs)
    spans = [date_span(s.date) for s in story]
    assert spans == sorted(spans)
    assert len(story) < len(events)


def test_summary_templates():
    actors = _actors()
    trump, ind, pak = (_ref(k, actors) for k in ("TRUMP", "IND", "PAK"))
    offer = Event(id="x:e1", doc_id="x", sent=0, sentence="Trump offered to mediate between India and Pakistan.",
                  trigger="offered", start=6, end=13, source=trump, target=ind, others=(pak,),
                  plover="AGREE", mode="mediate", cameo="039", goldstein=5.0, quad_class=1,
                  modality="asserted", date=EventDate("2025-05-11", "day", "clause"))
    assert summarize(offer) == "Trump offers to mediate between India and Pakistan"
    strike = Event(id="x:e2", doc_id="x", sent=1, sentence="India struck Pakistan.", trigger="struck",
                   start=6, end=12, source=ind, target=pak, plover="ASSAULT", mode=None, cameo="190",
                   goldstein=-10.0, quad_class=4, modality="asserted",
                   date=EventDate("2025-05-07", "day", "clause"))
    assert summarize(strike) == "India strikes targets in Pakistan"
    nameless = Event(id="x:e3", doc_id="x", sent=2, sentence="An attack killed 26 in Kashmir.",
                     trigger="attack", start=3, end=9, source=None, target=ind, plover="ASSAULT", mode=None,
                     cameo="190", goldstein=-10.0, quad_class=4, modality="asserted",
                     date=EventDate("2025-04-22", "day", "clause"))
    assert summarize(nameless) == "Attack on India"


@pytest.mark.parametrize("value,first,last", [
    ("2025-05-07", "2025-05-07", "2025-05-07"),
    ("2025-05", "2025-05-01", "2025-05-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-W19", "2025-05-05", "2025-05-11"),
    ("2025-SU", "2025-06-01", "2025-08-31"),
    ("2025-WI", "2025-12-01", "2026-02-28"),
    ("2025-Q2", "2025-04-01", "2025-06-30"),
    ("2019", "2019-01-01", "2019-12-31"),
    ("201X", "2010-01-01", "2019-12-31"),
    ("2025-02/2025-04", "2025-02-01", "2025-04-30"),
])
def test_date_span(value, first, last):
    span = date_span(value)
    assert (span[0].isoformat(), span[1].isoformat()) == (first, last)


@pytest.mark.parametrize("value", [None, "", "2025-02-30", "May 2025", "2025-XX"])
def test_date_span_rejects(value):
    assert date_span(value) is None


def test_format_timeline_shows_disagreements_and_sources():
    events, props, docs, _ = load_case("conflicting-casualties")
    story = build_storyline(events, props, docs)
    text = format_timeline(story, docs)
    assert "2025-04-22" in text and "! killed" in text and "wire-2025-04-23" in text
    assert format_timeline(()) == "No dated events to show."


def test_embedder_is_optional_and_used():
    events, props, docs, _ = load_case("same-event-three-articles")
    calls = []

    def fake_embed(texts):
        import numpy as np
        calls.append(len(texts))
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)

    story = build_storyline(events, props, docs, embedder=fake_embed)
    assert calls and len(story) == 3


# ── the seeds, through the real chain ───────────────────────────────────────────────────

def _seed_chain():
    """The per-article stages the storyline is built from, or a skip when one is missing."""
    try:
        from storyline.actors import load_actor_base
        from storyline.actors.resolve import resolve_mentions
        from storyline.events import extract_events
        from storyline.nlp import parse_text
        from storyline.perspective import describe_perspective
        from storyline.temporal import date_article
        from storyline.temporal.news_peg import peg_news_events
    except ImportError as exc:
        pytest.skip(f"an upstream stage is not available yet: {exc}")
    return (load_actor_base, resolve_mentions, extract_events, parse_text, date_article,
            peg_news_events, describe_perspective)


def _within_a_day(value: str | None, gold: str) -> bool:
    """score.py's rule for the spine: the entry's span, widened by a day, holds gold's day;
    an entry coarser than three days never matches."""
    import datetime as dt
    span = date_span(value)
    if span is None or (span[1] - span[0]).days > 3:
        return False
    day = dt.date.fromisoformat(gold)
    return span[0] - dt.timedelta(days=1) <= day <= span[1] + dt.timedelta(days=1)


@pytest.fixture(scope="module")
def seed_story():
    if not (SHARED / "corpus" / "seeds.gold.yaml").exists():
        pytest.skip("../shared is absent")
    (load_actor_base, resolve_mentions, extract_events, parse_text, date_article, peg_news_events,
     describe_perspective) = _seed_chain()
    gold = yaml.safe_load((SHARED / "corpus" / "seeds.gold.yaml").read_text(encoding="utf-8"))
    base = load_actor_base()
    events, documents, claims = [], {}, []
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        published = str(gold["documents"][path.stem]["published"]["date"])
        documents[path.stem] = Document(id=path.stem, name=path.stem, text=text, origin=str(path),
                                        published=published)
        parsed = parse_text(text, path.stem)
        pub, timexes = date_article(parsed, published)
        mentions, _ = resolve_mentions(parsed, base, pub.value)
        genre = describe_perspective(parsed, None, None, None).genre
        events += peg_news_events(parsed, extract_events(parsed, mentions, timexes), pub, genre)
        try:
            from storyline.claims import extract_claims
            from storyline.quotes import extract_quotes
            claims += extract_claims(parsed, extract_quotes(parsed, mentions), mentions)
        except ImportError:
            pass
    propositions = ()
    if claims:
        try:
            from storyline.claims import group_propositions
            propositions, _ = group_propositions(claims)
        except ImportError:
            pass
    story = build_storyline(events, propositions, documents)
    return gold, events, story, documents


@pytest.mark.seeds
def test_seeds_storyline_spine(seed_story):
    """The gold spine (seeds.gold.yaml `storyline:`) under score.py's rule: an entry within a
    day of the item's date citing one of its documents. Target: 9 of 11, fewer entries than
    events."""
    gold, events, story, documents = seed_story
    found, lines = 0, []
    for item in gold["storyline"]:
        want = {str(d).lstrip("0") for d in item["docs"]}
        hit = any(_within_a_day(s.date, str(item["date"]))
                  and any(d.split("_")[0].lstrip("0") in want for d in s.documents) for s in story)
        found += hit
        lines.append(f"{'OK  ' if hit else 'MISS'} {item['date']} {item['what']}")
    report = "\n".join(lines) + f"\n{found}/{len(gold['storyline'])} spine items; " \
        f"{len(story)} entries from {len(events)} events\n" + format_timeline(story, documents)
    print(report)
    assert len(story) < len(events), report
    assert found >= 9, report


def test_news_peg_entry_is_labelled_publication():
    """An entry made only of news-peg dates says so; one a report dates itself does not."""
    events, props, docs, _ = load_case("news-peg")
    story = build_storyline(events, props, docs)
    assert _entry_with(story, ["wire:e1"]).date_how == "publication"
    assert _entry_with(story, ["wire:e2", "local:e1"]).date_how == "reported"
    events, props, docs, _ = load_case("news-peg-two-candidates")
    story = build_storyline(events, props, docs)
    assert _entry_with(story, ["wire3:e1"]).date_how == "publication"
    assert _entry_with(story, ["wire3:e2", "wire4:e1"]).date_how == "publication"
    assert _entry_with(story, ["jammu:e1"]).date_how == "reported"


def test_undated_events_are_never_pegged_by_the_merge():
    """The merge has no news peg of its own: an undated lead event stays out."""
    events, props, docs, _ = load_case("news-peg")
    undated = [replace(e, date=EventDate(None)) if e.date.how == "publication" else e for e in events]
    in_story = {e for s in build_storyline(undated, props, docs) for e in s.events}
    assert in_story == {"local:e1"}
