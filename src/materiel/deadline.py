"""A time limit on a piece of work, so one runaway document cannot stall a batch.

Uses the interval timer (SIGALRM), which interrupts pure-Python code and the regular
expression engine alike.  Signals reach only the main thread: elsewhere, and on platforms
without SIGALRM, the work runs without a limit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class DeadlineExceeded(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def _can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DeadlineExceeded inside the block once `seconds` have passed (None: no limit).
    Nested deadlines keep the outer one: the inner one never extends it."""
    if not seconds or seconds <= 0 or not _can_limit():
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left < seconds:
        yield  # the outer deadline comes first and will fire
        return

    fired = False

    def expire(_signum: int, _frame: Any) -> None:
        nonlocal fired
        fired = True
        raise DeadlineExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
        # The signal can land in code that swallows exceptions (a garbage-collection
        # callback prints "Exception ignored" and goes on): the work still overran.
        if fired:
            raise DeadlineExceeded(seconds)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # re-arm the outer deadline with what it has left
            used = time.monotonic() - started
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - used, 0.001))
