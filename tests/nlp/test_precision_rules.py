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


@pytest.mark.parametrize(
    "text",
    [
        "EU foreign ministers will discuss tourist visas for Russians at a meeting in Prague.",
        "The donors met in Paris to discuss financing of the economic recovery.",
        "The president laid a wreath during a visit to the memorial cemetery on Thursday.",
        "The singer has met the president on several occasions.",
        "The allies answered the call with new commitments to bolster global food supplies.",
        "The assembly renewed its call on member states to set up a tribunal.",
        "Fifty lorries travelling to Kohima were stopped on the highway.",
    ],
)
def test_not_a_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministers of France and Poland met in Warsaw on Monday to discuss drones.",
        "Prime Minister Rutte held talks with President Macron in Paris on Tuesday.",
        "The foreign minister visited Kyiv on Friday.",
    ],
)
def test_meeting_stays(parse, text):
    assert "meeting" in _types(parse(text))


def test_long_past_visit_is_background(parse):
    doc = parse("In 2011, the then foreign minister Hina Khar visited India.", "2023-05-04")
    assert "meeting" not in _types(doc)
    doc = parse("The foreign minister visited India in March.", "2023-05-04")
    assert "meeting" in _types(doc)


def test_long_past_strike_is_background(parse):
    doc = parse("In August 2016, commandos launched a raid on the naval base.", "2022-08-06")
    assert "strike" not in _types(doc)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Since then, we have rapidly delivered weapons to Ukraine.", "aid"),
        ("Our partners have stepped up to provide significant shipments of assistance.", "aid"),
        ("The minister briefed them on the ongoing provision of security assistance.", "aid"),
        ("We have imposed powerful sanctions on Russia.", "sanction"),
        ("The ministry has received bids from three firms for its new jets.", "procurement"),
        ("The ministry has received bids from three firms for its new jets.", "aid"),
        ("The general ordered his tanks to roll across the border.", "procurement"),
        ("The ministry is considering buying 20 transport helicopters.", "procurement"),
        ("The air force is yet to issue a tender for 114 fighter jets.", "procurement"),
        ("Chile plans to buy 12 fighter jets for its air force.", "aid"),
    ],
)
def test_not_this_event(parse, text, type_):
    assert type_ not in _types(parse(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Germany has delivered 40 Marder vehicles to Ukraine.", "aid"),
        ("Norway will buy 54 tanks for Ukraine's armed forces.", "aid"),
        ("The navy ordered 12 patrol boats to replace its ageing fleet.", "procurement"),
        ("Chile plans to buy 12 fighter jets for its air force.", "procurement"),
    ],
)
def test_this_event_stays(parse, text, type_):
    assert type_ in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials warned that the rebels are poised to strike at the capital.",
        "The general has made the decision to invade the island and target its ports.",
    ],
)
def test_planned_attack_is_not_a_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_used_missiles_to_strike_stays(parse):
    doc = parse("The army used long-range missiles on Tuesday to strike enemy airfields.")
    assert "strike" in _types(doc)
