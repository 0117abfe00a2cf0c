"""Quotes and reported speech: who said what, with which verb, through which channel.

``extract_quotes`` finds every direct quote (straight or curly marks, split by the
attribution, spanning sentences, left unclosed by a typo) and every piece of reported speech
("X said (that) …", "X told Y …", "according to X", "X denied …", "X called Y Z"), and
attributes each to a speaker through the actor mentions: a named actor, an institution ("the
White House"), a pronoun ("he" = the last speaker or person), or an unnamed group ("analysts",
or "Indian officials" = India). A speaker the resolver knows by name only takes the country or
organisation its own noun phrase gives ("Ukraine's agriculture minister, Mykola Solskyi"). The
cue verbs, frames, channels and groups are data (``data/quotes/*.yaml``).

The finder works on the dependency parse: a cue verb's subject is the speaker (never a
dateline's place name; for a series "It called X Y, said Z and warned W", the first verb's
subject), its clausal complement (or, for verbs such as "deny", its object; for "call",
"blame", "accuse", a frame filled from its phrases) the content; a negated cue ("did not
confirm") reports nothing. A quote that is not part of such a clause is attached to the cue
verb just before it (``X said: "…"``) or just after it (``"…," X said``) in its own sentence,
or continues the previous speaker's quote; a named actor reported inside a quote ("The
Russians told us that …") is a report of its own.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import DataError
from .knowledge import load_yaml
from .records import ActorRef, Mention, ParsedDoc, Quote

__all__ = ["extract_quotes", "find_quote_spans", "find_reports", "Report", "QuoteSpan", "ParseView",
           "cue_lexicon", "clean_content", "report_text", "report_sentence"]

# How many tokens after a closing quote mark the attribution ("he said", "said the
# minister") may start; news prose puts it right after the mark, 6 covers "…," the
# country's foreign minister, X, said".
FRAME_AFTER_TOKENS = 6
# A quote that covers at least this share of a cue's clause makes the report direct: the
# clause is the quote ("He posted: 'I will…'"); below it, the quote is a fragment embedded
# in reported speech ("said Modi had made 'no such request'").
DIRECT_SHARE = 0.8
# A quote with no attribution of its own is kept (as a continuation of the previous
# speaker, or unattributed) only from this many words; shorter ones are scare quotes or
# terms ("the 'Kashmir issue'").
MIN_FREE_QUOTE_WORDS = 4
# A pronoun speaker refers back at most this many paragraphs.
PRONOUN_PARAGRAPHS = 2

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_QUOTE_CHARS = "\"“”„«»‘’'"
_FRAME_PUNCT = {":", ",", "—", "–", "-", ";"}
_SUBJECT_DEPS = ("nsubj",)
_INHERIT_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}


# ── lexicon ─────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    stance: str = "asserts"
    object: bool = False
    speech: bool = True
    frames: tuple[str, ...] = ()
    needs: str | None = None


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict
    according: tuple[tuple[str, ...], ...]
    verb_channels: dict
    channels: tuple[tuple[tuple[str, ...], str, bool], ...]
    subject_channels: frozenset
    groups: dict
    pronouns: dict
    light_objects: dict
    claim_nouns: frozenset
    evidence_nouns: frozenset
    evidence_verbs: frozenset
    reporter_participles: frozenset = frozenset()
    contrast_marks: frozenset = frozenset()
    addressee_verbs: frozenset = frozenset()
    all_pronouns: frozenset = frozenset()  # every word of ``pronouns``, for membership tests


@functools.cache
def cue_lexicon() -> CueLexicon:
    """The cue verbs, channels and groups from ``data/quotes``, validated once."""
    cues = load_yaml("quotes/cues.yaml") or {}
    verbs = {}
    for lemma, spec in (cues.get("verbs") or {}).items():
        spec = spec or {}
        if spec.get("stance", "asserts") not in ("asserts", "denies"):
            raise DataError(f"quotes/cues.yaml: verb {lemma!r}: stance must be asserts or denies")
        if spec.get("needs") not in (None, "claim_noun"):
            raise DataError(f"quotes/cues.yaml: verb {lemma!r}: needs must be claim_noun")
        frames = spec.get("frames") or ()
        if isinstance(frames, str) or not all(isinstance(f, str) and "{object}" in f for f in frames):
            raise DataError(f"quotes/cues.yaml: verb {lemma!r}: frames must be a list of "
                            "templates that each use {object}")
        verbs[str(lemma)] = CueVerb(str(lemma), spec.get("stance", "asserts"),
                                    bool(spec.get("object", False)), bool(spec.get("speech", True)),
                                    tuple(frames), spec.get("needs"))
    according = tuple(tuple(p.lower().split()) for p in cues.get("according") or ())
    chan = load_yaml("quotes/channels.yaml") or {}
    channels = []
    for n, entry in enumerate(chan.get("channels") or ()):
        if "channel" not in entry or not entry.get("phrases"):
            raise DataError(f"quotes/channels.yaml: entry {n}: needs channel and phrases")
        for phrase in entry["phrases"]:
            channels.append((tuple(str(phrase).lower().split()), str(entry["channel"]),
                             bool(entry.get("exact", False))))
    channels.sort(key=lambda c: -len(c[0]))  # longest phrase wins
    groups = load_yaml("quotes/groups.yaml") or {}
    pronouns = {k: frozenset(v) for k, v in (groups.get("pronouns") or {}).items()}
    all_pronouns = frozenset().union(*pronouns.values()) if pronouns else frozenset()
    return CueLexicon(verbs=verbs, according=according,
                      verb_channels=dict(cues.get("verb_channels") or {}),
                      channels=tuple(channels),
                      subject_channels=frozenset(chan.get("subject_channels") or ()),
                      groups=dict(groups.get("groups") or {}), pronouns=pronouns,
                      light_objects=dict(cues.get("light_objects") or {}),
                      claim_nouns=frozenset(cues.get("claim_nouns") or ()),
                      reporter_participles=frozenset(cues.get("reporter_participles") or ()),
                      contrast_marks=frozenset(cues.get("contrast_marks") or ()),
                      addressee_verbs=frozenset(cues.get("addressee_verbs") or ()),
                      all_pronouns=all_pronouns,
                      evidence_nouns=frozenset((cues.get("evidence") or {}).get("nouns") or ()),
                      evidence_verbs=frozenset((cues.get("evidence") or {}).get("verbs") or ()))


# ── quote marks ─────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: ``start``/``end`` include the marks, ``cstart``/``cend`` the words.
    ``closed`` is False when the closing mark was missing and the quote ends at the paragraph."""

    start: int
    end: int
    cstart: int
    cend: int
    closed: bool = True


