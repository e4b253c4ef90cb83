"""The shared articles that annotations point into, by document id."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS_FILES = ("corpus/unlabeled.jsonl", "corpus/dev.jsonl", "corpus/general.jsonl")


def shared_dir() -> Path:
    """$MATERIEL_SHARED, else `shared/` beside the repository (or the current directory)."""
    env = os.environ.get("MATERIEL_SHARED")
    if env:
        return Path(env)
    for base in (Path(__file__).resolve().parents[3], Path.cwd()):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[3].parent / "shared"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    published: str | None
    outlet: str | None
    source: str  # the corpus file, relative to the shared folder

    def field(self, name: str) -> str:
        return self.title if name == "title" else self.text


class Articles:
    """Lazy index of the shared corpus files: id -> Article."""

    def __init__(self, root: Path | None = None, files: tuple[str, ...] = CORPUS_FILES):
        self.root = root or shared_dir()
        self.files = files
        self._index: dict[str, Article] | None = None

    def _load(self) -> dict[str, Article]:
        if self._index is None:
            self._index = {a.id: a for a in self._read()}
        return self._index

    def _read(self) -> Iterator[Article]:
        for rel in self.files:
            path = self.root / rel
            if not path.is_file():
                continue
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        rec = json.loads(line)
                        yield Article(str(rec["id"]), rec.get("title") or "",
                                      rec.get("text") or "", rec.get("published"),
                                      rec.get("outlet"), rel)

    def available(self) -> bool:
        return any((self.root / rel).is_file() for rel in self.files)

    def get(self, doc_id: str) -> Article:
        try:
            return self._load()[doc_id]
        except KeyError:
            raise KeyError(f"{doc_id}: not in {', '.join(self.files)} under {self.root}") from None

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._load()

    def __iter__(self) -> Iterator[Article]:
        return iter(self._load().values())
