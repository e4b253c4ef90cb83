"""The analyst's web pages (server-rendered): include `router` in a FastAPI app whose
`app.state.store` is the store to serve."""

from materiel.web.pages import get_store, router

__all__ = ["get_store", "router"]
