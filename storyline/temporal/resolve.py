"""Resolving found expressions against the article's date and the discourse.

The rules for partial and relative dates are ours: a month or weekday without a year in a
past-tense clause is the most recent one on or before the anchor (unless its paragraph tells
an earlier year's story: _narrated_year); in a future clause the next one; in a present or
tenseless clause the nearest one. "The day before" and "later" count from the previous date
in the text precise enough for them ("a month later" from a month, "the day before" from a
day). Whatever cannot be resolved keeps value None and a reason; nothing here raises on odd
input.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..nlp import in_sentence_quote
from ..records import ParsedDoc, TimeExpr
from .calendar import SEASON_MONTHS, bounds, day_exists, parse_anchor, shift, to_value
from .scan import Found, scan

NO_ANCHOR = "relative expression and no anchor date (the article's date is unknown)"
# "last Wednesday" lies at least this many days back ("next Wednesday" as far ahead): the
# day before or after is "yesterday" or "tomorrow", so the week before or after is meant.
LAST_WEEKDAY_MIN_DAYS = 2


def find_time_expressions(parsed: ParsedDoc, anchor: str | None) -> tuple[TimeExpr, ...]:
    """Every temporal expression in the article, resolved where the anchor allows.

    ``anchor`` is the article's date (ISO day, month or year) or None; without it relative
    expressions keep value None with a reason. Returns TimeExpr records in text order.
    """
    found = scan(parsed)
    return resolve_all(found, anchor, tuple(s.paragraph for s in parsed.sentences),
                       speech_days(parsed, found))


def in_quote(parsed: ParsedDoc, f: Found) -> bool:
    """True when the expression stands inside a direct quote of its sentence."""
    return in_sentence_quote(parsed, f.sent, f.start)


def speech_days(parsed: ParsedDoc, found: tuple[Found, ...]) -> dict[int, int]:
    """For each "today", "yesterday" or "tomorrow" quoted in a sentence that dates the
    speech ("read out the decision on Tuesday, saying ties were severed 'as of today'"):
    the index of the expression that dates it, outside the quote. The speaker's today is
    the day of the speech, not the article's."""
    out = {}
    for k, f in enumerate(found):
        if f.form != "deictic" or not in_quote(parsed, f):
            continue
        day = next((j for j, g in enumerate(found) if j != k and g.sent == f.sent
                    and g.form in ("weekday", "date") and not in_quote(parsed, g)), None)
        if day is not None:
            out[k] = day
    return out


def resolve_all(found: tuple[Found, ...], anchor: str | None,
                paragraphs: tuple[int, ...] = (), speech: dict[int, int] | None = None) -> tuple[TimeExpr, ...]:
    """Resolve found expressions in text order, carrying the discourse date along.

    ``paragraphs`` (each sentence's paragraph) lets a story told year by year keep its year:
    see _narrated_year. ``speech`` (speech_days) maps a quoted "today" to the expression that
    dates its speech: it is read from that day.
    """
    speech_anchor: dict[int, str] = {}
    if speech:
        first = resolve_all(found, anchor, paragraphs)
        speech_anchor = {k: first[j].value for k, j in speech.items()
                         if first[j].value and first[j].granularity == "day"}
    parsed_anchor = parse_anchor(anchor)
    out: list[TimeExpr] = []
    last_day: TimeExpr | None = None  # the previous day-level date: what "the day before" counts from
    last_any: TimeExpr | None = None  # failing that, the previous date at any granularity
    last_written: TimeExpr | None = None  # the previous date written with its year: what "that year" means
    last_yeared: tuple[Found, TimeExpr] | None = None  # the previous date whose year the text states
    for k, f in enumerate(found):
        if f.year_of_discourse:
            previous = last_written
        elif f.form == "after" or (last_any is not None and not _finer(f.unit or "day", last_any.granularity)):
            previous = last_any
        else:
            previous = last_day or last_any
        if k in speech_anchor:
            expr = resolve_one(f, speech_anchor[k], parse_anchor(speech_anchor[k]), previous)
        else:
            expr = resolve_one(f, anchor, parsed_anchor, previous)
        expr = _narrated_year(f, expr, last_yeared, paragraphs)
        out.append(expr)
        if expr.value and expr.kind == "date" and "/" not in expr.value and expr.granularity != "decade":
            if expr.granularity == "day":
                last_day = expr
            last_any = expr
            if not expr.relative:
                last_written = expr
            if f.form in ("date", "month", "monthyear") and (f.year is not None or f.year_offset is not None):
                last_yeared = (f, expr)
    return tuple(out)


