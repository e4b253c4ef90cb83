"""The server-rendered pages: feed, event, document, entity and charts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from materiel.models import EVENT_TYPES
from materiel.store import Store, query, views
from materiel.store.events import PARTY_ROLES
from materiel.store.search import split_marks
from materiel.web import charts, worldmap
from materiel.web.feed import FeedParams

HERE = Path(__file__).parent


def safe_url(url: Any) -> str | None:
    """The URL if it may become a link (http or https only), else None."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                        autoescape=select_autoescape(["html", "svg"], default=True))
templates.filters["safe_url"] = safe_url
templates.filters["marks"] = split_marks
templates.filters["colour"] = charts.colour
templates.globals["event_types"] = EVENT_TYPES
templates.globals["party_roles"] = PARTY_ROLES

router = APIRouter(include_in_schema=False)
router.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def get_store(request: Request) -> Store:
    """The store the application serves (`app.state.store`)."""
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise RuntimeError("the application has no store: set app.state.store")
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def render(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    html = templates.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", request, status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def feed_page(request: Request, store: StoreDep) -> HTMLResponse:
    params = FeedParams.parse(request.query_params)
    try:
        feed = views.feed(store, params.query(), cursor=params.cursor)
    except ValueError as exc:  # a filter or a cursor that is not valid
        return error_page(request, 400, str(exc))
    return render("feed.html", request, params=params, feed=feed,
                  q=params.values.get("q"))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, store: StoreDep) -> HTMLResponse:
    event = views.event_detail(store, event_id)
    if event is None:
        return error_page(request, 404, f"No event {event_id}.")
    return render("event.html", request, event=event)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, store: StoreDep) -> HTMLResponse:
    doc = store.get_document(document_id)
    if doc is None or doc.id != document_id:
        return error_page(request, 404, f"No document {document_id}.")
    found = query.document_events(store, document_id)
    return render("document.html", request, doc=doc, events=found,
                  pieces=views.marked_text(doc.clean_text, views.evidence_spans(store, found)))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, store: StoreDep) -> HTMLResponse:
    entity = views.entity_detail(store, entity_id)
    if entity is None:
        return error_page(request, 404, f"No event names the entity {entity_id!r}.")
    return render("entity.html", request, entity=entity)


@router.get("/charts", response_class=HTMLResponse)
def charts_page(request: Request, store: StoreDep) -> HTMLResponse:
    data = views.charts(store)
    ranked = {
        role: charts.ranked_bars([
            (label, n, f"/entities/{eid}" if eid else "/?" + urlencode({"party": key}))
            for key, label, n, eid in rows])
        for role, rows in data.tops.items()}
    return render("charts.html", request, weekly=charts.weekly_bars(data.weeks, data.series),
                  ranked=ranked, world=worldmap.world_map(data.countries))
