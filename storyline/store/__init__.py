"""Storage: SQLite (default) or PostgreSQL through SQLAlchemy Core, migrated by Alembic."""
from .db import DEFAULT_URL, Store, open_store

__all__ = ["Store", "open_store", "DEFAULT_URL"]
