"""Claims and contested propositions: who asserts what, who denies it.

Per article, ``extract_claims`` turns attributed speech (the quotes stage's reports) and the
positions an article attributes without quoting ("India has consistently denied any U.S.
involvement", "Pakistan has supported this version", "India blamed Pakistan …, an accusation
Islamabad denied", "called the attack a terrorist act") into claims with a stance. A claim's
``text`` is the proposition itself: for a denial, the proposition denied ("U.S. involvement",
not "no U.S. involvement"; "had something to do with the attack" for "had nothing to do
with it"); the reported clause's subject pronoun written as the speaker ("Kyiv said it had
never…" → "Ukraine had never…"); for a claim that only names an earlier one ("this version",
"no such request", "the accusation", "Trump's remarks"), the earlier claim's text, so that
both sides of a dispute carry the same words. Calling another side's account false ("a false
pretext", "propaganda") also denies that account. The stance words are data
(``data/claims/stance.yaml``).

Across a corpus, ``group_propositions`` clusters claims into propositions: MiniLM cosine
similarity plus shared concept keys (``data/claims/concepts.yaml``: the questions parties
dispute — responsibility for an attack, mediation, ceasefire terms, sanctions, guarantees,
withdrawal, casualty figures, agreement terms), with stance respected (an assertion and a
denial of the same content fall in one proposition on opposite sides), polarity axes
("settled bilaterally" against "third-party mediation") and competing figures ("120 days"
against "60 days") so that asserting one answer counts as denying the other, and a small
bonus for a denial that follows another side's claim in the same article. A proposition is
contested when someone stands on each side and the two sides really address the same
content.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import DataError
from .knowledge import load_yaml
from .quotes import (ParseView, Report, clean_content, cue_lexicon, find_reports, report_sentence,
                     report_text)
from .records import ActorRef, Claim, Mention, ParsedDoc, Proposition, Quote

__all__ = ["extract_claims", "group_propositions", "concept_lexicon", "claim_concepts", "claim_figures"]

# An anaphoric claim ("this version", "no such request", "an accusation X denied") refers to
# a claim at most this many sentences back; further than that, news prose re-names it.
ANTECEDENT_SENTENCES = 3
# A claim needs at least this many words besides determiners to be a proposition ("the
# ceasefire" is not; "foreign mediation" is).
MIN_CLAIM_WORDS = 2
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                "their", "our", "my", "your", "and", "or", "of"}

# Grouping thresholds, chosen on our own claim sets (tests/data/claims) and checked on the
# seeds. MiniLM cosines between short claims on one topic are low and flat: paraphrases of
# one proposition ("the US brokered the truce" / "American role in brokering peace") ran
# 0.35–0.80, but different propositions naming the same two countries ran up to 0.65 — the
# names dominate. So the model is one signal among three:
#   sim = cosine + CONCEPT_WEIGHT × shared concept keys + AXIS_WEIGHT × same polarity axis
# and claims on different axes never join. Clusters merge by average linkage (one bridging
# claim cannot chain two propositions) while sim ≥ LINK_THRESHOLD. Swept LINK_THRESHOLD
# 0.55–0.70 × AXIS_WEIGHT 0.3–0.5 on the seeds and our grouping sets: with AXIS_WEIGHT 0.3
# the "bilateral only" and "a third party could help" claims never meet (4/5 contested);
# with 0.4, thresholds 0.55–0.62 give 5/5 and 0.66 splits them again. We keep the smallest
# axis weight and the highest threshold that work: the fewest merges across conflicts.
# Fewer propositions (21 at 0.55, 26 at 0.62 on the seeds) means more loosely related
# claims under one statement.
LINK_THRESHOLD = 0.62
AXIS_WEIGHT = 0.4
# One shared concept key lifts a pair by about the gap between same-topic (≈0.4) and
# paraphrase (≈0.55) cosines in the seeds' table; set by hand, not swept.
CONCEPT_WEIGHT = 0.12
# Claims about one story share broad topic keys (shipping, aid, attack) whatever they say:
# only this many shared keys count, so that topic overlap alone cannot reach the threshold
# from a low cosine (0.3 + 2 × 0.12 < LINK_THRESHOLD).
MAX_SHARED_CONCEPTS = 1
# A denial close after another side's assertion in the same article most likely answers
# it: the pair gets this bonus when at most REBUTTAL_SENTENCES apart (a paragraph or two
# of news prose). Set by hand to about one concept key's worth, so that a rebuttal on a
# related point (cosine ≈ 0.45, one shared key) reaches the threshold, a bare topic
# overlap does not.
REBUTTAL_BONUS = 0.1
REBUTTAL_SENTENCES = 6
# ... and only between claims already this close: a denial does not answer every claim
# around it (the rebuttals found on the samples and our articles ran 0.46–0.55). The same
# bonus, on the same condition, joins two sides' competing figures for one quantity.
REBUTTAL_MIN_COSINE = 0.45
# ... and never when they share no concept and cosine is below this: different topics
# (unrelated claims about the same two countries sat at 0.1–0.35).
MIN_COSINE = 0.35
# A proposition is contested only when some denial is this close (same sim) to some
# assertion by another actor: otherwise the "denier" answers a different point. Set just
# under the link threshold, so that a loosely attached claim cannot make a dispute alone.
CONTEST_THRESHOLD = 0.6


# ── lexicons ────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    stems: tuple[str, ...]
    phrases: re.Pattern | None  # all its phrases, matched on the text's words joined by spaces
    words: frozenset = frozenset()  # exact words ("port$" in the file)


@dataclass(frozen=True, slots=True)
class Axis:
    """Two opposed poles of one question: asserting one counts as denying the other."""

    id: str
    pole: str      # concept id of the pole a proposition states
    counter: str   # concept id of the opposite pole
    topic: tuple[str, ...]  # concept ids, one of which must also be present


@dataclass(frozen=True, slots=True)
class ConceptLexicon:
    concepts: tuple[Concept, ...]
    axes: tuple[Axis, ...]
    drop_in_denial: frozenset


@functools.cache
def concept_lexicon() -> ConceptLexicon:
    """Concept keys and polarity axes from ``data/claims/concepts.yaml``, validated once."""
    data = load_yaml("claims/concepts.yaml") or {}
    concepts = []
    for cid, words in (data.get("concepts") or {}).items():
        if not words:
            raise DataError(f"claims/concepts.yaml: concept {cid!r} has no words")
        words = [str(w).lower() for w in words]
        exact = frozenset(w[:-1] for w in words if w.endswith("$"))
        stems = tuple(w for w in words if " " not in w and "-" not in w and not w.endswith("$"))
        phrases = [re.findall(r"[a-z0-9*]+", w) for w in words
                   if (" " in w or "-" in w) and not w.endswith("$")]
        concepts.append(Concept(str(cid), stems, _phrase_pattern(phrases), exact))
    ids = {c.id for c in concepts}
    axes = []
    for n, ax in enumerate(data.get("axes") or ()):
        for key in ("id", "pole", "counter"):
            if key not in ax:
                raise DataError(f"claims/concepts.yaml: axis {n} needs {key}")
        for cid in [ax["pole"], ax["counter"], *(ax.get("topic") or ())]:
            if cid not in ids:
                raise DataError(f"claims/concepts.yaml: axis {ax['id']!r} names unknown concept {cid!r}")
        axes.append(Axis(str(ax["id"]), ax["pole"], ax["counter"], tuple(ax.get("topic") or ())))
    return ConceptLexicon(tuple(concepts), tuple(axes),
                          frozenset(w.lower() for w in data.get("drop_in_denial") or ()))


def _phrase_pattern(phrases: list[list[str]]) -> re.Pattern | None:
    """One regex for a concept's phrases over words joined by single spaces: each phrase
    word matches the start of a word, "*" any one word."""
    if not phrases:
        return None
    alternatives = (" ".join(r"[a-z0-9]+" if p == "*" else re.escape(p) + r"[a-z0-9]*" for p in ph)
                    for ph in phrases)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + ")")


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    negative_pronouns: dict
    discredit_modifiers: frozenset
    discredit_nouns: frozenset
    account_nouns: frozenset
    event_noun_endings: tuple[str, ...] = ()
    figure_units: dict = None  # surface unit → the unit it counts ("days" → "day")


@functools.cache
def _stance_lexicon() -> StanceLexicon:
    """Negation and rebuttal words from ``data/claims/stance.yaml``, validated once."""
    data = load_yaml("claims/stance.yaml") or {}
    pronouns = data.get("negative_pronouns") or {}
    disc = data.get("discredit") or {}
    if not isinstance(pronouns, dict) or not isinstance(disc, dict):
        raise DataError("claims/stance.yaml: negative_pronouns and discredit must be mappings")
    return StanceLexicon({str(k).lower(): str(v) for k, v in pronouns.items()},
                         frozenset(str(w).lower() for w in disc.get("modifiers") or ()),
                         frozenset(w.lower() for w in disc.get("nouns") or ()),
                         frozenset(w.lower() for w in disc.get("account_nouns") or ()),
                         tuple(str(w).lower() for w in data.get("event_noun_endings") or ()),
                         _figure_units(data.get("figure_units") or {}))


def _figure_units(spec) -> dict:
    if not isinstance(spec, dict):
        raise DataError("claims/stance.yaml: figure_units must map a unit to its surface forms")
    return {str(form).lower(): str(unit) for unit, forms in spec.items() for form in (forms or ())}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


@functools.lru_cache(maxsize=65536)
def claim_concepts(text: str) -> frozenset[str]:
    """The concept keys a claim text mentions (stems match word beginnings, exact words
    whole words; phrases match word sequences, "*" standing for any one word)."""
    words = _words(text)
    joined = " ".join(words)
    return frozenset(c.id for c in concept_lexicon().concepts
                     if any(w.startswith(c.stems) for w in words) or not c.words.isdisjoint(words)
                     or (c.phrases is not None and c.phrases.search(joined)))


# ── per article ─────────────────────────────────────────────────────────────────────────

def extract_claims(parsed: ParsedDoc, quotes: Sequence[Quote],
                   mentions: Sequence[Mention]) -> tuple[Claim, ...]:
    """Attributed propositions with a stance, in text order (ids ``{doc_id}:c{n}``).

    ``quotes`` are this document's quotes (from ``extract_quotes``); each claim drawn from a
    quote carries its ``quote_id``. ``Claim.proposition`` is left None (set at corpus level).
    Raises DataError when a lexicon file is malformed.
    """
    view = ParseView(parsed, mentions)
    reports = find_reports(parsed, mentions, view)
    quote_at = {(q.start, q.end): q for q in quotes}
    outer = _outer_reports(reports)
    drafts: list[_Draft] = []
    for n, rep in enumerate(reports):
        if n in outer or rep.speaker is None:
            continue
        for text, stance, derived in _propositions(view, rep, drafts):
            if len(_content_words(text)) >= MIN_CLAIM_WORDS or _event_object(rep, text):
                drafts.append(_Draft(rep, text, stance, rep.cue_tok if rep.cue_tok is not None else 0,
                                     derived))
    claims: list[Claim] = []
    seen = set()
    for d in drafts:
        rep, text, stance = d.rep, d.text, d.stance
        sent, sentence = report_sentence(parsed, rep)
        key = (sent, _actor_key(rep.speaker), text.lower(), stance)
        if key in seen:
            continue
        seen.add(key)
        q = quote_at.get((rep.start, rep.end))
        claims.append(Claim(id=f"{parsed.doc_id}:c{len(claims) + 1}", doc_id=parsed.doc_id,
                            sent=sent, sentence=sentence, speaker=rep.speaker, cue=rep.cue,
                            text=text, direct=rep.direct, stance=stance,
                            quote_id=q.id if q else None, channel=rep.channel))
    return tuple(claims)


@dataclass(frozen=True, slots=True)
class _Draft:
    """A claim before it is numbered; ``derived`` when its text is an earlier claim's (a
    reference back or a rebuttal), so that it is never itself taken as an antecedent."""

    rep: Report
    text: str
    stance: str
    pos: int
    derived: bool = False


def _outer_reports(reports: list[Report]) -> set[int]:
    """Reports whose content is itself a report ("Misri said Modi told Trump that …"): the
    claim belongs to the inner speaker, so the outer one yields none."""
    outer = set()
    for n, r in enumerate(reports):
        if r.content_toks is None or r.direct or r.anaphoric:
            continue
        lo, hi = r.content_toks
        for m, o in enumerate(reports):
            if m != n and o.cue_tok is not None and lo <= o.cue_tok <= hi and o.speaker is not None:
                outer.add(n)
                break
    return outer


def _event_object(rep: Report, text: str) -> bool:
    """"confirmed the renewal", "announced the extension": an event noun as the object of
    a cue verb is a claim that the event happened, though it is one word."""
    words = _content_words(text)
    return rep.kind == "object" and not rep.anaphoric and len(words) == 1 and len(words[0]) > 5 \
        and words[0].endswith(_stance_lexicon().event_noun_endings)


def _content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w not in _DETERMINERS]


def _propositions(view: ParseView, rep: Report, earlier) -> list[tuple[str, str]]:
    """The (text, stance) pairs one report states: a denial named by its verb, a negated
    clause ("there had been no discussions on A or B" → denies A, denies B), coordinated
    predicates of opposite polarity, or an earlier claim it refers to."""
    stance = rep.stance
    if rep.anaphoric or _has_such(view, rep):
        ante = _antecedent(view, rep, earlier, stance)
        if ante is not None:
            flip = _negated_object(view, rep)
            return [(ante, _flip(stance) if flip else stance, True)]
        if rep.anaphoric:
            return []
    out = [(text, st, False) for text, st in _stated(view, rep)]
    if stance == "asserts" and _discredits(view, rep):
        # "accused Moscow of using a false pretext": calling the other side's account false
        # denies it, besides whatever else the sentence asserts
        ante = _antecedent(view, rep, earlier, "denies")
        if ante is not None:
            out.append((ante, "denies", True))
    return out


def _stated(view: ParseView, rep: Report) -> list[tuple[str, str]]:
    """The (text, stance) pairs of a report's own content."""
    stance = rep.stance
    if rep.text:  # built from a frame
        return [(rep.text, stance)]
    if rep.kind in ("according", "continued") or rep.content_toks is None \
            or rep.relative_head is not None:
        return [(report_text(view.parsed, rep), stance)]
    lo, hi = rep.content_toks
    root = _content_root(view, lo, hi)
    if root is None:
        return [(report_text(view.parsed, rep), stance)]
    if rep.direct:
        # a quote keeps its words; a negated quote ("we had nothing to do with it") denies
        return [(report_text(view.parsed, rep), _flip(stance) if _negations(view, root) else stance)]
    out = []
    named = _named_subjects(view, rep, root, lo, hi)
    for part_lo, part_hi, head, drop in _clause_parts(view, root, lo, hi):
        negs = _negations(view, head)
        st = _flip(stance) if negs else stance
        remove = set(drop) | set(negs)
        if st == "denies":
            remove |= _droppable(view, part_lo, part_hi)
        replace = {k: _stance_lexicon().negative_pronouns[view.toks[k].text.lower()]
                   for k in negs if view.toks[k].text.lower() in _stance_lexicon().negative_pronouns}
        replace.update(named)
        for piece in _split_denied(view, head, part_lo, part_hi, negs):
            text = _render(view, piece, remove - set(replace), replace)
            if text:
                out.append((_with_doer(view, rep, root, text), st))
    return out or [(report_text(view.parsed, rep), stance)]


