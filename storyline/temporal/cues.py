"""The cues the publication-date inference weighs, each a set of dates the article can have
been written on with the sentence that explains it (see ``publication.py`` for their order)."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..errors import DataError
from ..knowledge import load_yaml
from ..records import Actor, ParsedDoc
from .calendar import add_months, bounds, day_exists, month_end, shift
from .intervals import DaySet
from .known import elections, keyword_pattern, known_events, may_match, slot_key
from .lexicon import lexicon, ordinal_value
from .resolve import LAST_WEEKDAY_MIN_DAYS, speech_days
from .scan import (Found, auxiliaries, clause_tense, clause_verb, has_future_auxiliary, has_modal_auxiliary,
                   pending)

# A date written without its year is taken to lie within this many days of the article
# (before it in a past clause, after it in a future one). Writers name the year once an event
# is about a year old; 330 keeps a "February summit" in a December article (301 days).
PARTIAL_HORIZON_DAYS = 330
# "last December" is said from the end of that December (day 28, a day every month has) to
# the end of the next one: a year and the days left in the month.
COUNTED_MONTH_LAST_DAY = 28
COUNTED_MONTH_HORIZON_DAYS = 368
# A recurring event named without a year (an annual summit, a festival) is its latest
# occurrence, at most this long before the article.
RECURRING_HORIZON_DAYS = 365
# An explicit day in a future clause ("the pause ends on July 9, 2025") is announced at most
# this long before it.
FUTURE_DAY_HORIZON_DAYS = 365
# The day of the month a part of a month starts on ("late February" → from the 20th).
PART_START_DAY = {"early": 1, "mid": 11, "late": 20}
# The distance reported for a cue whose event has no occurrence on the asked side.
NO_GAP = 10 ** 6
# An article marking "the third anniversary of" an event is written this close to the day.
ANNIVERSARY_SLACK_DAYS = 7
# A yearless date written with its weekday ("Sunday, Dec. 3") fixes the year to one in five
# to eleven: as strong as an explicit month and year, so it ranks with them.
WEEKDAY_DATE_RANK = 2
# An elapsed time without a qualifier ("two years into the war") is rounded to the nearest
# unit: the article is within a quarter of a unit of it either way.
ELAPSED_DEFAULT_UNITS = (-0.25, 0.25)
# Corpus anchors are other articles' phrases for an event: weaker than the curated known
# events, so they come after every cue from the article's own dates.
CORPUS_ANCHOR_RANK = 6.5

PUBLICATION_FILE = "time/publication.yaml"
# The actor stage's table of titles as news writes them (read only, for equivalent forms).
TITLES_FILE = "actors/titles.yaml"
IGOS_FILE = "actors/igos.yaml"
GENRE_FILE = "perspective/genre.yaml"


# ── data ────────────────────────────────────────────────────────────────────────────────

@functools.cache
def settings() -> dict:
    raw = load_yaml(PUBLICATION_FILE)
    if not isinstance(raw, dict):
        raise DataError(f"{PUBLICATION_FILE}: expected a mapping")
    return {
        "labels": tuple(str(x).lower() for x in raw.get("dateline_labels", [])),
        "max_lines": int(raw.get("dateline_max_lines", 8)),
        "not_current": tuple(str(x).lower() for x in raw.get("not_current_titles", [])),
        "former": tuple(str(x).lower() for x in raw.get("former_titles", [])),
        "title_prefixes": frozenset(str(x).lower() for x in raw.get("title_prefixes", [])),
        "term_ending": frozenset(str(x).lower() for x in raw.get("term_ending_verbs", [])),
        "statement_verbs": frozenset(str(x).lower() for x in raw.get("statement_verbs", [])),
        "granting_verbs": frozenset(str(x).lower() for x in raw.get("deadline_granting_verbs", [])),
        "title_end_slack": int(raw.get("title_end_slack_days", 0)),
        "stopwords": frozenset(str(x).lower() for x in raw.get("anchor_stopwords", [])),
        "recency": tuple(str(x).lower() for x in raw.get("recency_words", [])),
        "vote_words": tuple(str(x) for x in raw.get("weekday_vote_words", [])),
        "recent_days": int(raw.get("recent_horizon_days", 60)),
        "headline_background": tuple(str(x).lower() for x in raw.get("headline_background_words", [])),
        "office_titles": frozenset(str(x).lower() for x in raw.get("administration_titles", [])),
        "office_periods": frozenset(str(x).lower() for x in raw.get("administration_nouns", [])),
        "term_stages": {" ".join(str(k).split()): (str(v[0]), int(v[1]), int(v[2]))
                        for k, v in (raw.get("term_stage_words") or {}).items()},
    }


# ── cues ────────────────────────────────────────────────────────────────────────────────

@dataclass
class Cue:
    """A set of feasible publication dates, with the sentence that explains it.

    ``allowed(ymin, ymax)`` builds the set (periodic cues unroll over the years given);
    ``gap(day)`` says how far the cue's event is from an article of that day (for choosing
    between windows); ``news``, the days of an event it tells as recent news.
    """

    rank: int
    evidence: str
    allowed: Callable[[int, int], DaySet]
    gap: Callable[[dt.date], tuple[str, int]] | None = None
    periodic: bool = False
    news: tuple[dt.date, ...] = ()  # the days of an event told as the article's recent news


def _fixed(rank: int, evidence: str, days: DaySet) -> Cue:
    return Cue(rank=rank, evidence=evidence, allowed=lambda ymin, ymax: days)


def quote(f: Found) -> str:
    return f"'{f.text}'"


def _explicit_cues(found: Sequence[Found]) -> list[Cue]:
    """Dates that carry their year, by the tense of their clause."""
    cues = []
    for f in found:
        if f.problem or f.year is None or f.form not in ("date", "monthyear", "year", "season"):
            continue
        if f.form == "date":
            value = dt.date(f.year, f.month, f.day).isoformat()
        elif f.form == "monthyear":
            value = f"{f.year:04d}-{f.month:02d}"
        elif f.form == "season":
            value = f"{f.year:04d}-{f.season}"
        else:
            value = f"{f.year:04d}"
        lo, hi = bounds(value)
        rank = 0 if f.form == "date" else 2
        if f.modifier == "since" or (f.tense == "past" and f.modifier not in ("by", "until", "before")):
            cues.append(Cue(rank, f"{quote(f)} is told as past: the article is from {lo.isoformat()} on.",
                             lambda ymin, ymax, d=DaySet.of((lo, None)): d, gap=_gap_to((lo,), "past")))
        elif f.tense == "future" or (f.modifier in ("by", "until", "before") and f.tense != "past"):
            if f.form == "date":
                days = DaySet.of((hi - dt.timedelta(days=FUTURE_DAY_HORIZON_DAYS), hi))
            else:
                days = DaySet.of((None, hi))
            cues.append(Cue(rank, f"{quote(f)} is still ahead: the article is from before {hi.isoformat()}.",
                             lambda ymin, ymax, d=days: d, gap=_gap_to((hi,), "future")))
    return cues


def occurrences(month: int, day: int, weekday: int | None = None) -> Callable[[int, int], list[dt.date]]:
    """The days a yearless date can be, year by year; with its weekday ("Sunday, Dec. 3"),
    only the years in which it fell on that day (one in five to eleven)."""
    def occ(ymin: int, ymax: int) -> list[dt.date]:
        return [dt.date(y, month, day) for y in range(ymin, ymax + 1) if day_exists(y, month, day)
                and (weekday is None or dt.date(y, month, day).weekday() == weekday)]
    return occ


def weekday_name(weekday: int) -> str:
    return dt.date(2024, 1, 1 + weekday).strftime("%A")  # 2024-01-01 was a Monday


def periodic_cue(rank: int, evidence: str, occ: Callable[[int, int], list[dt.date]], direction: str,
              horizon: int, score: bool = True,
              gap_occ: Callable[[int, int], list[dt.date]] | None = None) -> Cue:
    """A cue satisfied near any occurrence of a yearless date or a recurring event; its
    distance to an article is taken from ``gap_occ`` where that differs (a month's end)."""
    def allowed(ymin: int, ymax: int) -> DaySet:
        spans = []
        for d in occ(ymin, ymax):
            spans.append((d, d + dt.timedelta(days=horizon)) if direction == "past"
                         else (d - dt.timedelta(days=horizon), d))
        return DaySet.of(*spans)

    def gap(day: dt.date) -> tuple[str, int]:
        return _gap_to((gap_occ or occ)(day.year - 2, day.year + 2), direction)(day)

    return Cue(rank=rank, evidence=evidence, allowed=allowed, gap=gap if score else None, periodic=True)


def _partial_cues(parsed: ParsedDoc, found: Sequence[Found]) -> list[Cue]:
    """Months and days without a year, and months tied to the article's year."""
    cues = []
    for f in found:
        if f.problem or f.year is not None or f.month is None or f.form not in ("date", "month"):
            continue
        if f.year_of_discourse:
            continue  # "in November that year": the year the text named last, not an unknown one
        day = f.day or PART_START_DAY.get(f.modifier or "", 1)
        tense = "past" if (f.tense == "past" or f.modifier == "since") else f.tense
        if tense not in ("past", "future"):
            continue
        if f.modifier == "by" and tense == "past":
            # a deadline takes the tense of whoever set it, and the parser often hangs a list
            # of deadlines on the wrong verb ("agreed to hand back three districts: Kalbajar
            # by Nov. 15, Agdam by Nov. 20"): as past it would push the article past them
            continue
        if f.modifier == "until" and tense == "past" and _granted_deadline(parsed, f):
            continue  # "were given until November 21 to wind down": the deadline may still be ahead
        if tense == "future" and f.day is None:
            day = 28  # a future month without a day: its end is a safe upper bound
        if f.year_offset is not None:
            cues.append(_year_tie(f, day, tense))
            continue
        if f.form == "month" and f.offset:
            cues.append(_counted_month(f))
            continue
        month_name = dt.date(2000, f.month, 1).strftime("%B")
        what = f"{day} {month_name}" if f.day else month_name
        if tense == "past":
            ev = (f"{quote(f)} is told as past without a year: the article is from the months "
                  f"after {what}")
        else:
            ev = f"{quote(f)} is still ahead, without a year: the article is from the months before {what}"
        weekday = f.weekday if f.day else None
        if weekday is not None:
            ev += f", in a year when it fell on a {weekday_name(weekday)}"
        # a past month named bare ("the talks began in November") lies behind the article
        # from its end: in the month itself a report says "earlier this month"
        gap_occ = _month_ends(f.month, f.modifier) if tense == "past" and f.day is None else None
        cues.append(periodic_cue(WEEKDAY_DATE_RANK if weekday is not None else 6, ev + ".",
                                 occurrences(f.month, day, weekday), tense, PARTIAL_HORIZON_DAYS,
                                 gap_occ=gap_occ))
    return cues


def _month_ends(month: int, part: str | None) -> Callable[[int, int], list[dt.date]]:
    """The last day of a month (or of its early part), year by year."""
    def occ(ymin: int, ymax: int) -> list[dt.date]:
        return [dt.date(y, month, PART_START_DAY["mid"] - 1) if part == "early" else month_end(y, month)
                for y in range(ymin, ymax + 1)]
    return occ


def _granted_deadline(parsed: ParsedDoc, f: Found) -> bool:
    """True when "until <date>" is a deadline someone was given ("were given until November
    21 to wind down", "has until Friday to respond"), not the end of something that went on:
    the verb it hangs on grants time, or an infinitive of what must be done follows it."""
    toks = parsed.tokens
    if f.tok_start < 0 or f.tok_end > len(toks):
        return False
    head = clause_verb(parsed, f.tok_start)
    if head is not None and toks[head].lemma.lower() in settings()["granting_verbs"]:
        return True
    nxt = f.tok_end
    return nxt + 1 < len(toks) and toks[nxt].text.lower() == "to" and toks[nxt + 1].tag == "VB"


def _counted_month(f: Found) -> Cue:
    """"last December": the article is from after that month and within the year that
    follows it (in a December article it names the December before); "next March": from the
    year before that month."""
    month_name = dt.date(2000, f.month, 1).strftime("%B")
    if f.offset < 0:
        ev = (f"{quote(f)} is the {month_name} before the article's month, and not the month just "
              f"past (that is \"last month\"): the article is from the second month after a "
              f"{month_name} to a year after it.")
        cue = periodic_cue(6, ev, occurrences(f.month, COUNTED_MONTH_LAST_DAY), "past", COUNTED_MONTH_HORIZON_DAYS)

        def allowed(ymin: int, ymax: int, m=f.month) -> DaySet:
            spans = []
            for y in range(ymin, ymax + 1):
                start = dt.date(*add_months(y, m, 2), 1)
                spans.append((start, dt.date(y, m, COUNTED_MONTH_LAST_DAY) + dt.timedelta(days=COUNTED_MONTH_HORIZON_DAYS)))
            return DaySet.of(*spans)
        return replace(cue, allowed=allowed)
    ev = (f"{quote(f)} is the {month_name} after the article's month: the article is from the year "
          f"before a {month_name}.")
    return periodic_cue(6, ev, occurrences(f.month, 1), "future", COUNTED_MONTH_HORIZON_DAYS)


def _year_tie(f: Found, day: int, tense: str) -> Cue:
    """'late February this year': the article's year is the month's year (plus the offset)."""
    off = f.year_offset or 0

    def allowed(ymin: int, ymax: int) -> DaySet:
        spans = []
        for y in range(ymin, ymax + 1):
            if not day_exists(y, f.month, day):
                continue
            event = dt.date(y, f.month, day)
            ay = y - off
            if not 1 <= ay <= 9999:
                continue
            lo, hi = dt.date(ay, 1, 1), dt.date(ay, 12, 31)
            if off == 0 and tense == "past":
                lo = max(lo, event)
            if off == 0 and tense == "future":
                hi = min(hi, event)
            spans.append((lo, hi))
        return DaySet.of(*spans)

    word = {0: "this year", -1: "last year", 1: "next year"}.get(off, "")
    ev = (f"{quote(f)} names the article's own year ({word})"
          + (" and is told as past: the article is later that year." if tense == "past" and off == 0 else "."))
    return Cue(rank=4, evidence=ev, allowed=allowed, periodic=True)


# ── people with dated titles ────────────────────────────────────────────────────────────

@functools.cache
def _equivalent_titles() -> dict[str, tuple[str, ...]]:
    """Each title of the actor stage's title table (``actors/titles.yaml``) mapped to every
    surface of the same office ("Defence Minister" → "Minister of Defense", "Defence
    Secretary"...), so that a person's dated title is found however an outlet writes it.

    Only entries that name one office are used: no role key (a rank, "Ambassador") or other
    offices the same words often denote ("leader", "top diplomat") leave a title alone.
    """
    try:
        raw = load_yaml(TITLES_FILE)
    except DataError:
        return {}
    entries = raw.get("titles") if isinstance(raw, dict) else None
    by_role: dict[str, list[str]] = {}
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not entry.get("role") or entry.get("alternatives") \
                or entry.get("lookup") is False:
            continue
        by_role.setdefault(str(entry["role"]), []).extend(str(s) for s in entry.get("surface") or ())
    out: dict[str, tuple[str, ...]] = {}
    for surfaces in by_role.values():
        for s in surfaces:
            out[" ".join(s.lower().split())] = tuple(dict.fromkeys(surfaces))
    return out


@functools.cache
def _igo_name_at_end() -> re.Pattern:
    """The names of intergovernmental organisations (``actors/igos.yaml``), short or full, at
    the end of a text: a title after one ("EU foreign policy chief", "the European Union's
    foreign policy chief", "UN envoy") is a post in it."""
    try:
        raw = load_yaml(IGOS_FILE)
    except DataError:
        raw = []
    names = set()
    for entry in raw if isinstance(raw, list) else ():
        if isinstance(entry, dict):
            for name in [entry.get("code"), entry.get("name"), *(entry.get("aliases") or ())]:
                name = re.sub(r"^the\s+", "", " ".join(str(name or "").split()), flags=re.IGNORECASE)
                if name:
                    names.add(re.escape(name).replace(r"\ ", r"\s+"))
    if not names:
        return re.compile(r"(?!)")
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(-])(?:{alternatives})(?:['’]s)?$", re.IGNORECASE)


def _title_forms(title: str) -> list[str]:
    t = " ".join(title.split())
    forms = [t]
    # "Secretary-General of the United Nations" → "Secretary-General"; "High Representative
    # for Foreign Affairs..." → "High Representative" (but never a bare "Minister").
    short = re.split(r" (?:of|for) ", t, maxsplit=1)[0].strip()
    if short != t and short.lower() not in ("secretary", "minister"):
        forms.append(short)
    forms += _equivalent_titles().get(t.lower(), ())
    return list(dict.fromkeys(forms))


def _role_span(start: str | None, end: str | None, slack: bool = True) -> tuple[dt.date | None, dt.date | None]:
    """The days a term covers, its end widened by the slack news takes to drop a title
    ("President Ghani, who fled on Sunday" is written the day after he ceased to be)."""
    lo = bounds(start)[0] if start and bounds(start) else None
    hi = bounds(end)[1] if end and bounds(end) else None
    if hi is not None and slack:
        hi += dt.timedelta(days=settings()["title_end_slack"])
    return lo, hi


@dataclass(frozen=True)
class _Term:
    """A term in office of a head of government the article names with that title, for "two
    months into a new administration"."""

    holder: str
    title: str
    start: dt.date
    number: int  # 1 for the holder's first term with that title


def _role_cues(parsed: ParsedDoc, people: Sequence[Actor], heads: list[_Term] | None = None) -> list[Cue]:
    """A person named next to a title they held only for a time dates the article to it.
    ``heads`` collects the terms of those named with a title that heads an administration
    (publication.yaml's administration_titles)."""
    text = parsed.text
    not_current = settings()["not_current"]
    shared = _shared_single_names(people)
    cues = []
    for actor in people:
        if actor.kind != "person" or not actor.roles:
            continue
        names = [n for n in dict.fromkeys([actor.name, *actor.aliases]) if n and len(n) >= 3]
        parts = actor.name.split()
        if len(parts) > 1 and len(parts[-1]) >= 3:
            names.append(parts[-1])
        names = [n for n in names if n not in shared]
        names = [n for n in names if n in text]  # a cheap filter before the regexes
        hit = former = None
        staged_here = False
        for name in names:
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                if _followed_by_name(text, m.end()):
                    continue  # "Hamid Karzai" names somebody else than Abdul Hamid
                roles, no_longer, staged = _titles_at(text, m.start(), m.end(), actor, name == parts[-1], not_current)
                if staged and (cue := _stage_cue(actor, *staged)):
                    cues.append(cue)
                    staged_here = True
                if roles:
                    hit = (m, roles)
                    break
                former = former or no_longer
            if hit:
                break
        if not hit:
            if former and not staged_here and (cue := _former_cue(actor, *former)):
                cues.append(cue)
            continue
        m, (roles, snippet) = hit
        roles = list(dict.fromkeys(roles))  # a base may list one term twice
        if heads is not None:
            heads.extend(_terms_of(actor, roles))
        terms = " and ".join(
            (f"from {r.start}" if r.start else "until") + (f" to {r.end}" if r.end else " on")
            for r in roles)
        if _term_ends_here(parsed, m.start()):
            spans = [_role_span(r.start, None) for r in roles]
            ev = (f"'{snippet}': {actor.name} was {roles[0].title} {terms}, and the sentence tells "
                  f"how that ended; the article is from the start of that time on.")
        elif _past_when_clause(parsed, m.start()):
            spans = [_role_span(r.start, None) for r in roles]
            ev = (f"'{snippet}': {actor.name} was {roles[0].title} {terms}, named in a past 'when' "
                  f"clause, as of that time; the article is from the start of that time on.")
        else:
            spans = [_role_span(r.start, r.end) for r in roles]
            ev = (f"'{snippet}': {actor.name} was {roles[0].title} {terms}; the article is from "
                  f"{'one of those terms' if len(roles) > 1 else 'that time'}.")
        cues.append(_fixed(1, ev, DaySet.of(*spans)))
    return cues


def _terms_of(actor: Actor, roles: Sequence) -> list[_Term]:
    """The terms among ``roles`` whose title heads an administration, numbered among all the
    actor's terms with that title ("his second term")."""
    heads = settings()["office_titles"]
    out = []
    for role in roles:
        if role.title.lower() not in heads or not role.start:
            continue
        same = sorted({r.start for r in actor.roles if r.title == role.title and r.start})
        start = bounds(role.start)
        if start:
            out.append(_Term(actor.name, role.title, start[0], same.index(role.start) + 1))
    return out


# How many tokens back from a name the verb that ends its term may stand.
TERM_VERB_WINDOW = 24
# Prepositions that add a member to a list ("commanders, including Bagheri").
_LISTING = frozenset({"including", "among"})


def _past_when_clause(parsed: ParsedDoc, offset: int) -> bool:
    """True when the name at ``offset`` stands in a past clause introduced by "when" ("since
    December, when the administration of US President Donald Trump recognised ..."): the
    title is the one held then, and says nothing of whether it still is."""
    toks = parsed.tokens
    if not toks:
        return False
    name = max(0, bisect.bisect_right([x.idx for x in toks], offset) - 1)
    v = clause_verb(parsed, name)
    if v is None or toks[v].dep not in ("relcl", "advcl") or toks[v].tag != "VBD":
        return False
    return any(t.head == v and t.text.lower() == "when" for t in toks[max(0, v - TERM_VERB_WINDOW):v])


def _term_ends_here(parsed: ParsedDoc, offset: int) -> bool:
    """True when the name at ``offset`` is the one a term-ending verb acts on ("killing the
    chief of staff Mohammad Bagheri", "Khan was ousted", "the minister resigned")."""
    toks = parsed.tokens
    if not toks:
        return False
    ending = settings()["term_ending"]
    name = max(0, bisect.bisect_right([x.idx for x in toks], offset) - 1)
    t = toks[name]
    seen = set()
    # up through the name's phrase and a list it belongs to ("killed senior commanders,
    # including the chief of staff Mohammad Bagheri")
    while t.head != t.i and t.i not in seen and (
            t.dep in ("compound", "flat", "appos", "amod", "poss", "conj")
            or (t.dep in ("pobj", "prep") and (t if t.dep == "prep" else toks[t.head]).text.lower() in _LISTING)):
        seen.add(t.i)
        t = toks[t.head]
    if t.dep in ("dobj", "nsubjpass", "nsubj"):
        verb = toks[t.head]
        if verb.pos in ("VERB", "AUX") and verb.lemma.lower() in ending:
            return True
    # where the parse of a long list fails, the verb the name follows in its sentence
    # ("killed senior commanders, among them ... chief of staff Mohammad Bagheri")
    for k in range(name - 1, max(-1, name - TERM_VERB_WINDOW), -1):
        if toks[k].sent != toks[name].sent:
            break
        if toks[k].pos == "VERB" and toks[k].dep not in ("amod", "compound"):
            return toks[k].lemma.lower() in ending and toks[k].tag == "VBD"
    return False


def _shared_single_names(people: Sequence[Actor]) -> frozenset[str]:
    """One-word names (surnames, short aliases) that several known people go by ("Sharif"):
    on its own such a word names none of them."""
    counts: Counter = Counter()
    for a in people:
        if a.kind != "person":
            continue
        words = {n for n in a.aliases if " " not in n}
        if len(a.name.split()) > 1:
            words.add(a.name.split()[-1])
        counts.update(words)
    return frozenset(w for w, n in counts.items() if n > 1)


def _followed_by_name(text: str, end: int) -> bool:
    """True when a capitalised word follows the name (it was a first name or part of a
    longer name, not the whole of it)."""
    return bool(re.match(r"\s+[A-Z][a-z]", text[end:end + 3]))


def _former_cue(actor: Actor, roles: Sequence, snippet: str) -> Cue | None:
    """"Former Prime Minister Imran Khan": the article is from after one of the terms ended
    and before the next began (or any time after the last). None when no term has ended in
    the data (the base may not know that the person left office)."""
    terms = sorted((_role_span(r.start, r.end, slack=False) for r in roles), key=lambda s: s[0] or dt.date.min)
    gaps = []
    for i, (_lo, hi) in enumerate(terms):
        if hi is None:
            continue
        nxt = next((lo for lo, _ in terms[i + 1:] if lo is not None and lo > hi), None)
        gaps.append((hi + dt.timedelta(days=1), nxt - dt.timedelta(days=1) if nxt else None))
    if not gaps:
        return None
    days = DaySet.of(*gaps)
    ev = (f"'{snippet}': {actor.name} no longer held the title; the article is "
          f"{days.describe()}.")
    return _fixed(1, ev, days)


def _stage_word(words: Sequence[str], suffix: str | None) -> str | None:
    """The word that places a title at one end of its term ("new", "newly elected",
    "outgoing"; publication.yaml term_stage_words), written just before the title or with at
    most one name-like word between ("the new Iranian President"), or joined after it
    ("President-elect"). "New" before a capitalised word begins a place ("New Zealand Prime
    Minister"), not a term."""
    stages = settings()["term_stages"]
    if suffix and suffix.lower() in stages:
        return suffix.lower()
    candidates = [list(words)]
    if words and words[-1][:1].isupper():
        candidates.append(list(words[:-1]))  # past one name-like word: "new Iranian President"
    for k, rest in enumerate(candidates):
        for n in (2, 1):
            phrase = " ".join(rest[-n:])
            if len(rest) < n or phrase.lower() not in stages:
                continue
            if k and phrase == "New":
                continue  # "New Zealand Prime Minister"
            return phrase.lower()
    return None


def _stage_cue(actor: Actor, roles: Sequence, snippet: str, stage: str) -> Cue | None:
    """"Iran's new President Pezeshkian": the article is written near the start of one of the
    terms with that title (its end for "outgoing")."""
    anchor, lo, hi = settings()["term_stages"][stage]
    spans = []
    for r in roles:
        day = bounds(r.start)[0] if anchor == "start" and r.start and bounds(r.start) else \
            bounds(r.end)[1] if anchor == "end" and r.end and bounds(r.end) else None
        if day is not None:
            spans.append((day + dt.timedelta(days=lo), day + dt.timedelta(days=hi)))
    if not spans:
        return None  # the base does not know when the term began (or ends)
    days = DaySet.of(*spans)
    ev = (f"'{snippet}': '{stage}' places the article near the {anchor} of {actor.name}'s term as "
          f"{roles[0].title}; the article is {days.describe()}.")
    return _fixed(2, ev, days)


def _titles_at(text: str, start: int, end: int, actor: Actor, surname_only: bool,
               not_current: tuple[str, ...]):
    """The actor's roles whose title stands right before the name (or in an apposition
    after), as (held, no longer held, staged): the first two (roles, snippet) or None. A title
    marked as no longer held ("former President X") goes to the second; one marked as new,
    incoming or outgoing goes to the third as (roles, snippet, stage word)."""
    former_words, prefixes = settings()["former"], settings()["title_prefixes"]
    before = " ".join(text[max(0, start - 90):start].split())
    after = " ".join(text[end:end + 90].split())
    held, left = ([], None), ([], None)
    staged: tuple[list, str | None, str | None] = ([], None, None)
    for role in actor.roles:
        found_held = found_left = False
        for form in _title_forms(role.title):
            if found_held and found_left:
                break
            t = re.escape(form).replace(r"\ ", r"\s+")
            first_names = "" if surname_only else r"(?:[A-Z][\w.'’-]*\s+){0,2}"
            pre = re.search(rf"(?:^|\s|-)({t})(?:-(elect|designate))?,?\s+{first_names}$", before + " ", re.IGNORECASE)
            if pre:
                stage = _stage_word(before[:pre.start(1)].split()[-3:], pre.group(2))
                if stage and (not staged[2] or staged[2] == stage):
                    snippet = (before[pre.start(1):].rstrip() + " " + text[start:end]).strip()
                    staged = (staged[0] + [role], staged[1] or snippet, stage)
                    continue
                if pre.group(2):
                    continue
                lead = before[:pre.start(1)].lower().replace("-", " ").split()[-2:]
                if lead and lead[-1] in prefixes:
                    continue  # "Vice President Biden" is not "President Biden"
                if role.org is None and _igo_name_at_end().search(before[:pre.start(1)].rstrip(" ,")):
                    continue  # "EU foreign policy chief Mogherini" names her EU post, not her Italian one
                snippet = (before[pre.start(1):].rstrip() + " " + text[start:end]).strip()
                if lead and lead[-1] in former_words:
                    if not found_left:
                        left, found_left = (left[0] + [role], left[1] or snippet), True
                elif not found_held and not any(w in not_current for w in lead):
                    held, found_held = (held[0] + [role], held[1] or snippet), True
                continue
            if found_held:
                continue
            post = re.match(rf"^,\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}({t})\b", after, re.IGNORECASE)
            if post:
                snippet = (text[start:end] + after[:post.end(1)]).strip()
                held, found_held = (held[0] + [role], held[1] or snippet), True
    return (*(h if h[0] else None for h in (held, left)), staged if staged[0] else None)


# ── dated events: corpus anchors and known events ────────────────────────────────────────

@dataclass
class _EventHit:
    name: str
    dates: list[dt.date]
    sentences: set[int]  # the article's sentences that name it whole
    tense: str | None
    text: str
    recent: bool
    corpus: bool = False
    mentions: tuple[int, ...] = ()  # sentences that hold any of its keywords
    named: bool = False  # a dated name (data/time/names/), not an event
    offsets: tuple[int, ...] = ()  # where its keywords stand in the sentences that name it whole

    def distance(self, start: int, end: int) -> int:
        """How far its nearest keyword stands from the span [start, end) of the text."""
        return min((max(start - o, o - end, 0) for o in self.offsets), default=NO_GAP)


# The lead tells a report's news: a past weekday there is the day of the news. The lead is
# the first paragraph of at least LEAD_MIN_WORDS words (headlines, bylines and photo captions
# are shorter).
LEAD_MIN_WORDS = 25


def _paragraph_groups(parsed: ParsedDoc) -> list[list]:
    paras: dict[int, list] = {}
    for s in parsed.sentences:
        paras.setdefault(s.paragraph, []).append(s)
    return list(paras.values())


def lead_of(parsed: ParsedDoc) -> frozenset[int]:
    """The sentences of the article's lead paragraph (see LEAD_MIN_WORDS)."""
    for sents in _paragraph_groups(parsed):
        if sum(len(s.text.split()) for s in sents) >= LEAD_MIN_WORDS:
            return frozenset(s.index for s in sents)
    return frozenset()


def lede_of(parsed: ParsedDoc) -> frozenset[int]:
    """The lead paragraph and the paragraph after it, which in wire copy tells who said the
    lead's news and when ("In a statement on Friday, ...")."""
    groups = _paragraph_groups(parsed)
    for n, sents in enumerate(groups):
        if sum(len(s.text.split()) for s in sents) >= LEAD_MIN_WORDS:
            return frozenset(s.index for g in groups[n:n + 2] for s in g)
    return frozenset()


def _paragraphs(parsed: ParsedDoc) -> list[tuple[int, int, list[int], int]]:
    """The paragraphs as (start, end, sentence indices, where the body starts), where a known
    event's keywords are looked for together. What stands above the lead (the headline, a
    caption, a byline) is one unit with the lead, whose body starts at the lead: the headline
    names what the lead tells ("Imran Khan breaks ground on Kartarpur corridor" / "Khan on
    Wednesday laid the foundation stone")."""
    groups = _paragraph_groups(parsed)
    lead = lead_of(parsed)
    top = next((k for k, sents in enumerate(groups) if sents[0].index in lead), None)
    body = groups[top][0].start if top else None
    if top:
        groups = [[s for g in groups[:top + 1] for s in g], *groups[top + 1:]]
    return [(g[0].start, g[-1].end, [s.index for s in g], body if k == 0 and body is not None else g[0].start)
            for k, g in enumerate(groups)]


def dateline_place(parsed: ParsedDoc) -> str | None:
    """The place an article is filed from, as its dateline writes it ("RIYADH:", "KYIV,
    Ukraine (AP) —"): a run of capitals opening one of the first lines before a colon,
    comma, dash or bracket; None without one."""
    lines = [line for line in parsed.text.split("\n") if line.strip()][:DATELINE_LINES]
    for line in lines:
        m = _DATELINE_PLACE.match(line.strip())
        if m:
            return m.group(1)
    return None


# How many opening lines may carry the dateline (a headline, a standfirst, a caption come first).
DATELINE_LINES = 5
_DATELINE_PLACE = re.compile(r"([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*)\s*[:,(—–-]")


def _find_event(parsed: ParsedDoc, keyword_sets, paragraphs, strict: bool = False, place: str | None = None,
                scope: str | None = None, headline: str | None = None):
    """The first keyword set that occurs whole in one paragraph: (set, first offset, the
    paragraph's sentences that hold any of its keywords, those that hold all, the article's
    sentences that hold all, what filled one of its places ("place", "headline" or None), the
    offsets of its keywords in the sentences that hold any or all, and the set itself), or None.

    ``strict`` (a one-word corpus anchor such as "ceasefire") also asks that the word be a
    noun naming a definite event ("the ceasefire", "Sunday's ceasefire"), not any mention.
    ``place``, the dateline's (dateline_place), stands in every paragraph: what a report filed
    from Riyadh tells happened there unless it says otherwise. It fills a place of a set that
    the paragraph's own words leave open, never the whole set. ``headline`` (headline_of)
    names the story every paragraph below it tells: one of its names may fill one place of a
    set that a later paragraph's words leave open (the lead is already one unit with it).
    ``scope``: the text with the place appended, built once per article for the quick test
    (the article's text without it).

    Last, the top of the story is read once more with the paragraph after it: the lede tells
    one story over two paragraphs ("The Pacific government signed a security agreement with
    China" / "Officials in the Solomon Islands said ..."), so an event whose words are spread
    over both is found there.
    """
    text = parsed.text
    keyword_sets = [kws for kws in keyword_sets if may_match(kws, scope or text)]
    starts = [t.idx for t in parsed.tokens] if strict and keyword_sets else []
    lede = [] if len(paragraphs) < 2 or strict else [
        (paragraphs[0][0], paragraphs[1][1], paragraphs[0][2] + paragraphs[1][2], paragraphs[0][3])]
    for pstart, pend, sents, body in [*paragraphs, *lede]:
        chunk = text[pstart:pend]
        # a headline tells what happened in the present ("Lee lands on disputed islets")
        top = chunk.find("\n") if pstart == paragraphs[0][0] and body > pstart else -1
        for kws in keyword_sets:
            pats = [keyword_pattern(k) for k in kws]
            hits = [p.search(chunk) or (keyword_pattern(k, present=True).search(chunk, 0, top) if top > 0 else None)
                    for k, p in zip(kws, pats)]
            if strict and all(hits):
                # the anchor's word (first) must be a definite noun; its actors' names need not
                hits[0] = next((m for m in pats[0].finditer(chunk)
                                if _definite_noun(parsed, starts, pstart + m.start())), None)
            at_place = [h is None and place is not None and not strict and p.search(place) is not None
                        for p, h in zip(pats, hits)]
            if headline and pstart > 0 and not strict:
                at_place = _headline_fill(kws, hits, at_place, headline, text)
            if all(h is not None or filled for h, filled in zip(hits, at_place)) and not all(at_place):
                pats = [p for p, filled in zip(pats, at_place) if not filled]
                hits = [h for h in hits if h is not None]
                # The tense is read at the word for what happened (a word written in lower case,
                # "drills"), not at a name that may stand in another clause ("Pelosi leaves Taiwan
                # as China readies drills").
                # A headline's tense is loose ("Hopes rise for a peace deal"): the lead's
                # mention of the same word is read when there is one.
                actions = [next((m.start() for m in p.finditer(chunk)
                                 if m.start() + pstart >= body and _is_action(m.group(0))), h.start())
                           for p, h in zip(pats, hits) if _is_action(h.group(0))]
                first = min(actions or [h.start() for h in hits]) + pstart
                some = [i for i in sents if any(p.search(parsed.sentences[i].text) for p in pats)]
                whole = [i for i in some if all(p.search(parsed.sentences[i].text) for p in pats)]
                anywhere = [s.index for s in parsed.sentences if all(p.search(s.text) for p in pats)]
                offsets = tuple(parsed.sentences[i].start + m.start() for i in sorted({*anywhere, *some})
                                for p in pats for m in p.finditer(parsed.sentences[i].text))
                filled = None if not any(at_place) else (
                    "place" if any(f and place is not None and p.search(place) for p, f in zip(
                        [keyword_pattern(k) for k in kws], at_place)) else "headline")
                return tuple(slot_key(k) for k in kws), first, some, whole, anywhere, filled, offsets, kws
    return None


def headline_of(parsed: ParsedDoc, paragraphs) -> str | None:
    """The headline: the first line, when text stands above the lead (_paragraphs: the first
    paragraph unit starts before its body). A caption or byline below it is not the story's
    title."""
    if not paragraphs:
        return None
    start, _, _, body = paragraphs[0]
    if body <= start:
        return None
    return next((line for line in parsed.text[start:body].split("\n")
                 if line.strip() and not _section_label(line)), None)


# A line this short and all in capitals stands over a headline as a section's name ("WORLD",
# "ANALYSIS", "BREAKING NEWS").
LABEL_MAX_WORDS = 3


def _section_label(line: str) -> bool:
    """True for a line that names the section, not the story: a genre label of
    perspective/genre.yaml ("Opinion", "Analysis") or a short line in capitals."""
    text = " ".join(line.split()).strip(" :|-–—")
    if not text:
        return True
    return text.lower() in _label_phrases() or (
        len(text.split()) <= LABEL_MAX_WORDS and text.upper() == text and any(c.isalpha() for c in text))


@functools.cache
def _label_phrases() -> frozenset[str]:
    try:
        raw = load_yaml(GENRE_FILE)
    except DataError:
        return frozenset()
    genres = raw.get("genres") if isinstance(raw, dict) else None
    return frozenset(str(p).lower() for cues in (genres or {}).values() if isinstance(cues, list)
                     for cue in cues if isinstance(cue, dict) and cue.get("cue") == "label"
                     for p in cue.get("phrases") or ())


@functools.cache
def _state_names() -> frozenset[str]:
    """Names, demonyms and capitals of states (actors/states.yaml), lower-cased: a headline's
    country is an actor of many stories, not the one subject a paragraph may leave unnamed."""
    names = set()
    for e in load_yaml("actors/states.yaml") or []:
        for key in ("name", "aliases", "demonyms", "metonyms"):
            value = e.get(key) or []
            names.update(x.lower() for x in ([value] if isinstance(value, str) else value))
    return frozenset(names)


# How many places of a keyword set a paragraph must fill with its own words before the
# headline may fill one more: one word ("fired", "capitulation") beside a headline's name
# fits too many of that name's stories.
HEADLINE_FILL_MIN_OWN = 2


def _headline_fill(kws, hits, at_place: list[bool], headline: str, text: str) -> list[bool]:
    """``at_place`` with the one place a paragraph leaves open filled from the headline, when
    only one is open, the paragraph fills at least HEADLINE_FILL_MIN_OWN others, and the
    headline writes a NAME there: a word in capitals that the article never writes in lower
    case ("Fukushima", not "Election" in a title-case headline) and that is no country
    (_state_names). A headline's name is the story's subject; its other words are not this
    paragraph's news."""
    open_places = [i for i, (h, f) in enumerate(zip(hits, at_place)) if h is None and not f]
    if len(open_places) != 1 or sum(h is not None for h in hits) < HEADLINE_FILL_MIN_OWN:
        return at_place
    i = open_places[0]
    for k in (kws[i] if isinstance(kws[i], tuple) else (kws[i],)):
        for m in keyword_pattern(k).finditer(headline):
            word = m.group(0)
            if word[:1].isupper() and k.lower() not in _state_names() and word.lower() not in _state_names() \
                    and not re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text):
                return [f or n == i for n, f in enumerate(at_place)]
    return at_place


def _is_action(matched: str) -> bool:
    """A keyword's match written in lower case: a word for what happened, not a name."""
    return matched[:1].islower()


# Tokens before a noun (within its phrase) that make it a definite reference to one event.
_DEFINITE = {"the", "this", "that", "these", "those"}
# How many tokens back the definite marker may stand ("the fragile May 10 ceasefire").
DEFINITE_WINDOW = 4


def _definite_noun(parsed: ParsedDoc, starts: list[int], offset: int) -> bool:
    """True when the token at offset (``starts``: the tokens' offsets) is a noun with a
    definite determiner, a possessive or a proper-noun modifier before it in its phrase."""
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or parsed.tokens[i].pos not in ("NOUN", "PROPN"):
        return False
    for t in parsed.tokens[max(0, i - DEFINITE_WINDOW):i][::-1]:
        if t.pos in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ", "SCONJ"):
            break
        if t.text.lower() in _DEFINITE or t.tag in ("POS", "PRP$") or t.pos == "PROPN":
            return True
    return False


# A recurring event's occurrences named in evidence; the earlier ones are counted.
MAX_NAMES_LISTED = 3


def _event_hits(parsed: ParsedDoc, corpus_anchors: Sequence[tuple]) -> list[_EventHit]:
    """Dated events the article mentions. Events found through the same keywords are one
    mention with alternative dates (an annual summit; two attacks on the same landmark)."""
    conf = settings()
    stop = conf["stopwords"]
    # Corpus anchors are phrases other articles used for an event ("terror attack"): they are
    # matched as a whole phrase, and one word only as a definite noun ("the ceasefire").
    # With the names of the event's sides (a third item: for each side, its names), one name
    # of each side must stand in the same paragraph: "the strikes" of another article is this
    # event only beside its actors.
    candidates: list[tuple[str, dt.date, tuple[tuple, ...], bool, bool, bool]] = []
    for phrase, iso, *sides in corpus_anchors:
        b = bounds(str(iso)[:10]) if iso else None
        words = [w for w in re.findall(r"[\w%/'’-]+", str(phrase))]
        content = [w for w in words if w.lower() not in stop]
        names = tuple(tuple(str(n) for n in side if n) for side in (sides[0] if sides else ()))
        if b and content and (not sides or (names and all(names))):
            candidates.append((str(phrase), b[0], ((" ".join(words), *names),), len(content) == 1, True, False))
    candidates += [(e.name, e.date, e.match, False, False, e.named) for e in known_events()]
    paragraphs = _paragraphs(parsed)
    place = dateline_place(parsed)
    headline = headline_of(parsed, paragraphs)
    scope = parsed.text + "\n" + place if place else parsed.text
    groups: dict[tuple, dict] = {}
    for name, date, sets, strict, from_corpus, named in candidates:
        where = _find_event(parsed, sets, paragraphs, strict, place, scope, headline)
        if where is None:
            continue
        key, first, some, whole, anywhere, at_place, offsets, matched = where
        g = groups.setdefault((from_corpus, named, key), {"names": [], "dates": set(), "first": first, "sets": [],
                                                          "some": some, "whole": whole, "anywhere": anywhere,
                                                          "corpus": from_corpus, "named": named,
                                                          "at_place": at_place, "offsets": offsets})
        if name not in g["names"]:
            g["names"].append(name)
        g["sets"].append(matched)
        g["dates"].add(date)
    starts = [t.idx for t in parsed.tokens]
    hits = []
    for g in groups.values():
        tok = max(0, bisect.bisect_right(starts, g["first"]) - 1)
        # A dated name exists from its day whatever the tense it is named in ("Russia will
        # leave the grain deal" is still written after the deal was made).
        tense = "past" if g["named"] else _hit_tense(parsed, tok, g["offsets"], starts) if parsed.tokens else None
        verb = clause_verb(parsed, tok) if parsed.tokens else None
        if not g["named"] and verb is not None and (
                _negated(parsed, verb) or has_modal_auxiliary(parsed, verb) or _undecided(parsed, verb)):
            continue  # "was not signed", "could sign", "was due to lapse": it did not happen, or not yet
        if not g["named"] and verb is not None and verb != tok and _purpose_after_past(parsed, verb):
            tense = AHEAD_OF_NARRATION  # "left on Wednesday to attend this weekend's summit"
        elif not g["named"] and parsed.tokens and pending(parsed, tok):
            # "were close to an agreement": ahead of the clause's time, which in reported speech
            # is the report's; after a past narrated clause nothing is known of it
            if tense == "past" and not _reported(parsed, verb):
                continue
            tense = "future"
        sent = parsed.tokens[tok].sent if parsed.tokens else 0
        snippet = parsed.sentences[sent].text if sent < len(parsed.sentences) else ""
        # A recency word dates the event only in a sentence that names it whole: "last week"
        # beside "Russia" alone says nothing about Russia's invasion.
        recent = not g["named"] and any(_recent_in(parsed, i, g["offsets"], starts, conf["recency"])
                                        for i in (g["whole"] or g["some"]))
        # The headline that names an event whole is its report: the news is recent. Not a
        # headline that looks back ("Ten years after the coup, ...").
        recent = recent or (not g["named"] and tense in ("past", "present") and headline is not None
                            and _headline_tells(headline, g["sets"], conf["headline_background"]))
        distinct = list(dict.fromkeys(g["names"]))
        names = " or ".join(distinct) if len(distinct) <= MAX_NAMES_LISTED else (
            f"{' or '.join(distinct[-MAX_NAMES_LISTED:])} (or one of {len(distinct) - MAX_NAMES_LISTED} "
            f"earlier occurrences)")
        if g["at_place"] == "place":
            names += f" (the report is filed from {place.title()})"
        elif g["at_place"] == "headline":
            names += " (the headline names it)"
        hits.append(_EventHit(name=f"'{names}' (dated by another article)" if g["corpus"] else names,
                              dates=sorted(g["dates"]), sentences=set(g["anywhere"]), tense=tense,
                              text=shorten(snippet), recent=recent, corpus=g["corpus"],
                              mentions=tuple(g["some"]), named=g["named"], offsets=g["offsets"]))
    return hits


def _headline_tells(headline: str, sets: Sequence, background: Sequence[str]) -> bool:
    """True when one of the matched keyword sets stands whole in the headline and the
    headline carries no word that looks back ("years after", "anniversary", "ago":
    publication.yaml's headline_background_words)."""
    low = headline.lower()
    if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in background):
        return False
    return any(kws and all(keyword_pattern(k).search(headline) for k in kws) for kws in sets)


