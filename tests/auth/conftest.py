"""A store with a few events and one user, served by the whole application."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from auth_app import PASSWORD, make_client
from fastapi.testclient import TestClient

from materiel.auth import add_user
from materiel.store import Store
from workbench import insert_events


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    opened = Store.open(db_url)
    insert_events(opened, "auth", ["2025-01-02", "2025-01-03", ""])
    add_user(opened, "ana", PASSWORD)
    yield opened
    opened.close()


@pytest.fixture
def client(store) -> TestClient:
    return make_client(store)
