"""Money with currency and scale, quantities, ordinals."""

from __future__ import annotations

import pytest

from materiel.nlp.numbers import find_money, parse_money, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("a $250 million contract", 250e6, "USD"),
        ("worth €3.4bn", 3.4e9, "EUR"),
        ("UAH 7 billion for drones", 7e9, "UAH"),
        ("Rs 1,200 crore", 1.2e10, "INR"),
        ("an outlay of 45 lakh rupees", 4.5e6, "INR"),
        ("a deal of ?6,300 crore", 6.3e10, "INR"),
        ("2,500 crores for radars", 2.5e10, "INR"),
        ("£75m of new funding", 75e6, "GBP"),
        ("US$ 12 million", 12e6, "USD"),
        ("A$4.1 billion", 4.1e9, "AUD"),
        ("$3,150,000 per launcher", 3.15e6, "USD"),
        ("8 billion hryvnias", 8e9, "UAH"),
        ("900 million euros", 9e8, "EUR"),
        ("1.5 billion Danish kroner", 1.5e9, "DKK"),
        ("an extra billion dollars", 1e9, "USD"),
        ("$2B", 2e9, "USD"),
        ("a ₹4,250 crore order", 4.25e10, "INR"),
        ("Rs 750 crore for radars", 7.5e9, "INR"),
        ("Rs. 2,400 cr contract", 2.4e10, "INR"),
        ("INR 5 billion in funds", 5e9, "INR"),
        ("an outlay of ₹90 lakh", 9e6, "INR"),
        ("a ?3,900 crore contract", 3.9e10, "INR"),
        ("wins a $1.2-billion contract", 1.2e9, "USD"),
        ("bags ₹2,960-crore order", 2.96e10, "INR"),
        ("a 1,500-crore rupee deal", 1.5e10, "INR"),
    ],
)
def test_money(text: str, value: float, currency: str):
    got = parse_money(text)
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1] == currency


def test_no_money():
    assert parse_money("the team won 3 games") is None
    assert find_money("12 howitzers and 40 trucks") == []


def test_two_amounts():
    assert [(v, c) for _s, _e, v, c in find_money("$61bn (£49bn)")] == [
        (61e9, "USD"),
        (49e9, "GBP"),
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "million"], 2e6),
        (["1,250"], 1250),
        (["30-40"], 30),
        (["twelve"], 12),
        (["3.5", "million"], 3.5e6),
    ],
)
def test_quantity_words(words: list[str], value: float):
    assert parse_quantity(words) == value


def test_numbers_component(parse):
    doc = parse(
        "The ministry ordered 120,000 more mortar rounds and 14 radars for $80 million, "
        "its 7th order this year, with a range of 40 km."
    )
    kinds = {(n.kind, n.value) for n in doc._.numbers}
    assert ("quantity", 120000.0) in kinds
    assert ("quantity", 14.0) in kinds
    assert ("money", 80e6) in kinds
    assert ("ordinal", 0.0) in kinds  # "7th" is no quantity
    assert ("measure", 40.0) in kinds
    assert not any(n.kind == "quantity" and n.value == 7 for n in doc._.numbers)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("The army ordered 400 new 155 mm howitzers from the state arsenal.", "155 mm howitzers"),
        ("The navy bought 105mm guns from a local firm.", "105mm guns"),
        ("The army purchased 7.62 mm rifles from a state firm.", "7.62 mm rifles"),
        ("The ministry ordered 120-mm mortars from the arsenal.", "120-mm mortars"),
    ],
)
def test_calibre_is_part_of_the_item_not_a_quantity(parse, text: str, item: str):
    doc = parse(text)
    ms = [m for m in doc._.mentions if m.type == "procurement"]
    assert ms
    items = [v.text for m in ms for v in m.args.get("item", [])]
    assert any(v.endswith(item) for v in items), items
    quantities = [v.value for m in ms for v in m.args.get("quantity", [])]
    assert all(q not in (155.0, 105.0, 7.62, 120.0) for q in quantities)
