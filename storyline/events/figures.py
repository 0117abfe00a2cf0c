"""Figures: quantities with their meaning ("26 killed", "25 drones", "a 50% import duty").

Numbers in digits or words ("three dozen", "more than 40"), percentages and money are read
from the parse, given a unit (people, drones, percent, USD) and a meaning (killed, injured,
shot down, import duty), and a total is given its parts when later figures of the same unit
add up to it after a word such as "comprising" or "plus" (50% = 25% + 25%).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import load_yaml
from ..records import Figure
from .syntax import Tree

FIGURES = "events/figures.yaml"
# Entity types whose numbers are not figures: dates, times, ordinals ("90-day", "1947").
NOT_FIGURES = frozenset({"DATE", "TIME", "ORDINAL"})
# How far up the parse the meaning of a count is looked for ("took the lives of 40 soldiers"
# is three steps from "40" to "took").
MEASURE_DEPTH = 3
# Parts must add up to their total within this margin (rounding in news copy).
PARTS_TOLERANCE = 0.01
_DIGITS = re.compile(r"^[\d][\d,]*(\.\d+)?$")


@dataclass(frozen=True, slots=True)
class FigureWords:
    number_words: dict[str, float]
    multipliers: dict[str, float]
    currencies: dict[str, str]
    percent_words: frozenset[str]
    measures: dict[str, str]
    people_nouns: frozenset[str]
    part_links: frozenset[str]
    hedges: frozenset[str]


@functools.cache
def load_figure_words() -> FigureWords:
    """Load the figure vocabulary (cached). Raises DataError on a malformed file."""
    data = load_yaml(FIGURES)
    where = f"storyline/data/{FIGURES}"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping")
    try:
        measures = {}
        for what, words in (data.get("measures") or {}).items():
            for w in words:
                measures.setdefault(str(w).lower(), str(what))
        return FigureWords(
            number_words={str(k).lower(): float(v) for k, v in (data.get("number_words") or {}).items()},
            multipliers={str(k).lower(): float(v) for k, v in (data.get("multipliers") or {}).items()},
            currencies={str(k).lower(): str(v) for k, v in (data.get("currencies") or {}).items()},
            percent_words=frozenset(str(w).lower() for w in data.get("percent_words") or ()),
            measures=measures,
            people_nouns=frozenset(str(w).lower() for w in data.get("people_nouns") or ()),
            part_links=frozenset(str(w).lower() for w in data.get("part_links") or ()),
            hedges=frozenset(str(w).lower() for w in data.get("hedges") or ()))
    except (TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{where}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class FoundFigure:
    """A figure and the token it hangs on (to attach it to the right event)."""

    figure: Figure
    anchor: int
    number: tuple[int, int]


def _is_number_token(tree: Tree, i: int, words: FigureWords) -> bool:
    t = tree.tok(i)
    low = t.text.lower()
    if t.ent_type in NOT_FIGURES:
        return False
    if _DIGITS.match(t.text):
        return True
    if low in words.multipliers and low not in ("m", "b", "k"):
        return True
    if low in words.number_words and low not in ("a", "an", "one"):
        # "one" is too often not a count ("one of the", "no one")
        return t.pos == "NUM" or low in ("dozen", "dozens", "hundreds", "thousands")
    return False


def _value(tree: Tree, toks: list[int], words: FigureWords) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for i in toks:
        low = tree.lower(i).replace(",", "")
        if _DIGITS.match(tree.tok(i).text):
            current += float(low)
            seen = True
        elif low in words.multipliers and (seen or current):
            mult = words.multipliers[low]
            current = (current or 1.0) * mult
            if mult >= 1000:
                total += current
                current = 0.0
        elif low in words.multipliers:
            current = words.multipliers[low]
            seen = True
        elif low in words.number_words:
            current += words.number_words[low]
            seen = True
    return total + current if seen else None


def _groups(tree: Tree, sent, words: FigureWords) -> list[list[int]]:
    """Runs of number tokens in a sentence ("three dozen", "1.5 billion", "25")."""
    groups, run = [], []
    for i in range(sent.tok_start, sent.tok_end):
        low = tree.lower(i)
        number = _is_number_token(tree, i, words)
        article = (low in ("a", "an") and i + 1 < sent.tok_end
                   and tree.lower(i + 1) in words.multipliers)
        joiner = run and low in ("-", "and") and i + 1 < sent.tok_end and _is_number_token(tree, i + 1, words) \
            and not _DIGITS.match(tree.tok(i + 1).text)
        if number or article or joiner:
            run.append(i)
        else:
            if run:
                groups.append(run)
            run = []
    if run:
        groups.append(run)
    out = []
    for g in groups:
        while g and tree.lower(g[0]) in ("and", "-", "a", "an") and not (
                len(g) > 1 and tree.lower(g[1]) in words.multipliers):
            g = g[1:]
        if not g:
            continue
        nxt = g[-1] + 1
        if nxt < sent.tok_end and tree.tok(nxt).text == "-" and tree.lower(g[-1]) not in words.multipliers:
            continue  # "90-day pause", "four-day conflict": an adjective, not a count
        if any(tree.tok(i).ent_type in NOT_FIGURES for i in g):
            continue
        out.append(g)
    return out


def _noun_of(tree: Tree, g: list[int], words: FigureWords) -> int | None:
    """The noun a number counts: its head when that is a noun (skipping "%" and currency)."""
    i = g[-1]
    for _ in range(3):
        h = tree.head(i)
        if h == i or h < i and tree.tok(i).dep != "pobj":
            return None  # "Article 370": a number after its noun is a name, not a count
        t = tree.tok(h)
        if t.text.lower() in words.percent_words or t.text.lower() in words.currencies or t.text in ("$", "€", "£", "₹", "¥"):
            i = h
            continue
        if t.pos in ("NOUN", "PROPN") and h not in g:
            return h
        return None
    return None


def _measure(tree: Tree, start: int, words: FigureWords) -> str | None:
    i = start
    for _ in range(MEASURE_DEPTH + 1):
        for key in (tree.lemma(i), tree.lower(i)):
            prts = [tree.lower(c) for c in tree.kids(i, ("prt",))]
            for p in prts:
                if f"{key} {p}" in words.measures:
                    return words.measures[f"{key} {p}"]
            if key in words.measures:
                return words.measures[key]
        h = tree.head(i)
        if h == i:
            break
        i = h
    return None


def _noun_phrase(tree: Tree, noun: int, g: list[int]) -> tuple[int, int]:
    """Token range from the number to the noun ("25% reciprocal tariff", "25 Indian drones")."""
    return min(g[0], noun), max(g[-1], noun) + 1


def find_figures(tree: Tree, sent_index: int) -> list[FoundFigure]:
    """Every figure in one sentence, totals with their parts, parts not listed twice."""
    words = load_figure_words()
    sent = tree.parsed.sentences[sent_index]
    found: list[tuple[FoundFigure, str]] = []
    for g in _groups(tree, sent, words):
        value = _value(tree, g, words)
        if value is None:
            continue
        before = g[0] - 1
        after = g[-1] + 1
        unit = None
        if after < sent.tok_end and tree.lower(after) in words.percent_words:
            unit = "percent"
        elif after + 1 < sent.tok_end and f"{tree.lower(after)} {tree.lower(after + 1)}" in words.percent_words:
            unit = "percent"
        elif before >= sent.tok_start and tree.lower(before) in words.currencies:
            unit = words.currencies[tree.lower(before)]
        elif after < sent.tok_end and tree.lower(after) in words.currencies:
            unit = words.currencies[tree.lower(after)]
        noun = _noun_of(tree, g, words)
        measure = _measure(tree, noun if noun is not None else g[-1], words)
        if unit == "percent":
            if noun is None:
                continue
            start, end = _noun_phrase(tree, noun, g)
            mods = [c for c in tree.kids(noun, ("compound", "amod")) if c > g[-1]
                    and tree.lower(c) not in words.percent_words and not tree.tok(c).text in ("%",)]
            what_start = min([noun, *mods])
            what = tree.text(what_start, noun + 1)
            anchor = noun
        elif unit:
            anchor = noun if noun is not None else g[-1]
            start, end = (g[0] - 1 if before >= sent.tok_start and tree.lower(before) in words.currencies else g[0]), g[-1] + 1
            if after < sent.tok_end and tree.lower(after) in words.currencies:
                end = after + 1
            what = measure or (tree.lemma(noun) if noun is not None and tree.lower(noun) not in words.currencies else "amount")
        else:
            if noun is None and measure is None:
                continue
            if noun is not None:
                start, end = _noun_phrase(tree, noun, g)
                unit = tree.lower(noun)
                if measure and tree.lemma(noun) in words.people_nouns and tree.lemma(noun) in ("death", "injury", "casualty", "fatality"):
                    unit = "people"
                anchor = noun
            else:
                start, end = g[0], g[-1] + 1
                unit = "people"
                anchor = g[-1]
            what = measure or unit
        # "more than 40", "at least 26": keep the hedge in the text
        while start - 1 >= sent.tok_start and tree.lower(start - 1) in words.hedges:
            start -= 1
        text = tree.text(start, end)
        a = tree.tok(start).idx
        fig = Figure(value=value, unit=unit, what=what, text=text, start=a, end=a + len(text))
        found.append((FoundFigure(fig, anchor, (g[0], g[-1] + 1)), unit))
    return _with_parts(tree, found, words)


def _with_parts(tree: Tree, found: list[tuple[FoundFigure, str]], words: FigureWords) -> list[FoundFigure]:
    """Give a total the later figures of its unit that add up to it after a part link."""
    out: list[FoundFigure] = []
    taken: set[int] = set()
    for n, (ff, unit) in enumerate(found):
        if n in taken:
            continue
        later = [(m, f) for m, (f, u) in enumerate(found) if m > n and u == unit and m not in taken]
        if len(later) >= 2 and unit in ("percent", "USD", "EUR", "GBP", "INR"):
            span = range(ff.number[1], later[-1][1].number[0])
            linked = any(tree.lemma(i) in words.part_links or tree.lower(i) in words.part_links for i in span)
            total = sum(f.figure.value for _, f in later)
            if linked and abs(total - ff.figure.value) <= PARTS_TOLERANCE * max(ff.figure.value, 1):
                parts = tuple(f.figure.text for _, f in later)
                fig = ff.figure
                out.append(FoundFigure(Figure(value=fig.value, unit=fig.unit, what=fig.what, text=fig.text,
                                              start=fig.start, end=fig.end, parts=parts),
                                       ff.anchor, ff.number))
                taken.update(m for m, _ in later)
                continue
        out.append(ff)
    return out

