"""Dyad trends: how the relationship between two actors (or countries) moves over time.

For a pair (a, b) and a period (day, ISO week or month), each point counts the events
between them in either direction by QuadClass (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict), with the Goldstein sum and mean and the
events behind it: the table an analyst reads to see India–Pakistan turn from talks to strikes.

Only events that happened count (modality asserted or reported): a negated strike or a
hypothetical trade deal never moves a trend. Events without a date, and events dated too
coarsely for the period ("in May" when counting by day), are left out;
``dyad_left_out`` counts them so the table can say so.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import ConfigError
from .merge import event_span
from .records import ActorRef, DyadPoint, Event, EventDate

__all__ = ["dyad_trend", "dyad_left_out", "format_dyad_table", "LeftOut", "PERIODS"]

PERIODS = ("day", "week", "month")
# Modalities of events that happened; the rest (negated, hypothetical, intended) never count.
HAPPENED = ("asserted", "reported")
QUAD_LABELS = ("verbal coop", "material coop", "verbal conflict", "material conflict")


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Events between the pair that a trend leaves out, by reason."""

    not_happened: int = 0
    undated: int = 0
    too_coarse: int = 0

    def note(self, by: str) -> str:
        parts = []
        if self.undated:
            parts.append(f"{self.undated} undated")
        if self.too_coarse:
            parts.append(f"{self.too_coarse} dated too coarsely to place by {by}")
        if self.not_happened:
            parts.append(f"{self.not_happened} negated, hypothetical or intended")
        return "left out: " + ", ".join(parts) if parts else ""


def _matches(ref: ActorRef | None, key: str) -> bool:
    """An actor id, a short code, or an ISO3 country (a non-state group is not its country)."""
    if ref is None:
        return False
    key = key.casefold()
    if ref.actor_id and ref.actor_id.casefold() == key:
        return True
    if ref.code and ref.code.casefold() == key:
        return True
    return bool(ref.country) and ref.kind != "nsa" and ref.country.casefold() == key


def _between(event: Event, a: str, b: str) -> bool:
    """The event's actor is one of the pair and one of its recipients the other."""
    recipients = [r for r in (event.target, *event.others) if r is not None]
    for x, y in ((a, b), (b, a)):
        if _matches(event.source, x) and not _matches(event.source, y) \
                and any(_matches(r, y) for r in recipients):
            return True
    return False


def _period(date: EventDate, by: str) -> str | None | bool:
    """The period label of an event's date; None when undated; False when too coarse for ``by``.

    A week-precise date (a day value with granularity "week", the middle of its window) is
    too coarse for days and is counted in the week or month of its middle day.
    """
    span = event_span(date)
    if span is None:
        return None
    first, last = span
    if date.granularity == "week" and first != last:
        if by == "day":
            return False
        first = last = first + (last - first) / 2
    if by == "day":
        return first.isoformat() if first == last else False
    if by == "week":
        wa, wb = first.isocalendar()[:2], last.isocalendar()[:2]
        return f"{wa[0]}-W{wa[1]:02d}" if wa == wb else False
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}-{first.month:02d}"
    if (last - first).days == 6:  # an ISO week across two months: the month of its Thursday
        thursday = first + dt.timedelta(days=3)
        return f"{thursday.year}-{thursday.month:02d}"
    return False


def _check(a: str, b: str, by: str) -> None:
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    if not a or not b or a.casefold() == b.casefold():
        raise ConfigError(f"a dyad needs two different actors, got {a!r} and {b!r}")


def dyad_trend(events: Sequence[Event], a: str, b: str, by: str = "month") -> tuple[DyadPoint, ...]:
    """Conflict–cooperation between ``a`` and ``b`` (ISO3 codes, actor ids or codes) per period.

    Events count in both directions (a→b and b→a); only asserted and reported ones count.
    Returns one point per period that has events, oldest first. Raises ConfigError for an
    unknown ``by`` or a pair that is not two different actors.
    """
    _check(a, b, by)
    buckets: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.modality not in HAPPENED or not _between(event, a, b):
            continue
        period = _period(event.date, by)
        if period:
            buckets[period].append(event)
    points = []
    for period in sorted(buckets):
        members = sorted(buckets[period], key=lambda e: (e.date.value or "", e.doc_id, e.sent, e.id))
        counts = Counter(e.quad_class for e in members)
        total = sum(e.goldstein for e in members)
        points.append(DyadPoint(
            period=period, a=a, b=b,
            counts=tuple(counts.get(q, 0) for q in (1, 2, 3, 4)),
            goldstein_sum=round(total, 2),
            goldstein_mean=round(total / len(members), 2),
            events=tuple(e.id for e in members)))
    return tuple(points)


def dyad_left_out(events: Sequence[Event], a: str, b: str, by: str = "month") -> LeftOut:
    """How many events between ``a`` and ``b`` ``dyad_trend`` leaves out, and why."""
    _check(a, b, by)
    not_happened = undated = too_coarse = 0
    for event in events:
        if not _between(event, a, b):
            continue
        if event.modality not in HAPPENED:
            not_happened += 1
            continue
        period = _period(event.date, by)
        if period is None:
            undated += 1
        elif period is False:
            too_coarse += 1
    return LeftOut(not_happened, undated, too_coarse)


def format_dyad_table(points: Sequence[DyadPoint], left_out: LeftOut | None = None,
                      by: str = "period") -> str:
    """The trend as a plain-text table for the CLI: one row per period with the counts by
    QuadClass, the number of events and the Goldstein sum and mean; a note on what was
    left out when ``left_out`` is given."""
    if not points:
        head = "No events between these two in the store."
    else:
        head = f"{points[0].a}–{points[0].b}, both directions (events that happened)"
    note = left_out.note(by) if left_out else ""
    if not points:
        return "\n".join(x for x in (head, note) if x)
    widths = [max(len(label), 5) for label in QUAD_LABELS]
    header = f"{'period':<10}  " + "  ".join(f"{label:>{w}}" for label, w in zip(QUAD_LABELS, widths)) \
        + f"  {'events':>6}  {'goldstein sum':>13}  {'mean':>6}"
    lines = [head, header]
    for p in points:
        lines.append(f"{p.period:<10}  " + "  ".join(f"{c:>{w}}" for c, w in zip(p.counts, widths))
                     + f"  {len(p.events):>6}  {p.goldstein_sum:>13.1f}  {p.goldstein_mean:>6.2f}")
    if note:
        lines.append(note)
    return "\n".join(lines)
