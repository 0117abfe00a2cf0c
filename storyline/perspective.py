"""Perspective: an article's genre, author, outlet and framing vocabulary.

    describe_perspective(parsed, title, author, outlet) -> Perspective
    find_framing_terms(text) -> tuple[FramingTerm, ...]

Genre comes from weighted cues kept as data (``data/perspective/genre.yaml``): a section
label ("Opinion | ..."), an author line at the end ("The writer is ..."), first-person
plural advocacy outside quotation marks, imperative recommendations, press-office lines,
explainer headings. The genre whose cues add up to ``GENRE_THRESHOLD`` wins; an article
with no such weight is news. Every cue found becomes a readable evidence string, so an
analyst can see why an article was called an op-ed.

Framing terms come from the lexicon ``data/perspective/framing.yaml``: the names a side
uses for a disputed place or event ("IIOJK", "Pakistan-occupied Kashmir", "Judea and
Samaria"), matched case-insensitively with hyphen, space and apostrophe variants.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .errors import DataError
from .knowledge import data_path, load_yaml
from .records import FramingTerm, ParsedDoc, Perspective

__all__ = ["describe_perspective", "find_framing_terms", "compile_genre_cues",
           "compile_framing_lexicon", "phrase_pattern", "phrase_anchor", "GENRE_THRESHOLD",
           "DEFAULT_GENRE"]

GENRE_FILE = "perspective/genre.yaml"
FRAMING_FILE = "perspective/framing.yaml"
DEFAULT_GENRE = "news"

# A genre needs this much cue weight to beat the default. One strong cue (a section label,
# an author line, a release line: weight 2.0) decides alone; weak cues must add up (four
# "we must" = 1.6). Measured on 31 articles (the 5 seeds, the 8 samples, 11 ingest and 7
# perspective fixtures): news scores at most 0.25 (one "said in a statement"), op-eds 2.0
# to 5.7, the explainer 3.3, the press release 4.25; any value from 0.5 to 2.0 separates
# them. 1.5 keeps a news story with a stray "we should" and two imperatives (1.0) as news.
GENRE_THRESHOLD = 1.5
# Labels, bylines, datelines and release lines sit above the first paragraph: headline,
# label, standfirst, byline, date line (seed 003 has its byline on line 3).
LEAD_LINES = 6
# Author lines and press-office footers are within the last few lines.
ENDING_LINES = 3
# A bare-verb sentence shorter than this is a button or a caption ("Read more.").
IMPERATIVE_MIN_TOKENS = 4
# A heading is short; a long line ending in "?" is a sentence of the body.
QUESTION_HEADING_MAX_WORDS = 12
# A biography line at the end ("Jane Doe is a senior fellow at ...") is one short sentence.
AUTHOR_LINE_MAX_WORDS = 40
# After the name a byline may carry a role or an outlet ("By Jane Doe, Kyiv correspondent").
BYLINE_MAX_REST_WORDS = 6
BYLINE_MAX_NAME_WORDS = 5
EVIDENCE_CHARS = 100
MAX_EXAMPLES = 3

CUE_KINDS = ("label", "lead", "ending", "line", "count", "imperative", "question_heading")
_PHRASE_KINDS = {"label", "lead", "ending", "line", "count"}
_PLACEHOLDER = {"label": "{quote}", "lead": "{quote}", "ending": "{quote}", "line": "{quote}",
                "count": "{counts}", "imperative": "{examples}", "question_heading": "{examples}"}

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
# Between two words of a term: spaces, or a hyphen/dash with optional spaces.
_SEP = rf"(?:[\s\u00a0]*[{re.escape(_HYPHENS)}][\s\u00a0]*|[\s\u00a0]+)"
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_APOS = f"[{_APOSTROPHES}]"
# Decoration around a heading or footer line: markdown emphasis, bullets, dashes.
_LINE_MARKS = " \t*_>\u2022" + _HYPHENS
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# What may follow a section label on its line: "Opinion | ...", "ANALYSIS: ...".
_LABEL_SEPARATORS = ":|/" + _HYPHENS

# Dependencies that show a verb has a subject or is not the main finite verb: a sentence
# whose root has none of these, and opens with it, is an imperative.
_NOT_IMPERATIVE_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux", "auxpass",
                        "mark"}
# Words that may precede the verb of an imperative: "First, revisit ...", "And do ...".
# ("Second" is tagged an adjective, hence the dependency labels as well.)
_BEFORE_IMPERATIVE_POS = {"ADV", "PUNCT", "CCONJ", "INTJ", "SPACE"}
_BEFORE_IMPERATIVE_DEPS = {"advmod", "npadvmod", "punct", "cc", "intj"}
# The small model tags some sentence-initial imperatives as present tense ("involve" VBP);
# without a subject, either tag is the bare verb.
_IMPERATIVE_TAGS = {"VB", "VBP"}

_BYLINE = re.compile(r"^(?:written\s+|reported\s+|words\s+|story\s+)?by\s+(?P<rest>\S.*)$",
                     re.IGNORECASE)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||\(|\s[\u2013\u2014-]\s|[\u2013\u2014]|\bfor\b|\bin\b)\s*")
_NAME_JOIN = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_WRITER_APPOSITION = re.compile(
    r"^The (?:writer|author|columnist),\s+(?P<name>[^,]{3,80}),\s+(?:is|was|has)\b", re.IGNORECASE)
_BIO_LINE = re.compile(r"^(?P<name>[^\W\d_][^,.;:]{2,80}?)\s+(?:is|was|has been)\s+(?:a|an|the)\s")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019 -]{2,40}(?:/[A-Z][A-Z.'\u2019 -]{2,40})?)"
    r"(?:,[^\u2014\u2013:(\n]{0,40}?)?\s*(?:\((?P<credit>[A-Z][^)\n]{1,40})\))?\s*"
    r"(?:[\u2014\u2013:]|-{1,2})\s")


# ── the stage ───────────────────────────────────────────────────────────────────────────

def describe_perspective(parsed: ParsedDoc, title: str | None, author: str | None,
                         outlet: str | None) -> Perspective:
    """The article's genre (with readable evidence), author, outlet and framing terms.

    ``author`` and ``outlet`` come from metadata when the caller has them; otherwise the
    author is read from a byline ("By Masood Khan") or an author line at the end, and the
    outlet from a wire credit in the dateline ("NEW DELHI (Reuters) -"). Raises DataError
    when a shipped cue or lexicon file is invalid.
    """
    text = parsed.text
    lines = _lines(text)
    quoted = _quoted_spans(text)
    lead = lines[:LEAD_LINES]

    byline = _find_byline(lead)
    dateline = _find_dateline(lead)

    scores, evidence = _score_genres(parsed, title, lines, quoted)
    ranked = sorted(scores, key=lambda g: -scores[g])  # stable: ties keep the data's order
    best = ranked[0] if ranked else None
    if best is not None and scores[best] >= GENRE_THRESHOLD:
        genre = best
        genre_evidence = list(evidence[best])
    else:
        genre = DEFAULT_GENRE
        genre_evidence = [
            f"{g} cues below the threshold ({scores[g]:.1f} < {GENRE_THRESHOLD}): "
            + "; ".join(evidence[g]) for g in ranked if evidence[g]]
        if not genre_evidence:
            genre_evidence = ["no opinion, analysis or press-release cues"]
    if byline:
        genre_evidence.append(f"a byline {_quote(byline[0])}")
    if dateline:
        genre_evidence.append(f"a dateline {_quote(dateline[0])}")

    found_author = _clean_author(author)
    if found_author is None and byline:
        found_author = byline[1]
    if found_author is None and genre != DEFAULT_GENRE:
        found_author = _author_from_ending(lines[-ENDING_LINES:])
    found_outlet = (outlet or "").strip() or (dateline[1] if dateline else None)

    return Perspective(genre=genre, genre_evidence=tuple(genre_evidence), author=found_author,
                       outlet=found_outlet, framing=find_framing_terms(text))


def find_framing_terms(text: str) -> tuple[FramingTerm, ...]:
    """Each lexicon term used in ``text``, once, at its first occurrence, in text order.

    Where matches overlap, the one that starts first wins, then the longer one, so
    "Pakistan-occupied Kashmir" is not also reported as "occupied Kashmir".
    """
    folded = text.casefold()
    candidates = []
    for form in _framing_lexicon():
        if form.anchor and form.anchor not in (text if form.case_sensitive else folded):
            continue  # a word of the term is absent: skip the regex (most terms, most texts)
        for m in form.pattern.finditer(text):
            candidates.append((m.start(), m.end(), form))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    taken_until = -1
    seen: set[str] = set()
    found = []
    for start, end, form in candidates:
        if start < taken_until:
            continue
        taken_until = end
        if form.term is None or form.term in seen:
            continue
        seen.add(form.term)
        found.append(FramingTerm(term=form.term, matched=text[start:end], start=start, end=end,
                                 dispute=form.dispute, signals=form.signals))
    return tuple(found)


# ── genre ───────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class _Line:
    start: int
    text: str  # stripped of surrounding whitespace


@dataclass(frozen=True)
class _Cue:
    genre: str
    kind: str
    phrases: tuple[tuple[str, re.Pattern], ...]
    weight: float
    cap: float
    evidence: str


def _score_genres(parsed: ParsedDoc, title: str | None, lines: list[_Line],
                  quoted: list[tuple[int, int]]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each genre's cue weight and the evidence strings of the cues that fired."""
    cues = _genre_cues()
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for cue in cues:
        scores.setdefault(cue.genre, 0.0)
        evidence.setdefault(cue.genre, [])
    lead = [ln.text for ln in lines[:LEAD_LINES]]
    heads = ([title.strip()] if title and title.strip() else []) + lead
    tails = [ln.text for ln in lines[-ENDING_LINES:]]
    imperatives = None
    for cue in cues:
        hit: tuple[float, str] | None = None
        if cue.kind == "label":
            hit = _first_line_hit(cue, heads, _is_label)
        elif cue.kind == "lead":
            hit = _first_line_hit(cue, lead, _starts)
        elif cue.kind == "ending":
            hit = _first_line_hit(cue, tails, _starts)
        elif cue.kind == "line":
            hit = _first_line_hit(cue, [ln.text for ln in lines], _is_line)
        elif cue.kind == "count":
            hit = _count_hit(cue, parsed.text, quoted)
        elif cue.kind == "imperative":
            if imperatives is None:
                imperatives = _imperative_sentences(parsed, quoted)
            hit = _examples_hit(cue, imperatives, "sentence")
        elif cue.kind == "question_heading":
            hit = _examples_hit(cue, _question_headings(lines[1:], quoted), "heading")
        if hit:
            scores[cue.genre] += hit[0]
            evidence[cue.genre].append(hit[1])
    return scores, evidence


