"""The training and study set: our annotations of shared real articles (offsets rebuilt into
text from ../shared) and the articles we wrote ourselves, with the group (outlet) of each
document for leave-one-outlet-out cross-validation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from materiel.annotate import load_gold
from materiel.annotate.store import ANNOTATIONS
from materiel.models import Document

WRITTEN = ANNOTATIONS / "written"


@dataclass(frozen=True)
class Example:
    document: Document
    gold: dict[str, Any]
    group: str  # the outlet, or "written" for the articles we wrote


def _document(record: dict[str, Any]) -> Document:
    return Document(id=str(record["id"]), text=record.get("text") or "",
                    title=record.get("title"), url=record.get("url"),
                    published=record.get("published"), outlet=record.get("outlet"))


def _written() -> list[Example]:
    inputs, golds = WRITTEN / "input.jsonl", WRITTEN / "gold.jsonl"
    if not inputs.is_file() or not golds.is_file():
        return []
    gold = {}
    for line in golds.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["doc"]] = g
    out = []
    for line in inputs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec["id"] in gold:
                out.append(Example(_document(rec), gold[rec["id"]], "written"))
    return out


def training_set(include_written: bool = True, corpus: Path | None = None) -> list[Example]:
    """Every annotated document, in a stable order."""
    examples = [Example(_document(rec), gold, str(rec.get("outlet") or "unknown"))
                for rec, gold in load_gold([corpus or ANNOTATIONS / "corpus"])]
    if include_written:
        examples += _written()
    return sorted(examples, key=lambda x: x.document.id)
