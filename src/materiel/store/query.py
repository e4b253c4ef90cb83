"""Reading events for the API, the web pages, exports and the CLI.

Pages are cut by keyset (an opaque cursor holding the last row's sort key and id), so rows
written between two pages neither repeat nor push others out. `iter_events` streams a whole
selection from one sorted query inside one read snapshot, a batch at a time, so an export
of a million events never holds more than one batch in memory.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections import Counter
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pycountry
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    union,
)

from materiel.bounds import DATE_FORMS, STATUSES, is_iso_date
from materiel.models import EVENT_TYPES
from materiel.store.events import PARTY_ROLES, among, cluster_copies, other_evidence
from materiel.store.repository import Store
from materiel.store.schema import (
    audit_log,
    clusters,
    documents,
    event_args,
    events,
    sentences,
    sources,
)
from materiel.store.search import event_matches, is_common

SORTS = ("newest", "least_confident", "document")  # "document": grouped by document
REVIEW_STATES = ("unreviewed", "accepted", "rejected", "edited")
MAX_PAGE = 1000
BATCH = 500  # rows fetched at a time when streaming
MAX_TEXT = 200  # characters of a search or a name filter that are looked at

# The sort keys, with NULL dates last on every backend (SQLite and PostgreSQL disagree).
# Written as in the indexes of migration 0005 (a literal, not a bound parameter, so that
# SQLite sees the indexed expression).
_DATE_KEY = func.coalesce(events.c.date, literal_column("''"))
_KB_ID = re.compile(r"[a-z_]+:\S+")  # "country:FI", "company:saab"


@dataclass(frozen=True)
class EventQuery:
    """Which events: every field narrows the selection; None (or 0) leaves it open."""

    type: str | None = None
    party: str | None = None  # a party role's text, name or entity id (substring)
    item: str | None = None
    country: str | None = None  # ISO code, "country:XX" or a country's name
    entity: str | None = None  # exact knowledge-base id, in any role
    status: str | None = None
    outlet: str | None = None
    date_from: str | None = None  # ISO prefix, inclusive
    date_to: str | None = None  # ISO prefix, inclusive ("2024-06" takes all of June)
    min_confidence: float = 0.0
    max_confidence: float = 1.0
    review: str | None = None  # review state, one of REVIEW_STATES
    text: str | None = None  # full-text search over evidence, summaries and documents
    doc: str | None = None  # the input's own id
    all_copies: bool = False  # list the events of every copy of a syndicated story
    sort: str = "newest"

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; one of {', '.join(EVENT_TYPES)}")
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")
        if self.review is not None and self.review not in REVIEW_STATES:
            raise ValueError(f"unknown review state {self.review!r}; "
                             f"one of {', '.join(REVIEW_STATES)}")
        for name in ("party", "item", "outlet", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_TEXT:
                raise ValueError(f"{name} is longer than {MAX_TEXT} characters")
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; one of {', '.join(SORTS)}")
        for bound in (self.date_from, self.date_to):
            if bound is not None and not is_iso_date(bound):
                raise ValueError(f"not a {DATE_FORMS} date: {bound!r}")
        if not 0.0 <= self.min_confidence <= self.max_confidence <= 1.0:
            raise ValueError("confidence bounds must satisfy 0 <= min <= max <= 1")
        if self.country is not None:
            country_id(self.country)  # raises on an unknown country

    def to_json(self) -> dict[str, Any]:
        """The fields that narrow the selection (for manifests and links)."""
        default = EventQuery()
        return {k: v for k, v in self.__dict__.items() if v != getattr(default, k)}


def country_id(value: str) -> str:
    """The knowledge-base id ("country:FI") of an ISO code, an id, or a country's name."""
    code = value.removeprefix("country:").strip()
    try:
        found = pycountry.countries.lookup(code)
    except LookupError:
        raise ValueError(f"unknown country {value!r}") from None
    return f"country:{found.alpha_2}"


@dataclass
class EventPage:
    items: list[dict[str, Any]]
    next_cursor: str | None


@dataclass
class Freshness:
    """How far the database has got: for manifests and caches."""

    last_change: str | None
    documents: int
    events: int
    last_event_id: int | None
    last_review_id: int | None = None  # the audit log's newest entry

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


# -- cursors ------------------------------------------------------------------------------------


