"""The review queue: events to judge, least confident first.

"unreviewed" holds the events nobody judged; "second" the events someone else judged and
`user` has not (a second opinion, for agreement). Skipping moves past an event by keyset
(confidence, id), so a skipped event comes back on the next pass.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from materiel.store.reviewed import SYSTEM_USER, UNREVIEWED
from materiel.store.schema import audit_log, events

MODES = ("unreviewed", "second")


def _conditions(mode: str, user: str | None) -> list[ColumnElement[bool]]:
    if mode not in MODES:
        raise ValueError(f"unknown queue {mode!r}; one of {', '.join(MODES)}")
    if mode == "unreviewed":
        return [events.c.review_state == UNREVIEWED]
    judged_by = (select(audit_log.c.event_id)
                 .where(audit_log.c.field == "review",
                        audit_log.c.action.in_(("accept", "reject", "edit"))))
    conds = [events.c.review_state != UNREVIEWED,
             events.c.id.in_(judged_by.where(audit_log.c.user_name != SYSTEM_USER))]
    if user is not None:
        conds += [events.c.id.not_in(judged_by.where(audit_log.c.user_name == user))]
    return conds


def next_event(conn: Connection, *, mode: str = "unreviewed", user: str | None = None,
               after: tuple[float, int] | None = None) -> int | None:
    """The id of the next event to review, after (confidence, id) when skipping."""
    conds = _conditions(mode, user)
    if after is not None:
        confidence, event_id = after
        conds.append(or_(events.c.confidence > confidence,
                         and_(events.c.confidence == confidence, events.c.id > event_id)))
    row = conn.execute(select(events.c.id).where(*conds)
                       .order_by(events.c.confidence, events.c.id).limit(1)).first()
    return int(row[0]) if row else None


def remaining(conn: Connection, *, mode: str = "unreviewed", user: str | None = None) -> int:
    stmt = select(func.count()).select_from(events).where(*_conditions(mode, user))
    return int(conn.execute(stmt).scalar() or 0)
