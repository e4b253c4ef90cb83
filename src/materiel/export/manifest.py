"""What every export carries: the query, when it was made, and how far the database had got."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from materiel import __version__
from materiel.store.query import EventQuery, freshness
from materiel.store.repository import Store


def make_manifest(store: Store, q: EventQuery, fmt: str, **details: Any) -> dict[str, Any]:
    """The manifest of an export about to be written; `rows` is added once it is done."""
    return {
        "format": fmt,
        "query": q.to_json(),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": freshness(store).to_json(),
        "materiel": __version__,
        **details,
    }