def find_quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Double-quoted spans (any mark style) and single-quoted ones outside them, per paragraph.

    An unclosed double quote ends at its paragraph: a typo must not swallow the article.
    """
    spans: list[QuoteSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        doubles = _double_spans(text, para.start(), para.end())
        spans.extend(doubles)
        spans.extend(_single_spans(text, para.start(), para.end(), doubles))
    spans.sort(key=lambda s: s.start)
    return tuple(spans)


def _double_spans(text: str, a: int, b: int) -> list[QuoteSpan]:
    out, open_at = [], None
    for i in range(a, b):
        ch = text[i]
        if ch in _OPEN_DOUBLE or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = i
        elif (ch in _CLOSE_DOUBLE or ch == '"') and open_at is not None:
            out.append(QuoteSpan(open_at, i + 1, open_at + 1, i))
            open_at = None
    if open_at is not None:
        end = len(text[a:b].rstrip()) + a
        if end - open_at > 1:
            out.append(QuoteSpan(open_at, end, open_at + 1, end, closed=False))
    return out


def _single_spans(text: str, a: int, b: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘…’ and '…' quotes; an apostrophe between letters ("India’s") never opens or closes."""
    out, open_at = [], None
    inside = bytearray(b - a)  # 1 where a double quote covers the character
    for d in doubles:
        inside[d.start - a:d.end - a] = b"\x01" * (d.end - d.start)
    for i in range(a, b):
        if inside[i - a]:
            open_at = None
            continue
        ch = text[i]
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if ch not in "‘’'":
            continue
        if open_at is None:
            if (ch == "‘" or (ch == "'" and not prev.isalnum())) and (nxt.isalnum() or nxt in "\"“"):
                open_at = i
        elif ch in "’'" and not nxt.isalnum() and (prev.isalnum() or prev in ".,!?;:"):
            out.append(QuoteSpan(open_at, i + 1, open_at + 1, i))
            open_at = None
    return out


# ── the parse, as a navigable view ──────────────────────────────────────────────────────

