"""Sanctions in the wordings of any paper (sentences written for these tests): the side whose
measures target a party, a "sanctions" compound that names the act, export curbs."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        ("The newest Canadian measures target four Belarusian rifle makers.", "Canadian",
         "Belarusian rifle makers"),
        ("Britain's new penalties target three Syrian weapons brokers.", "Britain",
         "Syrian weapons brokers"),
    ],
)
def test_the_side_whose_measures_target_a_party_imposes_them(parse, text, imposer, target):
    (m,) = _mentions(parse(text), "sanction")
    assert imposer in _texts(m, "imposer")
    assert target in _texts(m, "target")


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        ("Norway unveiled fresh sanctions actions against Belarusian tank makers on Friday.",
         "Norway", "Belarusian tank makers"),
        ("Australia imposed export curbs on nine Iranian drone firms.", "Australia",
         "Iranian drone firms"),
    ],
)
def test_sanctions_actions_and_export_curbs_are_sanctions(parse, text, imposer, target):
    (m,) = _mentions(parse(text), "sanction")
    assert imposer in _texts(m, "imposer")
    assert target in _texts(m, "target")


@pytest.mark.parametrize(
    "text",
    [
        "The council approved curbs on parking near the stadium.",
        "The sanctions regime has been criticised by analysts for years.",
    ],
)
def test_other_curbs_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


@pytest.mark.parametrize(
    "text",
    [
        "The army banned all private use of drones at its bases on Friday.",
        "The Navy banned the use of personal phones on its ships on Monday.",
    ],
)
def test_a_ban_on_how_a_thing_is_used_is_no_sanction(nlp, text):
    # recall mode keeps what the rules drop, with the reason: the ban is read, then rejected
    doc = nlp.make_doc(text)
    doc._.published, doc._.context = "2024-06-20", {"recall": True}
    m = [x for x in nlp(doc)._.mentions if x.type == "sanction"]
    assert m and all(x.rejected is not None for x in m)


def test_a_ban_that_names_a_party_stays_a_sanction(parse):
    assert _mentions(parse("Germany banned arms exports to Saudi Arabia on Monday."), "sanction")


@pytest.mark.parametrize(
    "text",
    [
        "The Ostmark finance ministry imposed sanctions on four smugglers who ran narcotics "
        "through the port of Vesk on Monday.",
        "Washington imposed sanctions on two fentanyl traffickers and a cartel on Monday.",
    ],
)
def test_sanctions_for_a_civil_crime_are_out_of_scope(parse, text):
    assert not _mentions(parse(text), "sanction")


def test_sanctions_on_arms_suppliers_stay(parse):
    doc = parse("The Treasury imposed sanctions on three firms involved in Iran's drone "
                "programme on Monday.")
    assert _mentions(doc, "sanction")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ostmark sanctioned three Brask firms that shipped drones to Kerel and a network that "
         "smuggled drugs.", "Brask firms"),
        ("The Treasury imposed sanctions on three firms involved in Kerel's drone programme and "
         "a gang that smuggled drugs on Monday.", "firms"),
    ],
)
def test_one_civil_target_leaves_the_defence_targets_sanctioned(parse, text, target):
    # each target is judged on its own words, not on the clause of a party listed with it
    (m,) = _mentions(parse(text), "sanction")
    assert target in _texts(m, "target")
