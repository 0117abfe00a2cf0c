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
4. **The article as context** (``context.py``), once every sentence is read: the recipients
   a clause leaves to the article ("suspended its participation in the arrangement", "urged
   every party", "the deal was extended", "since Russia invaded"), an attack whose author a
   later accusation names ("... which Moscow blames on Ukraine"), and what a victim says the
   other side did to it (an accusation).

Actors are always ActorRefs from the actor stage's mentions, or the clause's subject as an
unresolved ActorRef(kind="other"); none is invented, except an unnamed non-state actor
(kind "nsa", no id) where the text says militants or terror, a state named by a place
("an attack in Pahalgam") or by the article's own agreements and conflict (context.py), the
security forces of the place's state for force used on a crowd that no one is said to have
used ("protesters were shot dead in Yangon"), and the government of a person's own state for
an arrest that names neither agent nor place, when the article is about that state.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..records import ActorRef, Event, Mention, ParsedDoc, Place, TimeExpr
from ..temporal import date_event
from .coding import code_event
from .context import ContextFinder, bare_state
from .figures import find_figures
from .lexicon import Lexicon, load_lexicon
from .modality import conditional_role, is_negated, load_cues, modality_of
from .places import claimants_in, find_place, resolve_phrase
from .roles import JUDGED_DETERMINERS, STATE_KINDS, Party, RoleFinder, _same_side, _unique, actor_key
from .syntax import Tree
from .triggers import NOUN_POS, VERB_POS, Trigger, TriggerFinder

# How many sentences back an event anaphor ("the incident", "this move") may reach.
ANAPHOR_WINDOW = 3
# How many times that far an anaphor may reach when it repeats the event's own word.
LEMMA_ANAPHOR_REACH = 3
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
    "counterpart": 0.7,    # recipient is the state the article sets against the actor
    "split": 0.95,         # a second coordinated recipient made a dyad of its own
    "own-state": 0.8,      # an agentless arrest by the authorities of the patient's own state
}
# Events whose confidence falls below this are dropped: an unresolved actor acting on an
# unresolved recipient (0.5 × 0.5) says too little to keep; every other combination stays.
MIN_CONFIDENCE = 0.3
# Precision budget: at most 20 events on any article, and about 4 per 100 words below that
# (never fewer than 15: a 250-word wire story can report a dozen acts and statements). The
# least informative go first: statements with no recipient, then what did not happen, then
# what is only intended, then events with an unresolved actor or no recipient, then statements
# whose recipient was recalled from the article, then the least confident (see _trim). Chosen
# on the seeds and the samples: the densest seed (618 words, 24 candidates) keeps its 20 best,
# and no sample report loses an event the annotator listed.
MAX_EVENTS_PER_100_WORDS = 4.0
MIN_EVENT_BUDGET = 15
MAX_EVENTS_PER_ARTICLE = 20
# The trigger text an event shows covers its words when they are this close ("held talks",
# "shooting down"); otherwise just the head word.
TRIGGER_SPAN = 4
# How many recipients of distinct states one trigger's event is split into ("talks with Qin
# and Lavrov" → two dyads); past this, the rest stay as ``others`` of the first.
MAX_SPLIT_RECIPIENTS = 2
# Complement classes that name an agreement (whose parties the article names somewhere).
AGREEMENT_CLASSES = frozenset({"agreement", "ceasefire"})
# Speech acts: addressed to the one told ("Modi told Trump that India will not accept ...").
SPEECH_ACT_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "ACCUSE"})
# Types that respond to an earlier event: their object may refer back to it ("condemned this
# incident", "denied the accusation", "welcomed the move").
RESPONSE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# Responses that disapprove of an act told before ("condemned the strikes", "rejected the
# verdict"): their recipient is that act's author (see judged_author). Praise gets it only
# from an act told just before: what one backs ("backed the operation") need not be its author's.
DISAPPROVAL_TYPES = frozenset({"ACCUSE", "REJECT"})
# Responses that judge an act (condemning or praising it) rather than refuse it.
JUDGEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# Types whose recipient may be a place's state: "threatening to invade Azad Kashmir", "an
# attack in Pahalgam".
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "RETREAT", "CONCEDE", "AID",
                                "PROTEST"})
# ... of which these take only the place where it happened ("lifted a curfew in Montenegro",
# "withdrew from Panama"), not a place named as their object.
PLACE_ONLY_TYPES = frozenset({"RETREAT", "CONCEDE", "AID", "PROTEST"})


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
    speaker: Party | None = None   # who says so, for a reported event
    pending: str | None = None     # what the whole article must supply (see context.py)
    placeholder: str | None = None  # "every party", "both sides": the words that stood for them
    placeholder_tok: int = -1
    needs_target: bool = False     # dropped if the article supplies no recipient


