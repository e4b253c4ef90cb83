"""Production made under a licence or a technology transfer is an arrangement in force, an
event even when told in the simple present; a maker's trade, or work under a purchase
contract, is not (round 13)."""

from __future__ import annotations

import pytest


def _production(doc) -> list:
    return [m for m in doc._.mentions if m.type == "production" and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    "text,maker,partner",
    [
        ("Kerel Shipyards builds the frigates under a licence agreement signed with Lindell "
         "in 2021.", "Kerel Shipyards", "Lindell"),
        ("Hanwha Aerospace assembles the howitzers in Poland under a licence from Lindell.",
         "Hanwha Aerospace", "Lindell"),
        ("Brask Defence produces the Kestrel missiles under licence from Lindell Aerospace at "
         "its plant in Varn.", "Brask Defence", "Lindell Aerospace"),
        ("Poland's PGZ builds the K2 tanks under a licence and technology transfer deal with "
         "Hyundai Rotem, the company said.", "PGZ", "Hyundai Rotem"),
    ],
)
def test_goods_made_under_licence_are_production(parse, text, maker, partner):
    found = _production(parse(text))
    assert found, text
    assert maker in _texts(found[0], "producer")
    assert partner in _texts(found[0], "partner")


@pytest.mark.parametrize(
    "text",
    [
        "Lindell builds armoured vehicles for several European armies.",
        "Kerel Shipyards builds the frigates under a contract with the Ostmark navy.",
        "BAE Systems makes the Archer howitzer in Sweden.",
        "The rifles are made at a plant in Brask.",
    ],
)
def test_a_makers_trade_or_contract_work_is_no_production(parse, text):
    assert not _production(parse(text))