def _first_line_hit(cue: _Cue, candidates: list[str], test) -> tuple[float, str] | None:
    for raw in candidates:
        line = _strip_marks(raw)
        for _, pattern in cue.phrases:
            if test(pattern, line):
                return cue.weight, cue.evidence.replace("{quote}", _quote(raw))
    return None


def _starts(pattern: re.Pattern, line: str) -> bool:
    return pattern.match(line) is not None


def _is_label(pattern: re.Pattern, line: str) -> bool:
    """The line is the label, or the label followed by a separator ("Opinion | ...")."""
    m = pattern.match(line)
    if not m:
        return False
    rest = line[m.end():].strip()
    return not rest or rest[0] in _LABEL_SEPARATORS


def _is_line(pattern: re.Pattern, line: str) -> bool:
    """The line is the phrase, or the phrase and a colon ("Media contact: ...")."""
    m = pattern.match(line)
    if not m:
        return False
    rest = line[m.end():].strip()
    return not rest or rest[0] == ":"


def _count_hit(cue: _Cue, text: str, quoted: list[tuple[int, int]]) -> tuple[float, str] | None:
    """Occurrences outside quotations; overlapping phrases count once, as the longer one
    ("warmly welcomes the" is not also "welcomes the")."""
    folded = text.casefold()
    matches = sorted(((m.start(), m.end(), phrase) for phrase, pattern in cue.phrases
                      if (anchor := phrase_anchor(phrase)) is None or anchor in folded
                      for m in pattern.finditer(text) if not _inside(quoted, m.start())),
                     key=lambda m: (m[0], m[0] - m[1]))
    per_phrase: dict[str, int] = {}
    taken_until = -1
    for start, end, phrase in matches:
        if start >= taken_until:
            per_phrase[phrase] = per_phrase.get(phrase, 0) + 1
            taken_until = end
    if not per_phrase:
        return None
    total = sum(per_phrase.values())
    counts = sorted(per_phrase.items(), key=lambda c: -c[1])
    listed = ", ".join(f"{_quote(p)} ({n} time{'s' if n > 1 else ''})" for p, n in counts)
    return min(cue.cap, cue.weight * total), cue.evidence.replace("{counts}", listed)


