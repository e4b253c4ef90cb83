"""Parse each sentence once for several training passes.

Training runs the extractor over the annotated set more than once (the rules alone, then with
a learned component read by outlet); parsing is most of that time.  `ParseCache` stands in for
the spaCy pipeline (`Extractor(nlp=...)`): the first pass parses, and every later pass gets a
fresh copy of the same parse, so nothing one pass does to a `Doc` reaches the next.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

Key = tuple[Any, ...]


def _key(doc: Doc) -> Key:
    """What a parse depends on: the sentence, its place, and what the components are told."""
    context = doc._.context or {}
    return (context.get("doc"), context.get("sentence"), context.get("heading"),
            context.get("recall"), doc._.published, doc.text)


class ParseCache:
    """A pipeline that parses each (document, sentence) once and hands out copies."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._stored: dict[Key, tuple[bytes, bytes]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def __len__(self) -> int:
        return len(self._stored)

    def pipe(self, docs: Iterable[Doc], **kwargs: Any) -> list[Doc]:
        docs = list(docs)
        keys = [_key(d) for d in docs]
        todo = [d for k, d in zip(keys, docs, strict=True) if k not in self._stored]
        if todo:
            batch = kwargs.get("batch_size", 64)
            for doc in self.nlp.pipe(todo, batch_size=batch):
                # the components' records (`doc._.mentions`...) live in user_data
                self._stored[_key(doc)] = (doc.to_bytes(exclude=["user_data"]),
                                           pickle.dumps(dict(doc.user_data)))
        return [self._copy(k) for k in keys]

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def _copy(self, key: Key) -> Doc:
        data, user_data = self._stored[key]
        doc = Doc(self.nlp.vocab).from_bytes(data, exclude=["user_data"])
        doc.user_data.update(pickle.loads(user_data))  # noqa: S301 - our own bytes
        return doc
