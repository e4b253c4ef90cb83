"""One pipeline per test session (loading the model takes a second)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from materiel.nlp import PipelineConfig, build_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pretrained model and every domain component, without the knowledge base (the KB's
    data changes independently; these tests check the parse-based rules)."""
    return build_pipeline(PipelineConfig(use_kb=False))


@pytest.fixture(scope="session")
def parse(nlp: Language):
    def run(text: str, published: str | None = "2024-06-20") -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return run
