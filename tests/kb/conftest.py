from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from materiel.kb import KnowledgeBase, Resolver, clear_memory_cache, load_kb, loader

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the compiled caches of the tests out of the user's cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("MATERIEL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    clear_memory_cache()
    yield
    mp.undo()
    clear_memory_cache()


@pytest.fixture(scope="session")
def mini_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """A small knowledge base of our own, without the built-in files."""
    mp = pytest.MonkeyPatch()
    mp.setattr(loader, "BUILTIN_DIR", tmp_path_factory.mktemp("no-builtin"))
    try:
        return load_kb([MINI])
    finally:
        mp.undo()


@pytest.fixture()
def resolver(mini_kb: KnowledgeBase) -> Resolver:
    return Resolver(mini_kb)
