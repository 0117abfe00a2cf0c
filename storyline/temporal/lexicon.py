"""The temporal stage's word lists (``storyline/data/time/lexicon.yaml``), loaded and checked once."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..errors import DataError
from ..knowledge import load_yaml

LEXICON_FILE = "time/lexicon.yaml"
_UNITS = ("day", "week", "month", "year", "decade")


@dataclass(frozen=True)
class Lexicon:
    """Validated word lists; every key lower-case."""

    months: dict[str, int]
    full_months: dict[str, int]
    typo_min_length: int
    typo_max_distance: int
    weekdays: dict[str, int]
    time_nouns: frozenset[str]
    seasons: dict[str, tuple[str, int, int]]
    parts: dict[str, str]
    bounds: dict[str, str]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    units: dict[str, tuple[str, int]]
    relative_words: dict[str, int]
    deictic_days: dict[str, int]
    discourse: dict[str, tuple[int, str]]
    discourse_after: tuple[str, ...]
    discourse_after_blockers: frozenset[str]
    month_context: frozenset[str]
    month_offsets: dict[str, int]
    month_determiners: frozenset[str]
    month_anaphora: frozenset[str]
    year_context: frozenset[str]
    vague: dict[str, str]
    sets: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_going_to: frozenset[str]
    future_xcomp_heads: frozenset[str]
    commitment_heads: frozenset[str]
    causative_heads: frozenset[str]
    scheduled_verbs: frozenset[str]
    prospective_verbs: frozenset[str]
    future_clause_marks: frozenset[str]
    future_if_main_marks: frozenset[str]
    noun_links: frozenset[str]
    expectation_participles: frozenset[str]
    schedule_prepositions: frozenset[str]
    start_prepositions: frozenset[str]
    ordinals: dict[str, int]
    sequence_links: dict[str, int]
    gap_units: dict[str, int]
    demonstratives: frozenset[str]
    elapsed_links: tuple[str, ...]
    news_link_verbs: frozenset[str]
    length_words: frozenset[str]
    pending_links: frozenset[str]
    elapsed_qualifiers: dict[str, tuple[float, float]]


def _need(raw: dict, key: str, kind: type) -> Any:
    value = raw.get(key)
    if not isinstance(value, kind):
        raise DataError(f"{LEXICON_FILE}: '{key}' must be a {kind.__name__}")
    return value


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, validated. Raises DataError naming the file and the bad entry."""
    raw = load_yaml(LEXICON_FILE)
    if not isinstance(raw, dict):
        raise DataError(f"{LEXICON_FILE}: expected a mapping at top level")
    months = {str(k).lower(): int(v) for k, v in _need(raw, "months", dict).items()}
    if sorted(set(months.values())) != list(range(1, 13)):
        raise DataError(f"{LEXICON_FILE}: 'months' must name all twelve months")
    longest: dict[int, str] = {}
    for name, num in months.items():
        if len(name) > len(longest.get(num, "")):
            longest[num] = name
    full = {name: num for num, name in longest.items()}
    seasons = {}
    for name, spec in _need(raw, "seasons", dict).items():
        try:
            first, last = spec["months"]
            seasons[str(name).lower()] = (str(spec["code"]), int(first), int(last))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{LEXICON_FILE}: season {name!r} needs code and months: [a, b]") from exc
    units = {}
    for name, spec in _need(raw, "units", dict).items():
        gran = spec.get("granularity") if isinstance(spec, dict) else None
        if gran not in _UNITS:
            raise DataError(f"{LEXICON_FILE}: unit {name!r} has no valid granularity")
        units[str(name).lower()] = (gran, int(spec.get("days", 1)))
    discourse = {}
    for phrase, spec in _need(raw, "discourse", dict).items():
        if not (isinstance(spec, list) and len(spec) == 2 and spec[1] in _UNITS):
            raise DataError(f"{LEXICON_FILE}: discourse {phrase!r} must be [offset, unit]")
        discourse[str(phrase).lower()] = (int(spec[0]), str(spec[1]))
    lower = lambda xs: tuple(str(x).lower() for x in xs)  # noqa: E731
    month_context = frozenset(lower(_need(raw, "month_context", list)))
    return Lexicon(
        months=months,
        full_months=full,
        typo_min_length=int(raw.get("typo_min_length", 5)),
        typo_max_distance=int(raw.get("typo_max_distance", 2)),
        weekdays={str(k).lower(): int(v) for k, v in _need(raw, "weekdays", dict).items()},
        time_nouns=frozenset(lower(raw.get("time_nouns") or [])),
        seasons=seasons,
        parts={str(k).lower(): str(v) for k, v in _need(raw, "parts", dict).items()},
        bounds={str(k).lower(): str(v) for k, v in _need(raw, "bounds", dict).items()},
        numbers={str(k).lower(): int(v) for k, v in _need(raw, "numbers", dict).items()},
        vague_numbers=lower(_need(raw, "vague_numbers", list)),
        units=units,
        relative_words={str(k).lower(): int(v) for k, v in _need(raw, "relative_words", dict).items()},
        deictic_days={str(k).lower(): int(v) for k, v in _need(raw, "deictic_days", dict).items()},
        discourse=discourse,
        discourse_after=lower(_need(raw, "discourse_after", list)),
        discourse_after_blockers=frozenset(lower(_need(raw, "discourse_after_blockers", list))),
        month_context=month_context,
        month_offsets={str(k).lower(): -1 if int(v) < 0 else 1 for k, v in (raw.get("month_offsets") or {}).items()},
        month_determiners=frozenset(lower(_need(raw, "month_determiners", list))),
        month_anaphora=frozenset(lower(raw.get("month_anaphora") or ())),
        year_context=month_context | frozenset(lower(_need(raw, "year_context", list))),
        vague={str(k).lower(): str(v) for k, v in _need(raw, "vague", dict).items()},
        sets=lower(_need(raw, "sets", list)),
        future_auxiliaries=frozenset(lower(_need(raw, "future_auxiliaries", list))),
        future_going_to=frozenset(lower(_need(raw, "future_going_to", list))),
        future_xcomp_heads=frozenset(lower(_need(raw, "future_xcomp_heads", list))),
        commitment_heads=frozenset(lower(raw.get("commitment_heads") or [])),
        causative_heads=frozenset(lower(raw.get("causative_heads") or [])),
        scheduled_verbs=frozenset(lower(_need(raw, "scheduled_verbs", list))),
        prospective_verbs=frozenset(lower(raw.get("prospective_verbs") or ())),
        future_clause_marks=frozenset(lower(raw.get("future_clause_marks") or ())),
        future_if_main_marks=frozenset(lower(raw.get("future_if_main_marks") or ())),
        noun_links=frozenset(lower(raw.get("noun_links") or ())),
        expectation_participles=frozenset(lower(raw.get("expectation_participles") or ())),
        schedule_prepositions=frozenset(lower(raw.get("schedule_prepositions") or ())),
        start_prepositions=frozenset(lower(raw.get("start_prepositions") or ())),
        ordinals={str(k).lower(): int(v) for k, v in (raw.get("ordinals") or {}).items()},
        sequence_links={str(k).lower(): -1 if int(v) < 0 else 1
                        for k, v in (raw.get("sequence_links") or {}).items()},
        gap_units={str(k).lower(): int(v) for k, v in (raw.get("gap_units") or {}).items()},
        demonstratives=frozenset(lower(raw.get("demonstratives") or ())),
        elapsed_links=lower(raw.get("elapsed_links") or ()),
        news_link_verbs=frozenset(lower(raw.get("news_link_verbs") or ())),
        length_words=frozenset(lower(raw.get("length_words") or ())),
        pending_links=frozenset(" ".join(w.split()) for w in lower(raw.get("pending_links") or ())),
        elapsed_qualifiers=_qualifiers(raw.get("elapsed_qualifiers") or {}),
    )


