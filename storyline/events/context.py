"""The article as context: recipients a clause leaves to what the whole article says.

News names the other side of an event once and then leaves it out: "Russia has suspended its
participation in the arrangement" (the arrangement's parties, named where it was signed,
perhaps further down), "Erdogan urged every party to honour its signature", "the deal was
extended on Saturday" (by its parties, with each other), "since Russia invaded in February"
(the state the article is about). While the article is read, such events are drafted with a
``pending`` mark; once it has been read whole, ``fill_pending`` gives them:

- ``parties``: the parties of the article's agreements, other than the actor: those who
  signed, agreed to or declared one, and the actors named inside an agreement's own phrase
  ("the UN-brokered arrangement that lets Ukraine ship grain");
- ``mutual``: an agreement renewed with no agent ("the deal was extended"): its parties,
  the first as actor and the others as recipients;
- ``sides``: an act of "the two warring sides" (or of a "they" that stands for them): the
  pair of actors the article's conflict events set against each other;
- ``placeholder``: an act addressed to "every party" (the agreement's parties) or to "both
  sides" (the conflict's);
- ``participants``: what a host hosted ("hosted the negotiations"): the agreement's parties,
  else the two sides;
- ``counterpart``: a state's hostile act with no recipient: the actor it is in conflict with
  in the article, else the state the article names most (see ``counterpart``).

Recipients found this way are marked ``recalled`` (confidence 0.8) or ``counterpart`` (0.7).
An attack whose author the text leaves unnamed is kept aside (an "orphan" draft, never an
event by itself) until an accusation names who is blamed for it ("the attack on the bridge,
which Moscow blames on Ukraine"): it is then reported as that actor's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..records import ActorRef
from .coding import code_event
from .roles import STATE_KINDS, Party, _same_side
from .syntax import Tree

# The counterpart by mentions must be named at least this often, and more often than any other
# state: one passing mention ("wheat from Egypt") is not what an article is about.
MIN_COUNTERPART_MENTIONS = 2
# An agreement's phrase is read this far (tokens) for the actors it names; longer subtrees are
# whole clauses that merely contain the word.
MAX_ACCORD_PHRASE = 30
# Kinds that can be a party to an agreement (not an unresolved phrase, not an unnamed group).
PARTY_KINDS = frozenset({"state", "government", "military", "igo", "person", "org"})
# An agreement's actor (who signed, agreed) counts this many times a recipient: "every party"
# means first those who undertook something.
SIGNATORY_WEIGHT = 2
# Order in which a party's references are preferred for display: the state itself first.
KIND_RANK = {"state": 0, "government": 1, "igo": 2, "military": 3, "org": 4, "person": 5}


def party_key(ref: ActorRef):
    """One key per side: a country, else an organisation's code or name."""
    if ref.country and ref.kind != "nsa":
        return ("country", ref.country)
    return ("actor", ref.code or ref.actor_id or ref.name)


def bare_state(country: str) -> ActorRef:
    """A state known only by its code (a place's country, a region's claimant)."""
    return ActorRef(actor_id=None, name=country, kind="state", country=country, code=country)