# The tense of a known event named as the purpose of a past act ("flew to China on Wednesday
# to attend this weekend's summit"): after the act, before or after the article. It bounds
# nothing by itself; a relative expression tied to it ("this weekend's") still does.
AHEAD_OF_NARRATION = "ahead of the narration"


def _recent_in(parsed: ParsedDoc, i: int, offsets: Sequence[int], starts: Sequence[int],
               words: Sequence[str]) -> bool:
    """True when sentence i has a recency word ("this week", "recently") in the clause of one
    of the event's keywords (offsets): in "voted on April 17 to send the case to the Senate,
    which opened the trial that ended this week", the week is the trial's, not the vote's."""
    sent = parsed.sentences[i]
    mine = [o for o in offsets if sent.start <= o < sent.end]
    for w in words:
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", sent.text, re.IGNORECASE):
            if not mine or not parsed.tokens:
                return True
            clause = _finite_clause(parsed, max(0, bisect.bisect_right(starts, sent.start + m.start()) - 1))
            if any(_finite_clause(parsed, max(0, bisect.bisect_right(starts, o) - 1)) == clause for o in mine):
                return True
    return False


def _purpose_after_past(parsed: ParsedDoc, verb: int) -> bool:
    """True when the verb is a to-infinitive of purpose hanging on a verb told in the past
    and not reported ("He left ... to attend"): what it names comes after that act. The
    caller asks it for an event named by the infinitive's object, not by the verb itself
    ("rejected an offer ... to mediate" is the offer's content, often parsed the same way)."""
    toks = parsed.tokens
    v = toks[verb]
    if v.dep != "advcl" or v.tag != "VB" or v.head == v.i:
        return False
    if not any(a.tag == "TO" for a in auxiliaries(parsed, verb)):
        return False
    return clause_tense(parsed, v.head) == "past" and not _reported(parsed, v.head)


