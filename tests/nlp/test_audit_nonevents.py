"""Non-events found by a precision audit over unannotated defence news (sentences written
for these tests): goods described by who made them, words of attack aimed at people and
ideas, plans given up, guesses and a seller's hopes, a tally of meetings, civil aid."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Patrols resumed after Braskian manufactured frigate Kerel was out of service for repairs.",
        "The missile is now carried by several other Ostmarkian made helicopters like the Kestrel.",
        "Each service wing will get four Lindell Aerospace manufactured Kestrel drones.",
        "The inspectors found 300 foreign parts, many of which were manufactured by Brask firms.",
        "Lindell Aerospace's plant in Kerel produced 400 MW of power last year.",
    ],
)
def test_goods_described_by_their_maker_are_no_production(parse, text):
    assert "production" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "He attacked the government, saying that land had been lost on the border.",
        "She directly attacked the neighbouring country's right to exist.",
    ],
)
def test_an_attack_in_words_by_a_person_is_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The navy had planned to buy four more frigates from France but has now dropped this plan.",
        "The army's plans to procure 300 light tanks have been rejected due to their cost.",
        "The air force has changed from its plans to procure six more transport aircraft.",
        "The air force shelved plans to buy 40 trainer jets.",
    ],
)
def test_a_plan_given_up_is_no_event(parse, text):
    assert "procurement" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The shipyard is expecting an order for twelve more patrol boats in the next tranche.",
        "It is likely that two more squadrons of the fighter will be ordered.",
    ],
)
def test_a_guess_or_a_hoped_for_order_is_no_event(parse, text):
    assert "procurement" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Since January, Ostmark has hosted more than 60 meetings and events on border security.",
        "Since it took the chair, Brask has hosted dozens of meetings on naval security.",
        "Since January, Ostmark has hosted some twenty meetings on border security.",
    ],
)
def test_a_tally_of_meetings_is_no_event(parse, text):
    assert not _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "We have provided $120 million in refugee assistance to our partners in the region.",
        "The government intends to provide an additional $500 million in assistance to help "
        "Moldova recover from the floods.",
    ],
)
def test_civil_aid_is_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The navy plans to buy four frigates from France.", "procurement"),
        ("The army has ordered 300 light tanks from the state factory.", "procurement"),
        ("Brask forces attacked the air base near Kerel on Tuesday.", "strike"),
        ("Germany has delivered 18 Leopard tanks to Ukraine.", "aid"),
    ],
)
def test_the_deeds_stay(parse, text, kind):
    assert kind in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Are there any plans to meet the Brask president about the border dispute?",
    ],
)
def test_a_plan_asked_about_is_no_event(parse, text):
    assert not _types(parse(text))


def test_a_press_embargo_read_as_an_adjective_is_no_sanction(parse):
    text = (
        "The text is embargoed until noon on Friday, which is when the minister will speak on "
        "the new sanctions."
    )
    assert "sanction" not in _types(parse(text))


def test_a_sanction_judged_by_its_effect_is_no_event(parse):
    text = (
        "The official acknowledged that the Ostmark price cap on Brask oil had helped cut "
        "Brask's oil revenues."
    )
    assert "sanction" not in _types(parse(text))


def test_troops_inducted_are_no_purchase(parse):
    text = (
        "The air force will fly extra sorties to induct more army columns from the two Kerel "
        "bases starting tonight."
    )
    assert "procurement" not in _types(parse(text))
    kept = "The air force will induct two more squadrons of Rafale jets next year."
    assert "procurement" in _types(parse(kept))


def test_a_firm_acquiring_rights_is_no_purchase_of_goods(parse):
    text = (
        "To widen its counter-drone range, the Vesk robotics firm acquired patents and software "
        "rights, helping it strengthen its anti-drone work."
    )
    assert "procurement" not in _types(parse(text))



@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A Brask drone attack damaged an Ostmark power station in Kerel.", "strike"),
        ("A Brask missile strike cut power to the city of Kerel.", "strike"),
        ("Ostmark's order for 24 Lindell jets will help the firm keep its plant open.",
         "procurement"),
        ("Ostmark's purchase of 24 Lindell jets will reduce its reliance on Brask.", "procurement"),
    ],
)
def test_an_event_that_had_an_effect_is_still_told(parse, text, kind):
    assert kind in _types(parse(text))


def test_a_person_who_attacked_a_position_struck(parse):
    doc = parse("Lt. Anna Vesk said she attacked the position with two drones.")
    assert "strike" in _types(doc)
