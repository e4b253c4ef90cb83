"""What a reviewer does to an event: accept, reject, edit, add a missed one, undo.

Each action runs in one write transaction and appends its before and after values to the
audit log; undo appends a new change that restores the before values of the newest change
not yet undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from materiel.bounds import DATE_FORMS, STATUSES, is_iso_date
from materiel.link.canonical import canonical_of_event, link_changed_event
from materiel.models import EVENT_TYPES, ROLES
from materiel.review import audit, kbsearch
from materiel.review.audit import FieldChange
from materiel.store import Store
from materiel.store.reviewed import UNREVIEWED
from materiel.store.schema import documents, event_args, events, sentences

ARG_FIELDS = ("text", "name", "id", "value", "currency", "start", "end")
NUMERIC_ROLES = ("quantity", "value")
ADDED_FLAG = "added by a reviewer"
LINKED_FIELDS = {"type", "date", "status", "roles", "event"}  # what cross-document linking reads
MAX_TEXT = 500


class NotFound(LookupError):
    """No such event, document or sentence."""


@dataclass(frozen=True)
class EventEdit:
    """New values for an event; None leaves a field as it is (an empty string clears the
    date or the status). `roles` replaces every role: {role: [{"text", "id"?, ...}]}."""

    type: str | None = None
    date: str | None = None
    status: str | None = None
    roles: dict[str, list[dict[str, Any]]] | None = None
    reason: str | None = None


@dataclass(frozen=True)
class NewEvent:
    """A missed event, added from one sentence of a stored document."""

    document_id: int
    sentence: int  # sentences.idx
    type: str
    date: str | None = None
    status: str | None = None
    roles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reason: str | None = None


def _review(row: Any) -> dict[str, Any]:
    return {"state": row.review_state, "by": row.reviewed_by, "at": row.reviewed_at}


def _roles(conn: Connection, event_id: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for a in conn.execute(select(event_args).where(event_args.c.event_id == event_id)
                          .order_by(event_args.c.role, event_args.c.idx)):
        value = {"text": a.text, "name": a.name, "id": a.entity_id, "value": a.value,
                 "currency": a.currency, "start": a.start, "end": a.end}
        out.setdefault(a.role, []).append({k: v for k, v in value.items() if v is not None})
    return out


def _row(conn: Connection, event_id: int) -> Any:
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise NotFound(f"no event {event_id}")
    return row


def _current(conn: Connection, row: Any, name: str) -> Any:
    if name == "roles":
        return _roles(conn, row.id)
    if name == "review":
        return _review(row)
    return getattr(row, name)


def _apply(conn: Connection, event_id: int, name: str, value: Any) -> None:
    """Set one field of the event to `value` (as the audit log holds it)."""
    if name in ("type", "date", "status"):
        conn.execute(update(events).where(events.c.id == event_id).values({name: value}))
    elif name == "roles":
        conn.execute(delete(event_args).where(event_args.c.event_id == event_id))
        rows = [{"event_id": event_id, "role": role, "idx": i, "text": a["text"],
                 "name": a.get("name"), "entity_id": a.get("id"), "value": a.get("value"),
                 "currency": a.get("currency"), "start": a.get("start"), "end": a.get("end")}
                for role, values in value.items() for i, a in enumerate(values)]
        if rows:
            conn.execute(insert(event_args), rows)
    elif name == "review":
        value = value or {"state": UNREVIEWED, "by": None, "at": None}
        conn.execute(update(events).where(events.c.id == event_id).values(
            review_state=value["state"], reviewed_by=value["by"], reviewed_at=value["at"]))
    elif name == "event" and value is None:  # undoing an added event
        conn.execute(delete(events).where(events.c.id == event_id))
    else:
        raise ValueError(f"cannot set {name!r}")


def _apply_linked(conn: Connection, event_id: int, changes: list[FieldChange]) -> None:
    """Apply the changes; when they change what linking reads, the event's canonical
    event is worked out again (it may leave it, or join another)."""
    linked = bool(LINKED_FIELDS & {c.field for c in changes})
    stale = canonical_of_event(conn, event_id) if linked else set()
    for change in changes:
        _apply(conn, event_id, change.field, change.after)
    if linked:
        link_changed_event(conn, event_id, stale)


def _judge(store: Store, event_id: int, user: str, state: str, reason: str | None) -> str:
    def work(conn: Connection) -> str:
        row = _row(conn, event_id)
        at = audit.now()
        after = {"state": state, "by": user, "at": at}
        _apply(conn, event_id, "review", after)
        return audit.write_change(conn, event_id, user, state.removesuffix("ed"),
                                  [FieldChange("review", _review(row), after)],
                                  reason=reason, at=at)
    return store.write(work)


def accept(store: Store, event_id: int, user: str, reason: str | None = None) -> str:
    """Mark the event right as it stands; returns the audit change key."""
    return _judge(store, event_id, user, "accepted", reason)


def reject(store: Store, event_id: int, user: str, reason: str | None = None) -> str:
    """Mark the event wrong: it stays rejected through re-extraction."""
    return _judge(store, event_id, user, "rejected", reason)


def _clean_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} needs a text")
    return " ".join(value.split())[:MAX_TEXT]


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def check_roles(event_type: str, roles: dict[str, list[dict[str, Any]]]
                ) -> dict[str, list[dict[str, Any]]]:
    """Roles fit for `event_type`, each value with its text (and KB id, number); a KB id
    without a name gets the KB's name for it."""
    allowed = ROLES[event_type]
    out: dict[str, list[dict[str, Any]]] = {}
    for role, values in roles.items():
        if role not in allowed:
            raise ValueError(f"{event_type} has no role {role!r}; its roles: "
                             f"{', '.join(allowed)}")
        if not isinstance(values, list):
            raise ValueError(f"role {role!r} needs a list of values")
        for value in values:
            if not isinstance(value, dict):
                raise ValueError(f"a value of {role!r} must be an object with a text")
            arg = {k: value[k] for k in ARG_FIELDS if value.get(k) not in (None, "")}
            arg["text"] = _clean_text(value.get("text"), f"a value of {role!r}")
            if "id" in arg:
                arg["id"] = _clean_text(arg["id"], "an entity id")[:128]
            if role in NUMERIC_ROLES and "value" not in arg:
                number = _number(arg["text"])
                if number is not None:
                    arg["value"] = number
            out.setdefault(role, []).append(arg)
    unnamed = {a["id"] for values in out.values() for a in values
               if "id" in a and "name" not in a}
    if unnamed:
        known = kbsearch.names(unnamed)
        for values in out.values():
            for arg in values:
                if arg.get("id") in known and "name" not in arg:
                    arg["name"] = known[arg["id"]]
    return out