def _hit_tense(parsed: ParsedDoc, tok: int, offsets: Sequence[int], starts: Sequence[int]) -> str | None:
    """The tense of the clause that tells a known event: at its first word, else (where that
    word says nothing, as a noun inside another's phrase) at its other words in the sentence
    ("When the leaders gather in Los Angeles this week, the most telling thing about the
    Summit ... will be": the gathering is ahead)."""
    toks = parsed.tokens
    verb = clause_verb(parsed, tok)
    others = sorted({max(0, bisect.bisect_right(starts, o) - 1) for o in offsets} - {tok})
    # only words of another clause: within the first word's own clause the answer stands
    for i in [tok, *(i for i in others if toks[i].sent == toks[tok].sent and clause_verb(parsed, i) != verb)]:
        tense = clause_tense(parsed, i)
        if tense == "future" and _inside_noun_phrase(parsed, i):
            tense = None  # "Israel weighs its response to Iran's attack": the attack is not ahead
        if tense is not None:
            return tense
    return None


def _inside_noun_phrase(parsed: ParsedDoc, i: int) -> bool:
    """True when token i belongs to a noun phrase inside a prepositional phrase of another
    noun ("response to Iran's first direct attack", "talks on the ceasefire"): the clause's
    future speaks of the outer noun, not of it."""
    toks = parsed.tokens
    t = toks[i]
    seen = set()
    while t.i not in seen and t.pos not in ("VERB", "AUX"):
        seen.add(t.i)
        head = toks[t.head]
        if t.dep == "pobj" and head.pos == "ADP" and toks[head.head].pos in ("NOUN", "PROPN") \
                and head.text.lower() in lexicon().noun_links:
            return True
        if t.head == t.i:
            break
        t = head
    return False


