"""What the event, document, entity and chart pages read, written against the store's schema
(to be folded into the shared query layer, materiel.store.query, once that exists)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from materiel.store.events import PARTY_ROLES
from materiel.store.schema import clusters, documents, event_args, events

PRECISION = {4: "year", 7: "month", 10: "day"}
CHART_ROLES = ("donor", "recipient", "buyer", "seller", "producer")
CHART_WEEKS = 26
TIMELINE_SIZE = 200


def _canonical() -> Any:
    """Events listed once per story: from a document with no copies, or the story's first."""
    return or_(documents.c.cluster_id.is_(None), clusters.c.canonical_document_id == documents.c.id)


def _args_of(conn: Connection, event_id: int) -> dict[str, list[dict[str, Any]]]:
    roles: dict[str, list[dict[str, Any]]] = {}
    for a in conn.execute(select(event_args).where(event_args.c.event_id == event_id)
                          .order_by(event_args.c.role, event_args.c.idx)):
        roles.setdefault(a.role, []).append(dict(a._mapping))
    return roles


def marked_text(text: str, spans: list[tuple[int, int, Any]]) -> list[tuple[str, Any]]:
    """`text` cut into (piece, tag) pieces: tag is the first span's tag covering the piece,
    None outside every span; overlapping spans merge into the first one's tag."""
    pieces: list[tuple[str, Any]] = []
    at = 0
    for start, end, tag in sorted(spans, key=lambda s: (s[0], s[1])):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], tag))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def event_detail(conn: Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(events, documents.c.cluster_id)
                       .join(documents, documents.c.id == events.c.document_id)
                       .where(events.c.id == event_id)).first()
    if row is None:
        return None
    event = dict(row._mapping)
    event["flags"] = json.loads(event["flags"] or "[]")
    event["precision"] = PRECISION.get(len(event["date"] or ""))
    event["roles"] = _args_of(conn, event_id)
    story = [documents.c.id == event["document_id"]]
    if event["cluster_id"] is not None:
        story.append(documents.c.cluster_id == event["cluster_id"])
    supporting = []
    for d in conn.execute(select(documents.c.id, documents.c.doc_key, documents.c.title,
                                 documents.c.url, documents.c.outlet, documents.c.published,
                                 documents.c.clean_text)
                          .where(or_(*story)).order_by(documents.c.id)):
        if d.id == event["document_id"] and event["evidence_start"] is not None:
            start, end = event["evidence_start"], event["evidence_end"]
        else:  # a copy: the same sentence, wherever it stands there
            start = d.clean_text.find(event["evidence"])
            end = start + len(event["evidence"])
        spans = [(start, end, "evidence")] if start >= 0 else []
        supporting.append({**dict(d._mapping), "pieces": marked_text(d.clean_text, spans),
                           "own": d.id == event["document_id"]})
    event["supporting"] = supporting
    return event


def document_events(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(
        select(events.c.id, events.c.type, events.c.date, events.c.summary,
               events.c.evidence_start, events.c.evidence_end, events.c.confidence)
        .where(events.c.document_id == document_id).order_by(events.c.evidence_start,
                                                              events.c.id))]


def entity_detail(conn: Connection, entity_id: str) -> dict[str, Any] | None:
    names = Counter(r[0] or r[1] for r in conn.execute(
        select(event_args.c.name, event_args.c.text).where(event_args.c.entity_id == entity_id)))
    if not names:
        return None
    mine = (select(event_args.c.event_id, event_args.c.role)
            .where(event_args.c.entity_id == entity_id).subquery())
    timeline = [dict(r._mapping) for r in conn.execute(
        select(events.c.id, events.c.type, events.c.date, events.c.status, events.c.summary,
               events.c.confidence, mine.c.role)
        .join(mine, mine.c.event_id == events.c.id)
        .join(documents, documents.c.id == events.c.document_id)
        .outerjoin(clusters, clusters.c.id == documents.c.cluster_id)
        .where(_canonical())
        .order_by(events.c.date.desc().nulls_last(), events.c.id.desc())
        .limit(TIMELINE_SIZE))]
    by_type = Counter(r["type"] for r in {r["id"]: r for r in timeline}.values())
    by_role = Counter(r["role"] for r in timeline)
    other = event_args.alias("other")
    key = func.coalesce(other.c.entity_id, other.c.name, other.c.text)
    n = func.count(distinct(other.c.event_id))
    counterparts = [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        select(key, func.max(func.coalesce(other.c.name, other.c.text)),
               func.max(other.c.entity_id), n)
        .join(mine, mine.c.event_id == other.c.event_id)
        .where(other.c.role.in_(PARTY_ROLES),
               or_(other.c.entity_id.is_(None), other.c.entity_id != entity_id))
        .group_by(key).order_by(n.desc(), key).limit(10))]
    kind, _, _ = entity_id.partition(":")
    return {"id": entity_id, "name": names.most_common(1)[0][0], "kind": kind,
            "timeline": timeline, "by_type": by_type.most_common(),
            "by_role": by_role.most_common(), "counterparts": counterparts}


def _week(day: str) -> date | None:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    return d - timedelta(days=d.weekday())


def events_per_week(conn: Connection) -> tuple[list[date], dict[str, list[int]]]:
    """The last CHART_WEEKS weeks with events (by day-precise date), counts per type."""
    counts: dict[tuple[date, str], int] = Counter()
    for day, kind, n in conn.execute(
            select(events.c.date, events.c.type, func.count())
            .join(documents, documents.c.id == events.c.document_id)
            .outerjoin(clusters, clusters.c.id == documents.c.cluster_id)
            .where(_canonical(), func.length(events.c.date) == 10)
            .group_by(events.c.date, events.c.type)):
        week = _week(day)
        if week is not None:
            counts[(week, kind)] += n
    if not counts:
        return [], {}
    last = max(w for w, _ in counts)
    weeks = [last - timedelta(weeks=i) for i in range(CHART_WEEKS - 1, -1, -1)]
    kinds = sorted({k for _, k in counts})
    return weeks, {k: [counts.get((w, k), 0) for w in weeks] for k in kinds}


def top_by_role(conn: Connection, role: str, limit: int = 10) -> list[tuple[str, str, int, str]]:
    """(key, label, events, entity id or "") of the commonest fillers of `role`."""
    key = func.coalesce(event_args.c.entity_id, event_args.c.name, event_args.c.text)
    n = func.count(distinct(events.c.id))
    return [(r[0], r[1], int(r[2]), r[3] or "") for r in conn.execute(
        select(key, func.max(func.coalesce(event_args.c.name, event_args.c.text)), n,
               func.max(event_args.c.entity_id))
        .join(events, events.c.id == event_args.c.event_id)
        .join(documents, documents.c.id == events.c.document_id)
        .outerjoin(clusters, clusters.c.id == documents.c.cluster_id)
        .where(_canonical(), event_args.c.role == role)
        .group_by(key).order_by(n.desc(), key).limit(limit))]