def _with_doer(view: ParseView, rep: Report, root: int, text: str) -> str:
    """"Hamas denied making any new demands": a gerund object is the speaker's own act, so
    the claim names the speaker ("Hamas was making new demands") and reads alone."""
    t = view.toks[root]
    if rep.kind != "object" or t.tag != "VBG" or t.dep not in ("dobj", "xcomp", "ccomp", "pcomp") \
            or any(view.toks[c].dep.startswith("nsubj") for c in view.children[root]):
        return text
    if rep.speaker is None or rep.speaker.kind == "other" or not rep.speaker.name:
        return text
    return f"{_display_name(rep.speaker)} was {text}"


def _named_subjects(view: ParseView, rep: Report, head: int, lo: int, hi: int) -> dict[int, str]:
    """The reported clause's subject pronoun written as the speaker ("Kyiv said it had
    never used the corridor" → "Ukraine had never used the corridor"), so that the claim
    reads alone and groups with others' claims that name the actor: in reported speech
    "X said it/he …" is, in news prose, X itself. Other pronouns are left as written (a
    wrong referent would make a wrong claim)."""
    lex = cue_lexicon()
    speaker = rep.speaker
    if speaker is None or speaker.kind == "other" or not speaker.name:
        return {}
    out = {}
    for c in view.children[head]:
        t = view.toks[c]
        if not (lo <= c <= hi and t.dep in ("nsubj", "nsubjpass") and t.pos == "PRON"):
            continue
        lower = t.text.lower()
        kind = next((k for k, words in lex.pronouns.items() if lower in words and k != "first"), None)
        if kind is not None and (kind == "person") == (speaker.kind == "person"):
            out[c] = _display_name(speaker)
    return out


