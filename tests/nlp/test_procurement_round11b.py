"""Procurement constructions, rule round 11 (second pass): goods told only as "N more" of an
earlier purchase, and "order" in its sense of a command."""

from __future__ import annotations

import pytest


def _procurements(parse, text: str) -> list:
    return [m for m in parse(text)._.mentions if m.type == "procurement"]


def _vals(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


def test_more_of_the_goods_bought_before_is_a_second_purchase(parse) -> None:
    ms = _procurements(parse, "The air force bought 36 jets in 2016 and plans to buy 26 more.")
    assert len(ms) == 2
    second = ms[1]
    assert _vals(second, "item") == ["jets"]
    assert _vals(second, "quantity") == ["26"]
    assert second.status == "planned"


def test_another_count_as_subject_of_a_passive_purchase(parse) -> None:
    ms = _procurements(
        parse, "Kerel ordered 96 helicopters in 2024, and another 32 will be purchased next year."
    )
    assert [_vals(m, "quantity") for m in ms] == [["96"], ["32"]]
    assert _vals(ms[1], "item") == ["helicopters"]


def test_a_follow_on_order_for_more(parse) -> None:
    ms = _procurements(
        parse, "The navy ordered 10 frigates in 2022 and placed a follow-on order for 4 more."
    )
    assert any(_vals(m, "quantity") == ["4"] and _vals(m, "item") == ["frigates"] for m in ms)


def test_a_counted_order_of_other_goods_keeps_its_own(parse) -> None:
    ms = _procurements(
        parse, "The air force bought 36 jets in 2016 and ordered 12 more helicopters in 2024."
    )
    assert [(_vals(m, "item"), _vals(m, "quantity")) for m in ms] == [
        (["jets"], ["36"]),
        (["helicopters"], ["12"]),
    ]


def test_orders_given_are_no_purchase(parse) -> None:
    for text in (
        "The soldiers opened fire on the protesters on orders from the capital.",
        "The depot was sealed by order of the district court.",
        "The unit pulled back under orders from its headquarters.",
        "The brigade moved on the orders of its commander.",
    ):
        doc = parse(text)
        assert not [t for t in doc._.triggers if t.lemma == "order"], text


def test_goods_on_order_are_still_bought(parse) -> None:
    ms = _procurements(parse, "The navy has 12 frigates on order.")
    assert ms and _vals(ms[0], "item") == ["frigates"]
    ms = _procurements(
        parse, "Lindell Aerospace delivered 120 drones to the army under an order for 480."
    )
    assert any(_vals(m, "quantity") and "480" in _vals(m, "quantity") for m in ms)


@pytest.mark.parametrize(
    "text",
    [
        # a singular bare "on order", even with "from", is goods bought
        "Ostmark has 24 Brask jets on order from Lindell Aerospace.",
        # an order with a count or determiner before it is a purchase, whatever its "by"
        "Lindell Aerospace shares jumped, lifted by a 40-jet order from the Ostmark air force.",
        # plural orders placed are purchases; only bare "under orders (from X)" is a command
        "Lindell delivered 12 jets to Ostmark under orders placed in 2022.",
    ],
)
def test_orders_placed_told_after_a_preposition_are_bought(parse, text) -> None:
    doc = parse(text)
    assert [t for t in doc._.triggers if t.lemma == "order"], text
    assert any(m.trigger == "order" for m in _procurements(parse, text)), text


def test_who_is_issued_or_given_a_contract_sells(parse) -> None:
    firms = ("Lindell Aerospace", "Vesk Dynamics")
    for text in (
        "The Ostmark army issued a contract to Lindell Aerospace for 500 Kestrel missiles.",
        "The Ostmark navy issued a task order to Vesk Dynamics for 12 jets.",
        "The Ostmark army granted Lindell Aerospace a contract for 500 Kestrel missiles.",
    ):
        ms = _procurements(parse, text)
        assert ms, text
        seller = ms[0].values("seller")
        assert seller and seller[0].text in firms, text
        assert all(v.text not in firms for v in ms[0].values("buyer")), text


def test_giving_a_firm_a_contract_is_no_aid(parse) -> None:
    text = "The Ostmark army gave Lindell Aerospace a contract for 500 Kestrel missiles."
    doc = parse(text)
    assert not [m for m in doc._.mentions if m.type == "aid"]
    (m,) = _procurements(parse, text)
    assert _vals(m, "seller") == ["Lindell Aerospace"]


def test_a_tender_only_referred_to_is_no_tender_issued(parse) -> None:
    for text in (
        "After Kerel pulled out of the race and Brask withdrew from the tender, one was left.",
        "The air force had picked the Harrow as the winner in the fighter tender.",
        "Two shipyards that responded to the navy's RFI are now unsure.",
        # a "for" on the verb that names no goods is the reason, not the tender's goods
        "Brask withdrew from the tender for commercial reasons.",
    ):
        doc = parse(text)
        assert not [t for t in doc._.triggers if t.lemma in ("tender", "rfi")], text


def test_a_tender_with_its_goods_or_issued_stays(parse) -> None:
    for text in (
        "The shipyard had withdrawn from the navy's tender for six submarines.",
        "Three shipyards responded to the navy's RFI for six submarines.",
        "The army announced the launch of a tender for 200 tanks.",
        "The navy issued a tender for 200 tanks.",
    ):
        assert _procurements(parse, text), text


def test_a_tender_to_buy_goods_keeps_its_buyer(parse) -> None:
    ms = _procurements(
        parse, "Lindell Aerospace is competing in the Ostmark Navy's tender to buy 12 submarines."
    )
    tenders = [m for m in ms if m.trigger == "tender"]
    assert tenders and "Ostmark Navy" in _vals(tenders[0], "buyer")
    assert _vals(tenders[0], "quantity") == ["12"]


def test_an_order_to_supply_is_bought_an_order_to_deploy_is_given(parse) -> None:
    (m,) = _procurements(
        parse, "Lindell Aerospace has won an order to supply 90 field guns from the Ostmark army."
    )
    assert _vals(m, "seller") == ["Lindell Aerospace"]
    assert _vals(m, "quantity") == ["90"]
    doc = parse("The general issued an order to deploy the tanks.")
    assert not [t for t in doc._.triggers if t.lemma == "order"]


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark's president gave an order to deliver 40 tanks to the border regions.",
        "The ministry issued an order to provide the border brigades with new rifles.",
    ],
)
def test_an_order_to_deliver_given_by_an_official_is_a_command(parse, text) -> None:
    doc = parse(text)
    assert not [t for t in doc._.triggers if t.lemma == "order"], text
    assert not [m for m in _procurements(parse, text) if m.trigger == "order"], text


def test_an_order_to_supply_held_by_a_firm_is_bought(parse) -> None:
    (m,) = _procurements(
        parse, "Lindell Aerospace has an order to supply 90 field guns to the Ostmark army."
    )
    assert m.trigger == "order"
    assert _vals(m, "seller") == ["Lindell Aerospace"]
    assert _vals(m, "buyer") == ["Ostmark army"]


def test_an_order_to_deliver_secured_is_bought(parse) -> None:
    ms = _procurements(parse, "The yard has secured an order to deliver 12 patrol boats to Kerel.")
    assert [(m.trigger, _vals(m, "quantity")) for m in ms] == [("order", ["12"])]


def test_a_force_a_deal_noun_comes_from_buys(parse) -> None:
    (m,) = _procurements(
        parse, "Lindell Aerospace shares rose, lifted by a 40-jet order from the Ostmark air force."
    )
    assert _vals(m, "buyer") == ["Ostmark air force"]
    assert _vals(m, "seller") == []
    (bought,) = _procurements(parse, "Ostmark placed an order for 12 jets from Lindell Aerospace.")
    assert _vals(bought, "seller") == ["Lindell Aerospace"]
