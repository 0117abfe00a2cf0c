"""Dated events the store knows before reading anything (``data/time/known_events.yaml`` and
regional calendars in ``data/time/known/*.yaml``; national elections and referendums in
``data/time/elections.yaml``; yearly forums, summits and movable holidays in
``data/time/gatherings.yaml``), names that exist only from a known day
(``data/time/names/*.yaml``), and the keyword matching that finds them (or corpus anchors) in a
text."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import data_path, load_yaml
from .lexicon import lexicon

KNOWN_EVENTS_FILE = "time/known_events.yaml"
# Further calendars in the same format, one per region or theme, so that each stays readable
# and can be extended on its own.
KNOWN_DIR = "time/known"
# Elections and yearly gatherings recur on calendars of their own; they are kept apart from the
# world's one-off events but read the same way.
ELECTIONS_FILE = "time/elections.yaml"
GATHERINGS_FILE = "time/gatherings.yaml"
NAMES_DIR = "time/names"


@dataclass(frozen=True, slots=True)
class KnownEvent:
    """An event with its date and the keyword sets that name it (all of one set must occur).

    ``named``: a name that only exists from that day (an agreement, an operation, a
    coalition): any mention, in any tense, is made on or after it.
    """

    name: str
    date: dt.date
    match: tuple[tuple[str, ...], ...]
    named: bool = False


@functools.cache
def known_events() -> tuple[KnownEvent, ...]:
    """The shipped dated events and dated names, validated. Raises DataError naming the bad entry."""
    names = [e for f in sorted(data_path(NAMES_DIR).glob("*.yaml"))
             for e in _load(f"{NAMES_DIR}/{f.name}", "names", named=True)]
    recurring = [e for f in (ELECTIONS_FILE, GATHERINGS_FILE) if data_path(f).exists()
                 for e in _load(f, "events", named=False)]
    return (*(e for f in known_event_files() for e in _load(f, "events", named=False)), *recurring, *names)


def known_event_files() -> list[str]:
    """The main calendar first, then the regional ones in name order."""
    extra = sorted(data_path(KNOWN_DIR).glob("*.yaml")) if data_path(KNOWN_DIR).is_dir() else []
    return [KNOWN_EVENTS_FILE, *(f"{KNOWN_DIR}/{f.name}" for f in extra)]


@functools.cache
def elections() -> tuple[KnownEvent, ...]:
    """The national elections and referendums alone: their first set is the country, the word
    for the vote and the month, so a text that names the vote by its weekday ("Saturday's
    election") can still be matched to the country's polling days."""
    return tuple(_load(ELECTIONS_FILE, "events", named=False)) if data_path(ELECTIONS_FILE).exists() else ()


def _load(file: str, key: str, named: bool) -> list[KnownEvent]:
    raw = load_yaml(file)
    entries = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{file}: expected '{key}:' with a list")
    out = []
    for n, e in enumerate(entries):
        try:
            date = e["date"] if isinstance(e["date"], dt.date) else dt.date.fromisoformat(str(e["date"]))
            match = tuple(tuple(_slot(k) for k in kws) for kws in e["match"])
            if not match or not all(match):
                raise ValueError("empty match")
            out.append(KnownEvent(name=str(e["name"]), date=date, match=match, named=named))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{file}: entry {n + 1} needs name, date (ISO) and "
                            f"match (a list of keyword lists): {exc}") from exc
    return out


def _slot(k) -> str | tuple[str, ...]:
    """One keyword, or a list of alternatives for one place of the set ([sever, cut ties])."""
    if isinstance(k, list):
        if not k:
            raise ValueError("an empty list of alternatives")
        return tuple(str(x) for x in k)
    return str(k)


def slot_key(k: str | tuple[str, ...]) -> str:
    """A keyword (or a place's alternatives) as one lower-case string, to group events by."""
    return "|".join(k).lower() if isinstance(k, tuple) else k.lower()


@functools.cache
def keyword_pattern(k: str | tuple[str, ...], present: bool = False) -> re.Pattern:
    """A keyword as a pattern: a name matches whole (plus a possessive, a plural or, after "a", an "-n":
    "India" finds "Indian"); a lower-case stem matches any word it begins ("mediat"), and a
    past tense also its gerund ("landed" finds "landing", not the noun "land"), and with
    ``present`` (a headline's tense) its present too ("lands", "expels": elsewhere that
    form is as often a plural noun, "bombs"). A tuple of alternatives matches any of them. (A state's demonym or capital is no
    stand-in for its name here: "a former Spanish colony", "its embassy in Algiers".)"""
    if isinstance(k, tuple):
        return re.compile("|".join(f"(?:{keyword_pattern(x, present).pattern})" for x in k), re.IGNORECASE)
    return re.compile(_one_keyword(k, present), re.IGNORECASE)