def _examples_hit(cue: _Cue, found: list[str], noun: str) -> tuple[float, str] | None:
    if not found:
        return None
    shown = ", ".join(_quote(s) for s in found[:MAX_EXAMPLES])
    if len(found) > MAX_EXAMPLES:
        shown += f" ({len(found)} {noun}s)"
    return min(cue.cap, cue.weight * len(found)), cue.evidence.replace("{examples}", shown)


def _imperative_sentences(parsed: ParsedDoc, quoted: list[tuple[int, int]]) -> list[str]:
    """Sentences outside quotations that open with a bare verb and have no subject."""
    tokens = parsed.tokens
    children: dict[int, list[int]] = defaultdict(list)
    for tok in tokens:
        if tok.head != tok.i:
            children[tok.head].append(tok.i)
    found = []
    for sent in parsed.sentences:
        if (not sent.text.endswith((".", "!"))
                or sent.tok_end - sent.tok_start < IMPERATIVE_MIN_TOKENS):
            continue
        if _overlaps(quoted, sent.start, sent.end):
            continue
        roots = [t for t in tokens[sent.tok_start:sent.tok_end] if t.dep == "ROOT"]
        if len(roots) != 1 or roots[0].tag not in _IMPERATIVE_TAGS:
            continue
        root = roots[0]
        if any(tokens[c].dep in _NOT_IMPERATIVE_DEPS for c in children[root.i]):
            continue
        if all(tokens[j].pos in _BEFORE_IMPERATIVE_POS or tokens[j].dep in _BEFORE_IMPERATIVE_DEPS
               for j in range(sent.tok_start, root.i)):
            found.append(sent.text)
    return found


