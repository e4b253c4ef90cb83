"""Parse the annotated set once and keep everything the experiments need (under $E2_CACHE).

    MATERIEL_SHARED=/work/shared .venv/bin/python experiments/embeddings/cache.py

The parsed sentences (spaCy Docs with the domain components' output) are pickled per
document, so that extraction can be replayed with other detectors and scorers without
parsing again (`Replay`).
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from materiel.clean import clean
from spacy.tokens import Doc

from materiel.extract import Extractor
from materiel.extract.roles import load_roles
from materiel.learn.data import Example, training_set
from materiel.models import CleanDocument, Event
from materiel.nlp import PipelineConfig

CACHE = Path(os.environ.get("E2_CACHE", "/tmp/s4/E2"))
PARSES = CACHE / "parses.pkl"
ROLES = CACHE / "roles.json"  # the role model as of the cache (another helper retrains it)


class ReplayExtractor(Extractor):
    """An `Extractor` in recall mode whose parses come from the cache; it also records the
    parsed text of every sentence the learned layer looks at (`texts`, in order)."""

    _blob: dict[str, bytes] | None = None
    last: ReplayExtractor | None = None  # the latest one made (the learn code makes its own)

    def __init__(self, config: PipelineConfig) -> None:
        super().__init__(config)
        self.roles = load_roles(str(ROLES))
        self.texts: list[str] = []
        ReplayExtractor.last = self
        if ReplayExtractor._blob is None:
            with PARSES.open("rb") as fh:
                ReplayExtractor._blob = pickle.load(fh)

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        assert self._blob is not None
        for cd in clean_docs:
            plan = self._plan(cd, make_docs=False)
            parsed = []
            for data, user_data in pickle.loads(self._blob[cd.doc.id]):
                doc = Doc(self.nlp.vocab).from_bytes(data)
                doc.user_data.update(user_data)
                parsed.append(doc)
            assert len(parsed) == len(plan.sentences), cd.doc.id
            yield cd, self._assemble(plan, parsed)

    def _detect(self, cd: CleanDocument, sent: Any, skip: int, doc: Doc, *rest: Any) -> None:
        self.texts.append(doc.text)
        super()._detect(cd, sent, skip, doc, *rest)


def build(examples: list[Example]) -> None:
    ex = Extractor(PipelineConfig(min_confidence=0.0, event_model=False, detector=False))
    ex.on_candidate = lambda _e, _f: None  # recall mode, as in training
    blob: dict[str, bytes] = {}
    started = time.perf_counter()
    cleaned = [clean(x.document) for x in examples]
    for k in range(0, len(cleaned), 32):
        chunk = cleaned[k:k + 32]
        plans = [ex._plan(cd) for cd in chunk]
        parsed = list(ex.nlp.pipe([d for p in plans for d in p.docs], batch_size=64))
        j = 0
        for p in plans:
            n = len(p.docs)
            blob[p.clean.doc.id] = pickle.dumps(
                [(d.to_bytes(exclude=["user_data"]), dict(d.user_data)) for d in parsed[j:j + n]])
            j += n
    print(f"parsed {len(cleaned)} documents in {time.perf_counter() - started:.0f} s")
    with PARSES.open("wb") as fh:
        pickle.dump(blob, fh)


def main() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    build(training_set())


if __name__ == "__main__":
    main()
