"""Events in the store: writing them with their arguments and other sentences, and the
pieces of them every listing reads (a cluster's copies, an event's other sentences). Listing
and filtering events is `materiel.store.query`."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Collection
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Connection, Integer, any_, bindparam, insert, select

from materiel.models import ROLES, CleanDocument, Event
from materiel.store.schema import documents, event_args, event_evidence, events, quotes

PARTY_ROLES = sorted(
    {role for roles in ROLES.values() for role in roles} - {"item", "quantity", "value", "location"}
)


def among(conn: Connection, column: ColumnElement[Any], ids: Collection[int]
          ) -> ColumnElement[bool]:
    """`column IN ids`. PostgreSQL: one array parameter (`= ANY`) rather than one parameter
    per id, whose rendering and parsing cost an export of 100,000 events seconds."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    return column.in_(ids)


def cluster_copies(conn: Connection, cluster_ids: set[int | None]
                   ) -> dict[int, list[dict[str, Any]]]:
    """Every stored copy (doc, url, outlet, published) of each cluster, in storing order."""
    copies: dict[int, list[dict[str, Any]]] = {}
    wanted = {c for c in cluster_ids if c is not None}
    if wanted:
        for d in conn.execute(
            select(documents.c.cluster_id, documents.c.doc_key, documents.c.url,
                   documents.c.outlet, documents.c.published)
            .where(among(conn, documents.c.cluster_id, wanted)).order_by(documents.c.id)
        ):
            copies.setdefault(d.cluster_id, []).append(
                {"doc": d.doc_key, "url": d.url, "outlet": d.outlet, "published": d.published})
    return copies


def _sentence_index(clean: CleanDocument, start: int | None) -> int | None:
    if start is None or not clean.sentences:
        return None
    starts = [s.start for s in clean.sentences]
    return max(0, bisect_right(starts, start) - 1)


def add_events(conn: Connection, document_id: int, clean: CleanDocument, found: list[Event]) -> int:
    for event in found:
        event_id = conn.execute(
            insert(events),
            {
                "document_id": document_id,
                "type": event.type,
                "date": event.date,
                "status": event.status,
                "evidence": event.evidence,
                "evidence_start": event.evidence_start,
                "evidence_end": event.evidence_end,
                "sentence_idx": _sentence_index(clean, event.evidence_start),
                "summary": event.summary,
                "confidence": event.confidence,
                "flags": json.dumps(event.flags),
            },
        ).inserted_primary_key[0]  # type: ignore[index]
        rows = [
            {
                "event_id": event_id,
                "role": role,
                "idx": i,
                "text": arg.text,
                "name": arg.name,
                "entity_id": arg.id,
                "value": arg.value,
                "currency": arg.currency,
                "start": arg.start,
                "end": arg.end,
            }
            for role, values in event.args.items()
            for i, arg in enumerate(values)
        ]
        if rows:
            conn.execute(insert(event_args), rows)
        others = [
            {"event_id": event_id, "idx": i, "text": other.text, "start": other.start,
             "end": other.end, "sentence_idx": _sentence_index(clean, other.start)}
            for i, other in enumerate(event.other_evidence)
        ]
        if others:
            conn.execute(insert(event_evidence), others)
    return len(found)


def other_evidence(conn: Connection, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """event id -> its other sentences (text, start, end, sentence), in document order."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not event_ids:
        return out
    for r in conn.execute(select(event_evidence)
                          .where(among(conn, event_evidence.c.event_id, event_ids))
                          .order_by(event_evidence.c.event_id, event_evidence.c.idx)):
        out.setdefault(r.event_id, []).append(
            {"text": r.text, "start": r.start, "end": r.end, "sentence": r.sentence_idx})
    return out


def add_quotes(conn: Connection, document_id: int, found: list[dict[str, Any]]) -> None:
    if found:
        conn.execute(insert(quotes), [{"document_id": document_id, **q} for q in found])
