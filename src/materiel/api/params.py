"""Query parameters shared by the listing and export endpoints, and pagination links."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response

from materiel.api.errors import ApiError
from materiel.api.settings import Settings
from materiel.models import EVENT_TYPES
from materiel.store.query import REVIEW_STATES, SORTS, STATUSES, EventQuery
from materiel.store.repository import Store


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def event_query(
    type: Annotated[str | None, Query(description=f"One of {', '.join(EVENT_TYPES)}.")] = None,
    party: Annotated[str | None, Query(
        description="A party (buyer, donor, ...): part of its text or name, or its KB id.")]
    = None,
    item: Annotated[str | None, Query(description="Part of an item's text or name, or its id.")]
    = None,
    country: Annotated[str | None, Query(
        description="A country in any role: ISO code, country:XX, or its name.")] = None,
    entity: Annotated[str | None, Query(description="A knowledge-base id, in any role.")]
    = None,
    status: Annotated[str | None, Query(description=f"One of {', '.join(STATUSES)}.")] = None,
    outlet: Annotated[str | None, Query(description="The outlet's name (any case).")] = None,
    date_from: Annotated[str | None, Query(
        alias="from", description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Up to this date.")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1)] = 0.0,
    max_confidence: Annotated[float, Query(ge=0, le=1)] = 1.0,
    doc: Annotated[str | None, Query(description="Only this document (its own id).")] = None,
    all_copies: Annotated[bool, Query(
        description="Events of every copy of a syndicated story, not only the first.")]
    = False,
    sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}.")] = "newest",
    review: Annotated[str | None, Query(
        description=f"Review state: one of {', '.join(REVIEW_STATES)}.")] = None,
    q: Annotated[str | None, Query(
        description="Full-text search over evidence, summaries and documents.")] = None,
) -> EventQuery:
    return EventQuery(type=type, party=party, item=item, country=country, entity=entity,
                      status=status, outlet=outlet, date_from=date_from, date_to=date_to,
                      min_confidence=min_confidence, max_confidence=max_confidence, doc=doc,
                      all_copies=all_copies, sort=sort, review=review, text=q)


def page_size(request: Request, limit: int | None) -> int:
    settings = settings_of(request)
    if limit is None:
        return settings.default_page_size
    if not 1 <= limit <= settings.max_page_size:
        raise ApiError(400, f"limit must be from 1 to {settings.max_page_size}, not {limit}",
                       "page_size")
    return limit


def link_next(request: Request, response: Response, next_cursor: str | None) -> None:
    """RFC 8288 `Link: <...>; rel="next"` to the next page, when there is one."""
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
