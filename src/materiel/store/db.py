"""Opening a store: where it lives, the engine, and bringing its schema up to date."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
ENV_VAR = "MATERIEL_DB"
# The newest migration; opening a store compares it with the database's revision without
# importing Alembic (slow to import), which only runs when the two differ.
SCHEMA_REVISION = "0012"


def default_db_url() -> str:
    """`MATERIEL_DB` if set, else a SQLite file in the user's data directory."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return to_url(configured)
    return to_url(str(Path(user_data_dir("materiel")) / "materiel.db"))


def to_url(db: str) -> str:
    """Accept a SQLAlchemy URL or a plain path to a SQLite file."""
    if "://" in db:
        if db.startswith("postgresql://"):  # use psycopg 3, the driver we ship
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


WRITE_OPTION = "materiel_write"  # execution option of a connection about to write


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # the driver must not open transactions itself: _sqlite_begin does, as each one needs
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """Writers take the lock when they begin, readers never: a writer that began by reading
    could not upgrade its lock while another wrote (SQLite gives up at once then)."""
    immediate = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_contention(exc: Exception) -> bool:
    """Whether a database error comes from another writer (worth waiting and retrying)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in {"40001", "40P01", "55P03", "23505"}:  # serialization, deadlock, lock, unique
        return True
    message = str(orig or exc).lower()
    return "database is locked" in message or "database is busy" in message


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except DBAPIError:  # no alembic_version table: a new, empty database
        return None
    return row[0] if row else None


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to `revision` (no-op when already there)."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        # two first runs on a new database: the second waits, then finds nothing to do
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(7305862)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)


def migrate_down(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
