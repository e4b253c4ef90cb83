"""Non-events found by a second precision audit over unannotated defence news (sentences
written for these tests): advice that goods be ordered, plans told as never carried out,
orders told as a trend, certificates and civil reactors taken for goods."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "It is important that one more Kestrel frigate is ordered from Brask Shipyards.",
        "It is essential that the army buys 40 more Kestrel howitzers.",
    ],
)
def test_advice_that_goods_be_bought_is_no_event(parse, text):
    assert "procurement" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The navy had plans to buy four Kestrel patrol boats, but the plans remained unfulfilled.",
        "The Ostmark air force had plans to procure two more Kestrel transport aircraft but after"
        " the closure of the production line, plans to add two more remained unfulfilled.",
    ],
)
def test_a_plan_told_as_unfulfilled_is_no_event(parse, text):
    assert "procurement" not in _types(parse(text))


def test_orders_on_the_decline_are_a_trend(parse):
    doc = parse("With Ostmark's orders for Kestrel tanks on the decline, the plant will close.")
    assert "procurement" not in _types(doc)


def test_a_real_plan_and_order_stay(parse):
    assert "procurement" in _types(parse("The navy plans to buy four Kestrel patrol boats."))
    assert "procurement" in _types(
        parse("Lindell Aerospace received orders for 12 Kestrel jets from Ostmark last week.")
    )


def test_a_certificate_received_is_no_purchase(parse):
    doc = parse(
        "Lindell expects that the Kestrel K-29C will receive its Military Type Certificate"
        " later this year."
    )
    assert "procurement" not in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "To create a lend-lease programme for supplying advanced weapons and equipment to our"
        " army.",
        "Ostmark and Kerel must come together to decide its sale or the frigate will rust.",
    ],
)
def test_an_aim_or_an_urged_step_is_no_purchase(parse, text):
    assert "procurement" not in _types(parse(text))


def test_a_deal_that_brings_manufacturing_is_production(parse):
    doc = parse(
        "Lindell Aerospace signed a deal with Brask Motors that will see the local manufacture"
        " of K-40 turbofan engines in Ostmark for the Kestrel Mk2 fighter."
    )
    assert "procurement" not in _types(doc)
    assert "production" in _types(doc)


def test_a_purpose_of_a_planned_step_keeps_its_plan(parse):
    doc = parse("Ostmark will use the new fund to buy 40 Kestrel howitzers.")
    assert "procurement" in _types(doc)


def test_a_count_spelled_out_in_brackets_is_no_part_of_the_item(parse):
    doc = parse(
        "The Ministry of Defence of Ostmark intends to procure 120 (One hundred and twenty)"
        " Kestrel interceptor craft for the Ostmark Navy."
    )
    buys = [m for m in doc._.mentions if m.type == "procurement"]
    assert buys
    assert [v.text for v in buys[0].args["item"]] == ["Kestrel interceptor craft"]
    assert [v.text for v in buys[0].args["quantity"]] == ["120"]


def test_a_country_s_need_in_the_writer_s_words_is_no_requirement(parse):
    doc = parse("Brask needs 4 aircraft carriers and 26 Kestrel jets.")
    assert "procurement" not in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The Brask navy needs 26 Kestrel jets.",
        "Brask needs 500 more Kestrel tanks, the defence minister said.",
    ],
)
def test_a_service_s_or_a_government_s_stated_need_stays(parse, text):
    assert "procurement" in _types(parse(text))


def test_a_purchase_only_thought_to_have_happened_is_no_event(parse):
    doc = parse("The Kestrel gun is thought to have been ordered by Brask last year.")
    assert "procurement" not in _types(doc)
    assert "procurement" in _types(parse("The Kestrel gun was ordered by Brask last year."))
