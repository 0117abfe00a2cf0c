"""Finding temporal expressions in a parsed article, before anything is resolved.

Patterns run over the text (the word lists come from ``data/time/lexicon.yaml``); overlapping
matches keep the longest. Each match becomes a ``Found``: the parts the text states (year,
month, day, weekday, offset...) plus the tense of the clause it sits in, read from the parse.
Resolution against an anchor is ``resolve.py``'s job, so that the publication-date inference
can reason over the same partial dates ("May 11" in a past clause) before any anchor exists.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from ..records import ParsedDoc, Token
from .calendar import day_exists
from .lexicon import Lexicon, lexicon, month_number


@dataclass(frozen=True, slots=True)
class Found:
    """A temporal expression as written: only what the text states, nothing resolved.

    ``form`` says which reading applies: "date" (a day, maybe without year), "month",
    "monthyear", "weekday", "deictic" (today...), "relative" (last month...), "ago",
    "period" (the last couple of weeks), "discourse" (the day before), "after" (later),
    "year", "decade", "season", "duration", "set", "vague".
    """

    start: int
    end: int
    text: str
    sent: int
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: int | None = None
    offset: int = 0
    unit: str | None = None
    count: int | None = None
    year_offset: int | None = None
    year_of_discourse: bool = False  # "February 24 that year": the year last named before it
    modifier: str | None = None
    problem: str | None = None
    tense: str | None = None
    head: int = -1
    tok_start: int = -1
    tok_end: int = -1


def _alt(words) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class _Patterns:
    """The compiled patterns, built once from the lexicon."""

    def __init__(self, lex: Lexicon):
        wd = _alt(lex.weekdays)
        num = rf"\d+|{_alt(k for k in lex.numbers if k not in ('a', 'an'))}|an?"
        vague_num = _alt(lex.vague_numbers)
        unit = r"day|week|month|year|decade|fortnight"
        word = r"[A-Za-z]{3,}"
        flags = re.IGNORECASE
        self.rules: list[tuple[str, re.Pattern]] = [
            ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
            ("numeric", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})\b")),
            ("mdy", re.compile(
                rf"\b(?:(?P<wd>{wd}),?\s+)?(?P<mon>{word})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?!\s*(?:%|percent|per\s+cent|million|billion|\d))"
                rf"(?:(?:,\s*|\s+)(?P<year>\d{{4}})\b|,?\s*(?P<yy>'\d{{2}})\b|,\s*(?P<yy2>\d{{2}})(?=\s*(?:[.;)]|$))"
                rf"|,?\s+(?:of\s+)?(?P<yrel>this|last|next|that)\s+year\b)?", flags)),
            ("dmy", re.compile(
                rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{word})\.?"
                rf"(?:,?\s+(?P<year>\d{{4}})\b|,?\s+(?:of\s+)?(?P<yrel>this|last|next|that)\s+year\b)?", flags)),
            ("my", re.compile(rf"\b(?P<mon>{word})\.?,?\s+(?P<year>\d{{4}})\b", flags)),
            ("month", re.compile(
                rf"\b(?P<mon>{word})\b(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next|that)\s+year\b)?", flags)),
            ("weekday", re.compile(
                rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>{wd})(?P<plural>s)?\b"
                rf"(?:\s+(?:morning|afternoon|evening|night))?", flags)),
            ("deictic", re.compile(
                rf"\b(?P<w>{_alt(lex.deictic_days)})\b(?:\s+(?:morning|afternoon|evening|night))?"
                rf"|\bthis\s+(?:morning|afternoon|evening)\b", flags)),
            ("relative", re.compile(
                rf"\b(?:(?P<el>earlier|later)\s+(?:in\s+)?)?(?P<the>the\s+)?(?P<rel>{_alt(lex.relative_words)})"
                rf"\s+(?P<unit>week|month|year|decade|weekend)\b", flags)),
            ("ago", re.compile(
                rf"\b(?P<n>{num}|{vague_num})\s+(?P<unit>{unit})s?\s+ago\b", flags)),
            ("period", re.compile(
                rf"\bthe\s+(?P<rel>last|past|previous|coming|next)\s+(?:(?P<n>{num}|{vague_num})\s+)?"
                rf"(?P<unit>{unit})s?\b", flags)),
            ("discourse", re.compile(rf"\b(?P<phrase>{_alt(lex.discourse)})\b", flags)),
            ("discourse_n", re.compile(
                rf"\b(?P<n>{num})\s+(?P<unit>{unit})s?\s+(?P<dir>later|earlier|(?:after|before)(?=\s*(?:[,.;)]|$)))",
                flags)),
            ("after", re.compile(rf"\b(?P<w>{_alt(lex.discourse_after)})\b", flags)),
            ("year", re.compile(
                r"(?<![\d,.$£€#-])\b(?P<year>1[5-9]\d\d|20\d\d)\b(?!\s*(?:%|percent|per\s+cent)|[\d]|[,.]\d|[-–]\d)")),
            ("midyear", re.compile(r"\bmid-(?P<year>1[5-9]\d\d|20\d\d)\b", flags)),
            ("decade", re.compile(
                r"\b(?:(?P<full>1[5-9]\d0|20\d0)s\b|(?P<the>the\s+)['’]?(?P<two>\d0)s\b)", flags)),
            ("season", re.compile(
                rf"\b(?:(?P<rel>this|last|next|early|late|mid)[\s-]+)?(?P<s>{_alt(lex.seasons)})\b"
                rf"(?:\s+(?:of\s+)?(?P<year>\d{{4}})\b)?", flags)),
            ("duration", re.compile(
                rf"\b(?P<n>{num}|{vague_num})(?:\s+|-)(?P<unit>{unit})s?\b(?:-long)?", flags)),
            ("vague_duration", re.compile(
                rf"\b(?:(?:for|over)\s+(?P<unit>days|weeks|months|years|decades)\b"
                rf"|(?P<unit2>decades|years|months)\s+of\b)", flags)),
            ("set", re.compile(rf"\b(?P<phrase>{_alt(lex.sets)})\b", flags)),
            ("vague", re.compile(rf"\b(?P<phrase>{_alt(lex.vague)})\b", flags)),
        ]
        self.parts = re.compile(rf"(?:\b(?P<part>{_alt(lex.parts)})(?:\s+|-)|\bmid-)$", flags)
        self.bounds = re.compile(rf"\b(?P<bound>{_alt(lex.bounds)})\s+$", flags)


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns(lexicon())


def scan(parsed: ParsedDoc) -> tuple[Found, ...]:
    """Every temporal expression in the text, as written, with its clause's tense."""
    text = parsed.text
    pats = _patterns()
    starts = [t.idx for t in parsed.tokens]
    candidates: list[tuple[int, int, int, Found]] = []
    for priority, (name, pattern) in enumerate(pats.rules):
        for m in pattern.finditer(text):
            found = _build(name, m, text, parsed, starts)
            if found is not None:
                candidates.append((found.start, found.end, priority, found))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Found] = []
    for start, end, _, found in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(found)
    chosen.sort(key=lambda f: f.start)
    return tuple(_with_syntax(_with_modifiers(f, text, pats), parsed, starts) for f in chosen)


