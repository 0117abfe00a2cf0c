"""Who did what to whom: events found over spaCy's dependency parse, coded in PLOVER.

For each sentence:

1. **Triggers.** Words from the lexicon (``data/events/lexicon.yaml``): verbs ("struck"),
   phrasal and prepositional verbs ("shot down", "called for"), nouns ("India's missile
   strikes", "a phone conversation with Trump"), nouns carried by a light verb ("held
   talks", "responded with airstrikes"), and frame words whose event depends on what they
   govern ("offered to mediate" → AGREE-mediate, "denied any U.S. involvement" → REJECT-
   mediate, "threat of a 26% tariff" → THREATEN-restrict).
2. **Actor and recipient.** The subject (or the "by" agent of a passive), the controller of
   an infinitive ("offered to mediate"), the subject inherited along coordination and
   participles, the possessor or "by/from" phrase of a nominal; the object, dative and
   the prepositions that mark a recipient ("against/on/with/to/between"). Coordinated
   actors give a reciprocal event ("India and Pakistan agreed to a ceasefire"); the actor
   of a nominal with none of its own comes from the clause it sits in ("during a phone
   conversation with Trump"); an attack with no named perpetrator but a terror cue gets
   an unnamed non-state actor; a denial or condemnation of "the incident" points at the
   event it refers back to.
3. **Modality, date, place, figures** (see ``modality.py``, ``temporal.date_event``,
   ``places.py``, ``figures.py``).

Actors are always ActorRefs from the actor stage's mentions, or the clause's subject as an
unresolved ActorRef(kind="other"); none is invented, except an unnamed non-state actor
(kind "nsa", no id) where the text says militants or terror.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..records import ActorRef, Event, Mention, ParsedDoc, Place, TimeExpr
from ..temporal import date_event
from .coding import code_event
from .figures import find_figures
from .lexicon import Code, Lexicon, load_lexicon
from .modality import conditional_role, is_negated, load_cues, modality_of
from .places import claimants_in, find_place, resolve_phrase
from .places import lookup as lookup_place
from .syntax import Tree

# A quotation: curly or straight double quotes (single quotes nest inside and are too often
# apostrophes to pair on their own).
QUOTATION = re.compile(r"“[^”]{3,2000}”|\"[^\"]{3,2000}\"")
# How many sentences back an event anaphor ("the incident", "this move") may reach.
ANAPHOR_WINDOW = 3
# How many sentences back the parties of a mediation or an appeal may be looked for.
PARTIES_WINDOW = 3
# Confidence of an event by how its actor was found; the product of the factors applies.
CONFIDENCE = {
    "parse": 0.9,          # actor and recipient straight from the parse
    "context": 0.8,        # actor of a nominal taken from its clause, or a speaker
    "nsa-cue": 0.8,        # unnamed militants named by a cue word
    "nsa-victims": 0.6,    # unnamed attackers inferred from civilian victims
    "unresolved": 0.5,     # actor is a phrase the actor stage could not resolve
    "typo": 0.8,           # trigger read through a one-letter typo
    "place-target": 0.9,   # recipient is the state where an attack happened
    "recalled": 0.8,       # recipient recalled from an earlier event
}
VERB_POS = frozenset({"VERB", "AUX"})
# Which complement of a frame word is looked at first: its object or infinitive before its
# prepositional phrases ("has not lifted the tariffs despite talks" is about tariffs).
_COMPLEMENT_ORDER = {"dobj": 0, "xcomp": 0, "attr": 1, "oprd": 1, "nsubjpass": 1, "acl": 2, "pobj": 3,
                     "pcomp": 3, "advcl": 4, "compound": 5, "amod": 5, "nmod": 5, "conj": 6, "appos": 6}
NOUN_POS = frozenset({"NOUN", "PROPN"})
STATE_KINDS = frozenset({"state", "government", "military"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Pronouns that, unresolved inside what someone says, stand for the speaker ("Syria says it is
# willing", "we will retaliate"); not "you", which is whoever is addressed.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "it", "its", "he", "his", "she", "her",
                              "they", "their", "them"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Events whose confidence falls below this are dropped: an unresolved actor acting on an
# unresolved recipient (0.5 × 0.5) says too little to keep; every other combination stays.
MIN_CONFIDENCE = 0.3
# Precision budget: the issue asks for at most ~20 events on a 700-word article. Above 3.3 per
# 100 words (never fewer than 10 in all) the least informative events go first: statements
# with no recipient, then what did not happen, then what is only intended, then events with an
# unresolved actor or no recipient, then the least confident (see _trim). On the seeds only the
# densest article (618 words, 23 candidates) is trimmed, by its three least informative events.
MAX_EVENTS_PER_100_WORDS = 3.3
MIN_EVENT_BUDGET = 10
# Speech acts: addressed to the one told ("Modi told Trump that India will not accept ...").
SPEECH_ACT_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ACCUSE"})
# Types that respond to an earlier event: their object may refer back to it ("condemned this
# incident", "denied the accusation", "welcomed the move").
RESPONSE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Types whose recipient may be a place's state: "threatening to invade Azad Kashmir", "an
# attack in Pahalgam".
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "RETREAT", "CONCEDE", "AID"})
# ... of which these take only the place where it happened ("lifted a curfew in Montenegro",
# "withdrew from Panama"), not a place named as their object.
PLACE_ONLY_TYPES = frozenset({"RETREAT", "CONCEDE", "AID"})


@dataclass(slots=True)
class Trigger:
    """A word (or phrase) that reports an event, and what carries its clause."""

    tok: int
    toks: tuple[int, ...]
    plover: str
    mode: str | None
    kind: str                      # "verb", "noun" or "adj"
    carrier: int                   # the verb whose clause the event is in
    light: bool = False            # the carrier is a light verb that lends its subject
    frame: str | None = None
    complement: int | None = None  # the word that decided a frame's event
    wrapper: int | None = None     # a generic complement above it ("offer" in "offer to mediate")
    negation_absorbed: bool = False
    typo: bool = False


@dataclass(slots=True)
class Party:
    """An actor found for an event, the token that named it and how it was found."""

    ref: ActorRef
    tok: int
    how: str = "parse"


@dataclass(slots=True)
class _Draft:
    trigger: Trigger
    source: Party | None
    targets: list[Party]
    plover: str
    mode: str | None
    modality: str
    factors: list[str] = field(default_factory=list)
    place: Place | None = None


def actor_key(ref: ActorRef | None):
    """Identity of an actor for de-duplication: its id, or its name, country and kind."""
    if ref is None:
        return None
    return ref.actor_id or (ref.name, ref.country, ref.kind)


class Extractor:
    """Extraction state for one document (the tree, the lexicon, the events so far)."""

    def __init__(self, parsed: ParsedDoc, mentions: Sequence[Mention], timexes: Sequence[TimeExpr]):
        self.parsed = parsed
        self.tree = Tree(parsed, mentions)
        self.timexes = tuple(timexes)
        self.lex: Lexicon = load_lexicon()
        self.cues = load_cues()
        self.events: list[Event] = []
        self.drafts: list[tuple[_Draft, int]] = []     # (draft, sentence) for anaphora and recall
        self.noun_event: dict[int, _Draft] = {}        # nominal trigger token → its draft
        self._quotes: list[tuple[int, int, int | None]] | None = None

    # ── lexicon lookups ───────────────────────────────────────────────────────────────
    def verb_keys(self, i: int) -> list[tuple[str, tuple[int, ...]]]:
        """Phrase keys for a verb, longest first: "crack down on", "shoot down", "call for"."""
        tr = self.tree
        lemma = tr.lemma(i)
        keys: list[tuple[str, tuple[int, ...]]] = []
        prts = tr.kids(i, ("prt",))
        preps = tr.kids(i, ("prep", "agent"))
        # "called for both sides to avoid ...": "for" marks the clause, not the verb
        preps += [m for c in tr.kids(i, ("advcl", "ccomp", "xcomp")) for m in tr.kids(c, ("mark",))
                  if tr.lower(m) == "for"]
        objs = tr.kids(i, ("dobj", "oprd", "ccomp", "acomp", "xcomp", "attr"))
        for p in prts:
            for q in preps:
                keys.append((f"{lemma} {tr.lower(p)} {tr.lower(q)}", (i, p, q)))
        for q in preps:
            for o in tr.kids(q, ("pobj",)):
                keys.append((f"{lemma} {tr.lower(q)} {tr.lemma(o)}", (i, q, o)))
        for p in prts:
            keys.append((f"{lemma} {tr.lower(p)}", (i, p)))
        for q in preps:
            keys.append((f"{lemma} {tr.lower(q)}", (i, q)))
        for o in objs:
            keys.append((f"{lemma} {tr.lemma(o)}", (i, o)))
            keys.append((f"{lemma} {tr.lower(o)}", (i, o)))
        keys.append((lemma, (i,)))
        return keys

    def noun_keys(self, i: int) -> list[tuple[str, tuple[int, ...]]]:
        """Phrase keys for a noun: "cessation of hostilities", "air strike", "call for"."""
        tr = self.tree
        lemma = tr.lemma(i)
        keys: list[tuple[str, tuple[int, ...]]] = []
        for q in tr.kids(i, ("prep",)):
            for o in tr.kids(q, ("pobj",)):
                keys.append((f"{lemma} {tr.lower(q)} {tr.lemma(o)}", (i, q, o)))
        for m in tr.kids(i, ("compound", "amod", "nmod")):
            keys.append((f"{tr.lemma(m)} {lemma}", (m, i)))
            keys.append((f"{tr.lower(m)} {lemma}", (m, i)))
        for q in tr.kids(i, ("prep",)):
            keys.append((f"{lemma} {tr.lower(q)}", (i, q)))
        keys.append((lemma, (i,)))
        keys.append((tr.lower(i), (i,)))
        return keys

    def is_idiom(self, i: int) -> bool:
        """"strike a blow", "meet the deadline": a verb phrase that is not an event."""
        return any(key in self.lex.idioms for key, _ in self.verb_keys(i))

    def keys_of(self, i: int) -> list[tuple[str, tuple[int, ...]]]:
        pos = self.tree.tok(i).pos
        if pos in VERB_POS:
            return self.verb_keys(i)
        if pos in NOUN_POS:
            return self.noun_keys(i)
        return [(self.tree.lemma(i), (i,)), (self.tree.lower(i), (i,))]

    def complement_class(self, i: int) -> str | None:
        for key, _ in self.keys_of(i):
            cls = self.lex.complement_of.get(key)
            if cls:
                return cls
        return None

    def qualified(self, i: int, key: str) -> bool:
        """A qualified noun ("duty") is an event word only with one of its modifiers."""
        need = self.lex.qualified_nouns.get(key)
        if need is None:
            return True
        tr = self.tree
        for c in tr.kids(i):
            if tr.lemma(c) in need or tr.lower(c) in need or tr.tok(c).dep == "poss" and "'s" in need:
                return True
            for g in tr.kids(c):
                if tr.lower(g) in need:
                    return True
        return False

    def typo_noun(self, i: int) -> Code | None:
        """A noun one letter short of a noun trigger ("strik" → strike)."""
        word = self.tree.lower(i)
        if not word.isalpha() or len(word) + 1 < self.lex.typo_min_length:
            return None
        for key, code in self.lex.nouns.items():
            if " " in key or len(key) < self.lex.typo_min_length or abs(len(key) - len(word)) > 1:
                continue
            if _one_edit(word, key):
                return code
        return None

    # ── triggers ──────────────────────────────────────────────────────────────────────
    def carrier_of(self, i: int) -> tuple[int, bool]:
        """The verb that carries token i's clause, and whether it is a light verb for it."""
        tr = self.tree
        t = tr.tok(i)
        if t.pos in VERB_POS:
            return i, False
        head = t.head
        if t.dep in ("dobj", "attr", "oprd", "nsubjpass") and tr.tok(head).pos in VERB_POS:
            paths = self._light_paths(head)
            if paths and ("dobj" if t.dep != "nsubjpass" else "nsubjpass") in paths:
                return head, True
        if t.dep == "pobj" and tr.lower(head) == "of" and tr.tok(tr.head(head)).pos == "NOUN" \
                and tr.tok(tr.head(head)).dep in ("dobj", "nsubjpass"):
            # "provide 25,000 tons of food aid": the measure's verb carries the aid
            carrier, light = self.carrier_of(tr.head(head))
            if light:
                return carrier, True
        if t.dep == "pobj":
            prep = head
            verb = tr.head(prep)
            if tr.tok(verb).pos in VERB_POS:
                paths = self._light_paths(verb)
                if paths and tr.lower(prep) in paths:
                    return verb, True
        for a in tr.ancestors(i):
            if tr.tok(a).pos in VERB_POS:
                return a, False
        return i, False

    def _light_paths(self, verb: int) -> tuple[str, ...]:
        tr = self.tree
        lemma = tr.lemma(verb)
        for p in tr.kids(verb, ("prt",)):
            paths = self.lex.light_verbs.get(f"{lemma} {tr.lower(p)}")
            if paths:
                return paths
        return self.lex.light_verbs.get(lemma, ())

    def find_complements(self, i: int) -> list[tuple[int, str, int, int | None]]:
        """Complement words of a frame word with their class: (token, class, depth, wrapper)."""
        tr = self.tree
        out = []
        frontier = [(i, None)]
        seen = {i}
        for depth in (1, 2, 3):
            nxt = []
            for j, wrapper in frontier:
                kids = []
                if j != i and self._opaque_frame(j):
                    continue  # "agreed to lift the embargo": don't look inside "lift"
                for c in tr.kids(j):
                    d = tr.tok(c).dep
                    if d in ("xcomp", "dobj", "acl", "attr", "oprd", "pcomp", "conj", "appos", "advcl", "nsubjpass",
                             "compound", "nmod", "ccomp") or (d == "amod" and j == i):
                        kids.append(c)
                    elif d in ("prep", "agent", "dative") and tr.lower(c) in self.lex.complement_preps:
                        kids.extend(tr.kids(c, ("pobj", "pcomp")))
                kids.sort(key=lambda c: _COMPLEMENT_ORDER.get(tr.tok(c).dep, 9))
                for c in kids:
                    if c in seen:
                        continue
                    seen.add(c)
                    if tr.tok(c).dep == "advcl" and tr.kids(c, ("nsubj", "nsubjpass")) and not any(
                            tr.lower(m) in ("for", "to") for m in tr.kids(c, ("mark", "aux"))):
                        continue
                    if tr.tok(c).dep == "advcl" and any(tr.lower(m) in self.cues.conditional_marks
                                                        for m in tr.kids(c, ("mark",))):
                        continue  # "willing to help if it is attacked": the condition is not the offer
                    cls = self.complement_class(c)
                    if cls:
                        out.append((c, cls, depth, wrapper))
                    nxt.append((c, (c if cls in self.lex.wrapper_classes else wrapper)))
            frontier = nxt
        return out

    def _opaque_frame(self, j: int) -> bool:
        """Whether token j is a frame word whose complement belongs to it alone."""
        for key, _ in self.keys_of(j):
            name = self.lex.frame_of.get(key)
            if name:
                return not self.lex.frames[name].transparent
        return False

    def frame_trigger(self, i: int) -> list[Trigger]:
        tr = self.tree
        t = tr.tok(i)
        if t.pos not in VERB_POS | NOUN_POS | {"ADJ"}:
            return []
        if t.pos == "AUX" and not tr.kids(i, ("xcomp", "dobj")):
            return []
        if t.pos in VERB_POS and self.is_idiom(i):
            return []
        name = None
        key_toks: tuple[int, ...] = (i,)
        for key, toks in self.keys_of(i):
            if key in self.lex.frame_of:
                name, key_toks = self.lex.frame_of[key], toks
                break
        if name is None:
            return []
        if t.pos in NOUN_POS and t.dep == "compound":
            return []  # "opposition groups": a modifier
        need_pos = self.lex.frame_pos.get(tr.lemma(i))
        if need_pos and t.pos != need_pos:
            return []
        frame = self.lex.frames[name]
        carrier = i
        light = False
        if t.pos == "ADJ":
            # "willing to", "open to": the adjective's copula carries the clause
            if t.dep not in ("acomp", "amod", "ROOT", "xcomp"):
                return []
            carrier = t.head if t.dep in ("acomp", "xcomp") else i
        elif t.pos in NOUN_POS:
            carrier, light = self.carrier_of(i)
        negated = is_negated(tr, i, self.cues) or (carrier != i and t.pos == "ADJ" and is_negated(tr, carrier, self.cues))
        absorbed = False
        if negated and frame.when_negated:
            frame = self.lex.frames[frame.when_negated]
            absorbed = True
        comps = self.find_complements(i)
        specific = [c for c in comps if c[1] in frame.classes and c[1] not in self.lex.wrapper_classes]
        generic = [c for c in comps if c[1] in frame.classes and c[1] in self.lex.wrapper_classes]
        chosen = specific or generic
        triggers = []
        if chosen:
            tok, cls, _, wrapper = chosen[0]
            if wrapper is None and specific:
                # "rejected a leader's offer, ..., to mediate": the offer is the wrapper even
                # when the parse hangs "to mediate" on the verb
                wrapper = next((c[0] for c in generic if c[2] == 1 and c[0] != tok), None)
            plover, mode = frame.classes[cls]
            own = self.lex.nouns.get(tr.lemma(tok)) if tr.tok(tok).pos in NOUN_POS else None
            if own and own[0] == plover and own[1]:
                mode = own[1]  # "reimposed blockades": COERCE-blockade, not just restrict
            triggers.append(Trigger(tok=i, toks=key_toks, plover=plover, mode=mode,
                                    kind=_kind(t.pos), carrier=carrier, light=light, frame=frame.name,
                                    complement=tok, wrapper=wrapper, negation_absorbed=absorbed))
            # "agreed to a ceasefire and talks": each coordinated complement is an event
            for c in tr.kids(tok, ("conj",)):
                ccls = self.complement_class(c)
                if ccls and ccls in frame.classes and ccls != cls:
                    p2, m2 = frame.classes[ccls]
                    triggers.append(Trigger(tok=i, toks=key_toks, plover=p2, mode=m2, kind=_kind(t.pos),
                                            carrier=carrier, light=light, frame=frame.name, complement=c,
                                            negation_absorbed=absorbed))
            return triggers
        if frame.default is None:
            return []
        plover, mode = frame.default
        lexical = self._lexical_code(i)
        if lexical and lexical[0] == plover:
            mode = lexical[1]
        wrapper = next((c[0] for c in comps if c[1] in self.lex.wrapper_classes), None)
        return [Trigger(tok=i, toks=key_toks, plover=plover, mode=mode, kind=_kind(t.pos), carrier=carrier,
                        light=light, frame=frame.name, complement=None, wrapper=wrapper,
                        negation_absorbed=absorbed)]

    def _lexical_type(self, i: int) -> str | None:
        code = self._lexical_code(i)
        return code[0] if code else None

    def _lexical_code(self, i: int) -> Code | None:
        table = self.lex.verbs if self.tree.tok(i).pos in VERB_POS else self.lex.nouns
        for key, _ in self.keys_of(i):
            if key in table:
                return table[key]
        return None

    def plain_trigger(self, i: int) -> Trigger | None:
        tr = self.tree
        t = tr.tok(i)
        if t.pos == "VERB":
            if self.is_idiom(i):
                return None
            for key, toks in self.verb_keys(i):
                code = self.lex.verbs.get(key)
                if code:
                    if key in self.lex.needs_object and not tr.kids(i, ("dobj", "nsubjpass", "dative")):
                        return None
                    return Trigger(tok=i, toks=toks, plover=code[0], mode=code[1], kind="verb", carrier=i)
            return None
        if t.pos == "NOUN" or (t.pos == "PROPN" and t.ent_type == ""):
            if t.dep == "compound":
                return None  # "opposition leader", "war games", "aid groups": a modifier, not an event
            if tr.lemma(i) in self.lex.vehicle_nouns:
                # "a mediation mission", "an aid programme": the head carries its modifier's event
                for m in tr.kids(i, ("compound", "amod")):
                    code = self.lex.nouns.get(tr.lemma(m))
                    if code:
                        carrier, light = self.carrier_of(i)
                        return Trigger(tok=i, toks=(m, i), plover=code[0], mode=code[1], kind="noun",
                                       carrier=carrier, light=light)
            for key, toks in self.noun_keys(i):
                code = self.lex.nouns.get(key)
                if code and self.qualified(i, key):
                    carrier, light = self.carrier_of(i)
                    return Trigger(tok=i, toks=toks, plover=code[0], mode=code[1], kind="noun",
                                   carrier=carrier, light=light)
            if t.tag in ("NN", "NNS") or t.pos == "PROPN":
                code = self.typo_noun(i)
                if code:
                    carrier, light = self.carrier_of(i)
                    return Trigger(tok=i, toks=(i,), plover=code[0], mode=code[1], kind="noun",
                                   carrier=carrier, light=light, typo=True)
        return None

    def is_imperative(self, i: int) -> bool:
        """Whether token i sits under a sentence-initial imperative ("Dust off previous
        proposals, ... the talks"): what it lists are not reported events."""
        tr = self.tree
        root = i
        for a in tr.ancestors(i):
            root = a
        t = tr.tok(root)
        sent = tr.parsed.sentences[t.sent]
        first = next((j for j in range(sent.tok_start, sent.tok_end) if tr.tok(j).pos not in ("PUNCT", "ADV")), root)
        return (t.tag == "VB" and root == first and not tr.kids(root, ("nsubj", "nsubjpass", "aux"))
                and tr.lower(root) not in ("let",))

    def triggers(self, sent) -> list[Trigger]:
        """Every trigger of a sentence; a frame's complement is not a trigger of its own."""
        frames: list[Trigger] = []
        consumed: set[int] = set()
        for i in range(sent.tok_start, sent.tok_end):
            for trig in self.frame_trigger(i):
                frames.append(trig)
                frame = self.lex.frames[trig.frame]
                if frame.consumes:
                    for c in (trig.complement, trig.wrapper):
                        if c is not None:
                            consumed.update(self._path(trig.tok, c))
                            consumed.update(self.tree.subtree(c, frozenset({"relcl"})))
                    if trig.complement is None:
                        # "refused to allow planes to land and evacuate": what is refused,
                        # threatened or asked for has not happened
                        for c in self.tree.kids(trig.tok, ("xcomp",)):
                            consumed.update(self.tree.subtree(c, frozenset({"relcl"})))
        # a frame inside another frame's complement ("offered to help"): keep the outer one
        frames = [f for f in frames if f.tok not in consumed and not self.is_generic(f.tok)]
        frame_toks = {f.tok for f in frames}
        plain = []
        for i in range(sent.tok_start, sent.tok_end):
            if i in consumed or i in frame_toks or self.is_topic(i) or self.is_generic(i):
                continue
            trig = self.plain_trigger(i)
            if trig:
                plain.append(trig)
                # "lodged a protest": the object named in the verb's phrase is not an event
                consumed.update(t for t in trig.toks if t != trig.tok)
        return [t for t in plain + frames if not self.is_imperative(t.tok)
                and not self.in_name(t.tok)]

    def is_generic(self, i: int) -> bool:
        """A verb that only describes a noun ("its role in mediating", "the right to defend
        itself", "a policy to withdraw"): not an event, unless the noun is itself an event
        word or an intention ("plans to impose tariffs")."""
        tr = self.tree
        t = tr.tok(i)
        if t.pos not in VERB_POS:
            return False
        noun = None
        if t.dep == "acl" and t.tag in ("VB", "VBG"):
            noun = t.head
        elif t.dep == "pcomp":
            noun = tr.head(t.head)
        if noun is None or tr.tok(noun).pos not in NOUN_POS or noun in self.tree.mention_of:
            return False
        if self.is_event_word(noun) or tr.lemma(noun) in self.cues.intention_nouns:
            return False
        return True

    def is_topic(self, i: int) -> bool:
        """A nominal that is the topic of another event word ("talks on a trade deal",
        "no discussions on a trade deal"): a subject of talk, not an event."""
        tr = self.tree
        t = tr.tok(i)
        if t.dep != "pobj" or t.pos not in NOUN_POS:
            return False
        prep = t.head
        if tr.lower(prep) not in ("on", "about", "over", "regarding", "concerning"):
            return False
        return self.is_event_word(tr.head(prep))

    def in_name(self, i: int) -> bool:
        """Whether a trigger word is part of a name ("Indian Illegally Occupied Jammu and
        Kashmir", "the Strike Force"): names are not events."""
        t = self.tree.tok(i)
        if t.ent_type in ("GPE", "LOC", "ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON") and t.text[:1].isupper():
            return True
        m = self.tree.mention_of.get(i)
        return m is not None and len(m.text.split()) > 1 and t.text[:1].isupper()

    def _path(self, top: int, low: int) -> list[int]:
        """Tokens from ``low`` up to (not including) ``top``."""
        out = [low]
        for a in self.tree.ancestors(low):
            if a == top:
                break
            out.append(a)
        return out

    # ── actors ────────────────────────────────────────────────────────────────────────
    def parties_at(self, a: int, deep: bool = True, loose: bool = False) -> list[Party]:
        """The actors a noun phrase names: its mention, its coordinated mentions, or the
        mentions among its modifiers ("Indian and Pakistani jets", "leaders of both").
        ``loose`` (for recipients): a possessor names the one affected whatever the noun
        ("backing for India's right", "praised Haiti's efforts")."""
        tr = self.tree
        out: list[Party] = []
        for c in tr.conjuncts(a):
            m = tr.mention_of.get(c)
            if m is not None:
                out.extend(self._refs(m, c))
                continue
            if tr.tok(c).pos == "PRON" and tr.lower(c) in ("you", "your"):
                out.extend(replace(p, how="context") for p in self.addressed(c))
                continue
            if tr.tok(c).pos == "PRON" and tr.lower(c) in SPEAKER_PRONOUNS:
                # "Syria says its forces ...": an unresolved pronoun in speech is the speaker
                speakers, _ = self.speaker_of(c)
                out.extend(replace(p, tok=c, how="context") for p in speakers)
                continue
            found: list[Party] = []
            if tr.lemma(c) in self.lex.actor_nouns or tr.tok(c).pos == "PROPN":
                mods = ("poss", "compound", "amod", "nmod")  # "Indian officials", "Pakistani jets"
            else:
                mods = ("poss",) if loose else ()
            for k in tr.kids(c, mods):
                for kk in tr.conjuncts(k):
                    mk = tr.mention_of.get(kk)
                    if mk is not None:
                        found.extend(self._refs(mk, kk))
            if not found and tr.lemma(c) in self.lex.actor_nouns:
                for k in tr.kids(c, ("appos",)):  # "the forum (APEC)"
                    mk = tr.mention_of.get(k)
                    if mk is not None:
                        found.extend(self._refs(mk, k))
            if not found and deep:
                for _, o in tr.prep_objects(c, ("of",)):
                    found.extend(self.parties_at(o, deep=False, loose=loose))
            out.extend(found)
        return _unique(out)

    def _refs(self, m: Mention, tok: int) -> list[Party]:
        resolved = [ref for ref in m.refs if ref.actor_id or ref.country or ref.kind != "other"]
        if resolved:
            return [Party(ref, tok) for ref in resolved]
        if lookup_place(m.text) is not None:
            return []  # an unknown place name ("Chornomorsk") is where, not who
        return [Party(ActorRef(actor_id=None, name=m.text, kind="other", text=m.text), tok, "unresolved")]

    def unresolved(self, i: int) -> list[Party]:
        """The clause's subject as an unresolved actor, when it is a noun phrase that names
        someone (not an event word, a date or a pronoun)."""
        tr = self.tree
        # "Thousands of Nigerians", "a group of students": the crowd, not the number
        for _ in range(3):
            if tr.tok(i).ent_type == "CARDINAL" or tr.lemma(i) in self.lex.quantity_nouns:
                objs = [o for _, o in tr.prep_objects(i, ("of",))]
                if not objs:
                    break
                i = objs[0]
        t = tr.tok(i)
        if t.pos not in NOUN_POS or t.tag in RELATIVE_TAGS or t.ent_type in ("DATE", "TIME", "CARDINAL"):
            return []
        if self.is_event_word(i) or tr.lemma(i) in self.lex.non_agents:
            return []
        if t.ent_type in ("GPE", "LOC", "FAC") or (t.text.isupper() and len(t.text) > 3):
            return []  # a place or a dateline ("ISTANBUL, July 22 —") is not an actor
        if t.pos != "PROPN" and tr.lemma(i) not in self.lex.actor_nouns:
            return []
        toks = [i] + [c for c in tr.kids(i, ("compound", "amod", "flat")) if c < i]
        text = tr.text(min(toks), max(toks) + 1)
        country = None
        for _, o in tr.prep_objects(i, ("in", "from", "of")):
            # "opposition groups in Zimbabwe", "doctors from Cuba": whose they are
            m = tr.mention_of.get(o)
            if m is not None and len(m.refs) == 1 and m.refs[0].kind == "state":
                country = m.refs[0].country
        return [Party(ActorRef(actor_id=None, name=text, kind="other", country=country, text=text), i,
                      "unresolved")]

    def looks_named(self, i: int) -> bool:
        """Whether a noun phrase names someone: a proper noun, or a capitalised modifier not
        at the start of the sentence ("the Azerbaijani parliament", "Kenzo Oshima")."""
        tr = self.tree
        sent = tr.parsed.sentences[tr.tok(i).sent]
        near = [i, *tr.kids(i, ("compound", "amod", "flat", "nmod"))]
        for _, o in tr.prep_objects(i, ("of", "from", "in")):
            near.extend([o, *tr.kids(o, ("compound", "amod"))])
        for j in near:
            t = tr.tok(j)
            if t.pos == "PROPN" or t.ent_type in ("NORP", "GPE", "ORG", "PERSON"):
                return True
            if t.text[:1].isupper() and j != sent.tok_start:
                return True
        return False

    def is_event_word(self, i: int) -> bool:
        """Whether token i is a word of the event lexicon (trigger, frame or complement)."""
        lex = self.lex
        for key, _ in self.keys_of(i):
            if key in lex.nouns or key in lex.verbs or key in lex.frame_of or key in lex.complement_of:
                return True
        return False

    def antecedent(self, v: int) -> int:
        """The noun a relative clause modifies, skipping a date it happens to hang on ("an
        attack in Pahalgam on April 22, which killed 26")."""
        tr = self.tree
        h = tr.head(v)
        if tr.tok(h).ent_type not in ("DATE", "TIME"):
            return h
        j = min(tr.full_subtree(h))
        while j > 0:
            j -= 1
            t = tr.tok(j)
            if t.pos == "NOUN" and t.ent_type not in ("DATE", "TIME"):
                return j
            if t.pos in ("VERB", "AUX") or t.dep == "ROOT":
                break
        return h

    def subject_parties(self, v: int, depth: int = 0) -> list[Party]:
        """Who does what verb v says: its subject, the "by" agent of a passive, or the
        controller inherited through infinitives, coordination and participles."""
        tr = self.tree
        if depth > 6:
            return []
        t = tr.tok(v)
        if tr.is_passive(v) and t.pos in VERB_POS:
            for _, o in tr.prep_objects(v, ("by",)):
                ps = self.parties_at(o)
                if ps:
                    return ps
            return []
        subj = tr.kid(v, "nsubj", "csubj")
        if subj is not None and tr.tok(subj).text.isupper() and tr.mention_of.get(subj) is None:
            # "ISTANBUL, July 22, 2022 — Russia and Ukraine signed ...": the dateline took
            # the subject's place; the actors after its dash are the subject
            after = [j for j in tr.full_subtree(subj) if tr.tok(j).text in ("—", "–", "-", "--")]
            if after:
                ps = [p for j in tr.full_subtree(subj) if j > after[0] and (m := tr.mention_of.get(j)) is not None
                      for p in self._refs(m, j)]
                if ps:
                    return _unique(ps)
        if subj is not None:
            if tr.tok(subj).tag in RELATIVE_TAGS and t.dep == "relcl":
                a = self.antecedent(v)
                ps = self.parties_at(a)
                if ps:
                    return ps
                event = self.noun_event.get(a)
                if event is not None and event.source is not None:
                    return [replace(event.source, tok=a, how="context")]
                return self.unresolved(a)
            ps = self.parties_at(subj)
            if ps:
                return ps
            if tr.tok(subj).pos == "PRON" and tr.lower(subj) in SPEAKER_PRONOUNS:
                # "Syria says it is willing to ...": an unresolved pronoun in what someone
                # says is, most often, the speaker
                speakers, _ = self.speaker_of(v)
                return [replace(p, how="context") for p in speakers]
            event = self.noun_event.get(subj)
            if event is not None and event.source is not None:
                return [replace(event.source, tok=subj, how="context")]
            ref = self.refer_back(subj)
            if ref is not None and ref.source is not None:
                return [replace(ref.source, tok=subj, how="context")]
            return self.unresolved(subj)
        dep, h = t.dep, t.head
        if h == v:
            return []
        if dep == "xcomp":
            if tr.lemma(h) in self.lex.object_control_verbs:
                obj = tr.kid(h, "dobj")
                if obj is not None:
                    return self.parties_at(obj) or self.unresolved(obj)
            return self.subject_parties(h, depth + 1)
        if dep == "conj" and tr.tok(h).pos in VERB_POS:
            return self.subject_parties(h, depth + 1)
        if dep == "advcl" and tr.tok(h).pos in VERB_POS:
            return self.subject_parties(h, depth + 1)
        if dep == "pcomp":
            g = tr.head(h)
            if tr.lower(h) in ("for", "of") and tr.kid(g, "dobj") is not None:
                obj = tr.kid(g, "dobj")
                return self.parties_at(obj) or self.unresolved(obj)
            if tr.tok(g).pos in VERB_POS:
                return self.subject_parties(g, depth + 1)
            if tr.tok(g).pos == "ADJ" and tr.tok(tr.head(g)).pos in VERB_POS:
                return self.subject_parties(tr.head(g), depth + 1)  # "are guilty of violating"
            # a mis-parsed main clause hangs the gerund on its subject noun
            return self.noun_source(g) or (self.parties_at(g) if tr.tok(g).dep == "ROOT" else [])
        if dep == "acl":
            if tr.tok(h).dep == "ROOT" and tr.tok(h).pos == "PROPN" and t.tag in ("VBD", "VBN"):
                return self.parties_at(h)  # a mis-parsed main clause: "The U.S. aligned with ..."
            if tr.is_passive(v):
                return []
            return self.noun_source(h) or self.parties_at(h)
        if dep == "relcl":
            return self.parties_at(h)
        return []

    def noun_source(self, n: int, plover: str | None = None) -> list[Party]:
        """The actor of a nominal: its possessor, "by/from" phrase or an actor modifier."""
        tr = self.tree
        event = self.noun_event.get(n)
        if event is not None and event.source is not None:
            return [event.source]
        out: list[Party] = []
        for p in tr.kids(n, ("poss",)):
            out.extend(self.parties_at(p))
        preps = self.lex.agent_preps | ({"of"} if plover in self.lex.agent_of_types else set())
        for _, o in tr.prep_objects(n, preps):
            out.extend(self.parties_at(o))
        if not out:
            for k in tr.kids(n, ("compound", "amod", "nmod")):
                for kk in tr.conjuncts(k):
                    m = tr.mention_of.get(kk)
                    if m is not None and not _covers(m, n, tr):
                        out.extend(self._refs(m, kk))
        if not out:
            # the actor stage reads "a terror attack" as naming its (non-state) perpetrator
            m = tr.mention_of.get(n)
            if m is not None and m.refs and all(r.kind == "nsa" for r in m.refs):
                out.extend(Party(r, n, "nsa-cue") for r in m.refs)
        return _unique(out)

    def object_parties(self, v: int, plover: str, skip: set[int], recall: bool = False) -> list[Party]:
        """The recipients of verb v: object, dative, passive subject, marked prepositions;
        with ``recall``, an object that refers back to an event ("condemned this incident")
        gives that event's actor."""
        tr = self.tree
        out: list[Party] = []
        t = tr.tok(v)
        if tr.is_passive(v) and not (self.lex.frame_of.get(tr.lemma(v)) and not tr.kids(v, ("agent",))):
            subj = tr.kid(v, "nsubjpass")
            if subj is not None:
                out.extend(self.parties_at(subj))
            elif t.dep in ("acl", "relcl") and t.tag == "VBN":
                out.extend(self.parties_at(t.head))
        for c in tr.kids(v, ("dobj", "dative", "iobj")):
            if c in skip:
                continue
            ps = self.parties_at(c, loose=True)
            if not ps and recall:
                ref = self.refer_back(c)
                if ref is not None and ref.source is not None:
                    ps = [replace(ref.source, tok=c, how="recalled")]
            out.extend(ps)
        for prep, o in tr.prep_objects(v, self.lex.prep_targets(plover)):
            if o in skip:
                continue
            out.extend(self.parties_at(o, loose=True))
        # "lodged an official protest with Albania": the phrase's noun carries the recipient
        for c in tr.kids(v, ("dobj",)):
            if c in skip and c != v:
                for prep, o in tr.prep_objects(c, self.lex.prep_targets(plover)):
                    out.extend(self.parties_at(o, loose=True))
        if recall:
            # "complained over Israeli air raids": the grievance's actor
            for prep, o in tr.prep_objects(v, self.lex.prep_targets(plover)):
                event = self.noun_event.get(o)
                if event is not None and event.source is not None and not self.parties_at(o):
                    out.append(replace(event.source, tok=o, how="recalled"))
        # "rejected the offer, this time from Trump, ...": a "from" phrase on an adverbial
        for adv in tr.kids(v, ("npadvmod",)):
            for prep, o in tr.prep_objects(adv, self.lex.agent_preps):
                out.extend(self.parties_at(o))
        # "an accusation Islamabad denied": the relative clause's object is its antecedent
        if t.dep == "relcl" and tr.kid(v, "nsubj") is not None and tr.kid(v, "dobj") is None \
                and tr.tok(tr.kid(v, "nsubj")).tag not in RELATIVE_TAGS:
            a = self.antecedent(v)
            ps = self.parties_at(a)
            if not ps:
                ref = self.refer_back(a)
                if ref is not None and ref.source is not None:
                    ps = [replace(ref.source, tok=a, how="recalled")]
            out.extend(ps)
        return _unique(out)

    def clause_target(self, v: int) -> list[Party]:
        """The first actor in the subject of a verb's that-clause ("acknowledged that India's
        proposal ...", "welcomed that Pakistan ...")."""
        tr = self.tree
        for c in tr.kids(v, ("ccomp",)):
            subj = tr.kid(c, "nsubj", "nsubjpass")
            if subj is not None:
                ps = self.parties_at(subj)
                if ps:
                    return ps
        return []

    def noun_parties(self, n: int, plover: str) -> tuple[list[Party], list[Party]]:
        """(actors, recipients) of a nominal trigger from its own phrase."""
        tr = self.tree
        lemma = tr.lemma(n)
        sources: list[Party] = []
        targets: list[Party] = []
        between: list[Party] = []
        for prep, o in tr.prep_objects(n, self.lex.prep_targets(plover) | {"between", "among"}):
            if prep in ("between", "among"):
                between.extend(self.parties_at(o))
            else:
                targets.extend(self.parties_at(o, loose=True))
        t = tr.tok(n)
        if t.dep in ("nsubj", "nsubjpass", "dobj") and tr.tok(t.head).pos in VERB_POS:
            # "a conflict erupted between X and Y", "talks were held between X and Y"
            for prep, o in tr.prep_objects(t.head, ("between", "among")):
                between.extend(self.parties_at(o))
        if lemma in self.lex.party_nouns:
            mods = []
            for k in tr.kids(n, ("poss", "compound", "amod", "nmod")):
                for kk in tr.conjuncts(k):
                    m = tr.mention_of.get(kk)
                    if m is not None:
                        mods.extend(self._refs(m, kk))
            parties = _unique(mods + between)
            if len(parties) >= 2:
                return [parties[0]], parties[1:]
            if parties and targets:
                return parties[:1], targets
            if between:
                return [], _unique(between)
            return [], targets
        sources = self.noun_source(n, plover)
        if between:
            if sources:
                targets.extend(between)
            else:
                sources, targets = between[:1], between[1:] + targets
        return _unique(sources), _unique(targets)

    def context_subject(self, n: int) -> list[Party]:
        """The subject of the clause a nominal sits in ("Modi conveyed ... during a phone
        conversation with Trump"): the actor of a meeting, call or offer named without one."""
        tr = self.tree
        if tr.tok(n).dep != "pobj":
            return []
        prep = tr.head(n)
        verb = tr.head(prep)
        if tr.tok(verb).pos not in VERB_POS or tr.is_passive(verb):
            return []
        return [replace(p, how="context") for p in self.subject_parties(verb) if p.tok != n]

    def nsa_party(self, trig: Trigger, sent) -> Party | None:
        """An unnamed non-state actor for an attack whose words say militants or terror, or
        whose victims are civilians and whose perpetrator is not named."""
        tr = self.tree
        near = {trig.tok, *tr.kids(trig.tok, ("compound", "amod", "nmod", "poss"))}
        for _, o in tr.prep_objects(trig.tok, ("by",)):
            near.update([o, *tr.kids(o, ("compound", "amod"))])
        for _, o in tr.prep_objects(trig.carrier, ("in", "by")):
            near.update([o, *tr.kids(o, ("compound", "amod"))])  # "killed in a car bomb explosion"
        for head in {trig.tok, trig.carrier}:
            for c in tr.kids(head, ("nsubj", "agent")):
                objs = tr.kids(c, ("pobj",)) if tr.tok(c).dep == "agent" else [c]
                for o in objs:
                    near.update([o, *tr.kids(o, ("compound", "amod"))])
        for i in sorted(near):
            if tr.lemma(i) in self.lex.nsa_cues or tr.lower(i) in self.lex.nsa_cues:
                name = tr.lower(i) if tr.tok(i).pos == "NOUN" and tr.tok(i).tag == "NNS" else "militants"
                return Party(ActorRef(actor_id=None, name=name, kind="nsa", text=tr.tok(i).text), i, "nsa-cue")
        victims = []
        carrier = trig.carrier
        for c in tr.kids(carrier, ("nsubjpass", "dobj")) + tr.kids(trig.tok, ("dobj",)):
            victims.extend(tr.conjuncts(c))
            victims.extend(tr.kids(c, ("appos",)))
        if any(tr.lemma(v) in self.lex.civilian_victims for v in victims):
            return Party(ActorRef(actor_id=None, name="unidentified attackers", kind="nsa"), trig.tok,
                         "nsa-victims")
        return None

    # ── discourse ─────────────────────────────────────────────────────────────────────
    def refer_back(self, i: int, types: frozenset[str] | set[str] | None = None) -> _Draft | None:
        """The earlier event an anaphor ("this incident", "the move", "it") refers to."""
        tr = self.tree
        if types is None:
            types = self.lex.event_anaphors.get(tr.lemma(i)) or self.lex.event_anaphors.get(tr.lower(i))
        if not types:
            return None
        here = tr.tok(i).sent
        for draft, s in reversed(self.drafts):
            if here - s > ANAPHOR_WINDOW:
                break
            if draft.trigger.tok >= i:
                continue
            if "*" in types or draft.plover in types:
                return draft
        return None

    def recall_parties(self, sent_index: int, modes: set[str], source: Party | None) -> list[Party]:
        """Recipients of the latest earlier offer or act with one of these modes (mediation)."""
        for draft, s in reversed(self.drafts):
            if sent_index - s > PARTIES_WINDOW * 3:
                break
            if draft.mode in modes and draft.plover in ("AGREE", "CONSULT", "REQUEST") and draft.targets:
                found = [replace(p, how="recalled") for p in draft.targets
                         if not _same_side(p.ref, source.ref if source else None)]
                if found:
                    return found
        return []

    def recall_mediator(self, sent_index: int, source: Party | None) -> list[Party]:
        """Who offered or did the mediation a refusal refers to: the latest such actor."""
        for draft, s in reversed(self.drafts):
            if draft.mode in ("mediate", "settle") and draft.plover in ("AGREE", "CONSULT") \
                    and draft.source is not None and not _same_side(draft.source.ref, source.ref if source else None):
                return [replace(draft.source, how="recalled")]
        return []

    def last_actor(self, sent_index: int, source: Party | None) -> list[Party]:
        """The actor of the latest earlier event by someone else (for reactions)."""
        for draft, s in reversed(self.drafts):
            if sent_index - s > 2:
                break
            if draft.source is not None and not _same_side(draft.source.ref, source.ref if source else None):
                return [replace(draft.source, how="recalled")]
        return []

    def parties_near(self, trig: Trigger, source: Party | None) -> list[Party]:
        """The two sides a third party stands between: "between X and Y" or a disputed
        region's claimants in the clause, else the sentence, else recent sentences."""
        tr = self.tree
        sent = tr.parsed.sentences[tr.tok(trig.tok).sent]
        scopes = [tr.full_subtree(trig.carrier), list(range(sent.tok_start, sent.tok_end))]
        for back in range(1, PARTIES_WINDOW + 1):
            if sent.index - back >= 0:
                prev = tr.parsed.sentences[sent.index - back]
                if prev.paragraph == sent.paragraph or back == 1:
                    scopes.append(list(range(prev.tok_start, prev.tok_end)))
        for toks in scopes:
            found: list[Party] = []
            for i in toks:
                if tr.lower(i) in ("between", "among") and tr.tok(i).dep == "prep":
                    for o in tr.kids(i, ("pobj",)):
                        found.extend(self.parties_at(o))
            found = [p for p in _unique(found) if not _same_side(p.ref, source.ref if source else None)]
            if len(found) >= 2:
                return found
            claim = claimants_in(tr, toks)
            if len(claim) >= 2:
                return [Party(ActorRef(actor_id=None, name=c, kind="state", country=c, code=c), trig.tok,
                              "recalled") for c in claim]
            groups = [p for i in toks if (m := tr.mention_of.get(i)) is not None and len(m.refs) >= 2
                      for p in self._refs(m, i)]
            groups = [p for p in _unique(groups) if not _same_side(p.ref, source.ref if source else None)]
            if len(groups) >= 2:
                return groups
            # coordinated states anywhere in the scope ("India and Pakistan had agreed ...")
            for i in toks:
                if tr.kids(i, ("conj",)) and tr.mention_of.get(i) is not None:
                    conj = [p for p in self.parties_at(i, deep=False)
                            if p.ref.kind in STATE_KINDS and not _same_side(p.ref, source.ref if source else None)]
                    if len(conj) >= 2:
                        return conj
        return self.recall_parties(sent.index, {trig.mode} if trig.mode else set(), source)

    def speaker_of(self, i: int) -> tuple[list[Party], int | None]:
        """The speaker and the verb of saying whose complement contains token i, or the
        speaker of the quotation it sits in ("He later posted: “I will work with you both”")."""
        tr = self.tree
        j = i
        for a in tr.ancestors(i):
            dep = tr.tok(j).dep
            if dep in ("ccomp", "parataxis") and tr.lemma(a) in self.lex.speech_verbs:
                return self.subject_parties(a), a
            j = a
        if tr.lower(i) in FIRST_PERSON or tr.tok(i).pos in VERB_POS:
            for start, end, verb in self.quotes():
                if start <= tr.tok(i).idx < end and verb is not None:
                    return self.subject_parties(verb), verb
        return [], None

    def quotes(self) -> list[tuple[int, int, int | None]]:
        """Quotations as (start, end, verb of saying) in character offsets: the verb is the
        one just before the opening mark ("told reporters: “…") or just after the closing
        one ("“…,” he said")."""
        if self._quotes is not None:
            return self._quotes
        tr = self.tree
        text = tr.parsed.text
        spans = []
        for m in QUOTATION.finditer(text):
            spans.append((m.start(), m.end()))
        out = []
        for start, end in spans:
            verb = None
            before = [t.i for t in tr.tokens if t.idx < start and tr.tok(t.i).sent == self._sent_at(start)
                      and tr.lemma(t.i) in self.lex.speech_verbs and tr.tok(t.i).pos == "VERB"]
            after = [t.i for t in tr.tokens if t.idx >= end and tr.tok(t.i).sent == self._sent_at(max(end - 1, 0))
                     and tr.lemma(t.i) in self.lex.speech_verbs and tr.tok(t.i).pos == "VERB"]
            if before:
                verb = before[-1]
            elif after:
                verb = after[0]
            out.append((start, end, verb))
        self._quotes = out
        return out

    def _sent_at(self, offset: int) -> int:
        for s in self.tree.parsed.sentences:
            if s.start <= offset < max(s.end, s.start + 1):
                return s.index
        return -1

    def addressed(self, i: int) -> list[Party]:
        """Whom "you" means in a quotation: the actors an editor named in brackets after a
        "you" in it ("with you guys [India and Pakistan]")."""
        tr = self.tree
        at = tr.tok(i).idx
        for start, end, _ in self.quotes():
            if not start <= at < end:
                continue
            for t in tr.tokens:
                if start <= t.idx < end and t.text == "[":
                    prev = [p for p in range(max(0, t.i - 3), t.i) if tr.lower(p) in ("you", "guys", "both", "all")]
                    if not prev:
                        continue
                    close = next((k for k in range(t.i + 1, min(t.i + 15, len(tr.tokens))) if tr.tok(k).text == "]"), None)
                    if close is None:
                        continue
                    found = [p for k in range(t.i + 1, close) if (m := tr.mention_of.get(k)) is not None
                             for p in self._refs(m, k)]
                    if found:
                        return _unique(found)
        return []

    def addressee_of(self, i: int) -> list[Party]:
        """The one told: "Modi told Trump that India will not accept ..." → Trump."""
        tr = self.tree
        j = i
        for a in tr.ancestors(i):
            dep = tr.tok(j).dep
            if dep in ("ccomp", "parataxis") and tr.lemma(a) in self.lex.addressee_verbs:
                for c in tr.kids(a, ("dobj", "dative", "iobj")):
                    return self.parties_at(c)
                for _, o in tr.prep_objects(a, ("to",)):
                    return self.parties_at(o)
                return []
            j = a
        return []

    # ── one trigger → events ──────────────────────────────────────────────────────────
    def draft(self, trig: Trigger, sent) -> list[_Draft]:
        """The events one trigger reports (one per actor when several act separately)."""
        tr = self.tree
        lex = self.lex
        factors: list[str] = []
        skip = {trig.tok, *trig.toks}
        for c in (trig.complement, trig.wrapper):
            if c is not None:
                skip.update(self._path(trig.tok, c))
        # a definite nominal with no actor of its own ("the attack") re-mentions an event
        if trig.kind == "noun" and not trig.light and trig.frame is None:
            det = [tr.lower(c) for c in tr.kids(trig.tok, ("det",))]
            own = self.noun_parties(trig.tok, trig.plover)
            if det and det[0] in ("the", "this", "that", "these", "those", "such") and not own[0]:
                ref = self.refer_back(trig.tok, {trig.plover})
                if ref is not None:
                    self.noun_event[trig.tok] = ref
                    return []
        sources, targets = self.arguments(trig, skip)
        speakers, speech = self.speaker_of(trig.carrier)
        # "Modi told Trump India will not accept ...": the speaker speaks for his state
        if speakers and len(sources) == 1 and sources[0].ref.kind == "state" \
                and trig.plover in SPEECH_ACT_TYPES:
            sp = speakers[0]
            if sp.ref.kind == "person" and sp.ref.country and sp.ref.country == sources[0].ref.country:
                sources = [replace(sp, how="context")]
        targets = _unique([p for p in targets if p.how != "unresolved"] or targets)
        sources = _unique(sources)
        if len(sources) == 1:
            targets = [p for p in targets if not _same_side(p.ref, sources[0].ref)]
        if not sources and trig.plover in lex.conflict_types:
            nsa = self.nsa_party(trig, sent)
            if nsa:
                sources = [nsa]
        if not sources:
            return []
        plover, mode = trig.plover, trig.mode
        if mode is None:
            mode = self.mode_from_cues(trig, sources)
        reciprocal = self.is_reciprocal(trig)
        place = find_place(tr, [trig.tok, trig.carrier], self.country_at)
        if place is None and trig.plover in PLACE_TARGET_TYPES:
            for o in tr.kids(trig.tok, ("dobj",)):  # "Russia strikes Odesa grain terminals"
                place = resolve_phrase(tr, o, self.country_at)
                if place:
                    break
        if len(sources) >= 2 and not targets and (plover in lex.reciprocal_types
                                                  or f"{plover}/{mode}" in lex.reciprocal_types or reciprocal):
            pairs = [(sources[0], sources[1:])]
        else:
            if not targets:
                fp, fm = plover, mode
                if trig.frame is None and plover in lex.future_as_agree \
                        and self.modality(trig, plover) == "intended":
                    fp, fm = lex.future_as_agree[plover]  # "I will work with you both": an offer
                targets = self.fallback_targets(trig, sources[0], sent, place, fp, fm)
            pairs = [(s, targets) for s in sources]
        modality = self.modality(trig, plover)
        if modality == "negated" and trig.frame is None and plover in lex.negated_as:
            plover, mode = lex.negated_as[plover]  # "would not meet the demands": a refusal
            modality = "asserted"
        # "If you don't stop it, we're not going to do any trade": a conditional threat
        if conditional_role(tr, trig.carrier, self.cues) == "consequence":
            if not any(t for _, t in pairs):
                # the promised or threatened are those the condition is about ("If you stop it")
                cond = [p for c in self.condition_clauses(trig.carrier)
                        for subj in tr.kids(c, ("nsubj",)) for p in self.parties_at(subj)]
                cond = [p for p in _unique(cond) if not _same_side(p.ref, sources[0].ref)]
                if cond:
                    pairs = [(src, cond) for src, _ in pairs]
            threat = None
            if modality == "negated" and plover in lex.cooperative_types:
                threat = lex.conditional_threats.get("negated_cooperation")
            elif plover in lex.conflict_types:
                threat = lex.conditional_threats.get("conflict")
            if threat:
                plover, mode = threat
                modality = "reported" if speech is not None else "asserted"
        # "Russia said Sudan must return the helicopter": a demand of Sudan by Russia
        if speech is not None and speakers and self.is_deontic(trig.carrier) \
                and not any(_same_side(sp.ref, sources[0].ref) for sp in speakers):
            mode = lex.deontic_modes.get(plover, lex.deontic_modes.get("*"))
            targets = [replace(p, how="parse") for p in sources] + targets
            sources = speakers[:1]
            plover = "REQUEST"
            modality = "reported"
            pairs = [(sources[0], targets)]
        # "said they would boycott all contact", "plans to impose restrictions": a threat
        elif modality == "intended" and plover in lex.future_as_threat and trig.frame is None:
            plover, mode = lex.future_as_threat[plover]
            modality = "reported" if speech is not None else "asserted"
        elif self.unless_clause(trig.carrier) and plover not in lex.cooperative_types:
            plover, mode = lex.future_as_threat.get(plover, ("THREATEN", None))
            modality = "reported" if speech is not None else "asserted"
        # a state that "blocks" or "occupies" coerces; protest is what civilians do
        if plover == "PROTEST" and self.is_state_itself(sources[0]):
            plover, mode = lex.state_protest.get(mode or "", lex.state_protest.get("", ("COERCE", None)))
        # cooperation in the future tense is an offer (PLOVER's AGREE)
        if modality == "intended" and plover in lex.future_as_agree and trig.frame is None:
            plover, mode = lex.future_as_agree[plover]
        if trig.typo:
            factors.append("typo")
        drafts = []
        for src, tgts in pairs:
            tgts = [p for p in tgts if not _same_side(p.ref, src.ref)]
            if not self.worth_keeping(trig, plover, src, tgts):
                continue
            fs = list(factors) + [src.how] + ([tgts[0].how] if tgts else [])
            drafts.append(_Draft(trigger=trig, source=src, targets=tgts, plover=plover, mode=mode,
                                 modality=modality, factors=fs, place=place))
        if trig.kind == "noun" and drafts:
            self.noun_event[trig.tok] = drafts[0]
        return drafts

    def arguments(self, trig: Trigger, skip: set[int]) -> tuple[list[Party], list[Party]]:
        """(actors, recipients) of a trigger from the parse and its frame's complement."""
        tr = self.tree
        lex = self.lex
        if trig.kind == "verb":
            sources = self.subject_parties(trig.tok)
            if not sources and trig.frame and tr.is_passive(trig.tok) and tr.kid(trig.tok, "nsubjpass") is not None:
                # "Israel is opposed to French mediation", "Vietnam is committed to": a state,
                # not a passive
                subj = tr.kid(trig.tok, "nsubjpass")
                sources = self.parties_at(subj) or self.unresolved(subj)
            targets = self.object_parties(trig.tok, trig.plover, skip,
                                          recall=trig.plover in RESPONSE_TYPES)
        elif trig.kind == "adj":
            sources = self.subject_parties(trig.carrier)
            targets = []
        else:
            sources, targets = self.noun_parties(trig.tok, trig.plover)
            if not sources and trig.light:
                sources = self.subject_parties(trig.carrier)
                targets += self.object_parties(trig.carrier, trig.plover, skip)
                if not targets:
                    for _, o in tr.prep_objects(trig.carrier, ("between", "among")):
                        ps = self.parties_at(o)
                        if len(ps) >= 2 and not sources:
                            sources, targets = ps[:1], ps[1:]
                        else:
                            targets += ps
            if not sources and (trig.plover in lex.contextual_types or trig.frame):
                sources = self.context_subject(trig.tok)
        # what a frame's complement says: "offered to mediate between X and Y", "denied any
        # U.S. involvement", "rejected Trump's offer", "called for both sides to ..."
        if trig.complement is not None:
            # verbs between the frame word and its complement ("promised to send aid to Peru",
            # "called for Serbia and Kosovo to resume dialogue")
            for c in self._path(trig.tok, trig.complement)[1:]:
                if tr.tok(c).pos in VERB_POS:
                    targets += self.object_parties(c, trig.plover, skip)
                    subj = tr.kid(c, "nsubj")
                    if subj is not None and trig.frame in ("request", "accept"):
                        targets += self.parties_at(subj)
        for c in (trig.complement, trig.wrapper):
            if c is None:
                continue
            if tr.tok(c).pos in VERB_POS:
                targets += self.object_parties(c, trig.plover, skip)
                subj = tr.kid(c, "nsubj")
                if subj is not None and trig.frame in ("request", "accept"):
                    targets += self.parties_at(subj)
            else:
                own_src, own_tgt = self.noun_parties(c, self._lexical_type(c) or trig.plover)
                targets += own_src + own_tgt
                if not own_src and not own_tgt:
                    ref = self.refer_back(c)
                    if ref is not None and ref.source is not None:
                        targets.append(replace(ref.source, how="recalled"))
        if trig.frame and trig.complement is None and not targets:
            # "threatened to break relations with Russia": the infinitive names the recipient
            for c in tr.kids(trig.tok, ("xcomp", "acl")):
                targets += self.object_parties(c, trig.plover, skip)
        if trig.frame == "request" and not targets:
            # "demanding that President Mugabe abandon ...": the one asked
            for c in tr.kids(trig.tok, ("ccomp", "acl")):
                subj = tr.kid(c, "nsubj")
                if subj is not None:
                    targets += self.parties_at(subj)
            # "demanded an admission by Moscow": the one asked to act
            for c in tr.kids(trig.tok, ("dobj",)):
                targets += self.noun_source(c, self._lexical_type(c))
        if trig.kind == "verb" and not targets and trig.plover in ("SUPPORT", "ACCUSE", "REJECT"):
            targets = self.clause_target(trig.tok)
        if trig.frame and trig.kind == "noun" and not targets:
            # "threat of a 26% tariff on Indian goods": the recipient inside the complement
            for c in tr.subtree(trig.tok):
                if tr.tok(c).dep == "pobj" and c not in skip:
                    targets.extend(self.parties_at(c))
        # speech acts are addressed to the one told ("Modi told Trump that ...")
        if trig.plover in SPEECH_ACT_TYPES:
            addressees = self.addressee_of(trig.carrier)
            if addressees:
                targets = addressees + targets
        return sources, targets

    def fallback_targets(self, trig: Trigger, source: Party, sent, place: Place | None,
                         plover: str, mode: str | None) -> list[Party]:
        """Recipients the clause does not name: the two sides of a mediation, the mediator a
        refusal answers, the actor a reaction answers, the state an attack happened in, the
        state a threat names as a place."""
        tr = self.tree
        lex = self.lex
        if (plover, mode) in lex.third_party_modes or trig.frame in ("commit", "wish"):
            parties = self.parties_near(trig, source)
            if parties:
                return parties
        if plover == "REJECT" and mode == "mediate":
            parties = self.recall_mediator(sent.index, source)
            if parties:
                return parties
        if tr.lemma(trig.tok) in lex.reaction_verbs:
            parties = self.last_actor(sent.index, source)
            if parties:
                return parties
        if trig.plover in PLACE_TARGET_TYPES and trig.plover not in PLACE_ONLY_TYPES:
            objs = [trig.complement] if trig.complement is not None else []
            objs += tr.kids(trig.tok, ("dobj",)) + ([c for c in tr.kids(trig.complement, ("dobj",))]
                                                   if trig.complement is not None else [])
            for o in objs:
                if o is None:
                    continue
                p = resolve_phrase(tr, o, self.country_at)
                if p and p.country:
                    return [self._state_party(p.country, o, "place-target")]
            if place and place.country and trig.plover in PLACE_TARGET_TYPES:
                return [self._state_party(place.country, trig.tok, "place-target")]
        return []

    def _state_party(self, country: str, tok: int, how: str) -> Party:
        return Party(ActorRef(actor_id=None, name=country, kind="state", country=country, code=country), tok, how)

    def is_reciprocal(self, trig: Trigger) -> bool:
        tr = self.tree
        for c in tr.subtree(trig.carrier):
            if tr.lower(c) in self.lex.reciprocal_markers:
                return True
            if c + 1 < len(tr.tokens) and f"{tr.lower(c)} {tr.lower(c + 1)}" in self.lex.reciprocal_markers:
                return True
        return False

    def worth_keeping(self, trig: Trigger, plover: str, source: Party, targets: list[Party]) -> bool:
        """Precision rules: an unresolved actor needs a resolved recipient unless it is a
        name ("Saeb Erekat", "the Azerbaijani parliament"); a nominal statement-like event
        (an offer, a criticism) needs a recipient."""
        if source.how == "unresolved" and not any(p.how != "unresolved" for p in targets) \
                and not self.looks_named(source.tok) and plover not in self.lex.crowd_types:
            return False
        if not targets and code_event(plover, None)[2] in (1, 3) and (
                trig.kind == "noun" or not self.lex.keep_without_recipient):
            # a statement, offer or demand addressed to no one says little to an analyst
            return False
        if not targets and self.tree.lemma(trig.tok) in self.lex.needs_recipient:
            return False
        return True

    def is_deontic(self, v: int) -> bool:
        """"must return", "should withdraw", "has to stop", "needs to end"."""
        tr = self.tree
        aux = set(tr.auxes(v))
        if aux & self.lex.deontic_modals:
            return True
        t = tr.tok(v)
        if t.dep == "xcomp" and tr.tok(t.head).pos in VERB_POS:
            head = f"{tr.lemma(t.head)} to"
            return head in {m.replace("has ", "have ").replace("needs ", "need ") for m in self.lex.deontic_modals} \
                or f"{tr.lower(t.head)} to" in self.lex.deontic_modals
        return False

    def condition_clauses(self, v: int) -> list[int]:
        """The if/unless clauses of v's clause (climbing "going to", "plan to")."""
        tr = self.tree
        out = []
        i = v
        for _ in range(4):
            out += [c for c in tr.kids(i, ("advcl",))
                    if any(tr.lower(m) in self.cues.conditional_marks for m in tr.kids(c, ("mark",)))]
            t = tr.tok(i)
            if t.dep != "xcomp":
                break
            i = t.head
        return out

    def unless_clause(self, v: int) -> bool:
        """Whether v's clause has an "unless" condition: the main clause is then a threat."""
        tr = self.tree
        for c in tr.kids(v, ("advcl",)):
            if any(tr.lower(m) == "unless" for m in tr.kids(c, ("mark",))):
                return True
        return False

    def is_state_itself(self, p: Party) -> bool:
        """A government or army, or a state named as such ("Russia", "Moscow"), not a crowd
        named by its nationality ("Palestinian prisoners")."""
        if p.ref.kind in ("government", "military"):
            return True
        m = self.tree.mention_of.get(p.tok)
        return p.ref.kind == "state" and m is not None and m.how in ("name", "alias", "metonym", "pronoun")

    def country_at(self, i: int) -> str | None:
        m = self.tree.mention_of.get(i)
        if m is not None:
            for ref in m.refs:
                if ref.country:
                    return ref.country
        return None

    def mode_from_cues(self, trig: Trigger, sources: list[Party]) -> str | None:
        cues = self.lex.mode_cues.get(trig.plover)
        if not cues:
            return None
        tr = self.tree
        words = [trig.tok, *tr.kids(trig.tok, ("compound", "amod", "nmod", "advmod"))]
        for _, o in tr.prep_objects(trig.tok, ("with", "by", "using", "of")):
            words.extend([o, *tr.kids(o, ("compound", "amod"))])
        if trig.carrier != trig.tok:
            for _, o in tr.prep_objects(trig.carrier, ("with", "using")):
                words.extend([o, *tr.kids(o, ("compound", "amod"))])
            for o in tr.kids(trig.carrier, ("dobj",)):
                words.extend([o, *tr.kids(o, ("compound", "amod"))])
        for p in sources:
            words.append(p.tok)
            words.extend(tr.kids(p.tok, ("compound", "amod")))
        subj = tr.kid(trig.carrier, "nsubj")
        if subj is not None:
            words.extend([subj, *tr.kids(subj, ("compound", "amod"))])
        for w in words:
            for key in (tr.lemma(w), tr.lower(w)):
                if key in cues:
                    return cues[key]
        return None

    def modality(self, trig: Trigger, plover: str) -> str:
        tr = self.tree
        # offers, threats and refusals speak of the future by nature: their "will" or
        # "would" does not make them intended or hypothetical
        aux_neutral = plover in ("AGREE", "THREATEN", "REJECT") and trig.frame is not None \
            or plover in ("THREATEN", "REJECT")
        own_aux = trig.kind in ("verb", "adj") or trig.light or trig.frame is not None and trig.carrier == trig.tok
        if trig.kind == "noun" and trig.frame is not None:
            own_aux = trig.light
        if aux_neutral:
            m = modality_of(tr, trig.tok, trig.carrier, own_aux=False, future_is_intent=False,
                            negation_absorbed=trig.negation_absorbed, cues=self.cues)
            if not trig.negation_absorbed and trig.carrier != trig.tok and is_negated(tr, trig.carrier, self.cues) \
                    and (trig.kind != "noun" or trig.light):
                m = "negated"
            return m
        return modality_of(tr, trig.tok, trig.carrier, own_aux=own_aux, future_is_intent=True,
                           negation_absorbed=trig.negation_absorbed, cues=self.cues)

    # ── the document ──────────────────────────────────────────────────────────────────
    def run(self) -> tuple[Event, ...]:
        events = self.all_events()
        words = len(self.parsed.text.split())
        budget = max(MIN_EVENT_BUDGET, int(words * MAX_EVENTS_PER_100_WORDS / 100))
        if len(events) > budget:
            events = _trim(events, budget)
        return tuple(replace(e, id=f"{self.parsed.doc_id}:e{n}") for n, e in enumerate(events, start=1))

    def all_events(self) -> list[Event]:
        events: list[Event] = []
        seen_sentences: set[str] = set()
        for sent in self.parsed.sentences:
            # a repeated headline or caption reports nothing new
            norm = " ".join(sent.text.split()).lower()
            if norm in seen_sentences:
                continue
            seen_sentences.add(norm)
            drafts: list[_Draft] = []
            trigs = sorted(self.triggers(sent), key=lambda t: (t.frame is not None, t.tok))
            for trig in trigs:
                for d in self.draft(trig, sent):
                    drafts.append(d)
                    self.drafts.append((d, sent.index))
            drafts = _dedupe(drafts)
            drafts.sort(key=lambda d: d.trigger.tok)
            figures = find_figures(self.tree, sent.index) if drafts else []
            attached = _attach_figures(self.tree, drafts, figures)
            for d in drafts:
                event = self.to_event(d, sent, len(events) + 1, attached.get(id(d), ()))
                if event.confidence >= MIN_CONFIDENCE:
                    events.append(event)
        return events

    def to_event(self, d: _Draft, sent, n: int, figures) -> Event:
        tr = self.tree
        trig = d.trigger
        toks = sorted(set(trig.toks) | {trig.tok} | ({trig.carrier} if trig.light else set()))
        start = tr.tok(toks[0]).idx
        end = tr.tok(toks[-1]).idx + len(tr.tok(toks[-1]).text)
        cameo, goldstein, quad = code_event(d.plover, d.mode)
        target = d.targets[0].ref if d.targets else None
        others = tuple(p.ref for p in d.targets[1:])
        confidence = 1.0
        for f in d.factors:
            confidence *= CONFIDENCE.get(f, 1.0)
        return Event(
            id=f"{self.parsed.doc_id}:e{n}", doc_id=self.parsed.doc_id, sent=sent.index,
            sentence=sent.text, trigger=self.parsed.text[start:end], start=start, end=end,
            source=d.source.ref if d.source else None, target=target, plover=d.plover, mode=d.mode,
            cameo=cameo, goldstein=goldstein, quad_class=quad, modality=d.modality,  # type: ignore[arg-type]
            date=date_event(self.parsed, self.timexes, trig.tok), context=(), place=d.place,
            figures=tuple(figures), others=others, confidence=round(confidence, 3))


