"""Roles: who acts and who receives, read from the parse and the actor stage's mentions.

The actor of a verb is its subject, the "by" agent of a passive, the controller of an
infinitive ("offered to mediate"), or the subject inherited along coordination and
participles; of a nominal, its possessor, "by/from" phrase or actor modifier. The recipient
is the object, the dative, or a marked preposition ("against/on/with/to/between"). An actor
is always an ActorRef from a mention, or a named phrase the actor stage could not resolve
(kind "other"); pronouns the actor stage left unresolved are read, in what someone says, as
the speaker ("Syria says it is willing ...").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import ActorRef, Mention
from .places import lookup as lookup_place
from .syntax import Tree
from .triggers import DATE_ENTS, NOUN_POS, VERB_POS, Trigger

# A quotation: curly or straight double quotes (single quotes nest inside and are too often
# apostrophes to pair on their own).
QUOTATION = re.compile(r"“[^”]{3,2000}”|\"[^\"]{3,2000}\"")
STATE_KINDS = frozenset({"state", "government", "military"})
# Determiners that make a judged noun a definite act already told ("the decision", "this move").
JUDGED_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# How many sentences back the author of a judged act may be looked for (see other_side).
OTHER_SIDE_WINDOW = 2
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Pronouns that, unresolved inside what someone says, stand for the speaker ("Syria says it is
# willing", "we will retaliate"); not "you", which is whoever is addressed.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "it", "its", "he", "his", "she", "her",
                              "they", "their", "them"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Subject pronouns that carry the previous sentence's subject over → the actor kinds they can
# stand for.
_BODIES = frozenset({"state", "government", "military", "igo", "org"})
PRONOUN_KINDS = {"he": frozenset({"person"}), "she": frozenset({"person"}), "it": _BODIES, "they": _BODIES}
# Subordinators of a clause that happens at the same time as its head ("... when gunmen
# stormed the base").
TEMPORAL_MARKS = frozenset({"when", "as", "while"})
# How many sentences back "the army" may find the army it means.
DEFINITE_WINDOW = 5
# Dependency hops from a listed meeting up to the clause it stands beside ("a session with
# Biden" → appos → "Modi" → pobj → "with" → prep → "meeting" → advcl → "worked"): six covers a
# list of three items; further up, the noun belongs to another clause.
LISTED_MEETING_HOPS = 6


@dataclass(slots=True)
class Party:
    """An actor found for an event, the token that named it and how it was found."""

    ref: ActorRef
    tok: int
    how: str = "parse"


def actor_key(ref: ActorRef | None):
    """Identity of an actor for de-duplication: its id, or its name, country and kind."""
    if ref is None:
        return None
    return ref.actor_id or (ref.name, ref.country, ref.kind)


class RoleFinder:
    """Actor and recipient finding (mixed into the Extractor, which holds ``tree``, ``lex``,
    ``cues``, the events so far and the nominal events by token)."""

    tree: Tree

    def parties_at(self, a: int, deep: bool = True, loose: bool = False) -> list[Party]:
        """The actors a noun phrase names: its mention, its coordinated mentions, or the
        mentions among its modifiers ("Indian and Pakistani jets", "leaders of both").
        ``loose`` (for recipients): a possessor names the one affected whatever the noun
        ("backing for India's right", "praised Haiti's efforts")."""
        tr = self.tree
        out: list[Party] = []
        for c in tr.conjuncts(a):
            group = self.group_placeholder(c)
            if group:
                # "the two warring sides", "they" for them: the article's sides (see
                # context.py), not the two actors named last
                out.extend(group)
                continue
            m = tr.mention_of.get(c)
            if m is not None and tr.lemma(c) in self.lex.actor_nouns:
                # "his Russian counterpart, Sergei Shoigu": the person named beats the state
                named = [p for k in tr.kids(c, ("appos",)) if (mk := tr.mention_of.get(k)) is not None
                         for p in self._refs(mk, k) if p.ref.kind == "person"]
                if named:
                    out.extend(named)
                    continue
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
            if tr.lemma(c) in self.lex.actor_nouns:
                # "the forum (APEC)", "his Russian counterpart, Sergei Shoigu": the name given
                for k in tr.kids(c, ("appos",)):
                    mk = tr.mention_of.get(k)
                    if mk is not None:
                        found.extend(self._refs(mk, k))
            if tr.lemma(c) in self.lex.actor_nouns or tr.lemma(c) in self.lex.weapon_nouns \
                    or tr.tok(c).pos == "PROPN":
                mods = ("poss", "compound", "amod", "nmod")  # "Indian officials", "Pakistani jets"
            else:
                mods = ("poss",) if loose else ()
            if tr.lemma(c) in self.lex.relational_nouns:
                mods = tuple(d for d in mods if d != "poss")  # "his counterpart" is not him
            for k in (tr.kids(c, mods) if not found else []):
                for kk in tr.conjuncts(k):
                    mk = tr.mention_of.get(kk)
                    if mk is not None:
                        found.extend(self._refs(mk, kk))
            if not found and deep:
                preps = ("of", "from") if tr.lemma(c) in self.lex.envoy_nouns else ("of",)
                for _, o in tr.prep_objects(c, preps):
                    found.extend(self.parties_at(o, deep=False, loose=loose))
            if not found:
                found = self.definite_actor(c)
            out.extend(found)
        return _unique(out)

    def own_forces(self, o: int, v: int) -> list[Party]:
        """Forces a state's spokesman names without saying whose ("Ukraine's southern command
        said two more were shot down by air defences"): the speaker's own."""
        tr = self.tree
        if tr.lemma(o) not in self.lex.own_force_nouns or tr.kids(o, ("poss",)):
            return []
        if any(tr.tok(k).ent_type in ("NORP", "GPE") for k in tr.kids(o, ("amod", "compound"))):
            return []  # "Russian air defences" would have been a mention
        speakers, _ = self.speaker_of(v)
        country = next((p.ref.country for p in speakers if p.ref.country and p.ref.kind != "nsa"), None)
        if country is None:
            return []
        text = tr.text(min(tr.subtree(o)), max(tr.subtree(o)) + 1)
        return [Party(ActorRef(actor_id=None, name=text, kind="military", country=country, text=text), o,
                      "context")]

    def definite_actor(self, i: int) -> list[Party]:
        """"the army", "the government": the army or government the article last named
        ("Sudan's army said ... The RSF accused the army of ...")."""
        tr = self.tree
        kind = self.lex.definite_actors.get(tr.lemma(i))
        if kind is None or not any(tr.lower(d) == "the" for d in tr.kids(i, ("det",))) \
                or tr.kids(i, ("amod", "compound", "poss")):
            return []
        here = tr.tok(i).sent
        best = None
        for m in tr.mentions:
            t0 = m.tok_start if m.tok_start >= 0 else None
            if t0 is None or t0 >= i or here - tr.tok(t0).sent > DEFINITE_WINDOW:
                continue
            if any(r.kind == kind for r in m.refs) and (best is None or m.tok_start > best.tok_start):
                best = m
        if best is None:
            return []
        return [Party(r, i, "context") for r in best.refs if r.kind == kind]

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
        if self.names_nonstate(i):
            # "armed men", "gunmen", "protesters": unnamed, but plainly not a state
            return [Party(ActorRef(actor_id=None, name=text, kind="nsa", text=text), i, "nsa-cue")]
        country = None
        for _, o in tr.prep_objects(i, ("in", "from", "of")):
            # "opposition groups in Zimbabwe", "doctors from Cuba": whose they are
            m = tr.mention_of.get(o)
            if m is not None and len(m.refs) == 1 and m.refs[0].kind == "state":
                country = m.refs[0].country
        return [Party(ActorRef(actor_id=None, name=text, kind="other", country=country, text=text), i,
                      "unresolved")]

    def previous_subject(self, pron: int) -> list[Party]:
        """What a sentence-initial subject pronoun the actor stage left unresolved stands for:
        the subject of the sentence before, when it is of the pronoun's kind ("Kuwait's ruler,
        Sheikh Sabah, has stepped in. He telephoned ..."): English carries the topic over."""
        tr = self.tree
        word = tr.lower(pron)
        kinds = PRONOUN_KINDS.get(word)
        if kinds is None:
            return []
        here = tr.tok(pron).sent
        sent = tr.parsed.sentences[here]
        if here == 0 or any(tr.tok(j).pos in NOUN_POS | {"PRON"} for j in range(sent.tok_start, pron)
                            if tr.tok(j).dep in ("nsubj", "nsubjpass")):
            return []  # only the first subject of its sentence carries the topic over
        prev = tr.parsed.sentences[here - 1]
        if prev.paragraph != sent.paragraph:
            return []
        roots = [j for j in range(prev.tok_start, prev.tok_end) if tr.tok(j).dep == "ROOT"]
        for r in roots:
            for subj in tr.kids(r, ("nsubj", "nsubjpass")):
                ps = [p for p in self.parties_at(subj) if p.ref.kind in kinds]
                if ps:
                    return [replace(p, tok=pron, how="context") for p in ps]
        return []

    def participle_object(self, v: int, c: int) -> list[Party]:
        """What an unresolved "it"/"them" object of a participle clause stands for: the one
        its main clause acted on ("severed relations with Doha, accusing it of ...")."""
        tr = self.tree
        t = tr.tok(v)
        if tr.lower(c) not in ("it", "them") or t.tag != "VBG" or t.dep not in ("advcl", "conj") \
                or tr.tok(t.head).pos not in VERB_POS:
            return []
        h = t.head
        subj = [p.ref for s in tr.kids(h, ("nsubj",)) for p in self.parties_at(s)]
        cands = tr.kids(h, ("dobj",))
        cands += [o for _, o in tr.prep_objects(h)]
        cands += [o for d in tr.kids(h, ("dobj",)) for _, o in tr.prep_objects(d)]
        for o in sorted(cands):
            ps = [p for p in self.parties_at(o) if not any(_same_side(p.ref, r) for r in subj)]
            if ps:
                return [replace(p, tok=c, how="context") for p in ps]
        return []

    def attack_clause_agent(self, v: int) -> list[Party]:
        """The agent of an agentless passive of harm told by the attack it happened in: "a
        soldier was shot dead when gunmen stormed the base" → the gunmen."""
        tr = self.tree
        if self._lexical_type(v) not in self.lex.conflict_types:
            return []
        for c in tr.kids(v, ("advcl",)):
            if not any(tr.lower(m) in TEMPORAL_MARKS for m in tr.kids(c, ("mark", "advmod"))):
                continue
            if self._lexical_type(c) in self.lex.conflict_types and not tr.is_passive(c):
                subj = tr.kid(c, "nsubj")
                if subj is not None:
                    return [replace(p, how=p.how if p.how != "parse" else "context")
                            for p in (self.parties_at(subj) or self.unresolved(subj))]
        return []

    def names_nonstate(self, i: int) -> bool:
        """Whether a noun phrase's head (with a modifier: "armed men") is an unnamed armed
        group or crowd, unless a state's adjective makes it that state's ("Russian gunmen")."""
        tr = self.tree
        words = self.lex.nsa_cues | self.lex.nonstate_crowds
        mods = tr.kids(i, ("amod", "compound"))
        if any(tr.tok(m).ent_type in ("NORP", "GPE") for m in mods):
            return False
        keys = {tr.lemma(i), tr.lower(i)} | {f"{tr.lower(m)} {w}" for m in mods for w in (tr.lemma(i), tr.lower(i))}
        return bool(keys & words)

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

    def temporal_subject(self, c: int) -> bool:
        """A date or time phrase in a subject's place ("that night", "the same day") that
        names no actor."""
        tr = self.tree
        t = tr.tok(c)
        return t.ent_type in DATE_ENTS and t.pos in NOUN_POS and t.dep == "nsubj" \
            and tr.mention_of.get(c) is None \
            and not any(tr.tok(k).pos in NOUN_POS and tr.tok(k).ent_type not in DATE_ENTS
                        for k in tr.full_subtree(c) if k != c)

    def subject_parties(self, v: int, depth: int = 0) -> list[Party]:
        """Who does what verb v says: its subject, the "by" agent of a passive, or the
        controller inherited through infinitives, coordination and participles."""
        tr = self.tree
        if depth > 6:
            return []
        t = tr.tok(v)
        if tr.is_passive(v) and t.pos in VERB_POS:
            # "recognised by 100 countries, but not by Serbia": a negated agent did not do it
            agents = [o for _, o in tr.prep_objects(v, ("by",)) if not tr.kids(tr.tok(o).head, ("neg",))]
            for o in agents:
                ps = self.parties_at(o) or self.own_forces(o, v)
                if ps:
                    return ps
            # "was beaten by protesters": an agent the actor stage left unnamed
            found = next((ps for o in agents if (ps := self.unresolved(o))), [])
            if not found and not agents:
                found = self.attack_clause_agent(v)
            return found
        subjects = tr.kids(v, ("nsubj", "csubj"))
        # "..., and that night asked the alliance for help": a time the parser took for the
        # subject of a later conjunct is no actor; the chain's subject is
        subjects = [c for c in subjects if not self.temporal_subject(c)]
        if len(subjects) > 1:
            # "KYIV, Oct. 30 — Russia has suspended ...": the dateline is not the subject
            subjects = [c for c in subjects if not tr.tok(c).text.isupper()] or subjects
        subj = subjects[-1] if subjects else None
        if subj is not None and tr.tok(subj).text.isupper() and len(tr.tok(subj).text) > 2:
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
                if speakers:
                    return [replace(p, how="context") for p in speakers]
                return self.previous_subject(subj)
            event = self.noun_event.get(subj)
            if event is not None and event.source is not None:
                return [replace(event.source, tok=subj, how="context")]
            ref = self.refer_back(subj)
            if ref is not None and ref.source is not None:
                return [replace(ref.source, tok=subj, how="context")]
            return self.unresolved(subj)
        dep, h = t.dep, t.head
        if h == v:
            # "It called the attack a terrorist act, said ... and warned ...": the parser made
            # the first clause a complement of the second; its subject is theirs
            first = [c for c in tr.kids(v, ("ccomp",)) if c < v and min(tr.full_subtree(c)) == tr.parsed.sentences[t.sent].tok_start]
            if first and tr.kid(first[0], "nsubj") is not None and t.pos in VERB_POS:
                return self.subject_parties(first[0], depth + 1)
            return []
        if dep == "xcomp":
            if tr.lemma(h) in self.lex.object_control_verbs:
                obj = tr.kid(h, "dobj")
                if obj is not None:
                    return self.parties_at(obj) or self.unresolved(obj)
            raised = tr.kid(h, "nsubjpass")
            if raised is not None and tr.is_passive(h) and not any(True for _ in tr.prep_objects(h, ("by",))):
                # "Xi is expected to meet Putin", "the minister was scheduled to visit": the
                # passive's subject is the infinitive's (English subject raising)
                return self.parties_at(raised) or self.unresolved(raised)
            return self.subject_parties(h, depth + 1)
        if dep == "acomp" and tr.tok(h).pos in VERB_POS:
            return self.subject_parties(h, depth + 1)  # "is due to meet": the copula's subject
        if dep == "conj" and tr.tok(h).pos in VERB_POS:
            ps = self.subject_parties(h, depth + 1)
            g = tr.head(h)
            if not ps and tr.tok(h).dep == "ccomp" and tr.lemma(g) in self.lex.speech_verbs and t.tag == tr.tok(g).tag:
                # "X's office said some points were unresolved and accused Hamas of ...": the
                # parser joined the second verb to the complement; it is the speaker's
                return self.subject_parties(g, depth + 1)
            return ps
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
            ps = self.noun_source(h) or self.parties_at(h)
            if not ps and self._instrument(h) and tr.tok(h).dep == "dobj" and tr.tok(tr.head(h)).pos in VERB_POS:
                # "signed a decree imposing measures on Turkey": the paper's signer does it
                return self.subject_parties(tr.head(h), depth + 1)
            return ps
        if dep == "relcl":
            return self.parties_at(h)
        return []

    def _instrument(self, n: int) -> bool:
        """A paper that enacts something ("a decree", "an executive order")."""
        tr = self.tree
        keys = {tr.lemma(n)} | {f"{tr.lemma(m)} {tr.lemma(n)}" for m in tr.kids(n, ("amod", "compound"))}
        return bool(keys & (self.lex.instrument_nouns | self.lex.statement_papers))

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
                    if m is not None and tr.mention_of.get(n) is not m:
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
            if subj is not None and t.dep == "relcl" and tr.tok(subj).tag in RELATIVE_TAGS:
                # "fishermen who have been kept away from the shoal": the relative's antecedent
                out.extend(self.parties_at(t.head))
            elif subj is not None:
                out.extend(self.parties_at(subj))
            elif t.dep in ("acl", "relcl") and t.tag == "VBN":
                out.extend(self.parties_at(t.head))
        objs = tr.kids(v, ("dobj", "dative", "iobj"))
        if not objs and tr.lemma(v) in self.lex.contact_verbs:
            objs = [o for o in tr.kids(v, ("oprd",)) if tr.tok(o).pos == "PROPN"]  # "called Zelensky on ..."
        dobjs = [c for c in objs if tr.tok(c).dep == "dobj"]
        for c in objs:
            if c in skip or (len(dobjs) > 1 and c != dobjs[0] and tr.tok(c).dep == "dobj"):
                continue  # a second "object" is an apposition to the first ("..., the first accord")
            ps = self.parties_at(c, loose=True) or self.participle_object(v, c) or self.crowd(c)
            if not ps and recall:
                # "rejected an Indian proposal", "condemned Serbia's suppression of the unrest",
                # "welcomed Reagan's statement": the author of what is answered
                ps = [replace(p, tok=c, how="recalled") for p in self.noun_source(c)]
            if not ps and recall:
                ref = self.refer_back(c)
                if ref is not None and ref.source is not None:
                    ps = [replace(ref.source, tok=c, how="recalled")]
            out.extend(ps or self.placeholder(c))
        for prep, o in tr.prep_objects(v, self.lex.prep_targets(plover, tr.lemma(v))):
            if o in skip:
                continue
            out.extend(self.parties_at(o, loose=True) or self.crowd(o) or self.placeholder(o))
        # "lodged an official protest with Albania", "threatened further action against
        # Russia": the object's own phrase carries the recipient
        for c in tr.kids(v, ("dobj",)):
            if c != v and (c in skip or not self.parties_at(c)):
                for prep, o in tr.prep_objects(c, self.lex.prep_targets(plover)):
                    ps = self.parties_at(o, loose=True)
                    if not ps and c in skip:
                        # "expressed concern about the Chinese drills", "voiced doubts about
                        # Congo's results": the phrase's grievance names whom it is aimed at
                        ps = [replace(p, tok=o, how="recalled") for p in self.noun_source(o)]
                    out.extend(ps)
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

    def crowd(self, o: int) -> list[Party]:
        """An unnamed crowd acted on ("fired tear gas at protesters", "detained dozens of
        demonstrators"): a non-state party named by its noun."""
        tr = self.tree
        for _ in range(2):  # "dozens of demonstrators": the crowd, not the number
            objs = [q for _, q in tr.prep_objects(o, ("of",))]
            if tr.lemma(o) in self.lex.nonstate_crowds or not objs:
                break
            o = objs[0]
        if tr.lemma(o) not in self.lex.nonstate_crowds:
            return []
        text = tr.text(o, o + 1)
        return [Party(ActorRef(actor_id=None, name=text, kind="nsa", text=text), o, "nsa-cue")]

    def label_targets(self, trig: Trigger, speakers: Sequence[Party] = ()) -> list[Party]:
        """Whom a label is about: the author it names ("a terrorist act by the Kiev regime"),
        the one labelled ("called Israel a terrorist state"), or the author of the act
        labelled ("Serbia's suppression", "the attack" reported earlier); when that author is
        the speaker's own side ("Russia vetoed the U.S. text; its envoy called it
        hypocritical"), the other party of the act recalled."""
        tr = self.tree
        # "a fraud staged by Moscow": also the agent of a participle on the label
        # ("an act of organised crime sponsored by Belgrade": on the label's "of" phrase too)
        heads = [trig.predicate, *(o for _, o in tr.prep_objects(trig.predicate, ("of",)))]
        for h in [*heads, *(a for h in heads for a in tr.kids(h, ("acl",)))]:
            for _, o in tr.prep_objects(h, ("by",)):
                ps = self.parties_at(o)
                if ps:
                    return ps
        obj = trig.label
        # "India's inclusion of Chinese territory": the possessor, before the modifiers
        ps = [p for k in tr.kids(obj, ("poss",)) for p in self.parties_at(k)]
        ps = ps or self.parties_at(obj) or self.noun_source(obj)
        own = {p.ref.country for p in speakers if p.ref.country}
        if ps and self.judged_noun(obj) and all(p.ref.country in own for p in ps):
            ps = []  # "the treatment of Colombian families": the speaker's own people suffered it
        if ps:
            return ps
        event = self.noun_event.get(obj)
        if event is None or event.source is None:
            # (a nominal with no author of its own re-mentions the act told before)
            event = self.refer_back(obj) or event
        if (event is None or event.source is None) and self.judged_noun(obj):
            # "said the measure was unjustified": the act reported last that such a word can name
            event = self.refer_back(obj, self.lex.judged_acts[tr.lemma(obj)])
            if event is not None and (event.source is None or event.source.ref.country in own
                                      or not event.source.ref.country
                                      or tr.tok(obj).sent - tr.tok(event.trigger.tok).sent > OTHER_SIDE_WINDOW):
                # (the speaker's own act is not what it condemns; a word like "the law" names
                # only an act told just before, by someone we know)
                event = None
        if event is not None and event.source is not None:
            # the act's authors, all of them when it had several ("Russia and China vetoed")
            authors = [d for d, _ in self.drafts if d.trigger.tok == event.trigger.tok and d.source is not None]
            if own & {d.source.ref.country for d in authors} and tr.tok(obj).pos == "PRON":
                return [replace(p, tok=obj, how="recalled") for p in event.targets
                        if p.ref.country and p.ref.country not in own]
            return [replace(event.source, tok=obj, how="recalled")]
        # "what he called the naked aggression of Indian forces": with nothing else labelled,
        # the forces the label's "of" names (not a possessor: "a violation of Ukraine's airspace")
        for _, o in tr.prep_objects(trig.predicate, ("of",)):
            ps = self.parties_at(o)
            if ps:
                return ps
        # "said the U.S. duties were unjustified": whose the thing judged is
        for k in tr.kids(obj, ("compound", "amod")):
            ps = self.parties_at(k)
            if ps:
                return ps
        if self.judged_noun(obj) and trig.predicate is not None and not self.agreement_word(obj):
            return self.other_side(obj, speakers)
        return []

    def judged_noun(self, n: int) -> bool:
        """Whether a judged noun is a definite word for an act ("the decision", "this move",
        "the vote", "these measures"), not a state of things ("the situation", "the economy")."""
        tr = self.tree
        return (tr.tok(n).pos == "NOUN" and tr.lemma(n) in self.lex.judged_acts
                and any(tr.lower(d) in JUDGED_DETERMINERS for d in tr.kids(n, ("det",))))

    def other_side(self, n: int, speakers: Sequence[Party]) -> list[Party]:
        """The author of an act judged but not named ("Pakistan shut its airspace. India said
        the decision was unjustified"): the state the sentences just before name, the subject
        of the nearest first, other than the speaker's side; none when that sentence names
        two such states with neither as its subject."""
        tr = self.tree
        sents = tr.parsed.sentences
        here = tr.tok(n).sent
        for s in range(here, max(-1, here - OTHER_SIDE_WINDOW - 1), -1):
            if s != here and sents[s].paragraph != sents[here].paragraph and here - s > 1:
                break  # (beyond the sentence before, only the judgement's own paragraph)
            end = n if s == here else sents[s].tok_end
            cands: list[tuple[bool, Party]] = []
            for m in tr.mentions:
                if not (sents[s].tok_start <= m.tok_start < end):
                    continue
                for p in self._refs(m, m.tok_start):
                    if p.ref.kind not in STATE_KINDS | {"person"} or not p.ref.country or any(
                            _same_side(p.ref, q.ref) or p.ref.country == q.ref.country for q in speakers):
                        continue
                    h = m.tok_end - 1
                    if tr.tok(h).dep in ("amod", "compound", "poss"):
                        h = tr.tok(h).head  # "Azerbaijani forces shelled": the forces' state
                    cands.append((tr.tok(h).dep in ("nsubj", "nsubjpass"), p))
            if not cands:
                continue
            subjects = [p for is_subj, p in cands if is_subj]
            countries = {p.ref.country for _, p in cands}
            pick = subjects[0] if subjects else (cands[0][1] if len(countries) == 1 else None)
            if pick is None:
                return []
            return [replace(pick, tok=n, how="recalled")]
        return []

    def group_placeholder(self, c: int) -> list[Party]:
        """A group the actor stage read as the last actors named, where the words name the
        parties or sides ("the two warring sides"), or a "they" that stands for such a group."""
        tr = self.tree
        m = tr.mention_of.get(c)
        if m is None or len(m.refs) < 2:
            return []
        if m.how == "group" and tr.lemma(c) in self.lex.party_words:
            return [Party(ActorRef(actor_id=None, name=m.text, kind="other", text=m.text), c, "placeholder")]
        if m.how != "pronoun" or tr.lower(c) not in ("they", "them", "their"):
            return []
        keys = {actor_key(r) for r in m.refs}
        here = tr.tok(c).sent
        for g in tr.mentions:
            if g.how != "group" or g.start >= m.start or g.tok_end <= 0 or here - tr.tok(g.tok_start).sent > 1:
                continue
            if tr.lemma(g.tok_end - 1) in self.lex.party_words and {actor_key(r) for r in g.refs} == keys:
                return [Party(ActorRef(actor_id=None, name=g.text, kind="other", text=g.text), c, "placeholder")]
        return []

    def group_guess(self, c: int) -> list[Party]:
        """The actor stage's own reading of a group placeholder at token c (the last two actors
        it named), for when the article's events do not say who the sides are."""
        m = self.tree.mention_of.get(c)
        if m is None or len(m.refs) < 2:
            return []
        return [Party(r, c, "context") for r in m.refs]

    def placeholder(self, n: int) -> list[Party]:
        """"every party", "all sides", "both signatories": the parties, to be named from the
        article (see context.py)."""
        tr = self.tree
        if tr.lemma(n) not in self.lex.party_words or tr.tok(n).pos != "NOUN":
            return []
        dets = {tr.lower(c) for c in tr.kids(n, ("det", "predet", "nummod", "amod"))}
        if not dets & self.lex.party_determiners or (tr.lower(n) == tr.lemma(n) and dets <= {"the"}):
            return []  # "the party" (one political party) is not the parties
        text = tr.text(min(tr.subtree(n)), max(tr.subtree(n)) + 1)
        return [Party(ActorRef(actor_id=None, name=text, kind="other", text=text), n, "placeholder")]

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
        for prep, o in tr.prep_objects(n, self.lex.prep_targets(plover, lemma) | {"between", "among"}):
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

    def listed_subject(self, n: int) -> list[Party]:
        """The subject of the clause a meeting is listed beside ("by Sunday he had worked the
        room: a first meeting with Modi, a session with Biden"): the one who met them. Only a
        noun set apart from the clause (an apposition, or an adverbial the parser hangs a list
        on) counts; "criticised the meeting with Putin" is another's meeting."""
        tr = self.tree
        hops: list[str] = []
        k = n
        for _ in range(LISTED_MEETING_HOPS):
            t = tr.tok(k)
            if t.head == k:
                return []
            hops.append(t.dep)
            k = t.head
            if tr.tok(k).pos in VERB_POS:
                break
        if tr.tok(k).pos not in VERB_POS or tr.is_passive(k):
            return []
        first = min(tr.full_subtree(n))
        listed = first > 0 and tr.lower(first - 1) in (":", "—", "–")  # "his diary: a meeting with"
        if hops[-1] not in ("advcl", "npadvmod", "appos") and "appos" not in hops and not listed:
            return []
        if hops[-1] in ("nsubj", "nsubjpass"):
            return []
        return [replace(p, how="context") for p in self.subject_parties(k)
                if not n <= p.tok <= max(tr.full_subtree(n))]

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
        said = [t for t in tr.tokens if t.pos == "VERB" and tr.lemma(t.i) in self.lex.speech_verbs]
        out = []
        for m in QUOTATION.finditer(tr.parsed.text):
            start, end = m.start(), m.end()
            opening, closing = self._sent_at(start), self._sent_at(max(end - 1, 0))
            before = [t.i for t in said if t.idx < start and t.sent == opening]
            after = [t.i for t in said if t.idx >= end and t.sent == closing]
            out.append((start, end, before[-1] if before else after[0] if after else None))
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

    def is_state_itself(self, p: Party) -> bool:
        """A government or army, or a state named as such ("Russia", "Moscow"), not a crowd
        named by its nationality ("Palestinian prisoners")."""
        if p.ref.kind in ("government", "military"):
            return True
        if self.tree.lemma(p.tok) in self.lex.weapon_nouns:
            return True  # "Chinese vessels blocked the boat": a state's ships are the state
        m = self.tree.mention_of.get(p.tok)
        return p.ref.kind == "state" and m is not None and m.how in ("name", "alias", "metonym", "pronoun")

    def country_at(self, i: int) -> str | None:
        m = self.tree.mention_of.get(i)
        if m is not None:
            for ref in m.refs:
                if ref.country:
                    return ref.country
        return None


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
