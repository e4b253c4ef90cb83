"""Access control for the server: signed, expiring session cookies (itsdangerous, through
Starlette's SessionMiddleware), API tokens (Bearer), CSRF tokens, reading behind a login
when configured, and a limit on the size of request bodies."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from materiel.api.errors import ApiError, error_response
from materiel.api.settings import Settings
from materiel.auth.accounts import user_for_token
from materiel.store import Store

COOKIE = "materiel_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _session(request: Request) -> dict[str, Any]:
    if "session" not in request.scope:  # the pages served without the middleware (tests)
        return {}
    session: dict[str, Any] = request.session
    return session


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use), for forms and the page's scripts."""
    session = _session(request)
    if "session" in request.scope and CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return str(session.get(CSRF_FIELD, ""))


def session_user(request: Request) -> str | None:
    """The logged-in user, unless the login is older than the session's lifetime."""
    session = _session(request)
    user, since = session.get("user"), session.get("since", 0)
    if not isinstance(user, str):
        return None
    settings: Settings = getattr(request.app.state, "settings", None) or Settings()
    return user if time.time() - float(since) <= settings.session_seconds else None


def log_in(request: Request, user: str) -> None:
    session = _session(request)
    session.clear()  # a fresh session: no token chosen before the login survives it
    session.update({"user": user, "since": int(time.time()),
                    CSRF_FIELD: secrets.token_urlsafe(32)})


def log_out(request: Request) -> None:
    _session(request).clear()


def _bearer(request: Request) -> str | None:
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


async def token_user(request: Request) -> str | None:
    """The user of the request's Bearer token; ApiError 401 when a token is given but is
    not a live one."""
    secret = _bearer(request)
    if secret is None:
        return None
    store: Store = request.app.state.store
    user = await run_in_threadpool(user_for_token, store, secret)
    if user is None:
        raise ApiError(401, "the API token is not valid or was revoked", "invalid_token")
    return user


async def check_csrf(request: Request) -> None:
    """A change made through the session cookie must carry the session's CSRF token, in the
    X-CSRF-Token header (scripts) or the csrf_token form field."""
    expected = str(_session(request).get(CSRF_FIELD, ""))
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not expected or not given or not hmac.compare_digest(expected, given):
        raise ApiError(403, "missing or wrong CSRF token; reload the page", "csrf")


async def writer(request: Request) -> str:
    """The user making a change: by API token, or logged in with a valid CSRF token."""
    user = await token_user(request)
    if user is not None:
        return user  # browsers never send a Bearer token by themselves: no CSRF to fear
    user = session_user(request)
    if user is None:
        raise ApiError(401, "log in, or send an API token (Authorization: Bearer ...)",
                       "login_required")
    await check_csrf(request)
    return user


class BodyLimit:
    """Refuses request bodies over `max_bytes` (413) before the application reads them, and
    bodies whose length is not announced (411)."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            headers = dict(scope["headers"])
            length = headers.get(b"content-length")
            problem = None
            if length is None and b"chunked" in headers.get(b"transfer-encoding", b""):
                problem = (411, "a request body needs a Content-Length")
            elif length is not None and (not length.isdigit()
                                         or int(length) > self.max_bytes):
                problem = (413, f"the request body is over {self.max_bytes:,} bytes")
            if problem is not None:
                await error_response(*problem)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _is_open(path: str) -> bool:
    return path == "/login" or path.startswith("/static/")


def install(app: FastAPI, settings: Settings) -> None:
    """The middleware, innermost first: reading behind a login (when configured), then the
    session cookie it needs, then the body limit."""
    if settings.login_required_to_read:
        @app.middleware("http")
        async def login_to_read(request: Request,
                                call_next: Callable[[Request], Awaitable[Response]]
                                ) -> Response:
            if _is_open(request.url.path) or session_user(request) is not None:
                return await call_next(request)
            try:
                if await token_user(request) is not None:
                    return await call_next(request)
            except ApiError as exc:
                return error_response(exc.status, exc.message, exc.code)
            if request.url.path.startswith("/api/"):
                return error_response(401, "log in, or send an API token", "login_required")
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key or
                       secrets.token_urlsafe(32), session_cookie=COOKIE,
                       max_age=settings.session_seconds, same_site="lax",
                       https_only=settings.secure_cookies)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
