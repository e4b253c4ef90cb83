"""Procurement non-events and roles found by a precision audit of a third sample of
unannotated defence news (sentences written for these tests): plans put on hold, dropped or
replaced, a refrained purchase, being against selling, advice to order, bidders read as
buyers, and counts glued to a hyphen ("a 40-jet order", "200 30-tonne tanks")."""

from __future__ import annotations

import pytest

from materiel.nlp.status import analyze


def _procurements(doc) -> list:
    return [m for m in doc._.mentions if m.type == "procurement"]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    "text",
    [
        # a plan put on hold, whatever the parse makes of "plans"
        "Plans to acquire 12 more Kerel trainer jets were put on hold last month.",
        "Because of the budget gap, plans to buy 12 Kerel and 21 Brask fighter jets have been "
        "put on hold.",
        "Ostmark has junked several foreign deals, among them the plan to buy 33 fighter "
        "aircraft from Brask.",
        "Ostmark kept several deals on hold, such as the plan to buy 33 fighter aircraft from "
        "Brask.",
        # a plan dropped, a plan replaced by a later one
        "Brask wanted to buy 21 Kerel fighters in 2019 but had to drop the plan after a "
        "public outcry.",
        "The Brask coast guard, which originally wanted to acquire 40 patrol boats, now plans "
        "to buy 22 Kerel cutters.",
        # refrained from, against selling
        "Ostmark said it would refrain from buying Brask radars for a year.",
        "Lindell Aerospace says it is against selling its drones to warring states.",
        # advice, not a deed or a plan
        "It is important to place firm orders for 40 fighter jets, said Kerel.",
    ],
)
def test_given_up_refrained_or_urged_purchases_are_no_events(parse, text):
    got = _procurements(parse(text))
    # only the later plan of the navy's sentence stays
    assert all(_texts(m, "quantity") == ["22"] for m in got), [(m.trigger, m.args) for m in got]


def test_the_later_plan_stays(parse):
    text = "Brask originally planned to buy 40 Kerel trainers but now seeks 24."
    got = _procurements(parse(text))
    assert all(_texts(m, "quantity") != ["40"] for m in got)
    text = (
        "The Brask coast guard, which originally wanted to acquire 40 patrol boats, now plans "
        "to buy 22 Kerel cutters."
    )
    got = _procurements(parse(text))
    assert [_texts(m, "quantity") for m in got] == [["22"]]


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark plans to buy 12 jets.",
        "Plans to buy 12 fighter jets were approved on Monday.",
        "Ostmark originally ordered 12 fighter jets in 2019.",
    ],
)
def test_plans_kept_stay(parse, text):
    assert _procurements(parse(text))


def test_a_decision_that_it_is_necessary_is_no_advice(parse):
    text = (
        "Kerel's council has decided that it is necessary to extend its sanctions on Brask for "
        "another year."
    )
    assert "sanction" in [m.type for m in parse(text)._.mentions]


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Lindell Aerospace is competing in the Ostmark Navy's tender for 26 fighter jets.",
         "Ostmark Navy"),
        ("Lindell Aerospace will bid in the Ostmark Army's tender for 300 howitzers.",
         "Ostmark Army"),
        ("Lindell Aerospace is competing in the Ostmark Navy's tender to buy 12 submarines.",
         "Ostmark Navy"),
    ],
)
def test_a_bidder_is_never_the_buyer(parse, text, buyer):
    got = _procurements(parse(text))
    assert got
    for m in got:
        assert "Lindell Aerospace" not in _texts(m, "buyer")
        assert buyer in _texts(m, "buyer")


def test_a_firm_eyeing_orders_is_no_buyer(parse):
    text = "Lindell Aerospace is eyeing the bulk of the Ostmark Army's howitzer orders."
    for m in _procurements(parse(text)):
        assert "Lindell Aerospace" not in _texts(m, "buyer")


def test_a_count_glued_to_the_goods_splits(parse):
    text = "Lindell shares rose after a 40-jet order from the Ostmark air force."
    got = _procurements(parse(text))
    assert got
    assert _texts(got[0], "item") == ["jet"]
    assert _texts(got[0], "quantity") == ["40"]


def test_a_measure_after_the_count_is_no_count(parse):
    text = "Ostmark wants to buy about 200 30-tonne light tanks for its mountain units."
    got = _procurements(parse(text))
    assert got
    assert _texts(got[0], "item") == ["light tanks"]
    assert _texts(got[0], "quantity") == ["200"]


def test_commitments_won_are_no_purchase(parse):
    text = "Ostmark has acquired commitments from three allies for Kerel air defence batteries."
    assert not _procurements(parse(text))


def test_goods_acquired_stay(parse):
    assert _procurements(parse("Ostmark has acquired five Kerel air defence batteries."))


def test_an_order_placed_is_no_spending(parse):
    doc = parse("Kerel has placed orders worth $40 million with Lindell for 12 fighter jets.")
    types = [m.type for m in doc._.mentions]
    assert "spending" not in types and "procurement" in types


def test_spending_on_defence_stays(parse):
    doc = parse("Ostmark will spend $2 billion on defence next year.")
    assert "spending" in [m.type for m in doc._.mentions]


def test_a_delivery_waiting_on_a_contract_is_no_event(parse):
    text = "Once the contract is signed, the Ostmark Army will receive 60 howitzers per year."
    assert not _procurements(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Once the contract was signed, the Ostmark Army received 60 howitzers.",
        "The Ostmark Army will receive 60 howitzers from Lindell next year.",
    ],
)
def test_deliveries_after_a_step_taken_or_planned_stay(parse, text):
    assert _procurements(parse(text))


def test_a_delivery_rate_on_the_goods_is_no_event(parse):
    assert not _procurements(parse("Ostmark Army will be getting 60 howitzers per year."))


def test_law_and_order_is_no_order(parse):
    text = (
        "The Ostmark government says better law and order and new air defence systems have "
        "brought calm to the border."
    )
    assert not [t for t in parse(text)._.triggers if t.lemma == "order"]


def test_orders_only_expected_are_no_event(parse):
    text = "Lindell won an order for 600 rifles, with more orders expected from the Ostmark army."
    doc = parse(text)
    awaited = [t for t in doc if t.lower_ == "orders"][0]
    assert analyze(awaited).hypothetical
    assert not analyze([t for t in doc if t.lower_ == "order"][0]).hypothetical


def test_an_order_expected_to_be_signed_stays(parse):
    text = "The Ostmark Navy's order for 12 Kerel frigates is expected to be signed in March."
    assert _procurements(parse(text))
