"""The whole application over a store, for the access tests."""

from __future__ import annotations

from fastapi.testclient import TestClient

from materiel.api.app import create_app
from materiel.api.settings import Settings
from materiel.store import Store

PASSWORD = "correct horse battery"


def make_client(store: Store, **settings: object) -> TestClient:
    return TestClient(create_app(store, Settings(secret_key="test-key", **settings)))  # type: ignore[arg-type]
