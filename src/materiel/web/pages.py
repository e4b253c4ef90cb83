"""The server-rendered pages: feed, event, document, entity and charts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Connection

from materiel.models import EVENT_TYPES
from materiel.store import Store
from materiel.store.search import split_marks
from materiel.web import charts, queries
from materiel.web.feed import FeedFilter, feed

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


def _text(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value[:200] or None


def _filter(request: Request) -> FeedFilter:
    """The feed's filter from the query string (ValueError when a value is not valid)."""
    confidence = _text(request, "min_confidence")
    return FeedFilter(
        type=_text(request, "type"), party=_text(request, "party"),
        item=_text(request, "item"), status=_text(request, "status"),
        outlet=_text(request, "outlet"), date_from=_text(request, "date_from"),
        date_to=_text(request, "date_to"),
        min_confidence=float(confidence) if confidence else None,
        q=_text(request, "q"), page=int(_text(request, "page") or 1))


def _connect(store: Store) -> Connection:
    return store.engine.connect()


@router.get("/", response_class=HTMLResponse)
def feed_page(request: Request, store: StoreDep) -> HTMLResponse:
    try:
        flt = _filter(request)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    with _connect(store) as conn:
        page = feed(conn, flt)

    def link(**changes: Any) -> str:
        return "/?" + urlencode(flt.params(page=1, **changes))

    return render("feed.html", request, flt=flt, page=page, link=link,
                  next_link="/?" + urlencode(flt.params(page=flt.page + 1)),
                  prev_link="/?" + urlencode(flt.params(page=flt.page - 1)))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, store: StoreDep) -> HTMLResponse:
    with _connect(store) as conn:
        event = queries.event_detail(conn, event_id)
    if event is None:
        return error_page(request, 404, f"No event {event_id}.")
    return render("event.html", request, event=event)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, store: StoreDep) -> HTMLResponse:
    doc = store.get_document(document_id)
    if doc is None or doc.id != document_id:
        return error_page(request, 404, f"No document {document_id}.")
    with _connect(store) as conn:
        found = queries.document_events(conn, document_id)
    spans = [(e["evidence_start"], e["evidence_end"], e) for e in found
             if e["evidence_start"] is not None]
    return render("document.html", request, doc=doc, events=found,
                  pieces=queries.marked_text(doc.clean_text, spans))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, store: StoreDep) -> HTMLResponse:
    with _connect(store) as conn:
        entity = queries.entity_detail(conn, entity_id)
    if entity is None:
        return error_page(request, 404, f"No event names the entity {entity_id!r}.")
    return render("entity.html", request, entity=entity)


@router.get("/charts", response_class=HTMLResponse)
def charts_page(request: Request, store: StoreDep) -> HTMLResponse:
    with _connect(store) as conn:
        weeks, series = queries.events_per_week(conn)
        tops = {role: queries.top_by_role(conn, role) for role in queries.CHART_ROLES}
    ranked = {
        role: charts.ranked_bars([
            (label, n, f"/entities/{eid}" if eid else "/?" + urlencode({"party": key}))
            for key, label, n, eid in rows])
        for role, rows in tops.items()}
    return render("charts.html", request, weekly=charts.weekly_bars(weeks, series),
                  ranked=ranked)
