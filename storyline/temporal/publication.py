"""An article's publication date: from metadata, a dateline, or inferred from its content.

Inference collects cues, each a set of dates the article can have been written on, and
intersects them in order of reliability; a cue that would leave no date is reported as a
conflict and set aside, never silently dropped:

  rank 0  explicit dates with a year, by tense ("a pause ends on July 9, 2025": before it)
  rank 1  people named with a dated title ("Secretary of State Marco Rubio": from 2025-01-21)
  rank 2  explicit months and years ("in 2019" in a past clause: from 2019 on)
  rank 3  dated events the store knows (corpus anchors and data/time/known_events.yaml)
  rank 4  months tied to the article's year ("in late February this year")
  rank 5  recurring events named without a year (their latest occurrence, within a year)
  rank 6  dates without a year ("On May 11" past: within the months after 11 May)
  rank 7  relative expressions tied to a dated event in the same sentence
          ("a call earlier this month" next to a dated festival: the article is that month)

Then the most plausible day is chosen inside the feasible dates: the window whose yearless
dates lie closest to it; inside it, a past "on Thursday" is the first such weekday after the
latest dated event (the news follows its background); a narrow window gives its middle; an
open one the day after its earliest date (news is written soon after the events it reports).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import load_yaml
from ..records import Actor, ParsedDoc, PublicationDate
from .calendar import bounds, day_exists, month_end, shift
from .intervals import EARLIEST, LATEST, DaySet
from .scan import Found, clause_tense, scan

# A date written without its year is taken to lie within this many days of the article
# (before it in a past clause, after it in a future one). Writers name the year once an event
# is about a year old; 330 keeps a "February summit" in a December article (301 days).
PARTIAL_HORIZON_DAYS = 330
# A recurring event named without a year (an annual summit, a festival) is its latest
# occurrence, at most this long before the article.
RECURRING_HORIZON_DAYS = 365
# An explicit day in a future clause ("the pause ends on July 9, 2025") is announced at most
# this long before it.
FUTURE_DAY_HORIZON_DAYS = 365
# A feasible window at most this wide is bounded on both sides well enough that its middle is
# the best guess; a wider or open one is read as "soon after its earliest date".
NARROW_WINDOW_DAYS = 62
# News is written this many days after the latest event it reports (wire copy: same or next day).
NEWS_LAG_DAYS = 1
# Periodic cues (yearless dates) are unrolled over at most this many years past the bounded side.
MAX_YEARS_UNROLLED = 15
# Confidence by the width of the final [earliest, latest] interval, in days (tight → high).
CONFIDENCE_BY_WIDTH = ((3, 0.85), (10, 0.75), (31, 0.6), (92, 0.45), (366, 0.3))
OPEN_ENDED_CONFIDENCE = 0.25
WIDE_CONFIDENCE = 0.15
# The day of the month a part of a month starts on ("late February" → from the 20th).
PART_START_DAY = {"early": 1, "mid": 11, "late": 20}
NO_GAP = 10 ** 6

PUBLICATION_FILE = "time/publication.yaml"
KNOWN_EVENTS_FILE = "time/known_events.yaml"


# ── data ────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class _KnownEvent:
    name: str
    date: dt.date
    match: tuple[tuple[str, ...], ...]


@functools.cache
def _settings() -> dict:
    raw = load_yaml(PUBLICATION_FILE)
    if not isinstance(raw, dict):
        raise DataError(f"{PUBLICATION_FILE}: expected a mapping")
    return {
        "labels": tuple(str(x).lower() for x in raw.get("dateline_labels", [])),
        "max_lines": int(raw.get("dateline_max_lines", 8)),
        "not_current": tuple(str(x).lower() for x in raw.get("not_current_titles", [])),
        "stopwords": frozenset(str(x).lower() for x in raw.get("anchor_stopwords", [])),
        "recency": tuple(str(x).lower() for x in raw.get("recency_words", [])),
        "recent_days": int(raw.get("recent_horizon_days", 60)),
    }


@functools.cache
def known_events() -> tuple[_KnownEvent, ...]:
    """The dated events shipped in data/time/known_events.yaml, validated."""
    raw = load_yaml(KNOWN_EVENTS_FILE)
    entries = raw.get("events") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{KNOWN_EVENTS_FILE}: expected 'events:' with a list")
    out = []
    for n, e in enumerate(entries):
        try:
            date = e["date"] if isinstance(e["date"], dt.date) else dt.date.fromisoformat(str(e["date"]))
            match = tuple(tuple(str(k) for k in kws) for kws in e["match"])
            if not match or not all(match):
                raise ValueError("empty match")
            out.append(_KnownEvent(name=str(e["name"]), date=date, match=match))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{KNOWN_EVENTS_FILE}: entry {n + 1} needs name, date (ISO) and "
                            f"match (a list of keyword lists): {exc}") from exc
    return tuple(out)


# ── the public function ─────────────────────────────────────────────────────────────────

def resolve_publication_date(parsed: ParsedDoc, metadata_date: str | None,
                             people: Iterable[Actor] = (),
                             corpus_anchors: Sequence[tuple[str, str]] = ()) -> PublicationDate:
    """The article's date with its origin, confidence and evidence.

    ``metadata_date`` wins when readable (origin "metadata"); else a dateline in the text
    ("dateline"); else the date is inferred from the content ("inferred"), using the dated
    titles of ``people`` (records.Actor with roles) and ``corpus_anchors`` ((phrase, ISO
    date) pairs of events dated by other articles). Without any cue: value None, origin
    "none". Never raises on odd text.
    """
    notes: list[str] = []
    if metadata_date:
        value = normalise_date(metadata_date)
        if value:
            lo, hi = bounds(value)
            return PublicationDate(value=value, granularity=_gran(value), origin="metadata",
                                   confidence=1.0,
                                   evidence=(f"The article's metadata gives its date: {metadata_date}.",),
                                   earliest=lo.isoformat(), latest=hi.isoformat())
        notes.append(f"The metadata date {metadata_date!r} could not be read; it was ignored.")
    found = scan(parsed)
    dateline = _dateline(parsed, found)
    if dateline is not None:
        f, line = dateline
        value = dt.date(f.year, f.month, f.day).isoformat()
        return PublicationDate(value=value, granularity="day", origin="dateline", confidence=0.95,
                               evidence=(*notes, f"A dateline near the top of the text: {line.strip()!r}."),
                               earliest=value, latest=value)
    return _infer(parsed, found, list(people), list(corpus_anchors), notes)


def normalise_date(text: str) -> str | None:
    """A metadata date as ISO at its granularity ("2025-06-04", "2025-06", "2025"), or None."""
    s = str(text).strip()
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", s):
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if day_exists(y, mo, d) else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
        return s if 1 <= int(m[2]) <= 12 else None
    if re.fullmatch(r"\d{4}", s):
        return s
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a core dependency
        return None
    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                           "REQUIRE_PARTS": ["year", "month"]})
    return parsed.date().isoformat() if parsed else None


def _gran(value: str) -> str:
    from .calendar import granularity_of
    return granularity_of(value)


# ── dateline ────────────────────────────────────────────────────────────────────────────

_CITY = re.compile(r"^\s*[A-Z][A-Z .'’-]{1,40}(?:\([^)]{1,30}\))?\s*,\s*$")
_DASH_AFTER = re.compile(r"^\s*(?:[—–]|--?|:)")
_TIME_AFTER = re.compile(r"^[\s,|·•/-]*(?:\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,5})?)?[\s|·•]*$")


def _dateline(parsed: ParsedDoc, found: Sequence[Found]) -> tuple[Found, str] | None:
    """A full date standing alone on one of the first lines, or after a city at a line's start."""
    settings = _settings()
    text = parsed.text
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
        if len(lines) >= settings["max_lines"]:
            break
    labels = settings["labels"]
    for f in found:
        if f.form != "date" or f.year is None or f.problem or f.modifier:
            continue
        for start, end, line in lines:
            if not start <= f.start < end:
                continue
            before = text[start:f.start]
            after = text[f.end:end]
            bare = before.strip().rstrip(":").strip().lower()
            if (bare == "" or bare in labels) and _TIME_AFTER.match(after):
                return f, line
            if _CITY.match(before) and _DASH_AFTER.match(after):
                return f, line
    return None


