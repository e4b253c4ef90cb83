"""What the web pages read, assembled from the query layer the API uses
(`materiel.store.query`, `materiel.store.facets`): the feed with its facets and search hits,
an event with its supporting documents, an entity's timeline, the charts' counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select

from materiel.store import cache, query
from materiel.store.events import other_evidence
from materiel.store.facets import FacetValue, facet_counts, total
from materiel.store.query import EventQuery, filter_conditions
from materiel.store.repository import Store
from materiel.store.schema import documents, event_args, events
from materiel.store.search import DocumentHit, highlight_evidence, search_documents

FEED_PAGE = 50
FACET_SIZE = 12
TIMELINE_SIZE = 200
CHART_WEEKS = 26
CHART_ROLES = ("donor", "recipient", "buyer", "seller", "producer")
PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass
class Feed:
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int
    facets: dict[str, list[FacetValue]]
    documents: list[DocumentHit] = field(default_factory=list)  # search hits among documents


def feed(store: Store, q: EventQuery, cursor: str | None = None,
         limit: int = FEED_PAGE) -> Feed:
    """A page of events with the facet counts under `q` and, for a search, the hits marked
    in each event's evidence and the documents that hold it."""
    page = query.event_page(store, q, limit=limit, cursor=cursor)
    counts = facet_counts(store, q, top=FACET_SIZE)
    hits: list[DocumentHit] = []
    if q.text and q.text.strip():
        with store.engine.connect() as conn:
            marked = highlight_evidence(conn, q.text, [e["event_id"] for e in page.items])
            if cursor is None:
                hits = search_documents(conn, q.text, limit=10)
        for e in page.items:
            e["marked"] = marked.get(e["event_id"])
    with store.engine.connect() as conn:
        query.with_canonical(conn, page.items)
    return Feed(page.items, page.next_cursor, total(counts, q), counts, hits)


def marked_text(text: str, spans: list[tuple[int, int, Any]]) -> list[tuple[str, Any]]:
    """`text` cut into (piece, tag) pieces: tag is the first span's tag covering the piece,
    None outside every span; overlapping spans merge into the first one's tag."""
    pieces: list[tuple[str, Any]] = []
    at = 0
    for start, end, tag in sorted(spans, key=lambda s: (s[0], s[1])):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], tag))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


EVIDENCE = "evidence"
OTHER_EVIDENCE = "evidence other"  # the tag of the event's other sentences


def _spans(text: str, event: dict[str, Any], own: bool) -> list[tuple[int, int, str]]:
    """Where the event's sentences stand in `text`: by their offsets in its own document,
    found by their text in a copy of the story."""
    sentences = [(event["evidence_start"], event["evidence_end"], event["evidence"], EVIDENCE)]
    sentences += [(o["start"], o["end"], o["text"], OTHER_EVIDENCE)
                  for o in event["other_sentences"]]
    spans = []
    for start, end, sentence, tag in sentences:
        if not own or start is None or end is None:
            start = text.find(sentence)
            end = start + len(sentence)
        if start >= 0:
            spans.append((start, end, tag))
    return spans


def evidence_spans(store: Store, found: list[dict[str, Any]]
                   ) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, event) of every sentence of each of a document's events `found`: its
    evidence and its other sentences."""
    with store.engine.connect() as conn:
        others = other_evidence(conn, [e["event_id"] for e in found])
    spans = [(e["evidence_start"], e["evidence_end"], e) for e in found
             if e["evidence_start"] is not None]
    spans += [(o["start"], o["end"], e) for e in found for o in others.get(e["event_id"], [])
              if o["start"] is not None and o["end"] is not None]
    return spans


def reported_by(store: Store, event: dict[str, Any]) -> dict[str, Any] | None:
    """The canonical event of `event` (see `materiel.link.records`), its story's stages
    each given as their own canonical record; sets the event's `canonical_id` and
    `sources`."""
    from materiel.link.records import records  # link imports the store

    with store.engine.connect() as conn:
        found = query.with_canonical(conn, [event])
        canonical = found.get(event["canonical_id"] or -1)
        if canonical is None:
            return None
        story = canonical["story"]
        stages = records(conn, story["earlier"] + story["later"])
    return canonical | {"earlier": [stages[i] for i in story["earlier"] if i in stages],
                        "later": [stages[i] for i in story["later"] if i in stages]}


def event_detail(store: Store, event_id: int) -> dict[str, Any] | None:
    """`query.get_event` plus the date's precision, its canonical event (`reported_by`) and
    each document of the story, its text cut into pieces with the evidence sentence tagged
    "evidence" and the event's other sentences "evidence other"."""
    event = query.get_event(store, event_id)
    if event is None:
        return None
    event["precision"] = PRECISION.get(len(event["date"] or ""))
    event["reported_by"] = reported_by(store, event)
    story = [documents.c.id == event["document_id"]]
    copies = [c["doc"] for c in event["copies"]]
    if copies:
        story.append(documents.c.doc_key.in_(copies))
    supporting = []
    with store.engine.connect() as conn:
        found = conn.execute(
            select(documents.c.id, documents.c.doc_key, documents.c.title, documents.c.url,
                   documents.c.outlet, documents.c.published, documents.c.clean_text)
            .where(or_(*story)).order_by(documents.c.id)).all()
    for d in found:
        own = d.id == event["document_id"]
        spans = _spans(d.clean_text, event, own)
        supporting.append({**d._mapping, "pieces": marked_text(d.clean_text, spans),
                           "own": own})
    event["supporting"] = supporting
    return event


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    """`query.entity_summary` plus a timeline: its newest events, each with its roles."""
    summary = query.entity_summary(store, entity_id)
    if summary is None:
        return None
    page = query.event_page(store, EventQuery(entity=entity_id), limit=TIMELINE_SIZE)
    for e in page.items:
        e["roles"] = sorted(role for role, args in e["args"].items()
                            if any(a.get("id") == entity_id for a in args))
    return summary | {"timeline": page.items, "more": page.next_cursor is not None}


