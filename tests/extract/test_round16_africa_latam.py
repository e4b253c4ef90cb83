"""Sentences written for this test in the register of English-language news of Africa, Latin
America and Pakistan (wire copy, official statements): a junta is its state's government, a
delivery under a grant agreement is a gift, a force named before an air action noun struck,
and an attack on a village is fighting; with the near misses of each."""

from __future__ import annotations

import pytest


def _events(extractor, make_clean, text: str, type_: str | None = None) -> list:
    return [e for e in extractor.extract(make_clean(text)) if type_ is None or e.type == type_]


def _values(event, role: str) -> list[str]:
    return [v.text for v in event.args.get(role, [])]


@pytest.mark.parametrize(
    ("text", "type_", "role", "party"),
    [
        ("Niger's junta has bought Kestrel combat drones from Turkish manufacturer Lindell "
         "Aerospace, state television reported on Tuesday.", "procurement", "buyer", "junta"),
        ("Mali's junta signed a deal with Baykar for Akinci drones on Tuesday.",
         "procurement", "buyer", "junta"),
        ("Niger's junta met a Russian deputy defence minister in Niamey on Tuesday to discuss "
         "military cooperation.", "meeting", "participant", "junta"),
    ],
)
def test_junta_is_a_party(kb_extractor, make_clean, text, type_, role, party) -> None:
    (event,) = _events(kb_extractor, make_clean, text, type_)
    assert any(party in v for v in _values(event, role))


@pytest.mark.parametrize(
    "text",
    [
        "Protesters in Ouagadougou rallied in support of the junta on Tuesday.",
        "Burkina Faso's junta expelled three French diplomats on Tuesday, accusing them of "
        "subversive activities.",
        "Mali's junta announced on Tuesday that it had dissolved all political parties.",
        "The junta in Niamey could turn to Russia for air defence systems if Washington "
        "withdraws its troops, analysts said.",
    ],
)
def test_junta_without_deed_gives_nothing(kb_extractor, make_clean, text) -> None:
    assert _events(kb_extractor, make_clean, text) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("China handed over a consignment of military vehicles to the Bangladesh Army under a "
         "grant agreement, the Inter Services Public Relations Directorate said on Wednesday.",
         "aid"),
        ("The United States delivered ten helicopters to Nigeria under a military assistance "
         "agreement on Monday.", "aid"),
        ("China handed over two frigates to the Bangladesh Navy under a sale agreement on "
         "Tuesday.", "procurement"),
        ("Turkey will deliver 12 Akinci drones to Pakistan under a $300 million contract.",
         "procurement"),
    ],
)
def test_deal_named_as_gift_is_aid(kb_extractor, make_clean, text, type_) -> None:
    assert [e.type for e in _events(kb_extractor, make_clean, text)] == [type_]


def test_civil_goods_under_grant_give_nothing(kb_extractor, make_clean) -> None:
    text = "Japan handed over 20 fire engines to Sri Lanka under a grant agreement on Tuesday."
    assert _events(kb_extractor, make_clean, text) == []


def test_force_before_air_action_noun_attacks(kb_extractor, make_clean) -> None:
    text = ("The Nigerian military has stepped up its campaign against bandits in the "
            "north-west. NAF air interdiction destroyed a bandit hideout and logistics base in "
            "Zamfara State on Thursday, the service said in a statement.")
    (event,) = _events(kb_extractor, make_clean, text, "strike")
    assert _values(event, "attacker") == ["NAF"]
    assert event.date == "2024-05-09"


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese army said on Tuesday that Baykar drones destroyed an RSF ammunition depot "
        "near Khartoum.",
        "A Boko Haram raid destroyed a school in Borno State on Tuesday.",
        "NDLEA operations destroyed 40 hectares of cannabis farms in Ondo State on Tuesday.",
    ],
)
def test_maker_or_police_before_action_is_no_attacker(kb_extractor, make_clean, text) -> None:
    attackers = [v for e in _events(kb_extractor, make_clean, text, "strike")
                 for v in _values(e, "attacker")]
    assert not any(name in attackers for name in ("Baykar", "NDLEA", "Boko Haram"))


@pytest.mark.parametrize(
    "text",
    [
        "At least 40 civilians were killed in an RSF attack on a village in Al Jazira state on "
        "Wednesday, activists said.",
        "Jihadists attacked a village near Djibo on Tuesday, killing dozens of civilians.",
        "A Brask air strike on a village near the border killed six civilians on Monday.",
    ],
)
def test_attack_on_a_village_is_no_strike(kb_extractor, make_clean, text) -> None:
    assert _events(kb_extractor, make_clean, text, "strike") == []


@pytest.mark.parametrize(
    "text",
    [
        "An Israeli strike on the village of Aitaroun killed a Hezbollah commander.",
        "An Israeli air strike on a village in southern Lebanon killed two Hezbollah fighters.",
        "Israeli strikes on villages in southern Lebanon killed three Hezbollah members on "
        "Monday.",
        "A Russian drone attack on a village in Sumy region killed a soldier.",
        "Russian troops attacked the village of Robotyne on Tuesday.",
        "Russian drones struck the village of Varn on Monday, killing four Ukrainian soldiers.",
        "Brask jets bombed a village near Ostmark's border on Monday, killing 12 civilians and "
        "two soldiers.",
    ],
)
def test_village_attack_with_military_victims_is_a_strike(kb_extractor, make_clean,
                                                         text) -> None:
    assert _events(kb_extractor, make_clean, text, "strike")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sudan's army bombed an RSF base near the village of Um Kadada on Tuesday, witnesses "
         "said.", "base"),
        ("Israeli jets struck a Hezbollah weapons depot in a village in southern Lebanon on "
         "Tuesday.", "weapons depot"),
    ],
)
def test_military_target_in_a_village_stays_a_strike(kb_extractor, make_clean, text,
                                                     target) -> None:
    (event,) = _events(kb_extractor, make_clean, text, "strike")
    assert any(target in v for v in _values(event, "target"))
