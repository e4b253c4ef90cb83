"""Facet counts: how many events each value of a filter would give, under the other filters.

Counted by mention (each document's event) or, folded (`fold=True`, as the feed lists them),
by real event: the mentions of one canonical event (`canonical_members`) count once, and a
mention linked to no other counts as its own event. Folded, a value counts the real events
with at least one mention kept by the other filters that carries it, so a real event whose
mentions differ in status counts once under each status, and once in the total.

Counting parties or outlets over every stored event takes a large part of a second at
100,000 events, and the answer only changes when the database does: counts are kept until
it does (`materiel.store.cache`). A cold count is kept short by doing each costly piece
once: by mention, the type, status, review and confidence facets come from one grouped
statement (folded, one per facet: groups of mentions cannot be added up), and a search or a
party named by text is looked up once for every facet (`shared_matches`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    case,
    distinct,
    func,
    literal_column,
    select,
    union,
)

from materiel.models import EVENT_TYPES
from materiel.store import cache
from materiel.store.events import PARTY_ROLES
from materiel.store.query import (
    LATER_COPIES,
    EventQuery,
    Freshness,
    filter_conditions,
    freshness,
    shared_matches,
)
from materiel.store.repository import Store
from materiel.store.schema import canonical_members, documents, event_args, events
from materiel.store.time_limit import Deadline, TimedOut, within

FACETS = ("type", "status", "review", "party", "item", "country", "outlet", "confidence")
CONFIDENCE_STEPS = (0.9, 0.7, 0.5)
# facets over the events' own columns, counted together (see `_scalar_facets`)
SCALAR = ("type", "status", "review", "confidence")
# a facet over at most 1/FEW of the stored events looks their arguments up one by one
FEW = 20


class Counted(NamedTuple):
    """The events a facet counts: as terms on `events`, and on `event_args.event_id`."""

    events: list[ColumnElement[bool]]
    args: list[ColumnElement[bool]]


def real_event(event_id: ColumnElement[int]) -> ColumnElement[int]:
    """The real event of the mention `event_id` (joined to `canonical_members`): its
    canonical event's id, or minus its own id where it is linked to no other."""
    return func.coalesce(canonical_members.c.canonical_id, -event_id)


def _with_members(table: Any, event_id: ColumnElement[int]) -> Any:
    return table.outerjoin(canonical_members, canonical_members.c.event_id == event_id)


class FacetValue(NamedTuple):
    value: str  # what the filter takes (a knowledge-base id where there is one)
    label: str  # what a reader sees
    events: int


Facets = dict[str, list[FacetValue]]


@dataclass(frozen=True)
class Counts:
    facets: Facets  # the facets counted, in the order asked for
    timed_out: tuple[str, ...]  # those whose count did not finish in time: no counts at all
    total: int | None  # the events under the query; None when its count did not finish


def clear_cache() -> None:
    cache.clear()


def facet_counts(store: Store, q: EventQuery, *, top: int = 20,
                 facets: tuple[str, ...] = FACETS, fresh: Freshness | None = None,
                 fold: bool = False) -> Facets:
    """Counts of events by each facet's values under `q`, most first (`top` at most);
    `fold`: real events, not mentions.

    A facet's counts leave out its own filter (the others stay), so with type=aid chosen the
    type facet still shows how many events every other type would give.
    """
    return count_facets(store, q, top=top, facets=facets, fresh=fresh, fold=fold).facets


def count_facets(store: Store, q: EventQuery, *, top: int = 20,
                 facets: tuple[str, ...] = FACETS, time_limit: float | None = None,
                 fresh: Freshness | None = None, fold: bool = False) -> Counts:
    """`facet_counts` within `time_limit` seconds (None: however long it takes): a facet
    whose count has not finished by then is reported as timed out. Each finished count is
    kept until the database changes, so a later request counts only what is still missing.
    """
    unknown = [name for name in facets if name not in FACETS]
    if unknown:
        raise ValueError(f"unknown facet {unknown[0]!r}; one of {', '.join(FACETS)}")
    stored = fresh or freshness(store)
    deadline = Deadline.after(time_limit)
    # "scalar": the type, status, review and confidence facets, counted together (by
    # mention one statement for all four); the kept counts of each mode are kept apart
    parts = list(dict.fromkeys("scalar" if name in SCALAR else name for name in facets))
    rows = "events" if fold else "mentions"
    done = {part: cache.lookup(store, ("facets", q, top, part, rows), stored)
            for part in parts}
    missing = [part for part in parts if done[part] is cache.MISSING]
    if missing:
        with store.engine.connect() as conn:
            _count_parts(conn, q, top, missing, done, deadline, stored.events, fold)
        for part in missing:
            if done[part] is not cache.MISSING:
                cache.keep(store, ("facets", q, top, part, rows), stored, done[part])
    found: Facets = {}
    timed_out = []
    for name in facets:
        part = "scalar" if name in SCALAR else name
        if done[part] is cache.MISSING:
            timed_out.append(name)
        else:
            found[name] = done[part][0][name] if part == "scalar" else done[part]
    scalar = done.get("scalar", cache.MISSING)
    return Counts(found, tuple(timed_out), None if scalar is cache.MISSING else scalar[1])


