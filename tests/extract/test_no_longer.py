""""No longer" negates any event as "not" does: a plan given up, a making that stopped."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark no longer plans to buy 48 Kestrel helicopters from Lindell Aerospace.",
        "Kerel Shipyards no longer builds the frigates under a licence agreement with Lindell.",
    ],
)
def test_no_longer_negates_the_event(extractor, make_clean, text: str) -> None:
    assert extractor.extract(make_clean(text)) == [], text


def test_a_plan_still_held_stays(extractor, make_clean) -> None:
    text = "Ostmark still plans to buy 48 Kestrel helicopters from Lindell Aerospace."
    assert [e.type for e in extractor.extract(make_clean(text))] == ["procurement"]
