"""Canonical events in the store: linking a document's new events to the real events other
documents already reported, incrementally, through an index of candidate keys.

A new event is compared with the members of the canonical events its keys find. The
mentions it matches, and every mention those match in turn (their group), are partitioned
again (`materiel.link.cluster`) and the canonical events of the group rewritten: as each
group is partitioned as a whole, by a rule that ignores the order mentions came in, the
store holds the same canonical events whatever order documents arrive in. Mentions of
different stages of one story (an order, then its delivery) link their canonical events.
A canonical event a reviewer placed an event in is left as the reviewer left it.

What the matcher finds between two mentions is kept (`link_relations`): a new mention is
compared with the candidates its keys find, and the mentions its group reaches are read
back with their relations rather than compared again, so that the cost of a mention does
not grow with the size of the groups around it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from materiel.link.cluster import Pair, Strength, connected, partition
from materiel.link.facts import Facts, build
from materiel.link.match import Decision, index_keys, lookup_keys, relate, story_order
from materiel.link.values import MemberView, canonical_values
from materiel.store.schema import (
    canonical_events,
    canonical_keys,
    canonical_members,
    documents,
    event_args,
    events,
    link_relations,
    story_links,
)

# A group this large is partitioned around the new mention only (its own matches), to keep
# linking fast when one story is reported thousands of times.
MAX_GROUP = 400
KEEP_TOGETHER = (1000, 0)  # the strength given to members of one canonical event in a cut group


@dataclass
class LinkResult:
    created: int = 0  # new canonical events
    joined: int = 0  # events that joined an existing one
    merged: int = 0  # canonical events folded into others or split up
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
               events.c.date, events.c.evidence, events.c.evidence_start,
               events.c.sentence_idx, events.c.review_state, documents.c.doc_key,
               documents.c.outlet, documents.c.published, documents.c.url,
               canonical_members.c.canonical_id, canonical_members.c.pinned,
               canonical_members.c.compared)
        .join(documents, documents.c.id == events.c.document_id)
        .outerjoin(canonical_members, canonical_members.c.event_id == events.c.id)
        .where(condition).order_by(events.c.id)))


def _order(row: Any) -> tuple[str, ...]:
    """A key that sorts mentions by what they say, not by when they were stored."""
    position = row.evidence_start if row.evidence_start is not None else -1
    return (str(row.doc_key), f"{position:09d}", str(row.type), str(row.evidence or ""),
            str(row.date or ""), str(row.status or ""))


def facts_of(rows: list[Any], args: dict[int, dict[str, list[dict[str, Any]]]]) -> list[Facts]:
    return [_facts(r.id, r.document_id, r.type, r.status, r.date, r.published, r.evidence,
                   json.dumps(args[r.id], sort_keys=True), _order(r)) for r in rows]


@lru_cache(maxsize=50_000)
def _facts(event_id: int, document_id: int, event_type: str, status: str | None,
           event_date: str | None, published: str | None, evidence: str, args: str,
           order: tuple[str, ...]) -> Facts:
    """The facts of a mention, kept by everything they are built from: the groups of one
    story load the same mentions again for every new report of it."""
    return build(event_id, document_id, event_type, status, event_date, published, evidence,
                 json.loads(args), order=order)


def _frozen(conn: Connection, canonical_ids: set[int]) -> set[int]:
    """The canonical events a reviewer placed an event in."""
    if not canonical_ids:
        return set()
    return {r[0] for r in conn.execute(
        select(canonical_members.c.canonical_id).where(
            canonical_members.c.pinned, canonical_members.c.canonical_id.in_(
                sorted(canonical_ids))).distinct())}


def _candidates(conn: Connection, keys: Iterable[str]) -> set[int]:
    keys = sorted(keys)
    if not keys:
        return set()
    found = {r[0] for r in conn.execute(select(canonical_keys.c.canonical_id)
                                        .where(canonical_keys.c.key.in_(keys)).distinct())}
    return found - _frozen(conn, found)


def new_canonical(conn: Connection, event_type: str) -> int:
    key = conn.execute(insert(canonical_events), {
        "type": event_type, "args": "{}", "conflicts": "{}", "updated_at": _now(),
    }).inserted_primary_key
    assert key is not None
    return int(key[0])


def add_keys(conn: Connection, canonical_id: int, keys: set[str]) -> None:
    have = {r[0] for r in conn.execute(select(canonical_keys.c.key)
                                       .where(canonical_keys.c.canonical_id == canonical_id))}
    fresh = sorted(keys - have)
    if fresh:
        conn.execute(insert(canonical_keys),
                     [{"key": k, "canonical_id": canonical_id} for k in fresh])


def _set_keys(conn: Connection, canonical_id: int, members: Iterable[Facts]) -> None:
    conn.execute(delete(canonical_keys).where(canonical_keys.c.canonical_id == canonical_id))
    keys: set[str] = set()
    for facts in members:
        keys |= index_keys(facts)
    add_keys(conn, canonical_id, keys)


def refresh(conn: Connection, canonical_ids: Iterable[int]) -> None:
    """Recompute the values of these canonical events from their members; one left
    without members is deleted."""
    for canonical_id in sorted(set(canonical_ids)):
        rows = event_rows(conn, canonical_members.c.canonical_id == canonical_id)
        if not rows:
            conn.execute(delete(canonical_events).where(canonical_events.c.id == canonical_id))
            continue
        args = args_of(conn, [r.id for r in rows])
        rows = sorted(rows, key=_order)
        values = canonical_values([MemberView(r.id, r.doc_key, r.date, r.status, args[r.id])
                                   for r in rows])
        # a reviewer may have changed the type of the member that kept the canonical id
        conn.execute(update(canonical_events).where(canonical_events.c.id == canonical_id)
                     .values(type=rows[0].type, date=values["date"], status=values["status"],
                             args=json.dumps(values["args"], sort_keys=True),
                             conflicts=json.dumps(values["conflicts"], sort_keys=True),
                             updated_at=_now()))


@dataclass
class _Group:
    """Mentions that match one another, with what linking them needs."""

    facts: dict[int, Facts] = field(default_factory=dict)
    canonical: dict[int, int | None] = field(default_factory=dict)
    edges: dict[Pair, Strength] = field(default_factory=dict)
    neighbours: dict[int, set[int]] = field(default_factory=dict)
    stories: set[Pair] = field(default_factory=set)  # (event in the group, other event)
    compared: set[int] = field(default_factory=set)  # relations with earlier mentions stored
    fresh: set[int] = field(default_factory=set)  # compared in this run


def _load(conn: Connection, group: _Group, condition: Any) -> list[int]:
    rows = [r for r in event_rows(conn, condition) if r.id not in group.facts]
    for facts, row in zip(facts_of(rows, args_of(conn, [r.id for r in rows])), rows,
                          strict=True):
        group.facts[row.id] = facts
        group.canonical[row.id] = row.canonical_id
        if row.compared:
            group.compared.add(row.id)
    return [r.id for r in rows]


Related = list[tuple[int, Decision, Strength]]  # other event, what it is to this one


def _compare(conn: Connection, group: _Group, event_id: int,
             members_of: dict[int, set[int]]) -> Related:
    """Compare a mention with the members of the canonical events its keys find, and
    store what it shares with them. `members_of` caches the members of canonical events
    loaded so far."""
    mine = group.facts[event_id]
    found = sorted(_candidates(conn, lookup_keys(mine)))
    fresh = set(found) - set(members_of)
    if fresh:
        _load(conn, group, canonical_members.c.canonical_id.in_(sorted(fresh)))
        members_of.update({c: set() for c in fresh})
        for other_id, owner in group.canonical.items():
            if owner in fresh:
                members_of[owner].add(other_id)
    related: Related = []
    for canonical_id in found:
        for other_id in sorted(members_of[canonical_id]):
            if other_id == event_id:
                continue
            relation = relate(mine, group.facts[other_id])
            if relation.decision is not Decision.APART:
                related.append((other_id, relation.decision, (relation.strength,
                                                              relation.exact)))
    _store(conn, event_id, related)
    group.compared.add(event_id)
    group.fresh.add(event_id)
    return related


def _store(conn: Connection, event_id: int, related: Related) -> None:
    have = {(r.first_id, r.second_id) for r in conn.execute(
        select(link_relations.c.first_id, link_relations.c.second_id).where(
            (link_relations.c.first_id == event_id) | (link_relations.c.second_id == event_id)))}
    rows = {}
    for other_id, decision, (strength, exact) in related:
        pair = (min(event_id, other_id), max(event_id, other_id))
        if pair not in have:
            rows[pair] = {"first_id": pair[0], "second_id": pair[1], "strength": strength,
                          "exact": exact, "kind": "same" if decision is Decision.SAME
                          else "story"}
    if rows:
        conn.execute(insert(link_relations), [rows[p] for p in sorted(rows)])


def _stored(conn: Connection, group: _Group, event_ids: list[int]) -> dict[int, Related]:
    """The relations kept for mentions compared before, with mentions in canonical events
    a reviewer did not freeze."""
    out: dict[int, Related] = {e: [] for e in event_ids}
    if not event_ids:
        return out
    ids = sorted(set(event_ids))
    rows = list(conn.execute(select(link_relations).where(
        link_relations.c.first_id.in_(ids) | link_relations.c.second_id.in_(ids))
        .order_by(link_relations.c.first_id, link_relations.c.second_id)))
    others = {r.first_id for r in rows} | {r.second_id for r in rows}
    _load(conn, group, events.c.id.in_(sorted(others - set(group.facts))))
    frozen = _frozen(conn, {c for o in others if (c := group.canonical.get(o)) is not None})
    for r in rows:
        decision = Decision.SAME if r.kind == "same" else Decision.STORY
        for mine, other in ((r.first_id, r.second_id), (r.second_id, r.first_id)):
            if mine in out and other in group.facts \
                    and group.canonical.get(other) not in frozen:
                out[mine].append((other, decision, (r.strength, r.exact)))
    return {mine: sorted(related) for mine, related in out.items()}


def _gather(conn: Connection, seeds: list[int], group: _Group, limit: int) -> set[int]:
    """The seeds and every mention reachable from them through matches (at most `limit`
    compared), recording matches and story links on the way."""
    members_of: dict[int, set[int]] = {}
    seen = set(seeds)
    todo = list(seeds)
    while todo and len(seen) <= limit:
        # breadth first, one level at a time, so that the kept relations of a level are
        # read in one statement
        level, todo = todo, []
        kept = _stored(conn, group, [e for e in level if e in group.compared])
        for event_id in level:
            if len(seen) > limit:
                break
            related = kept[event_id] if event_id in kept \
                else _compare(conn, group, event_id, members_of)
            _record(group, event_id, related, seen, todo)
    return connected(seeds, group.neighbours) & seen


def _record(group: _Group, event_id: int, related: Related, seen: set[int],
            todo: list[int]) -> None:
    """Note a mention's matches and story links; the mentions it reaches are searched next."""
    for other_id, decision, strength in related:
        if decision is Decision.SAME:
            group.edges[(min(event_id, other_id), max(event_id, other_id))] = strength
            group.neighbours.setdefault(event_id, set()).add(other_id)
            group.neighbours.setdefault(other_id, set()).add(event_id)
            if other_id not in seen:
                seen.add(other_id)
                todo.append(other_id)
        else:
            group.stories.add((event_id, other_id))


