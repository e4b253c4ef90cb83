"""A page of real events: the selection's mentions folded so that each canonical event
appears once, at the place of its first mention in the page's order that the filters keep.

Paging stays a keyset on mentions: the cursor is the last row's mention. A canonical event
is left out of a page when one of its mentions that the filters keep sorts at or before the
cursor (an earlier page showed it), so no event is shown twice or skipped while the pages
are read, with no state kept between requests. A mention not linked to others is its own
row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, not_, select

from materiel.store.events import among
from materiel.store.query import (
    EventQuery,
    after_cursor,
    event_records,
    filter_conditions,
    sort_order,
    with_canonical,
)
from materiel.store.schema import canonical_members, events
from materiel.store.search import event_matches, is_common

# the values of the canonical event that a folded row shows in place of its mention's
SHOWN = ("type", "date", "status", "args")


def _key(sort: str, row: dict[str, Any]) -> Any:
    if sort == "newest":
        return row["date"] or ""
    return row["confidence"] if sort == "least_confident" else row["document_id"]


def _links(conn: Connection, event_ids: list[int]) -> dict[int, int]:
    if not event_ids:
        return {}
    rows = conn.execute(select(canonical_members.c.event_id, canonical_members.c.canonical_id)
                        .where(among(conn, canonical_members.c.event_id, event_ids)))
    return {int(r.event_id): int(r.canonical_id) for r in rows}


def _shown_before(conn: Connection, conds: list[ColumnElement[bool]], sort: str,
                  after: tuple[Any, int], groups: set[int], read: set[int]) -> set[int]:
    """The canonical events among `groups` with a kept mention at or before the cursor.
    Their other members are looked up by id (`read`: mentions already read, all after the
    cursor), so a canonical event reported once costs nothing and the filters are checked
    on a few rows found by primary key, never by a scan joined to the members."""
    if not groups:
        return set()
    members = conn.execute(select(canonical_members.c.event_id, canonical_members.c.canonical_id)
                           .where(among(conn, canonical_members.c.canonical_id, sorted(groups))))
    others = {int(e): int(g) for e, g in members if e not in read}
    if not others:
        return set()
    stmt = select(events.c.id).where(among(conn, events.c.id, sorted(others)), *conds,
                                     not_(after_cursor(sort, *after)))
    return {others[int(i)] for i in conn.execute(stmt).scalars()}


def first_mentions(conn: Connection, q: EventQuery, wanted: int,
                   after: tuple[Any, int] | None) -> list[dict[str, Any]]:
    """Up to `wanted` event rows after `after`, one per canonical event (its first kept
    mention), read a batch at a time; a later batch leaves out the events already met."""
    page_conds = filter_conditions(conn, q, shared=(
        {"text": event_matches(conn, q.text, in_order=True)}
        if q.text and q.text.strip() and is_common(conn, q.text) else None))
    conds = filter_conditions(conn, q)
    found: list[dict[str, Any]] = []
    met: set[int] = set()
    read: set[int] = set()  # the mentions this page has read (each after the cursor)
    # a half more than wanted: a few mentions of events already shown leave enough rows
    scan_after, batch = after, wanted + wanted // 2
    while len(found) < wanted:
        where = list(page_conds)
        if scan_after is not None:
            where.append(after_cursor(q.sort, *scan_after))
        if met:  # the mentions of events already on this page, left out by index
            where.append(events.c.id.not_in(select(canonical_members.c.event_id).where(
                canonical_members.c.canonical_id.in_(sorted(met)))))
        rows = [dict(r._mapping) for r in conn.execute(
            select(events).where(*where).order_by(*sort_order(q.sort)).limit(batch))]
        links = _links(conn, [r["id"] for r in rows])
        read.update(r["id"] for r in rows)
        before = (_shown_before(conn, conds, q.sort, after, set(links.values()) - met, read)
                  if after is not None else set())
        for row in rows:
            group = links.get(row["id"])
            if group is not None and (group in met or group in before):
                continue
            if group is not None:
                met.add(group)
            found.append(row)
            if len(found) == wanted:
                break
        if len(rows) < batch:
            break
        scan_after = (_key(q.sort, rows[-1]), rows[-1]["id"])
        batch = min(batch * 2, 1000)
    return found


def folded_records(conn: Connection, q: EventQuery, wanted: int,
                   after: tuple[Any, int] | None) -> list[dict[str, Any]]:
    """`first_mentions` as output-contract records, each given its canonical event's
    `canonical_id`, `sources`, `source_outlets`, `mention_count` and `canonical`
    (its type, date, status and arguments; None when the mention is not linked)."""
    items = event_records(conn, first_mentions(conn, q, wanted, after))
    found = with_canonical(conn, items)
    for item in items:
        record = found.get(item["canonical_id"] or -1)
        item["canonical"] = {k: record[k] for k in SHOWN} if record else None
        item["mention_count"] = len(record["mentions"]) if record else 1
    return items