def extract_events(parsed: ParsedDoc, mentions: Sequence[Mention], timexes: Sequence[TimeExpr]
                   ) -> tuple[Event, ...]:
    """Every event the document reports, in text order, with ids ``{doc_id}:e{n}``.

    ``mentions`` come from the actor stage (``resolve_mentions``), ``timexes`` from the time
    stage (``find_time_expressions``). Raises DataError if a shipped data file is invalid.
    """
    return Extractor(parsed, mentions, timexes).run()


# ── helpers ─────────────────────────────────────────────────────────────────────────────

def _kind(pos: str) -> str:
    if pos in VERB_POS:
        return "verb"
    if pos in NOUN_POS:
        return "noun"
    return "adj"


def _one_edit(a: str, b: str) -> bool:
    """Whether a is b with one letter missing, added, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) + 1 == len(b):
        return any(b[:k] + b[k + 1:] == a for k in range(len(b)))
    if len(a) == len(b) + 1:
        return any(a[:k] + a[k + 1:] == b for k in range(len(a)))
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return False


def _covers(m: Mention, i: int, tree: Tree) -> bool:
    return tree.mention_of.get(i) is m


def _unique(parties: list[Party]) -> list[Party]:
    seen = set()
    out = []
    for p in parties:
        k = actor_key(p.ref)
        if k in seen:
            continue
        seen.add(k)
        out.append(p)
    return out


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same actor, or a state and its own government/people (no event with oneself)."""
    if a is None or b is None:
        return False
    if actor_key(a) == actor_key(b):
        return True
    if a.country and a.country == b.country and (a.kind in STATE_KINDS or b.kind in STATE_KINDS):
        return a.kind != "nsa" and b.kind != "nsa"
    return False


