"""Round 16 probes in the style of think-tank notes, op-eds, newsletters and explainers: a
clause opened by an auxiliary before its subject is a condition ("Had Britain ordered ...",
"Were Germany to send ..."); wanting another party to act is a wish; backing or supporting
an -ing clause is a stance. None of them is the act; the same words elsewhere still are
(sentences written for these tests)."""

from __future__ import annotations

import pytest


def _kept(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Had Ostmark ordered more Brask-9 tanks in 2021, its army would not face a "
         "shortfall now.", "procurement"),
        ("Were Germany to send Taurus missiles, Ukraine could strike deep into Crimea.", "aid"),
        ("Should Berlin approve the sale, Saudi Arabia would buy 48 more Eurofighter jets.",
         "procurement"),
        ("Had the EU imposed sanctions on Iran's drone makers in 2022, Russia's supply would "
         "have dried up, the author argues.", "sanction"),
    ],
)
def test_inverted_condition_is_no_event(parse, text, type_):
    assert _kept(parse(text, "2024-05-10"), type_) == []


def test_pluperfect_with_subject_first_is_an_event(parse):
    doc = parse("Ostmark had ordered 64 Brask-9 tanks in 2021, the report notes.",
                "2024-05-10")
    ms = _kept(doc, "procurement")
    assert any(v.text == "Ostmark" for m in ms for v in m.values("buyer"))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kyiv wants Germany to deliver Taurus cruise missiles, but Berlin has so far "
         "refused.", "aid"),
        ("Zelensky wants Western allies to send more F-16 jets before the winter.", "aid"),
        ("Washington wants Seoul to supply artillery shells to Kyiv directly, officials said.",
         "aid"),
        ("A poll by the Kerel Institute found that 37% of Germans support sending more "
         "weapons to Ukraine, down from 44% a year ago.", "aid"),
        ("The Senate opposed sending more tanks to Ukraine in a vote on Tuesday.", "aid"),
        ("Kyiv wants Germany's army to send more Leopard tanks.", "aid"),
        ("Warsaw wants the Ukrainian army to receive 40 more howitzers.", "procurement"),
        ("Most Republicans in the House oppose sending further aid to Kyiv.", "aid"),
    ],
)
def test_wish_or_stance_is_no_event(parse, text, type_):
    assert _kept(parse(text, "2024-05-10"), type_) == []


def test_wanting_to_buy_oneself_is_a_plan(parse):
    doc = parse("Poland wants to buy 96 Apache helicopters, the defence ministry said on "
                "Tuesday.", "2024-05-10")
    ms = _kept(doc, "procurement")
    assert [m.status for m in ms] == ["planned"]
    assert any(v.text == "Poland" for m in ms for v in m.values("buyer"))


def test_support_by_sending_is_an_act(parse):
    doc = parse("Germany will support Ukraine by sending 10 more Leopard tanks, the defence "
                "minister said on Monday.", "2024-05-10")
    assert any(v.text == "Germany" for m in _kept(doc, "aid") for v in m.values("donor"))


def test_actor_of_a_decision_is_not_its_time(parse):
    doc = parse("Last week's decision by Sweden to raise defence spending to 2.6% of GDP next "
                "year is welcome, but it is not enough.", "2024-05-10")
    ms = _kept(doc, "spending")
    assert any(v.text == "Sweden" for m in ms for v in m.values("spender"))


def test_time_possessive_decision_by_civil_body_is_no_spending(parse):
    doc = parse("Last year's decision by Leeds City Council to raise its transport spending to "
                "£2 billion was welcome.", "2024-05-10")
    assert _kept(doc, "spending") == []


def test_time_possessive_call_by_a_leader_is_an_appeal(parse):
    doc = parse("Last week's call by Zelensky for Nato allies to raise defence spending to 3% "
                "of GDP went unanswered.", "2024-05-10")
    assert _kept(doc, "spending") == []


@pytest.mark.parametrize(
    ("text", "type_", "role", "party"),
    [
        ("The Bundestag backed buying 35 F-35 jets in a vote on Tuesday.", "procurement",
         "buyer", "Bundestag"),
        ("The cabinet endorsed purchasing 12 Rafale jets for the air force.", "procurement",
         "buyer", "cabinet"),
        ("The parliament backed buying 24 new frigates on Tuesday.", "procurement", "buyer",
         "parliament"),
        ("Lawmakers backed sending $12 billion in military aid to Ukraine on Saturday.", "aid",
         "donor", "Lawmakers"),
    ],
)
def test_backing_by_a_deciding_body_is_an_approval(parse, text, type_, role, party):
    ms = _kept(parse(text, "2024-05-10"), type_)
    assert ms
    assert any(v.text == party for m in ms for v in m.values(role))


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Poland wants its army to receive 180 K2 tanks by 2026.", "army"),
        ("The government wants the navy to order six new frigates next year.", "navy"),
        ("The Pentagon wants the Army to receive the first 20 M10 Booker vehicles in 2025.",
         "Army"),
    ],
)
def test_wanting_ones_own_force_to_act_is_a_plan(parse, text, buyer):
    ms = _kept(parse(text, "2024-05-10"), "procurement")
    assert ms
    assert any(v.text == buyer for m in ms for v in m.values("buyer"))


@pytest.mark.parametrize(
    ("text", "type_", "role"),
    [
        ("Kyiv welcomed Tuesday's decision to send more tanks.", "aid", "donor"),
        ("Kyiv praised last week's decision to buy 96 Apache helicopters.", "procurement",
         "buyer"),
        ("Brask praised last month's decision to order 30 trainer jets.", "procurement",
         "buyer"),
    ],
)
def test_welcomer_of_a_dated_decision_is_not_its_actor(parse, text, type_, role):
    ms = _kept(parse(text, "2024-05-10"), type_)
    assert not any(v.text in ("Kyiv", "Brask") for m in ms for v in m.values(role))


def test_dated_decision_by_a_party_keeps_that_party(parse):
    doc = parse("Berlin welcomed Tuesday's decision by Ostmark to send 20 more tanks to "
                "Ukraine.", "2024-05-10")
    assert [v.text for m in _kept(doc, "aid") for v in m.values("donor")] == ["Ostmark"]
