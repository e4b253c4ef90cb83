"""A local Ray cluster for the tests of this folder, and the store they write to."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def ray_here() -> Iterator[None]:
    """A Ray cluster on this machine with two CPUs, for the tests of one module."""
    from materiel.scale.cluster import ray_cluster

    with ray_cluster(None, 2):
        yield


@pytest.fixture
def target_url(request: pytest.FixtureRequest) -> str:
    """The store the Ray job writes to: PostgreSQL where the tests have a server
    (MATERIEL_TEST_PG_URL), else a SQLite file."""
    if os.environ.get("MATERIEL_TEST_PG_URL"):
        return str(request.getfixturevalue("pg_url"))
    return str(request.getfixturevalue("sqlite_url"))
