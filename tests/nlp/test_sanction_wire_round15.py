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


# --- a body of a state's forces as the target ---------------------------------------------

@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Britain on Thursday sanctioned two Russian military intelligence units and 11 "
         "individuals over cyberattacks, the Foreign Office said.",
         "Russian military intelligence units"),
        ("The United States sanctioned an Israeli army battalion on Friday.",
         "Israeli army battalion"),
    ],
)
def test_a_states_force_body_is_a_sanction_target(parse, text, target):
    assert target in _values(parse(text), "sanction", "target")


@pytest.mark.parametrize(
    "text",
    [
        "The Defence Acquisition Council sanctioned 120 Indian Army units of the Akash missile.",
        "The government sanctioned 500 units of the Pinaka rocket system.",
        "Britain deployed two military intelligence units to Estonia.",
        "The ministry sanctioned two new Indian Reserve battalions for the border.",
    ],
)
def test_units_of_goods_new_bodies_or_deployed_units_are_no_target(parse, text):
    assert not any("unit" in v or "battalion" in v for v in _values(parse(text), "sanction",
                                                                     "target"))