class ParseView:
    """Children lists, subtrees, char→token lookup and mention lookup for one ParsedDoc."""

    def __init__(self, parsed: ParsedDoc, mentions: Sequence[Mention]):
        self.parsed = parsed
        self.toks = parsed.tokens
        self.children: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self.starts = [t.idx for t in self.toks]
        self.mentions = sorted((m for m in mentions if m.refs), key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.spans = find_quote_spans(parsed.text)
        self.sent_para = {s.index: s.paragraph for s in parsed.sentences}
        self._subtree: dict[int, tuple[int, int]] = {}
        self._affiliations: dict[str, ActorRef] | None = None

    def known(self, ref: ActorRef) -> ActorRef:
        """An unresolved name ("Trump" where the resolver missed it) as the resolved actor
        the same document names in full ("President Donald Trump"), matched by last name;
        a person the resolver knows by name only, with the country or organisation the
        document places them in ("Ukraine's minister, Mykola Solskyi")."""
        if ref.actor_id is not None or ref.country is not None or not ref.name:
            return self.affiliation(ref)
        last = ref.name.split()[-1].lower()
        for m in self.mentions:
            for r in m.refs:
                if r.actor_id is not None and r.name and r.kind in ("person", "org", "igo", "nsa") \
                        and r.name.split()[-1].lower() == last:
                    return self.affiliation(ActorRef(r.actor_id, r.name, r.kind, r.country, r.code, ref.text))
        return self.affiliation(ref)

    def affiliation(self, ref: ActorRef) -> ActorRef:
        """The ref with the country (or organisation code) its own noun phrase gives it
        anywhere in the document, when the resolver gave none."""
        if ref.country is not None or ref.code is not None or ref.kind not in ("person", "other"):
            return ref
        if self._affiliations is None:
            self._affiliations = {}
            for m in self.mentions:
                r = m.refs[0]
                key = _ref_key(r)
                if key in self._affiliations or r.country is not None or r.code is not None:
                    continue
                rng = self.tok_range(m.start, m.end)
                if rng is None:
                    continue
                head = next((k for k in range(rng[0], rng[1] + 1)
                             if not rng[0] <= self.toks[k].head <= rng[1] or self.toks[k].head == k), rng[1])
                placed = _affiliated(self, head, r, m)
                if placed is not r:
                    self._affiliations[key] = placed
        placed = self._affiliations.get(_ref_key(ref))
        if placed is None:
            return ref
        return ActorRef(ref.actor_id, ref.name, ref.kind, placed.country, placed.code, ref.text)

    def tok_at(self, char: int) -> int:
        """Index of the token that contains (or starts after) a character offset."""
        k = bisect.bisect_right(self.starts, char) - 1
        return max(k, 0)

    def tok_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Inclusive token range of the characters [start, end), or None when empty."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end) - 1
        return (lo, hi) if lo <= hi else None

    def subtree(self, i: int) -> tuple[int, int]:
        if i not in self._subtree:
            lo = hi = i
            stack = [i]
            while stack:
                j = stack.pop()
                lo, hi = min(lo, j), max(hi, j)
                stack.extend(self.children[j])
            self._subtree[i] = (lo, hi)
        return self._subtree[i]

    def in_quote(self, i: int) -> QuoteSpan | None:
        c = self.toks[i].idx
        for s in self.spans:
            if s.cstart <= c < s.cend:
                return s
        return None

    def mention_at(self, i: int) -> Mention | None:
        """The narrowest mention covering token i."""
        c = self.toks[i].idx
        best = None
        k = bisect.bisect_right(self.mention_starts, c)
        for m in self.mentions[max(0, k - 12):k]:
            if m.start <= c < m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        return best

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        a, b = self.toks[lo].idx, self.toks[hi].idx + len(self.toks[hi].text)
        return [m for m in self.mentions if a <= m.start and m.end <= b]

    def text(self, lo: int, hi: int) -> str:
        return self.parsed.text[self.toks[lo].idx:self.toks[hi].idx + len(self.toks[hi].text)]

    def para(self, i: int) -> int:
        return self.sent_para.get(self.toks[i].sent, 0)

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        s = self.parsed.sentences[self.toks[i].sent] if self.toks[i].sent < len(self.parsed.sentences) else None
        if s is None:
            return i, i
        return s.tok_start, s.tok_end - 1


# ── reports ─────────────────────────────────────────────────────────────────────────────

@dataclass(slots=True)
class Report:
    """A piece of reported speech as the finder sees it (before it becomes a ``Quote``).

    ``pieces`` are the content's character ranges (more than one for a split quote or for
    "A, according to X, B"); ``cue_tok`` the cue verb's token (None for a continued quote);
    ``kind`` says where the content came from: "clause", "object", "quote", "according",
    "continued", "unattributed".
    """

    cue_tok: int | None
    cue: str | None
    speaker_tok: int | None
    speaker: ActorRef | None
    channel: str | None
    stance: str = "asserts"
    kind: str = "clause"
    pieces: list[tuple[int, int]] = field(default_factory=list)
    content_toks: tuple[int, int] | None = None
    direct: bool = False
    speech: bool = True
    relative_head: int | None = None  # "which he claimed was…": the noun "which" stands for
    text: str | None = None  # content built from a frame ("X was responsible for Y")
    anaphoric: bool = False  # the content names an earlier claim ("this version")

    @property
    def start(self) -> int:
        return min(p[0] for p in self.pieces)

    @property
    def end(self) -> int:
        return max(p[1] for p in self.pieces)


def find_reports(parsed: ParsedDoc, mentions: Sequence[Mention],
                 view: ParseView | None = None) -> list[Report]:
    """Every attributed piece of speech or stated position in a document, in text order.

    The shared finder behind ``extract_quotes`` and ``claims.extract_claims``; includes
    stated positions that are not speech ("X believes …": ``speech`` False). A caller that
    already holds the document's ``ParseView`` passes it (its caches are pure).
    """
    lex = cue_lexicon()
    view = view if view is not None else ParseView(parsed, mentions)
    author = _byline_author(view)
    reports: list[Report] = []
    by_cue: dict[int, Report] = {}
    for t in view.toks:
        if t.pos != "VERB" or t.lemma.lower() not in lex.verbs:
            continue
        quoted = view.in_quote(t.i) is not None
        if quoted and not _named_subject(view, t.i):
            continue
        rep = _verb_report(view, lex, t.i, reports, author)
        if rep is not None:
            if not quoted:  # a report inside a quote never frames another quote
                by_cue[t.i] = rep
            reports.append(rep)
    for t in view.toks:
        if t.lemma.lower() in lex.evidence_nouns and t.dep == "dobj" and not view.in_quote(t.i) \
                and view.toks[t.head].lemma.lower() in lex.evidence_verbs:
            rep = _evidence_report(view, lex, t.i, reports, author)
            if rep is not None:
                reports.append(rep)
    for i in _according_tokens(view, lex):
        rep = _according_report(view, lex, i, reports, author)
        if rep is not None:
            reports.append(rep)
    _attach_quotes(view, lex, reports, by_cue, author)
    kept = [r for r in reports if r.pieces and (r.speaker is not None or r.direct)]
    kept.sort(key=lambda r: (r.start, r.cue_tok or -1))
    return kept


def _named_subject(view: ParseView, v: int) -> bool:
    """A cue inside a quote counts when a named actor speaks ("The Russians told us that
    they had nothing to do with it"): the quoted speaker reports another's words. "I said",
    "we told them" stay part of the quote."""
    subj = next((c for c in view.children[v] if view.toks[c].dep in _SUBJECT_DEPS), None)
    return subj is not None and view.toks[subj].pos != "PRON" and view.mention_at(subj) is not None


def _verb_report(view: ParseView, lex: CueLexicon, v: int, earlier: list[Report], author) -> Report | None:
    """A report for cue verb v: its speaker and (if syntax gives one) its content clause."""
    tok = view.toks[v]
    verb = lex.verbs[tok.lemma.lower()]
    if any(view.toks[c].dep == "neg" for c in view.children[v]):
        return None  # "did not confirm that…", "has not said whether…": nothing is claimed
    subj = _subject(view, v)
    if subj is None:
        return None
    speaker, channel = _resolve_speaker(view, lex, subj, earlier, author)
    if speaker is None:
        return None
    rep = Report(cue_tok=v, cue=tok.lemma.lower(), speaker_tok=subj, speaker=speaker,
                 channel=_channel(view, lex, v) or channel or lex.verb_channels.get(verb.lemma),
                 stance=verb.stance, speech=verb.speech)
    kids = view.children[v]
    objs = [c for c in kids if view.toks[c].dep == "dobj"]
    if verb.needs == "claim_noun":
        nouns = [o for o in objs if view.toks[o].lemma.lower() in lex.claim_nouns
                 or view.toks[o].text.lower() in lex.claim_nouns]
        if not nouns:
            return None
        lo, hi = _trim_plain(view, *_noun_phrase(view, nouns[0]))
        rep.pieces = [(view.toks[lo].idx, _tok_end(view, hi))]
        rep.content_toks = (lo, hi)
        rep.kind = "object"
        rep.anaphoric = True
        return rep
    if verb.frames and not objs:
        # "called the missile attack a 'spit in the face'": the parser may read both
        # objects as predicates; the first is the object
        second = [c for c in kids if view.toks[c].dep == "oprd"]
        objs = second[:1]
    if verb.frames and objs:
        if view.text(*view.subtree(objs[0])).lower() in ("each other", "one another"):
            return None  # "accused each other": no one proposition to attribute
        filled = _fill_frame(view, verb.frames, v, objs[0])
        if filled:
            rep.text, (lo, hi) = filled
            rep.pieces = [(view.toks[lo].idx, _tok_end(view, hi))]
            rep.content_toks = (lo, hi)
            rep.kind = "object"
            return rep
        # no frame fits ("called him", "described how…"): read it as an ordinary cue
    ccomp = [c for c in kids if view.toks[c].dep == "ccomp"]
    # "It called the attack X, said Y": a clause left of the cue is its content only when
    # nothing on the right is ("drones attacked, the ministry said").
    ccomp = [c for c in ccomp if c > v] or ccomp
    light = [o for o in objs if view.toks[o].lemma.lower() in lex.light_objects]
    if not ccomp:
        # "claimed the attacks targeted X": the parser reads the clause as object + reduced
        # relative; a finite-looking verb on the object means it is the content clause.
        ccomp = [o for o in objs if any(view.toks[k].dep == "acl" and view.toks[k].tag in ("VBD", "VBN")
                                        and k > o for k in view.children[o])]
        # "told a briefing that Moscow had not…": a clause with its own subject on the
        # addressee, misread as a relative clause, is the content
        ccomp += [k for o in objs for k in view.children[o] if k > o
                  and view.toks[k].dep in ("relcl", "acl") and any(
                      view.toks[g].dep == "nsubj" and view.toks[g].tag not in ("WDT", "WP")
                      for g in view.children[k]) and any(
                      view.toks[g].text.lower() == "that" and g < k for g in view.children[k])]
        ccomp = ccomp[-1:]
        # "maintains its position that X": the content is the clause the claim noun introduces
        ccomp = [next((k for k in view.children[o] if view.toks[k].dep in ("acl", "ccomp") and any(
                     view.toks[m].dep == "mark" and view.toks[m].text.lower() == "that" for m in view.children[k])), o)
                 if view.toks[o].lemma.lower() in lex.claim_nouns else o for o in ccomp]
    if ccomp:
        c = ccomp[0]
        lo, hi = _trim(view, *view.subtree(c), head=c)
        rel = [k for k in range(lo, hi + 1) if view.toks[k].tag in ("WDT", "WP")
               and view.toks[k].dep.startswith("nsubj") and k < v]
        if tok.dep == "relcl" and rel:
            # "a ceasefire, which he claimed was brokered by…": the pronoun stands for the noun
            h = _antecedent_noun(view, tok.head)
            a, b = _trim_plain(view, *_noun_phrase(view, h))
            tail = _trim_plain(view, v + 1, hi)
            if a <= b and tail[0] <= tail[1]:
                rep.pieces = [(view.toks[a].idx, _tok_end(view, b)),
                              (view.toks[tail[0]].idx, _tok_end(view, tail[1]))]
                rep.content_toks = (min(a, tail[0]), tail[1])
                rep.relative_head = h
        elif lo <= hi:
            rep.pieces = [(view.toks[lo].idx, _tok_end(view, hi))]
            rep.content_toks = (lo, hi)
    elif light:
        # "claimed credit for ending the war": the content follows the light noun's preposition
        o = light[0]
        prep = lex.light_objects[view.toks[o].lemma.lower()]
        for p in view.children[o] + kids:
            if view.toks[p].dep == "prep" and view.toks[p].text.lower() == prep:
                comp = [g for g in view.children[p] if view.toks[g].dep in ("pobj", "pcomp")]
                if comp:
                    lo, hi = _trim_plain(view, *view.subtree(comp[0]))
                    if lo <= hi:
                        rep.pieces = [(view.toks[lo].idx, _tok_end(view, hi))]
                        rep.content_toks = (lo, hi)
                        rep.kind = "object"
                break
    elif verb.object:
        objs = objs or [c for c in kids if view.toks[c].dep == "xcomp"]
        if objs:
            o = objs[0]
            lo, hi = _trim(view, *view.subtree(o), head=o)
            if lo <= hi:
                rep.pieces = [(view.toks[lo].idx, _tok_end(view, hi))]
                rep.content_toks = (lo, hi)
                rep.kind = "object"
        elif tok.dep == "relcl" and view.toks[tok.head].pos == "NOUN":
            # "an accusation Islamabad denied": the content is the noun the clause modifies
            h = tok.head
            rep.pieces = [(view.toks[h].idx, _tok_end(view, h))]
            rep.content_toks = (h, h)
            rep.kind = "object"
            rep.anaphoric = view.toks[h].lemma.lower() in lex.claim_nouns
    if rep.kind == "object" and rep.content_toks and not rep.anaphoric:
        lo, hi = rep.content_toks
        heads = [k for k in range(lo, hi + 1) if not lo <= view.toks[k].head <= hi or view.toks[k].head == k]
        if heads and view.toks[heads[0]].lemma.lower() in lex.claim_nouns and any(
                view.toks[d].lemma.lower() in ("this", "that", "these", "those", "such", "the")
                for d in view.children[heads[0]]):
            rep.anaphoric = True
    return rep


_SLOT_RE = re.compile(r"\{([a-z]+)(@actor)?\}")


def _fill_frame(view: ParseView, frames: tuple[str, ...], v: int, obj: int):
    """Fill the first frame whose slots the verb's phrases provide ("{object} was
    responsible for {for}", "{object} was {oprd}"); a slot marked ``@actor`` must name an
    actor ("blamed the attack on Kyiv", not "an attack on its fleet"). Returns the text and
    the token range it was drawn from, or None."""
    if view.toks[obj].tag in ("WDT", "WP"):
        if view.toks[v].dep != "relcl" or view.toks[obj].text.lower() == "what":
            return None  # "what he called X": no noun to state it of
        o_lo, o_hi = _trim_plain(view, *_noun_phrase(view, _antecedent_noun(view, view.toks[v].head)))
    else:
        o_lo, o_hi = _trim_plain(view, *_noun_phrase(view, obj))
    if o_lo > o_hi:
        return None
    slots = {"object": (o_lo, o_hi)}
    heads = {"object": obj}
    second = _misread_second_object(view, obj)
    if second is not None:
        # "called the account deceptive", "calling the allegations propaganda"
        (o_lo, o_hi), (p_lo, p_hi), p_head = second
        slots["object"], slots["oprd"], heads["oprd"] = (o_lo, o_hi), (p_lo, p_hi), p_head
    for c in view.children[v] + view.children[obj]:
        t = view.toks[c]
        if t.dep == "oprd" and c in view.children[v] and "oprd" not in slots and c != obj:
            slots["oprd"], heads["oprd"] = _trim_plain(view, *_noun_phrase(view, c)), c
        elif t.dep == "prep":
            comp = [g for g in view.children[c] if view.toks[g].dep in ("pobj", "pcomp")]
            if comp and t.text.lower() not in slots:
                slots[t.text.lower()] = _trim_plain(view, *_noun_phrase(view, comp[0]))
                heads[t.text.lower()] = comp[0]
    for frame in frames:
        used = _SLOT_RE.findall(frame)
        if not all(name in slots and slots[name][0] <= slots[name][1] for name, _ in used):
            continue
        if any(actor and view.mention_at(heads[name]) is None for name, actor in used):
            continue
        text = _SLOT_RE.sub(lambda m: view.text(*slots[m.group(1)]), frame)
        lo = min(slots[name][0] for name, _ in used)
        hi = max(slots[name][1] for name, _ in used)
        return clean_content(text), (lo, hi)
    return None


def _misread_second_object(view: ParseView, obj: int):
    """"call X Y" read as one noun phrase: an adjective after the noun ("the account
    deceptive and misleading") or a plural noun before it ("the allegations propaganda")
    is where the object ends. Returns ((object range), (second range), second head) or None."""
    lo, hi = view.subtree(obj)
    after = [c for c in view.children[obj] if c > obj and view.toks[c].dep == "amod"
             and view.toks[c].pos == "ADJ"]
    if after:
        a = after[0]
        return (lo, obj), _trim_plain(view, a, view.subtree(a)[1]), a
    plural = [c for c in view.children[obj] if c < obj and view.toks[c].dep == "compound"
              and view.toks[c].tag == "NNS"]
    if plural and any(view.toks[d].dep == "det" and d < plural[0] for d in view.children[obj]):
        return (lo, plural[-1]), (plural[-1] + 1, obj), obj
    # "called the shelling a provocation" read as one phrase: a second determiner starts Y
    own = [d for d in view.children[obj] if view.toks[d].dep == "det" and d < obj]
    if own and lo < own[0] and any(view.toks[k].dep == "det" for k in range(lo, own[0])):
        return _trim_plain(view, lo, own[0] - 1), (own[0], _noun_phrase(view, obj)[1]), obj
    return None


def _evidence_report(view: ParseView, lex: CueLexicon, noun: int, earlier, author) -> Report | None:
    """"X has (documented) proof of Y": X asserts Y."""
    verb = view.toks[noun].head
    subj = _subject(view, verb)
    if subj is None:
        return None
    speaker, _ = _resolve_speaker(view, lex, subj, earlier, author)
    if speaker is None:
        return None
    for c in view.children[noun]:
        t = view.toks[c]
        comp = None
        if t.dep == "prep" and t.text.lower() == "of":
            comp = next((g for g in view.children[c] if view.toks[g].dep in ("pobj", "pcomp")), None)
        elif t.dep in ("acl", "ccomp"):
            comp = c
        if comp is not None:
            lo, hi = _trim(view, *view.subtree(comp), head=comp)
            if lo <= hi:
                return Report(cue_tok=verb, cue=f"{view.toks[verb].lemma.lower()} {view.toks[noun].lemma.lower()}",
                              speaker_tok=subj, speaker=speaker, channel=None, kind="object",
                              pieces=[(view.toks[lo].idx, _tok_end(view, hi))], content_toks=(lo, hi),
                              speech=False)
    return None


def _subject(view: ParseView, v: int, depth: int = 0) -> int | None:
    """The speaker's head token: the verb's subject, its passive agent, or (for participles
    and coordinated verbs: "…, stressing that", "and added that") its governor's subject."""
    tok = view.toks[v]
    for c in view.children[v]:
        if view.toks[c].dep in _SUBJECT_DEPS:
            if view.toks[c].tag in ("WP", "WDT") and tok.dep == "relcl":
                return tok.head
            return _past_dateline(view, c, v)
    for c in view.children[v]:
        if view.toks[c].dep == "agent":
            for g in view.children[c]:
                if view.toks[g].dep == "pobj":
                    return g
    if tok.dep == "relcl" or any(view.toks[c].dep == "nsubjpass" for c in view.children[v]):
        return None
    left = _left_clause_subject(view, v)
    if left is not None:
        return left
    if (tok.dep == "conj" or tok.dep == "advcl" and tok.tag == "VBG" and not _actor_subject(view, tok.head)) \
            and tok.lemma.lower() in cue_lexicon().verbs:
        # "said the talks went well and added that…", "denied that its fighters had…,
        # calling the allegations…": the parser may hang the second cue on the
        # complement's verb; it shares the subject of the cue above it.
        j = tok.head
        while view.toks[j].head != j:
            if view.toks[j].dep == "ccomp" and view.toks[view.toks[j].head].lemma.lower() in cue_lexicon().verbs:
                return _subject(view, view.toks[j].head, depth + 1)
            j = view.toks[j].head
    if depth < 3 and tok.dep in _INHERIT_DEPS and tok.head != v:
        head = view.toks[tok.head]
        if tok.dep == "acl" and head.pos in ("NOUN", "PROPN"):
            return tok.head
        if head.pos in ("VERB", "AUX"):
            return _subject(view, tok.head, depth + 1)
    return None


_DASHES = {"—", "–", "--"}
# A dateline ("PRISTINA, Sept. 25, 2023 —") is a place and a date before a dash at the
# head of a paragraph; real ones run to about eight tokens.
DATELINE_TOKENS = 10


def _past_dateline(view: ParseView, subj: int, v: int) -> int:
    """The subject, unless the parser took the dateline's place name for it ("PRISTINA,
    Sept. 25 — Prime Minister Albin Kurti said"): then the noun phrase after the dash."""
    s_lo, _ = view.sentence_bounds(subj)
    # a headline above the dateline may share its sentence: start at the line
    s_lo = max(s_lo, view.tok_range(view.parsed.text.rfind("\n", 0, view.toks[subj].idx) + 1,
                                    view.toks[subj].idx + 1)[0])
    dash = next((k for k in range(s_lo, min(v, s_lo + DATELINE_TOKENS + 1))
                 if view.toks[k].text in _DASHES), None)
    if dash is None or subj > dash:
        return subj
    after = [c for c in view.children[v] if dash < c < v and view.toks[c].dep in _SUBJECT_DEPS]
    after += [c for c in view.children[subj]
              if c > dash and view.toks[c].dep in ("appos", "conj", "npadvmod", "dep")]
    return after[0] if after else subj


def _left_clause_subject(view: ParseView, v: int) -> int | None:
    """"It called the attack X, said Y and warned Z": the parser makes the first verb a
    clause of "said", which is left with no subject; a cue verb on the left, set off by a
    comma, is the first of a series, and its subject speaks for the whole series."""
    verbs = cue_lexicon().verbs
    for c in view.children[v]:
        t = view.toks[c]
        if t.dep == "ccomp" and c < v and t.pos == "VERB" and t.lemma.lower() in verbs \
                and view.in_quote(c) is None and view.subtree(c)[1] + 1 < v \
                and view.toks[view.subtree(c)[1] + 1].text == ",":
            return next((g for g in view.children[c] if view.toks[g].dep in _SUBJECT_DEPS), None)
    return None


def _actor_subject(view: ParseView, v: int) -> bool:
    """Whether verb v's subject names an actor ("Modi conveyed…, stressing": Modi stresses;
    "its fighters had occupied…, calling": the fighters do not)."""
    return any(view.toks[c].dep in _SUBJECT_DEPS and view.mention_at(c) is not None
               and view.toks[c].pos != "PRON" for c in view.children[v])


def _trim(view: ParseView, lo: int, hi: int, head: int) -> tuple[int, int]:
    """Cut a content span to the speaker's words: no leading "that", no trailing punctuation,
    quote marks or whitespace, no contrastive clause the reporter adds ("…, while …")."""
    lex = cue_lexicon()
    verbs = lex.verbs
    for c in range(head + 1, hi + 1):
        t = view.toks[c]
        if t.dep in ("conj", "advcl") and t.lemma.lower() in verbs and t.pos == "VERB" and not any(
                view.toks[g].dep in _SUBJECT_DEPS for g in view.children[c]) \
                and (t.dep == "conj" or t.tag == "VBG"):
            # "… and added that …", "…, and suggested limiting…", "…, saying that …": a cue
            # sharing the speaker is a report of its own, wherever the parser hangs it
            hi = min(hi, view.subtree(c)[0] - 1)
    for c in view.children[head]:
        t = view.toks[c]
        if t.dep == "advcl" and c > head:
            marks = [view.toks[k].text.lower() for k in view.children[c] if view.toks[k].dep == "mark"]
            if any(m in lex.contrast_marks for m in marks):
                hi = min(hi, view.subtree(c)[0] - 1)
            elif t.tag == "VBG" and t.lemma.lower() in lex.reporter_participles \
                    and view.toks[view.subtree(c)[0] - 1].text == ",":
                hi = min(hi, view.subtree(c)[0] - 1)  # "…, contradicting Israeli officials"
    while lo <= hi and (view.toks[lo].dep == "mark" and view.toks[lo].text.lower() == "that"
                        or view.toks[lo].pos in ("PUNCT", "SPACE")
                        and view.toks[lo].text not in "‘“\"'"):
        lo += 1
    while lo <= hi and (view.toks[lo].pos == "SPACE"):
        lo += 1
    while lo <= hi and (view.toks[hi].pos in ("PUNCT", "SPACE") or view.toks[hi].dep == "cc"):
        hi -= 1
    return lo, hi


def _tok_end(view: ParseView, i: int) -> int:
    return view.toks[i].idx + len(view.toks[i].text)


# ── speakers ────────────────────────────────────────────────────────────────────────────

def _resolve_speaker(view: ParseView, lex: CueLexicon, head: int, earlier: list[Report],
                     author) -> tuple[ActorRef | None, str | None]:
    """The actor a subject refers to, and a channel when the subject is one ("a statement")."""
    tok = view.toks[head]
    lower = tok.text.lower()
    lemma = tok.lemma.lower()
    channel = _match_channel(lex, [tok.text.lower()]) if lemma in lex.subject_channels else None
    m = view.mention_at(head)
    if lower in lex.all_pronouns:
        # A pronoun speaker is, in news prose, the speaker just reported before the mention
        # resolver's nearest person; ours looks at the previous reports first.
        ref = _pronoun(view, lex, head, earlier, author, reports_only=True)
        if ref is None and m is not None and lower not in lex.pronouns.get("first", ()):
            ref = view.known(m.refs[0])
        return ref or _pronoun(view, lex, head, earlier, author), None
    if m is not None:
        return view.known(m.refs[0]), channel
    if tok.pos == "PRON":
        return None, None
    lo, hi = view.subtree(head)
    if lemma in lex.groups or lemma in lex.subject_channels:
        owners = [mm for mm in view.mentions_in(lo, hi)
                  if not _in_relative(view, head, view.tok_at(mm.start))]
        if owners:
            near = min(owners, key=lambda mm: abs(view.tok_at(mm.start) - head))
            return view.known(near.refs[0]), channel
        if lemma in lex.groups:
            return ActorRef(None, lex.groups[lemma], "other", None, None, view.text(lo, head)), None
        return None, channel
    inside = [mm for mm in view.mentions_in(lo, hi) if not _in_relative(view, head, view.tok_at(mm.start))]
    # "Ukraine's agriculture minister, Mykola Solskyi, said": the name beside the title
    # speaks, not the country that qualifies it
    named = [mm for mm in inside if mm.refs[0].kind == "person" and any(
        view.toks[k].dep == "appos" and view.toks[k].head == head for k in range(*_span_toks(view, mm)))]
    if named or inside:
        return view.known((named or inside)[0].refs[0]), None
    for e in view.parsed.entities:
        if e.tok_start <= head < e.tok_end and e.label in ("PERSON", "ORG", "GPE", "NORP"):
            kind = "person" if e.label == "PERSON" else "other"
            return ActorRef(None, e.text, kind, None, None, e.text), None
    if tok.pos == "PROPN":
        return ActorRef(None, view.text(*_compound_span(view, head)), "other", None, None,
                        view.text(lo, hi)), None
    return None, channel


_AFFILIATIONS = ("state", "government", "military", "igo", "org", "nsa", "person")


def _ref_key(ref: ActorRef) -> str:
    return ref.actor_id or (ref.name or "").lower()


def _affiliated(view: ParseView, head: int, ref: ActorRef, own: Mention) -> ActorRef:
    """A speaker the resolver knows by name only, placed by its own noun phrase: "Ukraine's
    Infrastructure Minister Oleksandr Kubrakov" (UKR), "Mykhailo Podolyak, an adviser to
    President Volodymyr Zelensky" (UKR), "a UN spokesman, Stephane Dujarric" (UN). Only the
    phrase itself counts, not a relative clause or a coordinated second speaker."""
    if ref.kind not in ("person", "other") or ref.country is not None or ref.code is not None:
        return ref
    skip: set[int] = set()
    for c in view.children[head]:
        if view.toks[c].dep in ("relcl", "acl", "conj", "cc"):
            lo, hi = view.subtree(c)
            skip.update(range(lo, hi + 1))
    lo, hi = view.subtree(head)
    if view.toks[head].dep == "appos":
        # "a spokesman for the UN, Stephane Dujarric": the noun the name stands beside
        gov = view.toks[head].head
        for c in view.children[gov]:
            if c != head and view.toks[c].dep in ("relcl", "acl", "conj", "cc"):
                a, b = view.subtree(c)
                skip.update(range(a, b + 1))
        lo, hi = min(lo, view.subtree(gov)[0]), max(hi, view.subtree(gov)[1])
    best = None
    for mm in view.mentions_in(lo, hi):
        k = view.tok_at(mm.start)
        if mm is own or k in skip or (own.start <= mm.start < own.end):
            continue
        r = mm.refs[0]
        if r.kind not in _AFFILIATIONS or not (r.country or (r.code and r.kind in ("igo", "org", "nsa"))):
            continue
        prep = _governing_prep(view, k, lo)
        if prep == "to" and r.kind != "person":
            continue  # "envoy to Ukraine", "ambassador to the UN"; but "adviser to President X"
        # a modifier before the title ("Ukraine's", "Russian") outranks a phrase after it
        rank = (0 if prep is None else 1, abs(k - head))
        if best is None or rank < best[0]:
            best = (rank, r)
    if best is None:
        return ref
    r = best[1]
    code = r.code if r.kind in ("igo", "org", "nsa") else None  # "a Hamas official", "a UN spokesman"
    return ActorRef(ref.actor_id, ref.name, ref.kind, r.country, ref.code or code, ref.text)


def _governing_prep(view: ParseView, k: int, lo: int) -> str | None:
    """The preposition a token sits under within a phrase starting at lo, if any."""
    j = k
    while view.toks[j].head != j and view.toks[j].head >= lo:
        if view.toks[j].dep == "pobj":
            return view.toks[view.toks[j].head].text.lower()
        j = view.toks[j].head
    return None


def _span_toks(view: ParseView, m: Mention) -> tuple[int, int]:
    """Token range [a, b) of a mention."""
    rng = view.tok_range(m.start, m.end)
    return (rng[0], rng[1] + 1) if rng else (0, 0)


def _noun_phrase(view: ParseView, head: int) -> tuple[int, int]:
    """A noun's phrase, cut before the first relative clause or apposition inside it."""
    lo, hi = view.subtree(head)
    for k in range(lo, hi + 1):
        if k > head and (view.toks[k].dep in ("relcl", "appos") or view.toks[k].tag in ("WDT", "WP")):
            hi = min(hi, view.subtree(k)[0] - 1)
    return lo, hi


def _antecedent_noun(view: ParseView, h: int) -> int:
    """The noun a relative clause's pronoun stands for: "a ceasefire between A and B, which…"
    is about the ceasefire, though the parser hangs the clause on B."""
    climbed = False
    while view.toks[h].dep in ("pobj", "conj") and view.toks[h].head != h:
        up = view.toks[h].head
        if view.toks[up].dep == "prep" and view.toks[view.toks[up].head].pos in ("NOUN", "PROPN"):
            if climbed:
                break  # one phrase up: "retaliation for the attack on the bridge, which…" is the attack
            h = view.toks[up].head
            climbed = True
        elif view.toks[h].dep == "conj":
            h = up
        else:
            break
    return h


def _compound_span(view: ParseView, head: int) -> tuple[int, int]:
    lo = head
    for c in view.children[head]:
        if view.toks[c].dep == "compound" and c < head:
            lo = min(lo, c)
    return lo, head


def _in_relative(view: ParseView, head: int, i: int) -> bool:
    """Whether token i sits in a relative clause or apposition of head ("Khan, who is in the U.S.")."""
    for c in view.children[head]:
        if view.toks[c].dep in ("relcl", "acl"):
            lo, hi = view.subtree(c)
            if lo <= i <= hi:
                return True
    return False


def _pronoun(view: ParseView, lex: CueLexicon, head: int, earlier: list[Report], author,
             reports_only: bool = False) -> ActorRef | None:
    """Resolve a pronoun speaker: the last compatible speaker nearby, else the last
    compatible actor mentioned before it (outside quotes); first person is the author."""
    lower = view.toks[head].text.lower()
    if lower in lex.pronouns.get("first", ()):
        return author
    want = next((k for k, v in lex.pronouns.items() if lower in v), "thing")
    para = view.para(head)

    def fits(ref: ActorRef | None) -> bool:
        if ref is None:
            return False
        if want == "person":
            return ref.kind == "person"
        if want == "thing":
            return ref.kind != "person"
        return True

    s_lo, _ = view.sentence_bounds(head)
    for m in view.mentions_in(s_lo, head) if head > s_lo else ():
        i = view.tok_at(m.start)
        if view.toks[i].dep.startswith("nsubj") or view.toks[view.toks[i].head].dep.startswith("nsubj"):
            if fits(view.known(m.refs[0])) and view.in_quote(i) is None:
                return view.known(m.refs[0])
    for rep in reversed(earlier):
        if rep.cue_tok is not None and rep.cue_tok < head and fits(rep.speaker) \
                and para - view.para(rep.cue_tok) <= PRONOUN_PARAGRAPHS - 1:
            return rep.speaker
    if reports_only:
        return None
    c = view.toks[head].idx
    for m in reversed(view.mentions):
        if m.start >= c:
            continue
        i = view.tok_at(m.start)
        if para - view.para(i) > PRONOUN_PARAGRAPHS:
            break
        ref = view.known(m.refs[0])
        if fits(ref) and view.in_quote(i) is None and view.toks[i].text.lower() not in lex.all_pronouns:
            return ref
    return None


def _byline_author(view: ParseView) -> ActorRef | None:
    """The author named in a byline ("By Masood Khan") near the top, speaker of "we"/"I"."""
    for s in view.parsed.sentences[:8]:
        toks = view.toks[s.tok_start:s.tok_end]
        words = [t for t in toks if t.pos not in ("SPACE", "PUNCT")]
        if 2 <= len(words) <= 5 and words[0].text.lower() == "by":
            for t in words[1:]:
                m = view.mention_at(t.i)
                if m is not None and m.refs[0].kind == "person":
                    return m.refs[0]
            names = [t.text for t in words[1:] if t.pos == "PROPN"]
            if names:
                name = " ".join(names)
                return ActorRef(None, name, "person", None, None, name)
    return None


# ── channels ────────────────────────────────────────────────────────────────────────────

def _match_channel(lex: CueLexicon, words: list[str]) -> str | None:
    for phrase, channel, exact in lex.channels:
        if exact:
            if tuple(words) == phrase:
                return channel
            continue
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) == phrase:
                return channel
    return None