def _display_name(ref: ActorRef) -> str:
    """An actor's name as prose: "Russia", not the actor base's "Russia government"."""
    name = ref.name or ""
    if ref.kind == "government" and name.lower().endswith(" government"):
        name = name[: -len(" government")]
    return name


def _flip(stance: str) -> str:
    return "asserts" if stance == "denies" else "denies"


def _content_root(view: ParseView, lo: int, hi: int) -> int | None:
    for k in range(lo, hi + 1):
        h = view.toks[k].head
        if h == k or not lo <= h <= hi:
            if view.toks[k].pos not in ("PUNCT", "SPACE"):
                return k
    return None


def _clause_parts(view: ParseView, root: int, lo: int, hi: int):
    """Split "X is A and not B" into (X is A) and (X … B) when the conjuncts differ in
    polarity; otherwise the whole content is one part. Yields (lo, hi, head, dropped tokens)."""
    conjs = [c for c in view.children[root] if view.toks[c].dep == "conj"
             and view.toks[c].pos in ("VERB", "AUX", "ADJ") and lo <= c <= hi]
    negs = _negations(view, root)
    base_neg = bool(negs)
    split = [c for c in conjs if bool(_negations(view, c)) != base_neg]
    subj = [k for k in view.children[root] if view.toks[k].dep.startswith("nsubj")]
    if subj and any(view.toks[n].head == subj[0] or n == subj[0] for n in negs):
        split = []  # "no measures were taken and …": a negated subject negates every conjunct
    if not split:
        yield lo, hi, root, []
        return
    c = split[0]
    c_lo, c_hi = view.subtree(c)
    cc = [k for k in view.children[root] if view.toks[k].dep == "cc" and k < c_lo]
    drop_first = list(range(c_lo, c_hi + 1)) + cc
    yield lo, hi, root, [k for k in drop_first if lo <= k <= hi]
    keep = set(range(c_lo, c_hi + 1))
    if subj and not any(view.toks[g].dep.startswith("nsubj") for g in view.children[c]):
        s_lo, s_hi = view.subtree(subj[0])
        keep |= set(range(s_lo, s_hi + 1))
    # "… and that the court was the place …": the conjunct's own "that" is not content
    keep -= {g for g in view.children[c]
             if view.toks[g].dep == "mark" and view.toks[g].text.lower() == "that"}
    yield lo, hi, c, [k for k in range(lo, hi + 1) if k not in keep]


