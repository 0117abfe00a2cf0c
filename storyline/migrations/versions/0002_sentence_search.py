"""Full-text search over sentences: an FTS5 table kept in sync with ``sentences`` by triggers.

SQLite only. The FTS table stores its own copy of each sentence with ``doc_id`` and ``idx``
as unindexed columns rather than pointing at ``sentences``' rowid: that table has no INTEGER
PRIMARY KEY, so its implicit rowids may change on VACUUM and an external-content index
would silently drift. On PostgreSQL (and on a SQLite built without FTS5) this migration
does nothing and ``storyline.store.search`` falls back to ILIKE.

Revision ID: 0002
"""
from alembic import op
from sqlalchemy import text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_TABLE = "sentences_fts"


def _fts5_available(bind) -> bool:
    options = {row[0] for row in bind.execute(text("PRAGMA compile_options"))}
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not _fts5_available(bind):
        return
    op.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
               "text, doc_id UNINDEXED, idx UNINDEXED, tokenize='unicode61 remove_diacritics 2')")
    op.execute(f"""CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO {FTS_TABLE}(text, doc_id, idx) VALUES (new.text, new.doc_id, new.idx);
    END""")
    op.execute(f"""CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN
        DELETE FROM {FTS_TABLE} WHERE doc_id = old.doc_id AND idx = old.idx;
    END""")
    op.execute(f"""CREATE TRIGGER IF NOT EXISTS sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
        DELETE FROM {FTS_TABLE} WHERE doc_id = old.doc_id AND idx = old.idx;
        INSERT INTO {FTS_TABLE}(text, doc_id, idx) VALUES (new.text, new.doc_id, new.idx);
    END""")
    # Sentences stored before this migration.
    op.execute(f"DELETE FROM {FTS_TABLE}")
    op.execute(f"INSERT INTO {FTS_TABLE}(text, doc_id, idx) SELECT text, doc_id, idx FROM sentences")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for trigger in ("sentences_fts_insert", "sentences_fts_delete", "sentences_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