def _channel(view: ParseView, lex: CueLexicon, v: int) -> str | None:
    """A channel in the cue verb's prepositional phrases or addressee ("in a tweet", "on X",
    "told reporters", "said in a statement")."""
    found = []
    for c in view.children[v]:
        t = view.toks[c]
        if t.dep == "prep":
            for g in view.children[c]:
                if view.toks[g].dep == "pobj":
                    lo, hi = view.subtree(g)
                    words = [w.text.lower() for w in view.toks[lo:hi + 1]
                             if w.pos not in ("DET", "PUNCT", "SPACE")]
                    ch = _match_channel(lex, words)
                    if ch:
                        found.append(ch)
        elif t.dep in ("dobj", "dative") and view.toks[v].lemma.lower() in lex.addressee_verbs:
            ch = _match_channel(lex, [t.text.lower()])
            if ch:
                found.append(ch)
    return found[0] if found else None


# ── according to ────────────────────────────────────────────────────────────────────────

def _according_tokens(view: ParseView, lex: CueLexicon) -> list[int]:
    out = []
    for phrase in lex.according:
        n = len(phrase)
        for t in view.toks:
            if t.text.lower() == phrase[0] and t.i + n <= len(view.toks) and tuple(
                    w.text.lower() for w in view.toks[t.i:t.i + n]) == phrase:
                out.append(t.i)
    return sorted(out)