# ── cues ────────────────────────────────────────────────────────────────────────────────

@dataclass
class _Cue:
    """A set of feasible publication dates, with the sentence that explains it.

    ``allowed(ymin, ymax)`` builds the set (periodic cues unroll over the years given);
    ``gap(day)`` says how far the cue's event is from an article of that day (for choosing
    between windows); ``kind`` feeds the choice of the day.
    """

    rank: int
    evidence: str
    allowed: Callable[[int, int], DaySet]
    gap: Callable[[dt.date], tuple[str, int]] | None = None
    periodic: bool = False


def _fixed(rank: int, evidence: str, days: DaySet) -> _Cue:
    return _Cue(rank=rank, evidence=evidence, allowed=lambda ymin, ymax: days)


def _quote(f: Found) -> str:
    return f"'{f.text}'"


def _explicit_cues(found: Sequence[Found]) -> list[_Cue]:
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
            cues.append(_Cue(rank, f"{_quote(f)} is told as past: the article is from {lo.isoformat()} on.",
                             lambda ymin, ymax, d=DaySet.of((lo, None)): d, gap=_gap_to((lo,), "past")))
        elif f.tense == "future" or (f.modifier in ("by", "until", "before") and f.tense != "past"):
            if f.form == "date":
                days = DaySet.of((hi - dt.timedelta(days=FUTURE_DAY_HORIZON_DAYS), hi))
            else:
                days = DaySet.of((None, hi))
            cues.append(_Cue(rank, f"{_quote(f)} is still ahead: the article is from before {hi.isoformat()}.",
                             lambda ymin, ymax, d=days: d, gap=_gap_to((hi,), "future")))
    return cues


