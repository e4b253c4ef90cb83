"""Titles given to people in a text, checked against the dates of their offices."""

from __future__ import annotations

import pytest

from materiel.kb import Resolver, load_kb
from materiel.kb.titles import office_flags

TEXT = ("The talks followed a call between former US President Donald Trump and European "
        "leaders. Defence Minister Oleksii Reznikov said the supplies would arrive soon. "
        "Secretary of State Antony Blinken visited Warsaw.")


@pytest.fixture(scope="module")
def resolver():
    return Resolver(load_kb())


def reasons(text, date, resolver):
    return {f.person_id: f for f in office_flags(text, date, resolver)}


def test_titles_that_fit_the_date_raise_nothing(resolver):
    assert reasons(TEXT, "2022-07-01", resolver) == {}


def test_a_former_president_in_office_is_flagged(resolver):
    flags = reasons(TEXT, "2025-07-12", resolver)
    trump = flags["person:donald-trump"]
    assert trump.title == "former US President"
    assert "held that office" in trump.reason
    assert TEXT[trump.start:trump.end] == "former US President Donald Trump"


def test_ministers_after_leaving_office_are_flagged(resolver):
    flags = reasons(TEXT, "2024-02-01", resolver)
    assert "left that office" in flags["person:oleksii-reznikov"].reason
    assert "person:antony-blinken" not in flags  # still Secretary of State then
    assert "person:antony-blinken" in reasons(TEXT, "2025-06-01", resolver)


def test_no_date_no_flags(resolver):
    assert office_flags(TEXT, None, resolver) == []
