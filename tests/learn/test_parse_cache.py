"""`ParseCache`: each sentence parsed once, every pass given its own copy of the parse."""

from __future__ import annotations

from typing import Any

import pytest

from materiel.learn.parses import ParseCache

TEXT = "Chile ordered six coastal radars from Saab on Tuesday."


class Counting:
    """The real pipeline, counting the sentences it is asked to parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.parsed = nlp, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def pipe(self, docs: Any, **kwargs: Any) -> Any:
        docs = list(docs)
        self.parsed += len(docs)
        return self.nlp.pipe(docs, **kwargs)


@pytest.fixture(scope="module")
def nlp():
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    return cached_pipeline(PipelineConfig())


def _make(cache: ParseCache, text: str, sentence: int = 0):
    doc = cache.make_doc(text)
    doc._.published = "2025-05-06"
    doc._.context = {"doc": "cache-1", "sentence": sentence, "heading": False, "recall": True}
    return doc


def test_each_sentence_is_parsed_once_and_read_the_same(nlp):
    counting = Counting(nlp)
    cache = ParseCache(counting)  # type: ignore[arg-type]
    first = cache.pipe([_make(cache, TEXT)])[0]
    second = cache.pipe([_make(cache, TEXT), _make(cache, TEXT, sentence=1)])
    assert counting.parsed == 2 and len(cache) == 2
    again = second[0]
    assert again is not first
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in again] == \
        [(t.text, t.dep_, t.head.i, t.ent_type_) for t in first]
    assert [m.type for m in again._.mentions] == [m.type for m in first._.mentions]
    assert again._.mentions and again._.mentions[0].type == "procurement"


def test_what_one_pass_does_to_a_parse_does_not_reach_the_next(nlp):
    cache = ParseCache(nlp)
    first = cache(_make(cache, TEXT))
    first._.mentions.clear()
    assert cache(_make(cache, TEXT))._.mentions
