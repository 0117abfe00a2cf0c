"""The typed records that flow between Storyline's stages.

Every stage is a function from these records to these records. They are frozen and slotted
so that they are cheap, hashable where their fields are, and picklable for Dask workers.
Character offsets are always into ``Document.text`` (0-based, end exclusive).

    RawArticle ─ingest─► Document ─nlp─► ParsedDoc ─► TimeExpr / Mention / Event / Quote / Claim
                                                     corpus level: Proposition, StoryEvent

Dates are ISO strings at their own granularity: "2025-05-10", "2025-05", "2025", or None.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Granularity = Literal["day", "week", "month", "season", "year", "decade", "unknown"]
ActorKind = Literal["person", "state", "government", "military", "nsa", "igo", "org", "other"]
Modality = Literal["asserted", "negated", "hypothetical", "intended", "reported"]
Stance = Literal["asserts", "denies"]


# ── ingest ──────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before validation.

    ``origin`` names where it came from ("path/to/file.jsonl:12", a URL, "<stdin>") so that
    every error and every stored source can point back to it. ``name`` is the file's stem
    (or a JSONL/CSV row's id, or the URL): what exports call the document's name.
    """

    origin: str
    name: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not stored, and why: rejections are data, never silent.

    ``kind`` is "duplicate" (already stored: not an error) or "rejected" (bad input).
    """

    origin: str
    reason: str
    kind: Literal["duplicate", "rejected"] = "rejected"
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A validated article. ``id`` is a hash of the normalised text, so the same article from
    two files or two runs has one id."""

    id: str
    name: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as the metadata gave it, normalised to ISO when possible
    outlet: str | None = None
    author: str | None = None
    language: str = "en"
    metadata: dict[str, Any] = field(default_factory=dict)


# ── nlp ─────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Token:
    """One token of the single spaCy pass. ``head`` is the index of the syntactic head
    (itself for a root); ``sent`` the index of its sentence; ``idx`` its character offset."""

    i: int
    text: str
    ws: str
    idx: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_iob: str = "O"
    ent_type: str = ""
    morph: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: its token range [tok_start, tok_end) and char range."""

    index: int
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named-entity span from the model (cleaned: no possessive 's, no leading 'the')."""

    start: int
    end: int
    text: str
    label: str
    tok_start: int
    tok_end: int
    sent: int


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """The output of the one heavy model pass; every later stage works from it.

    Stored in the database so that later stages can be re-run without re-parsing.
    """

    doc_id: str
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[EntitySpan, ...]
    model: str


# ── time ────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression and what it resolves to.

    ``value`` is None when it could not be resolved; ``reason`` then says why. ``kind`` is
    "date" (a point or period), "duration" ("four days"), "set" ("every year") or "era"
    ("since 1947"). ``anchor`` says what a relative expression was resolved against.
    """

    start: int
    end: int
    text: str
    sent: int
    kind: Literal["date", "duration", "set", "era"]
    value: str | None
    granularity: Granularity
    relative: bool = False
    anchor: str | None = None
    reason: str | None = None
    modifier: str | None = None  # "early", "late", "before", "after", "since", "by", ...


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """An article's date: from metadata, a dateline in the text, or inferred from content.

    ``evidence`` holds readable sentences; ``conflicts`` the cues that disagree with the
    chosen date (reported, never silently dropped).
    """

    value: str | None
    granularity: Granularity
    origin: Literal["metadata", "dateline", "inferred", "none"]
    confidence: float
    evidence: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    earliest: str | None = None
    latest: str | None = None


# ── actors ──────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: ``title`` held for ``country`` (or an organisation) from start to end
    (ISO dates at any granularity; end None means still held)."""

    title: str
    country: str | None
    start: str | None = None
    end: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. ``origin`` is "base" (shipped data), "corpus" (learned from an
    apposition, with ``evidence``), or "user" (imported YAML)."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    code: str | None = None
    origin: Literal["base", "corpus", "user"] = "base"
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it appears in an event or claim: the canonical actor plus the text that
    named it. ``actor_id`` is None for an unresolved name (kind "other")."""

    actor_id: str | None
    name: str | None
    kind: ActorKind
    country: str | None = None
    code: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to one or more actors ("both nations" → IND and PAK).

    ``how`` says how it was resolved: "name", "alias", "title", "metonym", "demonym",
    "pronoun", "description", "group", "apposition", "unresolved".
    """

    start: int
    end: int
    text: str
    sent: int
    refs: tuple[ActorRef, ...]
    how: str
    tok_start: int = -1
    tok_end: int = -1