def _question_headings(lines: list[_Line], quoted: list[tuple[int, int]]) -> list[str]:
    return [ln.text for ln in lines
            if ln.text.endswith("?") and len(ln.text.split()) <= QUESTION_HEADING_MAX_WORDS
            and not _inside(quoted, ln.start)]


# ── author, dateline ────────────────────────────────────────────────────────────────────

def _find_byline(lead: list[_Line]) -> tuple[str, str] | None:
    """The first byline among the lead lines: (the line, the author's name)."""
    not_names = _byline_not_names()
    for ln in lead:
        m = _BYLINE.match(_strip_marks(ln.text))
        if not m:
            continue
        parts = _BYLINE_SPLIT.split(m.group("rest"), maxsplit=1)
        names_part = parts[0].strip().rstrip(".")
        rest = parts[1] if len(parts) > 1 else ""
        if len(rest.split()) > BYLINE_MAX_REST_WORDS or names_part.casefold() in not_names:
            continue
        names = [_name_or_none(n) for n in _NAME_JOIN.split(names_part)]
        if names and all(names):
            return ln.text, " and ".join(names)
    return None


def _name_or_none(candidate: str) -> str | None:
    """A person's name as written (title-cased when in capitals), or None if it is not one."""
    words = candidate.split()
    if not 2 <= len(words) <= BYLINE_MAX_NAME_WORDS:
        return None
    particles = _name_particles()
    for w in words:
        if w.casefold() in particles:
            continue
        if not (w[0].isalpha() and w[0].isupper()):
            return None
    name = " ".join(words)
    return name.title() if name.isupper() else name