def _trim(events: list[Event], budget: int) -> list[Event]:
    """Keep the ``budget`` most informative events, in text order."""
    def cost(e: Event):
        return (e.target is None and e.quad_class in (1, 3),
                e.modality in ("hypothetical", "negated"),
                e.modality == "intended",
                e.source is None or (e.source.actor_id is None and e.source.kind == "other"),
                e.target is None,
                -e.confidence)
    keep = set(id(e) for e in sorted(events, key=cost)[:budget])
    return [e for e in events if id(e) in keep]


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One event per (source, target, type) in a sentence; the first, or the one with a
    recipient when another has none."""
    best: dict[tuple, _Draft] = {}
    order = []
    for d in drafts:
        key = (actor_key(d.source.ref if d.source else None), d.plover)
        tkey = actor_key(d.targets[0].ref) if d.targets else None
        full = key + (tkey,)
        if full in best:
            continue
        # an event with no recipient is dropped when the same actor and type has one
        if tkey is None and any(k[:2] == key and k[2] is not None for k in best):
            continue
        if tkey is not None and key + (None,) in best:
            old = best.pop(key + (None,))
            order.remove(old)
        best[full] = d
        order.append(d)
    return order


def _attach_figures(tree: Tree, drafts: list[_Draft], figures) -> dict[int, tuple]:
    """Each figure goes to the event whose trigger or carrier is its nearest ancestor, else
    to the nearest event in the sentence."""
    out: dict[int, list] = {}
    if not drafts:
        return {}
    for ff in figures:
        chain = [ff.anchor, *tree.ancestors(ff.anchor)]
        best = None
        for rank, a in enumerate(chain):
            for d in drafts:
                if a in (d.trigger.tok, d.trigger.carrier) or a in d.trigger.toks:
                    best = d
                    break
            if best is not None:
                break
        if best is None:
            best = min(drafts, key=lambda d: abs(d.trigger.tok - ff.anchor))
        out.setdefault(id(best), []).append(ff.figure)
    return {k: tuple(v) for k, v in out.items()}
