"""The server-rendered pages: feed, event, document, entity and charts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from materiel.api.errors import SafeJSONResponse, error_response
from materiel.api.settings import Settings
from materiel.models import EVENT_TYPES
from materiel.store import Store, query, views
from materiel.store.events import PARTY_ROLES
from materiel.store.facets import FACETS, count_facets
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


def settings_of(request: Request) -> Settings:
    return getattr(request.app.state, "settings", None) or Settings()


def events_phrase(total: int | None, shown: int, noun: str = "event") -> str:
    """"1 event", "1,234 events", or "more than 50 events" where the count did not finish
    (`noun`: what is counted, "mention" for the feed)."""
    if total is None:
        return f"more than {shown:,} {noun}s"
    return f"{total:,} {noun}{'' if total == 1 else 's'}"


def feed_phrase(feed: views.Feed, params: FeedParams) -> str:
    """What the feed's total counts, in words: real events where the feed folds its rows,
    mentions where it lists every one."""
    return events_phrase(feed.total, len(feed.items), "event" if params.fold else "mention")


templates.globals["events_phrase"] = events_phrase
templates.globals["feed_phrase"] = feed_phrase
templates.globals["facet_names"] = FACETS


@router.get("/", response_class=HTMLResponse)
def feed_page(request: Request, store: StoreDep) -> HTMLResponse:
    params = FeedParams.parse(request.query_params)
    settings = settings_of(request)
    limit_ms = (settings.facet_count_limit_ms if params.count_all
                else settings.facet_time_limit_ms)
    try:
        feed = views.feed(store, params.query(), cursor=params.cursor,
                          limit=settings.feed_page_size, facet_time_limit=limit_ms / 1000,
                          fold=params.fold)
    except ValueError as exc:  # a filter or a cursor that is not valid
        return error_page(request, 400, str(exc))
    return render("feed.html", request, params=params, feed=feed,
                  q=params.values.get("q"))


@router.get("/facets.json")
def facet_json(request: Request, store: StoreDep) -> SafeJSONResponse:
    """The counts of the facets named by `facet` under the feed's filters, with the links
    the feed gives their values: what the feed's script fetches for the facets it showed
    without counts."""
    params = FeedParams.parse(request.query_params)
    names = tuple(dict.fromkeys(request.query_params.getlist("facet"))) or FACETS
    try:
        counts = count_facets(store, params.query(), top=views.FACET_SIZE, facets=names,
                              time_limit=settings_of(request).facet_count_limit_ms / 1000,
                              fold=params.fold)
    except ValueError as exc:
        return error_response(400, str(exc))
    return SafeJSONResponse({
        "facets": {name: [{"value": v.value, "label": v.label, "events": v.events,
                           "href": params.link(**{name: v.value}),
                           "on": v.value == params.get(name)} for v in values]
                   for name, values in counts.facets.items()},
        "timed_out": list(counts.timed_out),
        "total": counts.total,
        "rows": params.rows,  # what the counts count: "events" (real ones) or "mentions"
    })


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, store: StoreDep) -> HTMLResponse:
    event = views.event_detail(store, event_id)
    if event is None:
        return error_page(request, 404, f"No event {event_id}.")
    return render("event.html", request, event=event)


@router.get("/canonical/{canonical_id}", response_class=HTMLResponse)
def canonical_page(request: Request, canonical_id: int, store: StoreDep) -> HTMLResponse:
    """A real event: its values, every mention behind it, where they disagree, its story."""
    found = views.canonical_detail(store, canonical_id)
    if found is None:
        return error_page(request, 404, f"No canonical event {canonical_id}.")
    return render("canonical.html", request, c=found)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int, store: StoreDep) -> HTMLResponse:
    doc = store.get_document(document_id)
    if doc is None or doc.id != document_id:
        return error_page(request, 404, f"No document {document_id}.")
    found = query.document_events(store, document_id)
    return render("document.html", request, doc=doc, events=found,
                  pieces=views.marked_text(doc.clean_text, views.evidence_spans(store, found)),
                  sentence_spans=[[s["idx"], s["start"], s["end"]] for s in doc.sentences])


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
