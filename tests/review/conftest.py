"""A store on each back end, filled by the real ingest pipeline from review_corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_corpus import VerbExtractor, write_articles

from materiel.pipeline import ingest
from materiel.store import Store


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_articles(tmp_path)


@pytest.fixture
def store(db_url, corpus) -> Iterator[Store]:
    opened = Store.open(db_url)
    summary = ingest([str(corpus)], opened, extractor=VerbExtractor())
    assert summary.events == 4, summary
    yield opened
    opened.close()
