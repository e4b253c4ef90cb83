"""Aid and strikes as UK papers and wire stories tell them (probe round 15): "all of its
artillery", money "for Ukraine's air defence", a state joining a giving coalition, a "new
package of military support", "the first of 24 jets", money to a fund that buys arms, the
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
        ("Denmark has pledged to donate all of its artillery to Ukraine.", "Denmark",
         "artillery"),
        ("Congress approved $2 billion in funding for Ukraine's air defence.", "Congress",
         "air defence"),
        ("Norway joined a coalition that supplies air defence systems to Ukraine.", "Norway",
         "air defence systems"),
        ("The Netherlands has delivered the first of 24 F-16 fighter jets to Ukraine, the Dutch "
         "defence ministry said.", "Netherlands", "F-16"),
        ("Norway pledged 600m kroner to a British-led fund that buys weapons for Ukraine.",
         "Norway", "weapons"),
    ],
)
def test_aid_to_ukraine_told_the_uk_way(kb_extractor, make_clean, text, donor, item):
    [event] = _events(kb_extractor, make_clean, text, "aid")
    assert _names(event, "recipient") == ["Ukraine"]
    assert any(donor in d for d in _names(event, "donor"))
    assert any(item in v.text for v in event.args.get("item", []))


def test_a_new_package_of_military_support_is_aid(kb_extractor, make_clean):
    text = "The UK has announced a new package of military support for Kyiv."
    [event] = _events(kb_extractor, make_clean, text, "aid")
    assert _names(event, "donor") == ["United Kingdom"]


def test_a_fund_that_buys_arms_for_a_state_is_not_its_purchase(kb_extractor, make_clean):
    text = "Norway pledged 600m kroner to a British-led fund that buys weapons for Ukraine."
    assert not _events(kb_extractor, make_clean, text, "procurement")


@pytest.mark.parametrize(
    "text",
    [
        "Britain has given Ukraine more military aid than any country except the US since "
        "2022, according to the Kiel Institute.",
        "Germany has sent more weapons to Ukraine than any other European country.",
        "Diplomats hope there will soon be a sizeable package of security support to Moldova.",
        "Senior officials said they would push for weapons for Ukraine's soldiers.",
        "The UK has sent £50m of humanitarian aid to Gaza, the Foreign Office said.",
    ],
)
def test_no_aid_in_rankings_and_wishes(kb_extractor, make_clean, text):
    assert not _events(kb_extractor, make_clean, text, "aid")


@pytest.mark.parametrize(
    ("text", "attackers"),
    [
        ("Israel said its jets struck a Hezbollah weapons depot in southern Lebanon on Sunday.",
         ["Israel"]),
        ("US and British warplanes struck Houthi targets in Yemen overnight, the Pentagon said.",
         ["United States", "United Kingdom"]),
    ],
)
def test_the_attacker_named_on_the_weapons(kb_extractor, make_clean, text, attackers):
    [event] = _events(kb_extractor, make_clean, text, "strike")
    assert _names(event, "attacker") == attackers


def test_a_common_word_is_no_weapon_name(kb_extractor, make_clean):
    """ "the group" is not "Harop" spelled another way; the headline's attack and the body's
    are one strike."""
    text = (
        "Rebels claim missile attack on US destroyer\n\nA rebel military spokesman said the group "
        "had fired two ballistic missiles at the destroyer in the Red Sea on Wednesday."
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
    text = "India signed a deal with France to produce assault rifles in Nagpur."
    [event] = _events(kb_extractor, make_clean, text, "production")
    assert _names(event, "producer") == ["India"]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("18.22 BST Russia has carried out a massive missile attack on Ukraine's energy grid, "
         "the energy minister said.", "Russia"),
        ("09.30 GMT Russia fired 40 missiles at Kyiv overnight.", "Russia"),
    ],
)
def test_a_live_blog_time_zone_is_no_part_of_a_name(kb_extractor, make_clean, text, attacker):
    [event] = _events(kb_extractor, make_clean, text, "strike")
    assert [v.text for v in event.args.get("attacker", [])] == [attacker]


def test_a_new_aid_noun_leaves_other_recaps_alone(kb_extractor, make_clean):
    text = "We have imposed tough sanctions and new export controls on Iran."
    assert not _events(kb_extractor, make_clean, text, "sanction")
