"""The driver: inputs → documents → one spaCy pass → per-article stages → store, then the
corpus-level stages. This is the library API the CLI, the web layer and Dask call.

The per-article stages (``analyze``) are pure functions of the document, its parse and the
actor base, so they run the same in this process, in ``reprocess`` and in a Dask worker.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .ingest import read_inputs, validate
from .options import Options
from .records import Actor, Analysis, Document, ParsedDoc, RawArticle, Skipped
from .store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    """What an ingest did: counts and every skipped input with its reason."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[Skipped] = field(default_factory=list)
    rejected: list[Skipped] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def analyze(document: Document, parsed: ParsedDoc, base, corpus_anchors: Sequence[tuple] = ()
            ) -> Analysis:
    """Run every per-article stage on one parsed document.

    The article's perspective first (its genre tells a column from a report, for the date
    and for the news peg), then the publication date (metadata, a dateline, or inferred from
    the content), every time expression resolved against it, actors (whose roles depend on
    the date), events, quotes and claims.
    """
    from .actors.resolve import resolve_mentions
    from .claims import extract_claims
    from .events import extract_events
    from .perspective import describe_perspective
    from .quotes import extract_quotes
    from .temporal import date_article
    from .temporal.news_peg import peg_news_events

    perspective = describe_perspective(parsed, document.title, document.author, document.outlet)
    published, timexes = date_article(parsed, document.published, people=people_of(base),
                                      corpus_anchors=corpus_anchors, genre=perspective.genre)
    mentions, new_actors = resolve_mentions(parsed, base, published.value)
    events = peg_news_events(parsed, extract_events(parsed, mentions, timexes), published,
                             perspective.genre, timexes)
    quotes = extract_quotes(parsed, mentions)
    claims = extract_claims(parsed, quotes, mentions)
    return Analysis(doc_id=document.id, published=published, timexes=tuple(timexes),
                    mentions=tuple(mentions), events=tuple(events), quotes=tuple(quotes),
                    claims=tuple(claims), perspective=perspective, new_actors=tuple(new_actors))


def people_of(base) -> tuple[Actor, ...]:
    """The persons of an actor base whose dated roles help date an article: shipped or
    imported ones. A role learned from an article starts at that article's date only as
    far as the corpus knows (the person held it then, maybe long before): it bounds nothing."""
    return tuple(a for a in base.actors() if a.kind == "person" and a.origin != "corpus")


def actor_base(store: Store, extra: Iterable[Actor] = ()):
    """The shipped actor base plus what the corpus taught and the user imported."""
    from .actors import load_actor_base

    return load_actor_base(extra=[*store.stored_actors(), *extra])


def collect_documents(items: Iterable[RawArticle | Skipped], report: IngestReport) -> list[Document]:
    """Validate every input; rejected inputs go into the report."""
    documents = []
    for item in items:
        if isinstance(item, Skipped):
            report.rejected.append(item)
            continue
        checked = validate(item)
        if isinstance(checked, Skipped):
            report.rejected.append(checked)
        else:
            documents.append(checked)
    return documents


def ingest(paths: Sequence[str], store: Store, options: Options,
           on_total: Callable[[int], None] | None = None, on_done: Progress | None = None
           ) -> IngestReport:
    """Read, parse, analyse and store every article in ``paths``; then rebuild the corpus level.

    Each article is stored in its own transaction, so an interrupted run keeps what it
    finished and the next run resumes (stored articles are skipped as duplicates).
    """
    return ingest_articles(read_inputs(paths, options.encoding), store, options, on_total, on_done)


