"""The review pages: the queue (one event per card, least confident first), editing an
event with knowledge-base entities, adding a missed event from a sentence, and the login.
Every form is a plain HTML form carrying the session's CSRF token; review.js adds keys."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from materiel import review
from materiel.api.errors import ApiError
from materiel.auth.accounts import verify_password
from materiel.auth.http import check_csrf, csrf_token, log_in, log_out, session_user
from materiel.bounds import STATUSES
from materiel.models import ROLES
from materiel.review import audit, kbsearch, queue
from materiel.review.agreement import agreement
from materiel.store import query
from materiel.web.pages import error_page, get_store, render, templates

router = APIRouter(include_in_schema=False)
ROLE_ROWS = 3  # empty role rows offered on the edit form
MAX_ROWS = 40
ALL_ROLES = sorted({role for roles in ROLES.values() for role in roles})


def audit_of(request: Request, event_id: int) -> list[dict[str, Any]]:
    """The audit log of an event, for the event page."""
    with get_store(request).engine.connect() as conn:
        return audit.event_entries(conn, event_id)


templates.globals["csrf_token"] = csrf_token
templates.globals["current_user"] = session_user
templates.globals["audit_of"] = audit_of
templates.globals["statuses"] = STATUSES
templates.globals["all_roles"] = ALL_ROLES


def _local(target: str | None, default: str = "/review") -> str:
    """A redirect target on this site only (no scheme, no host, no //)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    return target


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


async def _writer(request: Request) -> str | Response:
    """The logged-in user with a valid CSRF token, or the error page to answer with."""
    user = session_user(request)
    if user is None:
        return error_page(request, 401, "Log in to change events.")
    try:
        await check_csrf(request)
    except ApiError as exc:
        return error_page(request, exc.status, exc.message)
    return user


# -- login --------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return render("login.html", request, next=_local(next, "/"), failed=False)


@router.post("/login")
async def login(request: Request) -> Response:
    try:
        await check_csrf(request)
    except ApiError as exc:
        return error_page(request, exc.status, exc.message)
    form = await _form(request)
    name, password = form.get("name", "")[:64], form.get("password", "")
    target = _local(form.get("next"), "/")
    if not await run_in_threadpool(verify_password, get_store(request), name, password):
        return render("login.html", request, status=401, next=target, failed=True)
    log_in(request, name)
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    try:
        await check_csrf(request)
    except ApiError as exc:
        return error_page(request, exc.status, exc.message)
    log_out(request)
    return RedirectResponse("/", status_code=303)


# -- the queue ----------------------------------------------------------------------------------


def _after(value: str | None) -> tuple[float, int] | None:
    try:
        confidence, event_id = (value or "").split(":")
        return float(confidence), int(event_id)
    except ValueError:
        return None


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, mode: str = "unreviewed",
                after: str | None = None) -> HTMLResponse:
    if mode not in queue.MODES:
        return error_page(request, 400, f"Unknown queue {mode!r}.")
    store = get_store(request)
    user = session_user(request)
    with store.engine.connect() as conn:
        event_id = queue.next_event(conn, mode=mode, user=user, after=_after(after))
        left = queue.remaining(conn, mode=mode, user=user)
        pairs = agreement(conn)
    event = query.get_event(store, event_id) if event_id is not None else None
    return render("review.html", request, event=event, mode=mode, left=left, pairs=pairs,
                  skip=f"{event['confidence']}:{event['event_id']}" if event else None)


# -- editing ------------------------------------------------------------------------------------


def _roles_from(form: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    roles: dict[str, list[dict[str, Any]]] = {}
    for i in range(MAX_ROWS):
        role, text = form.get(f"role_{i}", ""), form.get(f"text_{i}", "").strip()
        if role and text:
            value = {"text": text}
            if form.get(f"id_{i}", "").strip():
                value["id"] = form[f"id_{i}"].strip()
            roles.setdefault(role, []).append(value)
    return roles


def _role_rows(event: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"role": a["role"], "text": a["text"], "id": a["id"] or "", "name": a["name"]}
            for a in event.get("arguments", [])]
    return rows + [{"role": "", "text": "", "id": "", "name": None}] * ROLE_ROWS