def _keep_offsets(roles: dict[str, list[dict[str, Any]]],
                  old: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """A value kept as it was (same role and text) keeps its offsets in the text."""
    for role, values in roles.items():
        spans = {a["text"]: a for a in old.get(role, []) if "start" in a}
        for arg in values:
            if "start" not in arg and arg["text"] in spans:
                arg["start"], arg["end"] = spans[arg["text"]]["start"], spans[arg["text"]]["end"]
    return roles


def _check_fields(event_type: str | None, date: str | None, status: str | None) -> None:
    if event_type is not None and event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}; one of {', '.join(EVENT_TYPES)}")
    if date and not is_iso_date(date):
        raise ValueError(f"not a {DATE_FORMS} date: {date!r}")
    if status and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")


def edit(store: Store, event_id: int, user: str, change: EventEdit) -> str | None:
    """Correct the event's type, date, status or roles; returns the change key, or None
    when nothing differed."""
    _check_fields(change.type, change.date, change.status)

    def work(conn: Connection) -> str | None:
        row = _row(conn, event_id)
        new_type = change.type or row.type
        wanted: dict[str, Any] = {}
        if change.type is not None:
            wanted["type"] = change.type
        if change.date is not None:
            wanted["date"] = change.date or None
        if change.status is not None:
            wanted["status"] = change.status or None
        current_roles = _roles(conn, event_id)
        roles = change.roles if change.roles is not None else current_roles
        checked = _keep_offsets(check_roles(new_type, roles), current_roles)
        if change.roles is not None or change.type is not None:
            wanted["roles"] = checked
        diffs = [FieldChange(name, before, value) for name, value in wanted.items()
                 if (before := _current(conn, row, name)) != value]
        if not diffs:
            return None
        at = audit.now()
        review = {"state": "edited", "by": user, "at": at}
        diffs.append(FieldChange("review", _review(row), review))
        _apply_linked(conn, event_id, diffs)
        return audit.write_change(conn, event_id, user, "edit", diffs, reason=change.reason,
                                  at=at)
    return store.write(work)


