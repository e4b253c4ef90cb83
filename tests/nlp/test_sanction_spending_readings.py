"""Sanctions and defence spending told in the ways any paper tells them (sentences written
for these tests): assets frozen, parties placed or listed on a sanctions list, money sought to
develop arms."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "imposer", "target"),
    [
        ("Britain froze the assets of four Iranian missile suppliers on Tuesday.", "Britain",
         "Iranian missile suppliers"),
        ("The reserves of the Russian central bank were frozen by the EU in 2022.", "EU",
         "Russian central bank"),
        ("Canada froze Belarus's state holdings last month.", "Canada", "Belarus"),
    ],
)
def test_assets_frozen_are_a_sanction(parse, text, imposer, target):
    (m,) = _mentions(parse(text), "sanction")
    assert imposer in _texts(m, "imposer")
    assert target in _texts(m, "target")


def test_a_sum_frozen_is_no_money_approved(parse):
    doc = parse("Allies moved to freeze $300 billion in Russian sovereign funds held abroad.")
    assert _mentions(doc, "sanction")
    assert not _mentions(doc, "spending")


@pytest.mark.parametrize(
    "text",
    [
        "Donors pledged to spend the profits from frozen Russian assets on shells for Ukraine.",
        "The city froze hiring for the rest of the year.",
    ],
)
def test_frozen_assets_as_a_state_or_a_hiring_freeze_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Washington placed six Chinese drone firms on its Entity List on Friday.",
         "Chinese drone firms"),
        ("The department is listing 40 Iranian companies on the Entity List for aiding the"
         " drone programme.", "Iranian companies"),
        ("Two Chinese shipyards were put on the US sanctions list in March.", "Chinese shipyards"),
    ],
)
def test_parties_placed_on_a_sanctions_list(parse, text, target):
    (m,) = _mentions(parse(text), "sanction")
    assert target in _texts(m, "target")


@pytest.mark.parametrize(
    "text",
    [
        "The defence firm was listed on the Frankfurt exchange in 2021.",
        "The minister placed the question on the agenda of the council.",
        "The navy placed an order for eight patrol boats.",
    ],
)
def test_other_lists_and_placings_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


def test_money_sought_to_develop_arms_is_defence_spending(parse):
    doc = parse("The design agency is seeking Rs 9,000 crore to develop two fighter prototypes.")
    (m,) = _mentions(doc, "spending")
    assert m.values("value")


def test_a_firm_raising_money_for_its_drone_is_no_defence_spending(parse):
    doc = parse("The company is seeking $30 million to develop a new attack drone.")
    assert not _mentions(doc, "spending")


@pytest.mark.parametrize(
    "text",
    [
        "For these reasons I have decided to extend the national emergency with respect to"
        " Belarus.",
        "We are renewing for two more years the national emergency set up by Executive Order"
        " 12000.",
    ],
)
def test_a_national_emergency_continued_renews_its_sanctions(parse, text):
    (m,) = _mentions(parse(text), "sanction")
    assert m.values("imposer")
    assert m.status == "done"


@pytest.mark.parametrize(
    "text",
    [
        "The president declared a national emergency at the southern border.",
        "The governor extended the state of emergency after the storms.",
    ],
)
def test_other_emergencies_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


@pytest.mark.parametrize(
    ("text", "spender"),
    [
        ("The Senate passed the $850 billion defense authorization bill on Tuesday.", "Senate"),
        ("The lower house approved the annual defence spending bill by 300 votes to 120.",
         "lower house"),
        ("The president signed the National Defense Authorization Act into law on Monday.",
         "president"),
    ],
)
def test_a_defence_budget_law_passed_or_signed_is_spending(parse, text, spender):
    (m,) = _mentions(parse(text), "spending")
    assert _texts(m, "spender") == [spender]


@pytest.mark.parametrize(
    "text",
    [
        "Parliament passed the defence procurement act last spring.",
        "Congress invoked the Defense Production Act to speed up shell output.",
        "The act of sabotage was condemned by the council.",
    ],
)
def test_other_laws_and_acts_are_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


def test_the_doer_of_a_means_clause_imposes_the_listing(parse):
    doc = parse("The Commerce Department will act against the smugglers by adding eleven firms"
                " to the Entity List.")
    (m,) = _mentions(doc, "sanction")
    assert _texts(m, "imposer") == ["Commerce Department"]


def test_a_class_of_actors_described_as_sanctioned_is_no_measure(parse):
    doc = parse("Brokers in the port deal with shipping firms that are sanctioned and shunned"
                " by insurers.")
    assert not _mentions(doc, "sanction")


def test_groups_sanctioned_on_a_day_are_a_measure(parse):
    doc = parse("Britain named the groups that it sanctioned on Monday for aiding the drone trade.")
    assert _mentions(doc, "sanction")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Council adopted restrictive measures against 14 Iranian officials on Monday.",
         "Iranian officials"),
        ("Brussels imposed punitive measures on four drone makers.", "drone makers"),
    ],
)
def test_restrictive_measures_are_sanctions(parse, text, target):
    (m,) = _mentions(parse(text), "sanction")
    assert target in _texts(m, "target")


@pytest.mark.parametrize(
    "text",
    [
        "The government announced new measures to protect the power grid.",
        "Security measures were tightened around the base.",
        "The ministry imposed measures on shops after the outbreak.",
    ],
)
def test_other_measures_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


def test_money_to_develop_a_civil_craft_is_no_defence_spending(parse):
    doc = parse("The aerospace lab is seeking $1 billion to develop a 70-seat regional turboprop"
                " aircraft.")
    assert not _mentions(doc, "spending")


def test_an_asset_freeze_on_a_party_is_a_sanction(parse):
    (m,) = _mentions(parse("The EU agreed an asset freeze against the Belarusian drone maker."),
                     "sanction")
    assert "EU" in _texts(m, "imposer")
    assert m.values("target")


@pytest.mark.parametrize(
    "text",
    [
        "The tycoon is fighting the asset freeze in the courts.",
        "The government announced a pay freeze for public workers.",
    ],
)
def test_a_freeze_challenged_or_on_pay_is_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")