def _qualifiers(raw: dict) -> dict[str, tuple[float, float]]:
    out = {}
    for word, span in raw.items():
        if not (isinstance(span, list) and len(span) == 2):
            raise DataError(f"{LEXICON_FILE}: elapsed qualifier {word!r} must be [from, to]")
        out[" ".join(str(word).lower().split())] = (float(span[0]), float(span[1]))
    return out


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def ordinal_value(word: str) -> int | None:
    """The number an ordinal stands for: a word of the lexicon ("third") or digits with their
    suffix ("21st"); None for any other word."""
    named = lexicon().ordinals.get(word.lower())
    if named is not None:
        return named
    digits = word.lower().removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    return int(digits) if digits.isdigit() and digits != word.lower() else None


def month_number(word: str, allow_typo: bool) -> int | None:
    """The month a word names (exact, or within the typo distance when allowed)."""
    lex = lexicon()
    w = word.lower().rstrip(".")
    if w in lex.months:
        return lex.months[w]
    if not allow_typo or len(w) < lex.typo_min_length or not word[:1].isupper():
        return None
    best = None
    for name, num in lex.full_months.items():
        if len(name) < lex.typo_min_length:
            continue
        d = edit_distance(w, name, lex.typo_max_distance)
        if d <= lex.typo_max_distance and (best is None or d < best[0]):
            best = (d, num)
    return best[1] if best else None