def _negations(view: ParseView, head: int) -> list[int]:
    """Negation markers of a clause: "not"/"never" on its verb, or "no" on its subject,
    object or predicate noun ("there had been no discussions", "made no such request")."""
    negs = [c for c in view.children[head] if view.toks[c].dep == "neg"]
    pronouns = _stance_lexicon().negative_pronouns
    for c in view.children[head]:
        if view.toks[c].dep in ("dobj", "attr", "nsubj", "nsubjpass", "acomp"):
            negs += [d for d in view.children[c] if view.toks[d].dep == "det"
                     and view.toks[d].text.lower() == "no"]
            if view.toks[c].text.lower() in pronouns:
                negs.append(c)  # "had nothing to do with the attack", "signed nothing"
    return negs


def _negated_object(view: ParseView, rep: Report) -> bool:
    if rep.content_toks is None:
        return False
    lo, hi = rep.content_toks
    root = _content_root(view, lo, hi)
    return bool(root is not None and _negations(view, root))


def _has_such(view: ParseView, rep: Report) -> bool:
    """"no such request": "such" on a noun of the content marks a reference back."""
    if rep.content_toks is None or rep.direct and rep.kind != "quote":
        return False
    lo, hi = rep.content_toks
    return any(view.toks[k].text.lower() == "such" and view.toks[k].dep in ("amod", "predet", "det")
               and view.toks[k + 1].text.lower() not in ("as",) for k in range(lo, min(hi, len(view.toks) - 2) + 1))