def _count_parts(conn: Connection, q: EventQuery, top: int, parts: list[str],
                 done: dict[str, Any], deadline: Deadline, stored: int, fold: bool) -> None:
    """Count each part into `done`, in order, while the deadline allows (a part that runs
    out of time stays missing). The costly terms of `q` are looked up once for them all."""
    try:
        with within(conn, deadline):
            shared = shared_matches(conn, q) if len(parts) > 1 else {}
    except TimedOut:
        return
    for part in parts:
        scalar = done.get("scalar", cache.MISSING)
        mentions = None if scalar is cache.MISSING else scalar[2]
        try:
            with within(conn, deadline):
                done[part] = _count_part(conn, q, part, top, shared, mentions, stored, fold)
        except TimedOut:
            pass  # stays missing


def _count_part(conn: Connection, q: EventQuery, part: str, top: int,
                shared: dict[str, ColumnElement[bool]], mentions: int | None,
                stored: int, fold: bool) -> Any:
    if part == "scalar":
        return _scalar_facets(conn, q, list(SCALAR), top, shared, fold)
    events_of = _events_counted(conn, q, part, shared, mentions, stored)
    if part == "outlet":
        return _outlet_facet(conn, events_of, top, fold)
    return _argument_facet(conn, part, events_of, top, fold)


def total(counts: Facets, q: EventQuery) -> int:
    """The number of mentions under `q`, read off its type facet counted by mention (with
    every type). Folded, a real event whose mentions differ in type would count twice:
    `Counts.total` is the number to use."""
    return sum(v.events for v in counts["type"] if q.type in (None, v.value))


def _scalar_facets(conn: Connection, q: EventQuery, names: list[str], top: int,
                   shared: dict[str, ColumnElement[bool]],
                   fold: bool = False) -> tuple[Facets, int, int]:
    """The type, status, review and confidence facets from one statement: events grouped by
    type, status, review state and confidence band under every other filter; each facet then
    adds up the groups that pass the filters of the other three. Also returns the number of
    events (real ones when folded, see `_folded_scalar_facets`) and of mentions under every
    filter."""
    if fold:
        return _folded_scalar_facets(conn, q, names, top, shared)
    steps = sorted({*CONFIDENCE_STEPS, q.min_confidence} - {0.0}, reverse=True)
    # the highest step an event reaches (0: none); literals, so that GROUP BY sees the same
    # expression as the SELECT list on PostgreSQL
    band = case(*[(events.c.confidence >= literal_column(repr(s)), literal_column(repr(s)))
                  for s in steps], else_=literal_column("0.0"))
    conds = filter_conditions(conn, q, skip=SCALAR, every=True, shared=shared)
    groups = [(str(t), s, r, float(b), int(n)) for t, s, r, b, n in conn.execute(
        select(events.c.type, events.c.status, events.c.review_state, band, func.count())
        .where(*conds).group_by(events.c.type, events.c.status, events.c.review_state, band))]
    tests: dict[str, Callable[[tuple[str, Any, Any, float, int]], bool]] = {
        "type": lambda g: q.type is None or g[0] == q.type,
        "status": lambda g: q.status is None or g[1] == q.status,
        "review": lambda g: q.review is None or g[2] == q.review,
        "confidence": lambda g: g[3] >= q.min_confidence,
    }

    def chosen(facet: str) -> list[tuple[str, Any, Any, float, int]]:
        return [g for g in groups if all(test(g) for name, test in tests.items()
                                         if name != facet)]

    found: Facets = {}
    for name in names:
        if name == "confidence":
            kept = chosen(name)
            found[name] = [FacetValue(str(step), f"≥ {step:.0%}",
                                      sum(g[4] for g in kept if g[3] >= step))
                           for step in CONFIDENCE_STEPS]
            continue
        at = SCALAR.index(name)
        counts: Counter[str] = Counter()
        for g in chosen(name):
            if g[at] is not None:
                counts[str(g[at])] += g[4]
        found[name] = _ranked(name, counts, top)
    every = sum(g[4] for g in chosen(""))
    return found, every, every


