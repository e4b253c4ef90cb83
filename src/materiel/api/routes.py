"""The read endpoints of /api/v1: documents, clusters, events, entities, statistics."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from materiel.api import schemas
from materiel.api.errors import ApiError
from materiel.api.params import event_query, link_next, page_size, store_of
from materiel.api.schemas import ok
from materiel.link.records import records
from materiel.store import query as q
from materiel.store.facets import count_facets, facet_counts
from materiel.store.query import EventQuery
from materiel.store.repository import Store

router = APIRouter()
StoreDep = Annotated[Store, Depends(store_of)]
QueryDep = Annotated[EventQuery, Depends(event_query)]
Limit = Annotated[int | None, Query(ge=1, description="Page size (the server caps it).")]
Cursor = Annotated[str | None, Query(description="From a previous page's next_cursor.")]


def _page(items: list[dict[str, Any]], next_cursor: str | None) -> dict[str, Any]:
    return {"items": items, "next_cursor": next_cursor}


def _with_sources(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events, each given `canonical_id` and `sources` (see `query.with_canonical`)."""
    with store.engine.connect() as conn:
        q.with_canonical(conn, items)
    return items


Rows = Annotated[Literal["mentions", "events"], Query(
    description="mentions (the default): every document's event, each with the number of "
                "sources of its real event; events: one row per real event (its mentions "
                "folded into the first one the filters keep, given `canonical` and "
                "`mention_count`), as the web feed lists them.")]


@router.get("/events", summary="Events matching the filters, newest first: every mention, "
                               "or one per real event (rows=events)",
            **ok(schemas.EventPage))
def list_events(request: Request, response: Response, store: StoreDep, query: QueryDep,
                limit: Limit = None, cursor: Cursor = None,
                rows: Rows = "mentions") -> dict[str, Any]:
    fold = rows == "events"
    page = q.event_page(store, query, limit=page_size(request, limit), cursor=cursor,
                        fold=fold)
    link_next(request, response, page.next_cursor)
    return _page(page.items if fold else _with_sources(store, page.items), page.next_cursor)


@router.get("/events/{event_id}", summary="One event with its arguments and evidence",
            **ok(schemas.EventDetail))
def one_event(event_id: int, store: StoreDep) -> dict[str, Any]:
    event = q.get_event(store, event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id}")
    return _with_sources(store, [event])[0]


@router.get("/canonical/{canonical_id}",
            summary="One real event: its values, conflicts, every mention and story links",
            **ok(schemas.CanonicalEvent))
def one_canonical(canonical_id: int, store: StoreDep) -> dict[str, Any]:
    with store.engine.connect() as conn:
        found = records(conn, [canonical_id])
    if canonical_id not in found:
        raise ApiError(404, f"no canonical event {canonical_id}")
    return found[canonical_id]


@router.get("/documents", summary="Stored documents, newest stored first",
            **ok(schemas.DocumentPage))
def list_documents(request: Request, response: Response, store: StoreDep,
                   outlet: str | None = None, limit: Limit = None,
                   cursor: Cursor = None) -> dict[str, Any]:
    page = q.document_page(store, limit=page_size(request, limit), cursor=cursor, outlet=outlet)
    link_next(request, response, page.next_cursor)
    return _page(page.items, page.next_cursor)


@router.get("/documents/{key}",
            summary="One document (store id or its own id) with sentences and events",
            **ok(schemas.Document))
def one_document(key: str, store: StoreDep) -> dict[str, Any]:
    doc = store.get_document(key)
    if doc is None:
        raise ApiError(404, f"no document {key!r}")
    return asdict(doc) | {"events": _with_sources(store, q.document_events(store, doc.id))}


@router.get("/clusters/{cluster_id}",
            summary="Copies of one story: its documents and the story's events",
            **ok(schemas.Cluster))
def one_cluster(cluster_id: int, store: StoreDep) -> dict[str, Any]:
    found = q.cluster_detail(store, cluster_id)
    if found is None:
        raise ApiError(404, f"no cluster {cluster_id}")
    found["events"] = _with_sources(store, found["events"])
    return found


@router.get("/entities/{entity_id:path}", summary="An entity (KB id) with its events",
            **ok(schemas.EntityEvents))
def one_entity(request: Request, response: Response, entity_id: str, store: StoreDep,
               limit: Limit = None, cursor: Cursor = None) -> dict[str, Any]:
    summary = q.entity_summary(store, entity_id)
    if summary is None:
        raise ApiError(404, f"no event names the entity {entity_id!r}")
    page = q.event_page(store, EventQuery(entity=entity_id, all_copies=True),
                        limit=page_size(request, limit), cursor=cursor)
    link_next(request, response, page.next_cursor)
    return summary | {"items": _with_sources(store, page.items), "next_cursor": page.next_cursor}


CountedRows = Annotated[Literal["mentions", "events"], Query(
    description="mentions (the default): count every document's event, as /api/v1/events "
                "lists them; events: count real events (the mentions of one canonical event "
                "once, a mention linked to no other as its own event), as rows=events lists "
                "them and the web feed counts them.")]


@router.get("/facets", summary="Counts of events by each filter's values, under the others",
            **ok(schemas.Facets))
def facets(store: StoreDep, query: QueryDep,
           top: Annotated[int, Query(ge=1, le=100)] = 20,
           rows: CountedRows = "mentions") -> dict[str, Any]:
    counts = facet_counts(store, query, top=top, fold=rows == "events")
    return {name: [{"value": v, "label": label, "events": n} for v, label, n in values]
            for name, values in counts.items()}


@router.get("/stats", summary="Counts by type and status, and events per week by type",
            **ok(schemas.Statistics))
def statistics(store: StoreDep, query: QueryDep,
               rows: CountedRows = "mentions") -> dict[str, Any]:
    fold = rows == "events"
    counted = count_facets(store, query, top=100, facets=("type", "status"), fold=fold)
    return {
        "events": counted.total if fold and counted.total is not None
        else q.count_events(store, query),
        "by_type": {v.value: v.events for v in counted.facets["type"]},
        "by_status": {v.value: v.events for v in counted.facets["status"]},
        "per_week": q.events_per_week(store, query),  # mentions, whatever `rows` says
        "database": q.freshness(store).to_json(),
    }
