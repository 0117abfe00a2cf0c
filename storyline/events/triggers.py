"""Triggers: the words that report an event, and what decides their PLOVER type and mode.

A trigger is a verb ("struck"), a phrasal or prepositional verb ("shot down", "called
for"), a noun ("India's missile strikes", "a phone conversation"), a noun carried by a
light verb ("held talks", "responded with airstrikes"), or a frame word whose event depends
on what it governs ("offered to mediate" → AGREE-mediate, "denied any U.S. involvement" →
REJECT-mediate, "threat of a 26% tariff" → THREATEN-restrict). The words are data
(``data/events/lexicon.yaml``); this module reads the parse.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..nlp import in_sentence_quote
from .lexicon import Code, load_lexicon
from .modality import is_negated
from .syntax import Tree

VERB_POS = frozenset({"VERB", "AUX"})
# Complement classes whose negation is restraint ("agreed not to use force").
NEGATABLE_CLASSES = frozenset({"violence", "sanction", "restriction"})
# Adverbs the parser leaves where a particle should be ("walked away from").
PARTICLE_ADVERBS = frozenset({"away", "out", "off", "back", "down", "up"})
# ... and adverbs that make a phrasal verb's key only ("called home its ambassador")
PHRASAL_ADVERBS = PARTICLE_ADVERBS | {"home"}
# Pronouns that can stand for a frame's complement ("suspended it", "extended it").
PRONOUN_COMPLEMENTS = frozenset({"it"})
# ... and those that stand only for a plural one ("widened them", "lifted them"): the nearest
# plural noun before, which must itself be of a class (not "the generals").
PLURAL_PRONOUN_COMPLEMENTS = frozenset({"them"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
DATE_ENTS = frozenset({"DATE", "TIME"})  # entity labels of a preposition's object that dates
# How many opening sentences may carry the dateline (a headline and a standfirst come first).
DATELINE_SENTENCES = 4
# Which complement of a frame word is looked at first: its object or infinitive before its
# prepositional phrases ("has not lifted the tariffs despite talks" is about tariffs).
_COMPLEMENT_ORDER = {"dobj": 0, "xcomp": 0, "attr": 1, "oprd": 1, "nsubjpass": 1, "acl": 2, "pobj": 3,
                     "pcomp": 3, "advcl": 4, "compound": 5, "amod": 5, "nmod": 5, "conj": 6, "appos": 6}


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
    label: int | None = None       # what a label verb labels ("called [the attack] a crime")
    predicate: int | None = None   # the label itself ("a terrorist act by the Kiev regime")


class TriggerFinder:
    """Trigger finding over one document's tree (mixed into the Extractor, which holds
    ``tree``, ``lex`` and ``cues``)."""

    tree: Tree

    def verb_keys(self, i: int) -> list[tuple[str, tuple[int, ...]]]:
        """Phrase keys for a verb, longest first: "crack down on", "shoot down", "call for"."""
        tr = self.tree
        lemma = tr.lemma(i)
        keys: list[tuple[str, tuple[int, ...]]] = []
        prts = tr.kids(i, ("prt",))
        # "walked away from the deal": the parser makes "away" an adverb carrying "from"
        prts += [a for a in tr.kids(i, ("advmod",)) if tr.lower(a) in PHRASAL_ADVERBS]
        preps = tr.kids(i, ("prep", "agent")) + [q for a in prts for q in tr.kids(a, ("prep",))]
        # "called on Thursday the move an unfriendly act": a date's preposition is not the verb's
        preps = [q for q in preps if not self._dated_prep(q)]
        # "called for both sides to avoid ...": "for" marks the clause, not the verb
        preps += [m for c in tr.kids(i, ("advcl", "ccomp", "xcomp")) for m in tr.kids(c, ("mark",))
                  if tr.lower(m) == "for"]
        objs = tr.kids(i, ("dobj", "oprd", "ccomp", "acomp", "xcomp", "attr"))
        # "gave the ambassador 48 hours to leave": an infinitive the parser hung on the verb
        # as an adverbial clause completes it like an object
        objs += [c for c in tr.kids(i, ("advcl",)) if tr.tok(c).tag == "VB"
                 and any(tr.lower(a) == "to" for a in tr.kids(c, ("aux",)))]
        for p in prts:
            for q in preps:
                keys.append((f"{lemma} {tr.lower(p)} {tr.lower(q)}", (i, p, q)))
        for q in preps:
            for o in tr.kids(q, ("pobj",)):
                keys.append((f"{lemma} {tr.lower(q)} {tr.lemma(o)}", (i, q, o)))
        for p in prts:
            # "called home its ambassador", "called back its envoy"
            keys += [(f"{lemma} {tr.lower(p)} {tr.lemma(o)}", (i, p, o)) for o in tr.kids(i, ("dobj", "oprd"))]
        for p in prts:
            keys.append((f"{lemma} {tr.lower(p)}", (i, p)))
        for q in preps:
            keys.append((f"{lemma} {tr.lower(q)}", (i, q)))
        for o in objs:
            # "used tear gas", "fired rubber bullets": the object's modifier completes the phrase
            keys += [(f"{lemma} {tr.lemma(m)} {tr.lemma(o)}", (i, m, o))
                     for m in tr.kids(o, ("compound", "amod")) if m == o - 1]
        for o in objs:
            keys.append((f"{lemma} {tr.lemma(o)}", (i, o)))
            keys.append((f"{lemma} {tr.lower(o)}", (i, o)))
        keys.append((lemma, (i,)))
        return keys

    def _dated_prep(self, q: int) -> bool:
        """A preposition whose objects are all dates or times ("on Thursday", "in March")."""
        if self.tree.lower(q) in PARTICLE_ADVERBS:
            return False  # "ordered the ambassador out the same evening": a particle, whatever follows
        objs = self.tree.kids(q, ("pobj",))
        return bool(objs) and all(self.tree.tok(o).ent_type in DATE_ENTS for o in objs)

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
        if self.tree.tok(i).pos == "PRON":
            return self.pronoun_class(i)
        for key, _ in self.keys_of(i):
            cls = self.lex.complement_of.get(key)
            if cls:
                return cls
        return None

    def pronoun_class(self, i: int) -> str | None:
        """The class of what "it" stands for, as a frame's object ("four days after
        suspending it"): the nearest earlier noun of a class, in this sentence or the one
        before."""
        tr = self.tree
        plural = tr.lower(i) in PLURAL_PRONOUN_COMPLEMENTS
        if not (plural or tr.lower(i) in PRONOUN_COMPLEMENTS) \
                or tr.tok(i).dep not in ("dobj", "pobj", "nsubjpass"):
            return None
        sent = tr.tok(i).sent
        start = tr.parsed.sentences[max(0, sent - 1)].tok_start
        for j in range(i - 1, start - 1, -1):
            if tr.tok(j).pos == "NOUN" and tr.tok(j).dep != "compound":
                if plural and tr.tok(j).tag != "NNS":
                    continue
                for key, _ in self.noun_keys(j):
                    cls = self.lex.complement_of.get(key)
                    if cls:
                        return cls
                if plural:
                    return None
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
        """A noun one letter off a noun trigger ("strik", "strikee", "stirke" → strike); the
        first such trigger in the lexicon's order."""
        word = self.tree.lower(i)
        if not word.isalpha() or len(word) + 1 < self.lex.typo_min_length:
            return None
        near, exact = _typo_index()
        found = [f for f in (near.get(word), *(exact.get(w) for w in _deletions(word))) if f is not None]
        return min(found, key=lambda f: f[0])[1] if found else None

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
                    elif d == "advmod" and tr.lower(c) in PARTICLE_ADVERBS:
                        for c2 in tr.kids(c, ("prep",)):  # "walked away from the deal"
                            if tr.lower(c2) in self.lex.complement_preps:
                                kids.extend(tr.kids(c2, ("pobj", "pcomp")))
                    elif d == "prep" and not tr.kids(c, ("pobj",)):
                        # "pulls out of the deal" parsed as prep "out" → prep "of" → "deal"
                        for c2 in tr.kids(c, ("prep",)):
                            if tr.lower(c2) in self.lex.complement_preps:
                                kids.extend(tr.kids(c2, ("pobj", "pcomp")))
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
                    if tr.tok(c).dep == "conj" and tr.tok(c).pos in VERB_POS and \
                            tr.kids(c, ("nsubj", "nsubjpass")):
                        continue  # "threatened X, and later he slapped a tariff": another clause
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
        if t.pos in VERB_POS and (self.is_idiom(i) or self.label_trigger(i) is not None):
            return []  # a label ("denounced as an ugly crime ...") is read by plain_trigger
        if t.pos in VERB_POS and tr.lemma(i) in self.lex.contact_verbs and self.contacts_party(i):
            return []  # "called Zelensky on his way home": a call, read by plain_trigger
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
            if cls in NEGATABLE_CLASSES and "restraint" in frame.classes and any(
                    is_negated(tr, j, self.cues) for j in self._path(i, tok)):
                cls = "restraint"  # "pledged not to use force": a promise of restraint
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

    def label_trigger(self, i: int) -> Trigger | None:
        """"called the attack a terrorist act", "described the outcome as a diplomatic
        victory", "denounced as an ugly crime Serbia's suppression of ...": a criticism or a
        praise of whoever did what is labelled."""
        tr = self.tree
        if tr.lemma(i) not in self.lex.label_verbs:
            return self.assessment_trigger(i) if tr.lemma(i) in self.lex.statement_verbs else None
        found = self._label(i)
        if found is None and tr.lemma(i) in self.lex.statement_verbs:
            return self.assessment_trigger(i)  # "declared that the vote was illegal"
        return found

    def _label(self, i: int) -> Trigger | None:
        tr = self.tree
        preds = tr.kids(i, ("oprd", "xcomp", "attr"))
        for _, o in tr.prep_objects(i, ("as",)):
            preds.append(o)
        # "called the operation a provocation": the parser made both nouns objects
        dobjs = tr.kids(i, ("dobj",))
        if len(dobjs) >= 2 and tr.tok(dobjs[-1]).pos == "NOUN":
            preds.append(dobjs[-1])
        # "described the drills as irresponsible": the parser hangs a bare adjective on "as"
        preds += [a for p in tr.kids(i, ("prep",)) if tr.lower(p) == "as"
                  for a in tr.kids(p, ("amod", "acomp")) if tr.tok(a).pos == "ADJ"]
        preds += self._misparsed_predicates(i)
        # "denounced as an ugly crime Serbia's crackdown": the parser hangs the object on the label
        objs = tr.kids(i, ("dobj", "nsubjpass")) + [a for p in preds for a in tr.kids(p, ("appos",))]
        # "called Moscow's move nothing more than a land grab": the parser made the noun a clause
        objs += [o for o in tr.kids(i, ("ccomp",)) if tr.tok(o).pos in NOUN_POS]
        # "called Saturday's attack 'barbarism'", "called the arrest political persecution": the
        # parser made the object a modifier of the label
        for p in tr.kids(i, ("dobj", "oprd")):
            for n in tr.kids(p, ("nmod", "amod")):
                if n < p and (tr.tok(n).pos == "NOUN" or tr.tok(n).tag == "VBG") and (
                        tr.tok(n).dep == "nmod" or tr.lemma(n) in self.lex.judged_acts):
                    preds.append(p)
                    objs.append(n)
        # "called the case a political farce staged under ...": the parser made the label
        # the subject of the participle that follows it
        for c in tr.kids(i, ("ccomp",)):
            if tr.tok(c).tag in ("VBN", "VBD") and tr.kids(i, ("dobj",)):
                preds += [x for x in tr.kids(c, ("nsubj",)) if tr.tok(x).pos == "NOUN" and any(
                    tr.lower(d) in ("a", "an") for d in tr.kids(x, ("det",)))]
        # "called Tehran's seizure an act of piracy": the label hangs on the object as apposition
        preds += [a for o in tr.kids(i, ("dobj",)) for a in tr.kids(o, ("appos",)) if tr.tok(a).pos in NOUN_POS]
        # "declared the ruling null and void": the parser made the object the subject of a
        # verbless clause whose head is the label
        for c in tr.kids(i, ("ccomp",)):
            if tr.tok(c).pos in NOUN_POS | {"ADJ"} and tr.kid(c, "nsubj") is not None:
                preds += tr.conjuncts(c)
                objs.append(tr.kid(c, "nsubj"))
            elif tr.tok(c).pos in NOUN_POS and (named := [k for k in tr.kids(c, ("compound",))
                                                        if tr.mention_of.get(k) is not None]):
                # "declared Mexican Ambassador Raquel Serur persona non grata": the parser
                # made the name a compound of the label
                preds.append(c)
                objs.append(named[-1])
        # "called Pyongyang's launch a blatant breach": the parser made the object the
        # predicate and the label its apposition
        for p in tr.kids(i, ("oprd",)):
            if tr.tok(p).pos in NOUN_POS and tr.kids(p, ("appos",)):
                preds += tr.kids(p, ("appos",))
                objs.append(p)
            elif tr.tok(p).pos in NOUN_POS and (cs := [c for c in tr.kids(p, ("compound",)) if tr.kids(c, ("poss",))]):
                # "called Pyongyang's statement rude": the parser made the object a compound
                # of the label
                objs += cs
            elif tr.tok(p).pos == "VERB" and tr.kids(i, ("dobj",)):
                # "called the U.S. move an unfriendly act": the parser read the noun "move"
                # as a verb whose object is the label
                preds += [o for o in tr.kids(p, ("dobj",)) if tr.tok(o).pos in NOUN_POS]
        for p in preds:
            if tr.tok(p).pos not in NOUN_POS | {"ADJ"}:
                continue
            code = self._label_code(p)
            quoted = False
            if code is None and self.lex.quoted_label and tr.lemma(i) not in self.lex.statement_verbs \
                    and tr.tok(p).pos != "PROPN" and self.in_quotes(p):
                code, quoted = self.lex.quoted_label, True  # "called the raids 'ethnically motivated'"
            if code is None:
                continue
            # "what it calls 'nuclear-contaminated water'": a quoted name, not a charge
            obj = next((o for o in objs if o != p and not (quoted and tr.tok(o).tag in ("WP", "WDT"))), None)
            if obj is None:
                obj = next((o for o in tr.kids(i, ("oprd",)) if o < p), None)
            if obj is None:
                continue
            return Trigger(tok=i, toks=(i,), plover=code[0], mode=code[1], kind="verb", carrier=i,
                           label=obj, predicate=p)
        return None

    def assessment_trigger(self, i: int) -> Trigger | None:
        """"said the annexation broke international law", "said India's decision was
        unacceptable", "said Ottawa had made a grave error": a statement whose that-clause
        judges its own subject is a criticism (or praise) of whoever that subject names or
        whoever did what it names (the label machinery finds them)."""
        tr = self.tree
        for c in tr.kids(i, ("ccomp",)):
            subj = tr.kid(c, "nsubj")
            for v in tr.conjuncts(c):
                # (a label after "was" that the parser made the clause's head keeps its copula)
                if (tr.tok(v).pos not in VERB_POS and not tr.kids(v, ("aux", "auxpass"))) \
                        or tr.is_negated(v):
                    continue
                pred, code = self._judgement(v)
                who = tr.kid(v, "nsubj")
                if who is None and pred == v:
                    who = tr.kid(v, "nsubjpass")  # (the misparsed "was persona non grata")
                who = subj if who is None else who
                if code is not None and who is not None:
                    return Trigger(tok=i, toks=(i,), plover=code[0], mode=code[1], kind="verb", carrier=i,
                                   label=who, predicate=pred)
        return None

    def _judgement(self, v: int) -> tuple[int, Code | None]:
        """The word of a clause's verb that judges its subject, and its label code: a verb of
        wrongdoing ("violated", "broke the law") or the predicate of a judging verb ("was
        illegal", "made a mistake", "amounted to bullying")."""
        tr = self.tree
        lemma = tr.lemma(v)
        keys = [lemma] + [f"{lemma} {tr.lemma(o)}" for o in tr.kids(v, ("dobj",))]
        keys += [f"{lemma} {p} {tr.lemma(o)}" for p, o in tr.prep_objects(v)]
        if any(k in self.lex.wrongdoing_verbs for k in keys):
            return v, self.lex.labels.get("violation")
        if lemma in self.lex.labels and tr.tok(v).pos not in ("AUX", "ADJ") and any(
                tr.lemma(a) == "be" for a in tr.kids(v, ("aux", "auxpass"))):
            # "would be persona non grata": the parser made the label after the copula the
            # clause's head
            return v, self.lex.labels[lemma]
        preds = []
        if lemma in self.lex.judging_verbs:
            preds = tr.kids(v, ("acomp", "attr", "dobj", "oprd"))
        for p, o in tr.prep_objects(v, ("to",)):
            if f"{lemma} {p}" in self.lex.judging_verbs:
                preds.append(o)
        for p in preds:
            for q in tr.conjuncts(p):
                if tr.tok(q).pos in NOUN_POS | {"ADJ"} and not tr.is_negated(q):
                    code = self._label_code(q)
                    if code is not None:
                        return q, code
        return v, None

    def in_quotes(self, i: int) -> bool:
        """Whether token i stands inside quotation marks opened in its own sentence."""
        tr = self.tree
        return in_sentence_quote(tr.parsed, tr.tok(i).sent, tr.tok(i).idx)

    def _misparsed_predicates(self, i: int) -> list[int]:
        """Labels the parser hung on the object instead of the verb: an adjective after its
        noun ("called Trump's remarks silly", where English puts an attribute before the
        noun) and the noun of "nothing more than X" / "nothing but X"."""
        tr = self.tree
        out = []
        for o in tr.kids(i, ("dobj", "ccomp")):
            if tr.tok(o).pos not in NOUN_POS:
                continue
            out += [c for a in tr.kids(o, ("amod",)) if a > o for c in tr.conjuncts(a)]
            for j in tr.full_subtree(o):
                if tr.lower(j) in ("nothing", "little") and j > o:
                    for k in tr.full_subtree(j):
                        if tr.tok(k).dep == "pobj" and tr.lower(tr.head(k)) in ("than", "but"):
                            out.append(k)
        return out

    def _label_code(self, p: int) -> Code | None:
        tr = self.tree
        lemma = tr.lemma(p)
        keys = [f"{tr.lemma(m)} {lemma}" for m in tr.kids(p, ("amod", "compound", "advmod"))]
        for prep in tr.kids(p, ("prep",)):
            keys += [f"{lemma} {tr.lower(prep)} {tr.lemma(o)}" for o in tr.kids(prep, ("pobj",))]
        keys.append(lemma)
        if lemma in self.lex.label_heads:
            # "an abhorrent act", "an act of state piracy": the modifier carries the judgement
            keys += [tr.lemma(m) for m in tr.kids(p, ("amod",))]
            for _, o in tr.prep_objects(p, ("of",)):
                keys += [f"{tr.lemma(m)} {tr.lemma(o)}" for m in tr.kids(o, ("amod", "compound"))] + [tr.lemma(o)]
        for key in keys:
            if key in self.lex.labels:
                return self.lex.labels[key]
        return None

    def plain_trigger(self, i: int) -> Trigger | None:
        tr = self.tree
        t = tr.tok(i)
        if t.pos == "VERB":
            # a label first: "called it a historic day" is a judgement, not the idiom "call it"
            label = self.label_trigger(i)
            if label is not None:
                return label
            if self.is_idiom(i):
                return None
            contact = self.lex.contact_verbs.get(tr.lemma(i))
            if contact and self.contacts_party(i):
                return Trigger(tok=i, toks=(i,), plover=contact[0], mode=contact[1], kind="verb", carrier=i)
            for key, toks in self.verb_keys(i):
                code = self.lex.verbs.get(key)
                if code:
                    if key in self.lex.needs_object and not tr.kids(i, ("dobj", "nsubjpass", "dative")):
                        return None
                    return Trigger(tok=i, toks=toks, plover=code[0], mode=code[1], kind="verb", carrier=i)
            code = self.lex.actor_object_verbs.get(tr.lemma(i))
            if code and any(p.ref.kind in ("state", "government", "igo")
                            for o in tr.kids(i, ("dobj", "nsubjpass")) for p in self.parties_at(o, deep=False)):
                # "the African Union suspended Guinea": a body's measure against a member
                return Trigger(tok=i, toks=(i,), plover=code[0], mode=code[1], kind="verb", carrier=i)
            code = self.lex.reciprocal_verbs.get(tr.lemma(i))
            subj = tr.kid(i, "nsubj")
            if code and subj is not None and tr.kids(subj, ("conj",)) and not tr.kids(i, ("ccomp", "dobj")):
                return Trigger(tok=i, toks=(i,), plover=code[0], mode=code[1], kind="verb", carrier=i)
            travel = self.travel_trigger(i)
            if travel is not None:
                return travel
            subj = tr.kid(i, "nsubj")
            if subj is not None and tr.lemma(i) in self.lex.travel_verbs and tr.kids(subj, ("poss",)) \
                    and tr.lemma(subj) in self.lex.travel_vehicles:
                return None  # "her plane landed in Taipei": someone's journey, not an attack
            if subj is None and t.dep == "xcomp":
                subj = tr.kid(t.head, "nsubj")  # "drones keep falling on", "continued to fall on"
            if subj is not None and tr.lemma(subj) in self.lex.weapon_nouns:
                # "its missiles were falling on the grain terminals": a weapon's landing is an attack
                for key, toks in self.verb_keys(i):
                    if key in self.lex.weapon_verbs:
                        return Trigger(tok=i, toks=toks, plover="ASSAULT", mode=None, kind="verb", carrier=i)
            if subj is not None and tr.lemma(subj) in self.lex.moving_forces:
                # "Ethiopian troops moved toward the border", "tanks crossed into Kursk": a
                # force's movement is a deployment or an incursion
                for key, toks in self.verb_keys(i):
                    code = self.lex.force_moves.get(key)
                    if code:
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

    def travel_trigger(self, i: int) -> Trigger | None:
        """A person's journey to a foreign state is a visit ("Merkel flew to Kyiv", "her plane
        landed in Taipei", "arrived in Goa for talks"): a travel verb whose subject is a person
        (or a person's plane) and whose "to/in/at" phrase names a state, its capital or a place
        in another country than the traveller's."""
        tr = self.tree
        if tr.lemma(i) not in self.lex.travel_verbs:
            return None
        subj = tr.kid(i, "nsubj")
        if subj is None:
            return None
        who = subj
        if tr.lemma(subj) in self.lex.travel_vehicles:
            owner = tr.kids(subj, ("poss",))
            if not owner:
                return None
            who = owner[0]
        if tr.tok(who).tag in ("WP", "WDT") and tr.tok(i).dep == "relcl":
            who = tr.head(i)  # "Li Qiang, who arrived on Monday"
        m = tr.mention_of.get(who)
        if m is None or not any(r.kind == "person" and r.country for r in m.refs):
            return None
        home = {r.country for r in m.refs}
        named_dest = False
        for q in tr.kids(i, ("prep",)):
            if tr.lower(q) not in self.lex.travel_preps:
                continue
            for o in tr.kids(q, ("pobj",)):
                named_dest = True
                dest = self._destination_country(o)
                if dest and dest not in home:
                    return Trigger(tok=i, toks=(i, q), plover="CONSULT", mode="visit", kind="verb", carrier=i)
        # "arrived on Monday for a four-day visit": with no destination named, an arrival is in
        # the place the article is filed from (its dateline), when that is abroad for the traveller
        if not named_dest and tr.lemma(i) in self.lex.arrival_verbs and not any(
                tr.lower(c) in self.lex.homeward_words for c in tr.kids(i, ("advmod", "prt", "npadvmod"))):
            host = self.dateline_country()
            if host and host not in home:
                return Trigger(tok=i, toks=(i,), plover="CONSULT", mode="visit", kind="verb", carrier=i)
        return None

    def dateline_country(self) -> str | None:
        """The country of the article's dateline ("ISLAMABAD:", "KYIV (Reuters) -"): a run of
        capitalised words opening one of the first sentences, followed by a colon, dash, comma
        or bracket, that names a place."""
        from .places import lookup
        tr = self.tree
        for sent in tr.parsed.sentences[:DATELINE_SENTENCES]:
            words = []
            for j in range(sent.tok_start, sent.tok_end):
                t = tr.tok(j)
                if t.text.isalpha() and t.text.isupper() and len(t.text) > 1:
                    words.append(t.text)
                    continue
                if words and t.text in (":", "-", "—", "–", "(", ","):
                    place = lookup(" ".join(words).title())
                    if place is not None and place.country:
                        return place.country
                break
        return None

    def _destination_country(self, o: int) -> str | None:
        """The country a destination phrase names: a state or capital mention, else a place."""
        from .places import resolve_phrase
        tr = self.tree
        for k in [o, *tr.kids(o, ("poss", "compound"))]:
            m = tr.mention_of.get(k)
            if m is not None:
                states = [r.country for r in m.refs if r.kind in ("state", "government") and r.country]
                if states:
                    return states[0]
        # a bare place name is trusted only for a state the article names (gazetteer names
        # repeat across countries: "Goa", "Florida")
        place = resolve_phrase(tr, o, lambda j: None)
        if place is None or place.country not in self.named_states():
            return None
        return place.country

    def named_states(self) -> frozenset[str]:
        """The countries whose state or government the article names."""
        tr = self.tree
        return frozenset(r.country for m in tr.mentions for r in m.refs
                         if r.kind in ("state", "government") and r.country)

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
                            consumed.update(set(self.tree.subtree(c, frozenset({"relcl"}))) - self._grievance(c))
                    if trig.complement is None:
                        # "refused to allow planes to land and evacuate": what is refused,
                        # threatened or asked for has not happened
                        for c in self.tree.kids(trig.tok, ("xcomp",)):
                            consumed.update(self._unrealised(c))
        for i in range(sent.tok_start, sent.tok_end):
            if i in consumed or any(f.tok == i for f in frames):
                continue
            trig = self.directive_trigger(i)
            if trig is not None:
                frames.append(trig)
                for c in self.tree.kids(i, ("xcomp", "ccomp")):
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
        taken = consumed | frame_toks | {t.tok for t in plain}
        for i in range(sent.tok_start, sent.tok_end):
            if i not in taken:
                trig = self.demand_trigger(i)
                if trig:
                    plain.append(trig)
        return [t for t in plain + frames if not self.is_imperative(t.tok)
                and not self.in_name(t.tok)]

    def _unrealised(self, c: int) -> set[int]:
        """What an infinitive complement says is refused, threatened or agreed: its subtree,
        less a time phrase of what already happened that the parser hung on it ("agreed to
        reopen the border after talks mediated by Egypt": the talks took place)."""
        tr = self.tree
        toks = set(tr.subtree(c, frozenset({"relcl"})))
        for q in tr.kids(c, ("prep",)):
            if tr.lower(q) in self.lex.past_event_preps:
                toks -= set(tr.full_subtree(q))
        return toks - self._grievance(c)

    def _grievance(self, c: int) -> set[int]:
        """What a threatened retaliation answers ("vowed to retaliate for the April 1 strike
        on its consulate"): the act answered has happened, and is an event of its own."""
        tr = self.tree
        if tr.lemma(c) not in self.lex.retaliation_verbs:
            return set()
        return {j for q in tr.kids(c, ("prep",)) if tr.lower(q) in ("for", "against")
                for o in tr.kids(q, ("pobj",)) if tr.tok(o).pos == "NOUN" for j in tr.full_subtree(q)}

    def contacts_party(self, i: int) -> bool:
        """"Trump called Zelensky": the verb's only complement is an actor it reaches (not
        "called the attack a crime", "called him a traitor", "called for talks", "called
        elections")."""
        tr = self.tree
        objs = tr.kids(i, ("dobj",))
        if not objs:
            # "Macron called Zelensky on Tuesday": the parser's reading of a name as a predicate
            objs = [o for o in tr.kids(i, ("oprd",)) if tr.tok(o).pos == "PROPN"]
        if tr.kids(i, ("xcomp", "ccomp", "attr", "acomp", "prt")) or \
                any(tr.lower(a) in PHRASAL_ADVERBS for a in tr.kids(i, ("advmod",))) or \
                any(o not in objs for o in tr.kids(i, ("oprd",))):
            return False
        for p in tr.kids(i, ("prep",)):
            if tr.lower(p) == "for" or tr.lower(p) in ("on", "upon") and any(
                    self.parties_at(o) for o in tr.kids(p, ("pobj",))):
                return False  # "called on Russia to ..."
        return len(objs) == 1 and not any(a > objs[0] for a in tr.kids(objs[0], ("amod",))) and any(
            p.ref.kind in ("person", "state", "government") for p in self.parties_at(objs[0]))

    def directive_trigger(self, i: int) -> Trigger | None:
        """"expected Pakistan to act against the groups", "ordered Pakistan not to carry out
        the sentence", "told India to stop": a directive verb whose object is an actor and
        who is to do something is a demand of that actor (PLOVER REQUEST), whatever is asked."""
        tr = self.tree
        if tr.tok(i).pos != "VERB" or tr.lemma(i) not in self.lex.directive_verbs:
            return None
        if any(key != tr.lemma(i) and key in self.lex.verbs for key, _ in self.keys_of(i)):
            return None  # "ordered the ambassador to leave": the phrase names the act (an expulsion)
        objs = tr.kids(i, ("dobj",))
        acts = [c for c in tr.kids(i, ("xcomp",)) if tr.tok(c).pos in VERB_POS]
        if not objs:
            # the parser's other reading: "expected [Pakistan to act]" as a clause
            acts = [c for c in tr.kids(i, ("ccomp",)) if tr.tok(c).pos in VERB_POS
                    and any(tr.lower(a) == "to" for a in tr.kids(c, ("aux",))) and tr.kid(c, "nsubj") is not None]
            objs = [tr.kid(c, "nsubj") for c in acts[:1]]
        if len(objs) != 1 or not acts or not self.parties_at(objs[0]):
            return None
        demanded = self._lexical_type(acts[0])
        mode = self.lex.deontic_modes.get(demanded or "*", self.lex.deontic_modes.get("*"))
        return Trigger(tok=i, toks=(i,), plover="REQUEST", mode=mode, kind="verb", carrier=i, frame="request")

    def demand_trigger(self, i: int) -> Trigger | None:
        """"Kuleba said Russia must stop its blackmail", "it was vital that every party
        refrain from ...": what someone says another must do is a demand of them, whatever
        the verb (the event stage turns it into a REQUEST from the speaker)."""
        tr = self.tree
        if tr.tok(i).pos != "VERB" or not self.is_deontic(i):
            return None
        subj = tr.kid(i, "nsubj")
        if subj is None or not (self.parties_at(subj) or self.placeholder(subj)):
            return None
        speakers, speech = self.speaker_of(i)
        if speech is None or not speakers:
            return None
        return Trigger(tok=i, toks=(i,), plover="REQUEST", mode=None, kind="verb", carrier=i)

    def is_generic(self, i: int) -> bool:
        """A verb that only describes a noun ("its role in mediating", "the right to defend
        itself", "a policy to withdraw"): not an event, unless the noun is itself an event
        word, an intention ("plans to impose tariffs") or a paper that enacts it."""
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
        # "a decree imposing measures on Turkey": a paper enacts what its participle says
        # ("statements backing the decision": a statement, only what sits right on it)
        return tr.lemma(noun) not in self.lex.instrument_nouns and not (
            t.dep == "acl" and tr.lemma(noun) in self.lex.statement_papers)

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

    def is_event_word(self, i: int) -> bool:
        """Whether token i is a word of the event lexicon (trigger, frame or complement)."""
        lex = self.lex
        for key, _ in self.keys_of(i):
            if key in lex.nouns or key in lex.verbs or key in lex.frame_of or key in lex.complement_of:
                return True
        return False


def _kind(pos: str) -> str:
    if pos in VERB_POS:
        return "verb"
    if pos in NOUN_POS:
        return "noun"
    return "adj"


@functools.cache
def _typo_index() -> tuple[dict[str, tuple[int, Code]], dict[str, tuple[int, Code]]]:
    """The one-word noun triggers long enough to be read through a typo, as (every string one
    letter short of one, or with two neighbours swapped → the first such trigger's (rank,
    code); each trigger → its (rank, code)); built once instead of comparing every noun with
    every trigger."""
    lex = load_lexicon()
    keys = [(k, c) for k, c in lex.nouns.items() if " " not in k and len(k) >= lex.typo_min_length]
    near: dict[str, tuple[int, Code]] = {}
    for rank, (key, code) in enumerate(keys):
        for variant in _deletions(key) | _swaps(key):
            near.setdefault(variant, (rank, code))
    return near, {key: (rank, code) for rank, (key, code) in enumerate(keys)}


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _swaps(word: str) -> set[str]:
    """The word with two different neighbouring letters swapped."""
    return {word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1) if word[k] != word[k + 1]}
