"""Real events a rule round dropped (sentences written for these tests): a strike told in a
clause beside a wish, a dated attack ranked, a commander's son meeting a minister, a summit
disrupted or boycotted, a body described as a meeting and hosted, talks on buying jets, a
delivery whose total is still to come."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Officials urged residents to stay indoors as Brask missiles struck Varn overnight.",
        "Kerel urged allies to send more guns after Brask drones attacked the Ostmark port of "
        "Varn on Tuesday.",
        "Brask wants to hit the Ostmark arms plants, officials said, after Ostmark fired 300 "
        "drones at Brask on Saturday.",
    ],
)
def test_a_strike_beside_a_wish_in_another_clause_stays(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brask wants to strike the Ostmark air base at Varn.",
        "The general urged the army to attack the Ostmark depot at Varn.",
    ],
)
def test_a_strike_wished_or_urged_is_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_a_dated_attack_ranked_stays_a_strike(parse):
    text = "A Brask drone attack on the Varn depot on Monday is the largest of the year."
    assert "strike" in _types(parse(text))


def test_an_attack_labelled_a_crime_is_no_strike(parse):
    assert "strike" not in _types(parse("Any strike on the Varn power plant is a war crime."))


def test_a_commanders_son_meeting_a_minister_stays_a_meeting(parse):
    text = "The son of Ostmark commander Kerel met Brask's defence minister in Varn on Monday."
    assert "meeting" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Protesters disrupted the Varn Pact summit in Kerel on Tuesday.",
        "Brask boycotted the defence ministers' meeting in Varn on Tuesday.",
    ],
)
def test_a_meeting_disrupted_or_boycotted_was_held(parse, text):
    assert "meeting" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Militants sought to derail the talks between Ostmark and Brask in Varn.",
        "Kerel said the rebels had been sent by Brask to disrupt the coming summit of Ostmark "
        "leaders in Varn.",
    ],
)
def test_a_meeting_a_plot_aims_at_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_a_body_described_as_a_meeting_and_hosted_stays(parse):
    text = (
        "Kerel will host the Varn Support Group, a monthly meeting of some 50 countries, at the "
        "Brask air base on Friday."
    )
    assert "meeting" in _types(parse(text))


def test_financial_talks_on_buying_jets_stay_a_meeting(parse):
    text = (
        "Ostmark's defence and finance ministers met Brask officials on Tuesday for financial "
        "talks on the joint purchase of 40 jets."
    )
    assert "meeting" in _types(parse(text))


def test_a_total_still_to_come_stays_aid(parse):
    text = (
        "Brask will deliver 40 Kestrel tanks to Ostmark in total by the end of the year, the "
        "ministry said on Monday."
    )
    assert "aid" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brask has delivered 90 Kestrel jets to Ostmark in total.",
        "Brask thus far sent 12 howitzers to Ostmark.",
    ],
)
def test_a_total_up_to_now_is_no_aid(parse, text):
    assert "aid" not in _types(parse(text))