def _negated(parsed: ParsedDoc, v: int) -> bool:
    """True when clause verb v is negated ("was not signed", "never met", "left without
    signing")."""
    toks = parsed.tokens
    if toks[v].dep == "pcomp" and toks[toks[v].head].text.lower() == "without":
        return True
    return any(t.head == v and t.dep == "neg" for t in toks[max(0, v - 6):v + 3])


def _undecided(parsed: ParsedDoc, v: int) -> bool:
    """True when clause verb v is what was due, planned or agreed in the past ("the day it
    was due to lapse", "had agreed to meet"): whether it happened, the text does not say."""
    toks = parsed.tokens
    lex = lexicon()
    head = toks[toks[v].head]
    return toks[v].dep == "xcomp" and head.i != v and \
        head.lemma.lower() in lex.future_xcomp_heads | lex.commitment_heads and clause_tense(parsed, head.i) == "past"


def shorten(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1].rstrip() + "…"


def _gap_to(dates: Sequence[dt.date], direction: str) -> Callable[[dt.date], tuple[str, int]]:
    """How far the nearest of these dates is from an article of a given day."""
    def gap(day: dt.date) -> tuple[str, int]:
        if direction == "past":
            before = [d for d in dates if d <= day]
            return direction, (day - max(before)).days if before else NO_GAP
        after = [d for d in dates if d >= day]
        return direction, (min(after) - day).days if after else NO_GAP
    return gap


