"""Public record types of the knowledge base."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TYPES = ("country", "organization", "company", "equipment", "person")


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry; `facts` holds every other field of the file."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(self.id)


@dataclass(frozen=True)
class Resolution:
    """What a mention resolved to; `id` is None or a "new:<slug>" cluster id when unlinked."""

    id: str | None
    name: str
    type: str
    country: str | None
    score: float
    method: str
    facts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def linked(self) -> bool:
        return self.id is not None and not self.id.startswith("new:")

    def __hash__(self) -> int:
        return hash((self.id, self.name, self.method))
