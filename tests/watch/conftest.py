"""Fixtures of the watch tests: the loopback site, a real SQLite store, no proxies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from watchsite import Site

from materiel.store import Store


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    s = Store.open(str(tmp_path / "watch.db"))
    yield s
    s.close()
