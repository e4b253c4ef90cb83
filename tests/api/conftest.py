from __future__ import annotations

from pathlib import Path

import pytest

from materiel.store import Store
from workbench import build_store, copy_store


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("workbench"))


@pytest.fixture
def store(built_db, tmp_path):
    """A private copy of the workbench store (tests may write to it)."""
    opened = Store.open(str(copy_store(built_db, tmp_path)))
    yield opened
    opened.close()
