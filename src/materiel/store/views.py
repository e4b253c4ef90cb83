"""What the web pages read, assembled from the query layer the API uses
(`materiel.store.query`, `materiel.store.facets`): the feed with its facets and search hits,
an event with its supporting documents, an entity's timeline, the charts' counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from materiel.store import cache, query
from materiel.store.events import other_evidence
from materiel.store.facets import FacetValue, count_facets
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
    total: int | None  # None: not counted in time (more than the page holds)
    facets: dict[str, list[FacetValue]]
    documents: list[DocumentHit] = field(default_factory=list)  # search hits among documents
    timed_out: tuple[str, ...] = ()  # facets not counted in time: shown without counts


def feed(store: Store, q: EventQuery, cursor: str | None = None,
         limit: int = FEED_PAGE, facet_time_limit: float | None = None,
         fold: bool = False) -> Feed:
    """A page of events with the facet counts under `q` and, for a search, the hits marked
    in each event's evidence and the documents that hold it. Facets not counted within
    `facet_time_limit` seconds (None: no limit) are listed in `timed_out`. `fold`: a row
    per real event (`query.event_page`), and the facets and the total count real events;
    otherwise rows, facets and the total are mentions."""
    page = query.event_page(store, q, limit=limit, cursor=cursor, fold=fold)
    counts = count_facets(store, q, top=FACET_SIZE, time_limit=facet_time_limit, fold=fold)
    total = counts.total
    if total is None and cursor is None and page.next_cursor is None:
        total = len(page.items)  # the whole selection is on this page, a row per thing counted
    hits: list[DocumentHit] = []
    if q.text and q.text.strip():
        with store.engine.connect() as conn:
            marked = highlight_evidence(conn, q.text, [e["event_id"] for e in page.items])
            if cursor is None:
                hits = search_documents(conn, q.text, limit=10)
        for e in page.items:
            e["marked"] = marked.get(e["event_id"])
    if not fold:  # a folded page has its canonical events already
        with store.engine.connect() as conn:
            query.with_canonical(conn, page.items)
    return Feed(page.items, page.next_cursor, total, counts.facets, hits, counts.timed_out)


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


def _with_stages(conn: Connection, canonical: dict[str, Any]) -> dict[str, Any]:
    """A canonical record (`materiel.link.records`) with `earlier` and `later`: its
    story's stages, each a canonical record of its own."""
    from materiel.link.records import records  # link imports the store

    story = canonical["story"]
    stages = records(conn, story["earlier"] + story["later"])
    return canonical | {"earlier": [stages[i] for i in story["earlier"] if i in stages],
                        "later": [stages[i] for i in story["later"] if i in stages]}


def reported_by(store: Store, event: dict[str, Any]) -> dict[str, Any] | None:
    """The canonical event of `event` with its story's stages (`_with_stages`); sets the
    event's `canonical_id` and `sources`."""
    with store.engine.connect() as conn:
        found = query.with_canonical(conn, [event])
        canonical = found.get(event["canonical_id"] or -1)
        return None if canonical is None else _with_stages(conn, canonical)


def canonical_detail(store: Store, canonical_id: int) -> dict[str, Any] | None:
    """A real event for its own page: its canonical record with its story's stages."""
    from materiel.link.records import records  # link imports the store

    with store.engine.connect() as conn:
        found = records(conn, [canonical_id]).get(canonical_id)
        return None if found is None else _with_stages(conn, found)


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
    tops: dict[str, list[tuple[str, str, int, str]]]  # by role: see top_by_roles
    countries: dict[str, int]  # see country_counts


def charts(store: Store) -> Charts:
    """Everything the charts page draws, kept until the database changes."""
    def compute() -> Charts:
        weeks, series = weekly_counts(store)
        return Charts(weeks, series, top_by_roles(store, CHART_ROLES), country_counts(store))

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


def top_by_roles(store: Store, roles: tuple[str, ...], q: EventQuery | None = None,
                 limit: int = 10) -> dict[str, list[tuple[str, str, int, str]]]:
    """For each role, (key, label, events, entity id or "") of its commonest fillers: one
    pass over the arguments for every role."""
    key = func.coalesce(event_args.c.entity_id, event_args.c.name, event_args.c.text)
    n = func.count(distinct(event_args.c.event_id))
    with store.engine.connect() as conn:
        chosen = select(events.c.id).where(*filter_conditions(conn, q or EventQuery(),
                                                              every=True))
        rows = conn.execute(
            select(event_args.c.role, key,
                   func.max(func.coalesce(event_args.c.name, event_args.c.text)), n,
                   func.max(event_args.c.entity_id))
            .where(event_args.c.role.in_(roles), (event_args.c.event_id + 0).in_(chosen))
            .group_by(event_args.c.role, key)).all()
    tops: dict[str, list[tuple[str, str, int, str]]] = {role: [] for role in roles}
    for role, k, label, count, entity in rows:
        tops[role].append((str(k), str(label), int(count), entity or ""))
    return {role: sorted(found, key=lambda r: (-r[2], r[0]))[:limit]
            for role, found in tops.items()}


def country_counts(store: Store, q: EventQuery | None = None) -> dict[str, int]:
    """Events per country (ISO alpha-2): those naming the country in any role, and those
    whose location is a place of the gazetteer in it; an event counts once per country."""
    from materiel.kb.locations import gazetteer

    n = func.count(distinct(event_args.c.event_id))
    country = [event_args.c.entity_id >= "country:", event_args.c.entity_id < "country;"]
    place = [event_args.c.role == "location", event_args.c.entity_id >= "geonames:",
             event_args.c.entity_id < "geonames;"]
    with store.engine.connect() as conn:
        chosen = (event_args.c.event_id + 0).in_(
            select(events.c.id).where(*filter_conditions(conn, q or EventQuery(), every=True)))
        counts: Counter[str] = Counter()
        for entity_id, events_naming in conn.execute(
                select(event_args.c.entity_id, n).where(*country, chosen)
                .group_by(event_args.c.entity_id)):
            counts[entity_id.partition(":")[2].upper()] += int(events_naming)
        located = conn.execute(select(event_args.c.event_id, event_args.c.entity_id)
                               .where(*place, chosen)).all()
        if not located:
            return dict(counts)
        # events with a place that also name a country: counted above for that country
        named = {(event_id, entity_id.partition(":")[2].upper()) for event_id, entity_id in
                 conn.execute(select(event_args.c.event_id, event_args.c.entity_id).where(
                     *country, chosen,
                     event_args.c.event_id.in_(select(event_args.c.event_id).where(*place))))}
    places = gazetteer()
    seen: set[tuple[int, str]] = set()
    for event_id, entity_id in located:
        code = entity_id.partition(":")[2]
        found = places.place(int(code)) if code.isdigit() else None
        if found and found.country:
            seen.add((event_id, found.country.upper()))
    counts.update(code for event_id, code in seen - named)
    return dict(counts)