# ── events ──────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened. ``how``: "clause" (an expression governing its clause),
    "discourse" (the last anchor in the paragraph), "corpus" (another article dates it),
    "publication" (the news peg: an undated event in the lead of a news report, dated to the
    day before its publication or that day; always labelled so), or "undated"."""

    value: str | None
    granularity: Granularity = "unknown"
    how: Literal["clause", "discourse", "corpus", "publication", "undated"] = "undated"
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened; ``disputed`` marks regions such as Kashmir."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    disputed: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity with its meaning: "26 killed", "25 drones", "50% import duty"."""

    value: float
    unit: str  # "people", "drones", "percent", "USD", ...
    what: str  # "killed", "injured", "shot down", "import duty", ...
    text: str
    start: int
    end: int
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, coded in PLOVER with the derived CAMEO/Goldstein/QuadClass."""

    id: str
    doc_id: str
    sent: int
    sentence: str
    trigger: str
    start: int
    end: int
    source: ActorRef | None
    target: ActorRef | None
    plover: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    modality: Modality
    date: EventDate
    context: tuple[str, ...] = ()
    place: Place | None = None
    figures: tuple[Figure, ...] = ()
    others: tuple[ActorRef, ...] = ()  # further sources/targets of a coordinated event
    confidence: float = 1.0


# ── quotes and claims ───────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Quote:
    """A quote or piece of reported speech, attributed to a speaker."""

    id: str
    doc_id: str
    sent: int
    sentence: str
    speaker: ActorRef | None
    cue: str | None
    content: str
    start: int
    end: int
    direct: bool
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed proposition with a stance; ``proposition`` is set at corpus level."""

    id: str
    doc_id: str
    sent: int
    sentence: str
    speaker: ActorRef | None
    cue: str | None
    text: str
    direct: bool
    stance: Stance
    quote_id: str | None = None
    proposition: str | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claims from across articles grouped into one proposition, with both sides."""

    id: str
    text: str
    asserted_by: tuple[ActorRef, ...]
    denied_by: tuple[ActorRef, ...]
    contested: bool
    claims: tuple[str, ...]
    documents: tuple[str, ...]
    sides: tuple[Stance, ...] = ()  # per claim, parallel to ``claims``: its side here, which on
    # a polarity axis may differ from the claim's own stance ("denies mediation" asserts
    # "the talks are bilateral only")


# ── perspective ─────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class FramingTerm:
    """A framing word or phrase from the lexicon, with whose usage it signals."""

    term: str
    matched: str
    start: int
    end: int
    dispute: str
    signals: str


@dataclass(frozen=True, slots=True)
class Perspective:
    """An article's genre (with evidence), author, outlet and framing vocabulary."""

    genre: str
    genre_evidence: tuple[str, ...] = ()
    author: str | None = None
    outlet: str | None = None
    framing: tuple[FramingTerm, ...] = ()


# ── one article, analysed ───────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the per-article stages produced for one document."""

    doc_id: str
    published: PublicationDate
    timexes: tuple[TimeExpr, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    perspective: Perspective | None = None
    new_actors: tuple[Actor, ...] = ()


# ── corpus level ────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One real-world event merged from every mention of it across articles.

    ``disagreements`` keeps what the mentions disagree on (dates, figures, actors).
    """

    id: str
    date: str | None
    granularity: Granularity
    summary: str
    plover: str
    source: ActorRef | None
    target: ActorRef | None
    events: tuple[str, ...]
    documents: tuple[str, ...]
    sentences: tuple[str, ...] = ()
    propositions: tuple[str, ...] = ()
    disagreements: tuple[str, ...] = ()
    goldstein: float = 0.0
    quad_class: int = 0
    date_how: str | None = None  # how the entry's date was found ("clause", "publication", ...)


@dataclass(frozen=True, slots=True)
class DyadPoint:
    """Conflict–cooperation between two actors (or countries) in one period.

    ``counts`` are event counts by QuadClass 1..4; only events that happened (asserted or
    reported) count; negated, hypothetical and intended ones never do.
    """

    period: str
    a: str
    b: str
    counts: tuple[int, int, int, int]
    goldstein_sum: float
    goldstein_mean: float
    events: tuple[str, ...]