def undo(store: Store, event_id: int, user: str, reason: str | None = None) -> str | None:
    """Restore the values before the event's newest change not yet undone, as a new change;
    None when there is nothing to undo."""
    def work(conn: Connection) -> str | None:
        key = audit.last_undoable_change(conn, event_id)
        if key is None:
            return None
        rows = audit.change_rows(conn, key)
        changes = [FieldChange(r["field"], r["after"], r["before"]) for r in reversed(rows)]
        _apply_linked(conn, event_id, changes)
        return audit.write_change(conn, event_id, user, "undo", changes,
                                  reason=reason or f"undo of {rows[0]['action']}",
                                  undoes=key)
    return store.write(work)


def _summary(event_type: str, roles: dict[str, list[dict[str, Any]]]) -> str:
    parts = [f"{role}: " + ", ".join(a.get("name") or a["text"] for a in values)
             for role, values in roles.items()]
    return f"{event_type} — " + "; ".join(parts) if parts else event_type


def add_event(store: Store, user: str, new: NewEvent) -> int:
    """Store a missed event whose evidence is one sentence of a document; it counts as
    accepted by `user`. Returns the new event's id."""
    _check_fields(new.type, new.date, new.status)
    roles = check_roles(new.type, new.roles)

    def work(conn: Connection) -> int:
        doc = conn.execute(select(documents.c.doc_key, documents.c.clean_text)
                           .where(documents.c.id == new.document_id)).first()
        sent = conn.execute(select(sentences.c.start, sentences.c.end).where(
            sentences.c.document_id == new.document_id,
            sentences.c.idx == new.sentence)).first()
        if doc is None or sent is None:
            raise NotFound(f"no sentence {new.sentence} in document {new.document_id}")
        evidence = doc.clean_text[sent.start:sent.end]
        key = conn.execute(insert(events), {
            "document_id": new.document_id, "type": new.type, "date": new.date or None,
            "status": new.status or None, "evidence": evidence,
            "evidence_start": sent.start, "evidence_end": sent.end,
            "sentence_idx": new.sentence, "summary": _summary(new.type, roles),
            "confidence": 1.0, "flags": json.dumps([ADDED_FLAG])}).inserted_primary_key
        assert key is not None
        event_id = int(key[0])
        _apply(conn, event_id, "roles", roles)
        at = audit.now()
        review = {"state": "accepted", "by": user, "at": at}
        _apply(conn, event_id, "review", review)
        audit.write_change(conn, event_id, user, "add", [
            FieldChange("event", None, {"type": new.type, "date": new.date or None,
                                        "status": new.status or None, "roles": roles,
                                        "document_id": new.document_id,
                                        "sentence": new.sentence}),
            FieldChange("review", None, review)], reason=new.reason, at=at)
        link_changed_event(conn, event_id, ())
        return event_id
    return store.write(work)
