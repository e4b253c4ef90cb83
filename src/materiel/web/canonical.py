"""What the canonical event page reads: a real event's record with its story's stages."""

from __future__ import annotations

from typing import Any

from materiel.store import Store


def detail(store: Store, canonical_id: int) -> dict[str, Any] | None:
    """The canonical record (`materiel.link.records`) with `earlier` and `later`: its
    story's stages, each a canonical record of its own."""
    from materiel.link.records import records  # link imports the store

    with store.engine.connect() as conn:
        found = records(conn, [canonical_id]).get(canonical_id)
        if found is None:
            return None
        story = found["story"]
        stages = records(conn, story["earlier"] + story["later"])
    return found | {"earlier": [stages[i] for i in story["earlier"] if i in stages],
                    "later": [stages[i] for i in story["later"] if i in stages]}