def _narrated_year(f: Found, expr: TimeExpr, last_yeared: tuple[Found, TimeExpr] | None,
                   paragraphs: tuple[int, ...]) -> TimeExpr:
    """A month told as past without a year, after a date of an earlier year (with its month)
    in an earlier sentence of the same paragraph and later in that year, continues the story
    in that year ("shot dead in June last year. In September, Trudeau told parliament ..." is
    that September, not this one).
    A month earlier than the previous date's ("in April 2023 ... In March") is left alone:
    the story has moved on to another year, which one the text does not say."""
    if last_yeared is None or not paragraphs or expr.value is None or f.form not in ("date", "month") \
            or f.year is not None or f.year_offset is not None or f.year_of_discourse or f.tense != "past":
        return expr
    g, prior = last_yeared
    if g.sent == f.sent or not (f.sent < len(paragraphs) and g.sent < len(paragraphs)
                                and paragraphs[f.sent] == paragraphs[g.sent]):
        return expr  # within one sentence the two dates are more often two strands than a sequence
    mine, theirs = bounds(expr.value), bounds(prior.value)
    if mine is None or theirs is None or theirs[0].year != theirs[1].year:
        return expr
    year = theirs[0].year
    if year >= mine[0].year or (f.month, f.day or 0) <= (theirs[0].month, theirs[0].day if prior.granularity == "day" else 0):
        return expr
    if f.day is not None and not day_exists(year, f.month, f.day):
        return expr
    value = dt.date(year, f.month, f.day).isoformat() if f.day is not None else f"{year:04d}-{f.month:02d}"
    return replace(expr, value=value, anchor=prior.value)


def _expr(f: Found, kind: str, value: str | None, granularity: str, *, relative: bool = False,
          anchor: str | None = None, reason: str | None = None,
          modifier: str | None = None) -> TimeExpr:
    return TimeExpr(start=f.start, end=f.end, text=f.text, sent=f.sent, kind=kind, value=value,
                    granularity=granularity, relative=relative, anchor=anchor, reason=reason,
                    modifier=modifier if modifier is not None else f.modifier)


def _kind(f: Found) -> str:
    return "era" if f.modifier == "since" else "date"


