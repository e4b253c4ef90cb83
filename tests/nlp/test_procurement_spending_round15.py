"""Round 15 (procurement, spending), found by probing UK broadsheet, wire and US trade-press
sentences written for these tests: a bill or law with its own sum is a budget law; the "for"
the parse hangs on the sum says what the money is for; whom the work of a deal serves buys it
("for the production of X for the Navy", "spare parts for Poland's F-35 fleet", "to maintain
the Royal Navy's submarines")."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The U.S. House of Representatives on Thursday passed a $700 billion defense policy "
         "bill.", "$700 billion"),
        ("France's parliament adopted a military programming law worth 413 billion euros.",
         "413 billion euros"),
        ("The budget for 2025 includes 4 billion euros for new frigates, the Dutch government "
         "said on Monday.", "4 billion euros"),
    ],
)
def test_priced_laws_and_budgets_for_arms_are_spending(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


@pytest.mark.parametrize(
    "text",
    [
        "The House passed a defense procurement bill on Thursday.",
        "Parliament adopted a new military service law on Tuesday.",
        "The council's budget for 2025 includes 4 million euros for new bus shelters.",
        "The House passed a $700 billion highway bill on Thursday.",
    ],
)
def test_laws_without_a_sum_or_civil_budgets_are_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Lindell Aerospace was awarded a $98,310,000 modification to a previously awarded "
         "contract for the production of Standard Missile-6 for the Navy.", "Navy"),
    ],
)
def test_whom_the_work_serves_buys(parse, text, buyer):
    ms = _mentions(parse(text), "procurement")
    assert any(buyer in v.text for m in ms for v in m.values("buyer"))


def test_goods_own_for_is_no_buyer_of_the_work(parse):
    doc = parse("Saab received an order for Carl-Gustaf ammunition for export customers.")
    assert not any(
        "customers" in v.text for m in _mentions(doc, "procurement") for v in m.values("buyer")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The chancellor announced an extra £3.4bn for defence in the autumn budget on "
         "Tuesday.", "£3.4bn"),
        ("Mara Ostby confirmed an extra £3.4bn for defence in the autumn budget on "
         "Tuesday.", "£3.4bn"),
        ("The Ministry of Defence secured an extra £1.7bn from the Treasury in the spending "
         "round.", "£1.7bn"),
        ("The MoD secured an extra £1.7bn from the Treasury.", "£1.7bn"),
        ("The Pentagon requested $512 billion for fiscal 2031.", "$512 billion"),
        ("The White House is seeking $731 billion for the Pentagon in fiscal 2032.",
         "$731 billion"),
    ],
)
def test_sums_announced_for_defence_or_asked_by_a_defence_body(parse, text, value):
    ms = _mentions(parse(text), "spending")
    assert any(v.text == value for m in ms for v in m.values("value"))


@pytest.mark.parametrize(
    "text",
    [
        "The chancellor announced an extra £2bn for the NHS on Wednesday.",
        "The United States announced $400 million for Ukraine's air defence on Friday.",
        "The health ministry requested $2 billion for new hospitals.",
        "The chancellor confirmed the date of the spring statement.",
        "The council secured an extra £2m from the government for road repairs.",
        "Ostmark will be providing over $6 billion to address water shortages.",
    ],
)
def test_civil_sums_and_money_for_another_state_are_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


@pytest.mark.parametrize(
    "text",
    [
        "The Brask navy has awarded a £1bn contract to Lindell Shipyards to build three new "
         "support ships.",
        "The Brask navy awarded Lindell Shipyards a contract to build three new support ships.",
    ],
)
def test_the_awardee_does_the_contracted_work(nlp, text):
    from materiel.nlp.frames import subjects

    doc = nlp(text)
    build = next(t for t in doc if t.lemma_ == "build")
    assert [t.text for t in subjects(build)] == ["Shipyards"]


def test_the_awarder_still_builds_what_it_was_not_awarded(nlp):
    from materiel.nlp.frames import subjects

    doc = nlp("The Brask navy has decided to build three new support ships.")
    build = next(t for t in doc if t.lemma_ == "build")
    assert [t.text for t in subjects(build)] == ["navy"]


def test_goods_named_on_the_work_are_the_item(parse):
    doc = parse("Lindell Land Systems has been awarded a $245 million contract for Abrams tank "
                "upgrades.")
    ms = _mentions(doc, "procurement")
    assert any("Abrams" in v.text for m in ms for v in m.values("item"))


def test_work_on_civil_goods_names_no_item(parse):
    doc = parse("Lindell Land Systems has been awarded a $5 million contract for office upgrades.")
    assert not any(m.values("item") for m in _mentions(doc, "procurement"))


# --- review of round 15: sums sought or won that are no budget, money for or from a state ---

@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon is seeking $2bn in damages from Lindell Aerospace over the tanker "
        "programme.",
        "The Ministry of Defence is seeking £700m in compensation from the contractor for "
        "delays to the new vehicles.",
        "The army is seeking $300m in savings from the programme.",
        "The MoD secured £400m in compensation from the contractor.",
        "The Pentagon has requested $48 billion for Ukraine from Congress.",
        "Kyiv secured €30bn from the EU to keep its armed forces fighting.",
        "The president secured $600m for air defence during his visit to Ostmark.",
        "Germany announced €300m for armed forces in Moldova.",
        "Ostmark announced €200m for armed forces in Brask.",
    ],
)
def test_sums_recovered_or_for_and_from_states_are_no_defence_spending(parse, text):
    assert not _mentions(parse(text), "spending")


def test_of_several_sums_announced_only_the_defence_one_is_spending(parse):
    doc = parse("The chancellor announced £3bn for the NHS and £1.5bn for defence.")
    values = {v.text for m in _mentions(doc, "spending") for v in m.values("value")}
    assert values == {"£1.5bn"}


# --- money given to buy is no contract awarded; a client's contract is no aid ----------------

@pytest.mark.parametrize(
    "text",
    [
        "Ostmark gave Kerel $700m to buy air defence systems.",
        "The US gave Kerel $9bn to buy more interceptors for its air defences.",
    ],
)
def test_money_given_to_buy_makes_no_seller_of_the_giver(parse, text):
    doc = parse(text)
    assert not any(v.text in ("Ostmark", "US") for m in _mentions(doc, "procurement")
                   for v in m.values("seller"))


def test_the_awardee_of_a_contract_does_the_work_but_not_of_money(nlp):
    from materiel.nlp.frames import contract_awardees

    doc = nlp("Ostmark gave Kerel $700m to buy air defence systems.")
    assert contract_awardees(next(t for t in doc if t.lemma_ == "buy")) == []
    doc = nlp("The Brask navy gave Lindell Shipyards a contract to build three new ships.")
    assert [t.text for t in contract_awardees(next(t for t in doc if t.lemma_ == "build"))] == [
        "Shipyards"]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon awarded Lindell Aerospace a $300m contract for F-16 modernisation for "
        "Kerel.",
        "Lindell Aerospace won a $900m Army contract for Patriot sustainment for Kerel.",
    ],
)
def test_a_contract_with_a_company_for_a_client_state_is_no_aid(parse, text):
    assert not _mentions(parse(text), "aid")


def test_an_attorney_general_is_no_seller(parse):
    doc = parse("The attorney general approved the sale of 14 patrol boats to Brask.")
    assert not any("general" in v.text for m in _mentions(doc, "procurement")
                   for v in m.values("seller"))
