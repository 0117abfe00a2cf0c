"""PLOVER (type, mode) → CAMEO code, Goldstein weight and QuadClass, from our own table.

The table is ``storyline/data/ontology/plover.csv`` (see the README beside it). It is read
once, validated (every quad class must follow from its CAMEO root), and looked up by
(type, mode); an unknown mode falls back to the type's default row.
"""
from __future__ import annotations

import functools

from ..errors import DataError
from ..knowledge import load_csv

TABLE = "ontology/plover.csv"


def quad_class_of(cameo: str) -> int:
    """QuadClass from the CAMEO root: 01–05 verbal coop, 06–08 material coop, 09–13 verbal
    conflict, 14–20 material conflict."""
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise ValueError(f"CAMEO code {cameo!r} has no root in 01–20")


@functools.cache
def ontology() -> dict[tuple[str, str], tuple[str, float, int]]:
    """The mapping table as {(plover, mode or ""): (cameo, goldstein, quad_class)}.

    Raises DataError naming the row when a row is malformed or its quad class contradicts
    its CAMEO root.
    """
    table: dict[tuple[str, str], tuple[str, float, int]] = {}
    for n, row in enumerate(load_csv(TABLE), start=2):
        where = f"storyline/data/{TABLE}:{n}"
        try:
            plover = row["plover"].strip().upper()
            mode = (row.get("mode") or "").strip()
            cameo = row["cameo"].strip()
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataError(f"{where}: malformed row {row!r}: {exc}") from exc
        if not cameo.isdigit() or len(cameo) < 3:
            raise DataError(f"{where}: CAMEO code {cameo!r} must be 3–4 digits")
        if quad != quad_class_of(cameo):
            raise DataError(f"{where}: quad_class {quad} contradicts CAMEO root {cameo[:2]}"
                            f" (should be {quad_class_of(cameo)})")
        if not -10.0 <= goldstein <= 10.0:
            raise DataError(f"{where}: Goldstein weight {goldstein} outside −10..+10")
        if (plover, mode) in table:
            raise DataError(f"{where}: duplicate row for ({plover}, {mode or '-'})")
        table[(plover, mode)] = (cameo, goldstein, quad)
    for plover, _ in list(table):
        if (plover, "") not in table:
            raise DataError(f"storyline/data/{TABLE}: type {plover} has no default row")
    return table


@functools.cache
def table_version() -> str:
    """The version of the mapping table (the highest ``version`` of its rows)."""
    return max((row.get("version") or "0").strip() for row in load_csv(TABLE))


def plover_types() -> frozenset[str]:
    """The PLOVER types the table knows."""
    return frozenset(p for p, _ in ontology())


def known_mode(plover: str, mode: str | None) -> bool:
    """Whether (type, mode) has its own row."""
    return (plover.upper(), mode or "") in ontology()


def code_event(plover: str, mode: str | None) -> tuple[str, float, int]:
    """(cameo, goldstein, quad_class) of a PLOVER type and mode.

    A mode without its own row gets the type's default row. Raises DataError for a type the
    table does not know.
    """
    table = ontology()
    key = (plover.upper(), mode or "")
    if key in table:
        return table[key]
    default = (key[0], "")
    if default in table:
        return table[default]
    raise DataError(f"PLOVER type {plover!r} is not in storyline/data/{TABLE}")