def _occurrences(month: int, day: int) -> Callable[[int, int], list[dt.date]]:
    def occ(ymin: int, ymax: int) -> list[dt.date]:
        return [dt.date(y, month, day) for y in range(ymin, ymax + 1) if day_exists(y, month, day)]
    return occ


def _periodic(rank: int, evidence: str, occ: Callable[[int, int], list[dt.date]], direction: str,
              horizon: int, score: bool = True) -> _Cue:
    """A cue satisfied near any occurrence of a yearless date or a recurring event."""
    def allowed(ymin: int, ymax: int) -> DaySet:
        spans = []
        for d in occ(ymin, ymax):
            spans.append((d, d + dt.timedelta(days=horizon)) if direction == "past"
                         else (d - dt.timedelta(days=horizon), d))
        return DaySet.of(*spans)

    def gap(day: dt.date) -> tuple[str, int]:
        return _gap_to(occ(day.year - 2, day.year + 2), direction)(day)

    return _Cue(rank=rank, evidence=evidence, allowed=allowed, gap=gap if score else None, periodic=True)


def _partial_cues(found: Sequence[Found]) -> list[_Cue]:
    """Months and days without a year, and months tied to the article's year."""
    cues = []
    for f in found:
        if f.problem or f.year is not None or f.month is None or f.form not in ("date", "month"):
            continue
        day = f.day or PART_START_DAY.get(f.modifier or "", 1)
        tense = "past" if (f.tense == "past" or f.modifier == "since") else f.tense
        if tense not in ("past", "future"):
            continue
        if tense == "future" and f.day is None:
            day = 28  # a future month without a day: its end is a safe upper bound
        if f.year_offset is not None:
            cues.append(_year_tie(f, day, tense))
            continue
        month_name = dt.date(2000, f.month, 1).strftime("%B")
        what = f"{day} {month_name}" if f.day else month_name
        if tense == "past":
            ev = (f"{_quote(f)} is told as past without a year: the article is from the months "
                  f"after {what}.")
        else:
            ev = f"{_quote(f)} is still ahead, without a year: the article is from the months before {what}."
        cues.append(_periodic(6, ev, _occurrences(f.month, day), tense, PARTIAL_HORIZON_DAYS))
    return cues


def _year_tie(f: Found, day: int, tense: str) -> _Cue:
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
    ev = (f"{_quote(f)} names the article's own year ({word})"
          + (" and is told as past: the article is later that year." if tense == "past" and off == 0 else "."))
    return _Cue(rank=4, evidence=ev, allowed=allowed, periodic=True)


# ── people with dated titles ────────────────────────────────────────────────────────────

def _title_forms(title: str) -> list[str]:
    t = " ".join(title.split())
    forms = [t]
    if " of " in t:
        short = t.split(" of ")[0].strip()
        if short and short.lower() not in ("secretary", "minister"):
            forms.append(short)
    return forms


