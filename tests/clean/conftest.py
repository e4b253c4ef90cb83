"""Fixtures for the cleaning tests: the shared seed articles, read by path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from _shared import SHARED

SEEDS = SHARED / "seeds"


@pytest.fixture
def seed_text() -> Callable[[str], str]:
    """Return a loader of a seed article by number ("000"); skip when /shared is absent."""

    def load(number: str) -> str:
        paths = sorted(SEEDS.glob(f"{number}_*.txt")) if SEEDS.is_dir() else []
        if not paths:
            pytest.skip("shared seed articles not available")
        return paths[0].read_text(encoding="utf-8")

    return load