def _conflict(a: Facts, b: Facts) -> bool:
    return bool(relate(a, b).conflict)


def _assign(conn: Connection, group: _Group, parts: list[frozenset[int]], event_type: str,
            result: LinkResult) -> dict[int, int]:
    """A canonical id for each part: the one most of its members already have (ids are
    reused, never shared), else a new one. Returns event id -> canonical id."""
    taken: set[int] = set()
    out: dict[int, int] = {}
    for part in parts:
        counts: dict[int, int] = {}
        for event_id in part:
            current = group.canonical.get(event_id)
            if current is not None and current not in taken:
                counts[current] = counts.get(current, 0) + 1
        if counts:
            chosen = min(counts, key=lambda c: (-counts[c], c))
        else:
            chosen = new_canonical(conn, event_type)
            result.created += 1
        taken.add(chosen)
        out.update({event_id: chosen for event_id in part})
    return out


def _rewrite(conn: Connection, group: _Group, members: set[int], seeds: set[int],
             result: LinkResult, together: dict[Pair, Strength]) -> None:
    """Partition the group and write it: memberships, keys, story links."""
    facts = {i: group.facts[i] for i in members}
    edges = {p: s for p, s in {**group.edges, **together}.items()
             if p[0] in members and p[1] in members}
    parts = partition(facts, edges, _conflict)
    before = {group.canonical[i] for i in members} - {None}
    placed = _assign(conn, group, parts, next(iter(facts.values())).type, result)
    changed = {c for i in seeds if (c := group.canonical.get(i)) is not None}
    for event_id, canonical_id in sorted(placed.items()):
        current = group.canonical[event_id]
        if current == canonical_id:
            continue
        if current is None:
            conn.execute(insert(canonical_members), {
                "event_id": event_id, "canonical_id": canonical_id, "pinned": False})
            result.joined += canonical_id in before
        else:
            conn.execute(update(canonical_members)
                         .where(canonical_members.c.event_id == event_id)
                         .values(canonical_id=canonical_id))
            changed.add(current)
        changed.add(canonical_id)
        group.canonical[event_id] = canonical_id
    gone = before - set(placed.values())
    result.merged += len(gone)
    if gone:
        conn.execute(delete(canonical_events).where(canonical_events.c.id.in_(sorted(gone))))
    for canonical_id in sorted(changed - gone):
        _set_keys(conn, canonical_id, [facts[i] for i in members if placed[i] == canonical_id])
    _relink_stories(conn, group, members, set(placed.values()), result)
    result.touched = (result.touched - gone) | (changed - gone)


