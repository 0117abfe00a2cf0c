"""The initial schema: documents and their sources and parses, and what the stages derive.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk():
    return sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True), sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text), sa.Column("text", sa.Text, nullable=False),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("author", sa.Text),
        sa.Column("published_meta", sa.String(32)), sa.Column("published", sa.String(32)),
        sa.Column("published_origin", sa.String(16)), sa.Column("genre", sa.String(32)),
        sa.Column("language", sa.String(8)), sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False), sa.Column("analysis", sa.Text))
    op.create_table(
        "sources", sa.Column("id", sa.Integer, primary_key=True, autoincrement=True), _doc_fk(),
        sa.Column("origin", sa.Text, nullable=False), sa.Column("seen_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("doc_id", "origin", name="uq_sources_doc_origin"))
    op.create_table(
        "parses",
        sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("model", sa.String(64), nullable=False), sa.Column("data", sa.LargeBinary, nullable=False))
    op.create_table(
        "sentences",
        sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True), sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False), sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False))
    op.create_table(
        "actors", sa.Column("id", sa.String(96), primary_key=True), sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("country", sa.String(3)),
        sa.Column("origin", sa.String(8), nullable=False), sa.Column("data", sa.Text, nullable=False))
    op.create_table(
        "mentions",
        sa.Column("doc_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True), sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.String(96)), sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "events", sa.Column("id", sa.String(64), primary_key=True), _doc_fk(),
        sa.Column("sent", sa.Integer, nullable=False), sa.Column("plover", sa.String(16), nullable=False),
        sa.Column("source_id", sa.String(96)), sa.Column("source_country", sa.String(3)),
        sa.Column("target_id", sa.String(96)), sa.Column("target_country", sa.String(3)),
        sa.Column("date", sa.String(16)), sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False), sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_events_doc", "events", ["doc_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "quotes", sa.Column("id", sa.String(64), primary_key=True), _doc_fk(),
        sa.Column("sent", sa.Integer, nullable=False), sa.Column("speaker_id", sa.String(96)),
        sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_quotes_doc", "quotes", ["doc_id"])
    op.create_table(
        "claims", sa.Column("id", sa.String(64), primary_key=True), _doc_fk(),
        sa.Column("sent", sa.Integer, nullable=False), sa.Column("speaker_id", sa.String(96)),
        sa.Column("speaker_country", sa.String(3)), sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("proposition", sa.String(64)), sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_claims_doc", "claims", ["doc_id"])
    op.create_table(
        "propositions", sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("contested", sa.Integer, nullable=False), sa.Column("data", sa.Text, nullable=False))
    op.create_table(
        "story_events", sa.Column("id", sa.String(64), primary_key=True), sa.Column("date", sa.String(16)),
        sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_story_date", "story_events", ["date"])


def downgrade() -> None:
    for table in ("story_events", "propositions", "claims", "quotes", "events", "mentions", "actors",
                  "sentences", "parses", "sources", "documents", "meta"):
        op.drop_table(table)
