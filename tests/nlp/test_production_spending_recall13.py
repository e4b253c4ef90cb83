"""Round 13 recall of production and spending (sentences written for these tests)."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The cabinet unveiled a record defence budget proposal of 20 billion dollars in "
         "August.", "20 billion dollars"),
        ("The Japanese cabinet approved a record defence budget proposal of 9 trillion yen on "
         "Friday.", "9 trillion yen"),
        ("The Pentagon sent its defence budget request of 850 billion dollars to Congress.",
         "850 billion dollars"),
    ],
)
def test_a_defence_budget_proposal_with_its_sum_is_spending(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


@pytest.mark.parametrize(
    "text",
    [
        "The parliament rejected a proposal to raise the defence budget by 20 billion dollars.",
        "The council unveiled a budget proposal of 40 million euros for new schools.",
    ],
)
def test_a_proposal_about_a_budget_or_civil_money_is_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In March the cabinet approved a five-year defence plan worth 40 trillion yen.",
         "40 trillion yen"),
        ("The government approved a military modernisation programme worth 12 billion euros.",
         "12 billion euros"),
    ],
)
def test_a_defence_plan_approved_with_its_worth_is_spending(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


def test_a_civil_plan_worth_a_sum_is_no_spending(parse):
    text = "The government approved a plan worth 5 billion euros to build new schools."
    assert not _mentions(parse(text), "spending")