def _role_span(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    lo = bounds(start)[0] if start and bounds(start) else None
    hi = bounds(end)[1] if end and bounds(end) else None
    return lo, hi


def _role_cues(parsed: ParsedDoc, people: Sequence[Actor]) -> list[_Cue]:
    """A person named next to a title they held only for a time dates the article to it."""
    text = parsed.text
    not_current = _settings()["not_current"]
    cues = []
    for actor in people:
        if actor.kind != "person" or not actor.roles:
            continue
        names = [n for n in dict.fromkeys([actor.name, *actor.aliases]) if n and len(n) >= 3]
        parts = actor.name.split()
        if len(parts) > 1 and len(parts[-1]) >= 3:
            names.append(parts[-1])
        names = [n for n in names if n in text]  # a cheap filter before the regexes
        hit = None
        for name in names:
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                roles = _titles_at(text, m.start(), m.end(), actor, name == parts[-1], not_current)
                if roles:
                    hit = (m, roles)
                    break
            if hit:
                break
        if not hit:
            continue
        m, (roles, snippet) = hit
        roles = list(dict.fromkeys(roles))  # a base may list one term twice
        spans = [_role_span(r.start, r.end) for r in roles]
        terms = " and ".join(
            (f"from {r.start}" if r.start else "until") + (f" to {r.end}" if r.end else " on")
            for r in roles)
        ev = (f"'{snippet}': {actor.name} was {roles[0].title} {terms}; the article is from "
              f"{'one of those terms' if len(roles) > 1 else 'that time'}.")
        cues.append(_fixed(1, ev, DaySet.of(*spans)))
    return cues


def _titles_at(text: str, start: int, end: int, actor: Actor, surname_only: bool,
               not_current: tuple[str, ...]):
    """The actor's roles whose title stands right before the name (or in an apposition after)."""
    before = " ".join(text[max(0, start - 90):start].split())
    after = " ".join(text[end:end + 90].split())
    matched, snippet = [], None
    for role in actor.roles:
        for form in _title_forms(role.title):
            t = re.escape(form).replace(r"\ ", r"\s+")
            first_names = "" if surname_only else r"(?:[A-Z][\w.'’-]*\s+){0,2}"
            pre = re.search(rf"(?:^|\s|-)({t})\s+{first_names}$", before + " ", re.IGNORECASE)
            post = re.match(rf"^,\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}({t})\b", after, re.IGNORECASE)
            if pre:
                lead = before[:pre.start(1)].lower().replace("-", " ").split()[-2:]
                if any(w in not_current for w in lead):
                    continue
                snippet = snippet or (before[pre.start(1):].rstrip() + " " + text[start:end]).strip()
                matched.append(role)
                break
            if post:
                snippet = snippet or (text[start:end] + after[:post.end(1)]).strip()
                matched.append(role)
                break
    return (matched, snippet) if matched else None


# ── dated events: corpus anchors and known events ────────────────────────────────────────

@dataclass
class _EventHit:
    name: str
    dates: list[dt.date]
    sentences: set[int]
    tense: str | None
    text: str
    recent: bool


def _keyword_pattern(k: str) -> re.Pattern:
    body = re.escape(k).replace(r"\ ", r"\s+")
    if k[:1].isupper() or any(c.isdigit() for c in k):
        return re.compile(rf"(?<!\w){body}(?:s|n|['’]s)?(?![\w])", re.IGNORECASE)
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)


def _paragraphs(parsed: ParsedDoc) -> list[tuple[int, int, list[int]]]:
    paras: dict[int, list[int]] = {}
    for s in parsed.sentences:
        paras.setdefault(s.paragraph, []).append(s.index)
    return [(parsed.sentences[idxs[0]].start, parsed.sentences[idxs[-1]].end, idxs)
            for idxs in paras.values()]