# ── building one match ──────────────────────────────────────────────────────────────────

def _number(word: str | None) -> int | None:
    """A count written as digits or words; None for vague quantities."""
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return lexicon().numbers.get(w)


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    return "week" if w == "fortnight" else w


def _prev_word(text: str, start: int) -> str:
    """The word just before a position (lower-case), '' at the start."""
    m = re.search(r"([A-Za-z']+)[\s-]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _token_at(parsed: ParsedDoc, starts: list[int], offset: int) -> Token | None:
    i = bisect.bisect_right(starts, offset) - 1
    return parsed.tokens[i] if 0 <= i < len(parsed.tokens) else None


def _build(name: str, m: re.Match, text: str, parsed: ParsedDoc, starts) -> Found | None:
    """Turn one regex match into a Found, or None when the context says it is no date."""
    lex = lexicon()
    g = m.groupdict()
    start, end = m.start(), m.end()
    base = dict(start=start, end=end, text=m.group(0), sent=0)

    if name == "iso":
        return _day_found(base, int(g["year"]), int(g["month"]), int(g["day"]))
    if name == "numeric":
        a, b = int(g["a"]), int(g["b"])
        year = g["year"]
        if len(year) == 2:
            return Found(**base, form="date", problem=f"two-digit year '{year}' is ambiguous")
        if a > 12 and b <= 12:
            return _day_found(base, int(year), b, a)
        if b > 12 and a <= 12:
            return _day_found(base, int(year), a, b)
        return Found(**base, form="date", year=int(year),
                     problem="numeric date is ambiguous (day/month or month/day)")
    if name in ("mdy", "dmy", "my"):
        has_year = bool(g.get("year") or g.get("yy") or g.get("yy2"))
        typo_ok = name == "dmy" or bool(g.get("day") or has_year)
        mon_word = g["mon"]
        if not mon_word[:1].isupper():
            return None
        month = month_number(mon_word, allow_typo=typo_ok)
        if month is None:
            return None
        if name == "my":
            return Found(**base, form="monthyear", year=int(g["year"]), month=month)
        day = int(g["day"])
        if day < 1 or day > 31:
            return None
        if g.get("yy") or g.get("yy2"):
            yy = (g.get("yy") or g.get("yy2")).lstrip("'")
            return Found(**base, form="date", month=month, day=day,
                         problem=f"two-digit year '{yy}' is ambiguous")
        weekday = lex.weekdays.get(g["wd"].lower()) if g.get("wd") else None
        if g.get("year"):
            found = _day_found(base, int(g["year"]), month, day)
            return replace(found, weekday=weekday) if found.problem is None else found
        yoff, anaphoric = _year_reference(g.get("yrel"))
        if not day_exists(2000, month, day):  # 2000 is a leap year: only impossible days fail
            return Found(**base, form="date", month=month, day=day,
                         problem=f"no such date: {mon_word.rstrip('.')} {day}")
        return Found(**base, form="date", month=month, day=day, weekday=weekday, year_offset=yoff,
                     year_of_discourse=anaphoric)
    if name == "month":
        mon_word = g["mon"]
        if not mon_word[:1].isupper():
            return None
        month = month_number(mon_word, allow_typo=False)
        if month is None:
            return None
        before = text[max(0, start - 5):start]
        prev = _prev_word(text, start)
        of_discourse = prev in lex.month_anaphora and not g.get("yrel") and \
            not _subject_name(parsed, starts, end)  # "signed that April", not "said that May would"
        if prev not in lex.month_context and not before.endswith("mid-") and not of_discourse:
            # "their February summit": a determiner, the month, then a noun it dates
            nxt = _token_at(parsed, starts, end + 1)
            if not (prev in lex.month_determiners and nxt is not None and nxt.idx > start
                    and nxt.pos == "NOUN" and text[end:nxt.idx].strip() == ""):
                return None
        yoff, anaphoric = _year_reference(g.get("yrel"))
        anaphoric = anaphoric or of_discourse
        offset = lex.month_offsets.get(prev, 0) if yoff is None and not anaphoric else 0
        if offset or of_discourse:  # "last December", "that April": the word is part of the expression
            lo = max(0, start - 30)
            word = re.search(r"([A-Za-z]+)\s+$", text[lo:start])
            if word:
                base = {**base, "start": lo + word.start(1), "text": text[lo + word.start(1):end]}
        return Found(**base, form="month", month=month, year_offset=yoff, year_of_discourse=anaphoric,
                     offset=offset)
    if name == "weekday":
        if not g["wd"][:1].isupper():
            return None
        weekday = lex.weekdays[g["wd"].lower()]
        if g.get("plural"):
            return Found(**base, form="set", weekday=weekday, unit="week", count=1)
        rel = (g.get("rel") or "").lower()
        offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        return Found(**base, form="weekday", weekday=weekday, offset=offset)
    if name == "deictic":
        w = (g.get("w") or "today").lower()
        return Found(**base, form="deictic", offset=lex.deictic_days.get(w, 0), unit="day")
    if name == "relative":
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        if unit == "weekend":
            unit = "week"
        offset = lex.relative_words[rel]
        if g.get("the") and rel in ("past", "last", "coming", "next", "previous"):
            if rel in ("next", "previous"):
                return None  # "the next week" is counted from the discourse, not the anchor
            return Found(**base, form="period", unit=unit, count=1, offset=-1 if offset < 0 else 1)
        return Found(**base, form="relative", unit=unit, offset=offset)
    if name == "ago":
        return Found(**base, form="ago", unit=_unit(g["unit"]), count=_number(g["n"]), offset=-1)
    if name == "period":
        rel = g["rel"].lower()
        n = _number(g["n"]) if g.get("n") else 1
        return Found(**base, form="period", unit=_unit(g["unit"]), count=n,
                     offset=-1 if rel in ("last", "past", "previous") else 1)
    if name == "discourse":
        offset, unit = lex.discourse[" ".join(g["phrase"].lower().split())]
        return Found(**base, form="discourse", offset=offset, unit=unit)
    if name == "discourse_n":
        n = _number(g["n"])
        if n is None:
            return None
        sign = 1 if g["dir"].lower() in ("later", "after") else -1
        return Found(**base, form="discourse", offset=sign * n, unit=_unit(g["unit"]))
    if name == "after":
        tok = _token_at(parsed, starts, start)
        if tok is None or tok.pos != "ADV":
            return None
        following = text[end:end + 12].lower().split()
        if following and following[0] in lex.discourse_after_blockers:
            return None
        return Found(**base, form="after", modifier="after")
    if name == "year":
        tok = _token_at(parsed, starts, start)
        prev = _prev_word(text, start)
        follows = text[end:end + 2]
        if not (prev in lex.year_context or follows in ("'s", "’s")
                or (tok is not None and tok.ent_type == "DATE")):
            return None
        return Found(**base, form="year", year=int(g["year"]))
    if name == "midyear":
        return Found(**base, form="year", year=int(g["year"]), modifier="mid")
    if name == "decade":
        if g.get("full"):
            return Found(**base, form="decade", decade=int(g["full"]) // 10)
        two = int(g["two"])
        return Found(**base, form="decade", decade=190 + two // 10 if two >= 30 else None,
                     problem=None if two >= 30 else f"two-digit decade '{two}s' is ambiguous")
    if name == "season":
        code, _, _ = lex.seasons[g["s"].lower()]
        rel = (g.get("rel") or "").lower()
        year = int(g["year"]) if g.get("year") else None
        prev = _prev_word(text, start)
        if year is None and rel not in ("this", "last", "next") and prev not in ("the", "this", "in"):
            return None
        if g["s"].lower() == "fall" and year is None and rel not in ("this", "last", "next"):
            return None
        offset = {"last": -1, "next": 1, "this": 0}.get(rel)
        modifier = rel if rel in ("early", "late", "mid") else None
        return Found(**base, form="season", season=code, year=year, year_offset=offset,
                     modifier=modifier)
    if name == "duration":
        return Found(**base, form="duration", unit=_unit(g["unit"]), count=_number(g["n"]))
    if name == "vague_duration":
        return Found(**base, form="duration", unit=_unit(g.get("unit") or g.get("unit2")), count=None)
    if name == "set":
        phrase = g["phrase"].lower()
        unit = next((u for u in ("day", "week", "month", "year") if u in phrase), None)
        unit = unit or {"daily": "day", "weekly": "week", "monthly": "month",
                        "annually": "year", "yearly": "year"}.get(phrase, "year")
        return Found(**base, form="set", unit=unit, count=1)
    if name == "vague":
        return Found(**base, form="vague", problem=lex.vague[" ".join(g["phrase"].lower().split())])
    return None


def _subject_name(parsed: ParsedDoc, starts: list[int], end: int) -> bool:
    """True when the word ending at ``end`` is followed by a verb or a possessive: a name
    ("that May would resign", "that May's plan"), not a month."""
    if parsed.text[end:end + 2] in ("'s", "’s"):
        return True
    nxt = _token_at(parsed, starts, end + 1)
    return nxt is not None and nxt.idx >= end and nxt.pos in ("VERB", "AUX")


def _year_reference(word: str | None) -> tuple[int | None, bool]:
    """"this/last/next year" after a date: its offset from the article's year; "that year":
    the year the text named last (True)."""
    if not word:
        return None, False
    if word.lower() == "that":
        return None, True
    return lexicon().relative_words.get(word.lower()), False


def _day_found(base: dict, year: int, month: int, day: int) -> Found:
    if not day_exists(year, month, day):
        return Found(**base, form="date", year=year, month=month, day=day,
                     problem=f"no such date: {year:04d}-{month:02d}-{day:02d}")
    return Found(**base, form="date", year=year, month=month, day=day)


# ── context: modifiers before the expression, and the clause it sits in ────────────────

def _with_modifiers(f: Found, text: str, pats: _Patterns) -> Found:
    """Take in a part word ("late", "the end of") and a bound ("since", "by") before it."""
    if f.form in ("discourse", "after", "vague", "set", "ago"):
        return f
    start, modifier = f.start, f.modifier
    window = text[max(0, start - 40):start]
    if m := pats.parts.search(window):
        if f.form in ("month", "monthyear", "year", "decade", "season", "relative"):
            part = (m.group("part") or "mid").lower()
            modifier = lexicon().parts.get(" ".join(part.split()), "mid")
            start -= len(m.group(0))
            window = text[max(0, start - 40):start]
    if m := pats.bounds.search(window):
        if f.form not in ("duration",):
            modifier = lexicon().bounds[" ".join(m.group("bound").lower().split())]
            start -= len(m.group(0))
    if start == f.start and modifier == f.modifier:
        return f
    return replace(f, start=start, text=text[start:f.end], modifier=modifier)


def _with_syntax(f: Found, parsed: ParsedDoc, starts: list[int]) -> Found:
    """Attach sentence, token range, syntactic head and the tense of the clause."""
    toks = parsed.tokens
    if not toks:
        return f
    first = max(0, bisect.bisect_right(starts, f.start) - 1)
    last = max(first, bisect.bisect_left(starts, f.end) - 1)
    head = span_head(toks, first, last)
    tense = clause_tense(parsed, head)
    if f.form in ("weekday", "date") and (_scheduled_for(toks, head) or _ordered_from(parsed, head)):
        tense = "future" if tense in ("present", "future") else None
    elif tense in ("past", "present") and pending(parsed, head):
        # "used the row to rally voters before the June 9 elections": what a clause happened
        # before lies after it, on either side of the report's day
        tense = "future" if tense == "present" else None
    return replace(f, sent=toks[first].sent, tok_start=first, tok_end=last + 1, head=head, tense=tense)


def _scheduled_for(toks, head: int) -> bool:
    """True when a preposition that sets a day governs the expression ("a session for
    Wednesday"): what falls on it is scheduled, not done."""
    t = toks[head]
    return t.dep == "pobj" and t.head != head and toks[t.head].text.lower() in lexicon().schedule_prepositions


def _ordered_from(parsed: ParsedDoc, head: int) -> bool:
    """True when "from" or "starting" sets the day something ordered or agreed starts
    ("Putin ordered a halt to flights from July 8"): it is scheduled, not done."""
    toks = parsed.tokens
    t = toks[head]
    if t.dep != "pobj" or t.head == head or toks[t.head].text.lower() not in lexicon().start_prepositions:
        return False
    v = clause_verb(parsed, head)
    return v is not None and toks[v].lemma.lower() in lexicon().commitment_heads


# How many "of" phrases up a noun is followed to the word that may put it ahead.
MAX_OF_LEVELS = 2


def pending(parsed: ParsedDoc, i: int) -> bool:
    """True when token i's noun phrase hangs on a word that puts it still ahead ("close to an
    agreement", "ahead of the summit"; lexicon ``pending_links``)."""
    toks = parsed.tokens
    links = lexicon().pending_links
    t = toks[i]
    for _ in range(MAX_OF_LEVELS + 1):
        while t.dep in ("amod", "compound", "det", "poss", "nummod", "case", "nmod") and t.head != t.i:
            t = toks[t.head]
        if t.dep != "pobj":
            return False
        prep = toks[t.head]
        # the word before the preposition, by syntax or, where the parser hangs the preposition
        # elsewhere ("flights and plans for exercises"), by adjacency
        before = {toks[prep.head].text, toks[prep.i - 1].text if prep.i else ""}
        if prep.text.lower() in links or any(f"{w} {prep.text}".lower() in links for w in before):
            return True
        # "ahead of next week's Group of 20 summit": the parser may make the name the head
        if prep.text.lower() != "of" or prep.head == prep.i or toks[prep.head].pos not in ("NOUN", "PROPN"):
            return False
        t = toks[prep.head]
    return False


def span_head(toks, first: int, last: int) -> int:
    """The token of tokens first..last whose head lies outside them (or is itself); first
    when there is none."""
    return next((i for i in range(first, last + 1)
                 if not (first <= toks[i].head <= last) or toks[i].head == i), first)


def clause_verb(parsed: ParsedDoc, i: int) -> int | None:
    """The verb heading the clause that token i belongs to (None in a verbless fragment)."""
    toks = parsed.tokens
    seen = set()
    while i not in seen:
        seen.add(i)
        t = toks[i]
        if t.pos in ("VERB", "AUX") and t.dep not in ("aux", "auxpass", "amod"):
            return i
        if t.head == i:
            return None
        i = t.head
    return None


def auxiliaries(parsed: ParsedDoc, v: int) -> list[Token]:
    """The auxiliaries of verb v ("has", "been", "will")."""
    return [t for t in parsed.tokens[max(0, v - 12):v + 12]
            if t.head == v and t.i != v and t.dep in ("aux", "auxpass")]


def has_future_auxiliary(parsed: ParsedDoc, v: int) -> bool:
    """True when verb v has a future auxiliary ("will come", "shall meet")."""
    future = lexicon().future_auxiliaries
    return any(a.text.lower() in future for a in auxiliaries(parsed, v))


def has_modal_auxiliary(parsed: ParsedDoc, v: int) -> bool:
    """True when verb v has a modal that is no future ("may", "could", "would"): a possibility."""
    future = lexicon().future_auxiliaries
    return any(a.tag == "MD" and a.text.lower() not in future for a in auxiliaries(parsed, v))


# A headline is one of the first sentences, short and without a closing full stop.
HEADLINE_SENTENCES = 2
HEADLINE_MAX_WORDS = 20


def in_headline(parsed: ParsedDoc, sent: int) -> bool:
    """True when sentence ``sent`` is the article's headline (or its repetition)."""
    if sent >= min(HEADLINE_SENTENCES, len(parsed.sentences)):
        return False
    text = parsed.sentences[sent].text.strip()
    return bool(text) and not text.endswith((".", "!", "?")) and len(text.split()) <= HEADLINE_MAX_WORDS


def _future_time_clause(parsed: ParsedDoc, v: int) -> bool:
    """True when verb v heads a time clause whose present tense speaks of what is ahead ("until
    the court issues a final judgment"; lexicon ``future_clause_marks``)."""
    toks = parsed.tokens
    lex = lexicon()
    if toks[v].dep != "advcl":
        return False
    intro = [t for t in toks[max(0, v - 8):v] if t.head == v and t.dep in ("mark", "advmod")]
    if any(t.dep == "mark" and t.text.lower() in lex.future_clause_marks for t in intro):
        return True
    opening = " ".join(t.text.lower() for t in intro)
    # "When the leaders gather this week, the summit will be ...": ahead when its main clause is
    return any(m == opening or opening.startswith(m + " ") for m in lex.future_if_main_marks) \
        and has_future_auxiliary(parsed, toks[v].head)


def clause_tense(parsed: ParsedDoc, i: int) -> str | None:
    """'past', 'future' or 'present' for the clause token i is in; None when there is no verb."""
    v = clause_verb(parsed, i)
    if v is None:
        return None
    lex = lexicon()
    toks = parsed.tokens
    verb = toks[v]
    aux = auxiliaries(parsed, v)
    if has_future_auxiliary(parsed, v):
        return "future"
    if has_modal_auxiliary(parsed, v):
        return None  # "may", "could", "should": a possibility, not a time
    head = toks[verb.head]
    if verb.dep == "xcomp" and (head.lemma.lower() in lex.future_xcomp_heads
                                or head.lemma.lower() in lex.future_going_to):
        head_tense = clause_tense(parsed, head.i)
        if head_tense == "past":
            return None  # "planned to meet on May 3", "were due to take effect on Tuesday": maybe still ahead
        return "future" if head_tense in ("present", "future") else head_tense
    if verb.dep == "xcomp" and verb.tag in ("VB", "VBG") and head.lemma.lower() in lex.commitment_heads:
        head_tense = clause_tense(parsed, head.i)
        return "future" if head_tense in ("present", "future") else None
    if verb.dep == "xcomp" and verb.tag == "VB" and head.lemma.lower() in lex.causative_heads:
        return clause_tense(parsed, head.i)  # "prompting Tokyo to call its envoy home": done then
    if "Tense=Past" in verb.morph and verb.tag == "VBD":
        return "past"
    if verb.tag == "VBN" and verb.text.lower() in lex.expectation_participles and len(aux) == 1 \
            and aux[0].dep == "auxpass" and aux[0].tag in ("VBZ", "VBP"):
        return "future"  # "are expected at next week's summit"
    if any("Tense=Past" in a.morph for a in aux):
        return "past"
    if verb.tag == "VBN":
        return "past"  # present perfect, passive or reduced relative: a completed event
    scheduled = verb.lemma.lower() in lex.scheduled_verbs
    if scheduled and not aux and in_headline(parsed, verb.sent) and verb.lemma.lower() not in lex.prospective_verbs:
        scheduled = False  # a headline tells what just happened in the present: "Trump meets al-Sharaa"
    if verb.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in aux):
        if not aux and _future_time_clause(parsed, v):
            return "future"
        return "future" if scheduled else "present"
    if verb.tag == "VB" and aux and all(a.tag == "TO" for a in aux) and verb.head != v \
            and toks[verb.head].pos in ("VERB", "AUX"):
        # a bare to-infinitive has no time of its own: "became the first to set foot there",
        # "flew in on Monday to sign": the time of the verb it hangs on
        return clause_tense(parsed, verb.head)
    if verb.tag == "VB" and aux:
        return "present"
    if verb.tag == "VBG" and verb.dep == "pcomp" and lex.sequence_links.get(head.text.lower()) == -1:
        return "past"  # "a day after pledging to lift sanctions": done before what it hangs on
    if verb.tag == "VBG" and not aux and verb.head != v:
        # a participial adjunct ("..., speaking in Munich in 2026") shares its governor's tense
        return clause_tense(parsed, verb.head)
    return None