def _author_from_ending(tails: list[_Line]) -> str | None:
    """A name from a biography line at the end: "The writer, Jane Doe, is ..." or
    "Jane Doe is a ...". Only asked of opinion and analysis pieces, where such lines are
    the writer's; in news the same shape is ordinary reporting."""
    not_names = _byline_not_names()
    for ln in reversed(tails):
        line = _strip_marks(ln.text)
        if len(line.split()) > AUTHOR_LINE_MAX_WORDS:
            continue
        for pattern in (_WRITER_APPOSITION, _BIO_LINE):
            m = pattern.match(line)
            if m and m.group("name").casefold() not in not_names:
                name = _name_or_none(m.group("name").strip())
                if name:
                    return name
    return None


def _clean_author(author: str | None) -> str | None:
    """The metadata's author without "By ", or None for a desk credit ("Staff Reporter")."""
    if not author or not author.strip():
        return None
    value = re.sub(r"^by\s+", "", " ".join(author.split()), flags=re.IGNORECASE)
    return value if value and value.casefold() not in _byline_not_names() else None


def _find_dateline(lead: list[_Line]) -> tuple[str, str | None] | None:
    """A dateline opening one of the lead lines: (its text, the wire credit if any)."""
    for ln in lead:
        m = _DATELINE.match(ln.text)
        if m:
            credit = m.group("credit")
            return m.group(0).strip(), credit.strip() if credit else None
    return None


# ── text helpers ────────────────────────────────────────────────────────────────────────

def _lines(text: str) -> list[_Line]:
    """Non-empty lines (a paragraph is a line of text) with their offsets."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(_Line(start=pos + (len(raw) - len(raw.lstrip())), text=stripped))
        pos += len(raw) + 1
    return out


def _strip_marks(line: str) -> str:
    return _MARKDOWN_HEADING.sub("", line.strip()).strip(_LINE_MARKS)


def _quote(s: str) -> str:
    s = " ".join(s.split())
    if len(s) > EVIDENCE_CHARS:
        s = s[:EVIDENCE_CHARS - 1].rstrip() + "…"
    return f"'{s}'"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, paragraph by paragraph.

    Pairs straight double quotes, curly double quotes, guillemets, and curly single quotes
    that open after a space and close before a non-letter (so that apostrophes do not
    count). A quotation left open runs to the end of its paragraph, as in news style.
    """
    spans = []
    closers = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c\u201d",
               "\u2018": "\u2019"}
    pos = 0
    for para in text.split("\n"):
        opener, start = None, 0
        for i, ch in enumerate(para):
            if opener is None:
                if ch in closers and (ch != "\u2018" or i == 0 or not para[i - 1].isalnum()):
                    opener, start = ch, i
            elif ch in closers[opener] and (
                    opener != "\u2018" or i + 1 == len(para) or not para[i + 1].isalpha()):
                spans.append((pos + start, pos + i + 1))
                opener = None
        if opener is not None:
            spans.append((pos + start, pos + len(para)))
        pos += len(para) + 1
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end,))  # spans[:i] start before ``end``
    return i > 0 and spans[i - 1][1] > start


