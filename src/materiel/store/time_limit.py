"""Statements cut short at a deadline, as Datasette limits its facet counts
(`facet_time_limit_ms`): a count that would hold up a page is given up, not waited for.

SQLite: a progress handler aborts the running statement once the deadline has passed.
PostgreSQL: `SET LOCAL statement_timeout` to the time left, inside a savepoint that a
cancelled statement rolls back. Either way the block raises `TimedOut` and the connection
stays usable.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

# SQLite virtual-machine steps between two looks at the clock (a few microseconds)
_STEPS = 1000
_PG_CANCELLED = "57014"  # query_canceled: statement_timeout ran out


class TimedOut(Exception):
    """A statement was still running when its deadline came."""


@dataclass(frozen=True)
class Deadline:
    at: float | None  # a time.monotonic() reading; None: no limit

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else time.monotonic() + seconds)

    def left(self) -> float | None:
        """Seconds left (0 once passed); None without a limit."""
        return None if self.at is None else max(self.at - time.monotonic(), 0.0)

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() >= self.at


NO_LIMIT = Deadline(None)


@contextmanager
def within(conn: Connection, deadline: Deadline) -> Iterator[None]:
    """Run the statements of the block, reading their rows inside it too, before
    `deadline`: TimedOut when the deadline has passed before or while they run."""
    if deadline.at is None:
        yield
        return
    if deadline.passed():
        raise TimedOut
    if conn.dialect.name == "postgresql":
        with _pg_within(conn, deadline):
            yield
        return
    raw: Any = conn.connection.driver_connection  # sqlite3.Connection
    at = deadline.at
    raw.set_progress_handler(lambda: int(time.monotonic() >= at), _STEPS)
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc.orig):
            raise TimedOut from exc
        raise
    finally:
        raw.set_progress_handler(None, _STEPS)


@contextmanager
def _pg_within(conn: Connection, deadline: Deadline) -> Iterator[None]:
    left_ms = max(int((deadline.left() or 0.0) * 1000), 1)
    savepoint = conn.begin_nested()
    try:
        before = conn.execute(text("SELECT current_setting('statement_timeout')")).scalar()
        conn.execute(text("SELECT set_config('statement_timeout', :ms, true)"),
                     {"ms": str(left_ms)})
        yield
        conn.execute(text("SELECT set_config('statement_timeout', :ms, true)"),
                     {"ms": str(before)})
    except OperationalError as exc:
        savepoint.rollback()  # also undoes the SET LOCAL
        if getattr(exc.orig, "sqlstate", None) == _PG_CANCELLED:
            raise TimedOut from exc
        raise
    except BaseException:
        savepoint.rollback()
        raise
    else:
        savepoint.commit()
