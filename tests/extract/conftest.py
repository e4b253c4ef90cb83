"""An extractor per session; helpers to build documents from my own text."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import CleanDocument, Document
from materiel.nlp import PipelineConfig


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(PipelineConfig(use_kb=False))


@pytest.fixture(scope="session")
def kb_extractor() -> Extractor:
    """The extractor as shipped, with the knowledge base."""
    ex = Extractor(PipelineConfig())
    if ex.linker is None:
        pytest.skip("knowledge base not available")
    return ex


def _make_clean(
    text: str, published: str | None = "2024-05-10", doc_id: str = "t-1", title: str | None = None
) -> CleanDocument:
    return clean(Document(id=doc_id, text=text, title=title, published=published))


@pytest.fixture(scope="session")
def make_clean():
    """Build a CleanDocument from text with the cleaning stage."""
    return _make_clean