def _one_keyword(k: str, present: bool = False) -> str:
    # a hyphen in a keyword also matches a space ("no-confidence" finds "no confidence"), and
    # quotation marks may stand between its words ('the "foreign agents" bill'); a phrase of
    # words for what happened lets wire copy's weekday stand inside it ("refused on Tuesday
    # to approve" is "refused to approve")
    gap = rf"{_QUOTES}?\s+{_QUOTES}?" if not k[:1].islower() else rf"{_QUOTES}?(?:\s+{_weekday_phrase()})?\s+{_QUOTES}?"
    body = re.escape(k).replace(r"\ ", gap).replace(r"\-", r"[-\s]")
    if k[:1].isupper() or any(c.isdigit() for c in k):
        # "-n" only after "a" ("Russia" finds "Russian"; "War" must not find "warn")
        suffix = r"(?:s|n|['’]s)?" if k.endswith("a") else r"(?:s|['’]s)?"
        return rf"(?<!\w){body}{suffix}(?!\w)"
    stems = verb_stems(k)
    if stems:
        endings = "s|es|ing" if present else "ing"
        return rf"(?<!\w)(?:{body}|(?:{'|'.join(map(re.escape, stems))})(?:{endings})(?!\w))"
    return rf"(?<!\w){body}"


# Quotation marks that may stand inside a keyword's phrase.
_QUOTES = "[\"“”«»]"
# A past tense shorter than this is left as written ("freed", "tied": their stems are other words).
MIN_PAST_TENSE = 6


@functools.cache
def verb_stems(keyword: str) -> tuple[str, ...]:
    """The stems of a one-word past tense from which its other forms are made ("landed":
    land, lande; "expelled": expel, expell; "seized": seiz, seize); () for any other keyword."""
    if " " in keyword or not keyword.endswith("ed") or len(keyword) < MIN_PAST_TENSE \
            or not keyword.isalpha() or keyword.endswith("ied"):
        return ()
    stems = [keyword[:-2], keyword[:-1]]
    if len(stems[0]) > 2 and stems[0][-1] == stems[0][-2] and stems[0][-1] not in "aeiouls":
        stems.append(stems[0][:-1])  # "stopped": stop
    elif stems[0].endswith("ll"):
        stems.append(stems[0][:-1])  # "expelled": expel
    return tuple(stems)


@functools.cache
def _weekday_phrase() -> str:
    """How wire copy writes a day inside a phrase ("on Tuesday", "late on Monday", "on Friday
    night"), with the weekdays of the time lexicon."""
    days = "|".join(re.escape(d) for d in lexicon().weekdays)
    return rf"(?:(?:late|early)\s+)?(?:on\s+)?(?:{days})(?:\s+(?:morning|afternoon|evening|night))?"


@functools.lru_cache(maxsize=64)
def haystack(text: str) -> str:
    """The text lower-cased with its whitespace collapsed and hyphens and quotation marks
    read as spaces, for the quick test below."""
    return " ".join(text.translate(_AS_SPACE).split()).lower()


_AS_SPACE = str.maketrans({c: " " for c in '-"“”«»'})


def may_match(keywords, text: str) -> bool:
    """A cheap necessary condition for a keyword set to match ``text``: every keyword occurs
    in it as a substring (one of a place's alternatives). It spares the regular expressions
    for the ~99% of the calendar's sets that an article never mentions (profiled: 90% of the
    dating time went there)."""
    hay = haystack(text)
    seen = _slots_seen(hay)
    for k in keywords:
        found = seen.get(k)
        if found is None:
            found = seen[k] = any(_occurs(x, hay) for x in (k if isinstance(k, tuple) else (k,)))
        if not found:
            return False
    return True


@functools.lru_cache(maxsize=64)
def _slots_seen(hay: str) -> dict:
    """Which places of the calendar's sets occur in a text, filled as they are asked: the
    election and gathering files repeat the same lists of words across hundreds of sets."""
    return {}


def _plain(keyword: str) -> str:
    return keyword.replace("-", " ").lower()


def _occurs(keyword: str, hay: str) -> bool:
    """The quick test for one keyword: its words in order, or, for a phrase of lower-case
    words that a weekday may split (see keyword_pattern), each of its words; or, for a past
    tense, one of its verb's stems."""
    plain = _plain(keyword)
    if plain in hay:
        return True
    if keyword[:1].islower() and " " in plain and all(w in hay for w in plain.split()):
        return True
    return any(_plain(f) in hay for f in verb_stems(keyword))


@functools.lru_cache(maxsize=2048)
def sentence_matches(text: str) -> list[tuple[KnownEvent, tuple[str, ...], list[tuple[int, int]]]]:
    """Known events named whole in one piece of text: (event, the keyword set, keyword spans).
    Dated names are left out: naming "the grain deal" does not date what is done to it."""
    out = []
    for event in known_events():
        if event.named:
            continue
        for kws in event.match:
            if not may_match(kws, text):
                continue
            spans = [list(keyword_pattern(k).finditer(text)) for k in kws]
            if all(spans):
                # every occurrence of every keyword: the trigger may be any of them
                out.append((event, kws, [(m.start(), m.end()) for found in spans for m in found]))
                break
    return out
