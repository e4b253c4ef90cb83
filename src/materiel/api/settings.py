"""What the server is told at start."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    default_page_size: int = 50
    max_page_size: int = 500  # a bigger page is a 400, not a slow response
    base_url: str = ""  # how clients reach the server (Atom links); "" takes it from requests
    title: str = "Materiel"

    def __post_init__(self) -> None:
        if not 1 <= self.default_page_size <= self.max_page_size <= 1000:
            raise ValueError("need 1 <= default_page_size <= max_page_size <= 1000")
