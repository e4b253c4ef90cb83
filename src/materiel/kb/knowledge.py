"""The in-memory knowledge base."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping

from rapidfuzz import fuzz, process

from .index import Index
from .normalize import compact, norm
from .translit import spelling
from .types import Entry


class KnowledgeBase:
    """Entries by id, their lookup index and EntityRuler patterns."""

    def __init__(
        self,
        entries: Mapping[str, Entry],
        index: Index,
        patterns: list[dict],
        sources: tuple[str, ...] = (),
    ) -> None:
        self.entries = entries
        self.index = index
        self._patterns = json.dumps(patterns)  # one string: nothing to rebuild when unpickled
        self.sources = sources

    def get(self, id: str) -> Entry | None:
        return self.entries.get(id)

    def __contains__(self, id: object) -> bool:
        return id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, text: str) -> list[tuple[str, str]]:
        """(id, kind) of the entries one of whose names normalises like `text`."""
        return self.index.exact.get(norm(text)) or self.index.compact.get(compact(text)) or []

    def search(self, query: str, limit: int = 10) -> list[tuple[Entry, float]]:
        """Entries matching `query` best first, scored 0..1 (exact names first, then fuzzy)."""
        best: dict[str, float] = {}
        key = norm(query)
        if not key:
            return []
        for eid, _ in self.index.exact.get(key, []):
            best[eid] = 1.0
        for eid, _ in self.index.compact.get(compact(query), []):
            best.setdefault(eid, 0.97)
        for eid, _ in self.index.spelling.get(spelling(key), []):
            best.setdefault(eid, 0.93)
        hits = process.extract(
            key, self.index.fuzzy_keys, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=60
        )
        for _, score, i in hits:
            eid = self.index.fuzzy_ids[i]
            best[eid] = max(best.get(eid, 0.0), score / 100 * 0.9)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.entries[eid], round(score, 3)) for eid, score in ranked]

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns: {"label", "pattern", "id"} (a fresh list each call)."""
        patterns: list[dict] = json.loads(self._patterns)
        return patterns

    def stats(self) -> dict[str, int]:
        counts = Counter(e.type for e in self.entries.values())
        out = {"entries": len(self.entries)}
        out.update({t: counts.get(t, 0) for t in sorted(counts)})
        out["aliases"] = sum(len(e.aliases) for e in self.entries.values())
        out["keys"] = len(self.index.exact)
        out["collisions"] = self.index.collisions
        out["patterns"] = self._patterns.count('"label"')
        return out