def _according_report(view: ParseView, lex: CueLexicon, i: int, earlier, author) -> Report | None:
    """"…, according to X": X is the speaker, the rest of the sentence the content."""
    obj = None
    for k in range(i + 1, min(i + 3, len(view.toks))):
        for g in view.children[k]:
            if view.toks[g].dep == "pobj":
                obj = g
    if obj is None:
        return None
    speaker, channel = _resolve_speaker(view, lex, obj, earlier, author)
    if speaker is None:
        return None
    s_lo, s_hi = view.sentence_bounds(i)
    p_lo, p_hi = view.subtree(i)
    p_lo = min(p_lo, i)
    pieces, toks = [], []
    for lo, hi in ((s_lo, p_lo - 1), (p_hi + 1, s_hi)):
        if lo > hi:
            continue
        lo, hi = _trim_plain(view, lo, hi)
        if lo <= hi:
            pieces.append((view.toks[lo].idx, _tok_end(view, hi)))
            toks.extend((lo, hi))
    if not pieces:
        return None
    return Report(cue_tok=i, cue=" ".join(lex.according[0]) if lex.according else "according to",
                  speaker_tok=obj, speaker=speaker, channel=channel, kind="according",
                  pieces=pieces, content_toks=(min(toks), max(toks)))


def _trim_plain(view: ParseView, lo: int, hi: int) -> tuple[int, int]:
    while lo <= hi and view.toks[lo].pos in ("PUNCT", "SPACE", "CCONJ"):
        lo += 1
    while lo <= hi and view.toks[hi].pos in ("PUNCT", "SPACE", "CCONJ"):
        hi -= 1
    return lo, hi


