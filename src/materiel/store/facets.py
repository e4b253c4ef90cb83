"""Facet counts: how many events each value of a filter would give, under the other filters.

Counting parties or outlets over every stored event takes a large part of a second at
100,000 events, and the answer only changes when the database does: counts are kept until
it does (`materiel.store.cache`).
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import ColumnElement, Connection, case, distinct, func, select, union

from materiel.models import EVENT_TYPES
from materiel.store import cache
from materiel.store.events import PARTY_ROLES
from materiel.store.query import EventQuery, Freshness, filter_conditions
from materiel.store.repository import Store
from materiel.store.schema import documents, event_args, events

FACETS = ("type", "status", "review", "party", "item", "country", "outlet", "confidence")
CONFIDENCE_STEPS = (0.9, 0.7, 0.5)


class FacetValue(NamedTuple):
    value: str  # what the filter takes (a knowledge-base id where there is one)
    label: str  # what a reader sees
    events: int


Facets = dict[str, list[FacetValue]]

def clear_cache() -> None:
    cache.clear()


def facet_counts(store: Store, q: EventQuery, *, top: int = 20,
                 facets: tuple[str, ...] = FACETS, fresh: Freshness | None = None) -> Facets:
    """Counts of events by each facet's values under `q`, most first (`top` at most).

    A facet's counts leave out its own filter (the others stay), so with type=aid chosen the
    type facet still shows how many events every other type would give.
    """
    unknown = [name for name in facets if name not in FACETS]
    if unknown:
        raise ValueError(f"unknown facet {unknown[0]!r}; one of {', '.join(FACETS)}")

    def count() -> Facets:
        with store.engine.connect() as conn:
            return {name: _count(conn, q, name, top) for name in facets}

    return cache.cached(store, ("facets", q, top, facets), count, fresh)


def total(counts: Facets, q: EventQuery) -> int:
    """The number of events under `q`, read off its type facet (counted with every type)."""
    return sum(v.events for v in counts["type"] if q.type in (None, v.value))


def _count(conn: Connection, q: EventQuery, name: str, top: int) -> list[FacetValue]:
    conds = filter_conditions(conn, q, skip=name)
    if name == "confidence":  # every step in one pass
        sums = [func.sum(case((events.c.confidence >= step, 1), else_=0))
                for step in CONFIDENCE_STEPS]
        row = conn.execute(select(*sums).where(*conds)).one()
        return [FacetValue(str(step), f"≥ {step:.0%}", int(n or 0))
                for step, n in zip(CONFIDENCE_STEPS, row, strict=True)]
    if name in ("party", "item", "country"):
        return _argument_facet(conn, name, conds, top)
    if name == "outlet":
        return _outlet_facet(conn, conds, top)
    column = {"type": events.c.type, "status": events.c.status,
              "review": events.c.review_state}[name]
    # the type facet gives the total: it must count every type
    limit = max(top, len(EVENT_TYPES)) if name == "type" else top
    n = func.count()
    stmt = (select(column, n).where(*conds, column.is_not(None))
            .group_by(column).order_by(n.desc(), column).limit(limit))
    return [FacetValue(str(v), str(v), int(c)) for v, c in conn.execute(stmt)]


def _argument_facet(conn: Connection, name: str, conds: list[ColumnElement[bool]],
                    top: int) -> list[FacetValue]:
    """Arguments by knowledge-base id (counted on the covering index of migration 0005,
    never reading the rows), and those without one by their name or text."""
    if name == "country":  # a range, not LIKE, so that the index serves it
        where = [event_args.c.entity_id >= "country:", event_args.c.entity_id < "country;"]
    else:
        where = [event_args.c.role.in_(PARTY_ROLES if name == "party" else ["item"])]
    # "+ 0": the chosen events are a filter on a scan of the index, not a list of lookups
    # (SQLite would otherwise look every chosen event's arguments up one by one)
    chosen = (event_args.c.event_id + 0).in_(select(events.c.id).where(*conds))
    n = func.count(distinct(event_args.c.event_id))
    linked = conn.execute(
        select(event_args.c.entity_id, n)
        .where(*where, event_args.c.entity_id.is_not(None), chosen)
        .group_by(event_args.c.entity_id).order_by(n.desc(), event_args.c.entity_id)
        .limit(top)).all()
    counted = [(int(c), str(eid), True) for eid, c in linked]
    if name != "country":
        text = func.coalesce(event_args.c.name, event_args.c.text)
        counted += [(int(c), str(t), False) for t, c in conn.execute(
            select(text, n).where(*where, event_args.c.entity_id.is_(None), chosen)
            .group_by(text).order_by(n.desc(), text).limit(top))]
    counted.sort(key=lambda row: (-row[0], row[1]))
    values = []
    for c, key, is_id in counted[:top]:
        label = key
        if is_id:  # the name an argument with this id carries (any one will do)
            label = str(conn.execute(
                select(func.coalesce(event_args.c.name, event_args.c.text))
                .where(event_args.c.entity_id == key).limit(1)).scalar() or key)
        values.append(FacetValue(key, label, c))
    return values


def _outlet_facet(conn: Connection, conds: list[ColumnElement[bool]],
                  top: int) -> list[FacetValue]:
    """Events by the outlets of their story: their document's and its copies' outlets."""
    per_doc = (select(events.c.document_id, func.count().label("n"))
               .where(*conds).group_by(events.c.document_id).subquery())
    member = documents.alias("member")
    # (document, outlet) pairs, each once: the document's own outlet and its copies'
    pairs = union(
        select(documents.c.id.label("doc"), documents.c.outlet.label("outlet")),
        select(documents.c.id, member.c.outlet)
        .join(member, member.c.cluster_id == documents.c.cluster_id)).subquery()
    n = func.sum(per_doc.c.n)
    stmt = (select(pairs.c.outlet, n)
            .join(pairs, pairs.c.doc == per_doc.c.document_id)
            .where(pairs.c.outlet.is_not(None))
            .group_by(pairs.c.outlet).order_by(n.desc(), pairs.c.outlet).limit(top))
    return [FacetValue(str(v), str(v), int(c)) for v, c in conn.execute(stmt)]
