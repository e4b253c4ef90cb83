"""Events in the store: writing them with their arguments, and querying them."""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, exists, func, insert, or_, select

from materiel.bounds import DATE_FORMS, check_window, is_iso_date
from materiel.models import EVENT_TYPES, ROLES, Argument, CleanDocument, Event
from materiel.store.schema import (
    clusters,
    documents,
    event_args,
    event_evidence,
    events,
    quotes,
)

PARTY_ROLES = sorted(
    {role for roles in ROLES.values() for role in roles} - {"item", "quantity", "value", "location"}
)


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    party: str | None = None  # matches a party role's text, name or entity id
    item: str | None = None
    date_from: str | None = None  # ISO prefix, inclusive
    date_to: str | None = None
    doc: str | None = None  # the input's own id
    min_confidence: float = 0.0  # events whose confidence (a probability) is at least this
    # A syndicated story stored from several outlets is one cluster; by default its events
    # are listed once, from the cluster's first document, with every copy's url.
    all_copies: bool = False
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}")
        for bound in (self.date_from, self.date_to):
            if bound is not None and not is_iso_date(bound):
                raise ValueError(f"not a {DATE_FORMS} date: {bound!r}")
        check_window(self.limit, self.offset)
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be within 0..1, not {self.min_confidence}")


def cluster_copies(conn: Connection, cluster_ids: set[int | None]
                   ) -> dict[int, list[dict[str, Any]]]:
    """Every stored copy (doc, url, outlet, published) of each cluster, in storing order."""
    copies: dict[int, list[dict[str, Any]]] = {}
    wanted = {c for c in cluster_ids if c is not None}
    if wanted:
        for d in conn.execute(
            select(documents.c.cluster_id, documents.c.doc_key, documents.c.url,
                   documents.c.outlet, documents.c.published)
            .where(documents.c.cluster_id.in_(wanted)).order_by(documents.c.id)
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
                          .where(event_evidence.c.event_id.in_(event_ids))
                          .order_by(event_evidence.c.event_id, event_evidence.c.idx)):
        out.setdefault(r.event_id, []).append(
            {"text": r.text, "start": r.start, "end": r.end, "sentence": r.sentence_idx})
    return out


def add_quotes(conn: Connection, document_id: int, found: list[dict[str, Any]]) -> None:
    if found:
        conn.execute(insert(quotes), [{"document_id": document_id, **q} for q in found])


def _arg_matches(roles: list[str], needle: str) -> Any:
    # autoescape: % and _ in the needle are literal characters, not LIKE wildcards
    lowered = needle.lower()
    return exists().where(
        event_args.c.event_id == events.c.id,
        event_args.c.role.in_(roles),
        or_(
            func.lower(event_args.c.text).contains(lowered, autoescape=True),
            func.lower(event_args.c.name).contains(lowered, autoescape=True),
            event_args.c.entity_id == needle,
        ),
    )


def query_events(conn: Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events as output-contract records, plus where they are stored."""
    conds = []
    if flt.type:
        conds.append(events.c.type == flt.type)
    if flt.date_from:
        conds.append(events.c.date >= flt.date_from)
    if flt.date_to:
        # "2024-06" as an upper bound includes every day of June 2024
        conds.append(events.c.date <= flt.date_to + "\uffff")
    if flt.doc:
        conds.append(documents.c.doc_key == flt.doc)
    if flt.min_confidence > 0:
        conds.append(events.c.confidence >= flt.min_confidence)
    if flt.party:
        conds.append(_arg_matches(PARTY_ROLES, flt.party))
    if flt.item:
        conds.append(_arg_matches(["item"], flt.item))
    if not flt.all_copies and not flt.doc:
        conds.append(or_(documents.c.cluster_id.is_(None),
                         clusters.c.canonical_document_id == documents.c.id))
    query = (
        select(events, documents.c.doc_key, documents.c.url, documents.c.published,
               documents.c.cluster_id)
        .join(documents, documents.c.id == events.c.document_id)
        .outerjoin(clusters, clusters.c.id == documents.c.cluster_id)
        .where(*conds)
        .order_by(events.c.date.desc(), events.c.id)
        .limit(flt.limit)
        .offset(flt.offset)
    )
    rows = [dict(r._mapping) for r in conn.execute(query)]
    if not rows:
        return []
    copies = cluster_copies(conn, {r["cluster_id"] for r in rows})
    by_event: dict[int, dict[str, list[dict[str, Any]]]] = {r["id"]: {} for r in rows}
    arg_rows = conn.execute(
        select(event_args)
        .where(event_args.c.event_id.in_(list(by_event)))
        .order_by(event_args.c.event_id, event_args.c.role, event_args.c.idx)
    )
    for a in arg_rows:
        arg = Argument(text=a.text, name=a.name, id=a.entity_id, value=a.value, currency=a.currency)
        by_event[a.event_id].setdefault(a.role, []).append(arg.to_json())
    others = other_evidence(conn, list(by_event))
    out = []
    for r in rows:
        texts = [o["text"] for o in others.get(r["id"], [])]
        extra = {"other_evidence": texts} if texts else {}  # as Event.to_json
        out.append(
            {
                "doc": r["doc_key"],
                "type": r["type"],
                "date": r["date"],
                "status": r["status"],
                "args": by_event[r["id"]],
                "evidence": r["evidence"],
                "summary": r["summary"],
                "confidence": r["confidence"],
                "flags": json.loads(r["flags"]),
                "event_id": r["id"],
                "document_id": r["document_id"],
                "evidence_start": r["evidence_start"],
                "evidence_end": r["evidence_end"],
                "url": r["url"],
                "copies": copies.get(r["cluster_id"], []),
                **extra,
            }
        )
    return out