# ── attaching direct quotes ─────────────────────────────────────────────────────────────

def _attach_quotes(view: ParseView, lex: CueLexicon, reports: list[Report],
                   by_cue: dict[int, Report], author) -> None:
    """Give every quote span a report: the clause it is part of, the cue just before or
    after it, the previous speaker's quote it continues, or none (a scare quote)."""
    last_direct: Report | None = None
    for q in view.spans:
        rng = view.tok_range(q.cstart, q.cend)
        if rng is None:
            continue
        qlo, qhi = rng
        owner = _owning_clause(view, reports, qlo, qhi)
        if owner is not None:
            lo, hi = owner.content_toks
            inside = sum(1 for k in range(lo, hi + 1) if qlo <= k <= qhi and view.toks[k].pos != "PUNCT")
            total = sum(1 for k in range(lo, hi + 1) if view.toks[k].pos != "PUNCT") or 1
            if inside / total >= DIRECT_SHARE or (qlo <= lo and hi <= qhi):
                _set_direct(owner, q, qlo, qhi, append=owner.kind == "quote")
                last_direct = owner
            continue
        rep = _frame_before(view, by_cue, q, qlo) or _frame_after(view, by_cue, q, qhi)
        if rep is not None:
            if rep.pieces and rep.kind not in ("quote",):
                rep = _clone(rep)
                reports.append(rep)
            _set_direct(rep, q, qlo, qhi, append=rep.kind == "quote")
            last_direct = rep
            continue
        words = len(view.parsed.text[q.cstart:q.cend].split())
        if words < MIN_FREE_QUOTE_WORDS or not _starts_sentence(view, qlo):
            continue
        if last_direct is not None and last_direct.cue_tok is not None \
                and view.para(qlo) - view.para(last_direct.content_toks[1]) <= 1:
            rep = _clone(last_direct)
            rep.kind = "continued"
        else:
            rep = Report(cue_tok=None, cue=None, speaker_tok=None, speaker=None, channel=None,
                         kind="unattributed")
        _set_direct(rep, q, qlo, qhi, append=False)
        reports.append(rep)
        last_direct = rep if rep.speaker is not None else last_direct


