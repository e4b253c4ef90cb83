"""Full-text search over documents (title and cleaned text) and event evidence.

SQLite: FTS5 tables with external content, kept in step with their tables by triggers.
PostgreSQL: generated tsvector columns with GIN indexes (kept in step by the server).
Both are filled from the rows already stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, FTS table, indexed columns); the FTS table's rowid is the row's id
_SQLITE_INDEXES = (
    ("documents", "documents_fts", ("title", "clean_text")),
    ("events", "events_fts", ("evidence", "summary")),
)


def _sqlite_upgrade() -> None:
    for table, fts, columns in _SQLITE_INDEXES:
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
                   "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                   "END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_downgrade() -> None:
    for _table, fts, _columns in _SQLITE_INDEXES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


# Weighted: a hit in the title (documents) or the evidence (events) ranks first.
_PG_VECTORS = {
    "documents": "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                 "setweight(to_tsvector('english', clean_text), 'B')",
    "events": "setweight(to_tsvector('english', evidence), 'A') || "
              "setweight(to_tsvector('english', summary), 'B')",
}


def _pg_upgrade() -> None:
    for table, vector in _PG_VECTORS.items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN search tsvector "
                   f"GENERATED ALWAYS AS ({vector}) STORED")
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")


def _pg_downgrade() -> None:
    for table in _PG_VECTORS:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_downgrade()
    else:
        _sqlite_downgrade()
