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
        ("Kerel on Thursday sanctioned two Russian military intelligence units and seven "
         "individuals over drone attacks on its ports, the foreign ministry said.",
         "Russian military intelligence units"),
        ("Vesk sanctioned a Syrian army battalion on Friday over attacks on aid convoys.",
         "Syrian army battalion"),
        ("Brask sanctioned a Kerel army brigade on Friday.", "Kerel army brigade"),
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


# --- a court upholding a state's sanctions, a state's own export-control tribunal -----------
# (review of round 15, items 3 and 4)

@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        ("A federal judge on Tuesday upheld the Treasury's sanctions on three Ostmark arms "
         "firms.", None, "Ostmark arms firms"),
        ("Ostmark's top court on Monday confirmed the government's sanctions against 14 Brask "
         "arms makers, making them final.", None, "Brask arms makers"),
    ],
)
def test_a_court_upholding_or_a_states_tribunal_keeps_the_sanction(parse, text, imposer,
                                                                  target):
    doc = parse(text)
    assert any(target in v for v in _values(doc, "sanction", "target"))
    if imposer is not None:
        assert imposer in _values(doc, "sanction", "imposer")
    assert all(m.values("target") for m in _of_type(doc, "sanction"))


def test_a_states_export_control_tribunal_is_a_state_measure(parse):
    doc = parse("Ostmark's tribunal for export controls sanctioned two firms that shipped "
                "rifle scopes to Russia.")
    assert "Ostmark" in _values(doc, "sanction", "imposer")


def test_a_court_upholding_sanctions_on_a_dealer_keeps_the_event(parse):
    doc = parse("The EU General Court upheld sanctions on Kerel arms dealer Ivo Brask on "
                "Wednesday.")
    assert _of_type(doc, "sanction")


# --- Indian English: "sanctioned ... units" for a purpose or by a cabinet is an approval ----
# (review of round 15, item 6)

@pytest.mark.parametrize(
    "text",
    [
        "The Cabinet sanctioned four Indian Navy units to man the new destroyers.",
        "New Delhi sanctioned five Indian Army units for the new drone corps.",
        "The Centre sanctioned three Indian Army battalions on Friday.",
    ],
)
def test_force_bodies_approved_for_a_purpose_are_no_sanction(parse, text):
    assert _of_type(parse(text), "sanction") == []
