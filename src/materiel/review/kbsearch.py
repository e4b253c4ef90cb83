"""Choosing knowledge-base entities while editing roles: search, and names by id."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from materiel.kb import KnowledgeBase

MAX_QUERY = 100


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    from materiel.kb import load_kb

    return load_kb([])


def search(query: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entries matching `query`, best first: id, name, type, country, score."""
    query = query.strip()[:MAX_QUERY]
    if not query:
        return []
    return [{"id": e.id, "name": e.name, "type": e.type, "country": e.country, "score": s}
            for e, s in knowledge_base().search(query, limit=limit)]


def names(ids: Iterable[str]) -> dict[str, str]:
    """The KB name of each of these ids that the KB knows."""
    kb = knowledge_base()
    return {i: entry.name for i in ids if (entry := kb.get(i)) is not None}
