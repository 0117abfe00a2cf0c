"""Sets of days as sorted, disjoint closed intervals: the feasible dates of an article."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EARLIEST = dt.date(1, 1, 1)
LATEST = dt.date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class DaySet:
    """A union of closed day intervals; ``DaySet.everything()`` is unbounded both ways."""

    spans: tuple[tuple[dt.date, dt.date], ...]

    @staticmethod
    def everything() -> DaySet:
        return DaySet(((EARLIEST, LATEST),))

    @staticmethod
    def of(*spans: tuple[dt.date | None, dt.date | None]) -> DaySet:
        """A set from intervals; None stands for unbounded on that side."""
        clean = sorted((lo or EARLIEST, hi or LATEST) for lo, hi in spans)
        merged: list[tuple[dt.date, dt.date]] = []
        for lo, hi in clean:
            if lo > hi:
                continue
            if merged and (merged[-1][1] >= LATEST or lo <= merged[-1][1] + dt.timedelta(days=1)):
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return DaySet(tuple(merged))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def intersect(self, other: DaySet) -> DaySet:
        out = []
        for a_lo, a_hi in self.spans:
            for b_lo, b_hi in other.spans:
                lo, hi = max(a_lo, b_lo), min(a_hi, b_hi)
                if lo <= hi:
                    out.append((lo, hi))
        return DaySet.of(*out)

    @property
    def lo(self) -> dt.date:
        return self.spans[0][0]

    @property
    def hi(self) -> dt.date:
        return self.spans[-1][1]

    def bounded_below(self) -> bool:
        return bool(self.spans) and self.lo > EARLIEST

    def bounded_above(self) -> bool:
        return bool(self.spans) and self.hi < LATEST

    def describe(self) -> str:
        """Readable: 'from 2025-05-11 to 2025-07-08', 'from 2025-01-21 on', 'any date'."""
        if not self.spans:
            return "no date"
        parts = []
        for lo, hi in self.spans[:3]:
            if lo == EARLIEST and hi == LATEST:
                parts.append("any date")
            elif lo == EARLIEST:
                parts.append(f"up to {hi.isoformat()}")
            elif hi == LATEST:
                parts.append(f"from {lo.isoformat()} on")
            elif lo == hi:
                parts.append(lo.isoformat())
            else:
                parts.append(f"from {lo.isoformat()} to {hi.isoformat()}")
        more = f" (and {len(self.spans) - 3} more periods)" if len(self.spans) > 3 else ""
        return " or ".join(parts) + more
