"""Agreements (sentences written for these tests): a pact "struck" is no attack, the words of
an agreement's own title are no sides and name it, and a named pact signed by leaders."""

from __future__ import annotations


def _of(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_]


def test_a_pact_struck_is_no_strike(parse):
    doc = parse("Norway and Canada struck a new security pact on Saturday.")
    assert not _of(doc, "strike")
    assert _of(doc, "agreement")


def test_title_words_are_no_sides_and_name_the_agreement(parse):
    doc = parse("Chile and Peru signed a Reciprocal Training Agreement on Monday.")
    found = _of(doc, "agreement")
    assert found
    parties = {v.text for m in found for v in m.values("party")}
    assert parties == {"Chile", "Peru"}
    assert {v.text for m in found for v in m.values("item")} == {"Reciprocal Training Agreement"}


def test_named_pact_signed_by_leaders(parse):
    doc = parse("The two presidents signed a Bilateral Security Agreement in Vilnius on Friday.")
    assert _of(doc, "agreement")


def test_agreement_on_stationing_troops(parse):
    doc = parse("Norway and Estonia signed an agreement on the permanent stationing of a brigade.")
    assert _of(doc, "agreement")


def test_became_a_member_of_the_alliance(parse):
    found = _of(parse("Montenegro became NATO's 29th member in June."), "agreement")
    assert found
    assert {v.text for m in found for v in m.values("party")} == {"Montenegro", "NATO"}


def test_members_and_memberships_that_are_no_accession(parse):
    for text in (
        "NATO members agreed to raise their budgets.",
        "Georgia will become a member of NATO one day, the minister said.",
        "She became a member of the Labour party in 1990.",
    ):
        assert not _of(parse(text), "agreement"), text


def test_a_civil_pact_is_no_defence_agreement(parse):
    doc = parse("Spain and Morocco sealed a labour mobility pact and promised closer defence ties.")
    assert not _of(doc, "agreement")
    doc = parse("Spain and Morocco sealed a defence pact on Monday.")
    assert _of(doc, "agreement")
