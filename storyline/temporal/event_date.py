"""Dating an event from the time expressions around its trigger.

Order of evidence: an expression inside the trigger's own clause (or a nominal trigger's own
modifier, "the May 10 ceasefire"); else one on a clause that governs it ("On May 10, Trump
announced that they had agreed"); else the last resolved date earlier in the paragraph; else
undated. The publication date is never used silently: an undated event stays undated.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from ..records import EventDate, ParsedDoc, TimeExpr
from .calendar import bounds, parse_anchor
from .lexicon import lexicon
from .scan import clause_verb

# Dependency labels of a noun that is an argument of its verb: a date attached to that noun
# dates the noun's own event ("a strike on February 14"), not the verb's.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "appos", "conj"}
# Clause links through which a governing clause's date is inherited by the clause below it.
_INHERITING_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis"}
# How many clause levels up a governing date is looked for.
MAX_CLAUSE_LEVELS = 3


def date_event(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger_token: int) -> EventDate:
    """The date of the event whose trigger is token ``trigger_token``.

    Returns an EventDate with how="clause" (an expression governing the trigger's clause, or
    a nominal trigger's own modifier), "discourse" (the last resolved date earlier in the
    paragraph or sentence) or "undated" (value None). Durations, eras and bounds ("since
    1947", "by 2047", "four days") never date an event.
    """
    toks = parsed.tokens
    if not toks or not 0 <= trigger_token < len(toks):
        return EventDate(value=None, how="undated", evidence=None)
    usable = [t for t in timexes if _is_event_date(t)]
    starts = [t.idx for t in toks]
    heads = {id(t): _head_token(parsed, starts, t) for t in usable}

    # 1. the trigger's own modifiers and its own clause
    own_clause = clause_verb(parsed, trigger_token)
    best = None
    for tx in usable:
        h = heads[id(tx)]
        if h is None:
            continue
        rank = _attachment(parsed, h, trigger_token, own_clause)
        if rank is not None:
            key = (rank, abs(toks[h].idx - toks[trigger_token].idx))
            if best is None or key < best[0]:
                best = (key, tx)
    if best:
        return _as_event_date(best[1], "clause", best[1].text)

    # 2. a clause that governs the trigger's clause
    verb = own_clause
    for _ in range(MAX_CLAUSE_LEVELS):
        if verb is None or toks[verb].dep not in _INHERITING_DEPS or toks[verb].head == verb:
            break
        verb = clause_verb(parsed, toks[verb].head)
        if verb is None:
            break
        found = [tx for tx in usable if heads[id(tx)] is not None
                 and _attachment(parsed, heads[id(tx)], -1, verb) is not None]
        if found:
            tx = min(found, key=lambda t: abs(t.start - toks[trigger_token].idx))
            return _as_event_date(tx, "clause", f"{tx.text} (governing clause)")

    # 3. the discourse: the last resolved date earlier in the paragraph
    sent = toks[trigger_token].sent
    paragraph = parsed.sentences[sent].paragraph if sent < len(parsed.sentences) else None
    pos = toks[trigger_token].idx
    earlier = [tx for tx in usable if tx.end <= pos and tx.sent < len(parsed.sentences)
               and parsed.sentences[tx.sent].paragraph == paragraph]
    if earlier:
        tx = max(earlier, key=lambda t: t.start)
        where = "the same sentence" if tx.sent == sent else "earlier in the paragraph"
        return _as_event_date(tx, "discourse", f"from {where}: '{tx.text}'")
    return EventDate(value=None, granularity="unknown", how="undated", evidence=None)


def _is_event_date(tx: TimeExpr) -> bool:
    """A resolved point or period that can date an event (not a duration, era or bound)."""
    if tx.kind != "date" or not tx.value or "/" in tx.value or tx.granularity == "decade":
        return False
    bound_words = lexicon().bounds
    first = tx.text.split()[0].lower() if tx.text.split() else ""
    return not (tx.modifier in bound_words.values() and first in bound_words)


def _head_token(parsed: ParsedDoc, starts: list[int], tx: TimeExpr) -> int | None:
    """The token of the expression whose head lies outside it."""
    first = bisect.bisect_right(starts, tx.start) - 1
    last = bisect.bisect_left(starts, tx.end) - 1
    if first < 0 or last < first:
        return None
    for i in range(first, last + 1):
        h = parsed.tokens[i].head
        if not first <= h <= last or h == i:
            return i
    return first


def _attachment(parsed: ParsedDoc, h: int, trigger: int, clause: int | None) -> int | None:
    """How directly the expression headed at h attaches to the trigger or its clause.

    0: a modifier of the trigger itself; 1: a dependent of the clause verb (directly or
    through prepositions and adjunct nouns); None: it belongs elsewhere (another clause, or a
    noun that is an argument of the verb).
    """
    toks = parsed.tokens
    i, seen = h, set()
    through_argument = False
    while i not in seen:
        seen.add(i)
        if i == trigger:
            return 0
        if i == clause:
            return None if through_argument else 1
        t = toks[i]
        if i != h and t.pos in ("VERB", "AUX") and t.dep not in ("aux", "auxpass", "amod"):
            return None  # reached another clause's verb first
        if i != h and t.pos in ("NOUN", "PROPN", "PRON") and t.dep in _ARGUMENT_DEPS:
            through_argument = True
        if t.head == i:
            return None
        i = t.head
    return None


def representative(tx: TimeExpr) -> tuple[str | None, str]:
    """The value to date an event with, and its granularity.

    Days, months and years are kept; a week becomes the middle of the part of it the
    expression allows ("earlier this week": the days before the anchor), granularity "week";
    a season becomes its middle month.
    """
    if tx.granularity in ("day", "month", "year"):
        return tx.value, tx.granularity
    span = bounds(tx.value)
    if span is None:
        return None, "unknown"
    lo, hi = span
    if tx.granularity == "week":
        anchor = parse_anchor(tx.anchor)
        if anchor and anchor[1] == "day" and lo <= anchor[0] <= hi:
            a = anchor[0]
            if tx.text.lower().startswith("earlier"):
                hi = max(lo, a - dt.timedelta(days=1))
            elif tx.text.lower().startswith("later"):
                lo = min(hi, a + dt.timedelta(days=1))
            else:
                hi = a
        mid = lo + (hi - lo) // 2
        return mid.isoformat(), "week"
    if tx.granularity == "season":
        mid = lo + (hi - lo) // 2
        return f"{mid.year:04d}-{mid.month:02d}", "season"
    return None, "unknown"


def _as_event_date(tx: TimeExpr, how: str, evidence: str) -> EventDate:
    value, gran = representative(tx)
    if value is None:
        return EventDate(value=None, granularity="unknown", how="undated", evidence=None)
    return EventDate(value=value, granularity=gran, how=how, evidence=evidence)