def _find_event(parsed: ParsedDoc, keyword_sets, paragraphs):
    """The first keyword set that occurs whole in one paragraph: (set, first offset, the
    paragraph's sentences that hold any of its keywords, those that hold all), or None."""
    text = parsed.text
    for pstart, pend, sents in paragraphs:
        chunk = text[pstart:pend]
        for kws in keyword_sets:
            pats = [_keyword_pattern(k) for k in kws]
            hits = [p.search(chunk) for p in pats]
            if all(hits):
                first = min(h.start() for h in hits) + pstart
                some = [i for i in sents if any(p.search(parsed.sentences[i].text) for p in pats)]
                whole = [i for i in some if all(p.search(parsed.sentences[i].text) for p in pats)]
                return tuple(k.lower() for k in kws), first, some, whole
    return None


def _event_hits(parsed: ParsedDoc, corpus_anchors: Sequence[tuple[str, str]]) -> list[_EventHit]:
    """Dated events the article mentions. Events found through the same keywords are one
    mention with alternative dates (an annual summit; two attacks on the same landmark)."""
    settings = _settings()
    stop = settings["stopwords"]
    candidates: list[tuple[str, dt.date, tuple[tuple[str, ...], ...]]] = []
    for phrase, iso in corpus_anchors:
        b = bounds(str(iso)[:10])
        words = tuple(w for w in re.findall(r"[\w%/'’-]+", str(phrase)) if w.lower() not in stop)
        if b and words:
            candidates.append((str(phrase), b[0], (words,)))
    candidates += [(e.name, e.date, e.match) for e in known_events()]
    paragraphs = _paragraphs(parsed)
    groups: dict[tuple[str, ...], dict] = {}
    for name, date, sets in candidates:
        where = _find_event(parsed, sets, paragraphs)
        if where is None:
            continue
        key, first, some, whole = where
        g = groups.setdefault(key, {"names": [], "dates": set(), "first": first, "some": some,
                                    "whole": whole})
        if name not in g["names"]:
            g["names"].append(name)
        g["dates"].add(date)
    starts = [t.idx for t in parsed.tokens]
    hits = []
    import bisect
    for g in groups.values():
        tok = max(0, bisect.bisect_right(starts, g["first"]) - 1)
        tense = clause_tense(parsed, tok) if parsed.tokens else None
        sent = parsed.tokens[tok].sent if parsed.tokens else 0
        snippet = parsed.sentences[sent].text if sent < len(parsed.sentences) else ""
        recent = any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", parsed.sentences[i].text, re.IGNORECASE)
                     for i in g["some"] for w in settings["recency"])
        hits.append(_EventHit(name=" or ".join(dict.fromkeys(g["names"])), dates=sorted(g["dates"]),
                              sentences=set(g["whole"]), tense=tense, text=_shorten(snippet),
                              recent=recent))
    return hits


def _shorten(s: str, n: int = 90) -> str:
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


def _event_cues(hits: Sequence[_EventHit]) -> list[_Cue]:
    recent_days = _settings()["recent_days"]
    cues = []
    for h in hits:
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
        rank = 3 if len(dates) == 1 else 5
        cues.append(_Cue(rank=rank, evidence=ev, allowed=lambda ymin, ymax, d=DaySet.of(*spans): d,
                         gap=_gap_to(dates, direction)))
    return cues


# ── relative expressions tied to a dated event in the same sentence ─────────────────────

def _tie_window(f: Found, d: dt.date) -> DaySet | None:
    """The article's possible dates if the relative expression f refers to the day d."""
    if f.form == "weekday" and f.offset == 0 and f.tense == "past":
        if d.weekday() != f.weekday:
            return None
        return DaySet.of((d, d + dt.timedelta(days=6)))
    if f.form == "deictic":
        a = d - dt.timedelta(days=f.offset)
        return DaySet.of((a, a))
    if f.form == "relative" and f.tense in ("past", "present", None) and f.offset <= 0:
        if f.unit == "week":
            ws = d - dt.timedelta(days=d.weekday()) - dt.timedelta(weeks=f.offset)
            lo = max(d, ws)
            return DaySet.of((lo, ws + dt.timedelta(days=6)))
        if f.unit == "month":
            y, m = d.year, d.month
            if f.offset:
                from .calendar import add_months
                y, m = add_months(y, m, -f.offset)
                return DaySet.of((dt.date(y, m, 1), month_end(y, m)))
            return DaySet.of((d, month_end(y, m)))
        if f.unit == "year":
            y = d.year - f.offset
            return DaySet.of((max(d, dt.date(y, 1, 1)), dt.date(y, 12, 31)))
    if f.form == "ago" and f.count:
        a = shift(d, f.count, f.unit or "day")
        slack = {"day": 0, "week": 3, "month": 15, "year": 183}.get(f.unit or "day", 0)
        return DaySet.of((a - dt.timedelta(days=slack), a + dt.timedelta(days=slack)))
    return None


