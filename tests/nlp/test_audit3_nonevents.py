"""Non-events found by a second precision audit over unannotated defence news (sentences
written for these tests): a named ship or an airline flight arriving, sanction in its
approval sense, meeting a goal, blame in words called an attack."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Flight OK-212 of the national airline arrived in Ostmark from Kerel at noon.",
        "Two flights of the national airline arrived in Ostmark from Kerel at noon.",
    ],
)
def test_an_airline_flight_arriving_is_no_aid(parse, text):
    types = _types(parse(text))
    assert "aid" not in types and "procurement" not in types


def test_leopard_tanks_arriving_in_a_state_stay_aid(parse):
    assert "aid" in _types(parse("Forty Brask tanks arrived in Ostmark last week."))


@pytest.mark.parametrize(
    "text",
    [
        "The Cabinet has accorded financial sanction and administrative approval for 12 new "
        "Heavy Water Reactors of 500 MW each.",
    ],
)
def test_sanction_as_approval_is_no_sanction(parse, text):
    assert "sanction" not in _types(parse(text))


def test_sanctions_on_a_firm_stay(parse):
    text = "The United States imposed sanctions on Lindell Aerospace, a Brask drone maker."
    assert "sanction" in _types(parse(text))


def test_meeting_a_goal_is_no_meeting(parse):
    text = "The new reactors will help Ostmark in meeting the Kerel Commitments."
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark rejected the envoy's report and attacked him for acting irresponsibly.",
        "The minister attacked the Brask envoy for his remarks on the border.",
    ],
)
def test_blame_for_a_deed_is_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_an_attack_on_a_base_stays_a_strike(parse):
    assert "strike" in _types(parse("Brask drones attacked the Kerel air base for two hours."))


@pytest.mark.parametrize(
    "text",
    [
        "Brask criticised Ostmark's decision to host a G20 meeting in Kerel as a provocation.",
        "The Ostmark foreign minister attended a connectivity conference in Kerel with his Brask "
        "counterpart.",
        "Ostmark will host a semiconductor summit with Brask in Kerel next month.",
        "Ostmark will host a G20 summit in Kerel next month.",
    ],
)
def test_a_meeting_of_a_civil_forum_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_a_quad_summit_beside_a_g20_stays(parse):
    text = ("The Ostmark president and the Brask prime minister will be meeting at the Quad "
            "summit in Kerel and later this year at the G20.")
    assert "meeting" in _types(parse(text))
