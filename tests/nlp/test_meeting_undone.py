"""Meetings undone or only spoken of, and talks between two sides named by a staff word
(sentences written for these tests)."""

from __future__ import annotations

import pytest


def _meetings(doc) -> list:
    return [m for m in doc._.mentions if m.type == "meeting" and m.rejected is None]


@pytest.mark.parametrize(
    "text",
    [
        "The planned summit of Nordic leaders in Oslo was cancelled last week.",
        "Denmark scrapped the talks with Norway on frigate patrols.",
        "The minister dismissed reports of talks with Spain over the sale of corvettes.",
        "The minister saw little prospect of talks with Brask over the border.",
        "The two ministers discussed the prospect of a summit between Ostmark and Brask.",
        "The Brask minister withdrew from the talks with Ostmark in Kerel.",
        "Ostmark called off its talks with Brask on the border after the shooting.",
        "Ostmark boycotted the talks with Brask in Kerel.",
        "Officials refused to discuss a possible summit with Iran on its missile programme.",
    ],
)
def test_undone_or_hedged_meetings_are_none(parse, text):
    assert _meetings(parse(text)) == []


def test_staff_level_talks_between_two_sides_are_a_meeting(parse):
    doc = parse("Later, the two sides held another round of corps commanders level talks to "
                "ease tension along the Kerel frontier.")
    assert _meetings(doc)


def test_a_held_meeting_stays(parse):
    doc = parse("The defence ministers of Poland and Germany met in Berlin on Monday to "
                "discuss tank deliveries.")
    assert _meetings(doc)


def test_the_pair_told_before_stays_a_side_beside_a_generic_one(parse):
    doc = parse('The two countries will hold their next "2+2" dialogue of foreign and defence '
                "ministers in Madrid next March.")
    (m,) = _meetings(doc)
    assert "countries" in [v.text for v in m.values("participant")]


@pytest.mark.parametrize(
    "text",
    [
        "The envoy met officials of Chile and Peru on the last day of the 4th Pacific Rim "
        "Conference in Lima.",
        "The chancellor will hold bilateral meetings with several leaders on the sidelines of "
        "the G20 summit in Rio.",
    ],
)
def test_a_gathering_beside_a_meeting_is_not_its_own(parse, text):
    assert not any(m.trigger in ("conference", "summit") for m in _meetings(parse(text)))


def test_a_place_a_relative_clause_meets_in_is_the_location(parse):
    doc = parse("Spain's defence minister is in Rabat, where he met his Moroccan counterpart on "
                "Friday to discuss border security.")
    locs = [v.text for m in _meetings(doc) for v in m.values("location")]
    assert "Rabat" in locs


def test_a_summoned_ambassador_is_a_meeting(parse):
    doc = parse("Warsaw summoned Belarusian ambassador Ivan Petrov in protest at the drone "
                "incursions over the border.")
    (m,) = _meetings(doc)
    assert m.trigger == "summon"


def test_a_summoned_cabinet_or_witness_is_none(parse):
    assert _meetings(parse("The court summoned the general to testify on Monday.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark held naval drills on the eve of its summit with Brask in Kerel.",
        "The Ostmark army held a parade on the last day of the defence ministers' talks with "
        "Brask in Kerel.",
        "On the second day of talks with Brask in Kerel, Ostmark's defence minister discussed "
        "air defence.",
    ],
)
def test_a_meeting_beside_a_deed_that_is_no_meeting_stays(parse, text):
    assert any(m.trigger in ("summit", "talks") for m in _meetings(parse(text)))


def test_a_report_presented_to_a_summit_leaves_the_summit(parse):
    doc = parse("The Ostmark defence minister presented a report to the NATO summit in Kerel.")
    assert any(m.trigger == "summit" for m in _meetings(doc))


def test_a_summoned_envoy_s_state_is_the_other_side(parse):
    doc = parse("The Ostmark Army summoned Brask's defence attache to discuss the border "
                "shooting.")
    (m,) = _meetings(doc)
    assert "Brask" in [v.text for v in m.values("participant")]