def _owning_clause(view: ParseView, reports: list[Report], qlo: int, qhi: int) -> Report | None:
    """The innermost report whose content clause overlaps the quote's tokens."""
    best = None
    for r in reports:
        if r.content_toks is None or r.kind == "quote" or (r.cue_tok is not None and qlo <= r.cue_tok <= qhi):
            continue
        lo, hi = r.content_toks
        if lo <= qhi and qlo <= hi:
            if best is None or (hi - lo) < (best.content_toks[1] - best.content_toks[0]):
                best = r
    return best


def _frame_before(view: ParseView, by_cue: dict[int, Report], q: QuoteSpan, qlo: int) -> Report | None:
    """'X said: "…"' / 'X said, "…"' — the last cue before the quote in its sentence."""
    open_tok = view.tok_at(q.start)
    before = open_tok - 1
    if before < 0:
        return None
    s_lo, _ = view.sentence_bounds(open_tok)
    lo = s_lo
    for sp in view.spans:  # a split quote: start after the previous quote of the paragraph
        if sp.end <= q.start and view.para(view.tok_at(sp.start)) == view.para(open_tok):
            lo = min(lo, view.tok_at(sp.end - 1) + 1)
    prev_tok = view.toks[before]
    short = len(view.parsed.text[q.cstart:q.cend].split()) < MIN_FREE_QUOTE_WORDS
    for v in range(before, lo - 1, -1):
        if v in by_cue:
            a, b = view.subtree(v)
            if prev_tok.text in _FRAME_PUNCT or (a <= before <= b and not short):
                return by_cue[v]
            return None
    return None


