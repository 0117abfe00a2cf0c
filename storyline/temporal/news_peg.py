"""The news peg: dating the news a report leads with, which no expression dates.

A news report tells its news without a date ("India has once again rejected…", "Trump has
stepped in to offer mediation") because the date is the report's own. An event that stays
undated after the clause and discourse rules is dated to the report's day when that day is
its own (metadata or a dateline: wire copy reports the news of the day it is filed), or to
the day before an inferred day (the inference puts an article the day after the latest event
it dates, NEWS_LAG_DAYS) unless the lead or the paragraph after it names the inferred day ("on
Wednesday", "In a statement on Friday"), when

- the article is news (or a press release) and its publication day is known;
- the event happened or was said (asserted, reported, or an offer/threat made: intended),
  never a negated or hypothetical one;
- it is in the lead (the first ``LEDE_SENTENCES`` sentences), or its clause is in the present
  perfect or present progressive ("has condemned", "is facing"), which news uses for what is
  current, or its sentence marks it as recent ("recently", "the recent attack": the
  current_cues of data/time/publication.yaml), or it is a statement, or in a statement,
  reported in the simple past without a date ("Podolyak warned that...": statement_verbs),
  which is how a report tells the reactions of its day;
- its sentence carries no background cue ("repeatedly", "has long", "previously");
- it is not hung on the news by a word that makes it long-running background ("strikes
  since Moscow walked out": background_links in data/time/publication.yaml). An event hung
  by "after" with no measured gap ("after a telephone call") is the news's own run-up and is
  pegged with it: to the news's own date when a clause dates it ("was shot down on Wednesday
  after Pakistani jets struck": Wednesday, not the report's day; "said last week ... after
  Bamako demanded": last week), else to the report's.

The date is labelled how="publication" with the reason as evidence: never silent.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from ..knowledge import load_yaml
from ..records import Event, EventDate, ParsedDoc, PublicationDate, TimeExpr
from .cues import PUBLICATION_FILE, lede_of
from .event_date import date_event, is_current_tense, sequence_link
from .publication import NEWS_LAG_DAYS
from .scan import clause_verb

# A headline, the lede and the paragraph that explains it: in wire copy these carry the
# news itself; later undated sentences are as often background (checked on the seeds and on
# samples/corpus: beyond ten sentences, undated simple-past events were background, except
# statements reported with a speaker, which were the day's reactions in 4 of 4 samples cases).
LEDE_SENTENCES = 10
NEWS_GENRES = frozenset({"news", "press release"})
PEGGED_MODALITIES = frozenset({"asserted", "reported", "intended"})
# Publication dates that are the report's own day (not inferred from its content).
OWN_DAY_ORIGINS = frozenset({"metadata", "dateline"})


@functools.cache
def _cue_pattern(key: str) -> re.Pattern:
    """A list of publication.yaml as one whole-word pattern ("always" is not in "hallways")."""
    cues = load_yaml(PUBLICATION_FILE).get(key) or ()
    if not cues:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(str(c).lower()) for c in cues) + r")(?![a-z])")


@functools.cache
def _word_set(key: str) -> frozenset[str]:
    """A word list of publication.yaml, lower-case."""
    return frozenset(str(w).lower() for w in load_yaml(PUBLICATION_FILE).get(key) or ())


def peg_news_events(parsed: ParsedDoc, events: Sequence[Event], published: PublicationDate,
                    genre: str | None, timexes: Sequence[TimeExpr] = ()) -> tuple[Event, ...]:
    """The events, with the undated news among them dated to the report's day (the day
    before, when that day was inferred); ``timexes`` date the news a run-up hangs on."""
    if (genre or "news") not in NEWS_GENRES or not published.value or len(published.value) != 10:
        return tuple(events)
    own_day = published.origin in OWN_DAY_ORIGINS
    day = dt.date.fromisoformat(published.value) - dt.timedelta(days=0 if own_day else NEWS_LAG_DAYS)
    if not own_day and _lead_names_the_day(parsed, timexes, published.value):
        # the lead itself dates its news to the inferred day ("on Wednesday"): that day
        day = dt.date.fromisoformat(published.value)
    lag_note = "" if own_day else (" (inferred; the news is taken as the day before)"
                                   if day.isoformat() < published.value else " (inferred from the news's own day)")
    cues = _cue_pattern("background_cues")
    current = _cue_pattern("current_cues")
    statements = _word_set("statement_verbs")
    background_links = _word_set("background_links")
    starts = [t.idx for t in parsed.tokens]
    out = []
    for event in events:
        if event.date.how != "undated" or event.modality not in PEGGED_MODALITIES:
            out.append(event)
            continue
        sentence = event.sentence.lower()
        token = _token_at(starts, event.start)
        lead = event.sent < LEDE_SENTENCES
        perfect = not lead and is_current_tense(parsed, token)
        recent = not (lead or perfect) and current.search(sentence) is not None
        said = not (lead or perfect or recent) and _reported_statement(parsed, token, statements)
        link = sequence_link(parsed, token)
        if cues.search(sentence) or not (lead or perfect or recent or said) \
                or (link is not None and link.word in background_links):
            out.append(event)
            continue
        if link is not None and link.direction < 0 and link.gap_days is None:
            news = date_event(parsed, timexes, link.governor)
            if news.value and news.how in ("clause", "discourse"):
                out.append(replace(event, date=EventDate(
                    value=news.value, granularity=news.granularity, how="discourse",
                    evidence=f"the run-up of news dated {news.value} ({news.evidence}), "
                             f"hung on it by '{link.word}'")))
                continue
        where = ("in the lead" if lead else "told in the present perfect or progressive" if perfect
                 else "marked as recent" if recent else "said without a date")
        out.append(replace(event, date=EventDate(
            value=day.isoformat(), granularity="day", how="publication",
            evidence=f"news peg: undated news {where} of a report published {published.value}{lag_note}")))
    return tuple(out)


def _lead_names_the_day(parsed: ParsedDoc, timexes: Sequence[TimeExpr], day: str) -> bool:
    """True when an expression of the lead, or of the paragraph that explains it, resolves to
    the report's own day."""
    lead = lede_of(parsed)
    return any(t.sent in lead and t.value == day for t in timexes)


# How many clauses up from the event a reporting verb is looked for ("said it was vital that
# every party refrain": the event's clause, the clause above it, and the one above that).
STATEMENT_LEVELS = 3


def _reported_statement(parsed: ParsedDoc, token: int, verbs: frozenset[str]) -> bool:
    """True when the event is said, or sits in what someone said, in the simple past with
    a speaker ("Dujarric said it was vital that every party refrain", "Podolyak warned"): a
    report tells the statements of its day without dating them."""
    toks = parsed.tokens
    verb = clause_verb(parsed, token)
    for _ in range(STATEMENT_LEVELS):
        if verb is None:
            return False
        t = toks[verb]
        if t.lemma.lower() in verbs and t.tag == "VBD" \
                and any(c.head == verb and c.dep in ("nsubj", "nsubjpass") for c in toks[max(0, verb - 25):verb]):
            return True
        if t.head == verb:
            return False
        verb = clause_verb(parsed, t.head)
    return False


def _token_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)
