"""A read-only view of a ParsedDoc's dependency trees, built once per document.

The event stage walks heads and children many times per sentence; this keeps the child
lists and the token → mention index in one place.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

from ..knowledge import load_yaml
from ..records import Mention, ParsedDoc, Token

# Dependencies that open a new clause: a subtree walk for one phrase stops at them.
CLAUSAL_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


class Tree:
    """Children, subtrees and mentions of a parsed document."""

    def __init__(self, parsed: ParsedDoc, mentions: Sequence[Mention] = ()):
        self.parsed = parsed
        self.tokens: tuple[Token, ...] = parsed.tokens
        self.children: list[list[int]] = [[] for _ in parsed.tokens]
        for t in parsed.tokens:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self.mention_of: dict[int, Mention] = {}
        for m in mentions:
            start, end = m.tok_start, m.tok_end
            if start < 0 or end <= start:
                start, end = self._span_of(m.start, m.end)
            for i in range(start, end):
                # the shorter mention wins inside a longer one ("India" inside "India's army")
                old = self.mention_of.get(i)
                if old is None or (old.end - old.start) > (m.end - m.start):
                    self.mention_of[i] = m
        # each mention that covers a token, once, in text order
        self.mentions: list[Mention] = sorted(set(self.mention_of.values()), key=lambda m: (m.start, m.end))

    def mentions_in(self, toks: Iterable[int]) -> Iterator[tuple[int, Mention]]:
        """Each mention covering one of ``toks`` once, with the first token it covers."""
        seen = set()
        for j in toks:
            m = self.mention_of.get(j)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                yield j, m

    def _span_of(self, start: int, end: int) -> tuple[int, int]:
        toks = [t.i for t in self.tokens if t.idx < end and t.idx + len(t.text) > start]
        return (toks[0], toks[-1] + 1) if toks else (0, 0)

    # ── navigation ────────────────────────────────────────────────────────────────────
    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def kids(self, i: int, deps: Iterable[str] | None = None) -> list[int]:
        if deps is None:
            return self.children[i]
        deps = set(deps)
        return [c for c in self.children[i] if self.tokens[c].dep in deps]

    def kid(self, i: int, *deps: str) -> int | None:
        for c in self.children[i]:
            if self.tokens[c].dep in deps:
                return c
        return None

    def prep_objects(self, i: int, preps: Iterable[str] | None = None) -> Iterator[tuple[str, int]]:
        """(preposition, object) pairs under token i: "against Pakistan" → ("against", 5)."""
        preps = set(preps) if preps is not None else None
        for p in self.kids(i, ("prep", "agent", "dative")):
            word = self.tokens[p].text.lower()
            if self.tokens[p].dep == "agent":
                word = "by"
            if preps is not None and word not in preps:
                continue
            objs = self.kids(p, ("pobj", "pcomp"))
            if not objs and self.tokens[p].dep == "dative" and self.tokens[p].pos in ("PROPN", "NOUN", "PRON"):
                yield "to", p
            for o in objs:
                yield word, o

    def subtree(self, i: int, stop: frozenset[str] = CLAUSAL_DEPS) -> list[int]:
        """Token i and its descendants, not entering sub-clauses."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            for c in self.children[j]:
                if self.tokens[c].dep not in stop:
                    stack.append(c)
        return sorted(out)

    def full_subtree(self, i: int) -> list[int]:
        return self.subtree(i, frozenset())

    def ancestors(self, i: int) -> Iterator[int]:
        seen = set()
        while self.tokens[i].head != i and i not in seen:
            seen.add(i)
            i = self.tokens[i].head
            yield i

    def conjuncts(self, i: int) -> list[int]:
        """Token i and the tokens coordinated with it ("India and Pakistan")."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.kids(j, ("conj",)))
        return sorted(out)

    def lemma(self, i: int) -> str:
        t = self.tokens[i]
        lemma = t.lemma.lower()
        if t.pos == "VERB":
            # the parser's known lemma slips ("staged" → "stag"): see data/events/lemmas.yaml
            return _verb_lemma_fixes().get(lemma, lemma)
        return lemma

    def lower(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def is_negated(self, i: int) -> bool:
        for c in self.children[i]:
            t = self.tokens[c]
            if t.dep == "neg" or (t.dep in ("advmod", "det") and t.text.lower() in ("never", "no")):
                return True
        return False

    def auxes(self, i: int) -> list[str]:
        return [self.tokens[c].text.lower() for c in self.kids(i, ("aux", "auxpass"))]

    def is_passive(self, i: int) -> bool:
        """Passive voice, or a past participle modifying a noun ("people killed in ...");
        a participle with an object of its own is a mis-parsed active verb."""
        return bool(self.kids(i, ("auxpass", "nsubjpass"))) or (
            self.tokens[i].tag == "VBN" and self.tokens[i].dep in ("acl", "amod")
            and not self.kids(i, ("nsubj", "dobj"))) or self.headline_passive(i)

    def headline_passive(self, i: int) -> bool:
        """"Opposition leader sentenced, vows appeal": a headline's passive without its
        auxiliary (data/events/headlines.yaml)."""
        t = self.tokens[i]
        if t.sent != 0 or t.tag not in ("VBN", "VBD") or self.lemma(i) not in _elided_passive_verbs():
            return False
        sent = self.parsed.sentences[0]
        if self.tokens[sent.tok_end - 1].text in (".", "!", "?") or not self.kids(i, ("nsubj",)):
            return False
        return not self.kids(i, ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"))

    def text(self, start: int, end: int) -> str:
        """The document text of tokens [start, end)."""
        a = self.tokens[start].idx
        b = self.tokens[end - 1].idx + len(self.tokens[end - 1].text)
        return self.parsed.text[a:b]


@functools.cache
def _elided_passive_verbs() -> frozenset[str]:
    """Verbs a headline uses as passives without "was" (data/events/headlines.yaml)."""
    return frozenset(str(w).lower() for w in load_yaml("events/headlines.yaml").get("elided_passive_verbs") or ())


@functools.cache
def _verb_lemma_fixes() -> dict[str, str]:
    """Wrong verb lemma → right one (data/events/lemmas.yaml; load_yaml caches the file)."""
    return {str(k).lower(): str(v).lower() for k, v in (load_yaml("events/lemmas.yaml").get("verbs") or {}).items()}