def _ranked(name: str, counts: Counter[str], top: int) -> list[FacetValue]:
    # the type facet lists every type
    limit = max(top, len(EVENT_TYPES)) if name == "type" else top
    ranked = sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))[:limit]
    return [FacetValue(v, v, n) for v, n in ranked]


def _folded_scalar_facets(conn: Connection, q: EventQuery, names: list[str], top: int,
                          shared: dict[str, ColumnElement[bool]]) -> tuple[Facets, int, int]:
    """The scalar facets by real event: a value counts the distinct real events with a
    mention that carries it and passes the other filters, so a real event whose mentions
    differ in status counts under each status, and once in the total. Groups of mentions
    cannot be added up here: one statement per facet counts distinct real events, and one
    more, over the real events, gives the confidence steps, the total and the number of
    mentions."""
    conds = filter_conditions(conn, q, skip=SCALAR, every=True, shared=shared)
    table = _with_members(events, events.c.id)
    real = real_event(events.c.id)
    columns = {"type": events.c.type, "status": events.c.status,
               "review": events.c.review_state}
    own = {"type": events.c.type == q.type if q.type else None,
           "status": events.c.status == q.status if q.status else None,
           "review": events.c.review_state == q.review if q.review else None,
           "confidence": (events.c.confidence >= q.min_confidence
                          if q.min_confidence > 0 else None)}

    def others(facet: str) -> list[ColumnElement[bool]]:
        return [cond for name, cond in own.items() if name != facet and cond is not None]

    found: Facets = {}
    for name in names:
        if name in columns:
            column = columns[name]
            counts = Counter({str(v): int(n) for v, n in conn.execute(
                select(column, func.count(distinct(real))).select_from(table)
                .where(*conds, *others(name), column.is_not(None)).group_by(column))})
            found[name] = _ranked(name, counts, top)

    # a real event reaches a confidence step where its most confident kept mention does
    minimum = events.c.confidence >= q.min_confidence
    per_event = (select(func.max(events.c.confidence).label("top"),
                        func.sum(case((minimum, 1), else_=0)).label("kept"))
                 .select_from(table).where(*conds, *others("confidence"))
                 .group_by(real).subquery())

    def reaching(step: float) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((per_event.c.top >= step, 1), else_=0)), 0)

    *by_step, every, mentions = conn.execute(
        select(*[reaching(step) for step in CONFIDENCE_STEPS], reaching(q.min_confidence),
               func.coalesce(func.sum(per_event.c.kept), 0))).one()
    if "confidence" in names:
        found["confidence"] = [FacetValue(str(step), f"≥ {step:.0%}", int(n))
                               for step, n in zip(CONFIDENCE_STEPS, by_step, strict=True)]
    return found, int(every or 0), int(mentions or 0)


def _events_counted(conn: Connection, q: EventQuery, name: str,
                    shared: dict[str, ColumnElement[bool]], mentions: int | None,
                    stored: int) -> Counted:
    """The events that facet `name` counts (every filter but its own), and how a statement
    over the arguments best keeps to them: with no filter, all events or all but the later
    copies (a short list to leave out); a few events: their arguments looked up; many: a
    scan of the arguments that keeps those of the chosen events."""
    conds = filter_conditions(conn, q, skip=(name,), every=True, shared=shared)
    if name == "outlet":  # counted by document, never over the arguments
        return Counted(conds, [])
    narrowing = filter_conditions(conn, replace(q, all_copies=True), skip=(name,), every=True,
                                  shared=shared)
    if not narrowing:
        if q.all_copies:
            return Counted(conds, [])
        copies = select(events.c.id).where(events.c.document_id.in_(LATER_COPIES))
        return Counted(conds, [(event_args.c.event_id + 0).not_in(copies)])
    own = {"party": q.party, "item": q.item, "country": q.country}[name]
    size = mentions if mentions is not None and own is None else int(conn.execute(
        select(func.count()).select_from(events).where(*conds)).scalar() or 0)
    chosen = select(events.c.id).where(*conds)
    if size * FEW < stored:
        return Counted(conds, [event_args.c.event_id.in_(chosen)])
    # "+ 0": the chosen events are a filter on a scan of the index, not a list of lookups
    return Counted(conds, [(event_args.c.event_id + 0).in_(chosen)])