def encode_cursor(sort: str, key: Any, event_id: int) -> str:
    raw = json.dumps([sort, key, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, int]:
    """The sort key and id in `cursor`; ValueError when it is not one of ours for `sort`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, key, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise ValueError("not a valid cursor") from None
    valid_key = isinstance(key, str) if sort == "newest" else isinstance(key, int | float)
    valid_key = valid_key and not isinstance(key, bool)
    if name != sort or not valid_key or not isinstance(event_id, int):
        raise ValueError("not a valid cursor for this sort")
    return key, event_id


def _sort_key(sort: str) -> ColumnElement[Any]:
    return {"newest": _DATE_KEY, "least_confident": events.c.confidence,
            "document": events.c.document_id}[sort]


def sort_order(sort: str) -> list[ColumnElement[Any]]:
    if sort == "newest":
        return [_DATE_KEY.desc(), events.c.id.desc()]
    return [_sort_key(sort).asc(), events.c.id.asc()]


def after_cursor(sort: str, key: Any, event_id: int) -> ColumnElement[bool]:
    column = _sort_key(sort)
    if sort == "newest":
        return or_(column < key, and_(column == key, events.c.id < event_id))
    return or_(column > key, and_(column == key, events.c.id > event_id))


def _key_of(sort: str, record: dict[str, Any]) -> Any:
    if sort == "newest":
        return record["date"] or ""
    return record["confidence"] if sort == "least_confident" else record["document_id"]


def _cursor_of(sort: str, record: dict[str, Any]) -> str:
    return encode_cursor(sort, _key_of(sort, record), record["event_id"])


# -- conditions ---------------------------------------------------------------------------------


def _arg_matches(roles: list[str] | None, needle: str, *, every: bool) -> ColumnElement[bool]:
    """Events with an argument (in `roles`) naming `needle`: a knowledge-base id is looked
    up by index; other text matches part of an argument's text or name, any case.

    `every`: the statement looks at every event (counts): the events found are listed once,
    by one pass over the arguments. Otherwise (a page) each event met in the page's
    order is checked, which stops as soon as the page is full.
    """
    if _KB_ID.fullmatch(needle):
        return _has_entity(needle, roles)
    lowered = needle.lower()
    conds = [or_(func.lower(event_args.c.text).contains(lowered, autoescape=True),
                 func.lower(event_args.c.name).contains(lowered, autoescape=True))]
    if roles is not None:
        conds.append(event_args.c.role.in_(roles))
    if every:
        return (events.c.id + 0).in_(select(event_args.c.event_id).where(*conds))
    return exists().where(event_args.c.event_id == events.c.id, *conds)


def _has_entity(entity_id: str, roles: list[str] | None = None) -> ColumnElement[bool]:
    found = select(event_args.c.event_id).where(event_args.c.entity_id == entity_id)
    if roles is not None:
        found = found.where(event_args.c.role.in_(roles))
    return events.c.id.in_(found)


def _story_outlet(outlet: str) -> ColumnElement[bool]:
    """Events whose document, or a copy of its story, comes from `outlet` (any case)."""
    named = func.lower(documents.c.outlet) == outlet.lower()
    member = documents.alias("member")
    copies = (select(documents.c.id)
              .join(member, member.c.cluster_id == documents.c.cluster_id)
              .where(func.lower(member.c.outlet) == outlet.lower()))
    return events.c.document_id.in_(union(select(documents.c.id).where(named), copies))


def filter_conditions(conn: Connection, q: EventQuery, *, skip: Collection[str] = (),
                      every: bool = False,
                      shared: dict[str, ColumnElement[bool]] | None = None
                      ) -> list[ColumnElement[bool]]:
    """WHERE terms for `q`, leaving out the facets named in `skip` (for their own counts).

    `every`: the statement looks at every event (counts), not the first page of them.
    `shared`: terms already worked out once by `shared_matches`, used as they are.
    """
    shared = shared or {}
    conds: list[ColumnElement[bool]] = []
    if q.type and "type" not in skip:
        conds.append(events.c.type == q.type)
    if q.status and "status" not in skip:
        conds.append(events.c.status == q.status)
    if q.review and "review" not in skip:
        conds.append(events.c.review_state == q.review)
    if q.outlet and "outlet" not in skip:
        conds.append(_story_outlet(q.outlet))
    if q.party and "party" not in skip:
        conds.append(shared.get("party", _arg_matches(PARTY_ROLES, q.party, every=every)))
    if q.item and "item" not in skip:
        conds.append(shared.get("item", _arg_matches(["item"], q.item, every=every)))
    if q.country and "country" not in skip:
        conds.append(_has_entity(country_id(q.country)))
    if q.entity:
        conds.append(_has_entity(q.entity))
    if q.text and q.text.strip():
        conds.append(shared.get("text", event_matches(conn, q.text)))
    if q.date_from:
        conds.append(events.c.date >= q.date_from)
    if q.date_to:
        conds.append(events.c.date <= q.date_to + "\uffff")
    if q.min_confidence > 0 and "confidence" not in skip:
        conds.append(events.c.confidence >= q.min_confidence)
    if q.max_confidence < 1:
        conds.append(events.c.confidence <= q.max_confidence)
    if q.doc:
        conds.append(events.c.document_id.in_(
            select(documents.c.id).where(documents.c.doc_key == q.doc)))
    if not q.all_copies and not q.doc:
        conds.append(events.c.document_id.not_in(LATER_COPIES))
    return conds


def shared_matches(conn: Connection, q: EventQuery) -> dict[str, ColumnElement[bool]]:
    """The costly terms of `q` (a full-text search, a party or item given as text: each a
    pass over every document or argument), each worked out once into the list of events it
    finds, for statements that would otherwise each repeat it (facet counts)."""
    found: dict[str, ColumnElement[bool]] = {}
    wanted: dict[str, ColumnElement[bool]] = {}
    if q.text and q.text.strip():
        wanted["text"] = event_matches(conn, q.text)
    if q.party and not _KB_ID.fullmatch(q.party):
        wanted["party"] = _arg_matches(PARTY_ROLES, q.party, every=True)
    if q.item and not _KB_ID.fullmatch(q.item):
        wanted["item"] = _arg_matches(["item"], q.item, every=True)
    for name, cond in wanted.items():
        ids = list(conn.execute(select(events.c.id).where(cond)).scalars())
        found[name] = events.c.id.in_(_id_values(conn, ids))
    return found


def _id_values(conn: Connection, ids: list[int]) -> Select[Any]:
    """A one-column SELECT of `ids`, bound as one parameter whatever their number."""
    if conn.dialect.name == "postgresql":
        return select(func.unnest(bindparam(None, ids, type_=ARRAY(Integer))))
    values = func.json_each(json.dumps(ids)).table_valued("value")
    return select(values.c.value)


# Conditions stay on the events table (documents only through subqueries): looking up the
# document of every event before sorting would cost a join per stored event.
# The documents that are a story's later copies (their events are listed from its first).
LATER_COPIES = (select(documents.c.id)
                 .join(clusters, clusters.c.id == documents.c.cluster_id)
                 .where(clusters.c.canonical_document_id != documents.c.id))
_ARG_FIELDS = {"text": event_args.c.text, "name": event_args.c.name,
               "id": event_args.c.entity_id, "value": event_args.c.value,
               "currency": event_args.c.currency}
_DOC_COLUMNS = (documents.c.id, documents.c.doc_key, documents.c.url, documents.c.title,
                documents.c.outlet, documents.c.published, documents.c.cluster_id)


# -- records ------------------------------------------------------------------------------------


def event_records(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Output-contract records (plus where each is stored) for a batch of event rows."""
    if not rows:
        return []
    found = conn.execute(
        select(*_DOC_COLUMNS).where(
            among(conn, documents.c.id, {r["document_id"] for r in rows})))
    keys = list(found.keys())
    docs = {d[0]: dict(zip(keys, d, strict=True)) for d in found}
    for row in rows:
        row.update(docs[row["document_id"]], id=row["id"])
    copies = cluster_copies(conn, {r["cluster_id"] for r in rows})
    args: dict[int, dict[str, list[dict[str, Any]]]] = {r["id"]: {} for r in rows}
    found_args = conn.execute(
        select(event_args.c.event_id, event_args.c.role, *_ARG_FIELDS.values())
        .where(among(conn, event_args.c.event_id, list(args)))
        .order_by(event_args.c.event_id, event_args.c.role, event_args.c.idx)).all()
    for event_id, role, text, name, entity_id, value, currency in found_args:
        # as Argument.to_json: the text, then only the fields that are set (written out:
        # an export makes some millions of these)
        arg: dict[str, Any] = {} if text is None else {"text": text}
        if name is not None:
            arg["name"] = name
        if entity_id is not None:
            arg["id"] = entity_id
        if value is not None:
            arg["value"] = value
        if currency is not None:
            arg["currency"] = currency
        by_role = args[event_id]
        if role in by_role:
            by_role[role].append(arg)
        else:
            by_role[role] = [arg]
    others = other_evidence(conn, list(args))
    return [_record(r, args[r["id"]], copies.get(r["cluster_id"], []),
                    [o["text"] for o in others.get(r["id"], [])]) for r in rows]


def _record(row: dict[str, Any], args: dict[str, list[dict[str, Any]]],
            copies: list[dict[str, Any]], others: list[str]) -> dict[str, Any]:
    # as Event.to_json: `other_evidence` only when the event has other sentences
    extra = {"other_evidence": others} if others else {}
    return {
        "doc": row["doc_key"],
        "type": row["type"],
        "date": row["date"],
        "status": row["status"],
        "args": args,
        "evidence": row["evidence"],
        "summary": row["summary"],
        "confidence": row["confidence"],
        "flags": json.loads(row["flags"]) if row["flags"] not in (None, "[]") else [],
        "event_id": row["id"],
        "review": row.get("review_state"),
        "document_id": row["document_id"],
        "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
        "url": row["url"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": row["published"],
        "copies": copies,
        "outlets": sorted({c["outlet"] for c in copies if c["outlet"]}
                          or ({row["outlet"]} if row["outlet"] else set())),
        **extra,
    }


def _select_page(conn: Connection, q: EventQuery, limit: int,
                 after: tuple[Any, int] | None) -> list[dict[str, Any]]:
    shared = {}
    if q.text and q.text.strip() and is_common(conn, q.text):
        shared["text"] = event_matches(conn, q.text, in_order=True)
    conds = filter_conditions(conn, q, shared=shared)
    if after is not None:
        conds.append(after_cursor(q.sort, *after))
    stmt = select(events).where(*conds).order_by(*sort_order(q.sort)).limit(limit)
    return event_records(conn, [dict(r._mapping) for r in conn.execute(stmt)])


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be from 1 to {MAX_PAGE}, not {limit}")


# -- reading ------------------------------------------------------------------------------------


def event_page(store: Store, q: EventQuery, *, limit: int = 50,
               cursor: str | None = None, fold: bool = False) -> EventPage:
    """One page of events in `q.sort` order, starting after `cursor` (None: the first).
    `fold`: one row per real event (see `materiel.store.folding`), not per mention."""
    from materiel.store.folding import folded_records  # folding reads this module

    _check_limit(limit)
    after = decode_cursor(cursor, q.sort) if cursor else None
    with store.engine.connect() as conn:
        items = (folded_records(conn, q, limit + 1, after) if fold
                 else _select_page(conn, q, limit + 1, after))
    more = len(items) > limit
    items = items[:limit]
    return EventPage(items, _cursor_of(q.sort, items[-1]) if more and items else None)


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """A read-only connection that sees one state of the database throughout."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():  # SQLite (WAL): the snapshot is the one of the first read
            yield conn


def iter_events(store: Store, q: EventQuery, *, batch: int = BATCH,
                limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every event of `q` in order, within one snapshot: one sorted query read through a
    server-side cursor, `batch` rows at a time, each batch completed with its arguments."""
    with _snapshot(store) as conn:
        stmt = select(events).where(*filter_conditions(conn, q)).order_by(*sort_order(q.sort))
        if limit is not None:
            stmt = stmt.limit(limit)
        # the options on this statement only: on the connection they would stream (declare,
        # fetch, close) each batch's own small queries too
        result = conn.execute(stmt, execution_options={"stream_results": True,
                                                       "yield_per": batch})
        keys = list(result.keys())
        for rows in result.partitions():
            yield from event_records(conn, [dict(zip(keys, r, strict=True)) for r in rows])


# review states of an event that a reviewer let stand (an added event is "accepted")
STANDING = ("accepted", "edited")


def iter_reviewed(store: Store, q: EventQuery, *, batch: int = BATCH
                  ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The documents of `q` (those holding an event it selects) whose every event has been
    reviewed, in storing order, each as ({"doc", "published"}, its events that stand, in
    text order): an empty list where every event was rejected. One snapshot, `batch`
    documents at a time."""
    unreviewed = select(events.c.document_id).where(events.c.review_state == "unreviewed")
    with _snapshot(store) as conn:
        chosen = (select(events.c.document_id).distinct()
                  .where(*filter_conditions(conn, q), events.c.document_id.not_in(unreviewed))
                  .order_by(events.c.document_id))
        result = conn.execute(chosen, execution_options={"stream_results": True,
                                                         "yield_per": batch})
        for part in result.partitions():
            ids = [int(row[0]) for row in part]
            docs = {d.id: {"doc": d.doc_key, "published": d.published} for d in conn.execute(
                select(documents.c.id, documents.c.doc_key, documents.c.published)
                .where(documents.c.id.in_(ids)))}
            rows = [dict(r._mapping) for r in conn.execute(
                select(events).where(events.c.document_id.in_(ids),
                                     events.c.review_state.in_(STANDING))
                .order_by(events.c.document_id, events.c.evidence_start, events.c.id))]
            standing: dict[int, list[dict[str, Any]]] = {}
            for record in event_records(conn, rows):
                standing.setdefault(record["document_id"], []).append(record)
            for document_id in ids:
                yield docs[document_id], standing.get(document_id, [])


def count_events(store: Store, q: EventQuery) -> int:
    with store.engine.connect() as conn:
        stmt = select(func.count()).select_from(events).where(*filter_conditions(conn, q))
        return int(conn.execute(stmt).scalar() or 0)


def events_per_week(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    """{"week": "2025-W23", "type": ..., "events": n} for events dated to the day."""
    weeks: Counter[tuple[str, str]] = Counter()
    with store.engine.connect() as conn:
        stmt = (select(events.c.date, events.c.type, func.count())
                .where(*filter_conditions(conn, q), func.length(events.c.date) == 10)
                .group_by(events.c.date, events.c.type))
        for day, event_type, n in conn.execute(stmt):
            try:
                year, week, _ = date.fromisoformat(day).isocalendar()
            except ValueError:
                continue
            weeks[(f"{year}-W{week:02d}", event_type)] += int(n)
    return [{"week": w, "type": t, "events": n} for (w, t), n in sorted(weeks.items())]


def get_event(store: Store, event_id: int) -> dict[str, Any] | None:
    """One event with its arguments (offsets included), its sentence and its documents."""
    with store.engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).first()
        if row is None:
            return None
        record = event_records(conn, [dict(row._mapping)])[0]
        record["arguments"] = [
            {"role": a.role, "text": a.text, "name": a.name, "id": a.entity_id,
             "value": a.value, "currency": a.currency, "start": a.start, "end": a.end}
            for a in conn.execute(select(event_args).where(event_args.c.event_id == event_id)
                                  .order_by(event_args.c.role, event_args.c.idx))]
        sentence = None
        if row.sentence_idx is not None:
            sentence = conn.execute(
                select(sentences.c.start, sentences.c.end).where(
                    sentences.c.document_id == row.document_id,
                    sentences.c.idx == row.sentence_idx)).first()
        record["sentence"] = dict(sentence._mapping) if sentence else None
        record["other_sentences"] = other_evidence(conn, [event_id]).get(event_id, [])
        return record


def with_canonical(conn: Connection, items: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Give each record `canonical_id` (its real event's, or None), `sources` (the documents
    that report that event, or the copies of its story) and `source_outlets`; returns the
    canonical records read, by id (see `materiel.link.records`)."""
    from materiel.link.records import canonical_of, records  # link imports the store

    links = canonical_of(conn, [item["event_id"] for item in items])
    found = records(conn, set(links.values()))
    for item in items:
        record = found.get(links.get(item["event_id"], -1))
        item["canonical_id"] = record["canonical_id"] if record else None
        item["sources"] = record["sources"] if record else max(1, len(item["copies"]))
        item["source_outlets"] = record["outlets"] if record else item["outlets"]
    return found


def entity_summary(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity as the events know it: its names, counts by type and role, and its top
    counterparts (the parties of its events other than itself)."""
    mine = select(event_args.c.event_id).where(event_args.c.entity_id == entity_id)
    other = event_args.alias("other")
    key = func.coalesce(other.c.entity_id, other.c.name, other.c.text)
    n = func.count(func.distinct(other.c.event_id))
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(event_args.c.role, event_args.c.name, event_args.c.text, events.c.type,
                   events.c.id)
            .join(events, events.c.id == event_args.c.event_id)
            .where(event_args.c.entity_id == entity_id)).all()
        if not rows:
            return None
        others = conn.execute(
            select(key, func.max(func.coalesce(other.c.name, other.c.text)),
                   func.max(other.c.entity_id), n)
            .where(other.c.event_id.in_(mine), other.c.role.in_(PARTY_ROLES),
                   or_(other.c.entity_id.is_(None), other.c.entity_id != entity_id))
            .group_by(key).order_by(n.desc(), key).limit(10)).all()
    names = Counter(r.name or r.text for r in rows)
    by_type = Counter(t for t, _ in {(r.type, r.id) for r in rows})
    return {
        "id": entity_id,
        "kind": entity_id.partition(":")[0] if ":" in entity_id else "",
        "name": names.most_common(1)[0][0],
        "names": [name for name, _ in names.most_common()],
        "events": len({r.id for r in rows}),
        "by_type": dict(by_type.most_common()),
        "by_role": dict(Counter(r.role for r in rows).most_common()),
        "counterparts": [{"entity": k, "name": label, "id": eid, "events": int(c)}
                         for k, label, eid, c in others],
    }


@dataclass
class DocumentPage:
    items: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None


def document_page(store: Store, *, limit: int = 50, cursor: str | None = None,
                  outlet: str | None = None) -> DocumentPage:
    """Stored documents, newest stored first, by keyset on the store id."""
    _check_limit(limit)
    conds: list[ColumnElement[bool]] = []
    if cursor:
        _, last_id = decode_cursor(cursor, "newest")
        conds.append(documents.c.id < last_id)
    if outlet:
        conds.append(func.lower(documents.c.outlet) == outlet.lower())
    n_events = (select(func.count()).where(events.c.document_id == documents.c.id)
                .scalar_subquery())
    stmt = (select(documents.c.id, documents.c.doc_key, documents.c.title, documents.c.url,
                   documents.c.published, documents.c.outlet, documents.c.cluster_id,
                   n_events.label("events"))
            .where(*conds).order_by(documents.c.id.desc()).limit(limit + 1))
    with store.engine.connect() as conn:
        items = [dict(r._mapping) for r in conn.execute(stmt)]
    more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor("newest", "", items[-1]["id"]) if more else None
    return DocumentPage(items, next_cursor)


def cluster_detail(store: Store, cluster_id: int) -> dict[str, Any] | None:
    """A cluster of copies of one story: its documents in storing order (the canonical one,
    whose events stand for the story, marked) and the story's events, listed once."""
    n_events = (select(func.count()).where(events.c.document_id == documents.c.id)
                .scalar_subquery())
    with store.engine.connect() as conn:
        found = conn.execute(select(clusters.c.canonical_document_id)
                             .where(clusters.c.id == cluster_id)).first()
        if found is None:
            return None
        members = [dict(r._mapping) for r in conn.execute(
            select(*_DOC_COLUMNS, n_events.label("events"))
            .where(documents.c.cluster_id == cluster_id).order_by(documents.c.id))]
    canonical = found.canonical_document_id
    for member in members:
        member["canonical"] = member["id"] == canonical
    story = document_events(store, canonical) if canonical is not None else []
    return {"id": cluster_id, "canonical_document_id": canonical, "documents": members,
            "events": story}


def document_events(store: Store, document_id: int) -> list[dict[str, Any]]:
    """Every event of one stored document, in the order of its evidence."""
    with store.engine.connect() as conn:
        stmt = (select(events).where(events.c.document_id == document_id)
                .order_by(events.c.evidence_start, events.c.id))
        return event_records(conn, [dict(r._mapping) for r in conn.execute(stmt)])


def freshness(store: Store) -> Freshness:
    """The time of the database's last change (a document or a source seen), and its size."""
    with store.engine.connect() as conn:
        last_doc = conn.execute(select(func.max(documents.c.ingested_at))).scalar()
        last_source = conn.execute(select(func.max(sources.c.seen_at))).scalar()
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar()
        n_events, last_event = conn.execute(select(func.count(), func.max(events.c.id))).one()
        review = conn.execute(select(audit_log.c.id, audit_log.c.at)
                              .order_by(audit_log.c.id.desc()).limit(1)).first()
    stamps = [s for s in (last_doc, last_source, review.at if review else None) if s]
    return Freshness(max(stamps) if stamps else None, int(n_docs or 0), int(n_events or 0),
                     last_event, review.id if review else None)
