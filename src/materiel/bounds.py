"""What a listing accepts: its window and its date bounds (shared by the store and the CLI)."""

from __future__ import annotations

import re
from datetime import date

# Past these PostgreSQL or SQLite fail (a negative LIMIT, an integer beyond 64 bits), and no
# one reads a million rows on a terminal.
MAX_ROWS = 1_000_000
MAX_OFFSET = 1_000_000_000
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
STATUSES = ("planned", "announced", "done")  # an event's status (EVENTS.md, section 2)
_ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def is_iso_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, naming a real month and day."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value + "-01-01"[: 10 - len(value)])
    except ValueError:
        return False
    return True


def check_window(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_ROWS:
        raise ValueError(f"limit must be from 1 to {MAX_ROWS:,}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise ValueError(f"offset must be from 0 to {MAX_OFFSET:,}, not {offset}")
