"""Dating an event from the time expressions around its trigger.

Order of evidence: an expression inside the trigger's own clause (or a nominal trigger's own
modifier, "the May 10 ceasefire"); else a dated event the store knows, when the trigger is
one of the words that name it ("Modi's summit with Putin", how="corpus"); else, for an event
hung on another by "after"/"before" ("struck on Saturday, a day after they signed"), the
other event's day moved by the measured gap, or undated when no gap is measured; else an
expression on a clause that governs it ("On May 10, Trump announced that they had agreed");
else the last resolved date earlier in the paragraph that dates its own sentence's clause (a
date inside a noun phrase, "followed a strike on February 14", dates that phrase only; a
clause in the present perfect, "has been in contact", takes none); else undated. The
publication date is never used silently: an undated event stays undated.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import EventDate, ParsedDoc, TimeExpr
from .calendar import bounds, parse_anchor, shift
from .known import sentence_matches, slot_key
from .lexicon import lexicon, ordinal_value
from .scan import clause_verb, span_head

# Dependency labels of a noun that is an argument of its verb: a date attached to that noun
# dates the noun's own event ("a strike on February 14"), not the verb's.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "appos", "conj"}
# Clause links through which a governing clause's date is inherited by the clause below it.
_INHERITING_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis"}
# The days a part of a month covers ("late February": the 20th to the end); an event dated by
# one gets the part's middle day at week granularity, which is what the part is precise to.
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (20, None)}
# How many clause levels up a governing date is looked for.
MAX_CLAUSE_LEVELS = 3
# How many events deep a chain of "a day after ... two days before ..." is followed.
MAX_LINK_DEPTH = 3


def date_event(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger_token: int, depth: int = 0) -> EventDate:
    """The date of the event whose trigger is token ``trigger_token``.

    Returns an EventDate with how="clause" (an expression governing the trigger's clause, or
    a nominal trigger's own modifier), "discourse" (the last resolved date earlier in the
    paragraph or sentence) or "undated" (value None). Durations and bounds ("by 2047", "four
    days") never date an event; "since" on the trigger or its clause dates a state that holds
    since then by its onset ("under sanctions since 2017", "protests since June").
    """
    toks = parsed.tokens
    if not toks or not 0 <= trigger_token < len(toks):
        return EventDate(value=None, how="undated", evidence=None)
    usable = [t for t in timexes if _is_event_date(t)]
    starts = [t.idx for t in toks]
    heads = {id(t): _head_token(parsed, starts, t) for t in usable}

    # 1. the trigger's own modifiers and its own clause ("terror" in "a terror strike on
    # February 14" stands for the noun it compounds)
    if toks[trigger_token].dep == "compound" and toks[trigger_token].pos in ("NOUN", "PROPN"):
        trigger_token = toks[trigger_token].head
    own_clause = clause_verb(parsed, trigger_token)
    link = sequence_link(parsed, trigger_token)
    baseline = _baseline_start(parsed, trigger_token, own_clause)
    best = None
    for tx in usable:
        h = heads[id(tx)]
        if h is None or (baseline is not None and tx.sent == toks[trigger_token].sent and tx.start > baseline):
            continue
        rank = _attachment(parsed, h, trigger_token, own_clause, _names_a_weekday(tx))
        # An event hung on another by "after"/"before" keeps only a date of its own: its
        # modifier, or its own clause when that clause is the one the word introduces.
        if rank is not None and link is not None and not (rank == 0 or link.own_clause):
            continue
        if rank is not None:
            key = (rank, abs(toks[h].idx - toks[trigger_token].idx))
            if best is None or key < best[0]:
                best = (key, tx)
    if best:
        stated = _as_event_date(best[1], "clause", best[1].text)
        return _narrowed_by_known(parsed, timexes, trigger_token, stated, bounds(best[1].value))

    onset = _onset(parsed, timexes, starts, trigger_token, own_clause)
    if onset is not None:
        return onset

    # 2. a dated event the store knows, named by the trigger and its sentence, or by the
    # clause of "on the day <clause>"
    same_day = _on_the_day_of(parsed, timexes, trigger_token) or _on_an_anniversary(parsed, timexes, trigger_token)
    if same_day is not None:
        return same_day
    known = _known_event_date(parsed, timexes, trigger_token)
    if known is not None:
        return known
    if link is not None:
        return _date_from_link(parsed, timexes, link, depth)

    # 3. a clause that governs the trigger's clause
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

    # 4. the discourse: the last resolved date earlier in the paragraph that sets the time of
    # its own clause (not one inside a noun phrase that is an argument of its verb). A clause
    # in the present perfect or progressive ("has been in contact") tells what holds now, not
    # at the paragraph's last date: it takes none (the news peg may date it).
    if is_current_tense(parsed, trigger_token) and not _points_back(parsed, trigger_token):
        return EventDate(value=None, granularity="unknown", how="undated", evidence=None)
    sent = toks[trigger_token].sent
    paragraph = parsed.sentences[sent].paragraph if sent < len(parsed.sentences) else None
    pos = toks[trigger_token].idx
    earlier = [tx for tx in usable if tx.end <= pos and tx.sent < len(parsed.sentences)
               and parsed.sentences[tx.sent].paragraph == paragraph
               and _sets_clause_time(parsed, heads[id(tx)], _names_a_weekday(tx))]
    if earlier:
        tx = max(earlier, key=lambda t: t.start)
        where = "the same sentence" if tx.sent == sent else "earlier in the paragraph"
        return _as_event_date(tx, "discourse", f"from {where}: '{tx.text}'")
    return EventDate(value=None, granularity="unknown", how="undated", evidence=None)



@dataclass(frozen=True, slots=True)
class SequenceLink:
    """An event hung on another at a different time ("a day after they signed").

    ``direction`` -1: the hung event is the earlier one; ``governor`` the token of the event
    it hangs on; ``gap_days`` the measured gap (None: not measured, "days after");
    ``own_clause`` True when the link word introduces the hung event's own clause.
    """

    word: str
    direction: int
    governor: int
    gap_days: int | None
    gap_text: str
    own_clause: bool


def sequence_link(parsed: ParsedDoc, trigger: int) -> SequenceLink | None:
    """The "after"/"before" link that hangs the trigger's event on another one, or None.

    Two shapes: a clause introduced by the word ("..., a day after Moscow and Kyiv signed")
    and a noun or gerund as its object ("a week after the ceasefire", "after signing").
    """
    toks = parsed.tokens
    if not 0 <= trigger < len(toks):
        return None
    links = lexicon().sequence_links
    verb = clause_verb(parsed, trigger)
    if verb is not None and toks[verb].dep == "advcl" and toks[verb].head != verb:
        for c in _children(parsed, verb):
            if c.dep == "mark" and c.text.lower() in links:
                return _link(parsed, c.i, verb, toks[verb].head, own_clause=True)
    node = trigger
    if toks[node].dep == "compound" and toks[node].head != node:
        node = toks[node].head
    for candidate in (node, verb):
        if candidate is None:
            continue
        t = toks[candidate]
        prep = toks[t.head]
        if t.dep in ("pobj", "pcomp") and prep.dep == "prep" and prep.text.lower() in links and prep.head != prep.i:
            return _link(parsed, prep.i, prep.i, prep.head, own_clause=candidate == verb)
    if verb is not None and verb == trigger:
        # the verb hung by a measured gap on a noun event: "recalled its ambassador a day
        # before the clashes" (the gap noun or the verb carries the preposition); without a
        # measured gap ("before the summit") the verb keeps the dates of its clauses
        for c in _children(parsed, verb):
            hooks = [c] if c.dep == "prep" else _children(parsed, c.i) if c.dep == "npadvmod" else []
            for prep in hooks:
                if prep.dep != "prep" or prep.text.lower() not in links:
                    continue
                objs = [o for o in _children(parsed, prep.i) if o.dep == "pobj" and o.pos == "NOUN"
                        and o.lemma.lower() not in lexicon().time_nouns]  # "before dawn" is a time
                hung = _link(parsed, prep.i, verb, objs[0].i, own_clause=True) if objs else None
                if hung is not None and hung.gap_days is not None:
                    return replace(hung, direction=-hung.direction)
    return None


def _children(parsed: ParsedDoc, i: int):
    toks = parsed.tokens
    return [t for t in toks[max(0, i - 15):i + 15] if t.head == i and t.i != i]


def _link(parsed: ParsedDoc, word: int, hook: int, governor: int, own_clause: bool) -> SequenceLink:
    """The link at token ``word`` with the gap measured on it or on ``hook`` ("two days")."""
    lex = lexicon()
    toks = parsed.tokens
    gap, gap_text = None, ""
    for c in _children(parsed, hook) + ([] if hook == word else _children(parsed, word)):
        unit = c.lemma.lower()
        if c.dep != "npadvmod" or unit not in lex.gap_units:
            continue
        nums = [k for k in _children(parsed, c.i) if k.dep in ("nummod", "det")]
        count = lex.numbers.get(nums[0].text.lower()) if nums else None
        if count is None and nums and nums[0].text.isdigit():
            count = int(nums[0].text)
        per_unit = lex.gap_units[unit]
        if per_unit == 0:
            gap = 0  # "hours after": the same day
        elif count is not None:
            gap = count * per_unit
        first = min([c.i, *(k.i for k in _children(parsed, c.i))])
        gap_text = " ".join(t.text for t in toks[first:word + 1])
        break
    return SequenceLink(word=toks[word].text.lower(), direction=lex.sequence_links[toks[word].text.lower()],
                        governor=governor, gap_days=gap, gap_text=gap_text or toks[word].text,
                        own_clause=own_clause)


def _date_from_link(parsed: ParsedDoc, timexes: Sequence[TimeExpr], link: SequenceLink,
                    depth: int) -> EventDate:
    """The hung event's date: the governing event's day moved by the measured gap."""
    undated = EventDate(value=None, granularity="unknown", how="undated", evidence=None)
    if link.gap_days is None or depth >= MAX_LINK_DEPTH:
        return undated
    other = date_event(parsed, timexes, link.governor, depth + 1)
    if other.value is None or other.how in ("undated", "publication"):
        other = _antecedent_date(parsed, timexes, link.governor, depth + 1)
    if other.value is None or other.how in ("undated", "publication"):
        return undated
    if other.granularity != "day":
        if link.gap_days >= 7:
            return undated  # a week off a month-level date may leave the month
        return EventDate(value=other.value, granularity=other.granularity, how=other.how,
                         evidence=f"'{link.gap_text}' an event dated {other.value} ({other.evidence})")
    day = dt.date.fromisoformat(other.value) + dt.timedelta(days=link.direction * link.gap_days)
    return EventDate(value=day.isoformat(), granularity="day", how=other.how,
                     evidence=f"'{link.gap_text}' an event dated {other.value} ({other.evidence})")


def _antecedent_date(parsed: ParsedDoc, timexes: Sequence[TimeExpr], noun: int, depth: int) -> EventDate:
    """The date of what a definite noun takes up ("a day before the clashes"): the nearest
    earlier mention of the same noun that a date of its own dates ("clashes broke out on
    Thursday")."""
    undated = EventDate(value=None, granularity="unknown", how="undated", evidence=None)
    toks = parsed.tokens
    t = toks[noun]
    if t.pos != "NOUN" or not any(c.dep == "det" and c.text.lower() in lexicon().demonstratives | {"the"}
                                  for c in _children(parsed, noun)):
        return undated
    for k in range(noun - 1, -1, -1):
        if toks[k].lemma.lower() == t.lemma.lower() and toks[k].pos == "NOUN":
            found = date_event(parsed, timexes, k, depth)
            if found.value and found.how in ("clause", "corpus"):
                return EventDate(value=found.value, granularity=found.granularity, how=found.how,
                                 evidence=f"'{t.text}' as told earlier: {found.evidence}")
    return undated


def is_current_tense(parsed: ParsedDoc, token: int) -> bool:
    """Present perfect ("has condemned") or present progressive ("is facing") clause."""
    toks = parsed.tokens
    verb = clause_verb(parsed, token)
    if verb is None:
        return False
    auxes = [toks[c] for c in range(max(0, verb - 4), verb)
             if toks[c].head == verb and toks[c].dep in ("aux", "auxpass")]
    if not auxes and toks[verb].tag == "VBG" and toks[verb].dep in ("advcl", "xcomp") \
            and toks[verb].head != verb:
        # a participial adjunct ("has been in contact, urging restraint") shares its
        # governor's tense
        return is_current_tense(parsed, toks[verb].head)
    tags = {a.tag for a in auxes}
    lemmas = {a.lemma for a in auxes}
    perfect = "have" in lemmas and tags & {"VBZ", "VBP"} and toks[verb].tag == "VBN"
    progressive = "be" in lemmas and tags & {"VBZ", "VBP"} and toks[verb].tag == "VBG"
    return bool(perfect or progressive)


def _points_back(parsed: ParsedDoc, trigger: int) -> bool:
    """True when the trigger's clause takes up the previous sentences' event with a
    demonstrative ("has condemned this incident"): it belongs to that event's time."""
    toks = parsed.tokens
    verb = clause_verb(parsed, trigger)
    if verb is None:
        return False
    demonstratives = lexicon().demonstratives
    for obj in _children(parsed, verb):
        if obj.dep in ("dobj", "nsubjpass") and obj.pos == "NOUN":
            if any(d.dep == "det" and d.text.lower() in demonstratives for d in _children(parsed, obj.i)):
                return True
    return False


def _sets_clause_time(parsed: ParsedDoc, h: int | None, weekday: bool = False) -> bool:
    """True when the expression headed at h dates its clause, not a noun inside it (a weekday
    on the direct object dates the act: "made the comparison on Sunday")."""
    if h is None:
        return False
    verb = clause_verb(parsed, h)
    return verb is None or _attachment(parsed, h, -1, verb, weekday) is not None


def _article_anchor(timexes: Sequence[TimeExpr]) -> dt.date | None:
    """The article's date as the relative expressions were resolved against (their most
    common day-level anchor), or None."""
    counts: dict[str, int] = {}
    for tx in timexes:
        if tx.relative and tx.anchor and len(tx.anchor) == 10:
            counts[tx.anchor] = counts.get(tx.anchor, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda a: (counts[a], a))
    parsed = parse_anchor(best)
    return parsed[0] if parsed else None


def _known_event_date(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger: int) -> EventDate | None:
    """The date of a known event named in the trigger's sentence with the trigger among its
    keywords; a recurring one is its latest occurrence up to the article's date."""
    toks = parsed.tokens
    sent = toks[trigger].sent
    if sent >= len(parsed.sentences):
        return None
    s = parsed.sentences[sent]
    t0 = toks[trigger].idx - s.start
    t1 = t0 + len(toks[trigger].text)
    found = [(e, kws) for e, kws, spans in sentence_matches(s.text)
             if any(a < t1 and t0 < b for a, b in spans)]
    if not found:
        return None
    anchor = _article_anchor(timexes)
    by_set: dict[tuple[str, ...], list] = {}
    for e, kws in found:
        by_set.setdefault(tuple(slot_key(k) for k in kws), []).append(e)
    events = max(by_set.values(), key=len)
    if len(events) > 1:
        if anchor is None:
            return None
        events = [e for e in events if e.date <= anchor]
        if not events:
            return None
    event = max(events, key=lambda e: e.date)
    return EventDate(value=event.date.isoformat(), granularity="day", how="corpus",
                     evidence=f"a known event: {event.name} ({event.date.isoformat()})")


def _on_the_day_of(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger: int) -> EventDate | None:
    """"met Putin on the day Russian forces invaded Ukraine": the day of the known event the
    clause under "the day" names."""
    toks = parsed.tokens
    verb = clause_verb(parsed, trigger)
    for prep in _children(parsed, verb if verb is not None else trigger):
        if prep.dep != "prep" or prep.text.lower() != "on":
            continue
        for day in _children(parsed, prep.i):
            if day.dep != "pobj" or day.lemma.lower() != "day":
                continue
            for clause in _children(parsed, day.i):
                if clause.dep in ("relcl", "acl") and clause.pos == "VERB":
                    known = _known_event_date(parsed, timexes, clause.i)
                    if known is not None:
                        return EventDate(value=known.value, granularity="day", how="corpus",
                                         evidence=f"on the day of {known.evidence}")
    return None


def _on_an_anniversary(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger: int) -> EventDate | None:
    """"published on the first anniversary of Russia's invasion": the known event's day, that
    many years on (on the trigger's clause, or on a clause describing a nominal trigger)."""
    verb = clause_verb(parsed, trigger)
    hosts = [h for h in (verb, trigger) if h is not None]
    hosts += [c.i for c in _children(parsed, trigger) if c.dep in ("relcl", "acl") and c.pos == "VERB"]
    if verb is not None:  # "released a plan on the first anniversary of ...": hung on the object
        hosts += [c.i for c in _children(parsed, verb) if c.dep == "dobj"]
    for host in dict.fromkeys(hosts):
        for prep in _children(parsed, host):
            if prep.dep != "prep" or prep.text.lower() != "on":
                continue
            for noun in _children(parsed, prep.i):
                if noun.dep != "pobj" or noun.lemma.lower() != "anniversary" or _within(parsed, trigger, noun.i):
                    continue  # the invasion whose anniversary it is keeps its own day
                counts = [(c.text, ordinal_value(c.text))
                          for c in _children(parsed, noun.i) if c.dep in ("amod", "nummod")]
                word, years = next(((w, n) for w, n in counts if n), (None, None))
                if years is None:
                    continue
                for of in _children(parsed, noun.i):
                    if of.dep != "prep" or of.text.lower() != "of":
                        continue
                    for event in _children(parsed, of.i):
                        known = _known_event_date(parsed, timexes, event.i) if event.dep == "pobj" else None
                        if known is None:
                            continue
                        day = shift(dt.date.fromisoformat(known.value), years, "year")
                        return EventDate(value=day.isoformat(), granularity="day", how="corpus",
                                         evidence=f"on the {word} anniversary of {known.evidence}")
    return None


def _within(parsed: ParsedDoc, i: int, ancestor: int) -> bool:
    """True when token i lies in the phrase headed by ``ancestor``."""
    toks, seen = parsed.tokens, set()
    while i not in seen:
        if i == ancestor:
            return True
        seen.add(i)
        i = toks[i].head
    return False


def _narrowed_by_known(parsed: ParsedDoc, timexes: Sequence[TimeExpr], trigger: int,
                       stated: EventDate, span: tuple[dt.date, dt.date] | None) -> EventDate:
    """A coarse stated date ("in May") narrowed to the day of a known event that the trigger
    names and that falls inside it ("In May, India responded with missile strikes"), else of
    the only known event its sentence names inside it; the stated date otherwise. A known day
    outside the stated period is not used: the text wins."""
    if stated.value is None or stated.granularity == "day" or not span:
        return stated
    known = _known_event_date(parsed, timexes, trigger)
    if known is not None and span[0].isoformat() <= known.value <= span[1].isoformat():
        return EventDate(value=known.value, granularity="day", how="clause",
                         evidence=f"{stated.evidence}, narrowed by {known.evidence}")
    # "their meeting in Bali in November last year": the one known event its sentence names
    # whole inside the stated period, though the trigger is not one of its words
    sent = parsed.tokens[trigger].sent
    inside = {} if sent >= len(parsed.sentences) else {
        e.date: e for e, _, _ in sentence_matches(parsed.sentences[sent].text) if span[0] <= e.date <= span[1]}
    if len(inside) != 1:
        return stated
    (day, event), = inside.items()
    return EventDate(value=day.isoformat(), granularity="day", how="clause",
                     evidence=f"{stated.evidence}, narrowed by a known event in its sentence: "
                              f"{event.name} ({day.isoformat()})")


def _onset(parsed: ParsedDoc, timexes: Sequence[TimeExpr], starts: list[int], trigger: int,
           clause: int | None) -> EventDate | None:
    """The onset of a state that holds since a date ("has been under sanctions since 2017",
    "have blocked new sanctions since May", "mass protests since June"): what began then is
    the event. Not a superlative's baseline ("the deadliest attack since 2019", "the first
    visit since 2015"), which says nothing of when the event itself happened."""
    toks = parsed.tokens
    for tx in timexes:
        if tx.kind != "era" or tx.modifier != "since" or not tx.value or tx.granularity == "decade":
            continue
        h = _head_token(parsed, starts, tx)
        if h is None or _attachment(parsed, h, trigger, clause) is None:
            continue
        if _measured_against(parsed, trigger, clause, h):
            return None
        part = next((w for w in tx.text.lower().replace("-", " ").split() if w in PART_DAYS), None)
        if part and tx.granularity == "month":
            tx = replace(tx, modifier=part)  # "since late April": the part of the month
        return _as_event_date(tx, "clause", f"{tx.text} (the onset of what holds since then)")
    return None


def _baseline_start(parsed: ParsedDoc, trigger: int, clause: int | None) -> int | None:
    """Where a superlative's or an ordinal's baseline begins ("the first Pakistani foreign
    minister to visit India since Hina Rabbani Khar in 2011": "since" and what follows it
    dates the previous visit, not this one), or None."""
    toks = parsed.tokens
    for t in toks:
        if t.text.lower() == "since" and t.dep == "prep" and t.head in (trigger, clause) \
                and _measured_against(parsed, trigger, clause, t.i):
            return t.idx
    return None


def _measured_against(parsed: ParsedDoc, trigger: int, clause: int | None, h: int) -> bool:
    """True when "since" gives the baseline of a superlative, an ordinal or a comparison
    ("the worst violence since 1999", "the first visit since 2015", "its lowest level since
    2008"): the trigger, its clause's subject or complement, or the word "since" hangs on, is
    so qualified."""
    toks = parsed.tokens
    marked = {"first", "last", "only"}
    heads = {trigger, toks[h].head, toks[toks[h].head].head}
    if toks[trigger].dep in ("relcl", "acl"):
        heads.add(toks[trigger].head)  # "the first minister to visit"
    if clause is not None:
        heads |= {c.i for c in toks if c.head == clause and c.dep in ("attr", "nsubj", "dobj", "acomp")}
    for i in heads:
        for c in toks:
            if c.head == i and (c.tag in ("JJS", "RBS") or c.lemma.lower() in marked):
                return True
        if toks[i].tag in ("JJS", "RBS") or toks[i].lemma.lower() in marked:
            return True
    return False


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
    return span_head(parsed.tokens, first, last)


def _names_a_weekday(tx: TimeExpr) -> bool:
    """"On Wednesday" dates an act, hardly a thing: "signed an order on Wednesday" is the
    signing's day even where the parser hangs it on the order."""
    words = set(tx.text.lower().split())
    return bool(words & lexicon().weekdays.keys()) and not any(c.isdigit() for c in tx.text)


def _attachment(parsed: ParsedDoc, h: int, trigger: int, clause: int | None,
                weekday: bool = False) -> int | None:
    """How directly the expression headed at h attaches to the trigger or its clause.

    0: a modifier of the trigger itself; 1: a dependent of the clause verb (directly or
    through prepositions and adjunct nouns, or a weekday on its direct object); None: it
    belongs elsewhere (another clause, a noun that is an argument of the verb, or a noun it
    completes with "of": "the massacre of April 22").
    """
    toks = parsed.tokens
    lex = lexicon()
    of = toks[toks[h].head]
    if of.i != h and of.dep == "prep" and of.text.lower() == "of" and of.head != of.i:
        noun = toks[of.head]
        if noun.pos in ("NOUN", "PROPN") and noun.lemma.lower() not in lex.time_nouns:
            return 0 if noun.i == trigger else None
    i, seen = h, set()
    through_argument = own_object = False
    while i not in seen:
        seen.add(i)
        if i == trigger:
            return 0
        if i == clause:
            return None if through_argument and not own_object else 1
        t = toks[i]
        if i != h and t.pos == "VERB" and t.dep in ("acl", "relcl") and t.head == trigger:
            return 0  # "the accord, signed on September 5": a participle or relative clause of the noun
        if i != h and t.pos in ("VERB", "AUX") and t.dep not in ("aux", "auxpass", "amod"):
            return None  # reached another clause's verb first
        if i != h and t.pos in ("NOUN", "PROPN", "PRON") and t.dep in _ARGUMENT_DEPS:
            own_object = weekday and t.dep == "dobj" and t.head == clause and not through_argument
            through_argument = True
        if t.head == i:
            return None
        i = t.head
    return None


def representative(tx: TimeExpr) -> tuple[str | None, str]:
    """The value to date an event with, and its granularity.

    Days, months and years are kept, except that a part of a month ("late February") becomes
    the middle day of that part, granularity "week"; a week becomes the middle of the part of it the
    expression allows ("earlier this week": the days before the anchor), granularity "week";
    a season becomes its middle month.
    """
    span = bounds(tx.value)
    if tx.granularity == "month" and tx.modifier in PART_DAYS and span:
        first, last = PART_DAYS[tx.modifier]
        lo = span[0].replace(day=first)
        hi = span[1] if last is None else span[0].replace(day=last)
        return (lo + (hi - lo) // 2).isoformat(), "week"
    if tx.granularity in ("day", "month", "year"):
        return tx.value, tx.granularity
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
