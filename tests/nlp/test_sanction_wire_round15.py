"""Round 15 (wire styles) sanction readings: a court's penalty is no state measure
(sentences written for these tests, generic or invented parties)."""

from __future__ import annotations

import pytest


def _of_type(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _values(doc, type_: str, role: str) -> set[str]:
    return {v.text for m in _of_type(doc, type_) for v in m.values(role)}


# --- a court or a judge sanctioning a party in a case -------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The court sanctioned the company for destroying evidence in the patent case.",
        "The judge sanctioned the lawyers for filing fake case citations.",
        "Sanctions were imposed on the firm by a federal tribunal on Monday.",
    ],
)
def test_a_courts_sanction_is_no_measure(parse, text):
    assert _of_type(parse(text), "sanction") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The US sanctioned the company for supplying drones to Russia.", "company"),
        ("The EU on Monday sanctioned three Russian judges who jailed opposition activists "
         "over their criticism of the war.", "Russian judges"),
        ("The Treasury sanctioned an Iranian court official involved in the drone programme.",
         "Iranian court official"),
    ],
)
def test_a_state_sanctioning_judges_or_firms_stays(parse, text, target):
    assert target in _values(parse(text), "sanction", "target")