def _argument_facet(conn: Connection, name: str, scope: Counted,
                    top: int, fold: bool = False) -> list[FacetValue]:
    """Arguments by knowledge-base id (counted on the covering index of migration 0005,
    never reading the rows), and those without one by their name or text. Folded, each
    argument's mention is looked up in `canonical_members` (by its primary key)."""
    if name == "country":  # a range, not LIKE, so that the index serves it
        where = [event_args.c.entity_id >= "country:", event_args.c.entity_id < "country;"]
    else:
        where = [event_args.c.role.in_(PARTY_ROLES if name == "party" else ["item"])]
    chosen = scope.args
    counted_table: Any = (_with_members(event_args, event_args.c.event_id) if fold
                          else event_args)
    n = func.count(distinct(real_event(event_args.c.event_id) if fold
                            else event_args.c.event_id))
    linked = conn.execute(
        select(event_args.c.entity_id, n).select_from(counted_table)
        .where(*where, event_args.c.entity_id.is_not(None), *chosen)
        .group_by(event_args.c.entity_id).order_by(n.desc(), event_args.c.entity_id)
        .limit(top)).all()
    counted = [(int(c), str(eid), True) for eid, c in linked]
    if name != "country":
        text = func.coalesce(event_args.c.name, event_args.c.text)
        counted += [(int(c), str(t), False) for t, c in conn.execute(
            select(text, n).select_from(counted_table)
            .where(*where, event_args.c.entity_id.is_(None), *chosen)
            .group_by(text).order_by(n.desc(), text).limit(top))]
    counted.sort(key=lambda row: (-row[0], row[1]))
    kept = counted[:top]
    labels = _labels(conn, [key for _, key, is_id in kept if is_id])
    return [FacetValue(key, labels.get(key, key) if is_id else key, c)
            for c, key, is_id in kept]


def _labels(conn: Connection, entity_ids: list[str]) -> dict[str, str]:
    """A name that arguments with each of these ids carry (the first found will do): one
    statement, one index lookup per id."""
    if not entity_ids:
        return {}
    label = func.coalesce(event_args.c.name, event_args.c.text)
    row = conn.execute(select(*[
        select(label).where(event_args.c.entity_id == eid).limit(1).scalar_subquery()
        for eid in entity_ids])).one()
    return {eid: str(name) for eid, name in zip(entity_ids, row, strict=True) if name}


def _outlet_facet(conn: Connection, scope: Counted, top: int,
                  fold: bool = False) -> list[FacetValue]:
    """Events by the outlets of their story: their document's and its copies' outlets.
    Folded, the real events of each document, each counted once per outlet."""
    n: ColumnElement[Any]
    if fold:
        real = real_event(events.c.id)
        # grouped, not DISTINCT: SQLite then reads the pairs once, not once per document
        per_doc = (select(events.c.document_id, real.label("real"))
                   .select_from(_with_members(events, events.c.id))
                   .where(*scope.events).group_by(events.c.document_id, real).subquery())
        n = func.count(distinct(per_doc.c.real))
    else:
        per_doc = (select(events.c.document_id, func.count().label("n"))
                   .where(*scope.events).group_by(events.c.document_id).subquery())
        n = func.sum(per_doc.c.n)
    member = documents.alias("member")
    # (document, outlet) pairs, each once: the document's own outlet and its copies'
    pairs = union(
        select(documents.c.id.label("doc"), documents.c.outlet.label("outlet")),
        select(documents.c.id, member.c.outlet)
        .join(member, member.c.cluster_id == documents.c.cluster_id)).subquery()
    stmt = (select(pairs.c.outlet, n)
            .join(pairs, pairs.c.doc == per_doc.c.document_id)
            .where(pairs.c.outlet.is_not(None))
            .group_by(pairs.c.outlet).order_by(n.desc(), pairs.c.outlet).limit(top))
    return [FacetValue(str(v), str(v), int(c)) for v, c in conn.execute(stmt)]