def _relink_stories(conn: Connection, group: _Group, members: set[int],
                    canonical_ids: set[int], result: LinkResult) -> None:
    """The story links of these canonical events, from the stages their members report."""
    involved = story_links.c.earlier_id.in_(sorted(canonical_ids)) | \
        story_links.c.later_id.in_(sorted(canonical_ids))
    had = {(r.earlier_id, r.later_id) for r in conn.execute(select(story_links).where(involved))}
    links: set[tuple[int, int]] = set()
    for mine, other in group.stories:
        if mine not in members or group.canonical.get(other) is None:
            continue
        first, _ = story_order(group.facts[mine], group.facts[other])
        ids = (group.canonical[mine], group.canonical[other])
        earlier, later = ids if first.event_id == mine else ids[::-1]
        if earlier is not None and later is not None and earlier != later:
            links.add((earlier, later))
    if had != links:
        conn.execute(delete(story_links).where(involved))
        if links:
            conn.execute(insert(story_links), [{"earlier_id": e, "later_id": later}
                                               for e, later in sorted(links)])
    result.story_links += len(links - had)


def _members(conn: Connection, group: _Group, seed: int,
             limit: int) -> tuple[set[int], dict[Pair, Strength]]:
    """The seed's group: every mention linked to it through matches, with the other members
    of their canonical events. A group too large to partition is cut down to the seed,
    its own matches and their canonical events, which are kept whole (the pairs returned
    hold each together)."""
    members = _gather(conn, [seed], group, limit)
    together: dict[Pair, Strength] = {}
    if len(members) > limit:
        members = {seed} | group.neighbours.get(seed, set())
        kept: dict[int, list[int]] = {}
        for event_id, canonical_id in sorted(group.canonical.items()):
            if canonical_id is not None:
                kept.setdefault(canonical_id, []).append(event_id)
        for ids in kept.values():
            together.update({(a, b): KEEP_TOGETHER for a, b in zip(ids, ids[1:], strict=False)})
    canonical_ids = {group.canonical[i] for i in members} - {None}
    if canonical_ids:  # their other members, not all of which the search reached
        _load(conn, group, canonical_members.c.canonical_id.in_(sorted(canonical_ids)))
    return members | {i for i, c in group.canonical.items() if c in canonical_ids}, together