def _event_cues(hits: Sequence[_EventHit]) -> list[Cue]:
    recent_days = settings()["recent_days"]
    cues = []
    for h in hits:
        if h.tense == AHEAD_OF_NARRATION:
            continue
        direction = "future" if h.tense == "future" else "past"
        dates = tuple(h.dates)
        horizon = recent_days if h.recent else RECURRING_HORIZON_DAYS if len(dates) > 1 else None
        listed = " or ".join(d.isoformat() for d in dates[-4:])
        if direction == "past":
            spans = [(d, d + dt.timedelta(days=horizon) if horizon else None) for d in dates]
            when = "as past"
        else:
            spans = [(d - dt.timedelta(days=horizon) if horizon else None, d) for d in dates]
            when = "as still ahead"
        if h.recent:
            how = f"as recent: the article is from the {recent_days} days {'after' if direction == 'past' else 'before'} it"
        elif len(dates) > 1:
            how = ("without a year: read as its latest occurrence, within a year "
                   f"{'before' if direction == 'past' else 'after'} the article")
        else:
            how = f"{when}: the article is from {'then on' if direction == 'past' else 'before it'}"
        ev = f"It mentions {h.name} ({listed}) {how} (\"{h.text}\")."
        if h.named and not h.recent:
            ev = (f"It names {h.name}, a name in use only from {listed}: the article is from then on "
                  f"(\"{h.text}\").")
        rank = CORPUS_ANCHOR_RANK if h.corpus else 3 if len(dates) == 1 else 5
        cues.append(Cue(rank=rank, evidence=ev, allowed=lambda ymin, ymax, d=DaySet.of(*spans): d,
                         gap=_gap_to(dates, direction), news=dates if h.recent else ()))
    return cues


