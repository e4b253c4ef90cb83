"""A reviewer undoing a merge: taking an event out of its canonical event, or putting it
into another one. Both are written to the audit log (field "canonical", before and after
ids), and pin the event so that automatic linking leaves it where the reviewer put it."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from materiel.link.canonical import (
    add_keys,
    args_of,
    event_rows,
    facts_of,
    new_canonical,
    refresh,
    relink,
)
from materiel.link.match import index_keys
from materiel.review.audit import FieldChange, write_change
from materiel.store.schema import canonical_events, canonical_members, events


class NotLinked(LookupError):
    """The event has no canonical event (or the target does not exist)."""


def _current(conn: Connection, event_id: int) -> int:
    row = conn.execute(select(canonical_members.c.canonical_id)
                       .where(canonical_members.c.event_id == event_id)).first()
    if row is None:
        raise NotLinked(f"event {event_id} has no canonical event")
    return int(row[0])


def _move(conn: Connection, event_id: int, before: int, after: int, user: str,
          action: str, reason: str | None) -> str:
    conn.execute(update(canonical_members).where(canonical_members.c.event_id == event_id)
                 .values(canonical_id=after, pinned=True))
    rows = event_rows(conn, events.c.id == event_id)
    for facts in facts_of(rows, args_of(conn, [event_id])):
        add_keys(conn, after, index_keys(facts))
    # what is left of the old canonical event may no longer hold together without the event
    left = [r.id for r in event_rows(conn, canonical_members.c.canonical_id == before)]
    relink(conn, left)
    refresh(conn, [before, after])
    return write_change(conn, event_id, user, action,
                        [FieldChange("canonical", before, after)], reason=reason)


def detach(conn: Connection, event_id: int, user: str, reason: str | None = None) -> int:
    """Take the event out of its canonical event into a new one of its own; returns it."""
    before = _current(conn, event_id)
    event_type = conn.execute(select(events.c.type).where(events.c.id == event_id)).scalar_one()
    after = new_canonical(conn, event_type)
    _move(conn, event_id, before, after, user, "unmerge", reason)
    return after


def attach(conn: Connection, event_id: int, canonical_id: int, user: str,
           reason: str | None = None) -> None:
    """Put the event into canonical event `canonical_id` (to undo a detach, or to merge
    what the matcher kept apart)."""
    before = _current(conn, event_id)
    if conn.execute(select(canonical_events.c.id)
                    .where(canonical_events.c.id == canonical_id)).first() is None:
        raise NotLinked(f"no canonical event {canonical_id}")
    if before != canonical_id:
        _move(conn, event_id, before, canonical_id, user, "merge", reason)