class Extractor(TriggerFinder, RoleFinder, ContextFinder):
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
        self.by_sentence: dict[int, list[_Draft]] = {}  # sentence → its drafts, in order found
        self._agreement_parties: list[Party] | None = None  # context.py's caches
        self._state_refs: dict | None = None
        self._quotes: list[tuple[int, int, int | None]] | None = None
        self._split_ids: set[int] = set()              # events split off a coordinated recipient
        self._main_country: str | None = None          # the article's most named state ("" for none)

    def refer_back(self, i: int, types: frozenset[str] | set[str] | None = None,
                   orphans: bool = False) -> _Draft | None:
        """The earlier event an anaphor ("this incident", "the move", "it") refers to; with
        ``orphans``, also an attack whose author the text has not named yet."""
        tr = self.tree
        if types is None:
            types = self.lex.event_anaphors.get(tr.lemma(i)) or self.lex.event_anaphors.get(tr.lower(i))
        if not types:
            return None
        here = tr.tok(i).sent
        found = []
        for draft, s in reversed(self.drafts):
            if here - s > ANAPHOR_WINDOW * LEMMA_ANAPHOR_REACH:
                break
            if draft.trigger.tok >= i or (draft.source is None and not (orphans and draft.pending is None)):
                continue
            if "*" in types or draft.plover in types:
                found.append((draft, s))
        # "the strikes" re-mentions what "struck" reported, even a few paragraphs back
        for draft, _ in found:
            if tr.lemma(draft.trigger.tok) == tr.lemma(i) and (_known(draft.source) or draft.source is None):
                return draft
        near = [draft for draft, s in found if here - s <= ANAPHOR_WINDOW]
        # an event whose author we know before one by a phrase we could not resolve
        known = [draft for draft, _ in found if _known(draft.source)]
        return next((d for d in near if _known(d.source)), near[0] if near and not known else
                    known[0] if known else None)

    def judged_author(self, n: int, speakers: Sequence[Party], nearby: bool = False) -> Party | None:
        """The author of the act a definite judged noun names ("condemned the strikes",
        "rejected the verdict"), never the speaker's own side: the act re-mentioned by its own
        word, else the nearest such act, else the side that did such acts most often in the
        article so far (a condemnation paragraphs after the attack answers its main author,
        not whoever fired back last); with ``nearby``, only the first two."""
        tr = self.tree
        types = self.lex.judged_acts.get(tr.lemma(n))
        if not types or "AGREE" in types:
            return None  # (an agreement's parties are the whole article's: see context.py)
        own = {p.ref.country for p in speakers if p.ref.country}
        here = tr.tok(n).sent
        found = [(d, s) for d, s in self.drafts
                 if d.trigger.tok < n and d.source is not None
                 and ("*" in types or d.plover in types) and d.plover not in RESPONSE_TYPES]
        # the act re-mentioned by its own word (when it is the speaker's own, "Moscow disowned
        # the strike", no one else's act is judged), else the nearest act of another side
        same = [d for d, _ in found if tr.lemma(d.trigger.tok) == tr.lemma(n)]
        near = [d for d, s in found if here - s <= ANAPHOR_WINDOW and d.source.ref.country not in own]

        def key(p: Party) -> str | None:
            return p.ref.country or p.ref.actor_id

        def named(p: Party) -> Party | None:
            # (an author we could not resolve, "the rebels", is no one to address)
            return p if key(p) and p.ref.country not in own else None
        for pick in (same, near):
            if pick:
                return named(pick[-1].source)
        found = [(d, s) for d, s in found if d.source.ref.country not in own]
        if not found or nearby:
            return None
        counts = Counter(key(d.source) or d.source.ref.name.lower() for d, _ in found)
        best = max(counts.values())
        return named(next(d.source for d, _ in reversed(found)
                          if counts[key(d.source) or d.source.ref.name.lower()] == best))

    def what_label(self, v: int) -> int | None:
        """The label of a "what X called ..." object ("condemned what it called a reckless
        decision", "what they described as interference"): the noun the speaker put on it."""
        tr = self.tree
        for c in tr.kids(v, ("ccomp",)):
            if tr.lemma(c) not in self.lex.label_verbs or not any(
                    tr.lower(w) == "what" for w in tr.kids(c, ("dobj", "nsubjpass"))):
                continue
            for o in tr.kids(c, ("oprd", "dobj")):
                if tr.tok(o).pos == "NOUN":
                    return o
            for _, o in tr.prep_objects(c, ("as",)):
                if tr.tok(o).pos == "NOUN":
                    return o
        return None

    def occasion_of(self, n: int) -> tuple[Place | None, str | None]:
        """The place and date a nominal event's own phrase names ("the Pulwama bombing", "the
        massacre of April 22", "Beijing's Oct. 9 move"), which make it a named occasion."""
        tr = self.tree
        place = None
        date = None
        mods = tr.kids(n, ("compound", "nmod", "amod"))
        mods += [o for _, o in tr.prep_objects(n, ("of", "on", "in"))]
        for c in mods:
            t = tr.tok(c)
            if t.ent_type == "DATE":
                ev = date_event(self.parsed, self.timexes, c)
                date = date or (ev.value if ev.how == "clause" else None)
            elif place is None and t.pos == "PROPN" and c < n:
                place = resolve_phrase(tr, c, self.country_at)
        return place, date

    def same_occasion(self, ref: _Draft, n: int) -> bool:
        """Whether a definite nominal re-mentions ``ref``: always, unless its own phrase names
        a place or date the earlier event does not share ("the Pulwama bombing" after an air
        strike on Balakot is another attack)."""
        place, date = self.occasion_of(n)
        if place is None and date is None:
            return True
        if place is not None and ref.place is not None and (ref.place.name, ref.place.country) == (place.name, place.country):
            return True
        if date is not None and date_event(self.parsed, self.timexes, ref.trigger.tok).value == date:
            return True
        return False

    def attribute_named_attacks(self) -> None:
        """An attack known by its place ("the Pahalgam massacre", "the Pulwama bombing") that
        the article never attributes is the work of unnamed attackers against the state the
        place lies in; of the non-state group the article names, if it names one."""
        tr = self.tree
        groups = Counter(ref.name for m in tr.mentions for ref in m.refs if ref.kind == "nsa" and ref.name)
        for d, _ in self.drafts:
            if d.source is not None or d.pending is not None or d.trigger.kind != "noun" \
                    or not self.terror_noun(d.trigger.tok):
                continue
            place, _ = self.occasion_of(d.trigger.tok)
            place = place or d.place
            if place is None or not place.country:
                continue
            name = groups.most_common(1)[0][0] if groups else "unidentified attackers"
            d.source = Party(ActorRef(actor_id=None, name=name, kind="nsa"), d.trigger.tok, "nsa-victims")
            d.targets = d.targets or [self._state_party(place.country, d.trigger.tok, "place-target")]
            d.factors = ["nsa-victims", "place-target"]

    def terror_noun(self, n: int) -> bool:
        tr = self.tree
        keys = {tr.lemma(n)} | {f"{tr.lemma(c)} {tr.lemma(n)}" for c in tr.kids(n, ("compound", "amod"))}
        return bool(keys & self.lex.terror_nouns)

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

    def last_actor(self, sent_index: int, source: Party | None, speakers: bool = False) -> list[Party]:
        """The actor of the latest earlier event by someone else (for reactions); with
        ``speakers``, the one who last said something counts too ("The ministry said the
        guarantees were sufficient. Kyiv denied offering anything new")."""
        tr = self.tree
        found: list[tuple[int, Party]] = []
        for draft, s in reversed(self.drafts):
            if sent_index - s > 2:
                break
            if draft.source is not None and not _same_side(draft.source.ref, source.ref if source else None):
                found.append((draft.trigger.tok, draft.source))
                break
        if speakers:
            for back in range(0, 3):
                if sent_index - back < 0:
                    break
                sent = tr.parsed.sentences[sent_index - back]
                said = [i for i in range(sent.tok_start, sent.tok_end)
                        if tr.tok(i).pos == "VERB" and tr.lemma(i) in self.lex.speech_verbs
                        and (back > 0 or i < (source.tok if source else 0))]
                ps = [(i, p) for i in reversed(said) for p in self.subject_parties(i)
                      if not _same_side(p.ref, source.ref if source else None) and p.how != "unresolved"]
                if ps:
                    found.append(ps[0])
                    break
        if not found:
            return []
        return [replace(max(found, key=lambda x: x[0])[1], how="recalled")]

    def own_last_victims(self, sent_index: int, source: Party) -> list[Party]:
        """The recipients of the latest earlier act by the actor's own side, a few sentences
        back at most (whom an apology or amends are owed to)."""
        for draft, s in reversed(self.drafts):
            if sent_index - s > PARTIES_WINDOW:
                break
            if draft.source is not None and draft.targets and _same_side(draft.source.ref, source.ref) \
                    and code_event(draft.plover, draft.mode)[2] in (3, 4):
                return [replace(p, how="recalled") for p in draft.targets
                        if not _same_side(p.ref, source.ref)]
        return []

    def gathering_participants(self, trig: Trigger, source: Party) -> list[Party]:
        """Who took part in the gathering a host convened ("hosted the event"): the actors
        and recipients of the events it refers back to, in text order."""
        tr = self.tree
        for o in tr.kids(trig.tok, ("dobj",)):
            event = self.noun_event.get(o)
            if event is not None and event.source is not None and event.plover in self.lex.gathering_types:
                # "hosted the talks between Maduro and Ali": those the talks are between
                return _unique([replace(self._as_state(p), tok=o, how="recalled") for p in [event.source, *event.targets]
                                if not _same_side(p.ref, source.ref)])
            definite = any(tr.lower(c) in ("the", "this", "that", "these", "those") for c in tr.kids(o, ("det",)))
            if tr.lemma(o) not in self.lex.gathering_nouns or not definite:
                continue
            types = self.lex.gathering_types
            if self.refer_back(o, types) is None:
                continue
            here = tr.tok(trig.tok).sent
            out: list[Party] = []
            for d, s in self.drafts:
                if here - s > ANAPHOR_WINDOW or d.source is None or d.plover not in types or d.trigger.tok > trig.tok:
                    continue
                for p in [d.source, *d.targets]:
                    if not _same_side(p.ref, source.ref) and p.how != "unresolved":
                        out.append(replace(self._as_state(p), tok=o, how="recalled"))
            return _unique(out)
        return []

    def parties_near(self, trig: Trigger, source: Party | None,
                     co_sources: Sequence[Party] = ()) -> list[Party]:
        """The two sides a third party stands between: "between X and Y" or a disputed
        region's claimants in the clause, else the sentence, else recent sentences. Those
        who mediate with it ("brokered by Qatar, Egypt and the United States") are no side."""
        tr = self.tree
        mediators = [source, *co_sources] if source else list(co_sources)

        def outside(p: Party) -> bool:
            return not any(_same_side(p.ref, m.ref) for m in mediators)
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
            found = [p for p in _unique(found) if outside(p)]
            if len(found) >= 2:
                return found
            claim = claimants_in(tr, toks)
            if len(claim) >= 2:
                return [p for c in claim if outside(p := self._state_party(c, trig.tok, "recalled"))]
            groups = [p for i in toks if (m := tr.mention_of.get(i)) is not None and len(m.refs) >= 2
                      for p in self._refs(m, i)]
            groups = [p for p in _unique(groups) if outside(p)]
            if len(groups) >= 2:
                return groups
            # coordinated states anywhere in the scope ("India and Pakistan had agreed ...")
            for i in toks:
                if tr.kids(i, ("conj",)) and tr.mention_of.get(i) is not None:
                    conj = [p for p in self.parties_at(i, deep=False)
                            if p.ref.kind in STATE_KINDS and outside(p)]
                    if len(conj) >= 2:
                        return conj
        return self.recall_parties(sent.index, {trig.mode} if trig.mode else set(), source)

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
                ref = self.refer_back(trig.tok, {trig.plover}, orphans=True)
                if ref is not None and self.same_occasion(ref, trig.tok):
                    self.noun_event[trig.tok] = ref
                    return []
        sources, targets = self.arguments(trig, skip)
        # "Ecuador and Bolivia recalled their ambassadors": a possessive pronoun that refers
        # back to the actors names what is their own, not a recipient
        # (a single actor's own is dropped later, as on its own side)
        if len(sources) >= 2:
            targets = [p for p in targets if not (tr.tok(p.tok).tag == "PRP$"
                                                  and any(actor_key(p.ref) == actor_key(s.ref) for s in sources))]
        if not targets and len(sources) < 2 and self.about_agreement(trig) and tr.tok(trig.complement).pos in NOUN_POS:
            # "suspended its participation in the UN-brokered arrangement that lets Ukraine
            # ship grain": the actors the agreement's own phrase names are its other parties
            # (not when coordinated actors agree: "India and Pakistan agreed to a ceasefire")
            targets = self.accord_phrase_parties(trig.complement)
        speakers, speech = self.speaker_of(trig.carrier)
        if not sources and speakers and trig.plover in SPEECH_ACT_TYPES and trig.frame:
            # "“Any engagement with Pakistan would require an end to terrorism,” he said": a
            # demand, offer or refusal with an impersonal subject is the speaker's; those
            # its subject names are the ones it is addressed to
            subj = tr.kid(trig.carrier, "nsubj")
            if subj is not None and not self.parties_at(subj):
                sources = [replace(sp, how="context") for sp in speakers]
                if not targets:
                    targets = [p for j in tr.full_subtree(subj) if (m := tr.mention_of.get(j)) is not None
                               for p in self._refs(m, j)]
        # "Modi told Trump India will not accept ...": the speaker speaks for his state
        if speakers and len(sources) == 1 and sources[0].ref.kind == "state" \
                and trig.plover in SPEECH_ACT_TYPES:
            sp = speakers[0]
            if sp.ref.kind == "person" and sp.ref.country and sp.ref.country == sources[0].ref.country:
                sources = [replace(sp, how="context")]
        targets = _unique([p for p in targets if p.how != "unresolved"] or targets)
        sources = _unique(sources)
        if len(sources) == 1 and sources[0].how == "unresolved" and self.placeholder(sources[0].tok):
            sources = self.placeholder(sources[0].tok)  # "both sides agreed ..."
        if any(p.how == "placeholder" for p in sources):
            sources = [p for p in sources if p.how == "placeholder"][:1]  # "the two warring sides signed"
        # a recipient on the actor's own side ("shelled its own towns") makes the act internal
        internal = False
        custody = (trig.plover, trig.mode) in lex.custody_codes
        if len(sources) == 1:
            kept = [p for p in targets if _other_side(p, sources[0], custody)]
            internal = bool(targets) and not kept
            targets = kept
        if not sources and trig.plover in lex.conflict_types:
            nsa = self.nsa_party(trig, sent)
            if nsa:
                sources = [nsa]
        crowd = self.crowd_patients(trig) if trig.plover in lex.conflict_types else []
        if crowd and (not sources or (len(sources) == 1 and (
                sources[0].how == "nsa-victims" or  # "protesters and bystanders were shot"
                sources[0].how == "unresolved" and tr.lemma(sources[0].tok) in lex.own_force_nouns))):
            # "protesters were shot dead in Yangon", "security forces opened fire on
            # demonstrators in Tehran": force used on a crowd, with no state named, is the
            # force of the state where it happened
            forces = self.place_forces(trig, sources[0].tok if sources else trig.tok)
            if forces:
                sources = forces
                targets = [p for p in targets if p.how == "nsa-cue"] or crowd
        if not sources and self.crowd_onset(trig):
            # "the protests began on September 25", "shaken by mass protests since June": a
            # crowd's own act with no one named is the crowd's, aimed at the state it is in
            src = Party(ActorRef(actor_id=None, name=lex.onset_crowd, kind="nsa", text=tr.text(trig.tok, trig.tok + 1)),
                        trig.tok, "nsa-cue")
            sources = [src]
            if not targets:
                place = find_place(tr, [trig.tok, trig.carrier], self.country_at)
                country = place.country if place is not None else self.main_country()
                if country:
                    targets = [Party(self.state_ref(country) or bare_state(country), trig.tok, "place-agent")]
        if not sources:
            return self.sourceless(trig, targets)
        plover, mode = trig.plover, trig.mode
        if (plover, mode) == ("COOPERATE", "judicial") and self.in_exchange(trig.tok):
            # "In return, Belgium handed over three Iranians": a swap gives people back
            plover, mode = "RETREAT", "release"
        refusal = self.negated_object(trig)
        if refusal is not None:
            # "said it did not recognise the zone": a refusal of whoever made it
            plover, mode = lex.negated_object_verbs[tr.lemma(trig.tok)]
            targets = targets or [p for o in refusal for p in self.parties_at(o, loose=True)
                                  if not _same_side(p.ref, sources[0].ref)]
        if mode is None:
            mode = self.mode_from_cues(trig, sources)
        reciprocal = self.is_reciprocal(trig)
        place = find_place(tr, [trig.tok, trig.carrier], self.country_at)
        if place is None and trig.plover in PLACE_TARGET_TYPES:
            for o in tr.kids(trig.tok, ("dobj",)):  # "Russia strikes Odesa grain terminals"
                place = resolve_phrase(tr, o, self.country_at)
                if place:
                    break
        gathering = tr.lemma(trig.tok) in lex.gathering_verbs  # co-hosts do not host each other
        # "talks mediated by Qatar and Turkey": co-mediators stand between the parties, not
        # across from each other
        third_party = (plover, mode) in lex.third_party_modes
        if len(sources) >= 2 and not targets and not gathering and not third_party \
                and not self.own_object(trig, plover) and (
                plover in lex.reciprocal_types or f"{plover}/{mode}" in lex.reciprocal_types or reciprocal):
            pairs = [(sources[0], sources[1:])]
            if plover in lex.mirrored_types and all(p.how != "unresolved" for p in sources):
                pairs += [(s, [sources[0]]) for s in sources[1:]]
        else:
            if targets and all(p.how == "unresolved" for p in targets) and plover in PLACE_TARGET_TYPES:
                # "fell on the terminals of Odesa and Chornomorsk": a state, not a name we
                # could not resolve, is what was attacked
                by_place = self.fallback_targets(trig, sources[0], sent, place, plover, mode)
                targets = by_place or targets
            if not targets:
                fp, fm = plover, mode
                if trig.frame is None and plover in lex.future_as_agree \
                        and self.modality(trig, plover) == "intended":
                    fp, fm = lex.future_as_agree[plover]  # "I will work with you both": an offer
                targets = self.fallback_targets(trig, sources[0], sent, place, fp, fm, sources[1:])
            pairs = [(s, targets) for s in sources]
            if len(sources) >= 2 and targets and plover in lex.joint_meeting_types and not gathering \
                    and not third_party and len({_state_key(s.ref) for s in sources}) == len(sources):
                # "Tshisekedi and Kagame met in Doha with the emir": they met each other too
                pairs.append((sources[0], sources[1:]))
        modality = self.modality(trig, plover)
        if refusal is not None:
            modality = "reported" if speech is not None else "asserted"
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
            targets = [(self.placeholder(p.tok) or [p])[0] if p.how == "unresolved" else
                       p if p.how == "placeholder" else replace(p, how="parse") for p in sources] + targets
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
        if modality == "intended" and plover in lex.future_as_agree and trig.frame is None \
                and not (plover == "CONSULT" and self.scheduled(trig.carrier)):
            plover, mode = lex.future_as_agree[plover]
        if trig.typo:
            factors.append("typo")
        denial = self.denial(trig, plover, modality, sources, speakers, speech)
        if denial is not None:
            return [denial]
        if place is not None and place.country and place.lat is not None \
                and any(place.country == s.ref.country for s in sources):
            internal = True  # "the army shelled rebel positions in El Fasher" (a city, not "Russia's")
        drafts = []
        for src, tgts in pairs:
            tgts = [p for p in tgts if _other_side(p, src, custody)]
            pending = self.pending_kind(trig, plover, mode, src, tgts, internal)
            held = next((p for p in tgts if p.how == "placeholder"), None)
            tgts = [p for p in tgts if p.how != "placeholder"]
            if plover == "ACCUSE" and not tgts:
                # "blaming a drone attack on its fleet": a victim blames its adversary
                orphan = self.grievance_orphan(trig)
                victim = orphan is not None and any(_same_side(p.ref, src.ref) for p in orphan.targets)
                other = self.counterpart(src) if victim else None
                if other is not None:
                    tgts, pending = [other], None
            if src.how == "placeholder":
                pending, held = "sides", src
            keep = self.worth_keeping(trig, plover, src, tgts)
            if not keep and not (pending and not tgts):
                continue
            fs = list(factors) + [src.how] + ([tgts[0].how] if tgts else [])
            d = _Draft(trigger=trig, source=src, targets=tgts, plover=plover, mode=mode,
                       modality=modality, factors=fs, place=place,
                       speaker=speakers[0] if speakers and speech is not None else None,
                       pending=pending, placeholder=held.ref.name if held else None,
                       # (a judgement of no one the article names says nothing to an analyst)
                       needs_target=not keep or trig.label is not None,
                       placeholder_tok=held.tok if held else -1)
            if plover == "ACCUSE":
                self.attribute_orphan(trig, d)
            drafts.append(d)
            claim = self.victim_claim(d)
            if claim is not None:
                drafts.append(claim)
        if trig.kind == "noun" and drafts:
            self.noun_event[trig.tok] = drafts[0]
        return drafts

    def victim_claim(self, d: _Draft) -> _Draft | None:
        """What a victim says the other side did to it is an accusation: "Russia said British
        specialists had helped prepare the attack" is Russia accusing Britain (CAMEO 112)."""
        sp = d.speaker
        if sp is None or d.source is None or not d.targets or d.modality != "reported":
            return None
        if code_event(d.plover, d.mode)[2] != 4 and d.plover != "THREATEN":
            return None
        if sp.ref.kind == "other" or _same_side(sp.ref, d.source.ref) \
                or not any(_same_side(sp.ref, p.ref) for p in d.targets):
            return None
        plover, mode = self.lex.verbs.get("accuse") or ("ACCUSE", None)
        return _Draft(trigger=d.trigger, source=replace(sp, how="context"), targets=[replace(d.source, how="parse")],
                      plover=plover, mode=mode, modality="asserted", factors=["context"], speaker=sp)

    def about_agreement(self, trig: Trigger) -> bool:
        """Whether a frame's complement is an agreement ("suspended the deal", "extended it")."""
        return trig.complement is not None and self.complement_class(trig.complement) in AGREEMENT_CLASSES

    def agreement_word(self, n: int) -> bool:
        """Whether a noun names an agreement ("the deal", "the accord"): its parties are the
        whole article's (see context.py), not whoever the sentences before name."""
        return self.complement_class(n) in AGREEMENT_CLASSES

    def accord_phrase_parties(self, n: int) -> list[Party]:
        """The actors named inside an agreement's phrase (its modifiers, "between/with/by"
        phrases, relative clause), in text order."""
        tr = self.tree
        toks = tr.full_subtree(n)
        out: list[Party] = []
        for j, m in tr.mentions_in(toks):
            out.extend(replace(p, how="recalled") for p in self._refs(m, j) if p.how != "unresolved")
        return _unique(out)

    def sourceless(self, trig: Trigger, targets: list[Party]) -> list[_Draft]:
        """A trigger whose actor the clause does not name: an agreement renewed with no agent
        ("the deal was extended") is renewed by its parties (filled once the article is read);
        an attack by no one named is kept aside, unreported, in case the article later says
        whom it blames ("... which Moscow blames on Ukraine")."""
        tr = self.tree
        if tr.is_passive(trig.tok) and self.about_agreement(trig) and (trig.plover, trig.mode) in self.lex.accord_codes:
            return [_Draft(trigger=trig, source=None, targets=[], plover=trig.plover, mode=trig.mode,
                           modality=self.modality(trig, trig.plover), pending="mutual")]
        if trig.plover in self.lex.conflict_types and trig.frame is None:
            orphan = _Draft(trigger=trig, source=None, targets=targets, plover=trig.plover,
                            mode=trig.mode or self.mode_from_cues(trig, []),
                            modality=self.modality(trig, trig.plover),
                            place=find_place(tr, [trig.tok, trig.carrier], self.country_at))
            if trig.kind == "noun":
                self.noun_event[trig.tok] = orphan
            return [orphan]
        return []

    def pending_kind(self, trig: Trigger, plover: str, mode: str | None, src: Party, tgts: list[Party],
                     internal: bool) -> str | None:
        """What the whole article must supply for this draft (see context.py), or None."""
        lex = self.lex
        if any(p.how == "placeholder" for p in tgts):
            return "placeholder"
        if tgts or self.referral(trig):
            return None
        if (plover, mode) in lex.domestic_codes and any(
                self.tree.lemma(o) in lex.domestic_objects for o in self.tree.kids(trig.tok, ("dobj", "nsubjpass"))):
            return None  # "jailed his rivals", "arrested hundreds": the state's own people
        if self.tree.lemma(trig.tok) in lex.gathering_verbs:
            return "participants"  # "hosted the negotiations": between the article's parties
        if src.ref.kind == "nsa":
            return "counterpart" if plover in lex.counterpart_types else None
        if not internal and src.ref.country and self.force_move(trig):
            return "counterpart"  # "troops moved toward the border": the border with its rival
        if self.about_agreement(trig) or (plover, mode) in lex.party_codes:
            return "parties"
        if plover in lex.counterpart_types and not internal and src.ref.country \
                and src.ref.kind in STATE_KINDS | {"person"} and (
                    trig.label is None or self.judged_act(trig.label)):
            return "counterpart"  # (a label with nothing labelled says too little to guess)
        return None

    def judged_act(self, n: int) -> bool:
        """Whether a label's object is a definite word for an act ("called the launch a
        provocation", "called the arrest an act of terror"): an act of the article's other
        side when the article never said who did it."""
        tr = self.tree
        return (tr.tok(n).pos == "NOUN" and tr.lemma(n) in self.lex.event_anaphors
                and not tr.kids(n, ("poss", "compound", "amod"))
                and any(tr.lower(d) in JUDGED_DETERMINERS for d in tr.kids(n, ("det",))))

    def denial(self, trig: Trigger, plover: str, modality: str, sources: list[Party],
               speakers: list[Party], speech: int | None) -> _Draft | None:
        """A speaker saying that something someone else claimed did not happen ("Kumar said
        Modi had made no such request", after "Trump said Modi had asked him") rejects that
        claim: a REJECT from the speaker to the earlier claimant."""
        if modality != "negated" or speech is None or not speakers or not sources:
            return None
        speaker = speakers[0]
        here = self.tree.tok(trig.tok).sent
        for draft, s in reversed(self.drafts):
            if here - s > PARTIES_WINDOW * 2:
                break
            if draft.speaker is None or draft.modality != "reported" or draft.plover != plover:
                continue
            if actor_key(draft.source.ref if draft.source else None) != actor_key(sources[0].ref):
                continue
            if _same_side(draft.speaker.ref, speaker.ref) and draft.speaker.ref.kind == speaker.ref.kind:
                continue
            code = self.lex.verbs.get("deny") or ("REJECT", None)
            return _Draft(trigger=trig, source=replace(speaker, how="context"),
                          targets=[replace(draft.speaker, how="recalled")], plover=code[0], mode=code[1],
                          modality="asserted", factors=["context", "recalled"], speaker=speaker)
        return None

    def arguments(self, trig: Trigger, skip: set[int]) -> tuple[list[Party], list[Party]]:
        """(actors, recipients) of a trigger from the parse and its frame's complement."""
        tr = self.tree
        lex = self.lex
        if trig.label is not None:
            sources = self.subject_parties(trig.tok)
            return sources, self.label_targets(trig, sources)
        if trig.kind == "verb":
            sources = self.subject_parties(trig.tok)
            if not sources:
                # "Fighting between the army and the RSF went on": a gerund with no subject
                between = [p for _, o in tr.prep_objects(trig.tok, ("between",)) for p in self.parties_at(o)]
                if len(between) >= 2:
                    return between[:1], between[1:]
            if not sources and trig.frame and tr.is_passive(trig.tok) and tr.kid(trig.tok, "nsubjpass") is not None \
                    and tr.kid(trig.tok, "nsubjpass") != trig.complement:
                # "Israel is opposed to French mediation", "Vietnam is committed to": a state,
                # not a passive
                subj = tr.kid(trig.tok, "nsubjpass")
                sources = self.parties_at(subj) or self.unresolved(subj)
            targets = self.object_parties(trig.tok, trig.plover, skip,
                                          recall=trig.plover in RESPONSE_TYPES)
            if trig.plover == "SANCTION":
                # "recalled its ambassador from Tehran": the post the envoy leaves receives it
                targets += [p for o in tr.kids(trig.tok, ("dobj",)) for _, q in tr.prep_objects(o, ("from",))
                            for p in self.parties_at(q)]
                if not [p for p in targets if p.how != "unresolved"]:
                    # "unveiled tariffs on every partner, including a 34% levy on Chinese
                    # goods": the measure the clause itemises names whom it hits
                    targets += [p for n in tr.full_subtree(trig.tok)
                                if n != trig.tok and (lex.nouns.get(tr.lemma(n)) or ("",))[0] == "SANCTION"
                                for _, q in tr.prep_objects(n, lex.target_preps.get("SANCTION", ()))
                                for p in self.parties_at(q)]
            if not [p for p in targets if p.how != "unresolved"]:
                # "summoned the Japanese ambassador", "sent the Moroccan envoy home": the envoy
                # the trigger's own phrase names stands for the state addressed
                # (not "withdrew its envoy": one's own envoy leaves the recipient to the article)
                targets += [p for o in trig.toks[1:] if tr.tok(o).dep == "dobj" and tr.head(o) == trig.tok
                            and tr.lemma(o) in lex.envoy_nouns for p in self.parties_at(o)
                            if not any(_same_side(p.ref, s.ref) for s in sources)]
            if (trig.plover, trig.mode) == ("RETREAT", "release") and \
                    not [p for p in targets if p.how != "unresolved"]:
                # "released 16 people, among them three Americans": whose nationals they were
                targets = self.included_parties(trig.tok) or targets
            if not sources and (trig.plover, trig.mode) in lex.custody_codes and tr.is_passive(trig.tok):
                # "was detained in Yekaterinburg": by the authorities of the place
                place = find_place(tr, [trig.tok], self.country_at)
                held = [(o, p) for _, o in tr.prep_objects(trig.tok, ("in", "by", "to"))
                        if tr.lemma(o) in lex.custody_places for p in self.parties_at(o)
                        if p.ref.kind in STATE_KINDS and p.ref.country]
                if place is not None and place.country:
                    sources = [self._state_party(place.country, trig.tok, "place-agent")]
                elif held:
                    # "sentenced to 16 years in a Russian prison", "by a Chinese court": the
                    # state whose prison or court it is
                    sources = [self._state_party(held[0][1].ref.country, trig.tok, "place-agent")]
                    targets = [p for p in targets if p.tok != held[0][0]]
                elif place is None:
                    sources = self.own_authorities(targets, trig.tok)
            if (trig.plover, trig.mode) in lex.custody_codes and sources and sources[0].how == "unresolved" \
                    and tr.lemma(sources[0].tok) in lex.court_words:
                # "sentenced by a court in Tehran": the courts of the place's state
                place = find_place(tr, [sources[0].tok], self.country_at)
                if place is not None and place.country:
                    sources = [self._state_party(place.country, trig.tok, "place-agent")]
            if trig.plover in RESPONSE_TYPES:
                # "welcomed the ruling", "rejected the award", "did not accept the court's
                # jurisdiction": addressed to the court that gave it
                court = [p for o in tr.kids(trig.tok, ("dobj",)) if self.is_ruling(o)
                         for p in self.court_party(o)]
                targets = court + [p for p in targets if p.how != "unresolved" or not court]
                if sources and not court and trig.plover in DISAPPROVAL_TYPES \
                        and not [p for p in targets if p.how != "unresolved"]:
                    # "condemned what it called a reckless decision", "condemning what they
                    # described as Iranian interference": the label stands for the object
                    label = self.what_label(trig.tok)
                    if label is not None:
                        found = [p for k in tr.kids(label, ("poss", "amod", "compound")) for p in self.parties_at(k)]
                        found = found or [p for _, o in tr.prep_objects(label, ("by", "of"))
                                          for p in self.parties_at(o)]
                        if not found and label in self.noun_event and _known(self.noun_event[label].source):
                            found = [self.noun_event[label].source]
                        # (a label as wide as "a reckless decision" names no act in particular)
                        specific = "*" not in lex.judged_acts.get(tr.lemma(label), ("*",))
                        author = None if found or not specific else self.judged_author(label, sources)
                        found = found or ([author] if author is not None else [])
                        if not found and specific and not self.agreement_word(label):
                            found = self.other_side(label, sources)  # no act told: the other side
                        targets = [replace(p, tok=label, how="recalled") for p in found
                                   if not any(_same_side(p.ref, q.ref) for q in sources)] or targets
                praise = (trig.plover, trig.mode) == ("SUPPORT", "praise")
                if sources and not court and (trig.plover in DISAPPROVAL_TYPES or praise):
                    # "condemned the strikes", "rejected the verdict", "welcomed the decision":
                    # a recipient recalled from the act told before, or none, gives way to that
                    # act's author as judged_author finds it (never the speaker's own side;
                    # praise only for an act told just before)
                    for o in tr.kids(trig.tok, ("dobj",)):
                        mine = [p for p in targets if p.tok == o]
                        if not self.judged_noun(o) or self.agreement_word(o) or any(
                                p.how not in ("recalled", "unresolved", "placeholder") for p in mine):
                            continue
                        author = self.judged_author(o, sources, nearby=praise)
                        if author is not None:
                            targets = [p for p in targets if p.tok != o] + [replace(author, tok=o, how="recalled")]
                if trig.plover in JUDGEMENT_TYPES and sources and not self.about_agreement(trig) \
                        and not [p for p in targets if p.how != "unresolved"]:
                    # (an agreement welcomed is its parties', found from the whole article)
                    # "China welcomed the decision", "condemned the move": with no act told
                    # before, the state the sentences just before set against the speaker
                    targets = [p for o in tr.kids(trig.tok, ("dobj",)) if self.judged_noun(o)
                               for p in self.other_side(o, sources)] or targets
            if (trig.plover, trig.mode) == ("CONSULT", "visit") and tr.lemma(trig.tok) in lex.travel_verbs:
                # "flew to Kyiv": the state the journey ends in (a capital stands for its state)
                # "... and to Moscow the following day": a second leg is a second visit
                legs = [*trig.toks[1:], *(q for h in [trig.tok, *tr.kids(trig.tok, ("prep",))]
                                          for q in tr.kids(h, ("conj",)) if tr.lower(q) in lex.travel_preps)]
                targets = [self._state_party(c, o, "parse") for q in legs for o in tr.kids(q, ("pobj",))
                           if (c := self._destination_country(o))] or targets
                if not targets and len(trig.toks) == 1 and (host := self.dateline_country()):
                    targets = [self._state_party(host, trig.tok, "context")]
        elif trig.kind == "adj":
            sources = self.subject_parties(trig.carrier)
            targets = []
        else:
            sources, targets = self.noun_parties(trig.tok, trig.plover)
            behest = self.behest_parties(trig)
            if behest is not None:
                return behest
            drawn = tr.head(trig.tok)
            if tr.tok(trig.tok).dep == "dobj" and tr.lemma(drawn) in lex.drawing_verbs:
                # "fired two missiles, drawing condemnation from Tokyo", "the seizure drew a
                # protest from Manila": the reaction (its author in the "from" phrase, which
                # the parser may hang on the verb) answers whoever did what drew it
                sources = sources or [p for _, o in tr.prep_objects(drawn, ("from",)) for p in self.parties_at(o)]
                if not sources:
                    return [], []
                act = self.noun_event.get(tr.kid(drawn, "nsubj"))
                doers = [replace(act.source, how="recalled")] if act is not None and act.source is not None \
                    else self.subject_parties(drawn)
                targets = targets or [p for p in doers if p.how != "unresolved"
                                      and not any(_same_side(p.ref, s.ref) for s in sources)]
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
            if not sources and trig.plover == "CONSULT" and targets:
                sources = [p for p in self.listed_subject(trig.tok)
                           if not any(_same_side(p.ref, t.ref) for t in targets)]
            head = tr.head(trig.tok)
            if tr.tok(trig.tok).dep == "dobj" and tr.lemma(head) in lex.converse_verbs and sources:
                # "received written guarantees from Ukraine": given to the one who received
                targets += self.subject_parties(head)
        # what a frame's complement says: "offered to mediate between X and Y", "denied any
        # U.S. involvement", "rejected Trump's offer", "called for both sides to ..."
        if trig.complement is not None:
            # verbs between the frame word and its complement ("promised to send aid to Peru",
            # "called for Serbia and Kosovo to resume dialogue")
            for c in self._path(trig.tok, trig.complement)[1:]:
                if tr.tok(c).pos in VERB_POS:
                    targets += self.object_parties(c, self._lexical_type(c) or trig.plover, skip)
                    subj = tr.kid(c, "nsubj")
                    if subj is not None and trig.frame in ("request", "accept"):
                        targets += self.parties_at(subj)
        for c in (trig.complement, trig.wrapper):
            if c is None:
                continue
            if tr.tok(c).pos in VERB_POS:
                # "willing to withdraw its troops from Lebanon": the complement's own recipient
                targets += self.object_parties(c, self._lexical_type(c) or trig.plover, skip)
                subj = tr.kid(c, "nsubj")
                if subj is not None and trig.frame in ("request", "accept"):
                    targets += self.parties_at(subj)
            else:
                own_src, own_tgt = self.noun_parties(c, self._lexical_type(c) or trig.plover)
                targets += own_src + own_tgt
                if not own_src and not own_tgt and tr.tok(c).pos != "PRON":
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
        if trig.kind == "verb" and targets:
            # "was threatening severe consequences ..., and earlier he slapped a tariff on
            # India": a coordinated clause with its own subject is another event's
            foreign = {j for c in tr.kids(trig.carrier, ("conj",))
                       if tr.tok(c).pos in VERB_POS and tr.kid(c, "nsubj", "nsubjpass") is not None
                       for j in tr.full_subtree(c)}
            targets = [p for p in targets if p.how != "parse" or p.tok not in foreign]
        if trig.plover == "THREATEN" and trig.kind == "verb":
            # "threatening severe consequences if Moscow did not accept a truce": the
            # threatened are those the condition is about
            cond = [p for c in self.condition_clauses(trig.carrier)
                    for subj in tr.kids(c, ("nsubj",)) for p in self.parties_at(subj)]
            cond = [p for p in cond if not any(_same_side(p.ref, s.ref) for s in sources)]
            if cond:
                targets = cond + [p for p in targets if p.how == "parse" and
                                  p.tok in tr.full_subtree(trig.carrier)]
        # speech acts are addressed to the one told ("Modi told Trump that ...")
        if trig.plover in SPEECH_ACT_TYPES:
            addressees = self.addressee_of(trig.carrier)
            if addressees:
                targets = addressees + targets
        return sources, targets

    def force_move(self, trig: Trigger) -> bool:
        """A force's movement ("troops moved toward the border", "crossed into Kursk")."""
        tr = self.tree
        return trig.kind == "verb" and " ".join(
            [tr.lemma(trig.tok)] + [tr.lower(t) for t in trig.toks[1:]]) in self.lex.force_moves

    def behest_parties(self, trig: Trigger) -> tuple[list[Party], list[Party]] | None:
        """"At Turkey's request, NATO ambassadors met", "met at the request of China": the one
        whose request it was (the possessor or the "of" phrase) asked whoever then acted (the
        clause's subject, or its passive subject); None for any other nominal."""
        tr = self.tree
        n = trig.tok
        if tr.lemma(n) not in self.lex.behest_nouns or tr.tok(n).dep != "pobj" \
                or tr.lower(tr.head(n)) not in self.lex.behest_preps:
            return None
        verb = tr.head(tr.head(n))
        if tr.tok(verb).pos not in VERB_POS:
            return None
        askers = [p for k in tr.kids(n, ("poss",)) for p in self.parties_at(k)]
        askers += [p for _, o in tr.prep_objects(n, ("of",)) for p in self.parties_at(o)]
        subj = tr.kid(verb, "nsubjpass") if tr.is_passive(verb) else None
        acted = self.parties_at(subj) if subj is not None else self.subject_parties(verb)
        asked = [replace(p, how="context") for p in acted if p.how != "unresolved"
                 and not any(_same_side(p.ref, a.ref) for a in askers)]
        return _unique(askers), _unique(asked)

    def included_parties(self, v: int) -> list[Party]:
        """The states of the people an "among them ..." or "including ..." phrase in the
        clause names ("released 16 people, among them three Americans and five Germans")."""
        tr = self.tree
        found: list[Party] = []
        for i in tr.full_subtree(v):
            if tr.lower(i) not in self.lex.inclusion_words:
                continue
            for o in tr.kids(i, ("pobj",)):
                # "among them two French citizens": the list hangs on the word "them" heads
                at = tr.head(i) if tr.tok(o).pos == "PRON" else o
                found += [p for p in self.parties_at(at) if p.ref.kind in STATE_KINDS]
        return _unique(found)

    def in_exchange(self, tok: int) -> bool:
        """Is this sentence, or one of the two before, about an exchange of prisoners or
        goods ("the swap", "in return")?"""
        tr = self.tree
        here = tr.tok(tok).sent
        for s in range(max(0, here - 2), here + 1):
            sent = tr.parsed.sentences[s]
            lemmas = [tr.lemma(i) for i in range(sent.tok_start, sent.tok_end)]
            pairs = {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}
            if (set(lemmas) | pairs) & self.lex.swap_words:
                return True
        return False

    def fallback_targets(self, trig: Trigger, source: Party, sent, place: Place | None,
                         plover: str, mode: str | None, co_sources: Sequence[Party] = ()) -> list[Party]:
        """Recipients the clause does not name: the two sides of a mediation, the mediator a
        refusal answers, the actor a reaction answers, the state an attack happened in, the
        state a threat names as a place."""
        tr = self.tree
        lex = self.lex
        if (plover, mode) in lex.amends_codes:
            # "Baku apologised the same day": to the one its own side had just harmed
            parties = self.own_last_victims(sent.index, source)
            if parties:
                return parties
        if (plover, mode) in lex.third_party_modes or trig.frame in ("commit", "wish"):
            parties = self.parties_near(trig, source, co_sources)
            if parties:
                return parties
        if plover == "REJECT" and mode == "mediate":
            parties = self.recall_mediator(sent.index, source)
            if parties:
                return parties
        if tr.lemma(trig.tok) in lex.gathering_verbs:
            parties = self.gathering_participants(trig, source)
            if parties:
                return parties
        if tr.lemma(trig.tok) in lex.reaction_verbs or (plover == "REJECT" and trig.kind == "verb"):
            # a denial with no recipient answers whoever last spoke or acted on the other side
            parties = self.last_actor(sent.index, source, speakers=True)
            if parties:
                return parties
        if trig.plover in PLACE_TARGET_TYPES and trig.plover not in PLACE_ONLY_TYPES:
            objs = [trig.complement] if trig.complement is not None else []
            objs += tr.kids(trig.tok, ("dobj",)) + ([c for c in tr.kids(trig.complement, ("dobj",))]
                                                   if trig.complement is not None else [])
            if trig.kind == "noun":
                objs += [o for _, o in tr.prep_objects(trig.tok, ("of",))]  # "the invasion of South Lebanon"
            for o in objs:
                if o is None:
                    continue
                # "seized their first provincial capital, Zaranj": the apposition names it
                p = resolve_phrase(tr, o, self.country_at) or next(
                    (q for a in tr.kids(o, ("appos",)) if (q := resolve_phrase(tr, a, self.country_at))), None)
                if p and p.country:
                    return [self._state_party(p.country, o, "place-target")]
        if place and place.country and (trig.plover in PLACE_TARGET_TYPES or (plover, mode) == ("CONSULT", "visit")):
            # where it happened: "lifted a curfew in Montenegro", "an attack in Pahalgam", "a
            # visit to Amman" (a visit is paid to the state visited)
            return [self._state_party(place.country, trig.tok, "place-target")]
        return []

    def crowd_patients(self, trig: Trigger) -> list[Party]:
        """The crowd an act of force falls on: the passive subject ("protesters were shot
        dead"), the object, or what fire is opened "on" ("opened fire on demonstrators")."""
        tr = self.tree
        heads = {trig.tok, trig.carrier}
        cands = [c for h in heads for c in tr.kids(h, ("nsubjpass", "dobj"))]
        # "used live ammunition against demonstrators": the phrase's object carries the "against"
        cands += [o for h in heads | set(trig.toks) for _, o in tr.prep_objects(h, ("on", "at", "into", "against"))]
        return _unique([p for c in cands for p in self.crowd(c)])

    def crowd_onset(self, trig: Trigger) -> bool:
        """A crowd's act named by a noun as it starts, spreads or goes on ("the protests
        began", "protests erupted", "shaken by protests", "protests since June"): an event
        of its own, not a passing mention ("during the protests")."""
        tr = self.tree
        if trig.kind != "noun" or trig.frame is not None or trig.plover not in self.lex.crowd_types:
            return False
        t = tr.tok(trig.tok)
        if t.dep in ("nsubj", "nsubjpass") and tr.lemma(t.head) in self.lex.onset_verbs:
            return True
        if t.dep == "pobj" and tr.tok(t.head).dep == "agent" and tr.lemma(tr.tok(t.head).head) in self.lex.onset_verbs:
            return True
        return any(tr.lower(q) == "since" for q in tr.kids(trig.tok, ("prep",)))

    def place_forces(self, trig: Trigger, tok: int) -> list[Party]:
        """The security forces of the state where an act happened: the clause's place's, or
        with no place named, the state the article names most; none for a place of no
        single state."""
        place = find_place(self.tree, [trig.tok, trig.carrier], self.country_at)
        # with no place said, the state the article is about (crowds meet their own police)
        country = place.country if place is not None else self.main_country()
        if not country:
            return []
        ref = ActorRef(actor_id=None, name="security forces", kind="military", country=country,
                       code=f"{country}MIL", text=self.tree.text(tok, tok + 1))
        return [Party(ref, tok, "place-agent")]

    def referral(self, trig: Trigger) -> bool:
        """"took the dispute to the ICJ": a case taken to a court or council, addressed to the
        one its own phrase names and to no one the article might supply."""
        # (only a request: "took power" is a seizure, not a case taken anywhere)
        return trig.kind == "verb" and len(trig.toks) > 1 and trig.plover == "REQUEST" \
            and self.tree.lemma(trig.tok) in self.lex.referral_verbs

    def own_authorities(self, patients: list[Party], tok: int) -> list[Party]:
        """Who arrested or sentenced someone when the clause names neither agent nor place
        ("Karim Massimov, the former security chief, was arrested"): the authorities of the
        patient's own state, when that state is the one the article is about (its most named
        state, or its dateline's); else no one (a national held abroad, with the place unsaid)."""
        own = {p.ref.country for p in patients if p.ref.kind == "person" and p.ref.country}
        if len(own) != 1:
            return []
        country = own.pop()
        if country not in (self.main_country(), self.dateline_country()):
            return []
        ref = next((r for m in self.tree.mentions for r in m.refs
                    if r.kind == "government" and r.country == country), None)
        ref = ref or replace(bare_state(country), kind="government")
        return [Party(ref, tok, "own-state")]

    def main_country(self) -> str | None:
        """The state the article names most (by the mentions of it, its people and bodies),
        if one leads; None on a tie."""
        if self._main_country is None:
            count = Counter(r.country for m in self.tree.mentions for r in m.refs[:1]
                            if r.country and r.kind in ("state", "government", "military", "person"))
            top = count.most_common(2)
            lead = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else ""
            self._main_country = lead
        return self._main_country or None

    def _state_party(self, country: str, tok: int, how: str) -> Party:
        return Party(bare_state(country), tok, how)

    def scheduled(self, v: int) -> bool:
        """Whether verb v is what someone "is due / scheduled / expected to" do."""
        tr = self.tree
        return tr.tok(v).dep == "xcomp" and tr.lemma(tr.head(v)) in self.lex.scheduled_heads

    def own_object(self, trig: Trigger, plover: str) -> bool:
        """Whether the verb acts on an object of its own that names no actor ("struck arms
        depots", "withdrew permission"): its coordinated actors then act side by side."""
        tr = self.tree
        if trig.kind != "verb" or plover not in self.lex.solo_object_types:
            return False
        return any(o not in trig.toks and tr.tok(o).pos in NOUN_POS and not self.parties_at(o)
                   and tr.lower(o) not in self.lex.reciprocal_markers
                   for o in tr.kids(trig.tok, ("dobj",)))

    def negated_object(self, trig: Trigger) -> list[int] | None:
        """The objects of a negated verb of acknowledging that names no actor ("did not
        recognise the zone"), or None when the rule does not apply."""
        tr = self.tree
        if trig.frame is not None or trig.kind != "verb" or tr.lemma(trig.tok) not in self.lex.negated_object_verbs:
            return None
        objs = tr.kids(trig.tok, ("dobj", "nsubjpass"))
        if not objs or any(self.parties_at(o) for o in objs) or self.modality(trig, trig.plover) != "negated":
            return None
        return objs

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
        if not targets and len(trig.toks) == 1 and self.tree.lemma(trig.tok) in self.lex.needs_recipient:
            return False
        if not targets and self.referral(trig):
            return False  # "would take the matter to international bodies": no one named
        if not targets and self.force_move(trig):
            return False  # "troops moved to new barracks": a move toward no one
        if (not targets or source.how == "unresolved") and trig.label is not None \
                and self.tree.lemma(trig.tok) in self.lex.statement_verbs:
            return False  # "said the decision was unacceptable": a judgement of, or by, no one we can name
        return True

    def is_deontic(self, v: int) -> bool:
        """"must return", "should withdraw", "has to stop", "needs to end"."""
        tr = self.tree
        aux = set(tr.auxes(v))
        if aux & self.lex.deontic_modals:
            return True
        t = tr.tok(v)
        if t.dep == "ccomp" and tr.kids(v, ("mark",)):
            # "it was vital that every party refrain": the adjective says it must be done
            h = t.head
            adjs = [h] if tr.tok(h).pos == "ADJ" else tr.kids(h, ("acomp",))
            if any(tr.lemma(a) in self.lex.deontic_adjectives for a in adjs):
                return True
        if t.dep == "xcomp" and tr.tok(t.head).pos in VERB_POS:
            # "has to", "needs to": the data lists each form, so lemma or word will do
            return bool({f"{tr.lemma(t.head)} to", f"{tr.lower(t.head)} to"} & self.lex.deontic_modals)
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

    def run(self) -> tuple[Event, ...]:
        events = self.all_events()
        words = len(self.parsed.text.split())
        budget = min(MAX_EVENTS_PER_ARTICLE, max(MIN_EVENT_BUDGET, int(words * MAX_EVENTS_PER_100_WORDS / 100)))
        # a second coordinated recipient's dyad only takes room the others leave
        extra = [e for e in events if id(e) in self._split_ids]
        events = [e for e in events if id(e) not in self._split_ids]
        if len(events) > budget:
            events = _trim(events, budget)
        room = budget - len(events)
        if room > 0 and extra:
            events = sorted(events + _trim(extra, room), key=lambda e: (e.sent, e.start))
        return tuple(replace(e, id=f"{self.parsed.doc_id}:e{n}") for n, e in enumerate(events, start=1))

    def all_events(self) -> list[Event]:
        sentences = []
        seen_sentences: set[str] = set()
        for sent in self.parsed.sentences:
            # a repeated headline or caption reports nothing new
            norm = " ".join(sent.text.split()).lower()
            if norm in seen_sentences:
                continue
            seen_sentences.add(norm)
            sentences.append(sent)
            drafts = self.by_sentence.setdefault(sent.index, [])
            # nominal events first, so that a verb whose object is one ("blamed the attack
            # on X", "condemned the strikes") finds it; frames last (they may consume others)
            trigs = sorted(self.triggers(sent), key=lambda t: (t.frame is not None, t.kind != "noun", t.tok))
            for trig in trigs:
                for d in self.draft(trig, sent):
                    drafts.append(d)
                    self.drafts.append((d, sent.index))
            for d in self.ellipsis_drafts(sent) + self.ruling_drafts(sent) + self.cessation_drafts(sent):
                drafts.append(d)
                self.drafts.append((d, sent.index))
            self.borrow_addressees(drafts)
        self.fill_pending()
        self.attribute_named_attacks()
        events: list[Event] = []
        for sent in sentences:
            drafts = [d for d in self.by_sentence[sent.index]
                      if d.source is not None and (d.targets or not d.needs_target)]
            drafts = _dedupe(self.split_recipients(drafts))
            drafts.sort(key=lambda d: d.trigger.tok)
            figures = find_figures(self.tree, sent.index) if drafts else []
            attached = _attach_figures(self.tree, drafts, figures)
            for d in drafts:
                event = self.to_event(d, sent, len(events) + 1, attached.get(id(d), ()))
                if event.confidence >= MIN_CONFIDENCE:
                    events.append(event)
                    if "split" in d.factors:
                        self._split_ids.add(id(event))
        return events

    def is_ruling(self, o: int) -> bool:
        """Whether a noun is a court's decision in an article that names a court: "the award",
        "the ruling", "the court's order" (a bare "order" or "decision" is no court's)."""
        tr = self.tree
        if tr.lemma(o) not in self.lex.ruling_nouns:
            return False
        if tr.lemma(o) in self.lex.outcome_ruling_nouns and any(tr.prep_objects(o, ("of", "to"))):
            return False
        if tr.lemma(o) in self.lex.generic_ruling_nouns and not any(
                tr.lemma(j) in self.lex.court_words for j in tr.full_subtree(o) if j != o):
            return False
        return bool(self.court_party(o))

    def court_party(self, tok: int) -> list[Party]:
        """The court the article names, nearest before ``tok`` (else the first after it): an
        international body or organisation whose name has a court word ("the International
        Court of Justice", "the Permanent Court of Arbitration")."""
        tr = self.tree
        best: tuple[int, Party] | None = None
        for m in tr.mentions:
            for ref in m.refs:
                if ref.kind not in ("igo", "org") or not ref.name:
                    continue
                if not set(ref.name.lower().split()) & self.lex.court_words:
                    continue
                at = m.tok_start if m.tok_start >= 0 else tok
                rank = tok - at if at <= tok else 10_000 + at - tok
                if best is None or rank < best[0]:
                    best = (rank, Party(ref, tok, "recalled"))
        return [best[1]] if best else []

    def cessation_drafts(self, sent) -> list[_Draft]:
        """"The violence must stop", "the killing has to end", said by someone: a demand that
        the author of the act the subject re-mentions stop it (a REQUEST of the speaker to
        them), though no word of the sentence is a demand."""
        tr = self.tree
        out: list[_Draft] = []
        for i in range(sent.tok_start, sent.tok_end):
            if tr.lemma(i) not in self.lex.cessation_verbs or not self.is_deontic(i):
                continue
            subj = tr.kid(i, "nsubj")
            if subj is None or self.parties_at(subj):
                continue
            ref = self.refer_back(subj)
            speakers, speech = self.speaker_of(i)
            if ref is None or not _known(ref.source) or not speakers or speech is None \
                    or any(_same_side(sp.ref, ref.source.ref) for sp in speakers):
                continue
            mode = self.lex.deontic_modes.get("*")  # to end an act is to change course
            trig = Trigger(tok=i, toks=(i,), plover="REQUEST", mode=mode, kind="verb", carrier=i)
            out.append(_Draft(trigger=trig, source=replace(speakers[0], how="context"),
                              targets=[replace(ref.source, tok=subj, how="recalled")],
                              plover="REQUEST", mode=mode, modality="asserted",
                              factors=["context", "recalled"]))
        return out

    def ruling_drafts(self, sent) -> list[_Draft]:
        """"The tribunal ruled that Beijing had no legal basis for its claims": a court whose
        finding goes against a state (a violation, an unlawful act, no legal basis) accuses it."""
        tr = self.tree
        lex = self.lex
        out: list[_Draft] = []
        for i in range(sent.tok_start, sent.tok_end):
            if tr.tok(i).pos != "VERB" or tr.lemma(i) not in lex.ruling_verbs:
                continue
            subj = tr.kid(i, "nsubj")
            if subj is None:
                continue
            court = [p for p in self.parties_at(subj) if p.ref.kind in ("igo", "org")
                     and set((p.ref.name or "").lower().split()) & lex.court_words]
            if not court and tr.lemma(subj) in lex.court_words:
                court = self.court_party(subj)
            if not court:
                continue
            for c in tr.kids(i, ("ccomp",)):
                words = tr.full_subtree(c)
                text = " ".join(tr.lower(j) for j in words)
                lemmas = {tr.lemma(j) for j in words} | {tr.lower(j) for j in words}
                if not (lemmas & lex.adverse_words or any(" " in w and w in text for w in lex.adverse_words)):
                    continue
                csubj = tr.kid(c, "nsubj")
                accused = [p for p in self.parties_at(csubj) if p.how != "unresolved"] if csubj is not None else []
                accused = [p for p in accused if not _same_side(p.ref, court[0].ref)]
                if not accused:
                    continue
                plover, mode = lex.verbs.get("accuse") or ("ACCUSE", None)
                trig = Trigger(tok=i, toks=(i,), plover=plover, mode=mode, kind="verb", carrier=i)
                out.append(_Draft(trigger=trig, source=replace(court[0], tok=subj, how="parse"), targets=accused,
                                  plover=plover, mode=mode, modality=self.modality(trig, plover),
                                  factors=["parse"]))
        return out

    def ellipsis_drafts(self, sent) -> list[_Draft]:
        """"Yemen and the Maldives followed (suit)": an intransitive verb of imitation repeats
        the latest act with a recipient of the sentences just before, done by its own subjects."""
        tr = self.tree
        out: list[_Draft] = []
        for i in range(sent.tok_start, sent.tok_end):
            if tr.tok(i).pos != "VERB" or tr.is_passive(i) or tr.kids(i, ("agent",)):
                continue
            objs = tr.kids(i, ("dobj",))
            keys = {tr.lemma(i)} | {f"{tr.lemma(i)} {tr.lower(o)}" for o in objs} | {
                f"{tr.lemma(i)} {' '.join(tr.lower(j) for j in tr.full_subtree(o))}" for o in objs}
            if not keys & self.lex.ellipsis_verbs or (objs and not (keys - {tr.lemma(i)}) & self.lex.ellipsis_verbs):
                continue
            subj = tr.kid(i, "nsubj")
            sources = [p for p in self.parties_at(subj) if p.how != "unresolved"] if subj is not None else []
            if not sources:
                continue
            # "The EU followed, adopting its own sanctions": the clause names what was done
            own = set(tr.full_subtree(i)) - {i}
            if any(s == sent.index and d.trigger.tok in own for d, s in self.drafts):
                continue
            # the latest deed, else the latest statement ("cut ties ..., accusing it of ...":
            # those who followed cut ties)
            recent = [d for d, s in reversed(self.drafts) if s != sent.index and sent.index - s <= 2
                      and d.source is not None and d.targets and d.modality == "asserted"]
            model = next((d for d in recent if d.plover not in SPEECH_ACT_TYPES), recent[0] if recent else None)
            if model is None:
                continue
            for src in sources:
                tgts = [p for p in model.targets if not _same_side(p.ref, src.ref)]
                if not tgts or _same_side(src.ref, model.source.ref):
                    continue
                out.append(_Draft(trigger=replace(model.trigger, tok=i, toks=(i,), carrier=i, kind="verb",
                                                  complement=None, wrapper=None, label=None, predicate=None),
                                  source=src, targets=[replace(p, how="recalled") for p in tgts],
                                  plover=model.plover, mode=model.mode, modality="asserted",
                                  factors=[src.how, "recalled"], place=model.place))
        return out

    def split_recipients(self, drafts: list[_Draft]) -> list[_Draft]:
        """"Held talks with Qin Gang and Sergei Lavrov", "flew to Kyiv and to Moscow": a
        recipient coordinated with the first, of another state, is a dyad of its own (an
        analyst records two), for the types of ``split_types``; it follows the original,
        which de-duplication keeps first."""
        out = list(drafts)
        for d in drafts:
            if len(d.targets) < 2 or d.source is None or d.plover not in self.lex.split_types:
                continue
            first = d.targets[0]
            seen = {_state_key(first.ref)}
            for p in d.targets[1:]:
                key = _state_key(p.ref)
                if key in seen or p.how == "unresolved" or _same_side(p.ref, d.source.ref) \
                        or not self.coordinated(first.tok, p.tok):
                    continue
                seen.add(key)
                if len(seen) > MAX_SPLIT_RECIPIENTS:
                    break
                rest = [q for q in d.targets if q is not p]
                # a journey's second leg is a visit of its own, not a second addressee
                how = "leg" if (d.plover, d.mode) == ("CONSULT", "visit") else "split"
                out.append(replace(d, targets=[p, *rest], factors=[*d.factors, how]))
        return out

    def coordinated(self, a: int, b: int) -> bool:
        """Whether token ``b`` is a conjunct of ``a`` (or of a word ``a`` hangs from), as in
        "with Qin and Lavrov" or "to Kyiv ... and to Moscow"."""
        tr = self.tree
        if a < 0 or b < 0 or a == b:
            return False
        heads = {a, *list(tr.ancestors(a))[:3]}
        j = b
        if tr.tok(j).dep in ("poss", "compound"):
            j = tr.head(j)  # "Pakistan and Afghanistan's government"
        if tr.tok(j).dep == "pobj":
            j = tr.head(j)  # "to Kyiv ... and to Moscow": the preposition is the conjunct
        for _ in range(6):
            if tr.tok(j).dep != "conj":
                return False
            j = tr.head(j)
            if j in heads or (tr.tok(j).dep == "prep" and tr.head(j) in heads):
                return True  # (the parser may hang "and to Doha" on "on Monday")
        return False

    def borrow_addressees(self, drafts: list[_Draft]) -> None:
        """A statement made at a meeting is addressed to the one met: "Vershinin put forward
        the shorter term after talks with UN officials" → an offer to the UN."""
        meetings = [d for d in drafts if d.plover == "CONSULT" and d.source is not None and d.targets]
        for d in drafts:
            if d.source is None or d.targets or d.plover not in SPEECH_ACT_TYPES:
                continue
            for m in meetings:
                if actor_key(m.source.ref) == actor_key(d.source.ref):
                    d.targets = list(m.targets)
                    d.pending = None
                    d.factors.append("context")
                    break

    def to_event(self, d: _Draft, sent, n: int, figures) -> Event:
        tr = self.tree
        trig = d.trigger
        toks = sorted(set(trig.toks) | {trig.tok})
        if trig.light and abs(trig.carrier - trig.tok) <= TRIGGER_SPAN:
            toks = sorted(set(toks) | {trig.carrier})  # "held talks", not "talks were ... held"
        if toks[-1] - toks[0] > TRIGGER_SPAN:
            toks = [trig.tok]
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

