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
        ("Had Britain ordered more Challenger 3 tanks in 2021, the army would not face its "
         "current shortfall.", "procurement"),
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
    doc = parse("Britain had ordered 148 Challenger 3 tanks in 2021, the report notes.",
                "2024-05-10")
    ms = _kept(doc, "procurement")
    assert any(v.text == "Britain" for m in ms for v in m.values("buyer"))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kyiv wants Germany to deliver Taurus cruise missiles, but Berlin has so far "
         "refused.", "aid"),
        ("Zelensky wants Western allies to send more F-16 jets before the winter.", "aid"),
        ("Washington wants Seoul to supply artillery shells to Kyiv directly, officials said.",
         "aid"),
        ("An ECFR poll found that 41% of Germans support sending more weapons to Ukraine, "
         "down from 48% a year ago.", "aid"),
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