# ── relative expressions tied to a dated event in the same sentence ─────────────────────

def _tied_to_own_year(f: Found) -> bool:
    """A month or day named by the article's year ("in June last year", "on March 3 this year")."""
    return f.form in ("date", "month") and f.year is None and f.year_offset is not None and f.month is not None


def _month_counted_back(f: Found) -> bool:
    """A month counted from the article's own ("last November", "next March")."""
    return f.form == "month" and bool(f.offset) and f.year is None and f.year_offset is None and f.month is not None


def _tie_window(f: Found, d: dt.date) -> DaySet | None:
    """The article's possible dates if the relative expression f refers to the day d."""
    if f.form == "weekday" and f.offset == 0 and f.tense == "past":
        if d.weekday() != f.weekday:
            return None
        return DaySet.of((d, d + dt.timedelta(days=6)))
    if f.form == "weekday" and f.offset == 0 and f.tense == "future":
        if d.weekday() != f.weekday:
            return None  # "the vote on Sunday" still ahead: the article is in the days before it
        return DaySet.of((d - dt.timedelta(days=6), d))
    if f.form == "weekday" and f.offset < 0:
        if d.weekday() != f.weekday:
            return None  # "last Wednesday": from LAST_WEEKDAY_MIN_DAYS to a week and that back
        return DaySet.of((d + dt.timedelta(days=LAST_WEEKDAY_MIN_DAYS),
                          d + dt.timedelta(days=LAST_WEEKDAY_MIN_DAYS + 6)))
    if f.form == "deictic":
        a = d - dt.timedelta(days=f.offset)
        return DaySet.of((a, a))
    if _tied_to_own_year(f):
        if f.month != d.month or (f.day is not None and f.day != d.day):
            return None  # "in June last year" names another month than the event's
        y = d.year - (f.year_offset or 0)
        if not 1 <= y <= 9999:
            return None
        lo = max(d, dt.date(y, 1, 1)) if f.year_offset == 0 and f.tense == "past" else dt.date(y, 1, 1)
        return DaySet.of((lo, dt.date(y, 12, 31)))
    if _month_counted_back(f):
        # "rioters burned Chinatown last November": the November before the article's month,
        # not the month just past (that is "last month"); "next March" the one after it
        if f.month != d.month:
            return None
        if f.offset < 0:
            y, m = add_months(d.year, d.month, 2)
            y2, m2 = add_months(d.year, d.month, 12)
            return DaySet.of((dt.date(y, m, 1), month_end(y2, m2)))
        y, m = add_months(d.year, d.month, -12)
        y2, m2 = add_months(d.year, d.month, -2)
        return DaySet.of((dt.date(y, m, 1), month_end(y2, m2)))
    if f.form == "relative" and f.tense in ("past", "present", None) and f.offset <= 0:
        # "this week" told as past: the article is from the event on, in the same week;
        # otherwise ("this weekend's summit" it flew out to attend) anywhere in that week
        done = f.tense == "past"
        if f.unit == "week":
            ws = d - dt.timedelta(days=d.weekday()) - dt.timedelta(weeks=f.offset)
            lo = max(d, ws) if done else ws
            return DaySet.of((lo, ws + dt.timedelta(days=6)))
        if f.unit == "month":
            y, m = d.year, d.month
            if f.offset:
                y, m = add_months(y, m, -f.offset)
                return DaySet.of((dt.date(y, m, 1), month_end(y, m)))
            return DaySet.of((d if done else dt.date(y, m, 1), month_end(y, m)))
        if f.unit == "year":
            y = d.year - f.offset
            return DaySet.of((max(d, dt.date(y, 1, 1)) if done else dt.date(y, 1, 1), dt.date(y, 12, 31)))
    if f.form == "relative" and f.tense == "future" and f.offset == 0 and f.unit in ("week", "month", "year"):
        # "when the leaders gather this week": the article is in that week, before the event
        lo = {"week": d - dt.timedelta(days=d.weekday()), "month": d.replace(day=1),
              "year": d.replace(month=1, day=1)}[f.unit]
        return DaySet.of((lo, d))
    if f.form == "relative" and f.tense in ("future", "present", None) and f.offset > 0:
        # "next week's summit": the article is that many weeks (months, years) before its time
        if f.unit == "week":
            ws = d - dt.timedelta(days=d.weekday()) - dt.timedelta(weeks=f.offset)
            return DaySet.of((ws, min(d, ws + dt.timedelta(days=6))))
        if f.unit == "month":
            y, m = add_months(d.year, d.month, -f.offset)
            return DaySet.of((dt.date(y, m, 1), month_end(y, m)))
        if f.unit == "year" and 1 <= d.year - f.offset:
            return DaySet.of((dt.date(d.year - f.offset, 1, 1), dt.date(d.year - f.offset, 12, 31)))
    if f.form == "ago" and f.count:
        a = shift(d, f.count, f.unit or "day")
        slack = {"day": 0, "week": 3, "month": 15, "year": 183}.get(f.unit or "day", 0)
        return DaySet.of((a - dt.timedelta(days=slack), a + dt.timedelta(days=slack)))
    return None