def _frame_after(view: ParseView, by_cue: dict[int, Report], q: QuoteSpan, qhi: int) -> Report | None:
    """'"…," X said' / '"…," said X' — a cue within a few tokens after the closing mark."""
    k = view.tok_at(q.end - 1) + 1 if q.closed else qhi + 1
    seen = 0
    while k < len(view.toks) and seen < FRAME_AFTER_TOKENS:
        t = view.toks[k]
        if t.pos == "SPACE" and "\n" in t.text:
            return None
        if t.text in _QUOTE_CHARS or t.text in (".", "!", "?"):
            return None
        if k in by_cue:
            return by_cue[k] if _bare_attribution(view, k) else None
        if t.pos not in ("PUNCT",):
            seen += 1
        k += 1
    return None


def _bare_attribution(view: ParseView, v: int) -> bool:
    """'…," he said (in a statement).': nothing after the cue verb but its subject, adverbs
    and a channel — not '…," while X responded by shooting…'."""
    lex = cue_lexicon()
    for c in view.children[v]:
        if c < v:
            continue
        t = view.toks[c]
        if t.dep in ("nsubj", "punct", "npadvmod", "advmod", "dative") or t.pos == "SPACE":
            continue
        if t.dep == "dobj" and _match_channel(lex, [t.text.lower()]):
            continue
        if t.dep == "prep" and _channel(view, lex, v):
            continue
        return False
    return True


def _starts_sentence(view: ParseView, qlo: int) -> bool:
    s_lo, _ = view.sentence_bounds(qlo)
    return all(view.toks[k].pos in ("PUNCT", "SPACE") for k in range(s_lo, qlo))


def _set_direct(rep: Report, q: QuoteSpan, qlo: int, qhi: int, append: bool) -> None:
    piece = (q.cstart, q.cend)
    if append and rep.pieces:
        if piece not in rep.pieces:
            rep.pieces.append(piece)
        lo, hi = rep.content_toks
        rep.content_toks = (min(lo, qlo), max(hi, qhi))
    else:
        rep.pieces = [piece]
        rep.content_toks = (qlo, qhi)
    rep.direct = True
    rep.kind = "quote" if rep.kind not in ("continued", "unattributed") else rep.kind


def _clone(rep: Report) -> Report:
    return Report(cue_tok=rep.cue_tok, cue=rep.cue, speaker_tok=rep.speaker_tok,
                  speaker=rep.speaker, channel=rep.channel, stance=rep.stance, kind="quote",
                  speech=rep.speech)


# ── output ──────────────────────────────────────────────────────────────────────────────

_MARKS_RE = re.compile(r"(?<![A-Za-z])[‘'\"“”„«»]|[\"“”„«»’'](?![A-Za-z])")


def clean_content(text: str) -> str:
    """Content as readable text: no quote marks around words, no trailing punctuation."""
    text = _MARKS_RE.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;:—–-").rstrip(".").strip()


def report_text(parsed: ParsedDoc, rep: Report) -> str:
    """The content of a report, its pieces joined (a split quote reads as one)."""
    if rep.text:
        return rep.text
    return clean_content(" ".join(parsed.text[a:b] for a, b in sorted(rep.pieces)))


def _tok_idx(tok) -> int:
    return tok.idx


def report_sentence(parsed: ParsedDoc, rep: Report) -> tuple[int, str]:
    """The index of the report's (first) sentence and the text of all sentences it spans."""
    toks = parsed.tokens
    idx = [rep.cue_tok] if rep.cue_tok is not None else []
    for a, b in rep.pieces:
        idx.append(max(bisect.bisect_right(toks, a, key=_tok_idx) - 1, 0))
        idx.append(max(bisect.bisect_right(toks, max(a, b - 1), key=_tok_idx) - 1, 0))
    sents = [toks[i].sent for i in idx]
    first, last = min(sents), max(sents)
    sa, sb = parsed.sentences[first], parsed.sentences[last]
    anchor = toks[rep.cue_tok].sent if rep.cue_tok is not None else first
    return anchor, parsed.text[sa.start:sb.end]


def extract_quotes(parsed: ParsedDoc, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Every quote and piece of reported speech in a document, attributed.

    Returns Quotes in text order with ids ``{doc_id}:q{n}``; ``speaker`` is None only for a
    quote nothing attributes; ``cue`` is the reporting verb's lemma ("say", "according to").
    Raises DataError when a lexicon file is malformed.
    """
    out = []
    for rep in find_reports(parsed, mentions):
        if not rep.speech:
            continue
        content = report_text(parsed, rep)
        if not content:
            continue
        sent, sentence = report_sentence(parsed, rep)
        out.append(Quote(id=f"{parsed.doc_id}:q{len(out) + 1}", doc_id=parsed.doc_id, sent=sent,
                         sentence=sentence, speaker=rep.speaker, cue=rep.cue, content=content,
                         start=rep.start, end=rep.end, direct=rep.direct, channel=rep.channel))
    return tuple(out)
