"""The analyst's web pages (server-rendered): include `router` in a FastAPI app whose
`app.state.store` is the store to serve."""

from materiel.web import review
from materiel.web.pages import get_store, router

router.include_router(review.router)

__all__ = ["get_store", "router"]
