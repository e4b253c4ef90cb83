"""The append-only audit log: every change to an event, who made it, when, and the values
before and after (JSON). Rows written by one action share a `change` key."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from materiel.store.schema import audit_log

MAX_REASON = 2000


@dataclass(frozen=True)
class FieldChange:
    field: str  # type | date | status | roles | review | event
    before: Any
    after: Any


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_change(conn: Connection, event_id: int, user: str, action: str,
                 changes: list[FieldChange], *, reason: str | None = None,
                 undoes: str | None = None, at: str | None = None) -> str:
    """Append one change (its rows in order); returns its key."""
    key = uuid.uuid4().hex
    at = at or now()
    reason = (reason or "").strip()[:MAX_REASON] or None
    conn.execute(insert(audit_log), [
        {"change": key, "event_id": event_id, "user_name": user, "at": at, "action": action,
         "field": c.field, "before": json.dumps(c.before), "after": json.dumps(c.after),
         "reason": reason, "undoes": undoes}
        for c in changes])
    return key


def _entry(row: Any) -> dict[str, Any]:
    return {"id": row.id, "change": row.change, "event_id": row.event_id,
            "user": row.user_name, "at": row.at, "action": row.action, "field": row.field,
            "before": json.loads(row.before) if row.before is not None else None,
            "after": json.loads(row.after) if row.after is not None else None,
            "reason": row.reason, "undoes": row.undoes}


def event_entries(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    """The log of one event, oldest first."""
    rows = conn.execute(select(audit_log).where(audit_log.c.event_id == event_id)
                        .order_by(audit_log.c.id))
    return [_entry(r) for r in rows]


def entries(conn: Connection, *, limit: int = 50, before_id: int | None = None,
            user: str | None = None, event_id: int | None = None) -> list[dict[str, Any]]:
    """The log, newest first, by keyset on the row id (`before_id`: the last id seen)."""
    stmt = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if before_id is not None:
        stmt = stmt.where(audit_log.c.id < before_id)
    if user is not None:
        stmt = stmt.where(audit_log.c.user_name == user)
    if event_id is not None:
        stmt = stmt.where(audit_log.c.event_id == event_id)
    return [_entry(r) for r in conn.execute(stmt)]


def change_rows(conn: Connection, key: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(audit_log).where(audit_log.c.change == key)
                        .order_by(audit_log.c.id))
    return [_entry(r) for r in rows]


def last_undoable_change(conn: Connection, event_id: int) -> str | None:
    """The newest change of the event that is not an undo and has not been undone."""
    undone = select(audit_log.c.undoes).where(audit_log.c.event_id == event_id,
                                              audit_log.c.undoes.is_not(None))
    row = conn.execute(
        select(audit_log.c.change)
        .where(audit_log.c.event_id == event_id, audit_log.c.action != "undo",
               audit_log.c.change.not_in(undone))
        .order_by(audit_log.c.id.desc()).limit(1)).first()
    return row[0] if row else None
