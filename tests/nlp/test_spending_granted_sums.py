"""A sum as the object of a verb that decides it ("approved", "set aside", "committed",
"will invest") is a spending decision when it goes to defence; a purchase, aid or civil money
is not (sentences written for these tests)."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The cabinet approved 3 billion euros for new air defence systems.", "3 billion euros"),
        ("The government set aside 2 billion pounds for the armed forces.", "2 billion pounds"),
        ("The government has committed an extra £2.2bn to defence this year.", "£2.2bn"),
        ("Valdoria will invest 100 billion euros in its armed forces.", "100 billion euros"),
    ],
)
def test_a_sum_decided_for_defence_is_spending(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet approved $2 billion for the purchase of 12 fighter jets.",
        "Valdoria committed $500 million in military aid to Ostrava.",
        "The council approved 40 million euros for new schools.",
        "The ministry set a target of 3 billion euros for defence.",
        "The cabinet approved the purchase of 12 fighter jets.",
        # sales, exports and loans in the sum's phrase: no money spent on defence
        "The Ostmark government approved $1.5 billion in arms sales to Brask.",
        "The cabinet cleared $2 billion in arms exports to Brask.",
        "The Ostmark government approved $900 million in loans to Lindell Aerospace for a "
        "drone plant.",
    ],
)
def test_a_purchase_aid_or_civil_sum_is_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")
