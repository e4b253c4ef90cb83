"""Column types that store the same thing on SQLite and PostgreSQL.

PostgreSQL refuses NUL characters in text and strings longer than a VARCHAR's length, where
SQLite keeps both: a value is made to fit before it is bound, on every backend.  Keys
(ids, entity ids) that are too long keep a prefix and a hash, so distinct keys stay distinct
and a lookup by the long key finds the stored row; free text is cut with an ellipsis.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.types import TypeDecorator

HASH_CHARS = 16


def strip_nul(value: str) -> str:
    return value.replace("\x00", "") if "\x00" in value else value


def fit(value: str, length: int, *, key: bool = False) -> str:
    """`value` without NUL characters, at most `length` characters long."""
    value = strip_nul(value)
    if len(value) <= length:
        return value
    if key:
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
        return value[: length - HASH_CHARS - 1] + "~" + digest[:HASH_CHARS]
    return value[: length - 1] + "…"


class BoundedString(TypeDecorator[str]):
    """VARCHAR(length) whose values are fitted to the length on every backend."""

    impl = String
    cache_ok = True

    def __init__(self, length: int, *, key: bool = False):
        super().__init__(length)
        self.limit = length
        self.key = key

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return fit(str(value), self.limit, key=self.key) if value is not None else None


class NulFreeText(TypeDecorator[str]):
    """TEXT without NUL characters (PostgreSQL cannot hold them)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return strip_nul(value) if isinstance(value, str) else value
