"""Calendar arithmetic on the ISO values the temporal stage produces.

Values are strings at their own granularity: "2025-05-10" (day), "2025-W24" (week), "2025-05"
(month), "2025-SU" (season), "2025" (year), "201X" (decade), or an interval "A/B" of two days.
``bounds`` turns any of them into the first and last day they cover, which is what the
publication-date inference and the tests compare.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")

# First and last month of each season code; winter runs from December into the next year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by n months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def iso_week(day: dt.date) -> str:
    """The ISO week value of a day, e.g. "2025-W25"."""
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def granularity_of(value: str | None) -> str:
    """The granularity a value is written at ("unknown" for None or an unknown form)."""
    if not value:
        return "unknown"
    if "/" in value:
        return "day"
    for pattern, name in ((_DAY, "day"), (_WEEK, "week"), (_MONTH, "month"),
                          (_SEASON, "season"), (_YEAR, "year"), (_DECADE, "decade")):
        if pattern.match(value):
            return name
    return "unknown"


def bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a value; None when it is not a calendar value."""
    if not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        lo, hi = bounds(a), bounds(b)
        return (lo[0], hi[1]) if lo and hi else None
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK.match(value):
        start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + dt.timedelta(days=6)
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), month_end(y, mo)
    if m := _SEASON.match(value):
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        end_year = y + 1 if last < first else y
        return dt.date(y, first, 1), month_end(end_year, last)
    if m := _YEAR.match(value):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    return None


def parse_anchor(anchor: str | None) -> tuple[dt.date, str] | None:
    """An anchor as (a representative day, its granularity); None when absent or unreadable.

    A month anchor stands for its last day and a year anchor for 31 December: an article
    known only to the month is at least as late as anything earlier in that month.
    """
    if not anchor:
        return None
    anchor = anchor.strip()[:10]
    try:
        if _DAY.match(anchor):
            return dt.date.fromisoformat(anchor), "day"
        if m := _MONTH.match(anchor):
            return month_end(int(m[1]), int(m[2])), "month"
        if m := _YEAR.match(anchor):
            return dt.date(int(m[1]), 12, 31), "year"
    except ValueError:
        return None
    return None


def to_value(day: dt.date, granularity: str) -> str:
    """The value of a day written at a granularity."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return iso_week(day)
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}X"
    return day.isoformat()


def shift(day: dt.date, n: int, unit: str) -> dt.date:
    """A day moved by n units (months and years keep the day of month where they can)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        y, m = add_months(day.year, day.month, months)
        return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))
    raise ValueError(f"unknown unit {unit!r}")


def day_exists(year: int, month: int, day: int) -> bool:
    """True when the day exists in that month of that year."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
