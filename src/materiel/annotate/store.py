"""Annotation files: one JSON object per annotated article (offset form), one file per
annotator and batch under `annotations/corpus/`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from materiel.annotate.articles import Articles
from materiel.annotate.offsets import to_gold

REPO = Path(__file__).resolve().parents[3]
ANNOTATIONS = REPO / "annotations"


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.rglob("*.jsonl"))
        else:
            yield p


def load_offsets(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    for path in _files(paths):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def load_gold(paths: Iterable[str | Path] | None = None,
              articles: Articles | None = None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(input record, gold record) for each stored annotation, texts rebuilt from the shared
    corpus; the input record is the article as `materiel extract` reads it (JSONL fields)."""
    articles = articles or Articles()
    out = []
    for stored in load_offsets(paths or [ANNOTATIONS / "corpus"]):
        a = articles.get(stored["doc"])
        record = {"id": a.id, "title": a.title, "text": a.text, "published": a.published,
                  "outlet": a.outlet}
        out.append((record, to_gold(stored, a)))
    return out
