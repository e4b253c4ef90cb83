"""The store: SQLite (embedded default) or PostgreSQL, schema kept by Alembic migrations."""

from materiel.store.db import default_db_url, to_url
from materiel.store.repository import AddResult, Store, StoredDocument

__all__ = ["AddResult", "Store", "StoredDocument", "default_db_url", "to_url"]
