"""Round 14 (spending, agreement): money named as funding with no state is the granter's own
spending; money for a branch of the forces is defence money; money received is no delivery;
a deal covering bare fields of policy is an agreement, not a purchase (sentences written for
these tests)."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ostmark's parliament approved 3 billion euros in emergency funding for air defence.",
         "3 billion euros"),
        ("The Brask cabinet approved 400 million pounds in extra funding for the armed forces, "
         "the ministry said.", "400 million pounds"),
        ("The Brask cabinet approved 400 million pounds in extra funding for the navy, the "
         "ministry said.", "400 million pounds"),
        ("Ostmark's government will invest 2 billion euros in the army over five years.",
         "2 billion euros"),
    ],
)
def test_own_funding_and_money_for_the_forces_is_spending(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


@pytest.mark.parametrize(
    "text",
    [
        "Congress approved $2 billion in funding for Ukraine, officials said.",
        "Kerel's government approved $250 million in funding for Ukraine's air defence.",
        "The council approved 12 million euros in funding for a new swimming pool.",
        "The council approved 5 million pounds in funding for the Salvation Army's shelters.",
        "The city approved $3 million for a new navy museum.",
    ],
)
def test_funding_for_a_state_or_civil_use_is_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


@pytest.mark.parametrize(
    "text",
    [
        "Kerel's defence ministry received an extra 500 million pounds to buy new equipment.",
        "The Ostmark army received 2 billion euros from the government to buy new tanks.",
    ],
)
def test_money_received_is_no_delivery(parse, text):
    assert not [m for m in _mentions(parse(text), "procurement") if m.trigger == "receive"]


def test_goods_received_stay_a_delivery(parse):
    doc = parse("The Brask navy received its first two frigates from Lindell Aerospace on Monday.")
    assert [m for m in _mentions(doc, "procurement") if m.trigger == "receive"]


@pytest.mark.parametrize(
    "text",
    [
        "Britain and Ukraine signed a 100-year partnership deal covering defence and security.",
        "France and Germany signed a deal covering defence, energy and trade.",
        "Poland and Norway signed a deal covering defence and energy on Tuesday, the ministers "
        "said.",
    ],
)
def test_a_deal_covering_fields_is_an_agreement(parse, text):
    doc = parse(text)
    assert _mentions(doc, "agreement")
    assert not _mentions(doc, "procurement")


@pytest.mark.parametrize(
    "text",
    [
        "Spain signed a deal with Airbus covering air defence for its bases.",
        "Kerel signed a deal covering 24 fighter jets and their weapons.",
    ],
)
def test_a_deal_covering_goods_stays_a_purchase(parse, text):
    assert _mentions(parse(text), "procurement")
