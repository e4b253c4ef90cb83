"""Aid the rules used to miss (sentences written for these tests): a supplemental
appropriation put to a legislature, and a state the aid is for hung on its source."""

from __future__ import annotations

import pytest


def _aid(doc) -> list:
    return [m for m in doc._.mentions if m.type == "aid" and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "status", "donor", "recipient"),
    [
        ("The Senate passed the national security supplemental on Tuesday.", "done", "Senate",
         None),
        ("Lawmakers approved the supplemental funding bill for Georgia late on Monday.",
         "announced", "Lawmakers", "Georgia"),
        ("The senator urged Congress to quickly pass the national security supplemental.",
         "planned", "Congress", None),
        ("The House must pass the national security supplemental bill before the recess.",
         "planned", "House", None),
        ("The White House sent lawmakers a supplemental budget request for Ukraine.",
         "planned", "White House", "Ukraine"),
    ],
)
def test_a_supplemental_is_aid(parse, text, status, donor, recipient):
    (m,) = _aid(parse(text))
    assert m.status == status
    assert donor in _texts(m, "donor")
    if recipient:
        assert _texts(m, "recipient") == [recipient]


@pytest.mark.parametrize(
    "text",
    [
        "The governor asked for a disaster supplemental after the floods.",
        "If Congress passes the national security supplemental, more shells will follow.",
    ],
)
def test_no_aid_in_a_civil_or_conditional_supplemental(parse, text):
    assert not _aid(parse(text))


def test_the_state_aid_is_for_after_its_source(parse):
    doc = parse("The president signed another $150 million drawdown from Pentagon stocks for "
                "Latvia.")
    (m,) = _aid(doc)
    assert _texts(m, "recipient") == ["Latvia"]
