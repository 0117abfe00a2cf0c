"""Readable output for ``storyline dates FILE``: what was found, what it means, and why."""
from __future__ import annotations

from collections.abc import Sequence

from ..records import ParsedDoc, PublicationDate, TimeExpr


def explain_dates(parsed: ParsedDoc, timexes: Sequence[TimeExpr], published: PublicationDate) -> str:
    """The resolved expressions, one per line (span, value, how), then the publication-date
    reasoning (evidence, interval, conflicts), for a user checking one article."""
    lines = [f"Time expressions ({len(timexes)}):"]
    if not timexes:
        lines.append("  (none)")
    for tx in timexes:
        lines.append(f"  {tx.start:>6}-{tx.end:<6} {tx.text!r:32} {_value(tx):24} {_how(tx)}")
    lines.append("")
    origin = published.origin
    conf = f"confidence {published.confidence:.2f}"
    if published.value:
        lines.append(f"Publication date: {published.value} ({origin}, {conf})")
    else:
        lines.append(f"Publication date: unknown ({origin}, {conf})")
    if published.earliest or published.latest:
        lines.append(f"  feasible from {published.earliest or 'any earlier date'} "
                     f"to {published.latest or 'any later date'}")
    if published.evidence:
        lines.append("  Evidence:")
        lines.extend(f"    - {e}" for e in published.evidence)
    if published.conflicts:
        lines.append("  Conflicts:")
        lines.extend(f"    ! {c}" for c in published.conflicts)
    return "\n".join(lines)


def _value(tx: TimeExpr) -> str:
    if tx.value is None:
        return "(unresolved)"
    mod = f" [{tx.modifier}]" if tx.modifier else ""
    return f"{tx.value} {tx.granularity}{mod}"


def _how(tx: TimeExpr) -> str:
    if tx.value is None:
        return f"{tx.kind}; unresolved: {tx.reason or 'no reason given'}"
    if tx.kind in ("duration", "set"):
        return tx.kind
    if not tx.relative:
        return f"{tx.kind}, as written"
    if tx.anchor:
        return f"{tx.kind}, relative to {tx.anchor}"
    return f"{tx.kind}, relative"