def resolve_one(f: Found, anchor: str | None, parsed_anchor, previous: TimeExpr | None) -> TimeExpr:
    """One expression to a TimeExpr (see the module docstring for the rules)."""
    form = f.form
    if form == "duration":
        return _duration(f)
    if form == "set":
        unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}.get(f.unit or "year", "Y")
        return _expr(f, "set", f"P1{unit}", f.unit or "year")
    if form == "vague":
        return _expr(f, "date", None, "unknown", relative=True, anchor=anchor, reason=f"vague: {f.problem}")
    if f.problem:
        gran = "day" if form == "date" else "decade" if form == "decade" else "unknown"
        return _expr(f, _kind(f), None, gran, relative=f.year is None, reason=f.problem)

    if form == "date" and f.year is not None:
        return _expr(f, _kind(f), dt.date(f.year, f.month, f.day).isoformat(), "day")
    if form == "monthyear":
        return _expr(f, _kind(f), f"{f.year:04d}-{f.month:02d}", "month")
    if form == "year":
        return _expr(f, _kind(f), f"{f.year:04d}", "year")
    if form == "decade":
        return _expr(f, "date", f"{f.decade:03d}X", "decade")
    if form == "season" and f.year is not None:
        return _expr(f, _kind(f), f"{f.year:04d}-{f.season}", "season")

    if form in ("discourse", "after"):
        return _discourse(f, previous)

    if f.year_of_discourse and form in ("date", "month"):
        return _in_year_of_discourse(f, previous)

    # Everything below is relative to the article's date.
    if parsed_anchor is None:
        gran = {"date": "day", "month": "month", "weekday": "day", "deictic": "day",
                "season": "season"}.get(form, f.unit or "unknown")
        if form == "relative" and f.unit:
            gran = f.unit
        return _expr(f, _kind(f), None, gran, relative=True, reason=NO_ANCHOR)
    aday, agran = parsed_anchor

    if form == "date":
        if f.year_offset is not None:
            return _yeared_day(f, aday.year + f.year_offset, anchor)
        return _partial_day(f, aday, agran, anchor)
    if form == "month":
        if f.year_offset is not None:
            y = aday.year + f.year_offset
        elif f.offset < 0:  # "last December": before the article's month
            y = aday.year if f.month < aday.month else aday.year - 1
        elif f.offset > 0:  # "next March": after it
            y = aday.year if f.month > aday.month else aday.year + 1
        else:
            y = _year_for_month(f.month, aday, f.tense)
        return _expr(f, _kind(f), f"{y:04d}-{f.month:02d}", "month", relative=True, anchor=anchor)
    if form == "season":
        y = aday.year + (f.year_offset or 0) if f.year_offset is not None else _year_for_season(f, aday)
        return _expr(f, _kind(f), f"{y:04d}-{f.season}", "season", relative=True, anchor=anchor)
    if form == "weekday":
        if agran != "day":
            return _expr(f, "date", None, "day", relative=True, anchor=anchor,
                         reason="a weekday needs an anchor known to the day")
        return _expr(f, _kind(f), _weekday(f, aday).isoformat(), "day", relative=True, anchor=anchor)
    if form == "deictic":
        if agran != "day":
            return _expr(f, "date", None, "day", relative=True, anchor=anchor,
                         reason="needs an anchor known to the day")
        return _expr(f, "date", shift(aday, f.offset, "day").isoformat(), "day", relative=True, anchor=anchor)
    if form == "relative":
        unit = f.unit or "year"
        if _finer(unit, agran):
            return _expr(f, "date", None, unit, relative=True, anchor=anchor,
                         reason=f"the anchor is known only to the {agran}")
        return _expr(f, _kind(f), to_value(shift(aday, f.offset, unit), unit), unit,
                     relative=True, anchor=anchor)
    if form == "ago":
        unit = f.unit or "day"
        if f.count is None:
            return _expr(f, "date", None, unit, relative=True, anchor=anchor,
                         reason="vague: an unspecified number of units ago")
        if _finer(unit, agran):
            return _expr(f, "date", None, unit, relative=True, anchor=anchor,
                         reason=f"the anchor is known only to the {agran}")
        return _expr(f, "date", to_value(shift(aday, -f.count, unit), unit), unit,
                     relative=True, anchor=anchor)
    if form == "period":
        unit = f.unit or "day"
        if f.count is None:
            return _expr(f, "date", None, unit, relative=True, anchor=anchor,
                         reason="vague: an unspecified number of units")
        other = shift(aday, f.offset * f.count, unit)
        lo, hi = sorted((other, aday))
        return _expr(f, "date", f"{lo.isoformat()}/{hi.isoformat()}", unit, relative=True, anchor=anchor)
    return _expr(f, "date", None, "unknown", relative=True, anchor=anchor, reason="unsupported form")


_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}


def _finer(unit: str, anchor_granularity: str) -> bool:
    """True when a unit is finer than what the anchor is known to."""
    return _ORDER.get(unit, 0) < _ORDER.get(anchor_granularity, 0)


def _duration(f: Found) -> TimeExpr:
    unit = f.unit or "day"
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}[unit]
    if f.count is None:
        return _expr(f, "duration", f"PX{'DE' if unit == 'decade' else code}", unit)
    n = f.count * 10 if unit == "decade" else f.count
    return _expr(f, "duration", f"P{n}{code}", unit)


def _yeared_day(f: Found, year: int, anchor: str | None) -> TimeExpr:
    if not day_exists(year, f.month, f.day):
        return _expr(f, "date", None, "day", relative=True, anchor=anchor,
                     reason=f"no such date: {year:04d}-{f.month:02d}-{f.day:02d}")
    return _expr(f, _kind(f), dt.date(year, f.month, f.day).isoformat(), "day",
                 relative=True, anchor=anchor)


def _partial_day(f: Found, aday: dt.date, agran: str, anchor: str | None) -> TimeExpr:
    """A month and day without a year: the year from the anchor and the clause's tense."""
    if agran == "year":
        return _yeared_day(f, aday.year, anchor)
    year = _year_for_day(f.month, f.day, aday, f.tense)
    if year is None:
        return _expr(f, "date", None, "day", relative=True, anchor=anchor,
                     reason=f"no such date near the anchor: {f.month:02d}-{f.day:02d}")
    return _yeared_day(f, year, anchor)


