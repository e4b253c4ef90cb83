from __future__ import annotations

from sqlalchemy import inspect

from materiel.store import db


def test_upgrade_downgrade_upgrade(db_url):
    engine = db.make_engine(db.to_url(db_url))
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision()
    assert "documents" in inspect(engine).get_table_names()
    db.migrate_down(engine, "base")
    assert "documents" not in inspect(engine).get_table_names()
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_plain_path_becomes_sqlite_url(tmp_path):
    url = db.to_url(str(tmp_path / "x.db"))
    assert url.startswith("sqlite:///") and url.endswith("x.db")
    assert db.to_url("postgresql://u@h/d").startswith("postgresql+psycopg://")


def test_the_code_knows_the_newest_migration():
    assert db.head_revision() == db.SCHEMA_REVISION
