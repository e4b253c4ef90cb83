"""The application: the REST API under /api/v1, and the web pages when they are installed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, FastAPI, Request, Response

from materiel import __version__
from materiel.api import errors, exports, review, routes
from materiel.api.errors import SafeJSONResponse
from materiel.api.settings import Settings
from materiel.auth import http as auth_http
from materiel.store.repository import Store

API_PATH = "/api/v1"


def create_app(store: Store, settings: Settings | None = None) -> FastAPI:
    """An app serving `store`; routes find both on `request.app.state`."""
    settings = settings or Settings()
    app = FastAPI(title=settings.title, version=__version__,
                  openapi_url=f"{API_PATH}/openapi.json", docs_url=f"{API_PATH}/docs",
                  redoc_url=None, default_response_class=SafeJSONResponse)
    app.state.store = store
    app.state.settings = settings
    errors.install(app)
    api = APIRouter(prefix=API_PATH)
    api.include_router(routes.router, tags=["read"])
    api.include_router(exports.router, tags=["export"])
    api.include_router(review.router, tags=["review"])
    app.include_router(api)
    try:
        from materiel.web import router as web_router
    except ImportError:
        pass
    else:
        app.include_router(web_router)

    @app.middleware("http")
    async def no_sniffing(request: Request,
                          call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    auth_http.install(app, settings)  # outermost: session cookie, body size
    return app
