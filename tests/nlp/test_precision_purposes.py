"""Attacks named as a weapon's purpose and requirements that are "met" are no events
(sentences written for these tests)."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The Vulcan missile is meant to be a light, modular solution to target enemy ships.",
        "The Pentagon said the US has sent anti-radar missiles for Polish jets to target radars.",
        "The rockets can also hit mobile radars, which Russia uses to target Ukrainian artillery.",
    ],
)
def test_purpose_is_not_a_strike(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The overnight barrage used drones and missiles to strike cities across Ukraine.",
    ],
)
def test_told_strike_stays(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The radar must be tested to ensure it meets the Operational Requirements set by the Army.",
    ],
)
def test_meeting_a_requirement_is_not_a_meeting(parse, text):
    assert "meeting" not in _types(parse(text))
