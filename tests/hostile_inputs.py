"""Hostile text for the hang tests, and the time budget they hold each call to.

The texts are long runs (10k to 200k characters) of punctuation, whitespace, word
characters, digits and arbitrary Unicode, sometimes behind a prefix that leads a line
classifier past its first test ("SOURCE: ", "for more information ").  A linear function
answers in milliseconds; a backtracking regex takes minutes.  The budget is a hang
detector, wide enough for a slow, shared two-core CI machine (the slowest function, `clean`,
needs about a fifth of it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sized
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SECONDS_PER_100K_CHARS = 2.0

# One example runs every function of a list, so few examples cover a lot.
HOSTILE_SETTINGS = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PUNCTUATION = (".", "...", "…", "!", "?", "-", "--", "–", "—", ",", ";", ":", "/", "|", "&")
QUOTES_AND_BRACKETS = ('"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "<", ">")
WHITESPACE = (" ", "\t", "\n", "\r\n", "\xa0", "\u2028", "\u200b", " \n ")
WORDS = ("a", "A", "Aa ", "aa", "_", "é", "ж", "A.", "a.", "A-", "A'", "’s ", "A, ", "x. Y ")
DIGITS = ("1", "9 ", "1,", "1.", "-1", "$1", "2024", "1 000 ")
MARKUP = ("<!--", "-->", "<a>", "<a", "<title", "<!---->")
UNITS = PUNCTUATION + QUOTES_AND_BRACKETS + WHITESPACE + WORDS + DIGITS + MARKUP

PREFIXES = (
    "",
    "SOURCE: ",
    "By ",
    "Reporting by ",
    "for more information ",
    "cookie ",
    "Ann Lee ",
    "NATO met. ",
    "“",
)
SUFFIXES = ("", " contributed.", " (NATO)", "x", " said.", " 2024", "\n")


def _run(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@st.composite
def hostile_texts(draw: st.DrawFn, min_size: int = 10_000, max_size: int = 200_000) -> str:
    """A few long runs of repeated units, with an optional prefix and suffix."""
    size = draw(st.integers(min_size, max_size))
    units = draw(
        st.lists(
            st.sampled_from(UNITS) | st.text(min_size=1, max_size=6),
            min_size=1,
            max_size=4,
        )
    )
    weights = draw(st.lists(st.integers(1, 10), min_size=len(units), max_size=len(units)))
    total = sum(weights)
    runs = zip(units, weights, strict=True)
    body = "".join(_run(unit, size * weight // total) for unit, weight in runs)
    return draw(st.sampled_from(PREFIXES)) + body + draw(st.sampled_from(SUFFIXES))


def budget_for(text: Sized) -> float:
    return SECONDS_PER_100K_CHARS * max(1.0, len(text) / 100_000)


def within_budget(name: str, function: Callable[[Any], Any], text: Any) -> Any:
    """`function(text)`, failing the test when it takes longer than the budget.

    The budget holds the processor time the call used: a hang burns it, while a machine
    busy with other jobs only stretches the wall-clock time (reported alongside)."""
    budget = budget_for(text)
    wall, processor = time.perf_counter(), time.process_time()
    result = function(text)
    wall, processor = time.perf_counter() - wall, time.process_time() - processor
    assert processor < budget, (
        f"{name} took {processor:.2f} s of processor time ({wall:.2f} s wall clock) on "
        f"{len(text):,} characters (budget {budget:.1f} s): {text[:60]!r}..."
    )
    return result