@router.get("/review/{event_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, event_id: int, kb: str | None = None) -> HTMLResponse:
    event = query.get_event(get_store(request), event_id)
    if event is None:
        return error_page(request, 404, f"No event {event_id}.")
    hits = kbsearch.search(kb) if kb else []
    return render("review_edit.html", request, event=event, rows=_role_rows(event),
                  kb=kb or "", hits=hits, problem=None)


@router.post("/review/{event_id}/edit")
async def edit(request: Request, event_id: int) -> Response:
    user = await _writer(request)
    if isinstance(user, Response):
        return user
    form = await _form(request)
    change = review.EventEdit(type=form.get("type") or None, date=form.get("date", ""),
                              status=form.get("status", ""), roles=_roles_from(form),
                              reason=form.get("reason") or None)
    store = get_store(request)
    try:
        await run_in_threadpool(review.edit, store, event_id, user, change)
    except review.NotFound as exc:
        return error_page(request, 404, str(exc))
    except ValueError as exc:
        event = query.get_event(store, event_id)
        assert event is not None
        return render("review_edit.html", request, status=400, event=event,
                      rows=_role_rows(event), kb="", hits=[], problem=str(exc))
    return RedirectResponse(_local(form.get("next"), f"/events/{event_id}"), status_code=303)


# -- adding a missed event ----------------------------------------------------------------------


def _sentences(request: Request, document_id: int) -> list[dict[str, Any]] | None:
    doc = get_store(request).get_document(document_id)
    if doc is None or doc.id != document_id:
        return None
    return [{"idx": s["idx"], "text": doc.clean_text[s["start"]:s["end"]]}
            for s in doc.sentences]


def _sentence_number(value: str) -> int | None:
    """A sentence's index as posted, or None (not a number, or beyond any index stored)."""
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 0 <= number < 2**31 else None


def _add_form(request: Request, document_id: int, sentences: list[dict[str, Any]],
              chosen: int | None, form: dict[str, str] | None = None,
              problem: str | None = None) -> HTMLResponse:
    """The add-event form; after a refused post, with what was sent filled back in."""
    form = form or {}
    rows = [{"role": r, "text": v["text"], "id": v.get("id", "")}
            for r, values in _roles_from(form).items() for v in values]
    rows += [{"role": "", "text": "", "id": ""}] * (ROLE_ROWS + 1)
    values = {k: form.get(k) for k in ("type", "date", "status", "reason")}
    return render("review_add.html", request, status=400 if problem else 200,
                  document_id=document_id, sentences=sentences, chosen=chosen,
                  problem=problem, rows=rows, values=values)


@router.get("/documents/{document_id}/add-event", response_class=HTMLResponse)
def add_page(request: Request, document_id: int, sentence: int | None = None) -> HTMLResponse:
    found = _sentences(request, document_id)
    if found is None:
        return error_page(request, 404, f"No document {document_id}.")
    return _add_form(request, document_id, found, sentence)


@router.post("/documents/{document_id}/add-event")
async def add(request: Request, document_id: int) -> Response:
    user = await _writer(request)
    if isinstance(user, Response):
        return user
    form = await _form(request)
    chosen = _sentence_number(form.get("sentence", ""))
    try:
        if chosen is None:
            raise ValueError("Choose the sentence that reports the event.")
        new = review.NewEvent(document_id=document_id, sentence=chosen,
                              type=form.get("type", ""), date=form.get("date") or None,
                              status=form.get("status") or None, roles=_roles_from(form),
                              reason=form.get("reason") or None)
        event_id = await run_in_threadpool(review.add_event, get_store(request), user, new)
    except review.NotFound as exc:
        return error_page(request, 404, str(exc))
    except ValueError as exc:
        found = _sentences(request, document_id) or []
        return _add_form(request, document_id, found, chosen, form, str(exc))
    return RedirectResponse(f"/events/{event_id}#evidence", status_code=303)


# registered last: /review/{id}/edit above must match first
@router.post("/review/{event_id}/{action}")
async def review_action(request: Request, event_id: int, action: str) -> Response:
    actions = {"accept": review.accept, "reject": review.reject, "undo": review.undo}
    if action not in actions:
        return error_page(request, 404, f"No action {action!r}.")
    user = await _writer(request)
    if isinstance(user, Response):
        return user
    form = await _form(request)
    try:
        await run_in_threadpool(actions[action], get_store(request), event_id, user,
                                form.get("reason") or None)
    except review.NotFound as exc:
        return error_page(request, 404, str(exc))
    return RedirectResponse(_local(form.get("next")), status_code=303)


def login_link(path: str) -> str:
    return f"/login?next={quote(path)}"


templates.globals["login_link"] = login_link
