"""What the server is told at start."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    default_page_size: int = 50
    max_page_size: int = 500  # a bigger page is a 400, not a slow response
    base_url: str = ""  # how clients reach the server (Atom links); "" takes it from requests
    title: str = "Materiel"
    # access (materiel.auth): changes always need a login or an API token
    login_required_to_read: bool = False
    secret_key: str = ""  # signs session cookies; "" picks a random one (sessions end on restart)
    session_seconds: int = 8 * 3600  # a login lasts this long
    secure_cookies: bool = False  # session cookie only over HTTPS
    max_request_bytes: int = 1_000_000
    # the feed's facet counts give up after this long (Datasette's facet_time_limit_ms):
    # the page comes at once, and a facet not counted in time is fetched after it, counted
    # alone within facet_count_limit_ms
    facet_time_limit_ms: int = 30
    facet_count_limit_ms: int = 10_000
    feed_page_size: int = 50  # rows on a page of the web feed

    def __post_init__(self) -> None:
        if not 1 <= self.default_page_size <= self.max_page_size <= 1000:
            raise ValueError("need 1 <= default_page_size <= max_page_size <= 1000")
        if not 1 <= self.feed_page_size <= 1000:
            raise ValueError("need 1 <= feed_page_size <= 1000")
