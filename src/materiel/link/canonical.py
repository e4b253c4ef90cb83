"""Canonical events in the store: linking a document's new events to the real events other
documents already reported, incrementally, through an index of candidate keys.

A new event is compared with every member of the canonical events its keys find; it joins
each one it matches (several are merged into the oldest), so that a canonical event is a
connected group of pairwise matches, the same whatever order the documents came in. A
mention of a later stage of a matched story links the two canonical events instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from materiel.link.facts import Facts, build
from materiel.link.match import (
    Decision,
    compare,
    index_keys,
    lookup_keys,
    story_order,
    strength,
)
from materiel.link.values import MemberView, canonical_values
from materiel.store.schema import (
    canonical_events,
    canonical_keys,
    canonical_members,
    documents,
    event_args,
    events,
    story_links,
)

ARG_COLUMNS = ("text", "name", "entity_id", "value", "currency")


@dataclass
class LinkResult:
    created: int = 0  # new canonical events
    joined: int = 0  # events that joined an existing one
    merged: int = 0  # canonical events folded into another by a bridging event
    story_links: int = 0
    touched: set[int] = field(default_factory=set)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def args_of(conn: Connection, event_ids: list[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    out: dict[int, dict[str, list[dict[str, Any]]]] = {i: {} for i in event_ids}
    if not event_ids:
        return out
    rows = conn.execute(select(event_args).where(event_args.c.event_id.in_(event_ids))
                        .order_by(event_args.c.event_id, event_args.c.role, event_args.c.idx))
    for r in rows:
        arg = {"text": r.text, "name": r.name, "id": r.entity_id, "value": r.value,
               "currency": r.currency}
        out[r.event_id].setdefault(r.role, []).append(
            {k: v for k, v in arg.items() if v is not None})
    return out


def event_rows(conn: Connection, condition: Any) -> list[Any]:
    return list(conn.execute(
        select(events.c.id, events.c.document_id, events.c.type, events.c.status,
               events.c.date, events.c.evidence, events.c.sentence_idx,
               events.c.review_state, documents.c.doc_key, documents.c.outlet,
               documents.c.published, documents.c.url,
               canonical_members.c.canonical_id, canonical_members.c.pinned)
        .join(documents, documents.c.id == events.c.document_id)
        .outerjoin(canonical_members, canonical_members.c.event_id == events.c.id)
        .where(condition).order_by(events.c.id)))


def facts_of(rows: list[Any], args: dict[int, dict[str, list[dict[str, Any]]]]) -> list[Facts]:
    return [build(r.id, r.document_id, r.type, r.status, r.date, r.published, r.evidence,
                  args[r.id]) for r in rows]


def _candidates(conn: Connection, keys: Iterable[str]) -> set[int]:
    keys = sorted(keys)
    if not keys:
        return set()
    found = conn.execute(select(canonical_keys.c.canonical_id)
                         .where(canonical_keys.c.key.in_(keys)).distinct())
    frozen = select(canonical_members.c.canonical_id).where(canonical_members.c.pinned)
    ids = {r[0] for r in found}
    if ids:
        ids -= {r[0] for r in conn.execute(frozen.where(canonical_members.c.canonical_id
                                                        .in_(sorted(ids))))}
    return ids


def add_keys(conn: Connection, canonical_id: int, keys: set[str]) -> None:
    have = {r[0] for r in conn.execute(select(canonical_keys.c.key)
                                       .where(canonical_keys.c.canonical_id == canonical_id))}
    fresh = sorted(keys - have)
    if fresh:
        conn.execute(insert(canonical_keys),
                     [{"key": k, "canonical_id": canonical_id} for k in fresh])


def new_canonical(conn: Connection, event_type: str) -> int:
    key = conn.execute(insert(canonical_events), {
        "type": event_type, "args": "{}", "conflicts": "{}", "updated_at": _now(),
    }).inserted_primary_key
    assert key is not None
    return int(key[0])


def _fold(conn: Connection, target: int, others: list[int]) -> None:
    """Merge the canonical events `others` into `target`: members, keys and story links."""
    conn.execute(update(canonical_members).where(canonical_members.c.canonical_id.in_(others))
                 .values(canonical_id=target))
    keys = {r[0] for r in conn.execute(select(canonical_keys.c.key)
                                       .where(canonical_keys.c.canonical_id.in_(others)))}
    add_keys(conn, target, keys)
    moved = {target, *others}
    involved = story_links.c.earlier_id.in_(others) | story_links.c.later_id.in_(others)
    links = {(target if e in moved else e, target if later in moved else later)
             for e, later in conn.execute(select(story_links).where(involved))}
    conn.execute(delete(story_links).where(involved))
    conn.execute(delete(canonical_events).where(canonical_events.c.id.in_(others)))
    for earlier, later in sorted(links):
        if earlier != later:
            _add_story_link(conn, earlier, later)


def _add_story_link(conn: Connection, earlier: int, later: int) -> bool:
    if earlier == later:
        return False
    exists = conn.execute(select(story_links.c.earlier_id).where(
        story_links.c.earlier_id == earlier, story_links.c.later_id == later)).first()
    if exists is not None:
        return False
    conn.execute(insert(story_links), {"earlier_id": earlier, "later_id": later})
    return True


def refresh(conn: Connection, canonical_ids: Iterable[int]) -> None:
    """Recompute the values of these canonical events from their members; one left
    without members is deleted."""
    for canonical_id in sorted(set(canonical_ids)):
        rows = event_rows(conn, canonical_members.c.canonical_id == canonical_id)
        if not rows:
            conn.execute(delete(canonical_events).where(canonical_events.c.id == canonical_id))
            continue
        args = args_of(conn, [r.id for r in rows])
        values = canonical_values([MemberView(r.id, r.doc_key, r.date, r.status, args[r.id])
                                   for r in rows])
        conn.execute(update(canonical_events).where(canonical_events.c.id == canonical_id)
                     .values(date=values["date"], status=values["status"],
                             args=json.dumps(values["args"], sort_keys=True),
                             conflicts=json.dumps(values["conflicts"], sort_keys=True),
                             updated_at=_now()))


def link_events(conn: Connection, condition: Any) -> LinkResult:
    """Give every event selected by `condition` that has no canonical event one: an
    existing one it matches, or a new one."""
    result = LinkResult()
    rows = [r for r in event_rows(conn, condition) if r.canonical_id is None]
    for facts in facts_of(rows, args_of(conn, [r.id for r in rows])):
        _link_one(conn, facts, result)
    refresh(conn, result.touched)
    return result


def link_document(conn: Connection, document_id: int) -> LinkResult:
    """Link the events of one stored document (the ingest write path calls this)."""
    return link_events(conn, events.c.document_id == document_id)


def _compatible(matches: dict[int, tuple[int, int]], documents_of: dict[int, set[int]],
                document_id: int) -> set[int]:
    """The matched canonical events the new event may join together: two events of one
    document are one canonical event only when they match each other (extraction merged
    most of a document's own mentions already). The best matched (most facts shared with
    a member, most matching members, then oldest) come first; one that would put another
    document twice is left out."""
    chosen: set[int] = set()
    taken = {document_id}
    for canonical_id in sorted(matches, key=lambda c: (-matches[c][0], -matches[c][1], c)):
        if not documents_of.get(canonical_id, set()) & taken:
            chosen.add(canonical_id)
            taken |= documents_of.get(canonical_id, set())
    return chosen


def _link_one(conn: Connection, facts: Facts, result: LinkResult) -> None:
    candidates = _candidates(conn, lookup_keys(facts))
    members = event_rows(conn, canonical_members.c.canonical_id.in_(sorted(candidates))) \
        if candidates else []
    matches: dict[int, tuple[int, int]] = {}  # canonical id -> (best strength, matches)
    documents_of: dict[int, set[int]] = {}
    stories: list[tuple[Facts, int]] = []
    member_facts = facts_of(members, args_of(conn, [m.id for m in members]))
    clash: set[int] = set()  # holds an event of this document that is another event
    for row, other in zip(members, member_facts, strict=True):
        own = row.document_id == facts.document_id
        if not own:
            documents_of.setdefault(row.canonical_id, set()).add(row.document_id)
        decision = compare(facts, other, within_document=own)
        if decision is Decision.SAME:
            best, count = matches.get(row.canonical_id, (0, 0))
            matches[row.canonical_id] = (max(best, strength(facts, other)), count + 1)
        elif own:
            clash.add(row.canonical_id)
        elif decision is Decision.STORY:
            stories.append((other, row.canonical_id))
    for canonical_id in clash:
        matches.pop(canonical_id, None)
    same = _compatible(matches, documents_of, facts.document_id)
    if same:
        target = min(same)
        if len(same) > 1:
            _fold(conn, target, sorted(same - {target}))
            result.merged += len(same) - 1
            result.touched -= same - {target}
        result.joined += 1
    else:
        target = new_canonical(conn, facts.type)
        result.created += 1
    conn.execute(insert(canonical_members),
                 {"event_id": facts.event_id, "canonical_id": target, "pinned": False})
    add_keys(conn, target, index_keys(facts))
    result.touched.add(target)
    for other, canonical_id in stories:
        if canonical_id in same:
            continue
        first, _ = story_order(facts, other)
        earlier, later = (target, canonical_id) if first is facts else (canonical_id, target)
        result.story_links += _add_story_link(conn, earlier, later)