def _other_side(target: Party, source: Party, custody: bool) -> bool:
    """A recipient the source can act on: not on its own side, except in custody (a state
    holding its own national is the one act between a state and its own people we keep: the
    arrest of an opposition leader, a deposed premier)."""
    return not _same_side(target.ref, source.ref) or (custody and target.ref.kind == "person")


def _known(p: Party | None) -> bool:
    """Whether an actor is resolved (an id, a country or a kind), not a bare phrase."""
    return p is not None and bool(p.ref.actor_id or p.ref.country or p.ref.kind != "other")


def _trim(events: list[Event], budget: int) -> list[Event]:
    """Keep the ``budget`` most informative events, in text order."""
    def cost(e: Event):
        return (e.target is None and e.quad_class in (1, 3),
                e.modality in ("hypothetical", "negated"),
                e.modality == "intended",
                e.source is None or (e.source.actor_id is None and e.source.kind == "other"),
                e.target is None or (e.target.kind == "other" and not e.target.country),
                e.quad_class in (1, 3) and e.confidence < 0.8,  # a recalled statement before a deed
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
        tkey = _state_key(d.targets[0].ref) if d.targets else None
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


def _state_key(ref):
    """A state's identity whether named ("Ukraine", "the Ukrainian army") or known by its code
    (the place's state "UKR"): one attack on it per actor and type in a sentence."""
    return ("state", ref.country) if ref.kind in STATE_KINDS and ref.country else actor_key(ref)


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
