"""Round 15 meeting and sanction readings, found by probing UK broadsheet, live-blog and wire
styles (sentences written for these tests, generic or invented people)."""

from __future__ import annotations

import pytest


def _of_type(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _values(doc, type_: str, role: str) -> set[str]:
    return {v.text for m in _of_type(doc, type_) for v in m.values(role)}


# --- sanctions "over" a reason are this statement's action, not a recap over a period -----

@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The government has sanctioned eight GRU officers over a cyber campaign, the Foreign "
         "Office said.", "GRU officers"),
        ("Britain has sanctioned two Iranian generals over the drone attacks on shipping.",
         "Iranian generals"),
    ],
)
def test_sanctioned_over_a_reason_is_a_sanction(parse, text, target):
    assert target in _values(parse(text), "sanction", "target")


@pytest.mark.parametrize(
    "text",
    [
        "We have imposed sanctions on Russian firms over the past two years.",
        "We have sanctioned Russian officials over the course of the war.",
    ],
)
def test_sanctions_over_a_stretch_of_time_are_a_recap(parse, text):
    assert _of_type(parse(text), "sanction") == []


# --- a lowercase title with its body: "the Nato secretary general" -------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The prime minister hosted the Nato secretary general at Downing Street on Wednesday "
        "for talks on defence spending.",
        "The prime minister welcomed the Nato secretary general to Chequers on Saturday to "
        "discuss defence spending.",
    ],
)
def test_the_body_secretary_general_is_a_side(parse, text):
    assert "Nato secretary general" in _values(parse(text), "meeting", "participant")


def test_a_secretary_general_named_after_the_title_is_the_person(parse):
    doc = parse("The prime minister met the Nato secretary general, Jens Stoltenberg, at "
                "Downing Street on Wednesday for talks on defence spending.")
    sides = _values(doc, "meeting", "participant")
    assert "Jens Stoltenberg" in sides
    assert "Nato secretary general" not in sides
