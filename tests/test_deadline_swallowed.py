"""A deadline whose signal is swallowed by the code it interrupts still counts."""

from __future__ import annotations

import time
from contextlib import suppress

import pytest

from materiel.deadline import DeadlineExceeded, deadline


def test_an_overrun_is_reported_even_when_the_interrupted_code_swallows_it() -> None:
    with pytest.raises(DeadlineExceeded), deadline(0.05):
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            with suppress(DeadlineExceeded):  # like a callback whose exceptions are ignored
                time.sleep(0.01)


def test_work_within_the_limit_is_untouched() -> None:
    with deadline(1.0):
        time.sleep(0.01)