def _tie_cues(found: Sequence[Found], hits: Sequence[_EventHit]) -> list[_Cue]:
    cues = []
    dated_days = [(f, dt.date(f.year, f.month, f.day)) for f in found
                  if f.form == "date" and f.year is not None and not f.problem]
    for f in found:
        if f.form not in ("weekday", "deictic", "relative", "ago"):
            continue
        options: list[tuple[str, list[dt.date]]] = []
        options += [(f"'{g.text}'", [d]) for g, d in dated_days if g.sent == f.sent]
        options += [(f"{h.name}", h.dates) for h in hits if f.sent in h.sentences]
        if not options:
            continue
        what, dates = options[0]
        windows = [w for w in (_tie_window(f, d) for d in dates) if w is not None]
        if not windows:
            continue
        union = DaySet.of(*[s for w in windows for s in w.spans])
        ev = f"{_quote(f)} refers to {what} in the same sentence: the article is {union.describe()}."
        cues.append(_Cue(rank=7, evidence=ev, allowed=lambda ymin, ymax, u=union: u))
    return cues


# ── inference ───────────────────────────────────────────────────────────────────────────

def _year_range(days: DaySet, found: Sequence[Found]) -> tuple[int, int] | None:
    """The years over which periodic cues are unrolled (None when nothing bounds the year)."""
    if days.bounded_below() and days.bounded_above():
        lo, hi = days.lo.year - 1, days.hi.year + 1
    elif days.bounded_below():
        lo, hi = days.lo.year - 1, days.lo.year + MAX_YEARS_UNROLLED
    elif days.bounded_above():
        lo, hi = days.hi.year - MAX_YEARS_UNROLLED, days.hi.year + 1
    else:
        return None
    return max(lo, 2), min(hi, 9998)


def _infer(parsed: ParsedDoc, found: Sequence[Found], people: Sequence[Actor],
           corpus_anchors: Sequence[tuple[str, str]], notes: list[str]) -> PublicationDate:
    hits = _event_hits(parsed, corpus_anchors)
    cues = (_explicit_cues(found) + _role_cues(parsed, people) + _event_cues(hits)
            + _partial_cues(found) + _tie_cues(found, hits))
    cues.sort(key=lambda c: c.rank)
    feasible = DaySet.everything()
    evidence, conflicts, applied = list(notes), [], []
    for cue in cues:
        if cue.periodic:
            years = _year_range(feasible, found)
            if years is None:
                evidence.append(cue.evidence.rstrip(".") + " (no cue fixes the year, so it cannot narrow the date).")
                continue
            allowed = cue.allowed(*years)
        else:
            allowed = cue.allowed(0, 0)
        narrowed = feasible.intersect(allowed)
        if not narrowed:
            conflicts.append(f"{_near(cue.evidence, allowed, feasible)} This contradicts the other cues, "
                             f"which put the article {feasible.describe()}; it was set aside.")
            continue
        feasible = narrowed
        evidence.append(cue.evidence)
        applied.append(cue)
    if not applied:
        return PublicationDate(value=None, granularity="unknown", origin="inferred" if cues else "none",
                               confidence=0.0, evidence=tuple(evidence), conflicts=tuple(conflicts))
    if not (feasible.bounded_below() or feasible.bounded_above()):
        return PublicationDate(value=None, granularity="unknown", origin="inferred", confidence=0.0,
                               evidence=tuple(evidence), conflicts=tuple(conflicts))
    value, earliest, latest, why = _choose(feasible, found, applied)
    periods = "" if len(feasible.spans) == 1 else (
        f" ({len(feasible.spans)} periods; the one closest to the dated events is used)")
    evidence.append(f"Feasible dates: {feasible.describe()}{periods}. {why}")
    width = (latest - earliest).days if latest and earliest else None
    confidence = _confidence(width, latest is None)
    return PublicationDate(value=value.isoformat() if value else None, granularity="day" if value else "unknown",
                           origin="inferred", confidence=confidence, evidence=tuple(evidence),
                           conflicts=tuple(conflicts),
                           earliest=earliest.isoformat() if earliest else None,
                           latest=latest.isoformat() if latest else None)