@dataclass
class Charts:
    weeks: list[date]
    series: dict[str, list[int]]  # events per week, by type
    tops: dict[str, list[tuple[str, str, int, str]]]  # by role: see top_by_role
    countries: dict[str, int]  # see country_counts


def charts(store: Store) -> Charts:
    """Everything the charts page draws, kept until the database changes."""
    def compute() -> Charts:
        weeks, series = weekly_counts(store)
        return Charts(weeks, series, {role: top_by_role(store, role) for role in CHART_ROLES},
                      country_counts(store))

    return cache.cached(store, "charts", compute)


def _monday(day: str) -> date | None:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    return d - timedelta(days=d.weekday())


def weekly_counts(store: Store, q: EventQuery | None = None
                  ) -> tuple[list[date], dict[str, list[int]]]:
    """The last CHART_WEEKS weeks up to the newest day-precise event: counts per type."""
    counts: Counter[tuple[date, str]] = Counter()
    for row in query.events_per_week(store, q or EventQuery()):
        year, week = row["week"].split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        counts[(monday, row["type"])] += row["events"]
    if not counts:
        return [], {}
    last = max(w for w, _ in counts)
    weeks = [last - timedelta(weeks=i) for i in range(CHART_WEEKS - 1, -1, -1)]
    kinds = sorted({k for _, k in counts})
    return weeks, {k: [counts.get((w, k), 0) for w in weeks] for k in kinds}


def top_by_role(store: Store, role: str, q: EventQuery | None = None,
                limit: int = 10) -> list[tuple[str, str, int, str]]:
    """(key, label, events, entity id or "") of the commonest fillers of `role`."""
    key = func.coalesce(event_args.c.entity_id, event_args.c.name, event_args.c.text)
    n = func.count(distinct(event_args.c.event_id))
    with store.engine.connect() as conn:
        chosen = select(events.c.id).where(*filter_conditions(conn, q or EventQuery()))
        rows = conn.execute(
            select(key, func.max(func.coalesce(event_args.c.name, event_args.c.text)), n,
                   func.max(event_args.c.entity_id))
            .where(event_args.c.role == role, event_args.c.event_id.in_(chosen))
            .group_by(key).order_by(n.desc(), key).limit(limit)).all()
    return [(str(r[0]), str(r[1]), int(r[2]), r[3] or "") for r in rows]


def country_counts(store: Store, q: EventQuery | None = None) -> dict[str, int]:
    """Events per country (ISO alpha-2): those naming the country in any role, and those
    whose location is a place of the gazetteer in it; an event counts once per country."""
    from materiel.kb.locations import gazetteer

    is_place = event_args.c.entity_id.like("geonames:%")
    with store.engine.connect() as conn:
        chosen = select(events.c.id).where(*filter_conditions(conn, q or EventQuery()))
        pairs = conn.execute(
            select(event_args.c.event_id, event_args.c.entity_id).distinct()
            .where(or_(event_args.c.entity_id.like("country:%"),
                       and_(event_args.c.role == "location", is_place)),
                   event_args.c.event_id.in_(chosen))).all()
    places = gazetteer() if any(eid.startswith("geonames:") for _, eid in pairs) else None
    seen: set[tuple[int, str]] = set()
    for event_id, eid in pairs:
        kind, _, code = eid.partition(":")
        if kind == "geonames" and places is not None:
            place = places.place(int(code)) if code.isdigit() else None
            code = place.country or "" if place else ""
        if code:
            seen.add((event_id, code.upper()))
    return dict(Counter(code for _, code in seen))
