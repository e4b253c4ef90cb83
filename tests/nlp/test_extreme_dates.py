"""Publication dates at the ends of the calendar (0001-01-01, 9999-12-31) and unreadable
ones: a relative date that would fall outside years 1 to 9999 resolves to nothing, never
to an exception that loses the document."""

from __future__ import annotations

import pytest

from materiel.nlp.dates import find_dates, in_calendar, parse_published, resolve

EXTREME_PUBLISHED = [
    "0001-01-01",
    "0001-01-06",
    "0001-02-14",
    "0001-12-31",
    "0001-01",
    "9999-12-31",
    "9999-12-27",
    "9999-01-01",
    "9999-12",
    "9999-12-31T23:59:59+00:00",
]
RELATIVE = [
    "on Monday",
    "on Sunday morning",
    "last Friday",
    "next Tuesday",
    "yesterday",
    "tomorrow",
    "today",
    "last week",
    "this week",
    "next week",
    "last month",
    "next month",
    "earlier this month",
    "last year",
    "next year",
    "later in the year",
    "by the end of the year",
    "three days ago",
    "two weeks ago",
    "12 months ago",
    "five years ago",
    "on June 18",
    "on January 1",
    "on December 31",
    "in December",
    "in January",
    "December of next year",
    "January of last year",
]


@pytest.mark.parametrize("published", EXTREME_PUBLISHED)
@pytest.mark.parametrize("future", [False, True])
def test_relative_dates_from_extreme_publication_dates(published: str, future: bool) -> None:
    for text in RELATIVE:
        got = resolve(text, published, future)
        if got is not None:
            assert in_calendar(got.value), (text, published, got)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("last year", "0001-06-01", None),  # year 0 does not exist
        ("next year", "9999-06-01", None),
        ("yesterday", "0001-01-01", None),
        ("tomorrow", "9999-12-31", None),
        ("next Friday", "9999-12-31", None),
        ("last month", "0001-01-15", None),
        ("next month", "9999-12-15", None),
        ("next year", "0001-06-01", "0002"),  # what can be held is still resolved
        ("last Monday", "9999-12-31", "9999-12-27"),
        ("on June 18", "9999-12-31", "9999-06-18"),
    ],
)
def test_dates_beyond_the_calendar_resolve_to_nothing(
    text: str, published: str, value: str | None
) -> None:
    got = resolve(text, published)
    assert (got.value if got else None) == value


@pytest.mark.parametrize(
    "published", ["0000-01-01", "2024-13", "2024-13-01", "2024-02-30", "10000-01-01", "x"]
)
def test_unreadable_publication_dates_are_no_reference(published: str) -> None:
    assert parse_published(published) is None
    assert resolve("last month", published) is None
    assert resolve("on 3 March 2021", published).value == "2021-03-03"


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "9999-12"])
def test_dates_of_a_parsed_sentence(parse, published: str) -> None:
    doc = parse("Next Friday the ministers will sign the deal agreed yesterday.", published)
    for found in find_dates(doc, published):
        assert in_calendar(found.value)