def ingest_articles(items: Iterable[RawArticle | Skipped], store: Store, options: Options,
                    on_total: Callable[[int], None] | None = None, on_done: Progress | None = None
                    ) -> IngestReport:
    """``ingest`` for articles already read (the REST API's, or any reader's)."""
    report = IngestReport()
    documents = collect_documents(items, report)
    known = store.known_ids(d.id for d in documents)
    fresh: list[Document] = []
    seen: dict[str, Document] = {}
    copies_in_batch: list[Skipped] = []
    for doc in documents:
        if doc.id in known:
            store.add_source(doc.id, doc.origin)
            report.duplicates.append(Skipped(doc.origin, "already stored", kind="duplicate", doc_id=doc.id))
            continue
        if doc.id in seen:
            copy = Skipped(doc.origin, f"same article as {seen[doc.id].origin}", kind="duplicate",
                           doc_id=doc.id)
            report.duplicates.append(copy)
            copies_in_batch.append(copy)
            continue
        seen[doc.id] = doc
        fresh.append(doc)
    if on_total:
        on_total(len(fresh))
    results = (_analysed_on_dask(fresh, store, options) if options.dask
               else _analysed_here(fresh, store, options))
    for document, parsed, analysis in results:
        store.save_article(document, parsed, analysis)
        report.stored.append(document.id)
        if on_done:
            on_done(1)
    # Sources of duplicates inside this batch, now that their first copy is stored.
    for copy in copies_in_batch:
        store.add_source(copy.doc_id, copy.origin)
    if report.stored:
        redate_from_corpus(store, report.stored)
        rebuild_corpus(store)
    return report


def _analysed_here(documents: Sequence[Document], store: Store, options: Options):
    """Parse and analyse in this process; actors learned from one article serve the next."""
    from .nlp import parse_documents

    base = actor_base(store)
    anchors = corpus_anchors(store)
    learned: list[Actor] = []
    for document, parsed in zip(documents, parse_documents(documents, options.batch_size)):
        analysis = analyze(document, parsed, base, anchors)
        yield document, parsed, analysis
        if analysis.new_actors:
            learned.extend(analysis.new_actors)
            base = actor_base(store, learned)


def _analysed_on_dask(documents: Sequence[Document], store: Store, options: Options):
    from .scale import analyse_on_dask, dask_client

    client = dask_client(options.dask)
    try:
        yield from analyse_on_dask(client, documents, store.stored_actors(), corpus_anchors(store),
                                   options.batch_size)
    finally:
        client.close()


def reprocess(store: Store, on_total=None, on_done: Progress | None = None) -> int:
    """Re-run every per-article stage from the stored parses (no spaCy), then the corpus level."""
    items = list(store.parses())
    if on_total:
        on_total(len(items))
    base = actor_base(store)
    anchors = _AnchorTable(store)
    for document, parsed in items:
        # an article is not evidence for its own date
        analysis = analyze(document, parsed, base, anchors.without(document.id))
        store.replace_analysis(analysis)
        anchors.refresh(document.id)
        if on_done:
            on_done(1)
    rebuild_corpus(store)
    return len(items)


def redate_from_corpus(store: Store, doc_ids: Sequence[str]) -> list[str]:
    """Date again, from the events the rest of the corpus dates, the articles of a batch
    whose date was inferred (or whose dateline lacks a year), and analyse again those whose
    date changes; their ids. Within a batch each article was analysed before the others were
    stored, so without this pass the order of the files would decide what an article could
    learn from its neighbours ("the four-day conflict in May" from another's "On May 10")."""
    from .temporal import resolve_publication_date

    wanted = set(doc_ids)
    rows = {r["id"]: r for r in store.document_rows() if r["id"] in wanted}
    base = actor_base(store)
    people = people_of(base)
    table = _AnchorTable(store)
    changed = []
    for document, parsed in store.parses(sorted(wanted)):
        row = rows.get(document.id)
        pub = row["published_record"] if row else None
        if pub is None or not _year_inferred(pub):
            continue
        anchors = table.without(document.id)
        if not anchors:
            continue
        genre = row["perspective"].genre if row["perspective"] else None
        again = resolve_publication_date(parsed, document.published, people=people,
                                         corpus_anchors=anchors, genre=genre)
        if again.value == pub.value:
            continue
        store.replace_analysis(analyze(document, parsed, base, anchors))
        table.refresh(document.id)
        changed.append(document.id)
    return changed


def _year_inferred(pub) -> bool:
    """True when the date is not given by metadata or a full dateline: the content gave it,
    or nothing did yet."""
    from .temporal.publication import FULL_DATELINE_CONFIDENCE

    return pub.origin in ("inferred", "none") or (
        pub.origin == "dateline" and pub.confidence < FULL_DATELINE_CONFIDENCE)


