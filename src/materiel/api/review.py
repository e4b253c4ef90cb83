"""The review endpoints of /api/v1: judge, edit, add and undo events; the audit log;
agreement between reviewers; knowledge-base search for choosing entities. Every change
needs an API token (Authorization: Bearer) or a logged-in session with its CSRF token."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from materiel import review
from materiel.api.errors import ApiError
from materiel.api.params import store_of
from materiel.api.schemas import AuditItems, AuditPage, Items, ReviewResult, ok
from materiel.auth.http import writer
from materiel.review import audit, kbsearch
from materiel.review.agreement import agreement
from materiel.store.repository import Store

router = APIRouter()
StoreDep = Annotated[Store, Depends(store_of)]
WriterDep = Annotated[str, Depends(writer)]
Reason = Annotated[str | None, Field(max_length=2000)]
Roles = dict[str, list[dict[str, Any]]]


class Judgement(BaseModel):
    action: Literal["accept", "reject"]
    reason: Reason = None


class Edit(BaseModel):
    type: str | None = None
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD; '' clears it")
    status: str | None = Field(None, description="planned, announced or done; '' clears it")
    roles: Roles | None = Field(None, description='Every role: {"buyer": [{"text": "...", '
                                                  '"id": "country:FI"}], ...}')
    reason: Reason = None


class Added(BaseModel):
    sentence: int = Field(ge=0, description="The sentence's index in the document")
    type: str
    date: str | None = None
    status: str | None = None
    roles: Roles = Field(default_factory=dict)
    reason: Reason = None


def _result(store: Store, event_id: int, change: str | None) -> dict[str, Any]:
    with store.engine.connect() as conn:
        log = audit.event_entries(conn, event_id)
    return {"event_id": event_id, "change": change, "audit": log}


def _guard(work: Any) -> Any:
    try:
        return work()
    except review.NotFound as exc:
        raise ApiError(404, str(exc)) from None


@router.post("/events/{event_id}/review", summary="Accept or reject an event",
             **ok(ReviewResult))
def judge(event_id: int, body: Judgement, store: StoreDep, user: WriterDep) -> dict[str, Any]:
    act = review.accept if body.action == "accept" else review.reject
    change = _guard(lambda: act(store, event_id, user, body.reason))
    return _result(store, event_id, change)


@router.patch("/events/{event_id}", summary="Correct an event's type, date, status or roles",
             **ok(ReviewResult))
def correct(event_id: int, body: Edit, store: StoreDep, user: WriterDep) -> dict[str, Any]:
    change = review.EventEdit(type=body.type, date=body.date, status=body.status,
                              roles=body.roles, reason=body.reason)
    key = _guard(lambda: review.edit(store, event_id, user, change))
    return _result(store, event_id, key)


@router.post("/events/{event_id}/undo", summary="Undo the event's newest change",
             **ok(ReviewResult))
def undo(event_id: int, store: StoreDep, user: WriterDep) -> dict[str, Any]:
    key = _guard(lambda: review.undo(store, event_id, user))
    if key is None:
        raise ApiError(409, f"event {event_id} has no change to undo", "nothing_to_undo")
    return _result(store, event_id, key)


@router.post("/documents/{document_id}/events", status_code=201,
             summary="Add a missed event from a sentence of the document",
             **ok(ReviewResult, 201))
def add(document_id: int, body: Added, store: StoreDep, user: WriterDep) -> dict[str, Any]:
    new = review.NewEvent(document_id=document_id, sentence=body.sentence, type=body.type,
                          date=body.date, status=body.status, roles=body.roles,
                          reason=body.reason)
    event_id = _guard(lambda: review.add_event(store, user, new))
    return _result(store, event_id, None)


@router.get("/events/{event_id}/audit", summary="The audit log of one event, oldest first",
             **ok(AuditItems))
def event_audit(event_id: int, store: StoreDep) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return {"items": audit.event_entries(conn, event_id)}


@router.get("/audit", summary="The audit log, newest first (keyset: before=<last id>)",
             **ok(AuditPage))
def audit_log(store: StoreDep, user: str | None = None,
              before: Annotated[int | None, Query(ge=1)] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    with store.engine.connect() as conn:
        items = audit.entries(conn, limit=limit, before_id=before, user=user)
    return {"items": items, "next_before": items[-1]["id"] if len(items) == limit else None}


@router.get("/review/agreement",
            summary="Cohen's kappa for each pair of reviewers over the events both judged",
             **ok(Items))
def reviewer_agreement(store: StoreDep) -> dict[str, Any]:
    with store.engine.connect() as conn:
        pairs = agreement(conn)
    return {"items": [pair.__dict__ for pair in pairs]}


@router.get("/kb/search", summary="Knowledge-base entities matching a name",
             **ok(Items))
async def kb_search(q: Annotated[str, Query(min_length=1, max_length=100)],
                    limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    return {"items": await run_in_threadpool(kbsearch.search, q, limit)}
