"""The storyline: events from every article merged into one dated, deduplicated timeline.

Many articles report one real-world event, each in its own words and at its own date
precision ("on May 7", "in May", "India's missile strikes"). ``build_storyline`` groups the
events that are the same event into one ``StoryEvent`` that cites every article and sentence
behind it, keeps what the reports disagree on, and gives it a one-line summary.

Two events are the same event when
  - their actors agree (by actor id or country; either direction for symmetric types such
    as a ceasefire or talks; an actor one report leaves unnamed neither confirms nor
    contradicts, but at least one side must be named in both),
  - their PLOVER types are equal or listed as compatible (``data/merge/types.yaml``),
  - their dates agree within their precision ("2025-05" contains "2025-05-07"),
  - their wording is similar enough when the other evidence is weaker.

Only events that happened enter the storyline (modality asserted or reported; a statement of
intent such as an offer counts as made): negated, hypothetical and intended events are kept
out, never merged into events that happened. So are events with no resolved actor at all.
A coarse date joins a finer entry only when exactly one fits ("in May" → the 7 May strikes
if they are the only May strikes); events dated to a year or coarser never make an entry of
their own. Undated events are left out. The news of a news report, which the temporal stage
dates to the day before publication (how="publication", the "news peg" of
storyline/temporal/news_peg.py: "India has rejected Trump's offer"), is read as the
two-day window from that day through publication day (see PUBLICATION_WINDOW_DAYS).

The function is a pure recomputation from stored events: adding an article means calling it
again, which is cheap (the pairwise comparisons stay within blocks of overlapping dates).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .errors import DataError
from .knowledge import load_yaml
from .records import ActorRef, Document, Event, EventDate, Proposition, StoryEvent

__all__ = ["build_storyline", "corpus_dates", "format_timeline", "date_span", "event_span", "summarize"]

TYPES_FILE = "merge/types.yaml"
SUMMARIES_FILE = "merge/summaries.yaml"
WORDS_FILE = "merge/words.yaml"

# Events whose date spans more days than this are too vague to be a storyline entry of their
# own (a year, a decade); they only join an entry when exactly one fits. 92 days keeps
# months and seasons, which the export's "YYYY-MM" and a reader's timeline can both show.
MAX_ENTRY_SPAN_DAYS = 92
# Two day-level reports of one event may be a day apart (time zones, "the day before" counted
# from a later report, a late-night announcement). They merge only with the same type, both
# actors named alike, and near-identical wording or a date one of them only took from its
# paragraph's context (the temporal stage's "discourse" dates: "On May 11 Trump praised them
# for agreeing to a ceasefire" dates the agreement to the praise). A difference between two
# dates the reports state themselves is kept as a disagreement.
DATE_SLACK_DAYS = 1
# Word overlap (shared content words over the smaller set) needed to merge when the evidence
# is weaker: compatible but different types, or one side unnamed. Chosen on our fixtures: the
# same event in different words ("airstrikes on camps within Pakistan" / "missile strikes
# against Pakistan") overlaps at 0.2–0.4 once actor names are removed; unrelated sentences
# about the same dyad mostly below 0.15.
MIN_OVERLAP_WEAK = 0.2
# With the same type and both actors named alike on overlapping dates, wording is not
# asked for: two reports of India striking Pakistan on 7 May are one entry however they are
# worded (a call and a summit of the same leaders on one day would merge too: rare, and a
# timeline reader loses little).
# Overlap needed for the one-day date slack above.
MIN_OVERLAP_SLACK = 0.5
# Cosine of MiniLM sentence vectors that counts as similar wording when an embedder is given;
# paraphrases of one report score 0.6–0.9, different events in one dyad 0.3–0.5.
MIN_COSINE_WEAK = 0.6
MIN_COSINE_SLACK = 0.8
# A proposition touches a story event when one of its documents reports the event and it
# shares content words (actor names excluded) with the event's sentences: at least this many,
# or this share of the proposition's own content words (a short proposition, "Pakistan was
# responsible for the incident", has one or two). MiniLM cosines were tried and do not
# separate here: unrelated sentences of one dispute score as high as related ones (~0.5).
MIN_SHARED_WORDS_PROPOSITION = 2
MIN_SHARED_SHARE_PROPOSITION = 1 / 3
# An event dated by the news peg (how="publication": the temporal stage dates undated news to
# the day before publication) happened that day or on publication day itself, so the merge
# reads it as this many days from its value. The window is the event's date span, so such an
# event joins a dated entry only when exactly one fits, as a month-level one does, and an
# entry of its own shows the window ("2025-05-07/2025-05-08").
PUBLICATION_WINDOW_DAYS = 2
# A date of granularity "week" given as a day is the middle of a week-long window (the
# temporal stage's convention): it covers this many days either side.
WEEK_HALF_DAYS = 3
# Words after the trigger that a topic (data/merge/summaries.yaml) may be found in.
TOPIC_WINDOW_WORDS = 6

STRONG, WEAK = 1.0, 0.5
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\-]*")
# A date the report states outweighs one taken from context or from the news peg.
_HOW_WEIGHT = {"clause": 3, "corpus": 2, "discourse": 1, "publication": 0, "undated": 0}
# Summary template variants, in the order they are tried (data/merge/summaries.yaml), and
# the placeholders a template may use.
_VARIANTS = ("pair", "place", "single", "directed", "source", "target")
_PLACEHOLDERS = frozenset({"source", "target", "targets", "pair"})
# Actors whose names two reports can disagree on (two states are a conflict, not a detail).
NAMED_KINDS = ("person", "nsa", "military")
# Which actor a summary names best when reports differ in detail: a leader or a state reads
# better than "the Indian armed forces" (and agrees with a singular verb).
_KIND_RANK = {"person": 3, "state": 3, "igo": 2, "government": 2, "nsa": 1, "military": 1, "org": 1}


# ── data files ──────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class _TypeRules:
    symmetric: frozenset[str]
    compatible: Mapping[str, frozenset[str]]
    happened: frozenset[str]
    statement_of_intent: frozenset[str]
    seasons: Mapping[str, tuple[int, int]]


@functools.cache
def _type_rules() -> _TypeRules:
    """The type table of data/merge/types.yaml, validated."""
    raw = load_yaml(TYPES_FILE)
    if not isinstance(raw, dict):
        raise DataError(f"{TYPES_FILE}: expected a mapping at the top")
    compatible: dict[str, set[str]] = defaultdict(set)
    for n, group in enumerate(raw.get("compatible") or ()):
        types = group.get("types") if isinstance(group, dict) else None
        if not isinstance(types, list) or len(types) < 2:
            raise DataError(f"{TYPES_FILE}: compatible[{n}] needs 'types', a list of two or more")
        for t in types:
            compatible[str(t).upper()].update(str(x).upper() for x in types)
    seasons = {}
    for key, span in (raw.get("seasons") or {}).items():
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(m, int) for m in span)):
            raise DataError(f"{TYPES_FILE}: seasons.{key} must be [first month, last month]")
        seasons[str(key).upper()] = (span[0], span[1])
    return _TypeRules(
        symmetric=frozenset(str(t).upper() for t in raw.get("symmetric") or ()),
        compatible={k: frozenset(v) for k, v in compatible.items()},
        happened=frozenset(raw.get("happened") or ("asserted", "reported")),
        statement_of_intent=frozenset(str(t).upper() for t in raw.get("statement_of_intent") or ()),
        seasons=seasons,
    )


def _word_block(key: str) -> frozenset[str]:
    raw = load_yaml(WORDS_FILE)
    words = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(words, str):
        raise DataError(f"{WORDS_FILE}: '{key}' must be a block of words")
    return frozenset(words.lower().split())


@functools.cache
def _stopwords() -> frozenset[str]:
    return _word_block("stopwords")


def _template(text: str, where: str) -> str:
    """A summary template whose placeholders are all known (else DataError)."""
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise DataError(f"{SUMMARIES_FILE}: {where}: {exc}") from None
    unknown = fields - _PLACEHOLDERS
    if unknown:
        raise DataError(f"{SUMMARIES_FILE}: {where}: unknown placeholder(s) {sorted(unknown)}; "
                        f"use {{{'}, {'.join(sorted(_PLACEHOLDERS))}}}")
    return text


@functools.cache
def _summaries() -> tuple[Mapping[str, Mapping[str, str]], tuple[Mapping, ...], str, frozenset[str]]:
    """(templates by key, topics, person style, plural nouns) from data/merge/summaries.yaml,
    validated."""
    raw = load_yaml(SUMMARIES_FILE)
    if not isinstance(raw, dict) or not isinstance(raw.get("templates"), dict):
        raise DataError(f"{SUMMARIES_FILE}: needs a 'templates' mapping")
    templates = {}
    for key, variants in raw["templates"].items():
        if not isinstance(variants, dict) or not variants:
            raise DataError(f"{SUMMARIES_FILE}: templates.{key} must map variants to text")
        bad = set(variants) - set(_VARIANTS)
        if bad:
            raise DataError(f"{SUMMARIES_FILE}: templates.{key}: unknown variant(s) {sorted(bad)}; "
                            f"use {', '.join(_VARIANTS)}")
        templates[str(key)] = {str(k): _template(str(v), f"templates.{key}.{k}") for k, v in variants.items()}
    topics = []
    for n, topic in enumerate(raw.get("topics") or ()):
        if not isinstance(topic, dict) or not topic.get("words") or not topic.get("types"):
            raise DataError(f"{SUMMARIES_FILE}: topics[{n}] needs 'words' and 'types'")
        words = (re.escape(str(w).lower()) for w in topic["words"])
        topics.append({
            "pattern": re.compile(rf"(?<![a-z])(?:{'|'.join(words)})(?![a-z])"),
            "types": frozenset(str(t).upper() for t in topic["types"]),
            "variants": {k: _template(str(v), f"topics[{n}].{k}") for k, v in topic.items() if k in _VARIANTS},
        })
    plurals = frozenset(str(w).lower() for w in raw.get("plural_nouns") or ())
    return templates, tuple(topics), str(raw.get("person_style") or "surname"), plurals



# ── dates ───────────────────────────────────────────────────────────────────────────────

def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date value at any granularity covers, or None.

    Understands "2025-05-10", "2025-W19", "2025-05", "2025-Q2", "2025-SU" (seasons from
    data/merge/types.yaml), "2025", "201X" (a decade) and ranges "2025-02/2025-04".
    """
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = date_span(first), date_span(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), _month_end(year, month)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, q = int(m[1]), int(m[2])
            return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        if m := re.fullmatch(r"(\d{4})-([A-Z]{2})", value.upper()):
            span = _type_rules().seasons.get(m[2])
            if span is None:
                return None
            year = int(m[1])
            start = dt.date(year + (span[0] - 1) // 12, (span[0] - 1) % 12 + 1, 1)
            return start, _month_end(year, span[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})X", value.upper()):
            decade = int(m[1]) * 10
            return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    except ValueError:  # an impossible date ("2025-02-30") is as good as none
        return None
    return None


def event_span(date: EventDate) -> tuple[dt.date, dt.date] | None:
    """The days an event's date covers, read at its stated granularity: the event stage
    dates a week-precise event by the middle day of its window ("late February" → the 24th,
    granularity "week") and a season by its middle month, so those widen around the value."""
    span = date_span(date.value)
    if span is None:
        return None
    if date.granularity == "week" and span[0] == span[1]:
        half = dt.timedelta(days=WEEK_HALF_DAYS)
        return span[0] - half, span[1] + half
    if date.granularity == "season" and span[1] - span[0] < dt.timedelta(days=31):
        before = span[0] - dt.timedelta(days=1)
        return before.replace(day=1), date_span(_next_month(span[1]))[1]
    return span


def _next_month(day: dt.date) -> str:
    nxt = day + dt.timedelta(days=1)
    return f"{nxt.year:04d}-{nxt.month:02d}"


def _span_days(span: tuple[dt.date, dt.date]) -> int:
    return (span[1] - span[0]).days + 1


# ── words ───────────────────────────────────────────────────────────────────────────────

def _stem(word: str) -> str:
    """A crude English stem, enough to equate "strikes"/"strike", "denied"/"deny"."""
    w = word.lower().strip("-")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)] + repl
    return w