def corpus_anchors(store: Store, exclude_doc: str | None = None) -> list[tuple[str, str, tuple]]:
    """(phrase, date, names of its actors) of events the corpus dates at day level, for dating
    other articles (never ``exclude_doc`` itself: an article is not evidence for its own date).
    The names (for each of source and target, the names that may stand for it) let another
    article's "the strikes" stand for this event only beside both of its sides."""
    return [_anchor(event) for event in store.events() if event.doc_id != exclude_doc and _is_anchor(event)]


def _is_anchor(event) -> bool:
    return event.modality in ("asserted", "reported") and event.date.granularity == "day" \
        and event.date.how == "clause" and bool(event.date.value)


def _anchor(event) -> tuple[str, str, tuple]:
    sides = tuple(names for names in (_names_of(event.source), _names_of(event.target)) if names)
    return event.trigger, event.date.value, sides


class _AnchorTable:
    """The corpus anchors by article, read from the store once per pass: each article is
    dated from the others', and an article analysed again refreshes only its own."""

    def __init__(self, store: Store):
        self.store = store
        self.by_doc: dict[str, list[tuple]] = {}
        for event in store.events():
            anchors = self.by_doc.setdefault(event.doc_id, [])
            if _is_anchor(event):
                anchors.append(_anchor(event))

    def without(self, doc_id: str) -> list[tuple]:
        return [a for d, anchors in self.by_doc.items() if d != doc_id for a in anchors]

    def refresh(self, doc_id: str) -> None:
        self.by_doc[doc_id] = [_anchor(e) for e in self.store.events(doc_id) if _is_anchor(e)]


def _names_of(ref) -> tuple[str, ...]:
    """The names an article may use for an actor: the base's name, the words the source
    article used, and a person's surname."""
    if ref is None:
        return ()
    names = []
    for name in (ref.name, ref.text):
        if name and len(name) > 2 and name[:1].isupper():
            names.append(name)
            if ref.kind == "person" and " " in name:
                names.append(name.split()[-1])
    return tuple(dict.fromkeys(names))


def rebuild_corpus(store: Store) -> None:
    """Recompute the corpus-level records (propositions, storyline) from the stored ones."""
    from .claims import group_propositions
    from .merge import build_storyline

    propositions, claim_props = group_propositions(store.claims())
    story = build_storyline(store.events(), propositions, {d.id: d for d in store.documents()})
    store.save_corpus_level(propositions, claim_props, story)


def explain_article_dates(file: str, store: Store, options: Options) -> str:
    """The time expressions of one article and its publication-date reasoning, as text.

    ``file`` is an article file, or the id or name of a stored article.
    """
    from .errors import IngestError
    from .nlp import parse_text
    from .temporal import explain_dates, find_time_expressions, resolve_publication_date

    from pathlib import Path

    if Path(file).exists():
        docs = collect_documents(read_inputs([file], options.encoding), report := IngestReport())
        if not docs:
            reason = report.rejected[0].reason if report.rejected else "no article in it"
            raise IngestError(file, reason)
        document = docs[0]
        parsed = parse_text(document.text, document.id)
    else:
        match = [(d, p) for d, p in store.parses() if file in (d.id, d.name)]
        if not match:
            raise IngestError(file, "no such file, and no stored article has this id or name")
        document, parsed = match[0]
    from .perspective import describe_perspective

    base = actor_base(store)
    genre = describe_perspective(parsed, document.title, document.author, document.outlet).genre
    published = resolve_publication_date(parsed, document.published, people=people_of(base),
                                         corpus_anchors=corpus_anchors(store, exclude_doc=document.id),
                                         genre=genre)
    timexes = find_time_expressions(parsed, published.value)
    return explain_dates(parsed, timexes, published)


def list_actors(store: Store, country: str | None = None, include_unmentioned: bool = False
                ) -> list[dict]:
    """Actors with mention and document counts, most mentioned first."""
    base = actor_base(store)
    counts = store.mention_counts()
    rows = []
    for actor in base.actors():
        n, docs = counts.get(actor.id, (0, set()))
        if (n or include_unmentioned) and (not country or (actor.country or "").upper() == country.upper()):
            rows.append({"actor": actor, "mentions": n, "documents": len(docs)})
    rows.sort(key=lambda r: (-r["mentions"], r["actor"].name))
    return rows


def import_actors(store: Store, path: str) -> int:
    """Add or replace actors from a user YAML file; returns how many were written."""
    from .actors import load_user_actors

    return store.save_actors(load_user_actors(path), overwrite=True)