@functools.cache
def _anniversary_pattern() -> re.Pattern:
    """"21st anniversary" or "third anniversary" (the ordinal words of the lexicon)."""
    words = "|".join(sorted((re.escape(w) for w in lexicon().ordinals), key=len, reverse=True))
    return re.compile(rf"\b(?:(\d{{1,3}})(?:st|nd|rd|th)|({words}))\s+anniversary\b", re.IGNORECASE)


def _anniversary_cues(parsed: ParsedDoc, hits: Sequence[_EventHit]) -> list[Cue]:
    """"The third anniversary of <a dated event>": the article is written around that day."""
    pattern = _anniversary_pattern()
    cues = []
    for h in hits:
        for i in h.mentions:
            m = pattern.search(parsed.sentences[i].text)
            if not m:
                continue
            n = ordinal_value(m.group(0).split()[0])
            days = [shift(d, n, "year") for d in h.dates]
            window = DaySet.of(*[(d - dt.timedelta(days=ANNIVERSARY_SLACK_DAYS),
                                  d + dt.timedelta(days=ANNIVERSARY_SLACK_DAYS)) for d in days])
            ev = (f"'{m.group(0)}' of {h.name} ({' or '.join(d.isoformat() for d in h.dates[-3:])}): "
                  f"the article is written around {' or '.join(d.isoformat() for d in days[-3:])}.")
            cues.append(Cue(rank=3.5, evidence=ev, allowed=lambda ymin, ymax, w=window: w,
                             gap=_gap_to(tuple(days), "past")))
            break
    return cues


def _elapsed(parsed: ParsedDoc, f: Found) -> Found | None:
    """A duration that tells the time elapsed since an event, of the article's present
    ("nearly two years into the war", "more than three years after the invasion, ... is"):
    the duration as an "elapsed" Found with its window (in units) in ``modifier``.

    "into" always speaks of the present; "after"/"since" only when the clause they hang on
    is not a past event ("the deal was signed five months after the invasion" dates the
    signing), a past in reported speech excepted ("said crews were racing ... after").
    """
    lex = lexicon()
    text, toks = parsed.text, parsed.tokens
    if f.form != "duration" or not f.count or f.unit not in ("day", "week", "month", "year") \
            or f.tok_end < 0 or f.tok_end >= len(toks):
        return None
    link = toks[f.tok_end]
    word = link.text.lower()
    if word not in lex.elapsed_links:
        return None
    if f.tok_start > 0 and toks[f.tok_start - 1].text.lower() in lex.length_words:
        return None  # "pauses tariffs for 30 days after the calls": how long, not how long ago
    if link.dep == "mark":  # "after Russia's invasion began": the clause above the subordinate one
        governor = clause_verb(parsed, toks[link.head].head)
    else:
        governor = clause_verb(parsed, link.head)
    tense = clause_tense(parsed, governor) if governor is not None else None
    if tense == "future" and not has_future_auxiliary(parsed, governor) and (
            word == "into" or toks[governor].lemma.lower() in lex.news_link_verbs):
        # "the confrontation comes six months into the war", "the row comes a month after
        # his visit": now, not ahead
        tense = "present"
    if tense == "future" or (word != "into" and tense == "past" and not _reported(parsed, governor)):
        return None
    before = " ".join(text[max(0, f.start - 20):f.start].lower().split())
    window = next((span for q, span in sorted(lex.elapsed_qualifiers.items(), key=lambda kv: -len(kv[0]))
                   if re.search(rf"(?:^|\s){re.escape(q)}$", before)), ELAPSED_DEFAULT_UNITS)
    return replace(f, form="elapsed", modifier=f"{window[0]}:{window[1]}")


def _reported(parsed: ParsedDoc, verb: int | None) -> bool:
    """True when clause ``verb`` is what someone says ("said crews were racing ...", "said the
    two sides were close to a deal"): its past is the time of the saying, near the report's."""
    toks = parsed.tokens
    return verb is not None and toks[verb].dep == "ccomp" and \
        toks[toks[verb].head].lemma.lower() in settings()["statement_verbs"]


def _elapsed_window(f: Found, d: dt.date) -> DaySet:
    """The article's dates if f ("nearly two years into") counts from the day d."""
    lo_units, hi_units = (float(x) for x in (f.modifier or "0:0").split(":"))
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[f.unit or "day"]
    centre = shift(d, f.count or 0, f.unit or "day")
    return DaySet.of((centre + dt.timedelta(days=round(lo_units * days)),
                      centre + dt.timedelta(days=round(hi_units * days))))


# Bounds that make a relative expression a deadline or end point, not the time of the event
# named beside it.
DEADLINE_MODIFIERS = frozenset({"until", "by", "before"})
_POSSESSIVE = re.compile(r"['’]s\b")


def _office_period(parsed: ParsedDoc, f: Found, terms: Sequence[_Term]) -> tuple[str, list[dt.date]] | None:
    """For "two months into a new administration" / "a year into his second term": the
    terms it can count from, as (what, their first days); None when the duration is not
    counted into a term in office. Every head of government the article names with a dated
    title is a candidate (the other cues choose among them); an ordinal keeps that term."""
    toks = parsed.tokens
    if f.tok_end < 0 or f.tok_end >= len(toks) or toks[f.tok_end].text.lower() != "into":
        return None
    link = f.tok_end
    noun = next((t for t in toks[link + 1:min(len(toks), link + 6)]
                 if t.head == link and t.dep == "pobj"), None)
    if noun is None or noun.lemma.lower() not in settings()["office_periods"]:
        return None
    number = next((n for t in toks[link + 1:noun.i] if (n := ordinal_value(t.text))), None)
    chosen = [t for t in dict.fromkeys(terms) if number is None or t.number == number]
    if not chosen:
        return None
    what = " or ".join(dict.fromkeys(f"{t.holder}'s term as {t.title} (from {t.start.isoformat()})" for t in chosen))
    return what, sorted({t.start for t in chosen})


def _finite_clause(parsed: ParsedDoc, i: int) -> int | None:
    """The verb of the finite clause token i stands in: a participle that modifies a noun
    ("planes carrying troops", "the troops sent to Kazakhstan") belongs to the clause of that
    noun."""
    toks = parsed.tokens
    v = clause_verb(parsed, i)
    seen = set()
    while v is not None and v not in seen and toks[v].dep == "acl" and toks[v].tag in ("VBG", "VBN"):
        seen.add(v)
        v = clause_verb(parsed, toks[v].head)
    return v


def _same_clause(parsed: ParsedDoc, f: Found, h: _EventHit, starts: Sequence[int] | None = None) -> bool:
    """True when one of the event's keywords stands in the clause of expression f: in "it was
    Rubio's first trip since he took office last month", "last month" dates the taking of
    office, not the trip. ``starts``: the tokens' offsets, when the caller has them."""
    if not parsed.tokens or f.tok_start < 0:
        return True
    starts = starts or [t.idx for t in parsed.tokens]
    mine = _finite_clause(parsed, f.tok_start)
    sent = parsed.sentences[f.sent]
    for o in h.offsets:
        if not sent.start <= o < sent.end:
            continue
        theirs = _finite_clause(parsed, max(0, bisect.bisect_right(starts, o) - 1))
        if theirs == mine or _hangs_on(parsed, theirs, f) or _reported_in(parsed, theirs, mine):
            return True
    return False