def _droppable(view: ParseView, lo: int, hi: int) -> set[int]:
    """Words a denial's text does without ("any" in "denied any involvement")."""
    drop = concept_lexicon().drop_in_denial
    out = {k for k in range(lo, hi + 1) if view.toks[k].text.lower() in drop
           and view.toks[k].dep in ("det", "advmod", "amod")}
    # "dismissed allegations that troops fired … as baseless": the verdict is the speaker's,
    # not part of what is denied
    verdict = _stance_lexicon().discredit_modifiers
    for k in range(lo, hi + 1):
        t = view.toks[k]
        if t.text.lower() != "as":
            continue
        # "as baseless" is a prepositional phrase, or "as" hangs on the adjective
        a, b = view.subtree(k) if t.dep == "prep" else (k, view.subtree(t.head)[1])
        if b > k and any(view.toks[j].text.lower() in verdict for j in range(a, b + 1)):
            out |= set(range(a, b + 1))
    return out


def _split_denied(view: ParseView, head: int, lo: int, hi: int, negs: list[int]):
    """A negated noun phrase with coordinated parts denies each part: "no discussions on a
    trade deal or any American role" → "discussions on a trade deal", "American role"."""
    if not negs:
        yield (lo, hi)
        return
    noun = view.toks[negs[0]].head if view.toks[negs[0]].dep == "det" else None
    if noun is None:
        yield (lo, hi)
        return
    n_lo, n_hi = view.subtree(noun)
    for k in range(n_lo, n_hi + 1):
        t = view.toks[k]
        if t.dep == "conj" and t.pos in ("NOUN", "PROPN") and any(
                view.toks[c].dep == "cc" for c in view.children[t.head]):
            c_lo, c_hi = view.subtree(k)
            cc = [c for c in view.children[t.head] if view.toks[c].dep == "cc" and c < c_lo]
            first = [j for j in range(n_lo, n_hi + 1) if not c_lo <= j <= c_hi and j not in cc]
            yield first
            yield list(range(c_lo, c_hi + 1))
            return
    yield (n_lo, n_hi) if view.toks[noun].dep == "attr" and _expletive(view, head) else (lo, hi)


def _expletive(view: ParseView, head: int) -> bool:
    return any(view.toks[c].dep == "expl" for c in view.children[head])


def _render(view: ParseView, piece, remove: set[int], replace: dict[int, str] | None = None) -> str:
    """Text of a token range (or list), without the removed tokens and with the replaced
    ones, as clean prose ("cannot flow" less "not" is "can flow", not "canflow")."""
    idx = range(piece[0], piece[1] + 1) if isinstance(piece, tuple) else piece
    replace = replace or {}
    parts: list[list[str]] = []
    for k in idx:
        t = view.toks[k]
        if k in remove:
            if parts and t.ws:
                parts[-1][1] = parts[-1][1] or t.ws
            continue
        parts.append([replace.get(k, t.text), t.ws or ""])
    return clean_content("".join(a + b for a, b in parts))


def _antecedent(view: ParseView, rep: Report, earlier: list[_Draft], stance: str) -> str | None:
    """The text of the claim a report refers back to ("this version", "the accusation",
    "Trump's remarks", "false claims"), within ANTECEDENT_SENTENCES.

    Candidates are earlier claims by another speaker (another country when both are
    known) that state something of their own (not a reference back or a rebuttal
    themselves, not a quote in the first or second person: "I will work with you" is no one
    else's proposition); a denial refers back to an assertion.
    A named owner ("Trump's remarks") picks that owner's latest claim; a denial prefers the
    latest claim that names the denier (the accused answers the accusation); otherwise the
    latest candidate wins.
    """
    here = view.toks[rep.cue_tok].sent if rep.cue_tok is not None else 0
    me = rep.speaker
    owner = _owner(view, rep)
    pool = []
    for d in reversed(earlier):
        if here - view.toks[d.pos].sent > ANTECEDENT_SENTENCES:
            break
        if d.derived or d.rep.anaphoric or _personal_quote(d) or _discredits(view, d.rep):
            continue
        if stance == "denies" and d.stance == "denies":
            continue  # what is denied is something asserted, not another denial
        if owner is not None:
            if _same_actor(d.rep.speaker, owner):
                return d.text
            continue
        if _same_actor(d.rep.speaker, me) or (_side(me) is not None and _side(d.rep.speaker) == _side(me)):
            continue
        pool.append(d)
    if not pool:
        return None
    if stance == "denies" and _side(me) is not None:
        for d in pool:
            if d.rep.content_toks and any(_side(r) == _side(me) for m in view.mentions_in(*d.rep.content_toks)
                                          for r in m.refs[:1]):
                return d.text
    return pool[0].text


