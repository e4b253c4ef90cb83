"""Dates resolved against fixed publication dates."""

from __future__ import annotations

import pytest

from materiel.nlp.dates import find_expressions, month_day, parse_published, resolve, weekday


@pytest.mark.parametrize(
    ("text", "published", "future", "value", "precision"),
    [
        ("on 3 March 2021", None, False, "2021-03-03", "day"),
        ("on September 9, 2019", "2024-01-01", False, "2019-09-09", "day"),
        ("signed on 2020-11-05", None, False, "2020-11-05", "day"),
        ("in October 2018", None, False, "2018-10", "month"),
        ("in 2017", None, False, "2017", "year"),
        ("by mid-2026", "2024-01-01", False, "2026", "year"),
        ("in 2029-30", "2024-01-01", False, "2029", "year"),
        # month and day without a year: the latest one up to publication ...
        ("on March 30", "2024-05-10", False, "2024-03-30", "day"),
        ("on December 30", "2024-05-10", False, "2023-12-30", "day"),
        ("Nov. 4", "2024-05-10", False, "2023-11-04", "day"),
        # ... or, in future tense, the coming one (unless the last one is only days back)
        ("on May 15", "2024-05-10", True, "2024-05-15", "day"),
        ("on April 2", "2024-05-10", True, "2025-04-02", "day"),
        ("on May 6", "2024-05-10", True, "2024-05-06", "day"),
        # weekdays: the latest such day up to publication (the day itself counts) ...
        ("on Thursday", "2024-05-10", False, "2024-05-09", "day"),
        ("on Friday", "2024-05-10", False, "2024-05-10", "day"),
        ("last Friday", "2024-05-10", False, "2024-05-03", "day"),
        # ... or the coming one
        ("on Monday", "2024-05-10", True, "2024-05-13", "day"),
        ("next Tuesday", "2024-05-10", False, "2024-05-14", "day"),
        ("yesterday", "2024-03-01", False, "2024-02-29", "day"),
        ("today", "2024-03-01", False, "2024-03-01", "day"),
        ("last month", "2024-01-15", False, "2023-12", "month"),
        ("next month", "2024-12-15", False, "2025-01", "month"),
        ("earlier this month", "2024-07-15", False, "2024-07", "month"),
        ("last week", "2024-07-03", False, "2024-06", "month"),
        ("last year", "2024-07-03", False, "2023", "year"),
        ("in March last year", "2024-07-03", False, "2023-03", "month"),
        ("October of last year", "2024-07-03", False, "2023-10", "month"),
        ("in February", "2024-07-03", False, "2024-02", "month"),
        ("in November", "2024-07-03", False, "2023-11", "month"),
        ("in September", "2024-07-03", True, "2024-09", "month"),
        ("by the end of the year", "2024-07-03", False, "2024", "year"),
        ("later in the year", "2024-07-03", False, "2024", "year"),
        ("three days ago", "2024-07-03", False, "2024-06-30", "day"),
        # the publication's own weekday is that day, in the past and in the future
        ("talks on Wednesday", "2023-04-05", False, "2023-04-05", "day"),
        ("will meet on Wednesday", "2023-04-05", True, "2023-04-05", "day"),
        ("next Wednesday", "2023-04-05", False, "2023-04-12", "day"),
        ("this week", "2023-04-05", False, "2023-04", "month"),
        # a range of days takes its own year
        ("the show ran September 12-15, 2019", "2024-01-01", False, "2019-09-12", "day"),
        ("from 3-5 March 2018", "2024-01-01", False, "2018-03-03", "day"),
        # a year followed by a comma is a year
        ("In 2014, the ministry signed", "2024-01-01", False, "2014", "year"),
    ],
)
def test_resolve(text: str, published: str | None, future: bool, value: str, precision: str):
    got = resolve(text, published, future)
    assert got is not None
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize("text", ["on Friday", "last month", "on June 3", "yesterday", "in May"])
def test_relative_dates_need_a_publication_date(text: str):
    # never the processing date
    assert resolve(text, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Executive Order 14024",
        "a range of 2,000 kilometres",
        "$2025 million",
        "the 1500 troops",
        "it may be delayed",
        "section 2031 of the act",
        "in recent weeks",
        "a fleet of 2,025 trucks",
    ],
)
def test_not_dates(text: str):
    assert resolve(text, "2024-05-10") is None


def test_future_flag_and_precision():
    got = resolve("by the end of 2027", "2024-01-01")
    assert got is not None and got.value == "2027" and got.future


def test_expressions_do_not_overlap():
    spans = find_expressions("On March 3, 2022 and again in April 2023 the ministry met.")
    assert [s[2] for s in spans] == ["mdy", "my"]


def test_helpers():
    ref = parse_published("2024-02-29T10:00:00Z")
    assert ref is not None and ref.isoformat() == "2024-02-29"
    assert month_day(2, 29, ref, False) == "2024-02-29"
    assert weekday("sunday", ref, False) == "2024-02-25"
    assert parse_published("not a date") is None


def test_dates_component_uses_clause_tense(parse):
    doc = parse("The two ministers will meet on Monday in Warsaw.", "2024-05-10")
    assert [d.value for d in doc._.dates] == ["2024-05-13"]
    doc = parse("The two ministers met on Monday in Warsaw.", "2024-05-10")
    assert [d.value for d in doc._.dates] == ["2024-05-06"]


def test_done_action_takes_no_date_from_another_clauses_target(parse):
    doc = parse(
        "The bloc has doubled its output of shells and will overtake its rival in 2027, "
        "the commissioner said.",
        "2025-03-12",
    )
    ms = [m for m in doc._.mentions if m.type == "production"]
    assert ms and all(m.date is None or m.date.value != "2027" for m in ms)