def _reported_in(parsed: ParsedDoc, v: int | None, speech: int | None) -> bool:
    """True when clause v is what clause ``speech`` reports ("India said on Thursday that its
    soldiers had carried out strikes"): news dates the deed by the day it was told."""
    toks = parsed.tokens
    return v is not None and speech is not None and toks[v].dep == "ccomp" and toks[v].head == speech


# How many heads up a clause may hang on the expression ("eleven days after [gunmen stormed
# the base]": stormed -> after -> days).
HANG_LEVELS = 3


def _hangs_on(parsed: ParsedDoc, v: int | None, f: Found) -> bool:
    """True when clause v is the expression's own complement ("eleven days after gunmen
    stormed the base", "hours before the summit opened")."""
    toks = parsed.tokens
    for _ in range(HANG_LEVELS):
        if v is None or toks[v].head == v:
            return False
        v = toks[v].head
        if f.tok_start <= v < f.tok_end:
            return True
    return False


def _tie_cues(parsed: ParsedDoc, found: Sequence[Found], hits: Sequence[_EventHit],
              terms: Sequence[_Term] = ()) -> list[Cue]:
    cues = []
    dated_days = [(f, dt.date(f.year, f.month, f.day)) for f in found
                  if f.form == "date" and f.year is not None and not f.problem]
    starts = [t.idx for t in parsed.tokens]
    quoted = speech_days(parsed, tuple(found))  # a speaker's "today" is the day of the speech
    for k, f in enumerate(found):
        if k in quoted:
            continue
        if f.form == "duration":
            f = _elapsed(parsed, f) or f
        if f.form not in ("weekday", "deictic", "relative", "ago", "elapsed") and not _tied_to_own_year(f) \
                and not _month_counted_back(f):
            continue
        if f.tense == "past" and f.tok_start >= 0 and (v := clause_verb(parsed, f.tok_start)) is not None \
                and _purpose_after_past(parsed, v):
            f = replace(f, tense=None)  # "left on Thursday to attend this weekend's summit": not done yet
        if f.modifier in DEADLINE_MODIFIERS and not _POSSESSIVE.match(parsed.text, f.end):
            # "delayed the measures until the start of this month": an end point, not the
            # event's time; but "ahead of next week's summit" dates the summit
            continue
        options: list[tuple[str, list[dt.date]]] = []
        if f.form == "elapsed" and (office := _office_period(parsed, f, terms)):
            union = DaySet.of(*[s for d in office[1] for s in _elapsed_window(f, d).spans])
            cues.append(_fixed(2, f"{quote(f)} into {office[0]}: the article is {union.describe()}.", union))
            continue
        options += [(f"'{g.text}'", [d]) for g, d in dated_days if g.sent == f.sent]
        # the events nearest the expression first ("follows Moscow's return last week to the
        # grain deal, and comes ahead of next week's summit": each to its own event)
        named_here = sorted((h for h in hits if f.sent in h.sentences and not h.named
                             and _same_clause(parsed, f, h, starts)),
                            key=lambda h: h.distance(f.start, f.end))
        options += [(f"{h.name}", h.dates) for h in named_here]
        if not options:
            continue
        gap = _measured_gap(parsed, found, f) if f.form == "weekday" else None
        if gap is not None:
            # "took off on Thursday, a week after the first troops landed": the weekday is the
            # event's day moved by the gap, when the event is named after the link word
            days, direction, link_at, said = gap
            sent = parsed.sentences[f.sent]
            later = [(g, d) for g, d in dated_days if g.sent == f.sent and g.start > link_at]
            # named after it: most of its words in the sentence stand after the link word
            later_hits = [h for h in named_here if sum(link_at < o < sent.end for o in h.offsets)
                          > sum(sent.start <= o < link_at for o in h.offsets)]
            moved = [(f"{what}, moved by {said}", [d - direction * dt.timedelta(days=days) + dt.timedelta(days=k)
                                                   for d in dates for k in range(-slack, slack + 1)])
                     for what, dates, slack in [*((f"'{g.text}'", [d], 0) for g, d in later),
                                                *((h.name, h.dates, GAP_SLACK_DAYS if days >= 7 else 0)
                                                  for h in later_hits)]]
            options = moved or options
        # the first thing in the sentence the expression can refer to ("in June last year"
        # refers to a June event, not to the first event named)
        for what, dates in options:
            windows = [w for w in ((_elapsed_window(f, d) if f.form == "elapsed" else _tie_window(f, d))
                                   for d in dates) if w is not None]
            if windows:
                break
        else:
            continue
        union = DaySet.of(*[s for w in windows for s in w.spans])
        ev = f"{quote(f)} refers to {what} in the same sentence: the article is {union.describe()}."
        cues.append(Cue(rank=7, evidence=ev, allowed=lambda ymin, ymax, u=union: u))
    return cues


# A gap of a week or more is told loosely ("a week after" may be six or eight days): its
# event's day moved by it is this many days either way.
GAP_SLACK_DAYS = 1
# How many heads up from the link word ("after") the weekday's clause may stand.
GAP_LINK_LEVELS = 3


def _measured_gap(parsed: ParsedDoc, found: Sequence[Found], f: Found) -> tuple[int, int, int, str] | None:
    """A measured gap hung on the weekday's clause ("on Thursday, almost exactly a week after
    the first ones landed"): (its days, the link word's direction (lexicon sequence_links),
    the link word's offset, the gap as quoted), or None. Units are the lexicon's gap_units
    (days and weeks; months are too loose to move a weekday by)."""
    toks = parsed.tokens
    lex = lexicon()
    mine = clause_verb(parsed, f.tok_start) if f.tok_start >= 0 else None
    if mine is None:
        return None
    for g in found:
        if g.sent != f.sent or g.form != "duration" or not g.count or not 0 <= g.tok_end < len(toks):
            continue
        link = toks[g.tok_end]
        direction = lex.sequence_links.get(link.text.lower())
        per_unit = lex.gap_units.get(g.unit or "")
        if direction is None or not per_unit:
            continue
        i = link.i
        for _ in range(GAP_LINK_LEVELS):
            if toks[i].head == i:
                break
            i = toks[i].head
            if i == mine:
                return g.count * per_unit, direction, link.idx, quote(g)
    return None


# How many words may stand between a weekday's possessive and the word for the vote
# ("Saturday's disputed parliamentary election").
ELECTION_TIE_WORDS = 4


def _election_day_cues(parsed: ParsedDoc, found: Sequence[Found]) -> list[Cue]:
    """"Saturday's disputed parliamentary election" in a paragraph (or under a headline) that
    names the country: the article is from the week after one of that country's votes held
    on a Saturday (elections.yaml; before it when still ahead), whichever the other cues
    allow. The month the calendar's sets need is often left out when the vote was days ago."""
    cues = []
    paragraphs = _paragraphs(parsed)
    headline = headline_of(parsed, paragraphs) or ""  # the country of the story's title
    plain_votes = tuple(settings()["vote_words"])
    called_election: dict = {}  # a vote place's words -> whether the article uses them
    for f in found:
        if f.form != "weekday" or f.offset != 0 or f.weekday is None or not _POSSESSIVE.match(parsed.text, f.end):
            continue
        sent = parsed.sentences[f.sent]
        after = parsed.text[f.end:sent.end]
        para = next((parsed.text[a:b] for a, b, _, _ in paragraphs if a <= f.start < b), sent.text)
        para += "\n" + headline
        names, windows = [], []
        for e in elections():
            country, vote = e.match[0][0], e.match[0][1]
            # "Sunday's vote" counts where the article also names the election as one
            # ("runoff", "election"): elsewhere it may be a vote in a council or parliament
            if vote not in called_election:
                called_election[vote] = keyword_pattern(vote).search(parsed.text) is not None
            words = (vote, plain_votes) if plain_votes and called_election[vote] else (vote,)
            m = min((m for w in words if (m := keyword_pattern(w).search(after))), key=lambda m: m.start(), default=None)
            if m is None or len(after[:m.start()].split()) > ELECTION_TIE_WORDS + 1:
                continue
            if not keyword_pattern(country).search(para):
                continue
            if e.date.weekday() != f.weekday:
                continue
            names.append(e.name)
            # "since Saturday's election" is past too; only a vote still ahead comes after
            windows.append((e.date - dt.timedelta(days=6), e.date) if f.tense == "future"
                           else (e.date, e.date + dt.timedelta(days=6)))
        if windows:
            union = DaySet.of(*windows)
            listed = " or ".join(names[-MAX_NAMES_LISTED:]) + (
                f" (or one of {len(names) - MAX_NAMES_LISTED} earlier votes)" if len(names) > MAX_NAMES_LISTED else "")
            cues.append(Cue(rank=7, evidence=f"{quote(f)} names a vote held on a {weekday_name(f.weekday)}: "
                                             f"{listed}; the article is {union.describe()}.",
                            allowed=lambda ymin, ymax, u=union: u))
    return cues


def collect_cues(parsed: ParsedDoc, found: Sequence[Found], people: Sequence[Actor],
                 corpus_anchors: Sequence[tuple]) -> list[Cue]:
    """Every cue the article offers, in order of reliability (rank)."""
    hits = _event_hits(parsed, corpus_anchors)
    terms: list[_Term] = []
    cues = (_explicit_cues(found) + _role_cues(parsed, people, terms) + _event_cues(hits)
            + _anniversary_cues(parsed, hits) + _partial_cues(parsed, found) + _tie_cues(parsed, found, hits, terms)
            + _election_day_cues(parsed, found))
    return sorted(cues, key=lambda c: c.rank)
