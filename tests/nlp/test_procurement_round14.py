"""Procurement constructions, rule round 14: a service's counted requirement for goods, arms
told only by origin, and plans of goods pointed back to."""

from __future__ import annotations

import pytest

from materiel.nlp.validate import POINTED_GOODS_CUE


def _kept(parse, text: str) -> list:
    return [m for m in parse(text)._.mentions if m.type == "procurement"]


def _vals(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("The Royal Navy's requirement for 12 new frigates has been confirmed by the Ministry "
         "of Defence.", "12"),
        ("Lindell Aerospace is offering its Falcon jet to meet the Kerel Air Force's "
         "requirement for 24 fighters.", "24"),
        ("The Brask army's requirements for 300 armoured vehicles will be put out to tender "
         "next year.", "300"),
        ("The tanker is on offer to the Ostmark Air Force to meet its requirements for six "
         "refuelling aircraft.", "six"),
    ],
)
def test_a_counted_requirement_is_a_planned_purchase(parse, text: str, quantity: str) -> None:
    ms = [m for m in _kept(parse, text) if m.trigger == "requirement"]
    assert ms, text
    assert _vals(ms[0], "quantity") == [quantity]
    assert ms[0].status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "The Ostmark Navy has already met its requirement for eight patrol vessels.",
        "The Brask Army had met its requirement for 120 howitzers by 2020, the audit office said.",
        "The Kerel Army met its requirement for 75 armoured vehicles last year.",
        "The Ostmark Navy's requirement for eight patrol vessels has been met.",
    ],
)
def test_a_counted_requirement_already_met_is_no_purchase_to_come(parse, text: str) -> None:
    assert not [m for m in _kept(parse, text) if m.trigger == "requirement"], text


def test_a_counted_requirement_still_to_meet_stays_a_plan(parse) -> None:
    text = "The Ostmark Navy wants to meet its requirement for eight patrol vessels."
    ms = [m for m in _kept(parse, text) if m.trigger == "requirement"]
    assert ms and ms[0].status == "planned", text


@pytest.mark.parametrize(
    "text",
    [
        "The new radar meets the Navy's requirements for a long-range sensor.",
        "The Kerel army's requirements for body armour have grown sharply since the war began.",
        "The jet was designed to meet Nato requirements for interoperability with allied fleets.",
        "Lindell said its bid meets the Ostmark requirement for 30 per cent local content.",
    ],
)
def test_an_uncounted_requirement_is_a_fit_not_a_purchase(parse, text: str) -> None:
    assert not [m for m in _kept(parse, text) if m.trigger == "requirement"], text


@pytest.mark.parametrize(
    "text",
    [
        "Analysts in Brask mocked Kerel's purchase of Indian weapons, calling them unreliable.",
        "The Kerel army has managed to procure many imported weapons through emergency routes.",
        "The Kerel army has managed to procure additional imported weapons through emergency "
        "routes.",
    ],
)
def test_past_arms_told_only_by_origin_are_no_deal(parse, text: str) -> None:
    assert not _kept(parse, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Kerel ordered 40 Russian tanks from Uralvagonzavod.",
        "Ostmark signed a $2 billion deal for American weapons.",
        "Kerel will buy German tanks, the defence minister said on Monday.",
        "Brask bought French howitzers from Lindell Defence.",
        "The Kerel navy will buy Italian jets to replace its ageing fleet.",
        "Kerel bought Russian tanks in 2019.",
        "Brask has bought Western tanks from Lindell Defence, the ministry said.",
        "Ostmark has signed a deal for Western jets, the defence ministry said.",
        "Brask took delivery of Western tanks under a contract with Lindell Defence.",
        "Kerel has ordered Swedish jets to replace its ageing fleet of Brask-built fighters.",
    ],
)
def test_counted_priced_dated_or_planned_arms_by_origin_stay(parse, text: str) -> None:
    assert _kept(parse, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kerel navy has plans to induct such frigates as part of its future fleet.",
        "The air force intends to prioritise the procurement of these home-grown fighters before "
        "the navy programme.",
    ],
)
def test_a_plan_of_goods_only_pointed_back_to_is_marked_for_the_document(
    parse, text: str
) -> None:
    """The extractor drops it when the document told a purchase by the buyer before
    (tests/extract/test_procurement_told_before.py)."""
    assert any(POINTED_GOODS_CUE in m.cues for m in _kept(parse, text)), text


def test_a_plan_to_export_goods_pointed_back_to_names_no_buyer(parse) -> None:
    text = ("An accord will clear Brask's plans to export these weapons to other operators in "
            "the region.")
    assert not _kept(parse, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry said on Tuesday it would order more of these drones.",
        "The government said on Tuesday it will order additional such frigates.",
        "The Brask Air Force plans to buy 24 more of these fighters.",
        "The Ostmark Army plans to buy these tanks from Lindell Defence, the minister said.",
    ],
)
def test_a_follow_on_lot_or_a_seller_of_its_own_is_a_plan_of_its_own(parse, text: str) -> None:
    ms = _kept(parse, text)
    assert ms and not any(POINTED_GOODS_CUE in m.cues for m in ms), text


@pytest.mark.parametrize(
    "text",
    [
        "The air force plans to buy 36 of these jets.",
        "Brask will buy these Falcon jets for £2bn, the minister said.",
        "Ostmark received these howitzers in 2020.",
        "The council last month approved the purchase of 90 of these tanks through local "
        "production.",
        "We will be procuring these Falcon tanks for Kerel through the security assistance fund.",
    ],
)
def test_pointed_goods_with_a_name_count_price_or_done_stay(parse, text: str) -> None:
    assert _kept(parse, text), text


@pytest.mark.parametrize(
    ("text", "buyer", "seller"),
    [
        ("Kerel's air force said on Friday the first three of 42 Falcon fighters ordered from "
         "Lindell Aerospace in 2022 would arrive in January.", [], ["Lindell Aerospace"]),
        ("Brask's defence ministry said on Wednesday the first six of the 24 F-16 fighters it "
         "bought from Denmark in 2024 would arrive in December.",
         ["Brask's defence ministry"], ["Denmark"]),
        ("Kerel's army said the first four of the 18 howitzers ordered from Lindell Defence "
         "last year had arrived on Monday.", [], ["Lindell Defence"]),
    ],
)
def test_a_delivery_takes_the_sides_of_the_order_told_on_its_goods(
    parse, text: str, buyer: list[str], seller: list[str]
) -> None:
    arrivals = [m for m in _kept(parse, text) if m.trigger == "arrive"]
    assert arrivals, text
    assert _vals(arrivals[0], "seller") == seller
    assert bool(_vals(arrivals[0], "buyer")) == bool(buyer)


def test_a_separate_order_lends_no_sides_to_a_delivery(parse) -> None:
    text = ("Ostmark's air force took delivery of two tankers on Monday and ordered four "
            "transport aircraft from Lindell Aerospace.")
    deliveries = [m for m in _kept(parse, text) if m.trigger == "delivery"]
    assert deliveries and not _vals(deliveries[0], "seller")