@functools.lru_cache(maxsize=4096)
def phrase_anchor(phrase: str, case_sensitive: bool = False) -> str | None:
    """The longest word of a phrase that any matching text must contain literally
    (casefolded unless case-sensitive), or None when no word is a safe literal."""
    words = [w for w in _split_words(phrase)
             if w.lower() != "and" and not any(ch in _APOSTROPHES for ch in w)]
    if not words:
        return None
    word = max(words, key=len)
    return word if case_sensitive else word.casefold()


def _split_words(phrase: str) -> list[str]:
    return [w for w in re.split(rf"[\s\u00a0{re.escape(_HYPHENS)}]+", phrase.strip()) if w]


def phrase_pattern(phrase: str, case_sensitive: bool = False) -> re.Pattern:
    """A whole-word pattern for a phrase: a space or hyphen between words matches either,
    apostrophes match straight or curly ones, "and" matches "&"."""
    words = _split_words(phrase)
    if not words:
        raise ValueError("empty phrase")
    parts = []
    for w in words:
        if w.lower() == "and":
            parts.append("(?:and|&)")
        else:
            parts.append("".join(_APOS if ch in _APOSTROPHES else re.escape(ch) for ch in w))
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w){_SEP.join(parts)}(?!\w)", flags)


# ── data ────────────────────────────────────────────────────────────────────────────────

@functools.cache
def _genre_cues() -> tuple[_Cue, ...]:
    return compile_genre_cues(load_yaml(GENRE_FILE), str(data_path(GENRE_FILE)))


def _byline_not_names() -> frozenset[str]:
    return _author_words("not_author_names")


def _name_particles() -> frozenset[str]:
    return _author_words("name_particles")


@functools.cache
def _author_words(key: str) -> frozenset[str]:
    """A word list of genre.yaml used to read bylines, casefolded."""
    data = load_yaml(GENRE_FILE) or {}
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(n, str) for n in words):
        raise DataError(f"{data_path(GENRE_FILE)}: {key} must be a list of strings")
    return frozenset(n.casefold() for n in words)


def compile_genre_cues(data: Any, source: str) -> tuple[_Cue, ...]:
    """Validate and compile the genre cue table. Raises DataError naming the entry."""
    if not isinstance(data, dict) or not isinstance(data.get("genres"), dict) or not data["genres"]:
        raise DataError(f"{source}: expected a mapping 'genres: {{genre: [cues]}}'")
    cues = []
    for genre, entries in data["genres"].items():
        if genre == DEFAULT_GENRE:
            raise DataError(f"{source}: genres.{genre}: '{DEFAULT_GENRE}' is the default "
                            "and takes no cues")
        if not isinstance(entries, list) or not entries:
            raise DataError(f"{source}: genres.{genre}: expected a list of cues")
        for n, entry in enumerate(entries):
            where = f"{source}: genres.{genre}[{n}]"
            if not isinstance(entry, dict):
                raise DataError(f"{where}: expected a mapping")
            kind = entry.get("cue")
            if kind not in CUE_KINDS:
                raise DataError(f"{where}: cue must be one of {', '.join(CUE_KINDS)}, not {kind!r}")
            weight = entry.get("weight")
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                raise DataError(f"{where}: weight must be a positive number")
            cap = entry.get("cap", weight)
            if not isinstance(cap, (int, float)) or isinstance(cap, bool) or cap < weight:
                raise DataError(f"{where}: cap must be a number no smaller than weight")
            evidence = entry.get("evidence", "")
            if not isinstance(evidence, str) or _PLACEHOLDER[kind] not in evidence:
                raise DataError(f"{where}: evidence must be a string containing "
                                f"{_PLACEHOLDER[kind]}")
            phrases: tuple[tuple[str, re.Pattern], ...] = ()
            if kind in _PHRASE_KINDS:
                raw = entry.get("phrases")
                if not isinstance(raw, list) or not raw or not all(
                        isinstance(p, str) and p.strip() for p in raw):
                    raise DataError(f"{where}: phrases must be a non-empty list of strings")
                phrases = tuple((p, phrase_pattern(p)) for p in raw)
            elif "phrases" in entry:
                raise DataError(f"{where}: a {kind} cue takes no phrases")
            cues.append(_Cue(genre=str(genre), kind=kind, phrases=phrases, weight=float(weight),
                             cap=float(cap), evidence=evidence))
    return tuple(cues)


