"""An article's publication date: from metadata, a dateline, or inferred from its content.

Inference collects cues, each a set of dates the article can have been written on, and
intersects them in order of reliability; a cue that would leave no date is reported as a
conflict and set aside, never silently dropped:

  rank 0  explicit dates with a year, by tense ("a pause ends on July 9, 2025": before it)
  rank 1  people named with a dated title ("Secretary of State Marco Rubio": from 2025-01-21),
          in any of the forms the actor stage's title table gives the office, or with a title
          they no longer hold ("former Prime Minister Imran Khan": after a term ended)
  rank 2  explicit months and years ("in 2019" in a past clause: from 2019 on); a yearless
          dateline (the article's own day); a yearless date with its weekday ("Sunday,
          Dec. 3": only the years it fell on a Sunday); the time elapsed in a term of office
          of a head of government it names ("two months into a new administration")
  rank 3  dated events the store knows (data/time/known_events.yaml), and names that exist
          only from a known day, in any tense (data/time/names/: "the Black Sea grain deal")
  rank 3.5 anniversaries of such events ("the third anniversary of the invasion")
  rank 4  months tied to the article's year ("in late February this year")
  rank 5  recurring events named without a year (their latest occurrence, within a year)
  rank 6  dates without a year ("On May 11" past: within the months after 11 May)
  rank 6.5 events dated by other articles of the corpus (their phrase for it)
  rank 7  relative expressions tied to a dated event in the same sentence
          ("a call earlier this month" next to a dated festival: the article is that month;
          "more than three years after the invasion": three to three and a half years on)

A yearless cue waits until some cue bounds the year, then applies. Then the most plausible
day is chosen inside the feasible dates: among several periods (years), those past what the
shipped data know are dropped, and the one closest to the recent dated events wins, then the
one whose report weekday is the day itself or the day before (wire copy), then the earliest.
Inside it, the past weekdays the article names are days of its own week: the one in the lead
is its news day (the run of named days otherwise ends on it), and the article is the first
such day from the latest dated event on (in a report that also writes out past days as dates,
a week after the latest of those: news style keeps weekdays for its own week); a narrow
window gives its middle; an open one the day after its earliest date (news is written soon
after the events it reports).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..records import Actor, ParsedDoc, PublicationDate
from .calendar import bounds, day_exists, granularity_of
from .cues import (NO_GAP, Cue, collect_cues, lead_of, occurrences, periodic_cue, quote, settings, shorten,
                   weekday_name)
from .intervals import EARLIEST, LATEST, DaySet
from .known import known_events
from .resolve import speech_days
from .scan import Found, auxiliaries, clause_verb, scan

# A feasible window at most this wide is bounded on both sides well enough that its middle is
# the best guess; a wider or open one, or one that opens on the day of the news a headline
# names, is read as "soon after its earliest date".
NARROW_WINDOW_DAYS = 62
# News is written this many days after the latest event it reports (wire copy: same or next day).
NEWS_LAG_DAYS = 1
# Periodic cues (yearless dates) are unrolled over at most this many years past the bounded side.
MAX_YEARS_UNROLLED = 15
# Periods of feasible dates that start more than this long after the latest date the shipped
# data know (known events, dated titles) are dropped when earlier ones remain.
KNOWLEDGE_MARGIN_DAYS = 365
# Confidence by the width of the feasible window the day is chosen in, in days (tight → high).
CONFIDENCE_BY_WIDTH = ((3, 0.85), (10, 0.75), (31, 0.6), (92, 0.45), (366, 0.3))
OPEN_ENDED_CONFIDENCE = 0.25
# A dateline with its full date: the article's own day, as sure as text gets.
FULL_DATELINE_CONFIDENCE = 0.95
WIDE_CONFIDENCE = 0.15
# Windows whose distance to the dated events is within this many days of the best one's fit
# about as well; the confidence is then multiplied by AMBIGUITY_FACTOR.
AMBIGUOUS_SCORE_DAYS = 30
AMBIGUITY_FACTOR = 0.5
# More periods than this fitting about as well (a yearly forum or holiday and nothing that
# fixes the year): any one of them is a guess, so no day is given.
MAX_EQUAL_PERIODS = 10
# Distances to the dated events that differ by less than this many days rank windows equally.
SCORE_TIE_DAYS = 7
# An event further back (or a deadline further ahead) than this is the article's background,
# not its news: how far it lies says nothing about which year the article is from ("the war
# began in April 2023"). Each side is capped on its own, so a window close to its latest event
# still beats one far from both sides. A quarter: the horizon of "recent" events
# (publication.yaml) with room for a season.
GAP_CAP_DAYS = 92
# Genres (perspective's) whose opening is commentary, not a lead.
COMMENT_GENRES = frozenset({"opinion", "analysis"})
# A day fits a report's latest past "on Friday" when that weekday is the day itself (best:
# wire copy is filed the day it happens) or the day before (the morning after); further back
# all fit alike, badly.
WEEKDAY_FIT_DAYS = 1
# News style names the days of the past week by weekday ("on Friday") and older days by month
# and day ("on March 4"): in a report that does both, a day written out lies at least this many
# days before the article.
DATED_NOT_WEEKDAY_DAYS = 7
# Tags of the words that make a date the name of something ("the March 16 referendum").
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS"})


# ── the public function ─────────────────────────────────────────────────────────────────

def resolve_publication_date(parsed: ParsedDoc, metadata_date: str | None,
                             people: Iterable[Actor] = (),
                             corpus_anchors: Sequence[tuple] = (),
                             genre: str | None = None) -> PublicationDate:
    """The article's date with its origin, confidence and evidence.

    ``metadata_date`` wins when readable (origin "metadata"); else a dateline in the text
    ("dateline"; a dateline without a year keeps that origin when the other cues give it a
    year, with the confidence of that inference); else the date is inferred from the content
    ("inferred"), using the dated
    titles of ``people`` (records.Actor with roles) and ``corpus_anchors`` ((phrase, ISO
    date) of events dated by other articles, with a third item, the names of each of the
    event's sides, when known: pipeline.corpus_anchors). ``genre`` (perspective's) tells a
    column, whose lead does not tell the day's news, from a report. Without any cue: value
    None, origin "none". Never raises on odd text.
    """
    notes: list[str] = []
    if metadata_date:
        value = normalise_date(metadata_date)
        if value:
            lo, hi = bounds(value)
            return PublicationDate(value=value, granularity=granularity_of(value), origin="metadata",
                                   confidence=1.0,
                                   evidence=(f"The article's metadata gives its date: {metadata_date}.",),
                                   earliest=lo.isoformat(), latest=hi.isoformat())
        notes.append(f"The metadata date {metadata_date!r} could not be read; it was ignored.")
    found = scan(parsed)
    dateline = _dateline(parsed, found)
    if dateline is not None and dateline[0].year is None:
        f, line = dateline
        notes.append(f"A dateline near the top gives the day without the year: {shorten(line, 60)!r}.")
        # The dateline is the article's own day, not an event it reports: it takes no part in
        # choosing between years by closeness to the dated events (score=False).
        cue = periodic_cue(2, f"The dateline {quote(f)} is the article's day; its year comes from the other cues.",
                           occurrences(f.month, f.day, f.weekday), "past", 0, score=False)
        pub = _infer(parsed, [x for x in found if x is not f], list(people), list(corpus_anchors), notes,
                     extra=[cue], genre=genre)
        if pub.value and cue.evidence in pub.evidence and pub.value[5:] == f"{f.month:02d}-{f.day:02d}":
            # The day is the dateline's own; only its year was inferred (the confidence says how surely).
            pub = replace(pub, origin="dateline")
        return pub
    if dateline is not None:
        f, line = dateline
        value = dt.date(f.year, f.month, f.day).isoformat()
        line = shorten(line[:f.end - (parsed.text.rfind("\n", 0, f.start) + 1)], 60)
        return PublicationDate(value=value, granularity="day", origin="dateline",
                               confidence=FULL_DATELINE_CONFIDENCE,
                               evidence=(*notes, f"A dateline near the top of the text: {line.strip()!r}."),
                               earliest=value, latest=value)
    return _infer(parsed, found, list(people), list(corpus_anchors), notes, genre=genre)


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
    if not re.search(r"(?<!\d)\d{4}(?!\d)", s):
        return None  # "yesterday" or "June 4": nothing to read without the reader's clock
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a core dependency
        return None
    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                           "REQUIRE_PARTS": ["year", "month"]})
    if parsed is None:
        return None
    rest = re.sub(r"(?<!\d)\d{4}(?!\d)|\d{1,2}:\d{2}(?::\d{2})?", " ", s)
    if not re.search(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)", rest):
        return f"{parsed.year:04d}-{parsed.month:02d}"  # "June 2025": the month only
    return parsed.date().isoformat()


# ── dateline ────────────────────────────────────────────────────────────────────────────

# The place of a dateline: a city in capitals, maybe several ("WASHINGTON/KYIV"), maybe with
# its country or state ("KINGSTOWN, St. Vincent", "PORT SUDAN, Sudan"); or, when a dash follows
# the date, a city in title case ("Bangkok, July 28 (AFP) –").
_CITY = re.compile(r"^\s*[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?(?:\([^)]{1,30}\))?\s*,\s*$")
_TITLE_CITY = re.compile(r"^\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][\w.'’ -]{1,40})?\s*,\s*$")
# After a title-case place the date must be followed by an agency's name in brackets, which
# sets a dateline apart from a sentence that starts with a name and a date.
_AGENCY_AFTER = re.compile(r"^\s*\([^)]{1,30}\)\s*(?:[—–]|--?|:)")
# A byline before the date on its line ("By Jane Doe | July 28, 2025").
_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’ -]{1,60}?\s*[|·•,–—-]\s*$", re.IGNORECASE)
_DASH_AFTER = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?(?:[—–]|--?|:)")
_TIME_AFTER = re.compile(r"^[\s,|·•/-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,5})?)?[\s|·•]*$")


def _dateline(parsed: ParsedDoc, found: Sequence[Found]) -> tuple[Found, str] | None:
    """A date standing alone on one of the first lines, or after a city at a line's start
    ("ISTANBUL, July 22, 2022 —", "NEW DELHI, Dec 11 (Reuters) -"); its year may be missing."""
    conf = settings()
    text = parsed.text
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
        if len(lines) >= conf["max_lines"]:
            break
    labels = conf["labels"]
    for f in found:
        if f.form != "date" or f.problem or f.modifier or f.month is None or f.day is None:
            continue
        for start, end, line in lines:
            if not start <= f.start < end:
                continue
            before = text[start:f.start]
            after = text[f.end:end]
            bare = before.strip().rstrip(":").strip().lower()
            if (bare == "" or bare in labels or _BYLINE.match(before)) and _TIME_AFTER.match(after):
                return f, line
            if (_CITY.match(before) or not before.strip()) and _DASH_AFTER.match(after):
                return f, line  # "ISTANBUL, July 22, 2022 —", "Oct 9 (Reuters) -"
            if _TITLE_CITY.match(before) and _AGENCY_AFTER.match(after):
                return f, line  # "Bangkok, July 28 (AFP) –"
    return None


# ── inference ───────────────────────────────────────────────────────────────────────────

def _year_range(days: DaySet) -> tuple[int, int] | None:
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
           corpus_anchors: Sequence[tuple], notes: list[str],
           extra: Sequence[Cue] = (), genre: str | None = None) -> PublicationDate:
    cues = sorted([*collect_cues(parsed, found, people, corpus_anchors), *extra], key=lambda c: c.rank)
    feasible = DaySet.everything()
    evidence, conflicts, applied = list(notes), [], []
    # A periodic cue (a yearless date) can only narrow the dates once some cue bounds the
    # year; until then it waits, and is tried again after every cue that is applied.
    waiting: list[Cue] = []
    queue = list(cues)
    while queue:
        cue = queue.pop(0)
        if cue.periodic:
            years = _year_range(feasible)
            if years is None:
                waiting.append(cue)
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
        if waiting and _year_range(feasible) is not None:
            queue[:0] = sorted(waiting, key=lambda c: c.rank)
            waiting = []
    for cue in waiting:
        evidence.append(cue.evidence.rstrip(".") + " (no cue fixes the year, so it cannot narrow the date).")
    if applied and len(feasible.spans) > 1:
        feasible = _within_horizon(feasible, people, evidence)
    if not applied:
        return PublicationDate(value=None, granularity="unknown", origin="inferred" if cues else "none",
                               confidence=0.0, evidence=tuple(evidence), conflicts=tuple(conflicts))
    if not (feasible.bounded_below() or feasible.bounded_above()):
        return PublicationDate(value=None, granularity="unknown", origin="inferred", confidence=0.0,
                               evidence=tuple(evidence), conflicts=tuple(conflicts))
    value, earliest, latest, why, window, rivals = _choose(parsed, feasible, found, applied, genre)
    if len(rivals) + 1 > MAX_EQUAL_PERIODS:
        evidence.append(f"Feasible dates: {feasible.describe()} ({len(feasible.spans)} periods). "
                        f"{len(rivals) + 1} of them fit about as well and nothing tells them apart: "
                        f"the year cannot be told.")
        return PublicationDate(value=None, granularity="unknown", origin="inferred", confidence=0.0,
                               evidence=tuple(evidence), conflicts=tuple(conflicts))
    periods = "" if len(feasible.spans) == 1 else (
        f" ({len(feasible.spans)} periods; the one closest to the dated events is used)")
    evidence.append(f"Feasible dates: {feasible.describe()}{periods}. {why}")
    # Confidence follows the whole feasible window the day was chosen in, not the narrower
    # guess inside it: a weekday or "news follows events" pick is a preference, not a bound.
    width = (window[1] - window[0]).days if window and window[1] < LATEST else None
    confidence = _confidence(width, width is None)
    if rivals:
        confidence = round(confidence * AMBIGUITY_FACTOR, 2)
        evidence.append(f"{len(rivals)} other period(s) fit about as well ({rivals[0]}"
                        f"{', …' if len(rivals) > 1 else ''}): the choice among them is uncertain (the closest fit, then the weekdays, then the earliest, decide).")
    return PublicationDate(value=value.isoformat() if value else None, granularity="day" if value else "unknown",
                           origin="inferred", confidence=confidence, evidence=tuple(evidence),
                           conflicts=tuple(conflicts),
                           earliest=earliest.isoformat() if earliest else None,
                           latest=latest.isoformat() if latest else None)


def _within_horizon(feasible: DaySet, people: Sequence[Actor], evidence: list[str]) -> DaySet:
    """The periods that begin before the end of what Storyline's data know (the latest known
    event or dated title, plus KNOWLEDGE_MARGIN_DAYS), when any do: an open-ended title
    ("President from 2025-01-20 on") makes every later year feasible, but a year past the
    data is no likelier than the years the data cover."""
    dates = [e.date for e in known_events()]
    for actor in people:
        for role in actor.roles:
            for value in (role.start, role.end):
                b = bounds(value) if value else None
                if b:
                    dates.append(b[1])
    if not dates:
        return feasible
    horizon = max(dates) + dt.timedelta(days=KNOWLEDGE_MARGIN_DAYS)
    kept = [s for s in feasible.spans if s[0] <= horizon]
    if not kept or len(kept) == len(feasible.spans):
        return feasible
    evidence.append(f"Periods after {horizon.isoformat()}, a year past the latest date Storyline's data "
                    f"know, are left out ({len(feasible.spans) - len(kept)} of them).")
    return DaySet(tuple(kept))


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


def _choose(parsed: ParsedDoc, feasible: DaySet, found: Sequence[Found], applied: Sequence[Cue],
            genre: str | None = None):
    """The most plausible day: (value, earliest, latest, why, its window, rival windows).

    Windows are ranked first by whether the chosen day lies at least DATED_NOT_WEEKDAY_DAYS
    after every past day a report writes out as a date, then by how close it lies to the
    dated events (in steps of SCORE_TIE_DAYS, so that a few days' noise does not decide;
    events further back than GAP_CAP_DAYS are background and rank alike), then by whether the latest past "on Friday"
    is the day itself, the day before, or further back (all alike), then by date: the
    earliest of equally good windows wins.
    """
    scored = [c for c in applied if c.gap is not None]
    # A column's opening recalls the week's events to argue about them; it is not a report's
    # lead telling the news of its day.
    lead = frozenset() if genre in COMMENT_GENRES else lead_of(parsed)
    report_day = _report_weekday(found, lead)
    news_day_in_lead = any(f.sent in lead for f in _past_weekdays(found))
    news_days = frozenset(d for c in applied for d in c.news)
    ranked = []
    for lo, hi in feasible.spans:
        pick = _pick_in(parsed, lo, hi, found, report_day, news_day_in_lead, genre not in COMMENT_GENRES,
                        news_days)
        if pick is None:
            continue
        gap = _gap_score(pick[0], scored)
        misfit = min(_weekday_misfit(pick[0], report_day), WEEKDAY_FIT_DAYS + 1)
        # a report that names its own week's days by weekday writes out only older days: a
        # window whose day falls within a week of a day the report writes out ranks last
        floor = _written_out_floor(parsed, found, pick[0]) if report_day is not None and \
            genre not in COMMENT_GENRES else None
        too_close = floor is not None and pick[0] < floor[0]
        ranked.append(((too_close, gap // SCORE_TIE_DAYS, misfit, pick[0]), gap, pick, (lo, hi)))
    if not ranked:
        return None, None, None, "No single day could be chosen.", None, []
    ranked.sort(key=lambda r: r[0])
    _, best_gap, pick, window = ranked[0]
    # Rivals fit the dated events about as well, and the weekdays as well or nearly (the day
    # itself and the day before both fit wire copy).
    rivals = [DaySet.of(r[3]).describe() for r in ranked[1:]
              if r[0][0] == ranked[0][0][0] and r[1] - best_gap <= AMBIGUOUS_SCORE_DAYS
              and (r[0][2] == ranked[0][0][2] or r[0][2] <= WEEKDAY_FIT_DAYS)]
    day, earliest, latest, why = pick
    return day, earliest, latest, why, window, rivals


def _gap_score(day: dt.date, scored: Sequence[Cue]) -> int:
    """How far the article would be from the events it dates: the nearest past one plus the
    nearest future one (news sits between its latest background and its next deadline)."""
    nearest: dict[str, int] = {}
    for cue in scored:
        direction, days = cue.gap(day)
        nearest[direction] = min(days, nearest.get(direction, NO_GAP), GAP_CAP_DAYS)
    return sum(nearest.values())


def _past_weekdays(found: Sequence[Found]) -> list[Found]:
    """Bare weekdays told as past ("said on Friday"): days of the week before the article. A
    weekday something was ahead of ("flew in days ahead of Wednesday's anniversary") may
    still be ahead of the article too."""
    return [f for f in found
            if f.form == "weekday" and f.offset == 0 and f.tense == "past" and f.weekday is not None
            and f.modifier != "before"]


def _report_weekday(found: Sequence[Found], lead_sentences: frozenset[int]) -> int | None:
    """The weekday a report is filed on, judged from the past weekdays it names: they are
    days of the week before it. The lead tells the news, so a weekday in the lead's first
    sentences is the report's day (or the day before, when the next day is named too, as the
    reactions' day). Without one, the weekdays cover a run of the week that ends on the
    report's day ("on Saturday ... on Sunday ... on Monday ... on Tuesday": Tuesday): the
    shortest stretch of the week covering them all, which ends just before the longest gap."""
    past = _past_weekdays(found)
    days = sorted({f.weekday for f in past})
    if not days:
        return None
    lead = [f for f in past if f.sent in lead_sentences]
    if lead:
        news = min(lead, key=lambda f: f.start).weekday
        return (news + 1) % 7 if (news + 1) % 7 in days else news
    gaps = [((days[(k + 1) % len(days)] - d) % 7 or 7, d) for k, d in enumerate(days)]
    return max(gaps, key=lambda g: g[0])[1]


def _weekday_misfit(day: dt.date, report_day: int | None) -> int:
    """How many days the day lies after the weekday the report is filed on (0 without any
    past weekday): wire copy is filed on the day of its latest news or the day after
    (WEEKDAY_FIT_DAYS)."""
    return 0 if report_day is None else (day.weekday() - report_day) % 7


def _background(parsed: ParsedDoc, f: Found) -> bool:
    """True when the expression's clause tells background rather than the report's news: the
    past perfect ("last month, Trump had offered") or a relative clause describing someone
    ("Trump, who visited Riyadh last month, ...")."""
    verb = clause_verb(parsed, f.tok_start) if f.tok_start >= 0 else None
    if verb is None:
        return False
    return parsed.tokens[verb].dep in ("relcl", "acl") or any(
        a.lemma == "have" and a.tag == "VBD" for a in auxiliaries(parsed, verb))


def _written_out_floor(parsed: ParsedDoc, found: Sequence[Found], day: dt.date) -> tuple[dt.date, Found] | None:
    """The earliest day the article can be from, given the past days it writes out as dates
    (DATED_NOT_WEEKDAY_DAYS after the latest of them on or before ``day``, the candidate), with
    the expression that sets it; None without one. A date that names something ("the March 16
    referendum") is a name, kept however recent, and says nothing here."""
    best = None
    for f in found:
        if f.form != "date" or f.tense != "past" or f.problem or f.modifier or f.month is None or f.day is None:
            continue
        if 0 < f.tok_start and parsed.tokens[f.tok_start - 1].tag in _DETERMINER_TAGS:
            continue
        years = [f.year] if f.year else [day.year, day.year - 1]
        days = [dt.date(y, f.month, f.day) for y in years if day_exists(y, f.month, f.day)]
        days = [d for d in days if d <= day]
        if not days:
            continue
        floor = max(days) + dt.timedelta(days=DATED_NOT_WEEKDAY_DAYS)
        if best is None or floor > best[0]:
            best = (floor, f)
    return best


def _after_named_month(found: Sequence[Found], lo: dt.date, hi: dt.date) -> tuple[dt.date, str]:
    """The window's first day, moved past the month of the latest dated event when the text
    names that month bare and as past ("formed his government in September"): news names
    the days of its own month ("on September 10", "earlier this month"), so a bare month
    is an earlier one. A preference, not a bound: it applies only inside the window."""
    for f in found:
        if f.form != "month" or f.tense != "past" or f.year is not None or f.day is not None \
                or f.offset or f.year_offset is not None or f.year_of_discourse or f.problem \
                or f.modifier in ("by", "until"):
            continue
        if f.month != lo.month:
            continue
        start = dt.date(lo.year + (lo.month == 12), lo.month % 12 + 1, 1)
        if start <= hi:
            return start, (f"{quote(f)} names the month of the latest dated event as an earlier "
                           f"month, so the article is from {start.isoformat()} on. ")
    return lo, ""


def _pick_in(parsed: ParsedDoc, lo: dt.date, hi: dt.date, found: Sequence[Found], end: int | None,
             news_day_in_lead: bool = False, report: bool = True, news_days: frozenset[dt.date] = frozenset()):
    """Choose inside one window [lo, hi] (hi may be unbounded); ``end`` is the weekday the
    report is filed on (_report_weekday), or None; ``news_day_in_lead``: the lead names the
    past weekday of its news; ``report``: a news report, which keeps news style's weekdays for
    its own week (a column writes out recent days as dates too); ``news_days``: the days of
    events told as the article's recent news."""
    open_hi = hi >= LATEST
    if lo <= EARLIEST:
        if open_hi:
            return None
        return hi, None, hi, "Only an upper bound is known: the latest feasible day is given."
    # "last month" told as past: the month it names is no earlier than the latest dated event
    # (unless told as background: in the past perfect or in a relative clause). A lead that
    # names its news day ("on Thursday") ties the report to that week, and "last month" then
    # tells earlier background; so it does when the latest dated event is the news itself (a
    # headline's).
    note, since = "", f"the latest dated event ({lo.isoformat()})"
    for f in found:
        if f.form == "relative" and f.unit == "month" and f.offset == -1 and f.tense == "past" \
                and not news_day_in_lead and lo not in news_days and not _background(parsed, f):
            y, m = (lo.year + (lo.month == 12), lo.month % 12 + 1)
            start = dt.date(y, m, 1)
            if start <= hi:
                note = (f"{quote(f)} is read as the month of the latest dated event, so the article "
                        f"is from {start.isoformat()} on. ")
                lo, since = start, start.isoformat()
                break
    moved, month_note = _after_named_month(found, lo, hi)
    if moved != lo:
        lo, since, note = moved, moved.isoformat(), note + month_note
    # Past weekdays name days of the week before the article, which is filed on the last of
    # them: the first such day from the latest dated event on.
    weekdays = _past_weekdays(found)
    if end is not None:
        t = lo + dt.timedelta(days=(end - lo.weekday()) % 7)
        written_out = _written_out_floor(parsed, found, t) if report else None
        if written_out is not None:
            floor, f = written_out
            later = floor + dt.timedelta(days=(end - floor.weekday()) % 7)
            if t < later <= hi:
                t, since = later, floor.isoformat()
                note += (f"{quote(f)} is written as a date, not a weekday: news names the days of its own "
                         f"week by weekday, so the article is from {since} on. ")
        if t <= hi:
            names = list(dict.fromkeys(quote(f) for f in weekdays))
            what = (f"{' and '.join(names)} are read as days of the week the article is filed in, the last of "
                    f"them a {weekday_name(end)}" if len(names) > 1 else
                    f"{names[0]} is read as a day of the week the article is filed in")
            return t, t, min(hi, t + dt.timedelta(days=WEEKDAY_FIT_DAYS)), note + (
                f"{what}: the first {weekday_name(end)} from {since} on, "
                f"{t.isoformat()}.")
    quoted = speech_days(parsed, tuple(found))  # a speaker's "yesterday" counts from the speech
    for k, f in enumerate(found):
        if f.form == "deictic" and f.offset == -1 and f.tense in ("past", None) and k not in quoted:
            t = lo + dt.timedelta(days=1)
            if t <= hi:
                return t, lo, min(hi, t), note + f"{quote(f)}: the article is the day after {lo.isoformat()}."
    if lo == hi:
        return lo, lo, hi, note + f"Only {lo.isoformat()} remains in this period."
    if not open_hi and (hi - lo).days <= NARROW_WINDOW_DAYS and lo not in news_days:
        mid = lo + (hi - lo) // 2
        return mid, lo, hi, note + (f"The window from {lo.isoformat()} to {hi.isoformat()} is narrow; "
                                    f"its middle, {mid.isoformat()}, is chosen.")
    day = min(hi, lo + dt.timedelta(days=NEWS_LAG_DAYS))
    return day, lo, None if open_hi else hi, note + (
        f"News is written soon after the latest event it dates ({lo.isoformat()}): "
        f"{day.isoformat()} is chosen.")