def _year_for_day(month: int, day: int, aday: dt.date, tense: str | None) -> int | None:
    """The year that puts month/day on the side of the anchor the tense asks for."""
    options = [y for y in (aday.year - 1, aday.year, aday.year + 1) if day_exists(y, month, day)]
    if not options:
        options = [y for y in range(aday.year - 4, aday.year + 5) if day_exists(y, month, day)]
    if not options:
        return None
    dates = {y: dt.date(y, month, day) for y in options}
    if tense == "past":
        past = [y for y in options if dates[y] <= aday]
        return max(past) if past else min(options)
    if tense == "future":
        future = [y for y in options if dates[y] >= aday]
        return min(future) if future else max(options)
    return min(options, key=lambda y: (abs((dates[y] - aday).days), -int(dates[y] <= aday)))


def _year_for_month(month: int, aday: dt.date, tense: str | None) -> int:
    """The year of a month named without one, by tense (nearest when the tense is unclear)."""
    if tense == "past":
        return aday.year if month <= aday.month else aday.year - 1
    if tense == "future":
        return aday.year if month >= aday.month else aday.year + 1
    here = aday.year * 12 + aday.month - 1
    options = [aday.year - 1, aday.year, aday.year + 1]
    return min(options, key=lambda y: (abs(y * 12 + month - 1 - here), y > aday.year))


def _year_for_season(f: Found, aday: dt.date) -> int:
    first, _ = SEASON_MONTHS[f.season]
    return _year_for_month(first, aday, f.tense)


def _weekday(f: Found, aday: dt.date) -> dt.date:
    """The weekday's date: before the anchor in a past clause, after it in a future one.

    A past-tense "on Thursday" in an article of a Thursday is that same day (wire copy says
    "on Thursday" for the day it is filed); "last Thursday" is at least LAST_WEEKDAY_MIN_DAYS
    back (nobody writes "last Wednesday" for yesterday), "next Thursday" as far ahead.
    """
    back = (aday.weekday() - f.weekday) % 7
    ahead = (f.weekday - aday.weekday()) % 7
    if f.offset < 0:
        return aday - dt.timedelta(days=back if back >= LAST_WEEKDAY_MIN_DAYS else back + 7)
    if f.offset > 0:
        return aday + dt.timedelta(days=ahead if ahead >= LAST_WEEKDAY_MIN_DAYS else ahead + 7)
    if f.tense == "past":
        return aday - dt.timedelta(days=back)
    if f.tense == "future":
        return aday + dt.timedelta(days=ahead)
    return aday - dt.timedelta(days=back) if back <= ahead else aday + dt.timedelta(days=ahead)


def _in_year_of_discourse(f: Found, previous: TimeExpr | None) -> TimeExpr:
    """"February 24 that year": the day or month in the year of the previous date in the text."""
    span = bounds(previous.value) if previous is not None and previous.value else None
    if span is None or span[0].year != span[1].year:
        return _expr(f, "date", None, "day" if f.day else "month", relative=True,
                     reason="'that year' and no earlier year in the text")
    year = span[0].year
    if f.form == "month":
        return _expr(f, _kind(f), f"{year:04d}-{f.month:02d}", "month", relative=True, anchor=previous.value)
    if not day_exists(year, f.month, f.day):
        return _expr(f, "date", None, "day", relative=True, reason=f"no such date in {year}")
    return _expr(f, _kind(f), dt.date(year, f.month, f.day).isoformat(), "day", relative=True,
                 anchor=previous.value)


def _discourse(f: Found, previous: TimeExpr | None) -> TimeExpr:
    """Count from the previous date in the text ("the day before", "later")."""
    if previous is None or previous.value is None:
        return _expr(f, "date", None, f.unit or "day", relative=True,
                     reason="no earlier date in the text to count from")
    if f.form == "after":
        return _expr(f, "date", previous.value, previous.granularity, relative=True,
                     anchor=previous.value, modifier="after")
    lo, _ = bounds(previous.value)
    unit = f.unit or "day"
    if _finer(unit, previous.granularity):
        return _expr(f, "date", None, unit, relative=True, anchor=previous.value,
                     reason=f"the previous date ({previous.text!r}) is known only to the {previous.granularity}")
    day = shift(lo, f.offset, unit)
    return _expr(f, "date", to_value(day, unit), unit, relative=True, anchor=previous.value)


__all__ = ["find_time_expressions", "resolve_all", "resolve_one", "NO_ANCHOR"]
