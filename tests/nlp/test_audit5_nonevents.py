"""Non-events found by a third precision audit over unannotated defence news (sentences
written for these tests): meetings with a civil subject or only a plot's target, civil
goods made, attacks on civilians, wished attacks and principles, running totals of gifts,
a weapons fit called a package, production on a condition."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The Brask minister, in Ostmark last week for trade talks, said ties would grow "
        "despite sanctions over the war.",
        "The Brask and Ostmark ministers held trade talks in Kerel on Monday, despite the war.",
    ],
)
def test_a_meeting_with_a_civil_subject_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brask's army has been pushing for the cancellation of the summit with Ostmark, "
        "without success.",
        "Rebels armed by Brask plan to disrupt the coming NATO meeting in Ostmark in May.",
    ],
)
def test_a_meeting_undone_or_plotted_against_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_trade_and_defence_talks_stay_a_meeting(parse):
    text = "The Brask and Ostmark ministers held trade and defence talks in Kerel on Monday."
    assert "meeting" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Lindell Aerospace said it would triple the output of its smartphones at a plant "
        "in Brask.",
        "Kerel Works will expand production of iPhones at the factory it runs outside Varn.",
        "Kerel Forge has expressed readiness to make three shells a day if it gets firm "
        "orders.",
    ],
)
def test_phones_and_conditions_are_no_production(parse, text):
    assert "production" not in _types(parse(text))


def test_shells_made_stay_production(parse):
    text = "Kerel Forge began producing 155 mm shells at its Varn plant on Monday."
    assert "production" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police shot a man from the gang that attacked civilians at Varn village in March.",
        "The rebel chief said villagers were expressing a persistent desire to carry out "
        "attacks on the army.",
        "An attack against one Varn Pact country is an attack against all of them.",
    ],
)
def test_attacks_on_civilians_wished_or_in_principle_are_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_an_attack_on_a_base_at_a_village_stays_a_strike(parse):
    assert "strike" in _types(parse("Brask drones attacked an army base at Varn on Monday."))


@pytest.mark.parametrize(
    "text",
    [
        "Brask has so far donated 40 tanks to Ostmark.",
        "Of the nearly 150 Brask howitzers that arrived in Ostmark, half were lost in battle.",
        "At the Brask air show, Lindell Aerospace showed a new weapons package for the Kestrel "
        "fighter jets with Ostmark bombs and pods.",
    ],
)
def test_running_totals_and_a_weapons_fit_are_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


def test_tanks_arriving_stay_aid(parse):
    assert "aid" in _types(parse("Forty Brask tanks arrived in Ostmark last week."))


def test_a_priced_package_with_munitions_for_a_system_stays_aid(parse):
    text = (
        "Brask today unveiled a further $300 million security assistance package with "
        "munitions for the Kestrel air defense system to help Ostmark."
    )
    assert "aid" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kerel prefers to settle the matter through old channels, such as the Varn Round "
        "Table, the Lindell Defence Talks and similar contacts.",
        "The leaders praised the Varn Four, a strategic security dialogue of Ostmark, Brask, "
        "Lindell and Kerel.",
    ],
)
def test_a_meeting_named_as_an_example_or_a_body_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_a_recent_meeting_the_parse_hangs_on_a_name_stays(parse):
    text = (
        "After months of dispute over spare parts for Brask-made weapons used by the Ostmark "
        "Armed Forces, a recent meeting between Ostmark and Brask officials could be the key "
        "to ending it."
    )
    assert "meeting" in _types(parse(text))


def test_a_dated_diary_entry_stays_a_meeting(parse):
    text = "Wednesday - a conversation with Brask Prime Minister Lindell."
    assert "meeting" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Kerel on Monday arrived in Varn for the final leg of his four-nation "
        "visit to Ostmark, Brask and Lindell.",
        "Later my husband paid a visit to Brask.",
    ],
)
def test_a_tour_and_a_family_visit_are_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_a_meeting_during_a_tour_stays(parse):
    text = (
        "Foreign Minister Kerel met Brask's defence minister in Varn on Monday during his "
        "three-nation visit."
    )
    assert "meeting" in _types(parse(text))


def test_a_dated_state_visit_is_no_tour(parse):
    text = (
        "Those trips will be followed by a June 22 state visit by Prime Minister Kerel to "
        "Washington."
    )
    assert "meeting" in _types(parse(text))
