"""Procurement events a review of rule round 12 found lost (sentences written for these
tests): a country joining a joint purchase, a plan told as the original one but never
replaced, a running delivery rate with its parties, a delivery waiting on a signature."""

from __future__ import annotations

import pytest


def _procurements(doc) -> list:
    return [m for m in doc._.mentions if m.type == "procurement"]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Brask and nine other countries will participate in the joint purchase of Kerel "
         "air defence systems.", "Brask"),
        ("Brask will participate in the joint procurement of 155mm shells under the alliance "
         "scheme.", "Brask"),
    ],
)
def test_a_country_joining_a_joint_purchase_buys(parse, text, buyer):
    got = _procurements(parse(text))
    assert any(buyer in _texts(m, "buyer") for m in got), [(m.trigger, m.args) for m in got]


def test_a_firm_taking_part_in_a_tender_is_no_buyer(parse):
    text = "Lindell Aerospace will participate in the Ostmark Navy's tender for 12 submarines."
    for m in _procurements(parse(text)):
        assert "Lindell Aerospace" not in _texts(m, "buyer")


@pytest.mark.parametrize(
    "text",
    [
        "The navy originally planned to buy 12 frigates; the order signed on Monday covers 18.",
        "Ostmark originally planned to buy 36 Kestrel jets from Lindell Aerospace and still "
        "intends to do so.",
    ],
)
def test_an_original_plan_not_told_as_replaced_stays(parse, text):
    got = _procurements(parse(text))
    assert any(m.status == "planned" for m in got), [(m.trigger, m.status) for m in got]


@pytest.mark.parametrize(
    "text",
    [
        "Once the contract is signed, Lindell Aerospace will deliver 40 jets to Ostmark by 2027.",
        "Once Brask's parliament approves the deal, Ostmark will buy 40 Kestrel jets.",
        "Once the Kerel assembly backs the plan, the Kerel army will order 90 trucks.",
    ],
)
def test_a_purchase_waiting_on_a_step_not_taken_is_no_event_however_told(parse, text):
    assert not _procurements(parse(text))


def test_a_purchase_after_a_step_taken_stays(parse):
    assert _procurements(parse("Once Brask's parliament approved the deal, Ostmark bought 40 "
                               "Kestrel jets."))


def test_a_rate_delivered_under_a_contract_keeps_its_parties(parse):
    text = "Ostmark is receiving 40 tanks per year from Kerel Motors under a 2021 contract."
    got = _procurements(parse(text))
    assert any(_texts(m, "buyer") == ["Ostmark"] and _texts(m, "seller") == ["Kerel Motors"]
               for m in got), [(m.trigger, m.args) for m in got]
