"""The HTTP side: the REST API under /api/v1 (and the web pages, when installed)."""