def _content_words(text: str, exclude: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the words of ``text`` that carry content (no stopwords, no excluded stems)."""
    stop = _stopwords()
    text = text.replace("’s", "").replace("'s", "")
    out = set()
    for word in _WORD_RE.findall(text):
        low = word.lower()
        if low in stop or len(low) < 3:
            continue
        stem = _stem(low)
        if stem not in exclude:
            out.add(stem)
    return frozenset(out)


def _actor_words(refs: Sequence[ActorRef | None]) -> frozenset[str]:
    """Stems of the words that name the actors: shared by every report of a dyad, so they
    say nothing about whether two reports are of one event."""
    words = set()
    for ref in refs:
        if ref is None:
            continue
        for text in (ref.name, ref.text, ref.country, ref.code):
            if text:
                words.update(_stem(w) for w in _WORD_RE.findall(text))
    return frozenset(words)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the smaller set: a short report inside a long sentence still matches."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# ── actors ──────────────────────────────────────────────────────────────────────────────

def _identity(ref: ActorRef | None) -> tuple[str, str] | None:
    """What two refs must share to be one actor: a non-state group, a country, or an id."""
    if ref is None:
        return None
    if ref.kind == "nsa":
        return ("nsa", ref.actor_id or "")
    if ref.country:
        return ("country", ref.country)
    if ref.actor_id:
        return ("id", ref.actor_id)
    if ref.code:
        return ("id", ref.code)
    return None


def _compare_refs(a: ActorRef | None, b: ActorRef | None) -> float | None:
    """STRONG when both name one actor, WEAK when either is unknown, None when they conflict."""
    ia, ib = _identity(a), _identity(b)
    if ia is None or ib is None:
        return WEAK
    if ia[0] == "nsa" and ib[0] == "nsa":
        return STRONG if not ia[1] or not ib[1] or ia[1] == ib[1] else None
    return STRONG if ia == ib else None


def _compare_sides(a: Sequence[ActorRef], b: Sequence[ActorRef]) -> float | None:
    """The best agreement between two sides that may name several actors each."""
    if not a or not b:
        return WEAK
    best = None
    for x in a:
        for y in b:
            s = _compare_refs(x, y)
            if s is not None and (best is None or s > best):
                best = s
    return best


def _recipients(event: Event) -> tuple[ActorRef, ...]:
    return tuple(r for r in (event.target, *event.others) if r is not None)


def _sources(event: Event) -> tuple[ActorRef, ...]:
    return (event.source,) if event.source is not None else ()


# ── one event, prepared ─────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class _Item:
    event: Event
    span: tuple[dt.date, dt.date]
    days: int
    words: frozenset[str]
    order: int
    value: str  # the event's date, or the news-peg window "YYYY-MM-DD/YYYY-MM-DD"
    grain: str
    pegged: bool = False  # dated by the news peg (how="publication")


def _happened(event: Event) -> bool:
    rules = _type_rules()
    if event.modality in rules.happened:
        return True
    return event.modality == "intended" and event.plover.upper() in rules.statement_of_intent


def _named(event: Event) -> bool:
    """At least one side is a resolved actor: an entry says who did what."""
    return any(_identity(r) is not None for r in (event.source, event.target, *event.others))


def _publication_window(date: EventDate) -> tuple[str, tuple[dt.date, dt.date]] | None:
    """The window a news-peg date stands for (see PUBLICATION_WINDOW_DAYS) as (value, span),
    or None when the date is not a news-peg day."""
    if date.how != "publication":
        return None
    span = date_span(date.value)
    if span is None or span[0] != span[1]:
        return None
    last = span[0] + dt.timedelta(days=PUBLICATION_WINDOW_DAYS - 1)
    return f"{span[0].isoformat()}/{last.isoformat()}", (span[0], last)


def _prepare(events: Sequence[Event]) -> list[_Item]:
    """Events that may enter the storyline, with their date span and wording, finest first."""
    chosen = []
    for event in events:
        if not _happened(event) or not _named(event):
            continue
        if (window := _publication_window(event.date)) is not None:
            chosen.append((event, window[1], window[0], "day", True))
        elif (span := event_span(event.date)) is not None:
            chosen.append((event, span, event.date.value, event.date.granularity, False))
    chosen.sort(key=lambda p: (_span_days(p[1]), p[1][0], p[0].doc_id, p[0].sent, p[0].start, p[0].id))
    items = []
    for n, (event, span, value, grain, pegged) in enumerate(chosen):
        exclude = _actor_words((event.source, event.target, *event.others))
        words = _content_words(f"{event.trigger} {event.sentence}", exclude)
        items.append(_Item(event, span, _span_days(span), words, n, value, grain, pegged))
    return items


# ── pairwise comparison ─────────────────────────────────────────────────────────────────

def _types_compatible(a: str, b: str) -> float | None:
    a, b = a.upper(), b.upper()
    if a == b:
        return STRONG
    if b in _type_rules().compatible.get(a, ()):
        return WEAK
    return None


def _side_agreements(a: Event, b: Event) -> list[tuple[float | None, float | None]]:
    """(source, recipient) agreement of two events, per orientation: straight, and for
    symmetric types also with ``b`` turned around."""
    orientations = [(_sources(b), _recipients(b))]
    rules = _type_rules()
    if a.plover.upper() in rules.symmetric or b.plover.upper() in rules.symmetric:
        orientations.append((_recipients(b), _sources(b)))
    return [(_compare_sides(_sources(a), src), _compare_sides(_recipients(a), rcp))
            for src, rcp in orientations]


def _actor_agreement(a: Event, b: Event) -> float | None:
    """Product of source and recipient agreement in the best orientation, or None when the
    actors conflict or no side is named alike in both reports."""
    scores = [s * t for s, t in _side_agreements(a, b)
              if s is not None and t is not None and STRONG in (s, t)]
    return max(scores, default=None)


def _actors_conflict(a: Event, b: Event) -> bool:
    """Every orientation names a different actor on some side."""
    return all(s is None or t is None for s, t in _side_agreements(a, b))


@dataclass(frozen=True, slots=True)
class _Similarity:
    """Wording similarity of two items: word overlap and, when an embedder was given, cosine."""

    overlap: float
    cosine: float | None

    def at_least(self, min_overlap: float, min_cosine: float) -> bool:
        return self.overlap >= min_overlap or (self.cosine is not None and self.cosine >= min_cosine)


def _pair_score(a: _Item, b: _Item, sim: _Similarity) -> float | None:
    """How surely two events are one event (higher is surer), or None when they are not."""
    type_score = _types_compatible(a.event.plover, b.event.plover)
    if type_score is None:
        return None
    actors = _actor_agreement(a.event, b.event)
    if actors is None:
        return None
    overlaps = a.span[0] <= b.span[1] and b.span[0] <= a.span[1]
    strong = type_score == STRONG and actors == STRONG
    if not overlaps:
        gap = max((b.span[0] - a.span[1]).days, (a.span[0] - b.span[1]).days)
        from_context = "discourse" in (a.event.date.how, b.event.date.how)
        if not (strong and a.days == 1 and b.days == 1 and gap <= DATE_SLACK_DAYS
                and (from_context or sim.at_least(MIN_OVERLAP_SLACK, MIN_COSINE_SLACK))):
            return None
    elif not strong and not sim.at_least(MIN_OVERLAP_WEAK, MIN_COSINE_WEAK):
        return None
    return type_score * actors + sim.overlap + (sim.cosine or 0.0)


def _conflicts(a: _Item, b: _Item) -> bool:
    """A hard reason two events cannot share a story event (checked against every member;
    an unnamed side is no conflict: a third report may name it)."""
    if _types_compatible(a.event.plover, b.event.plover) is None:
        return True
    if _actors_conflict(a.event, b.event):
        return True
    gap = max((b.span[0] - a.span[1]).days, (a.span[0] - b.span[1]).days)
    return gap > DATE_SLACK_DAYS or (gap > 0 and (a.days > 1 or b.days > 1))


# ── clustering ──────────────────────────────────────────────────────────────────────────

def _months(span: tuple[dt.date, dt.date], slack: int = 0) -> list[tuple[int, int]]:
    """The (year, month) pairs a span touches, widened by ``slack`` days each side."""
    first = span[0] - dt.timedelta(days=slack)
    last = span[1] + dt.timedelta(days=slack)
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


class _Clusters:
    """Greedy grouping: each item joins the best-matching group it has no conflict with.

    Groups are indexed by the months their members cover, so an item is compared only with
    groups near its date: the work grows with the events per month, not the corpus squared.
    """

    def __init__(self, similarity: Callable[[_Item, _Item], _Similarity]):
        self.groups: list[list[_Item]] = []
        self.by_month: dict[tuple[int, int], set[int]] = defaultdict(set)
        self.similarity = similarity

    def candidates(self, item: _Item) -> list[tuple[float, int]]:
        """(best pair score, group) for every group the item may join."""
        nearby = set().union(*(self.by_month.get(m, ()) for m in _months(item.span, DATE_SLACK_DAYS)))
        found = []
        for g in sorted(nearby):
            members = self.groups[g]
            if any(_conflicts(item, m) for m in members):
                continue
            scores = [s for m in members
                      if (s := _pair_score(item, m, self.similarity(item, m))) is not None]
            if scores:
                found.append((max(scores), g))
        return found

    def add(self, item: _Item, group: int | None) -> None:
        if group is None:
            group = len(self.groups)
            self.groups.append([])
        self.groups[group].append(item)
        if item.days <= MAX_ENTRY_SPAN_DAYS:
            for month in _months(item.span):
                self.by_month[month].add(group)

    def finest(self, g: int) -> int:
        return min(m.days for m in self.groups[g])


def _cluster(items: Sequence[_Item], similarity: Callable[[_Item, _Item], _Similarity]
             ) -> list[list[_Item]]:
    """Day-level events group among themselves; a coarser event joins a finer group only when
    exactly one fits (else it forms or joins a group of its own precision); events too vague
    for an entry join only a single fitting group and are otherwise left out."""
    clusters = _Clusters(similarity)
    for item in items:  # finest first
        found = clusters.candidates(item)
        if item.days == 1:
            clusters.add(item, max(found)[1] if found else None)
            continue
        finer = [(s, g) for s, g in found if clusters.finest(g) < item.days]
        same = [(s, g) for s, g in found if clusters.finest(g) >= item.days]
        if len(finer) == 1:
            clusters.add(item, finer[0][1])
        elif item.days > MAX_ENTRY_SPAN_DAYS:
            if len(found) == 1:
                clusters.add(item, found[0][1])
        elif same:
            clusters.add(item, max(same)[1])
        else:
            clusters.add(item, None)
    return clusters.groups


def _lexical_similarity(a: _Item, b: _Item) -> _Similarity:
    return _Similarity(_overlap(a.words, b.words), None)


def _embedding_similarity(items: Sequence[_Item], embedder: Callable[[Sequence[str]], object]
                          ) -> Callable[[_Item, _Item], _Similarity]:
    """Similarity that adds the cosine of the members' sentence vectors to word overlap."""
    sentences = sorted({i.event.sentence for i in items})
    vectors = embedder(sentences)
    index = {s: n for n, s in enumerate(sentences)}

    def similarity(a: _Item, b: _Item) -> _Similarity:
        va, vb = vectors[index[a.event.sentence]], vectors[index[b.event.sentence]]
        return _Similarity(_overlap(a.words, b.words), float(va @ vb))

    return similarity


# ── story events ────────────────────────────────────────────────────────────────────────

def build_storyline(events: Sequence[Event], propositions: Sequence[Proposition],
                    documents: Mapping[str, Document], *,
                    embedder: Callable[[Sequence[str]], object] | None = None
                    ) -> tuple[StoryEvent, ...]:
    """Merge the events of every article into story events, in date order.

    Only events that happened, name at least one resolved actor and carry a date become
    entries (see the module docstring); undated ones are left out. An event the temporal
    stage dated by the news peg (how="publication") counts as the day before publication
    through publication day: the entry's date is that window, "2019-07-22/2019-07-23", and
    its ``date_how`` "publication", when no report dates it better. ``embedder`` (e.g.
    ``storyline.embed.embed``) adds sentence-vector similarity to word overlap; without it
    the merge uses words alone.

    Returns story events sorted by the first day they cover (then by their last day and
    summary); ids are "s" + a hash of the sorted member event ids, so an entry keeps its id
    as long as its members do. Raises DataError when a data file of the merge stage is invalid.
    """
    items = _prepare(events)
    similarity = _embedding_similarity(items, embedder) if embedder and items else _lexical_similarity
    groups = _cluster(items, similarity)
    contested = [p for p in propositions if p.contested]
    story = [_story_event(group, contested, documents) for group in groups]
    story.sort(key=lambda s: (*date_span(s.date), s.summary, s.id))
    return tuple(story)


# Dates an article states for an event (or names a known event for): only these may date
# another article's report; the news peg's guess may not.
_STATED_HOWS = frozenset({"clause", "discourse", "corpus"})


def corpus_dates(events: Sequence[Event], story: Sequence[StoryEvent]) -> dict[str, EventDate]:
    """Finer dates for events that another article of the corpus dates to the day.

    A report that says "in May" or "earlier this week" and was merged into a storyline entry
    whose day another report states ("On May 7") is dated to that day, with how="corpus" and
    evidence naming both. Only days a report states (its clause or paragraph, or a known event
    it names; never the news peg's guess) are lent, and only to an event whose own date
    contains the day, so a lent date never contradicts the article. Returns {event id: new date}.
    """
    by_id = {e.id: e for e in events}
    out: dict[str, EventDate] = {}
    for entry in story:
        members = [by_id[i] for i in entry.events if i in by_id]
        donors = [e for e in members if e.date.granularity == "day" and e.date.how in _STATED_HOWS
                  and e.date.value == entry.date]
        if not donors or entry.granularity != "day":
            continue
        day = date_span(entry.date)
        donor = min(donors, key=lambda e: (-_HOW_WEIGHT.get(e.date.how, 0), e.doc_id, e.sent))
        for event in members:
            span = event_span(event.date)
            if event.date.granularity == "day" or event.doc_id == donor.doc_id or span is None:
                continue
            if not span[0] <= day[0] <= span[1]:
                continue
            own = event.date.evidence or event.date.value
            out[event.id] = EventDate(
                value=entry.date, granularity="day", how="corpus",
                evidence=f"{own} ({event.date.value}), narrowed to {entry.date} by another article "
                         f"of the corpus that reports the same event: {donor.date.evidence or donor.date.value}")
    return out


def _representative(group: Sequence[_Item]) -> _Item:
    """The member that states the event best: asserted, both actors named, dated by its
    own clause at the finest precision, of the most reported type."""
    types = Counter(m.event.plover.upper() for m in group)

    def quality(m: _Item):
        e = m.event
        named = sum(_identity(r) is not None for r in (e.source, e.target))
        readable = sum(_KIND_RANK.get(r.kind, 0) for r in (e.source, e.target) if r is not None)
        return (e.modality == "asserted", named, -m.days, types[e.plover.upper()],
                _HOW_WEIGHT.get(e.date.how, 0), readable, e.mode is not None, -m.order)

    return max(group, key=quality)


def _story_date(group: Sequence[_Item]) -> tuple[str, str]:
    """The date the members agree on at the finest precision they give (weighted vote)."""
    finest = min(m.days for m in group)
    votes: Counter = Counter()
    grains = {}
    for m in group:
        if m.days == finest:
            votes[m.value] += 1 + _HOW_WEIGHT.get(m.event.date.how, 0)
            grains[m.value] = m.grain
    value = min(votes, key=lambda v: (-votes[v], v))
    grain = grains[value]
    if grain in (None, "unknown"):
        grain = "day" if finest == 1 else "week" if finest <= 7 else "month"
    return value, grain


def _story_event(group: Sequence[_Item], contested: Sequence[Proposition],
                 documents: Mapping[str, Document]) -> StoryEvent:
    rep = _representative(group)
    members = sorted(group, key=lambda m: (m.event.doc_id, m.event.sent, m.event.start, m.event.id))
    event_ids = tuple(m.event.id for m in members)
    doc_ids = tuple(dict.fromkeys(m.event.doc_id for m in members))
    sentences = tuple(dict.fromkeys(m.event.sentence for m in members))
    value, grain = _story_date(group)
    digest = hashlib.sha1("\n".join(sorted(event_ids)).encode("utf-8")).hexdigest()[:10]
    return StoryEvent(
        id=f"s{digest}",
        date=value,
        granularity=grain,
        summary=summarize(rep.event, [m.event for m in group]),
        plover=rep.event.plover,
        source=rep.event.source,
        target=rep.event.target,
        events=event_ids,
        documents=doc_ids,
        sentences=sentences,
        propositions=_touching(members, contested),
        disagreements=_disagreements(members, rep, documents),
        goldstein=rep.event.goldstein,
        quad_class=rep.event.quad_class,
        date_how="publication" if all(m.pegged for m in group) else "reported",
    )


def _touching(members: Sequence[_Item], contested: Sequence[Proposition]) -> tuple[str, ...]:
    """Contested propositions claimed in a member document that share content words with the
    members' sentences (actor names excluded: every sentence of the dyad has them)."""
    docs = {m.event.doc_id for m in members}
    exclude = _actor_words([r for m in members for r in (m.event.source, m.event.target, *m.event.others)])
    words = frozenset().union(*(_content_words(m.event.sentence, exclude) for m in members))
    touched = []
    for prop in contested:
        if not docs.intersection(prop.documents):
            continue
        prop_words = _content_words(prop.text, exclude | _actor_words([*prop.asserted_by, *prop.denied_by]))
        shared = len(prop_words & words)
        if shared >= MIN_SHARED_WORDS_PROPOSITION or \
                (shared and shared / len(prop_words) >= MIN_SHARED_SHARE_PROPOSITION):
            touched.append(prop.id)
    return tuple(touched)


# ── disagreements ───────────────────────────────────────────────────────────────────────

def _doc_label(doc_id: str, documents: Mapping[str, Document]) -> str:
    doc = documents.get(doc_id)
    return doc.name if doc is not None and doc.name else doc_id


def _by_doc(values: Mapping[str, set[str]], documents: Mapping[str, Document]) -> str:
    """'26 (doc-a); 28 (doc-b, doc-c)' from {value: {doc ids}}."""
    parts = []
    for value in sorted(values):
        labels = ", ".join(sorted(_doc_label(d, documents) for d in values[value]))
        parts.append(f"{value} ({labels})")
    return " vs ".join(parts)


def _disagreements(members: Sequence[_Item], rep: _Item, documents: Mapping[str, Document]
                   ) -> tuple[str, ...]:
    """What the reports disagree on, as readable lines: dates, figures, who acted."""
    out = []
    # Dates: day-level values the reports state that differ (coarser ones only state less,
    # and a date taken from a paragraph's context is no statement of the report).
    days: dict[str, set[str]] = defaultdict(set)
    for m in members:
        if m.days == 1 and m.event.date.how in ("clause", "corpus"):
            days[m.value].add(m.event.doc_id)
    if len(days) > 1:
        out.append(f"date: {_by_doc(days, documents)}")
    # Figures: the same quantity given different values by different articles.
    figures: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in members:
        for f in m.event.figures:
            value = f"{f.value:g} {f.unit}".strip()
            figures[(f.what.lower(), f.unit.lower())][value].add(m.event.doc_id)
    for (what, _unit), values in sorted(figures.items()):
        docs_per_value = list(values.values())
        all_docs = set().union(*docs_per_value)
        if len(values) > 1 and len(all_docs) > 1 and not all(d == all_docs for d in docs_per_value):
            out.append(f"{what}: {_by_doc(values, documents)}")
    # Who acted: different named persons (or armed groups, or forces) of one country on a
    # side, once each report is turned to face the representative's direction.
    for side, label in ((0, "who acted"), (1, "against whom")):
        named: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for m in members:
            ref = _oriented(m.event, rep.event)[side]
            if ref is not None and ref.actor_id and ref.kind in NAMED_KINDS:
                named[f"{ref.kind}:{ref.country or ''}"][ref.name or ref.actor_id].add(m.event.doc_id)
        for _key, names in sorted(named.items()):
            if len(names) > 1:
                out.append(f"{label}: {_by_doc(names, documents)}")
    return tuple(out)


def _oriented(event: Event, rep: Event) -> tuple[ActorRef | None, ActorRef | None]:
    """(source, target) of ``event`` turned to match ``rep`` when the type is symmetric."""
    straight = (event.source, event.target)
    if event.plover.upper() not in _type_rules().symmetric:
        return straight
    keep = (_compare_refs(event.source, rep.source) or 0) + (_compare_refs(event.target, rep.target) or 0)
    swap = (_compare_refs(event.target, rep.source) or 0) + (_compare_refs(event.source, rep.target) or 0)
    return (event.target, event.source) if swap > keep else straight


# ── summaries ───────────────────────────────────────────────────────────────────────────

@functools.cache
def _state_names() -> Mapping[str, str]:
    """ISO3 → the state's name, from the actor base's state list (when it is installed)."""
    try:
        from .actors.base import load_states
    except ImportError:  # pragma: no cover - the actors stage ships with the package
        return {}
    return {s.id: s.name for s in load_states() if s.name}


def _display(ref: ActorRef | None, person_style: str) -> str | None:
    """How a summary names an actor: a person by surname, a state or its government by the
    state's name (headlines say "Pakistan rejects", not "Pakistan government rejects"),
    anything else by its name."""
    if ref is None or (_identity(ref) is None and ref.kind != "nsa"):
        return None  # an unresolved name ("Dialogue", "April") would mislead more than help
    name = ref.name or ref.text
    if ref.kind in ("state", "government") and ref.country:
        if ref.kind == "government" or not name or name == ref.country:
            name = _state_names().get(ref.country, name or ref.country)
    if not name:
        return None
    if ref.kind == "person" and person_style == "surname":
        parts = name.split()
        return parts[-1] if parts else name
    return name


def _plural(ref: ActorRef | None, name: str | None, irregular: frozenset[str]) -> bool:
    """A group named by a plural noun ("militants", "Pakistani armed forces", "gunmen") takes
    a plural verb; states ("the Philippines") and people never do."""
    if ref is None or not name or ref.kind in ("state", "government", "person", "igo"):
        return False
    last = name.split()[-1].lower()
    if last in irregular:
        return True
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _plural_verb(text: str, source: str) -> str:
    """Turn the verb right after the source into the plural: "strikes" → "strike"."""
    head, sep, rest = text.partition(source + " ")
    if not sep or head:
        return text
    verb, space, tail = rest.partition(" ")
    if verb.endswith("ies"):
        verb = verb[:-3] + "y"
    elif verb.endswith(("ches", "shes", "sses", "xes", "zes")):
        verb = verb[:-2]
    elif verb == "is":
        verb = "are"
    elif verb == "has":
        verb = "have"
    elif verb.endswith("s") and not verb.endswith("ss"):
        verb = verb[:-1]
    return head + sep + verb + space + tail


def _join(names: Sequence[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_pair(rep: Event, members: Sequence[Event]) -> bool:
    """Both sides act alike: a symmetric type reported in both directions by the members."""
    if rep.plover.upper() not in _type_rules().symmetric or rep.target is None:
        return False
    return any(_compare_refs(e.source, rep.target) == STRONG and _compare_refs(e.target, rep.source) == STRONG
               for e in members)


def _named_first_by_most(rep: Event, members: Sequence[Event]) -> str:
    """For a symmetric event, which of the representative's sides most reports name first
    ("source" unless its target acts in more of them): "India and Pakistan agree"."""
    if rep.plover.upper() not in _type_rules().symmetric or rep.target is None:
        return "source"
    as_source = sum(_compare_refs(e.source, rep.source) == STRONG for e in members)
    as_target = sum(_compare_refs(e.source, rep.target) == STRONG for e in members)
    return "target" if as_target > as_source else "source"


def _near_trigger(event: Event) -> str:
    """The trigger and the few words after it in its sentence, lower-cased."""
    sentence = event.sentence
    at = sentence.lower().find(event.trigger.lower()) if event.trigger else -1
    if at < 0:
        return event.trigger.lower()
    after = sentence[at:].split()
    return " ".join(after[: TOPIC_WINDOW_WORDS + len(event.trigger.split())]).lower()


def _topic(members: Sequence[Event], plover: str) -> Mapping[str, str] | None:
    _, topics, _, _ = _summaries()
    windows = [_near_trigger(e) for e in members]
    for topic in topics:
        if plover.upper() not in topic["types"]:
            continue
        if any(topic["pattern"].search(window) for window in windows):
            return topic["variants"]
    return None


def summarize(event: Event, members: Sequence[Event] = ()) -> str:
    """A one-line plain-English summary of an event (or of the story event it represents,
    whose reports are ``members``): "India strikes targets in Pakistan"."""
    templates, _, person_style, plurals = _summaries()
    members = list(members) or [event]
    first, rest = event.source, _recipients(event)
    if _named_first_by_most(event, members) == "target":
        first, rest = event.target, (event.source, *(r for r in rest if r is not event.target))
    source = _display(first, person_style)
    recipients = [_display(r, person_style) for r in rest if r is not None]
    recipients = [r for r in recipients if r and r != source]
    values = {
        "source": source,
        "target": recipients[0] if recipients else None,
        "targets": _join(recipients) or None,
        "pair": _join([source, recipients[0]]) if source and recipients else None,
    }
    pair = _is_pair(event, members)
    target_is_place = event.target is not None and event.target.kind in ("state", "government")
    order = [v for v in _VARIANTS
             if (v != "pair" or pair) and (v != "place" or target_is_place)
             and (v != "single" or len(recipients) == 1)]
    chains = []
    topic = _topic(members, event.plover)
    if topic:
        chains.append(topic)
    plover = event.plover.upper()
    if event.mode:
        chains.append(templates.get(f"{plover}/{event.mode}", {}))
    chains.append(templates.get(plover, {}))
    needs = {"pair": ("pair",), "place": ("source", "target"), "single": ("source", "target"),
             "directed": ("source", "target"),
             "source": ("source",), "target": ("target",)}
    for chain in chains:
        for variant in order:
            text = chain.get(variant)
            if text and all(values[k] for k in needs[variant]):
                line = text.format(**{k: v or "" for k, v in values.items()})
                if source and _plural(first, source, plurals):
                    line = _plural_verb(line, source)
                return _capitalise(line)
    # Nothing fits (an unknown type, or no actor at all): say what is known.
    who = source or values["targets"] or "Unnamed actors"
    return _capitalise(f"{who}: {plover.lower()} ({event.trigger})")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# ── the CLI table ───────────────────────────────────────────────────────────────────────

def format_timeline(story: Sequence[StoryEvent], documents: Mapping[str, Document] | None = None
                    ) -> str:
    """The storyline as plain text for the CLI: one line per story event (date, precision,
    summary, how many articles and reports), then its disagreements ("!") and the contested
    propositions that touch it ("?"); with ``documents``, the articles by name."""
    if not story:
        return "No dated events to show."
    width = max(10, *(len(s.date or "") for s in story))
    lines = [f"{'date':<{width}}  {'precision':<9} {'articles':>8} {'reports':>7}  summary"]
    for s in story:
        lines.append(f"{s.date or '':<{width}}  {s.granularity:<9} {len(s.documents):>8} "
                     f"{len(s.events):>7}  {s.summary}")
        pad = " " * (width + 30)
        if documents:
            names = ", ".join(_doc_label(d, documents) for d in s.documents)
            lines.append(f"{pad}sources: {names}")
        for d in s.disagreements:
            lines.append(f"{pad}! {d}")
        for p in s.propositions:
            lines.append(f"{pad}? contested: {p}")
    return "\n".join(lines)
