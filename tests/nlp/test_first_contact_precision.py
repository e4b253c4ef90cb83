"""Words about events that report none (written for these tests): idioms of attack verbs,
attacks condemned or denied, press embargoes, deeds after
"stop short of"; and the events beside them that must stay."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The two defence chiefs hit it off over dinner in Oslo last winter.",
        "The foreign minister said on Monday, hitting out at Pakistan.",
        "The government on Tuesday condemned rocket attacks by the rebels on the capital,"
        " saying they threatened peace.",
    ],
)
def test_words_about_attacks_are_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The rebels launched rocket attacks on the air base on Tuesday.",
        "Ukrainian drones hit an oil depot in the Bryansk region overnight.",
    ],
)
def test_attacks_told_stay(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials will walk journalists through the latest sanctions on drone suppliers. The"
        " minister's remarks during the call will be embargoed until 9 a.m. on Thursday.",
        "Diplomats are preparing new measures, though the package stops short of sanctioning"
        " Venezuela's state oil company.",
    ],
)
def test_sanction_words_that_report_no_measure(parse, text):
    assert "sanction" not in _types(parse(text))


def test_sanctions_imposed_stay(parse):
    text = "The European Union imposed sanctions on Russian banks on Monday."
    assert "sanction" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The deal on the plant comes as part of President Macron’s state visit to India,"
        " the biggest buyer of French jets.",
        "The deal on the plant comes as part of his state visit to India, the biggest buyer"
        " of French jets.",
    ],
)
def test_a_visit_named_as_the_frame_of_another_deed_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_a_visit_told_stays(parse):
    text = "President Macron began a state visit to India on Monday for talks on defence."
    assert "meeting" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Missile attacks by the navy have made the port unsafe for merchant ships.",
        "Before the Soviet Union attacked, we made sure Finland had rifles and other arms.",
    ],
)
def test_attacks_as_background_are_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_an_attack_with_its_target_in_a_time_clause_stays(parse):
    text = "Before the rebels struck the air base on Monday, the army moved its jets."
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The firm sought relief from sanctions imposed by the EU on its Russian unit.",
        "The president backed down from pipeline sanctions imposed by Congress.",
    ],
)
def test_sanctions_one_turns_away_from_are_no_measure(parse, text):
    assert "sanction" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister's power to order an air strike was challenged in parliament on"
        " Wednesday.",
        "North Korea has fired two missiles over Japan.",
    ],
)
def test_powers_and_overflights_are_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_missiles_fired_over_a_country_at_a_target_stay(parse):
    text = "North Korea fired two missiles over Japan at the US base on Okinawa."
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tehran has made clear it sees little point in diplomacy until it has built a"
        " long-range ballistic missile.",
        "The army will not advance until the air force has struck the enemy air base.",
    ],
)
def test_idioms_and_pending_conditions_are_no_event(parse, text):
    doc = parse(text)
    assert "production" not in _types(doc) and "strike" not in _types(doc)


def test_a_sale_predicted_is_no_sale(parse):
    text = (
        "Observers had predicted the sale of Korean howitzers to Poland at the defence fair"
        " last autumn."
    )
    assert "procurement" not in _types(parse(text))


def test_a_sale_told_stays(parse):
    assert "procurement" in _types(parse("Russia sold Iranian drones to Syria last week."))


def test_money_for_food_security_is_no_military_aid(parse):
    text = (
        "Canada will provide $2 billion over ten years to improve food security and fight"
        " hunger in poor countries."
    )
    assert "aid" not in _types(parse(text))


def test_money_for_security_assistance_stays(parse):
    text = "The United States will provide $500 million in security assistance to Ukraine."
    assert "aid" in _types(parse(text))


def test_an_offer_to_meet_is_no_meeting(parse):
    text = (
        "The president said he is ready to meet his Chinese counterpart to discuss the"
        " missile crisis."
    )
    assert "meeting" not in _types(parse(text))


def test_a_meeting_set_stays(parse):
    text = (
        "The president will meet his Chinese counterpart on Friday to discuss the missile"
        " crisis."
    )
    assert "meeting" in _types(parse(text))
