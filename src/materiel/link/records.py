"""Reading canonical events: their values, conflicts, every mention behind them (document,
sentence, outlet, date) and the stages of their story."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from materiel.link.canonical import event_rows
from materiel.store.schema import canonical_events, canonical_members, story_links


def canonical_of(conn: Connection, event_ids: Iterable[int]) -> dict[int, int]:
    """event id -> canonical event id, for the events that have one."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    rows = conn.execute(select(canonical_members.c.event_id, canonical_members.c.canonical_id)
                        .where(canonical_members.c.event_id.in_(ids)))
    return {r.event_id: r.canonical_id for r in rows}


def _mention(row: Any) -> dict[str, Any]:
    return {"event_id": row.id, "doc": row.doc_key, "document_id": row.document_id,
            "sentence": row.sentence_idx, "outlet": row.outlet, "published": row.published,
            "url": row.url, "date": row.date, "status": row.status, "evidence": row.evidence,
            "pinned": bool(row.pinned)}


def records(conn: Connection, canonical_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Each canonical event: its values, conflicts, mentions, `sources` (distinct
    documents) and `story` (the canonical ids of its earlier and later stages)."""
    ids = sorted(set(canonical_ids))
    if not ids:
        return {}
    out: dict[int, dict[str, Any]] = {}
    for r in conn.execute(select(canonical_events).where(canonical_events.c.id.in_(ids))):
        out[r.id] = {"canonical_id": r.id, "type": r.type, "date": r.date, "status": r.status,
                     "args": json.loads(r.args), "conflicts": json.loads(r.conflicts),
                     "mentions": [], "story": {"earlier": [], "later": []}}
    for row in event_rows(conn, canonical_members.c.canonical_id.in_(ids)):
        if row.canonical_id in out:
            out[row.canonical_id]["mentions"].append(_mention(row))
    for record in out.values():
        record["sources"] = len({m["document_id"] for m in record["mentions"]})
        record["outlets"] = sorted({m["outlet"] for m in record["mentions"] if m["outlet"]})
    links = conn.execute(select(story_links).where(
        story_links.c.earlier_id.in_(ids) | story_links.c.later_id.in_(ids)))
    for earlier, later in links:
        if earlier in out:
            out[earlier]["story"]["later"].append(later)
        if later in out:
            out[later]["story"]["earlier"].append(earlier)
    return out