def _owner(view: ParseView, rep: Report) -> ActorRef | None:
    """The actor a claim noun belongs to: "Trump's remarks" → Trump."""
    if not rep.anaphoric or rep.content_toks is None:
        return None
    lo, hi = rep.content_toks
    for k in range(lo, hi + 1):
        # the parser may misread "Trump's remarks" as a clause: the possessive mark decides
        if view.toks[k].dep == "poss" or any(
                view.toks[c].dep == "case" and view.toks[c].text in ("'s", "’s") for c in view.children[k]):
            m = view.mention_at(k)
            if m is not None and view.toks[k].pos != "PRON":
                return view.known(m.refs[0])
    return None


def _same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and _actor_key(a) == _actor_key(b)


_PERSONAL = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})


def _personal_quote(d: _Draft) -> bool:
    return d.rep.direct and bool(_PERSONAL & set(_words(d.text)))


def _discredits(view: ParseView, rep: Report) -> bool:
    """Whether a report's content calls another account false ("false claims", "a false
    pretext", "called the account misleading", "lies", "propaganda")."""
    if rep.content_toks is None:
        return False
    lex = _stance_lexicon()
    lo, hi = rep.content_toks
    words = {view.toks[k].text.lower() for k in range(lo, hi + 1)}
    lemmas = {view.toks[k].lemma.lower() for k in range(lo, hi + 1)}
    if not lex.discredit_nouns.isdisjoint(words | lemmas):
        return True
    # "false claims", "called the account misleading", "the allegations were baseless"
    return not lex.discredit_modifiers.isdisjoint(words) and not lex.account_nouns.isdisjoint(words | lemmas)


def _actor_key(ref: ActorRef | None) -> str:
    if ref is None:
        return ""
    return ref.actor_id or f"{(ref.name or '').lower()}|{ref.country or ''}"


# ── corpus level ────────────────────────────────────────────────────────────────────────

def group_propositions(claims: Sequence[Claim]) -> tuple[tuple[Proposition, ...], dict[str, str]]:
    """Group a corpus's claims into propositions.

    Returns the propositions (ids ``p{n}`` in order of first claim) and ``{claim_id:
    proposition_id}``. Each proposition's text is its most central asserted claim (or, with
    no assertion, its most central claim); ``asserted_by``/``denied_by`` hold each actor once;
    ``contested`` is True when both sides have an actor who is not on the other side and some
    denial addresses the same content as some assertion.
    """
    from .embed import embed

    claims = [c for c in claims if c.text and c.text.strip()]
    if not claims:
        return (), {}
    lex = concept_lexicon()
    vecs = embed([c.text for c in claims])
    cos = vecs @ vecs.T
    concepts = [claim_concepts(c.text) for c in claims]
    # Unnamed groups ("analysts say the statements about mediation…") comment on a dispute
    # rather than take a side in it: their claims group by similarity only.
    polarity = [_polarity(c, k, lex) if _named(c.speaker) else None for c, k in zip(claims, concepts)]
    close = cos >= REBUTTAL_MIN_COSINE
    sim = _similarity(cos, concepts, polarity) + REBUTTAL_BONUS * close * np.maximum(
        _rebuttals(claims), _competing_figures(claims))
    clusters = []
    # An average can reach the threshold only if some pair does: clustering each connected
    # component of the threshold graph apart is exact, and keeps large corpora tractable.
    for comp in _components(sim >= LINK_THRESHOLD):
        sub = np.ix_(comp, comp)
        for members in _average_linkage(sim[sub], [polarity[i] for i in comp], [claims[i] for i in comp]):
            clusters.append([comp[k] for k in members])
    props, mapping = [], {}
    for members in sorted(clusters, key=min):
        pid = f"p{len(props) + 1}"
        prop = _proposition(pid, [claims[i] for i in members], members, cos, sim, polarity)
        props.append(prop)
        for i in members:
            mapping[claims[i].id] = pid
    return tuple(props), mapping


def _similarity(cos: np.ndarray, concepts: list[frozenset], polarity) -> np.ndarray:
    """sim = cosine + CONCEPT_WEIGHT × shared concepts (+ AXIS_WEIGHT on one axis); -1 for
    claims on different axes, or sharing no concept with a cosine below MIN_COSINE."""
    names = sorted(set().union(*concepts)) if concepts else []
    has = np.array([[c in k for c in names] for k in concepts], dtype=np.float32).reshape(len(concepts), len(names))
    shared = np.minimum(has @ has.T, MAX_SHARED_CONCEPTS)
    axis = np.array([p[0] if p else "" for p in polarity], dtype=object)
    polar = axis != ""
    both = np.outer(polar, polar)
    same_axis = both & (axis[:, None] == axis[None, :])
    sim = cos.astype(np.float32) + CONCEPT_WEIGHT * shared + AXIS_WEIGHT * same_axis
    sim[both & ~same_axis] = -1.0
    sim[~both & (shared == 0) & (cos < MIN_COSINE)] = -1.0
    return sim


_FIGURE_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*(%|-?\s*[a-z]+(?:\s+cent)?)")


