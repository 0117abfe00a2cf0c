"""The store: SQLite by default (WAL, one transaction per article), PostgreSQL through the
same code. Opening a store migrates it to the current schema with Alembic.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from .. import codec
from ..errors import ConfigError, StoreError
from ..records import (Actor, Analysis, Claim, Document, Event, Mention, ParsedDoc, Perspective,
                       Proposition, PublicationDate, Quote, StoryEvent, TimeExpr)
from . import schema as t

DEFAULT_URL = "sqlite:///storyline.db"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    # WAL lets readers (the web UI) work while an ingest writes; NORMAL sync is crash-safe
    # in WAL mode (a power cut may lose the last commit, never corrupt the file).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL; a friendly error when the URL or its driver is wrong."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        parent = Path(url.removeprefix("sqlite:///")).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"{url}: the directory {parent} does not exist")
    try:
        engine = create_engine(url, future=True)
    except ArgumentError as exc:
        raise ConfigError(f"{url!r} is not a database URL (try sqlite:///storyline.db)") from exc
    except ModuleNotFoundError as exc:
        raise ConfigError(f"{url}: driver missing ({exc.name}); for PostgreSQL: "
                          "pip install 'storyline[postgres]'") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("storyline") / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """Reads and writes Storyline's records. Create it with ``open_store``."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # ── meta ──
    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str, conn=None) -> None:
        def write(c):
            if c.execute(select(t.meta.c.key).where(t.meta.c.key == key)).first():
                c.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))
            else:
                c.execute(insert(t.meta).values(key=key, value=value))
        if conn is not None:
            write(conn)
        else:
            with self.engine.begin() as c:
                write(c)

    # ── documents ──
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                found.update(conn.execute(select(t.documents.c.id).where(t.documents.c.id.in_(chunk))).scalars())
        return found

    def add_source(self, doc_id: str, origin: str) -> bool:
        """Record that ``origin`` also carries the stored article; False if already known."""
        with self.engine.begin() as conn:
            exists = conn.execute(select(t.sources.c.id).where(
                t.sources.c.doc_id == doc_id, t.sources.c.origin == origin)).first()
            if exists:
                return False
            conn.execute(insert(t.sources).values(doc_id=doc_id, origin=origin, seen_at=now()))
            return True

    def save_article(self, document: Document, parsed: ParsedDoc, analysis: Analysis) -> None:
        """Store an article, its parse and everything derived from it, in one transaction:
        a process killed half-way leaves nothing of it behind."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.documents).values(
                    id=document.id, name=document.name, title=document.title, text=document.text,
                    url=document.url, outlet=document.outlet, author=document.author,
                    published_meta=document.published, language=document.language,
                    ingested_at=now(), data=codec.dumps(document)))
                conn.execute(insert(t.sources).values(doc_id=document.id, origin=document.origin,
                                                      seen_at=now()))
                conn.execute(insert(t.parses).values(doc_id=document.id, model=parsed.model,
                                                     data=codec.encode_parse(parsed)))
                if parsed.sentences:
                    conn.execute(insert(t.sentences), [
                        {"doc_id": document.id, "idx": s.index, "start": s.start, "end": s.end,
                         "paragraph": s.paragraph, "text": s.text} for s in parsed.sentences])
                self._write_analysis(conn, analysis)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: could not store {document.origin}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}") from exc

    def replace_analysis(self, analysis: Analysis) -> None:
        """Replace what the per-article stages derived for one document (``reprocess``)."""
        with self.engine.begin() as conn:
            for table in t.PER_ARTICLE:
                conn.execute(delete(table).where(table.c.doc_id == analysis.doc_id))
            self._write_analysis(conn, analysis)

    def _write_analysis(self, conn, a: Analysis) -> None:
        payload = {"published": codec.to_dict(a.published), "timexes": codec.to_dict(a.timexes),
                   "perspective": codec.to_dict(a.perspective)}
        conn.execute(update(t.documents).where(t.documents.c.id == a.doc_id).values(
            published=a.published.value, published_origin=a.published.origin,
            genre=a.perspective.genre if a.perspective else None,
            analysis=json.dumps(payload, ensure_ascii=False)))
        if a.mentions:
            conn.execute(insert(t.mentions), [
                {"doc_id": a.doc_id, "idx": n, "sent": m.sent,
                 "actor_id": m.refs[0].actor_id if m.refs else None, "data": codec.dumps(m)}
                for n, m in enumerate(a.mentions)])
        if a.events:
            conn.execute(insert(t.events), [
                {"id": e.id, "doc_id": e.doc_id, "sent": e.sent, "plover": e.plover,
                 "source_id": e.source.actor_id if e.source else None,
                 "source_country": e.source.country if e.source else None,
                 "target_id": e.target.actor_id if e.target else None,
                 "target_country": e.target.country if e.target else None,
                 "date": e.date.value, "modality": e.modality, "quad_class": e.quad_class,
                 "goldstein": e.goldstein, "data": codec.dumps(e)} for e in a.events])
        if a.quotes:
            conn.execute(insert(t.quotes), [
                {"id": q.id, "doc_id": q.doc_id, "sent": q.sent,
                 "speaker_id": q.speaker.actor_id if q.speaker else None, "data": codec.dumps(q)}
                for q in a.quotes])
        if a.claims:
            conn.execute(insert(t.claims), [
                {"id": c.id, "doc_id": c.doc_id, "sent": c.sent,
                 "speaker_id": c.speaker.actor_id if c.speaker else None,
                 "speaker_country": c.speaker.country if c.speaker else None, "stance": c.stance,
                 "proposition": c.proposition, "data": codec.dumps(c)} for c in a.claims])
        if a.new_actors:
            self._upsert_actors(conn, a.new_actors, overwrite=False)

    # ── actors ──
    def save_actors(self, actors: Sequence[Actor], overwrite: bool = True) -> int:
        with self.engine.begin() as conn:
            return self._upsert_actors(conn, actors, overwrite)

    def _upsert_actors(self, conn, actors: Sequence[Actor], overwrite: bool) -> int:
        written = 0
        for actor in actors:
            row = {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
                   "origin": actor.origin, "data": codec.dumps(actor)}
            exists = conn.execute(select(t.actors.c.id).where(t.actors.c.id == actor.id)).first()
            if exists and overwrite:
                conn.execute(update(t.actors).where(t.actors.c.id == actor.id).values(**row))
                written += 1
            elif not exists:
                conn.execute(insert(t.actors).values(**row))
                written += 1
        return written

    def stored_actors(self) -> list[Actor]:
        """Actors learned from the corpus or imported by the user (not the shipped base)."""
        with self.engine.connect() as conn:
            return [codec.loads(Actor, d) for d in conn.execute(select(t.actors.c.data)).scalars()]

    # ── reading ──
    def documents(self) -> list[Document]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents.c.data).order_by(t.documents.c.name)).scalars()
            return [codec.loads(Document, d) for d in rows]

    def document_rows(self) -> list[dict]:
        """Documents with their resolved publication date, perspective and timexes."""
        cols = [c for c in t.documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).order_by(t.documents.c.name)).mappings().all()
        out = []
        for r in rows:
            a = json.loads(r["analysis"]) if r["analysis"] else {}
            out.append({**dict(r), "published_record": codec.from_dict(PublicationDate, a.get("published"))
                        if a.get("published") else None,
                        "perspective": codec.from_dict(Perspective, a.get("perspective"))
                        if a.get("perspective") else None,
                        "timexes": tuple(codec.from_dict(TimeExpr, x) for x in a.get("timexes") or ())})
        return out

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            data = conn.execute(select(t.documents.c.data).where(t.documents.c.id == doc_id)).scalar()
        return codec.loads(Document, data) if data else None

    def parses(self, doc_ids: Sequence[str] | None = None) -> Iterator[tuple[Document, ParsedDoc]]:
        """Stored documents with their parses, for re-running stages without spaCy."""
        query = select(t.documents.c.data, t.parses.c.data).join(
            t.parses, t.parses.c.doc_id == t.documents.c.id).order_by(t.documents.c.name)
        if doc_ids is not None:
            query = query.where(t.documents.c.id.in_(list(doc_ids)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for doc_data, blob in rows:
            yield codec.loads(Document, doc_data), codec.decode_parse(blob)

    def sources(self, doc_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.sources.c.origin).where(t.sources.c.doc_id == doc_id)
                                     .order_by(t.sources.c.id)).scalars())

    def _records(self, table, cls, *where, order=None):
        query = select(table.c.data).where(*where)
        query = query.order_by(*(order if order is not None else [table.c.id]))
        with self.engine.connect() as conn:
            return [codec.loads(cls, d) for d in conn.execute(query).scalars()]

    def _per_doc(self, table, cls, doc_id: str | None, position):
        """Records of a per-article table, of one document or all, in document order."""
        where = [table.c.doc_id == doc_id] if doc_id else []
        return self._records(table, cls, *where, order=[table.c.doc_id, position])

    def events(self, doc_id: str | None = None) -> list[Event]:
        return self._per_doc(t.events, Event, doc_id, t.events.c.sent)

    def quotes(self, doc_id: str | None = None) -> list[Quote]:
        return self._per_doc(t.quotes, Quote, doc_id, t.quotes.c.sent)

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        return self._per_doc(t.claims, Claim, doc_id, t.claims.c.sent)

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        return self._per_doc(t.mentions, Mention, doc_id, t.mentions.c.idx)

    def mentions_with_docs(self) -> list[tuple[str, Mention]]:
        query = select(t.mentions.c.doc_id, t.mentions.c.data).order_by(t.mentions.c.doc_id, t.mentions.c.idx)
        with self.engine.connect() as conn:
            return [(doc_id, codec.loads(Mention, d)) for doc_id, d in conn.execute(query)]

    def mention_counts(self) -> dict[str, tuple[int, set[str]]]:
        """actor id → (mentions, documents), for actor listings."""
        query = select(t.mentions.c.actor_id, t.mentions.c.doc_id).where(t.mentions.c.actor_id.is_not(None))
        counts: dict[str, tuple[int, set[str]]] = {}
        with self.engine.connect() as conn:
            for actor_id, doc_id in conn.execute(query):
                n, docs = counts.get(actor_id, (0, set()))
                docs.add(doc_id)
                counts[actor_id] = (n + 1, docs)
        return counts

    def propositions(self) -> list[Proposition]:
        return self._records(t.propositions, Proposition)

    def story_events(self) -> list[StoryEvent]:
        return self._records(t.story_events, StoryEvent, order=[t.story_events.c.date, t.story_events.c.id])

    def save_corpus_level(self, propositions: Sequence[Proposition], claim_props: dict[str, str],
                          story: Sequence[StoryEvent]) -> None:
        """Replace the corpus-level records (propositions, storyline) in one transaction."""
        with self.engine.begin() as conn:
            for table in t.CORPUS_LEVEL:
                conn.execute(delete(table))
            if propositions:
                conn.execute(insert(t.propositions), [
                    {"id": p.id, "contested": int(p.contested), "data": codec.dumps(p)} for p in propositions])
            if story:
                conn.execute(insert(t.story_events), [
                    {"id": s.id, "date": s.date, "data": codec.dumps(s)} for s in story])
            for claim in self._claims_in(conn):
                prop = claim_props.get(claim.id)
                if prop != claim.proposition:
                    conn.execute(update(t.claims).where(t.claims.c.id == claim.id).values(
                        proposition=prop, data=codec.dumps(replace(claim, proposition=prop))))

    def _claims_in(self, conn) -> list[Claim]:
        return [codec.loads(Claim, d) for d in conn.execute(select(t.claims.c.data)).scalars()]

    def parse_models(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.parses.c.model).distinct()).scalars())

    def counts(self) -> dict[str, int]:
        tables = [t.documents, t.sources, t.parses, t.sentences, t.actors, t.mentions, t.events,
                  t.quotes, t.claims, t.propositions, t.story_events]
        with self.engine.connect() as conn:
            return {tb.name: conn.execute(select(func.count()).select_from(tb)).scalar() for tb in tables}


def open_store(url: str = DEFAULT_URL) -> Store:
    """Open (creating and migrating when needed) the store at ``url``.

    Raises StoreError when the database cannot be opened or migrated.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        raise StoreError(f"{url}: cannot open the database: {str(exc.orig).splitlines()[0]}") from exc
    store = Store(engine)
    if store.get_meta("schema_version") != t.SCHEMA_VERSION:
        store.set_meta("schema_version", t.SCHEMA_VERSION)
    return store
