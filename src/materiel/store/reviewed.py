"""Keeping reviewers' work when a document's events are written again.

An event a reviewer has judged (accepted, rejected, edited, or added by hand) is never
replaced by extraction: re-extracting a document replaces only its unreviewed events, and a
freshly extracted event that a reviewed one already stands for (same type, or a type a
reviewer changed away from, on the same evidence) is dropped, so a rejected event does not
come back and an edited one is not doubled by the original. A near-duplicate copy stored
later inherits the rejections made on its cluster's other documents.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select, update

from materiel.models import Event
from materiel.store.schema import audit_log, documents, events, quotes

UNREVIEWED = "unreviewed"
REVIEW_STATES = ("unreviewed", "accepted", "rejected", "edited")
SYSTEM_USER = "materiel"  # the audit log's author of what the pipeline does on its own

EvidenceKey = tuple[str, str]


def evidence_key(event_type: str, evidence: str) -> EvidenceKey:
    return event_type, " ".join(evidence.split()).casefold()


def reviewed_keys(conn: Connection, document_ids: list[int],
                  state: str | None = None) -> dict[EvidenceKey, int]:
    """The evidence keys of the reviewed events of these documents (with `state` only, if
    given), each with its event id; an event also answers for the types it was edited from."""
    cond = (events.c.review_state == state if state
            else events.c.review_state != UNREVIEWED)
    rows = conn.execute(select(events.c.id, events.c.type, events.c.evidence)
                        .where(events.c.document_id.in_(document_ids), cond)).all()
    keys = {evidence_key(r.type, r.evidence): r.id for r in rows}
    by_id = {r.id: r for r in rows}
    if by_id:
        for event_id, before in conn.execute(
                select(audit_log.c.event_id, audit_log.c.before)
                .where(audit_log.c.event_id.in_(list(by_id)), audit_log.c.field == "type")):
            old_type = json.loads(before) if before else None
            if isinstance(old_type, str):
                keys.setdefault(evidence_key(old_type, by_id[event_id].evidence), event_id)
    return keys


def replace_events(conn: Connection, document_id: int, found: list[Event]) -> list[Event]:
    """Drop the document's unreviewed events and its quotes; return the events of `found`
    that no reviewed event already stands for (the caller stores them)."""
    conn.execute(delete(events).where(events.c.document_id == document_id,
                                      events.c.review_state == UNREVIEWED))
    conn.execute(delete(quotes).where(quotes.c.document_id == document_id))
    kept = reviewed_keys(conn, [document_id])
    return [e for e in found if evidence_key(e.type, e.evidence) not in kept]


def carry_rejections(conn: Connection, document_id: int, cluster_id: int) -> int:
    """Reject the events of a newly stored copy that were rejected on another document of its
    cluster (same type and evidence); each carried rejection is written to the audit log."""
    others = [r[0] for r in conn.execute(
        select(documents.c.id).where(documents.c.cluster_id == cluster_id,
                                     documents.c.id != document_id))]
    rejected = reviewed_keys(conn, others, state="rejected") if others else {}
    if not rejected:
        return 0
    now = datetime.now(UTC).isoformat(timespec="seconds")
    carried = 0
    for row in conn.execute(select(events.c.id, events.c.type, events.c.evidence)
                            .where(events.c.document_id == document_id,
                                   events.c.review_state == UNREVIEWED)).all():
        source = rejected.get(evidence_key(row.type, row.evidence))
        if source is None:
            continue
        conn.execute(update(events).where(events.c.id == row.id).values(
            review_state="rejected", reviewed_by=SYSTEM_USER, reviewed_at=now))
        conn.execute(insert(audit_log).values(
            change=f"carry-{row.id}", event_id=row.id, user_name=SYSTEM_USER, at=now,
            action="reject", field="review",
            before=json.dumps({"state": UNREVIEWED, "by": None, "at": None}),
            after=json.dumps({"state": "rejected", "by": SYSTEM_USER, "at": now}),
            reason=f"rejected as event {source} on another copy of the story"))
        carried += 1
    return carried