def relink(conn: Connection, event_ids: Iterable[int], result: LinkResult | None = None,
           limit: int = MAX_GROUP) -> LinkResult:
    """Partition again the mentions around these events (the new ones among them get a
    canonical event); those a reviewer placed stay where they are. A group of more than
    `limit` mentions is partitioned around each event only."""
    result = result if result is not None else LinkResult()
    wanted = sorted(set(event_ids))
    if not wanted:
        return result
    group = _Group()
    seeds = _load(conn, group, events.c.id.in_(wanted))
    _forget(conn, seeds)  # compared afresh: their facts or their neighbours may have changed
    group.compared -= set(seeds)
    pinned = _frozen(conn, {c for c in group.canonical.values() if c is not None})
    done: set[int] = set()
    for seed in seeds:
        if seed in done or group.canonical[seed] in pinned:
            continue
        members, together = _members(conn, group, seed, limit)
        _rewrite(conn, group, members, set(seeds) & members, result, together)
        done |= members
    if group.fresh:
        conn.execute(update(canonical_members).where(
            canonical_members.c.event_id.in_(sorted(group.fresh))).values(compared=True))
    refresh(conn, result.touched | pinned)
    return result


def _forget(conn: Connection, event_ids: list[int]) -> None:
    if event_ids:
        ids = sorted(event_ids)
        conn.execute(delete(link_relations).where(link_relations.c.first_id.in_(ids)
                                                  | link_relations.c.second_id.in_(ids)))
        conn.execute(update(canonical_members).where(canonical_members.c.event_id.in_(ids))
                     .values(compared=False))