def _near(evidence: str, allowed: DaySet, feasible: DaySet) -> str:
    """A conflicting cue's sentence, naming only its periods near the feasible dates."""
    if len(allowed.spans) <= 2 or not (feasible.bounded_below() or feasible.bounded_above()):
        return evidence
    centre = feasible.lo if feasible.bounded_below() else feasible.hi
    nearest = sorted(allowed.spans, key=lambda s: min(abs((s[0] - centre).days), abs((s[1] - centre).days)))[:2]
    near = DaySet.of(*nearest).describe()
    full = allowed.describe()
    return evidence.replace(full, f"{near} (the nearest of its periods)") if full in evidence else evidence


def _confidence(width: int | None, open_ended: bool) -> float:
    if open_ended or width is None:
        return OPEN_ENDED_CONFIDENCE
    for limit, conf in CONFIDENCE_BY_WIDTH:
        if width <= limit:
            return conf
    return WIDE_CONFIDENCE


def _choose(feasible: DaySet, found: Sequence[Found], applied: Sequence[_Cue]):
    """The most plausible day: (value, earliest, latest, a sentence saying why)."""
    scored = [c for c in applied if c.gap is not None]
    best = None
    for lo, hi in feasible.spans:
        pick = _pick_in(lo, hi, found)
        if pick is None:
            continue
        day = pick[0]
        score = _score(day, scored)
        key = (score, day)
        if best is None or key < best[0]:
            best = (key, pick)
    if best is None:
        return None, None, None, "No single day could be chosen."
    day, earliest, latest, why = best[1]
    return day, earliest, latest, why


def _score(day: dt.date, scored: Sequence[_Cue]) -> int:
    """How far the article would be from the events it dates: the nearest past one plus the
    nearest future one (news sits between its latest background and its next deadline)."""
    nearest: dict[str, int] = {}
    for cue in scored:
        direction, days = cue.gap(day)
        nearest[direction] = min(days, nearest.get(direction, NO_GAP))
    return sum(nearest.values())


def _pick_in(lo: dt.date, hi: dt.date, found: Sequence[Found]):
    """Choose inside one window [lo, hi] (hi may be unbounded)."""
    open_hi = hi >= LATEST
    if lo <= EARLIEST:
        if open_hi:
            return None
        return hi, None, hi, "Only an upper bound is known: the latest feasible day is given."
    # "last month" told as past: the month it names is no earlier than the latest dated event.
    note = ""
    for f in found:
        if f.form == "relative" and f.unit == "month" and f.offset == -1 and f.tense == "past":
            y, m = (lo.year + (lo.month == 12), lo.month % 12 + 1)
            start = dt.date(y, m, 1)
            if start <= hi:
                note = (f"{_quote(f)} is read as the month of the latest dated event, so the article "
                        f"is from {start.isoformat()} on. ")
                lo = start
                break
    for f in found:
        if f.form == "weekday" and f.offset == 0 and f.tense == "past" and f.weekday is not None:
            t = lo + dt.timedelta(days=(f.weekday - lo.weekday()) % 7)
            if t <= hi:
                latest = min(hi, t + dt.timedelta(days=6))
                return t, t, latest, note + (f"{_quote(f)} is taken as the first such day after the latest "
                                             f"dated event, {t.isoformat()}, and the article as written that day.")
        if f.form == "deictic" and f.offset == -1 and f.tense in ("past", None):
            t = lo + dt.timedelta(days=1)
            if t <= hi:
                return t, lo, min(hi, t), note + f"{_quote(f)}: the article is the day after {lo.isoformat()}."
    if not open_hi and (hi - lo).days <= NARROW_WINDOW_DAYS:
        mid = lo + (hi - lo) // 2
        return mid, lo, hi, note + (f"The window from {lo.isoformat()} to {hi.isoformat()} is narrow; "
                                    f"its middle, {mid.isoformat()}, is chosen.")
    day = min(hi, lo + dt.timedelta(days=NEWS_LAG_DAYS))
    return day, lo, None if open_hi else hi, note + (
        f"News is written soon after the latest event it dates ({lo.isoformat()}): "
        f"{day.isoformat()} is chosen.")
