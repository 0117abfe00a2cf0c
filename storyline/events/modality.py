"""Modality of an event: asserted, negated, hypothetical, intended or reported.

A negated or hypothetical event is kept but never counted as having happened. The cue
words are data (``storyline/data/events/modality.yaml``); the rules read the parse:
negation on the word that carries the event, a conditional clause on the way up to the
root, future and modal auxiliaries, intention verbs that govern it, and a verb of saying
whose complement it is.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import load_yaml
from .lexicon import load_lexicon
from .syntax import Tree

CUES = "events/modality.yaml"
# Precedence when several modalities apply: an event someone claims will happen has not
# happened, so "intended" outranks "reported"; a denial outranks everything.
PRECEDENCE = ("negated", "hypothetical", "intended", "reported", "asserted")
# Clausal links the walk up to the root follows; other links end the event's own clause.
CLIMB_DEPS = frozenset({"conj", "xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "prep", "pobj",
                        "dobj", "parataxis", "csubj", "nsubj", "nsubjpass", "attr", "appos", "npadvmod",
                        "oprd", "acomp", "advmod", "compound", "amod", "dative", "agent"})


@dataclass(frozen=True, slots=True)
class ModalityCues:
    negators: frozenset[str]
    negative_determiners: frozenset[str]
    negative_objects: frozenset[str]
    failure_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    intention_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    reported_adverbs: frozenset[str]
    reported_heads: frozenset[str]


@functools.cache
def load_cues() -> ModalityCues:
    """Load the modality cue words (cached). Raises DataError on a malformed file."""
    data = load_yaml(CUES)
    if not isinstance(data, dict):
        raise DataError(f"storyline/data/{CUES}: expected a mapping")

    def words(key: str) -> list[str]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise DataError(f"storyline/data/{CUES}: '{key}' must be a list of words")
        return [w.lower() for w in value]

    return ModalityCues(
        negators=frozenset(words("negators")),
        negative_determiners=frozenset(words("negative_determiners")),
        negative_objects=frozenset(words("negative_objects")),
        failure_verbs=frozenset(words("failure_verbs")),
        conditional_marks=frozenset(words("conditional_marks")),
        hypothetical_aux=frozenset(words("hypothetical_aux")),
        future_aux=frozenset(words("future_aux")),
        future_heads=frozenset(words("future_heads")),
        intention_verbs=frozenset(words("intention_verbs")),
        intention_nouns=frozenset(words("intention_nouns")),
        reported_adverbs=frozenset(words("reported_adverbs")),
        reported_heads=frozenset(words("reported_heads")))


def is_negated(tree: Tree, i: int, cues: ModalityCues | None = None) -> bool:
    """Whether token i carries a negation ("not", "never", "no discussions")."""
    cues = cues or load_cues()
    for c in tree.kids(i):
        t = tree.tok(c)
        low = t.text.lower()
        if t.dep == "neg" or (t.dep in ("advmod", "preconj") and low in cues.negators):
            return True
        if t.dep == "det" and low in cues.negative_determiners:
            return True
        if t.dep == "dobj" and low in cues.negative_objects:
            return True  # "signed nothing with Russia"
        if t.dep in ("nsubj", "nsubjpass") and t.pos == "NOUN" and any(
                tree.tok(d).dep == "det" and tree.lower(d) in cues.negative_determiners for d in tree.kids(c)):
            return True  # "Neither leader signed the text"
    return False


def _is_conditional(tree: Tree, i: int, cues: ModalityCues) -> bool:
    for c in tree.kids(i, ("mark", "advmod")):
        if tree.lower(c) in cues.conditional_marks:
            return True
    return False


def _has_conditional_clause(tree: Tree, i: int, cues: ModalityCues) -> bool:
    return any(_is_conditional(tree, c, cues) for c in tree.kids(i, ("advcl",)))


def _future(tree: Tree, i: int, cues: ModalityCues) -> bool:
    aux = set(tree.auxes(i))
    if aux & cues.future_aux:
        return True
    # "going to do", "set to impose": the phrase's head governs the event as xcomp
    t = tree.tok(i)
    return t.dep == "xcomp" and tree.lower(t.head) in cues.future_heads


def conditional_role(tree: Tree, carrier: int, cues: ModalityCues | None = None) -> str | None:
    """"condition" when the carrier is inside an if-clause, "consequence" when it is the main
    clause of one ("If you stop it, we'll do a trade"), else None."""
    cues = cues or load_cues()
    i = carrier
    while True:
        if _is_conditional(tree, i, cues):
            return "condition"
        if _has_conditional_clause(tree, i, cues):
            return "consequence"
        t = tree.tok(i)
        # "we're not going to do any trade": the condition hangs on "going"
        if t.dep == "xcomp" and (tree.lower(t.head) in cues.future_heads
                                 or tree.lemma(t.head) in cues.intention_verbs):
            i = t.head
            continue
        return None


def modality_of(tree: Tree, trigger: int, carrier: int, *, own_aux: bool = True,
                future_is_intent: bool = True, negation_absorbed: bool = False,
                cues: ModalityCues | None = None) -> str:
    """The modality of the event whose word is ``trigger`` and whose clause verb is ``carrier``
    (the trigger itself for a verb; the light verb or governing verb for a noun).

    ``own_aux``: whether the carrier's auxiliaries are the event's (not so for a noun that is
    merely the object of an unrelated verb). ``future_is_intent``: False for words whose
    meaning is already about the future (a refusal or a threat stated with "will").
    ``negation_absorbed``: the negation is part of the trigger's meaning ("will not accept").
    """
    cues = cues or load_cues()
    found: set[str] = set()
    if not negation_absorbed:
        if is_negated(tree, trigger, cues) or (own_aux and carrier != trigger and is_negated(tree, carrier, cues)):
            found.add("negated")
    if own_aux:
        aux = set(tree.auxes(carrier))
        if future_is_intent and _future(tree, carrier, cues):
            found.add("intended")
        elif aux & cues.hypothetical_aux:
            # "said they would boycott": "would" in reported speech is the future of then
            if future_is_intent and aux & {"would", "'d"} and _in_speech(tree, carrier) \
                    and conditional_role(tree, carrier, cues) is None:
                found.add("intended")
            else:
                found.add("hypothetical")
    # walk up from the carrier through the clauses that contain it
    i = carrier
    first = True
    steps = 0
    while steps < 40:
        steps += 1
        t = tree.tok(i)
        if _is_conditional(tree, i, cues):
            found.add("hypothetical")
        if first and own_aux and _has_conditional_clause(tree, i, cues):
            found.add("hypothetical")
        for c in tree.kids(i, ("advmod",)):
            if tree.lower(c) in cues.reported_adverbs:
                found.add("reported")
        for c in tree.kids(i, ("prep", "advcl")):
            if tree.lower(c) in cues.reported_heads:
                found.add("reported")
        if t.head == i or t.dep not in CLIMB_DEPS:
            break
        head = t.head
        head_lemma = tree.lemma(head)
        if t.dep == "xcomp" and head_lemma in cues.failure_verbs and not negation_absorbed:
            found.add("negated")  # "failed to reach agreement"
        if t.dep == "xcomp" and (head_lemma in cues.intention_verbs
                                 or tree.lower(head) in cues.future_heads):
            if future_is_intent:
                found.add("intended")
            if not negation_absorbed and is_negated(tree, head, cues):
                found.add("negated")
        if t.dep == "acl" and head_lemma in cues.intention_nouns and future_is_intent:
            found.add("intended")
        if t.dep in ("ccomp", "parataxis") and _is_speech(tree, head):
            found.add("reported")
            break
        if t.dep == "pcomp" and tree.lower(head) in ("of", "for") and _is_speech(tree, tree.head(head)):
            found.add("reported")  # "accused Moscow of using a pretext to block ...": alleged
            break
        if t.dep in ("relcl", "acl"):
            break  # a clause that modifies a noun is presupposed, not governed
        if t.dep in ("ccomp", "xcomp", "advcl", "conj", "parataxis"):
            first = False
        i = head
    for m in PRECEDENCE:
        if m in found:
            return m
    return "asserted"


def _in_speech(tree: Tree, i: int) -> bool:
    """Whether token i's clause is the complement of a verb of saying."""
    j = i
    for a in tree.ancestors(i):
        if tree.tok(j).dep in ("ccomp", "parataxis") and _is_speech(tree, a):
            return True
        if tree.tok(j).dep not in ("conj", "xcomp", "advcl", "ccomp"):
            return False
        j = a
    return False


def _is_speech(tree: Tree, i: int) -> bool:
    return tree.lemma(i) in load_lexicon().speech_verbs
