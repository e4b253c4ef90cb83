"""The feed's query: filtered events, one per story, with facet counts and search hits.

Written against the store's schema; to be folded into the shared query layer
(materiel.store.query) once that exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    distinct,
    exists,
    func,
    or_,
    select,
)

from materiel.bounds import DATE_FORMS, MAX_OFFSET, is_iso_date
from materiel.models import EVENT_TYPES
from materiel.store.events import PARTY_ROLES
from materiel.store.schema import clusters, documents, event_args, events, sources
from materiel.store.search import event_matches, highlight_evidence, search_documents

PAGE_SIZE = 50
FACET_SIZE = 12
CONFIDENCE_STEPS = (0.9, 0.7, 0.5)
_member = documents.alias("member")  # a document of the event's story (itself or a copy)


@dataclass(frozen=True)
class FeedFilter:
    type: str | None = None
    party: str | None = None
    item: str | None = None
    status: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float | None = None
    q: str | None = None
    page: int = 1

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; known: {', '.join(EVENT_TYPES)}")
        for bound in (self.date_from, self.date_to):
            if bound is not None and not is_iso_date(bound):
                raise ValueError(f"not a {DATE_FORMS} date: {bound!r}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError("confidence must be within 0..1")
        if not 1 <= self.page <= MAX_OFFSET // PAGE_SIZE:
            raise ValueError(f"no page {self.page}")

    def params(self, **changes: Any) -> dict[str, str]:
        """The filter as query parameters (empty ones left out), with `changes` applied."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        if values.get("page") == 1:
            values.pop("page")
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


@dataclass
class Facet:
    name: str
    values: list[tuple[str, str, int]]  # (value, label, count)


@dataclass
class FeedPage:
    rows: list[dict[str, Any]]
    total: int
    facets: list[Facet]
    documents: list[Any] = field(default_factory=list)  # search hits among documents
    has_more: bool = False


def _arg_condition(roles: list[str], needle: str) -> ColumnElement[bool]:
    """Events with an argument in `roles` naming `needle`: a knowledge-base id ("kind:slug",
    found by index), else any argument whose text or name holds it."""
    arg = event_args.alias()  # its own: facet queries join event_args themselves
    if ":" in needle:
        named = arg.c.entity_id == needle
    else:
        lowered = needle.lower()
        named = or_(func.lower(arg.c.name).contains(lowered, autoescape=True),
                    func.lower(arg.c.text).contains(lowered, autoescape=True))
    return events.c.id.in_(select(arg.c.event_id).where(arg.c.role.in_(roles), named))


def _in_story() -> ColumnElement[bool]:
    """Joins `_member` to the documents of the event's story."""
    return or_(_member.c.id == documents.c.id,
               and_(documents.c.cluster_id.is_not(None),
                    _member.c.cluster_id == documents.c.cluster_id))


def _conditions(conn: Connection, flt: FeedFilter, skip: str = "") -> list[ColumnElement[bool]]:
    # by default a syndicated story's events are listed once, from its first document
    conds: list[ColumnElement[bool]] = [or_(documents.c.cluster_id.is_(None),
                                            clusters.c.canonical_document_id == documents.c.id)]
    if flt.type and skip != "type":
        conds.append(events.c.type == flt.type)
    if flt.status and skip != "status":
        conds.append(events.c.status == flt.status)
    if flt.date_from:
        conds.append(events.c.date >= flt.date_from)
    if flt.date_to:
        conds.append(events.c.date <= flt.date_to + "\uffff")  # "2024-06" takes all of June
    if flt.min_confidence is not None and skip != "confidence":
        conds.append(events.c.confidence >= flt.min_confidence)
    if flt.party and skip != "party":
        conds.append(_arg_condition(PARTY_ROLES, flt.party))
    if flt.item and skip != "item":
        conds.append(_arg_condition(["item"], flt.item))
    if flt.outlet and skip != "outlet":
        conds.append(exists().where(_in_story(), _member.c.outlet == flt.outlet))
    if flt.q and flt.q.strip():
        conds.append(event_matches(conn, flt.q))
    return conds


def _base(query: Select[Any]) -> Select[Any]:
    return (query.select_from(events)
            .join(documents, documents.c.id == events.c.document_id)
            .outerjoin(clusters, clusters.c.id == documents.c.cluster_id))


def _arg_facet(conn: Connection, flt: FeedFilter, name: str, roles: list[str]) -> Facet:
    key = func.coalesce(event_args.c.entity_id, event_args.c.name, event_args.c.text)
    n = func.count(distinct(events.c.id))
    query = (_base(select(key.label("key"), func.max(func.coalesce(event_args.c.name,
                                                                     event_args.c.text)), n))
             .join(event_args, event_args.c.event_id == events.c.id)
             .where(event_args.c.role.in_(roles), *_conditions(conn, flt, skip=name))
             .group_by(key).order_by(n.desc(), key).limit(FACET_SIZE))
    return Facet(name, [(r[0], r[1], r[2]) for r in conn.execute(query)])


