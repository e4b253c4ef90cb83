"""Rules that keep non-events out (written for these tests): abilities of weapons, comments on
attacks, civilian targets, fighting; and the strikes that must stay."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The new cruise missile gives the navy the ability to strike enemy ports.",
        "The drone must be able to hit moving targets at long range.",
        "The regime has supplied an arsenal for attacking its neighbour.",
        "The bishop condemned the brutal attack on the town market.",
        "Militia fighters have been attacking civilians in the border villages.",
        "The army will open a second front next month, attacking enemy forces on two axes.",
        "The regiment repelled ground attacks near the river crossing.",
        "The country is buying jammers to protect troops against drone attacks.",
    ],
)
def test_not_a_strike(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian drones struck an oil depot in the Bryansk region overnight.",
        "The navy fired 40 cruise missiles at the rebels' air bases on Sunday.",
        "Officials said the attack on the air base destroyed two fighter jets.",
        "Kyiv said it intercepted most of a fresh overnight barrage of drones launched by Russia.",
        "The rebels mounted one of their largest attacks on the naval base this year.",
    ],
)
def test_strike_stays(parse, text):
    assert "strike" in _types(parse(text))