@dataclass(frozen=True)
class _Form:
    """One spelling of a lexicon term (``term`` None for a shield)."""

    pattern: re.Pattern
    anchor: str | None
    case_sensitive: bool
    term: str | None
    dispute: str
    signals: str


@functools.cache
def _framing_lexicon() -> tuple[_Form, ...]:
    return compile_framing_lexicon(load_yaml(FRAMING_FILE), str(data_path(FRAMING_FILE)))


def compile_framing_lexicon(data: Any, source: str) -> tuple[_Form, ...]:
    """Validate and compile the framing lexicon. Raises DataError naming the entry."""
    if not isinstance(data, dict) or not isinstance(data.get("disputes"), list):
        raise DataError(f"{source}: expected a mapping with a list 'disputes'")
    forms: list[_Form] = []
    owner: dict[tuple[str, bool], str] = {}

    def add(spelling: Any, cs: bool, term: str | None, dispute: str, signals: str, where: str):
        if not isinstance(spelling, str) or not spelling.strip():
            raise DataError(f"{where}: a spelling must be a non-empty string")
        key = (spelling if cs else spelling.casefold(), cs)
        label = term or "a shield"
        if key in owner and owner[key] != label:
            raise DataError(f"{where}: {spelling!r} is already a spelling of {owner[key]!r}")
        owner[key] = label
        forms.append(_Form(phrase_pattern(spelling, cs), phrase_anchor(spelling, cs), cs, term,
                           dispute, signals))

    for n, shield in enumerate(data.get("shields") or []):
        add(shield, False, None, "", "", f"{source}: shields[{n}]")
    for d, dispute in enumerate(data["disputes"]):
        where = f"{source}: disputes[{d}]"
        if not isinstance(dispute, dict) or not isinstance(dispute.get("dispute"), str):
            raise DataError(f"{where}: expected a mapping with a 'dispute' name")
        name = dispute["dispute"]
        where = f"{source}: dispute {name!r}"
        sides = dispute.get("sides")
        if not isinstance(sides, dict) or not sides or not all(
                isinstance(v, str) and v for v in sides.values()):
            raise DataError(f"{where}: sides must map keys to labels")
        terms = dispute.get("terms")
        if not isinstance(terms, list) or not terms:
            raise DataError(f"{where}: terms must be a non-empty list")
        for t, entry in enumerate(terms):
            at = f"{where}: terms[{t}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
                raise DataError(f"{at}: expected a mapping with a 'term'")
            term = entry["term"]
            side = entry.get("signals")
            if side not in sides:
                raise DataError(f"{at} ({term!r}): signals must be one of "
                                f"{', '.join(map(str, sides))}")
            unknown = set(entry) - {"term", "signals", "variants", "exact", "case_sensitive"}
            if unknown:
                raise DataError(f"{at} ({term!r}): unknown keys {', '.join(sorted(unknown))}")
            for key in ("variants", "exact"):
                if not isinstance(entry.get(key, []), list):
                    raise DataError(f"{at} ({term!r}): {key} must be a list")
            label = sides[side]
            add(term, bool(entry.get("case_sensitive", False)), term, name, label, at)
            for v in entry.get("variants", []):
                add(v, False, term, name, label, at)
            for v in entry.get("exact", []):
                add(v, True, term, name, label, at)
    return tuple(forms)