def _column_facet(conn: Connection, flt: FeedFilter, name: str, col: Any,
                  *, story: bool = False) -> Facet:
    # an event meets a story's documents once each: only then can it count twice
    n = func.count(distinct(events.c.id)) if story else func.count()
    query = _base(select(col, n))
    if story:
        query = query.join(_member, _in_story())
    query = (query.where(col.is_not(None), *_conditions(conn, flt, skip=name))
             .group_by(col).order_by(n.desc(), col).limit(FACET_SIZE))
    return Facet(name, [(r[0], r[0], r[1]) for r in conn.execute(query)])


def _confidence_facet(conn: Connection, flt: FeedFilter) -> Facet:
    conds = _conditions(conn, flt, skip="confidence")
    values = []
    for step in CONFIDENCE_STEPS:
        n = conn.execute(_base(select(func.count())).where(
            events.c.confidence >= step, *conds)).scalar()
        values.append((str(step), f"≥ {step:.0%}", int(n or 0)))
    return Facet("confidence", values)


def facets(conn: Connection, flt: FeedFilter) -> list[Facet]:
    """Counts for each filter's values, under every other filter in force."""
    return [
        _column_facet(conn, flt, "type", events.c.type),
        _column_facet(conn, flt, "status", events.c.status),
        _arg_facet(conn, flt, "party", PARTY_ROLES),
        _arg_facet(conn, flt, "item", ["item"]),
        _column_facet(conn, flt, "outlet", _member.c.outlet, story=True),
        _confidence_facet(conn, flt),
    ]


def _story_support(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Adds how many documents and outlets report each event's story."""
    doc_ids = {r["document_id"] for r in rows}
    cluster_ids = {r["cluster_id"] for r in rows if r["cluster_id"] is not None}
    members: dict[int, set[int]] = {}
    if cluster_ids:
        for cid, did in conn.execute(select(documents.c.cluster_id, documents.c.id)
                                     .where(documents.c.cluster_id.in_(cluster_ids))):
            members.setdefault(cid, set()).add(did)
            doc_ids.add(did)
    outlets: dict[int, set[str]] = {}
    for query in (select(documents.c.id, documents.c.outlet).where(documents.c.id.in_(doc_ids)),
                  select(sources.c.document_id, sources.c.outlet)
                  .where(sources.c.document_id.in_(doc_ids))):
        for did, outlet in conn.execute(query):
            if outlet:
                outlets.setdefault(did, set()).add(outlet)
    for r in rows:
        story = members.get(r["cluster_id"], {r["document_id"]}) if r["cluster_id"] else {
            r["document_id"]}
        r["documents"] = len(story)
        r["outlets"] = len(set().union(*(outlets.get(d, set()) for d in story)))


def _add_args(conn: Connection, rows: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["party_args"], r["item_args"] = [], []
    for a in conn.execute(select(event_args).where(event_args.c.event_id.in_(list(by_id)))
                          .order_by(event_args.c.event_id, event_args.c.role, event_args.c.idx)):
        arg = {"role": a.role, "text": a.text, "name": a.name, "entity_id": a.entity_id}
        if a.role == "item":
            by_id[a.event_id]["item_args"].append(arg)
        elif a.role in PARTY_ROLES:
            by_id[a.event_id]["party_args"].append(arg)


def feed(conn: Connection, flt: FeedFilter) -> FeedPage:
    conds = _conditions(conn, flt)
    query = (_base(select(events.c.id, events.c.type, events.c.date, events.c.status,
                          events.c.summary, events.c.evidence, events.c.confidence,
                          events.c.flags, events.c.document_id, documents.c.cluster_id))
             .where(*conds)
             .order_by(events.c.date.desc().nulls_last(), events.c.id.desc())
             .limit(PAGE_SIZE + 1).offset((flt.page - 1) * PAGE_SIZE))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    total = int(conn.execute(_base(select(func.count())).where(*conds)).scalar() or 0)
    hits: list[Any] = []
    if rows:
        _add_args(conn, rows)
        _story_support(conn, rows)
    if flt.q and flt.q.strip():
        marked = highlight_evidence(conn, flt.q, [r["id"] for r in rows])
        for r in rows:
            r["marked"] = marked.get(r["id"])
        hits = search_documents(conn, flt.q, limit=10)
    return FeedPage(rows, total, facets(conn, flt), hits, has_more)
