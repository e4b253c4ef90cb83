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
        ("Ostmark Works assembles the howitzers in Brask under a licence from Lindell.",
         "Ostmark Works", "Lindell"),
        ("Brask Defence produces the Kestrel missiles under licence from Lindell Aerospace at "
         "its plant in Varn.", "Brask Defence", "Lindell Aerospace"),
        ("Kerel Motors builds the K9 tanks under a licence and technology transfer deal with "
         "Lindell Defence, the company said.", "Kerel Motors", "Lindell Defence"),
        ("Ostmark Motors produces the howitzers under a technology transfer agreement with "
         "Kerel Dynamics.", "Ostmark Motors", "Kerel Dynamics"),
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
        "Brask Arms makes the Tarn howitzer at its plant in Varn.",
        "The rifles are made at a plant in Brask.",
    ],
)
def test_a_makers_trade_or_contract_work_is_no_production(parse, text):
    assert not _production(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        # a licence to trade the goods, or rules, is no licence to make them
        "Kerel Shipyards builds the frigates for Brask under an export licence from the "
        "Ostmark government.",
        "Kerel Shipyards builds the frigates under an import licence granted by the Brask "
        "government.",
        "Kerel Shipyards builds the frigates under export licensing rules agreed with Ostmark.",
        # the making denied or over
        "Kerel Shipyards no longer builds the frigates under a licence agreement with Lindell "
        "Naval.",
        "Kerel Dynamics no longer makes the missiles under licence from Lindell.",
        "Kerel Shipyards builds the frigates under a licence agreement with Lindell Naval, but "
        "production has been halted since 2022.",
        # civil goods
        "Brask Arms makes hunting rifles under licence from a Kerel company.",
        "Brask Arms makes sporting rifles under licence from Lindell.",
    ],
)
def test_a_trade_licence_a_denied_or_halted_making_or_civil_goods_is_no_production(
        parse, text):
    assert not _production(parse(text))