@functools.lru_cache(maxsize=65536)
def claim_figures(text: str) -> dict[str, frozenset[float]]:
    """The figures a claim text gives, by unit: "renewed for 120 days" → {"day": {120}},
    "roughly 30% of the grain" → {"%": {30}}. Only numbers with a unit from
    ``data/claims/stance.yaml`` count (a year or a bare number is no figure)."""
    units = _stance_lexicon().figure_units or {}
    out: dict[str, set[float]] = {}
    for m in _FIGURE_RE.finditer(text.lower().replace("’", "'")):
        unit = units.get(m.group(2).lstrip("-").strip())
        if unit is None:
            continue
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.setdefault(unit, set()).add(value)
    return {u: frozenset(v) for u, v in out.items()}


def _figures_conflict(a: dict, b: dict) -> bool:
    """Two claims give different values for one quantity (120 days against 60 days)."""
    return any(u in b and not (a[u] & b[u]) for u in a)


def _figure_orientation(claims: list[Claim]) -> list[int]:
    """-1 for a claim whose figures compete with the first figures given for the same
    quantity (in claim order), else 1: the sign under which its stance counts."""
    first: dict[str, frozenset] = {}
    out = []
    for c in claims:
        figs = claim_figures(c.text)
        sign = 1
        for unit, values in figs.items():
            ref = first.setdefault(unit, values)
            if not ref & values:
                sign = -1
        out.append(sign)
    return out


def _competing_figures(claims: list[Claim]) -> np.ndarray:
    """1 for claims by different sides that give different figures for one quantity: they
    answer one question ("how long was the deal renewed for?") in opposite ways."""
    n = len(claims)
    figs = [claim_figures(c.text) for c in claims]
    side = [_side(c.speaker) for c in claims]
    out = np.zeros((n, n), dtype=np.float32)
    with_figs = [i for i in range(n) if figs[i]]
    for a in with_figs:
        for b in with_figs:
            if a < b and side[a] is not None and side[b] is not None and side[a] != side[b] \
                    and _figures_conflict(figs[a], figs[b]):
                out[a, b] = out[b, a] = 1.0
    return out


def _rebuttals(claims: list[Claim]) -> np.ndarray:
    """1 for a denial and an assertion by different sides, close together in one article
    ("Putin said X. … UN officials stressed that Y was never so"): news prose puts a
    rebuttal right after the claim it answers."""
    n = len(claims)
    doc = np.array([c.doc_id for c in claims], dtype=object)
    sent = np.array([c.sent for c in claims])
    denies = np.array([c.stance == "denies" for c in claims])
    side = np.array([(_side(c.speaker) or _actor_key(c.speaker)) if c.speaker else "" for c in claims],
                    dtype=object)
    near = (doc[:, None] == doc[None, :]) & (np.abs(sent[:, None] - sent[None, :]) <= REBUTTAL_SENTENCES)
    opposite = denies[:, None] != denies[None, :]
    other = (side[:, None] != side[None, :]) & (side[:, None] != "") & (side[None, :] != "")
    out = (near & opposite & other).astype(np.float32)
    out.reshape(-1)[:: n + 1] = 0.0
    return out


def _polarity(claim: Claim, concepts: frozenset, lex: ConceptLexicon) -> tuple[str, int, int] | None:
    """(axis, side, pole) when a claim takes a side on a polarity axis: ``pole`` is +1 when its
    text names the axis's pole, -1 for the counter-pole; ``side`` is +1 for asserting the
    pole or denying the counter-pole, -1 for the reverse."""
    for ax in lex.axes:
        if ax.topic and not (concepts & set(ax.topic)):
            continue
        has_pole, has_counter = ax.pole in concepts, ax.counter in concepts
        if has_pole == has_counter:
            continue
        pole = 1 if has_pole else -1
        return ax.id, pole if claim.stance == "asserts" else -pole, pole
    return None


