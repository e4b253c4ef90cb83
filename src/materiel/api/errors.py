"""One shape for every API error: {"error": {"code": ..., "message": ...}}.

JSON bodies escape <, > and & too, so article text holding markup stays inert even where a
client drops it into a page or a browser sniffs the response as HTML.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

API_PREFIX = "/api/"
log = logging.getLogger(__name__)
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 422: "invalid_request",
          500: "internal_error"}


def dumps(content: Any) -> str:
    text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


class ApiError(Exception):
    """An error a handler raises on purpose, with its status and code."""

    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message


def error_response(status: int, message: str, code: str | None = None,
                   details: Any = None) -> SafeJSONResponse:
    body: dict[str, Any] = {"code": code or _CODES.get(status, "error"), "message": message}
    if details is not None:
        body["details"] = details
    return SafeJSONResponse({"error": body}, status_code=status)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def install(app: FastAPI) -> None:
    """Error handlers: JSON under /api/, FastAPI's own elsewhere (the web pages')."""

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message, exc.code)

    @app.exception_handler(ValueError)
    async def on_bad_value(request: Request, exc: ValueError) -> Response:
        # the query layer refuses what it cannot answer (an unknown type, a bad cursor)
        if _is_api(request):
            return error_response(400, str(exc))
        return PlainTextResponse(str(exc), status_code=400)

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> Response:
        if _is_api(request):
            return error_response(exc.status_code, str(exc.detail))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        if not _is_api(request):
            return await request_validation_exception_handler(request, exc)
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())),
                     "problem": str(e.get("msg", ""))} for e in exc.errors()]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return error_response(422, message or "invalid request", details=problems)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        if _is_api(request):
            return error_response(500, "internal error")
        return PlainTextResponse("Internal Server Error", status_code=500)