def link_events(conn: Connection, condition: Any) -> LinkResult:
    """Give every event selected by `condition` that has no canonical event one."""
    rows = [r.id for r in event_rows(conn, condition) if r.canonical_id is None]
    return relink(conn, rows)


def link_changed_event(conn: Connection, event_id: int, stale: Iterable[int]) -> LinkResult:
    """Link an event again after a reviewer changed its facts (type, date, status, roles);
    when the change removed it (undoing an added event), partition again what is left of
    `stale`, the canonical events it was in before the change (`canonical_of_event`)."""
    result = LinkResult()
    if conn.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None:
        return relink(conn, [event_id], result)
    _relink_left(conn, stale, result)
    return result


def _relink_left(conn: Connection, stale: Iterable[int], result: LinkResult) -> None:
    """Partition again what is left of canonical events that lost members; delete those
    left with none."""
    ids = sorted(set(stale))
    if ids:
        relink(conn, [r.id for r in event_rows(
            conn, canonical_members.c.canonical_id.in_(ids))], result)
        refresh(conn, ids)


def canonical_of_event(conn: Connection, event_id: int) -> set[int]:
    return {r[0] for r in conn.execute(select(canonical_members.c.canonical_id)
                                       .where(canonical_members.c.event_id == event_id))}


def canonical_around(conn: Connection, document_id: int) -> set[int]:
    """The canonical events of a document's events: taken before the document's events are
    replaced (re-extraction), so that `link_document` can bring them up to date."""
    return {r[0] for r in conn.execute(
        select(canonical_members.c.canonical_id).join(
            events, events.c.id == canonical_members.c.event_id).where(
            events.c.document_id == document_id).distinct())}


def link_document(conn: Connection, document_id: int,
                  stale: Iterable[int] = ()) -> LinkResult:
    """Link the events of one stored document (the ingest write path calls this). `stale`
    canonical events (from `canonical_around`, taken before the document's events were
    replaced) are partitioned again from the members they have left, or deleted."""
    result = LinkResult()
    _relink_left(conn, stale, result)
    fresh = [r.id for r in event_rows(conn, events.c.document_id == document_id)
             if r.canonical_id is None]
    return relink(conn, fresh, result)
