"""Aid and strikes as UK papers and wire stories tell them (probe round 15): "all of its
artillery", money "for Ukraine's air defence", a state joining a giving coalition, a "new
package of military support", "the first of 18 jets", money to a fund that buys arms, the
attacker named on the weapons ("its jets", "US and British warplanes"); and the near misses:
a ranking of givers, an existential package, a common word read as a weapon's name."""

from __future__ import annotations

import pytest


def _events(kb_extractor, make_clean, text: str, type_: str):
    return [e for e in kb_extractor.extract(make_clean(text)) if e.type == type_]


def _names(event, role: str) -> list[str]:
    return [v.name or v.text for v in event.args.get(role, [])]


@pytest.mark.parametrize(
    ("text", "donor", "item"),
    [
        ("Portugal has pledged to donate all of its artillery to Moldova.", "Portugal",
         "artillery"),
        ("Congress approved $3.5 billion in funding for Moldova's air defence.", "Congress",
         "air defence"),
        ("Austria joined a coalition that supplies air defence systems to Moldova.", "Austria",
         "air defence systems"),
        ("Portugal has delivered the first of 18 F-16 fighter jets to Moldova, its defence "
         "ministry said.", "Portugal", "F-16"),
        ("Austria pledged 450m euros to an Irish-led fund that buys weapons for Moldova.",
         "Austria", "weapons"),
    ],
)
def test_aid_told_the_uk_way(kb_extractor, make_clean, text, donor, item):
    [event] = _events(kb_extractor, make_clean, text, "aid")
    assert _names(event, "recipient") == ["Moldova"]
    assert any(donor in d for d in _names(event, "donor"))
    assert any(item in v.text for v in event.args.get("item", []))


def test_a_new_package_of_military_support_is_aid(kb_extractor, make_clean):
    text = "Ostmark has announced a new package of military support for Lisk."
    [event] = _events(kb_extractor, make_clean, text, "aid")
    assert _names(event, "donor") == ["Ostmark"]


def test_a_fund_that_buys_arms_for_a_state_is_not_its_purchase(kb_extractor, make_clean):
    text = "Ostmark pledged 450m kroner to a Brask-led fund that buys weapons for Lisk."
    assert not _events(kb_extractor, make_clean, text, "procurement")


@pytest.mark.parametrize(
    "text",
    [
        "Ostmark has given Lisk more military aid than any country except Brask since "
        "2021, according to a research institute in Varn.",
        "Ostmark has sent more weapons to Lisk than any other European country.",
        "Ostmark has sent more tanks to Lisk than its allies.",
        "Diplomats hope there will soon be a sizeable package of security support to Lisk.",
        "Senior officials said they would push for weapons for Lisk's soldiers.",
        "Ostmark has sent £40m of humanitarian aid to Lisk, its foreign ministry said.",
    ],
)
def test_no_aid_in_rankings_and_wishes(kb_extractor, make_clean, text):
    assert not _events(kb_extractor, make_clean, text, "aid")


@pytest.mark.parametrize(
    ("text", "attackers"),
    [
        ("Kerel said its jets struck a rebel weapons depot near Varn on Sunday.",
         ["Kerel"]),
        ("French and Italian warplanes struck rebel positions near the border overnight, the "
         "French defence ministry said.", ["France", "Italy"]),
    ],
)
def test_the_attacker_named_on_the_weapons(kb_extractor, make_clean, text, attackers):
    [event] = _events(kb_extractor, make_clean, text, "strike")
    assert _names(event, "attacker") == attackers


def test_a_common_word_is_no_weapon_name(kb_extractor, make_clean):
    """ "the group" is not "Harop" spelled another way; the headline's attack and the body's
    are one strike."""
    text = (
        "Rebels claim missile attack on frigate\n\nA rebel military spokesman said the group "
        "had fired three cruise missiles at the frigate off the Varn coast on Tuesday."
    )
    events = _events(kb_extractor, make_clean, text, "strike")
    assert all("Harop" not in n for e in events for n in _names(e, "attacker"))


@pytest.mark.parametrize(
    ("text", "producer"),
    [
        ("The Navy awarded Raytheon a $640 million contract to speed up production of Javelin "
         "missiles, the service said Tuesday.", "Raytheon"),
        ("The Ministry of Defence has placed a £95m order with BAE Systems to resume "
         "production of rounds for its mortars.", "BAE Systems"),
    ],
)
def test_the_side_given_the_contract_makes_the_goods(kb_extractor, make_clean, text, producer):
    [event] = _events(kb_extractor, make_clean, text, "production")
    assert [v.text for v in event.args.get("producer", [])] == [producer]


def test_a_joint_production_deal_keeps_its_partner(kb_extractor, make_clean):
    text = "Ostmark signed a deal with Brask to produce assault rifles in Varn."
    [event] = _events(kb_extractor, make_clean, text, "production")
    assert _names(event, "producer") == ["Ostmark"]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("18.47 BST Kerel has carried out a large missile attack on Ostmark's power stations, "
         "the energy minister said.", "Kerel"),
        ("07.15 GMT Kerel fired 35 missiles at Varn overnight.", "Kerel"),
    ],
)
def test_a_live_blog_time_zone_is_no_part_of_a_name(kb_extractor, make_clean, text, attacker):
    [event] = _events(kb_extractor, make_clean, text, "strike")
    assert [v.text for v in event.args.get("attacker", [])] == [attacker]


def test_a_new_aid_noun_leaves_other_recaps_alone(kb_extractor, make_clean):
    text = "We have imposed tough sanctions and new export controls on Kerel."
    assert not _events(kb_extractor, make_clean, text, "sanction")


@pytest.mark.parametrize(
    "text",
    [
        # a state funding its own arms: spending, no aid (review 15, item 4)
        "Berlin approved €2.5bn in funding for Germany's air defence.",
        "Congress approved $1.8 billion in funding for America's missile defence.",
        "The chancellor announced a £700m package for Britain's air defence.",
    ],
)
def test_funding_for_a_states_own_arms_is_no_aid(kb_extractor, make_clean, text):
    assert not _events(kb_extractor, make_clean, text, "aid")


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        # "than" compares times, not givers: the gift stands (review 15, item 5)
        ("Portugal will send more air defence systems to Moldova this year than last year.",
         "Portugal"),
        ("Austria has sent Moldova more shells than ever before, with 70,000 delivered in "
         "March.", "Austria"),
    ],
)
def test_more_than_another_time_is_still_a_gift(kb_extractor, make_clean, text, donor):
    [event] = _events(kb_extractor, make_clean, text, "aid")
    assert _names(event, "donor") == [donor]