def _components(adjacent: np.ndarray) -> list[list[int]]:
    """Connected components of a boolean adjacency matrix, each sorted."""
    parent = list(range(len(adjacent)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, j in zip(*np.nonzero(np.triu(adjacent, 1))):
        a, b = find(int(i)), find(int(j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(adjacent)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _average_linkage(sim: np.ndarray, polarity, claims: list[Claim]) -> list[list[int]]:
    """Agglomerative clustering with average linkage, merging while the best average sim
    reaches LINK_THRESHOLD (vectorised: sums of sims between clusters are kept and added).

    Two merges are refused: claims on different polarity axes, and (off the axes) a merge
    that would put one country on both sides — a state does not assert and deny one
    proposition; when that seems to happen it is two propositions that look alike ("Russia
    was responsible for the strike" / "the station was hit by a Ukrainian missile"). The
    price: a dispute inside one country (government against opposition) is not grouped
    into one proposition.
    """
    n = len(sim)
    total = sim.astype(np.float64).copy()
    size = np.ones(n)
    axes = np.array([polarity[i][0] if polarity[i] else "" for i in range(n)], dtype=object)
    polar = axes != ""
    avg = total.copy()
    avg[np.outer(polar, polar) & (axes[:, None] != axes[None, :])] = -np.inf
    np.fill_diagonal(avg, -np.inf)
    members = [[i] for i in range(n)]
    orient = _figure_orientation(claims)
    sides = [_country_sides(claims[i], polarity[i], orient[i]) for i in range(n)]
    while n > 1:
        a, b = np.unravel_index(int(np.argmax(avg)), avg.shape)
        if not avg[a, b] >= LINK_THRESHOLD:
            break
        if _sides_clash(sides[a], sides[b]):
            avg[a, b] = avg[b, a] = -np.inf
            continue
        a, b = min(a, b), max(a, b)
        blocked = np.isneginf(avg[a, :]) | np.isneginf(avg[b, :])  # forbidden stays forbidden
        total[a, :] += total[b, :]
        total[:, a] = total[a, :]
        size[a] += size[b]
        row = total[a, :] / (size[a] * size)
        row[blocked] = -np.inf
        row[a] = -np.inf
        avg[a, :] = row
        avg[:, a] = row
        avg[b, :] = -np.inf
        avg[:, b] = -np.inf
        size[b] = np.inf
        members[a] += members[b]
        members[b] = []
        for country, signs in sides[b].items():
            sides[a].setdefault(country, set()).update(signs)
    return [m for m in members if m]


def _country_sides(claim: Claim, polarity, orientation: int = 1) -> dict[str, set[int]]:
    """{side: {±1}} for a named actor's claim off the polarity axes. On an axis the axis
    itself says the claims answer one question, and one government may well answer it both
    ways over time ("we would love to mediate" / "the talks would be bilateral").
    ``orientation`` is -1 for a claim whose figure competes with the corpus's first figure
    for the quantity (asserting "60 days" stands where denying "120 days" does)."""
    ref = claim.speaker
    if ref is None or polarity or _side(ref) is None:
        return {}
    return {_side(ref): {(1 if claim.stance == "asserts" else -1) * orientation}}


def _side(ref: ActorRef | None) -> str | None:
    """The side an actor speaks for in a dispute: its country, except for a non-state armed
    group, which is a side of its own (a civil war's two sides share one country)."""
    if ref is None:
        return None
    if ref.kind == "nsa":
        return f"nsa:{_actor_key(ref)}"
    return ref.country


def _sides_clash(a: dict, b: dict) -> bool:
    return any(len(a.get(c, set()) | signs) > 1 for c, signs in b.items())


def _proposition(pid: str, members: list[Claim], idx: list[int], cos: np.ndarray,
                 sim: np.ndarray, polarity) -> Proposition:
    """Sides, statement and contested flag of one cluster.

    On a polarity axis the proposition states the axis's pole: a claim for the pole (or
    against the counter-pole) asserts it, the reverse denies it. A claim that gives another
    figure for the statement's quantity stands against it. Otherwise a claim's side is its
    stance. The statement is the most central claim that literally asserts its side.
    """
    literal = [k for k, c in enumerate(members) if c.stance == "asserts"]
    named = [k for k in literal if _named(members[k].speaker)]
    # a quote in the first or second person ("I said, come on…") is a poor statement of
    # what is disputed: a third-person claim by a named side states it better
    plain = [k for k in named if not (members[k].direct and _PERSONAL & set(_words(members[k].text)))]
    pool = plain or named or literal or list(range(len(members)))
    pool = ([k for k in pool if polarity[idx[k]] and polarity[idx[k]][2] > 0]
            or [k for k in pool if polarity[idx[k]]] or pool)
    centre = max(pool, key=lambda k: float(np.sum(cos[idx[k], idx])))
    # The statement's own pole orients the proposition: claims on its side assert it.
    pol = polarity[idx[centre]]
    orient = (pol[2] if members[centre].stance == "asserts" else -pol[2]) if pol else 1
    side = []
    figures = claim_figures(members[centre].text)
    for c, i in zip(members, idx):
        if polarity[i] and pol:
            side.append("asserts" if polarity[i][1] == orient else "denies")
        elif figures and _figures_conflict(claim_figures(c.text), figures):
            side.append(_flip(c.stance))  # "only 60 days" answers "120 days" in the negative
        else:
            side.append(c.stance)
    asserting = [k for k, s in enumerate(side) if s == "asserts"]
    text = members[centre].text
    text = text[:1].upper() + text[1:]
    asserted = _dedup([members[k].speaker for k in asserting])
    denied = _dedup([members[k].speaker for k, s in enumerate(side) if s == "denies"])
    a_keys = {_actor_key(r) for r in asserted if _named(r)}
    d_keys = {_actor_key(r) for r in denied if _named(r)}
    contested = any(
        sim[idx[i], idx[j]] >= CONTEST_THRESHOLD
        for i in asserting for j, s in enumerate(side) if s == "denies"
        and _named(members[i].speaker) and _named(members[j].speaker)
        and _actor_key(members[j].speaker) not in a_keys
        and _actor_key(members[i].speaker) not in d_keys)
    docs = tuple(dict.fromkeys(c.doc_id for c in members))
    return Proposition(id=pid, text=text, asserted_by=asserted, denied_by=denied,
                       contested=contested, claims=tuple(c.id for c in members), documents=docs,
                       sides=tuple(side))


def _named(ref: ActorRef | None) -> bool:
    """An actor a dispute can be between: resolved, or at least placed in a country. Unnamed
    groups ("analysts", "sources") stand on a side but do not make a dispute alone."""
    return ref is not None and (ref.actor_id is not None or ref.country is not None)


def _dedup(refs) -> tuple[ActorRef, ...]:
    out, seen = [], set()
    for r in refs:
        if r is None:
            continue
        k = _actor_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return tuple(out)
