"""The database schema (SQLAlchemy Core). Changes go through an Alembic migration.

Each record is stored whole as JSON in ``data`` beside the columns it is queried by, so that
reading it back is exact and adding a record field needs no migration.
"""
from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text, UniqueConstraint)

SCHEMA_VERSION = "0002"

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published_meta", String(32)),
    Column("published", String(32)),  # resolved (metadata, dateline or inferred)
    Column("published_origin", String(16)),
    Column("genre", String(32)),
    Column("language", String(8)),
    Column("ingested_at", String(32), nullable=False),
    Column("data", Text, nullable=False),  # Document
    Column("analysis", Text),  # PublicationDate + Perspective + timexes, as JSON
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
    UniqueConstraint("doc_id", "origin", name="uq_sources_doc_origin"),
)

parses = Table(
    "parses", metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("model", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", String(96), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(3)),
    Column("origin", String(8), nullable=False),
    Column("data", Text, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("sent", Integer, nullable=False),
    Column("actor_id", String(96)),
    Column("data", Text, nullable=False),
    Index("ix_mentions_actor", "actor_id"),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sent", Integer, nullable=False),
    Column("plover", String(16), nullable=False),
    Column("source_id", String(96)),
    Column("source_country", String(3)),
    Column("target_id", String(96)),
    Column("target_country", String(3)),
    Column("date", String(16)),
    Column("modality", String(16), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_date", "date"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sent", Integer, nullable=False),
    Column("speaker_id", String(96)),
    Column("data", Text, nullable=False),
    Index("ix_quotes_doc", "doc_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sent", Integer, nullable=False),
    Column("speaker_id", String(96)),
    Column("speaker_country", String(3)),
    Column("stance", String(8), nullable=False),
    Column("proposition", String(64)),
    Column("data", Text, nullable=False),
    Index("ix_claims_doc", "doc_id"),
)

propositions = Table(
    "propositions", metadata,
    Column("id", String(64), primary_key=True),
    Column("contested", Integer, nullable=False),
    Column("data", Text, nullable=False),
)

story_events = Table(
    "story_events", metadata,
    Column("id", String(64), primary_key=True),
    Column("date", String(16)),
    Column("data", Text, nullable=False),
    Index("ix_story_date", "date"),
)

# Tables holding what the per-article stages derived: replaced whole by `reprocess`.
PER_ARTICLE = (mentions, events, quotes, claims)
# Tables the corpus-level stages rebuild from the per-article ones.
CORPUS_LEVEL = (propositions, story_events)
