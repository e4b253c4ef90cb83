"""Shared fixtures: real SQLite files in a temporary directory, a real PostgreSQL database."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import pytest

PG_ENV = "MATERIEL_TEST_PG_URL"


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("MATERIEL_REQUIRE_PG"):
            pytest.fail(f"{PG_ENV} is not set but MATERIEL_REQUIRE_PG asks for PostgreSQL")
        return None
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'materiel.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the PostgreSQL server, dropped afterwards."""
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip(f"{PG_ENV} not set")
    import psycopg

    name = f"materiel_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        _drop_database(admin, name)


def _drop_database(admin: str, name: str, tries: int = 20) -> None:
    # An autovacuum worker on the new database cannot be terminated by a non-superuser
    # (FORCE then fails with InsufficientPrivilege); it leaves within a moment, so try again.
    import psycopg

    for attempt in range(tries):
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == tries - 1:
                raise
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """Each test that asks for it runs against both back ends."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")