class ContextFinder:
    """Article-level recipients (mixed into the Extractor, which holds ``tree``, ``lex`` and
    ``drafts``)."""

    tree: Tree
    _agreement_parties: list[Party] | None
    _state_refs: dict | None

    # ── agreements ──────────────────────────────────────────────────────────────────
    def agreement_parties(self) -> list[Party]:
        """The parties of the article's agreements, most often named first."""
        if self._agreement_parties is not None:
            return self._agreement_parties
        counts: Counter = Counter()
        signed: Counter = Counter()
        best: dict = {}
        order: dict = {}

        def add(p: Party, weight: int = 1) -> None:
            ref = p.ref
            if ref.kind not in PARTY_KINDS or (ref.kind == "person" and not ref.country):
                return
            k = party_key(ref)
            counts[k] += weight
            signed[k] += weight > 1
            order.setdefault(k, len(order))
            old = best.get(k)
            if old is None or KIND_RANK.get(ref.kind, 9) < KIND_RANK.get(old.ref.kind, 9):
                best[k] = p

        for d, _ in self.drafts:
            if d.pending or d.source is None or d.modality == "negated":
                continue
            if (d.plover, d.mode) in self.lex.accord_codes:
                add(d.source, SIGNATORY_WEIGHT)  # those who sign come before those signed with
                for p in d.targets:
                    add(p)
        tr = self.tree
        for t in tr.tokens:
            if t.pos != "NOUN" or not (tr.lemma(t.i) in self.lex.accord_nouns or self._signed(t.i)):
                continue
            toks = tr.full_subtree(t.i)
            if len(toks) > MAX_ACCORD_PHRASE:
                toks = tr.subtree(t.i)
            for j, m in tr.mentions_in(toks):
                for p in self._refs(m, j):
                    add(p)
        # most often named first; on a tie a state before an organisation (the guarantor)
        parties = [replace(self._as_state(best[k]), how="recalled")
                   for k in sorted(counts, key=lambda k: (-counts[k], -signed[k], KIND_RANK.get(best[k].ref.kind, 9) > 0,
                                                          order[k]))]
        self._agreement_parties = parties
        return parties

    def _signed(self, n: int) -> bool:
        """"the text signed with Turkey", "a document Russia signed": a signed paper."""
        tr = self.tree
        if tr.lemma(n) not in self.lex.signed_accord_nouns:
            return False
        verbs = tr.kids(n, ("acl", "relcl")) + ([tr.head(n)] if tr.tok(n).dep in ("dobj", "pobj") else [])
        return any(self.lex.frame_of.get(tr.lemma(v)) == "sign" for v in verbs)

    def _as_state(self, p: Party) -> Party:
        """A person or a ministry stands, as a party, for its state."""
        if p.ref.kind in ("person", "government", "military") and p.ref.country:
            state = self.state_ref(p.ref.country)
            if state is not None:
                return replace(p, ref=state)
        return p

    def state_ref(self, country: str) -> ActorRef | None:
        """The article's own reference to a state (its name), if it names it."""
        refs = self._state_refs
        if refs is None:
            refs = {}
            for m in self.tree.mentions:
                for r in m.refs:
                    if r.country and r.kind == "state":
                        refs.setdefault(r.country, r)
            self._state_refs = refs
        return refs.get(country)

    # ── counterparts ────────────────────────────────────────────────────────────────
    def counterpart(self, source: Party, conflict: bool = True) -> Party | None:
        """Whom an actor's act is aimed at when the sentence does not say: its partner in the
        article's conflict events (any events, when ``conflict`` is false), else the state the
        article names most (at least twice, and more often than any other)."""
        if source.ref.kind == "other" or (not source.ref.country and source.ref.kind != "nsa"):
            return None
        # an adversary is found among adversaries only: a mediator or a host is met more often
        score, refs = self._partners(source, conflict)
        best = _leader(score, 1)
        if best:
            return Party(refs[best].ref, source.tok, "counterpart")
        if source.ref.kind == "nsa":
            return None
        best = _leader(self.state_mentions(STATE_KINDS, source.ref.country), MIN_COUNTERPART_MENTIONS)
        if not best:
            return None
        ref = self.state_ref(best) or bare_state(best)
        return Party(ref, source.tok, "counterpart")

    def _partners(self, source: Party, only_conflict: bool) -> tuple[Counter, dict]:
        """How often each other actor (a state, or a named armed group) is on the other side
        of an event of this actor's side."""
        score: Counter = Counter()
        refs: dict = {}
        for d, _ in self.drafts:
            if d.pending or d.source is None or d.modality in ("negated", "hypothetical"):
                continue
            if only_conflict and code_event(d.plover, d.mode)[2] not in (3, 4):
                continue
            sides = [d.source, *d.targets]
            if not any(_same_side(p.ref, source.ref) for p in sides):
                continue
            for p in sides:
                if p.ref.kind in ("other",) or _same_side(p.ref, source.ref) or (
                        p.ref.kind != "nsa" and not p.ref.country):
                    continue
                k = party_key(p.ref)
                score[k] += 1
                if k not in refs or KIND_RANK.get(p.ref.kind, 9) < KIND_RANK.get(refs[k].ref.kind, 9):
                    refs[k] = self._as_state(p)
        return score, refs

    def conflict_sides(self) -> list[Party]:
        """The two sides of the article's conflict: the pair of actors most often set against
        each other in its conflict events ("the two warring sides", "urged both sides")."""
        pairs: Counter = Counter()
        refs: dict = {}
        for d, _ in self.drafts:
            if d.pending or d.source is None or not d.targets or d.modality in ("negated", "hypothetical"):
                continue
            if code_event(d.plover, d.mode)[2] not in (3, 4):
                continue
            a, b = d.source, d.targets[0]
            if "other" in (a.ref.kind, b.ref.kind) or _same_side(a.ref, b.ref):
                continue
            ka, kb = party_key(a.ref), party_key(b.ref)
            refs.setdefault(ka, self._as_state(a))
            refs.setdefault(kb, self._as_state(b))
            pairs[frozenset((ka, kb))] += 1
        if not pairs:
            return []
        pair = pairs.most_common(1)[0][0]
        # in the order the article first names them
        return [replace(refs[k], how="recalled") for k in sorted(pair, key=lambda k: list(refs).index(k))]

    def sides(self, source: Party) -> list[Party]:
        """The two sides a third party addresses ("urged both sides"): the conflict's, else the
        two states the article names most (each at least twice), other than the actor's."""
        sides = [p for p in self.conflict_sides() if not _same_side(p.ref, source.ref)]
        if len(sides) == 2:
            return sides
        return self.top_states(2, source.ref.country, source.tok)

    def top_states(self, n: int, but: str | None = None, tok: int = 0) -> list[Party]:
        """The ``n`` states the article names most (each at least twice), but ``but``."""
        out = []
        for c, k in self.state_mentions(STATE_KINDS | {"person"}, but).most_common(n):
            if k >= MIN_COUNTERPART_MENTIONS:
                ref = self.state_ref(c) or bare_state(c)
                out.append(Party(ref, tok, "counterpart"))
        return out if len(out) == n else []

    def state_mentions(self, kinds: frozenset[str], but: str | None) -> Counter:
        """How many mentions name each state (through a reference of one of ``kinds``), but
        ``but``."""
        score: Counter = Counter()
        seen = set()
        for m in self.tree.mention_of.values():
            if id(m) in seen:
                continue
            seen.add(id(m))
            for c in {r.country for r in m.refs if r.country and r.kind in kinds}:
                if c != but:
                    score[c] += 1
        return score

    # ── attacks the article attributes later ───────────────────────────────────────────
    def grievance_orphan(self, trig):
        """The attack with no named author that an accusation is about ("blames it on X",
        "called the attack a terrorist act by X", "blaming a drone attack"), if any."""
        tr = self.tree
        v = trig.tok
        cands = [trig.label] if getattr(trig, "label", None) is not None else []
        for c in tr.kids(v, ("dobj",)):
            cands.append(self.antecedent(v) if tr.tok(c).tag in ("WDT", "WP") and tr.tok(v).dep == "relcl" else c)
        for prep, o in tr.prep_objects(v, ("for", "of", "over")):
            cands.append(o)
            cands.extend(tr.kids(o, ("dobj",)))
        for c in list(cands):
            # "the attack on the bridge, which Moscow blames on Ukraine": the parser hangs the
            # clause on the bridge; the attack is what is blamed ("the strike on its consulate
            # in Damascus, which it blamed on Israel": two phrases up)
            for _ in range(3):
                if not (tr.tok(c).dep == "pobj" and tr.tok(tr.head(c)).dep == "prep"):
                    break
                c = tr.head(tr.head(c))
                cands.append(c)
        for c in cands:
            ev = self.noun_event.get(c)
            if ev is None and tr.tok(c).pos in ("NOUN", "PRON"):
                ev = self.refer_back(c, orphans=True)
            if ev is not None and ev.source is None and ev.pending is None:
                return ev
        return None

    def attribute_orphan(self, trig, accusation) -> None:
        """An attack the text left unattributed is, once an accusation names its author,
        reported as that author's (the accuser, when the attack names no victim, is it)."""
        if not accusation.targets or accusation.source is None:
            return
        orphan = self.grievance_orphan(trig)
        if orphan is None:
            return
        author = accusation.targets[0]
        if author.how == "placeholder" or author.ref.kind == "other":
            return
        victims = [p for p in orphan.targets if p.how != "unresolved" and not _same_side(p.ref, author.ref)]
        if not victims:
            victims = [self._as_state(accusation.source)]
        orphan.source = replace(author, tok=orphan.trigger.tok, how="recalled")
        orphan.targets = [replace(p, tok=orphan.trigger.tok) for p in victims]
        orphan.modality = "reported"
        orphan.speaker = accusation.source
        orphan.factors = ["recalled"]

    # ── filling ─────────────────────────────────────────────────────────────────────
    def fill_pending(self) -> None:
        """Give every pending draft its recipients (or its actor, for ``mutual`` and
        ``sides``), now that the whole article has been read. Drafts left without what they
        need are dropped by the caller (no actor, or no recipient where one is required)."""
        cosources: dict[int, list[Party]] = {}
        for d, _ in self.drafts:
            if d.source is not None:
                cosources.setdefault(d.trigger.tok, []).append(d.source)
        # the two sides first: what they sign and agree to makes the article's agreements
        for d, _ in self.drafts:
            if d.pending == "sides":
                d.pending = None
                sides = self.conflict_sides() or self.group_guess(d.source.tok) or self.top_states(2)
                if len(sides) == 2:
                    d.source = replace(sides[0], tok=d.trigger.tok)
                    d.targets = [replace(sides[1], tok=d.trigger.tok)] + [
                        p for p in d.targets if not any(_same_side(p.ref, q.ref) for q in sides)]
                    d.factors += ["recalled", "recalled"]
                else:
                    d.source = None
        self._agreement_parties = None
        for d, _ in self.drafts:
            if not d.pending:
                continue
            kind, d.pending = d.pending, None
            if d.modality == "negated" and kind != "placeholder":
                continue  # what did not happen needs no recipient guessed for it
            if kind == "mutual":
                parties = self.agreement_parties()
                if len(parties) >= 2:
                    d.source, d.targets = parties[0], parties[1:]
                    d.factors += ["recalled", "recalled"]
                continue
            others = cosources.get(d.trigger.tok, [d.source])
            found: list[Party] = []
            if kind == "placeholder" and self._two_sides(d):
                found = [p for p in self.conflict_sides() if not _same_side(p.ref, d.source.ref)]
                found = found if len(found) == 2 else [
                    p for p in self.group_guess(d.placeholder_tok) if not _same_side(p.ref, d.source.ref)]
                found = found if len(found) == 2 else self.sides(d.source)
            if not found and kind in ("parties", "placeholder", "participants"):
                found = self.agreement_parties()
            if not found and kind in ("placeholder", "participants"):
                found = self.sides(d.source)
            found = [p for p in found if not any(_same_side(p.ref, o.ref) for o in others)]
            if not found and (kind == "counterpart" or d.plover in self.lex.counterpart_types):
                other = self.counterpart(d.source, conflict=d.plover in self.lex.counterpart_types)
                found = [other] if other is not None else []
            if found:
                d.targets = [replace(p, tok=d.trigger.tok) for p in found]
                d.factors.append(found[0].how)

    def _two_sides(self, d) -> bool:
        """Whether a draft's placeholder said "both sides" / "the two sides" (the conflict's),
        not "every party" (the agreement's)."""
        words = set((d.placeholder or "").lower().split())
        return bool(words & {"both", "two", "warring"})

def _leader(score: Counter, minimum: int) -> str | None:
    """The key with the highest count, if it reaches ``minimum`` and no other ties it."""
    top = score.most_common(2)
    if not top or top[0][1] < minimum or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]
