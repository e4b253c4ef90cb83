"""War-report sentences written for this test (Ukrainian, Russian state and Middle East
outlets in English, think-tank notes): "according to" after a strike verb is no idiom, a
province named with "region" or "Oblast" is the place, the side on a weapon compound
attacks, a night told with its written day, and their near misses."""

from __future__ import annotations

import pytest


def _strikes(extractor, make_clean, text: str) -> list:
    return [e for e in extractor.extract(make_clean(text)) if e.type == "strike"]


def _values(event, role: str) -> list[str]:
    return [v.text for v in event.args.get(role, [])]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Drones struck an ammunition depot in Russia's Belgorod region early on Thursday, "
         "according to a source in the Defence Intelligence (HUR).", "ammunition depot"),
        ("Ukrainian forces struck a Russian S-400 air defense system in occupied Crimea on "
         "May 9, according to geolocated footage published on Friday.", "S-400"),
    ],
)
def test_according_to_is_no_strike_idiom(kb_extractor, make_clean, text, target) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert any(target in v for v in _values(event, "target"))


@pytest.mark.parametrize(
    "text",
    [
        "The minister struck a conciliatory tone on Thursday, according to people at the "
        "meeting.",
        "Lightning struck a fuel depot in Texas on Thursday, according to local officials.",
        "A storm hit the naval base in Norfolk on Thursday.",
        "A massive fire struck the naval base on Thursday.",
        "Unknown forces destroyed a Russian radar station in Crimea on Thursday.",
        "Unidentified forces destroyed a radar station near the base on Thursday.",
        "Rebel forces destroyed a bridge used by Government forces on Thursday.",
        "Government forces destroyed a rebel ammunition depot near the border on Thursday.",
        "Fire destroyed an ammunition depot in Bulgaria on Thursday.",
        "A Russian missile hit the ground near Kharkiv on Thursday, causing no damage, "
        "officials said.",
        "Ukrainian air defence forces destroyed 30 Russian drones overnight, the Air Force said.",
        "Greek authorities destroyed two vessels seized from smugglers on Thursday.",
        "The governor of Belgorod region said on Thursday that schools would close.",
    ],
)
def test_idiom_nature_and_air_defence_are_no_strike(kb_extractor, make_clean, text) -> None:
    assert _strikes(kb_extractor, make_clean, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ukrainian drones hit a firing range in Russia's Belgorod region on Thursday, the "
         "governor said.", "Belgorod region"),
        ("A Ukrainian drone strike on an oil depot in Russia's Bryansk region sparked a fire "
         "on Thursday, the governor said.", "Bryansk region"),
        ("A Russian missile strike on a military training ground in Dnipropetrovsk Oblast "
         "killed 12 Ukrainian soldiers on Thursday, the General Staff said.",
         "Dnipropetrovsk Oblast"),
    ],
)
def test_region_place_and_weapon_side(kb_extractor, make_clean, text, place) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert place in _values(event, "location")
    assert event.args.get("attacker")
    assert event.args.get("target")


def test_strike_with_weapons_on_target(kb_extractor, make_clean) -> None:
    text = ("The Russian Armed Forces delivered a massive strike with high-precision long-range "
            "weapons on Ukrainian military-industrial facilities overnight, the Defence "
            "Ministry said.")
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert any("facilities" in v for v in _values(event, "target"))


def test_named_force_destroys_military_targets(kb_extractor, make_clean) -> None:
    text = ("US Central Command forces destroyed two Houthi unmanned surface vessels and a drone "
            "ground control station in Yemen on Wednesday, CENTCOM said on X.")
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert event.date == "2024-05-08"
    assert "Yemen" in _values(event, "location")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Russian forces attacked Ukraine with 55 Shahed-type drones and four missiles "
         "overnight on May 9, the Air Force reported.", "2024-05-09"),
        ("Russia attacked Kharkiv with drones overnight into 9 May 2023, the governor said.",
         "2023-05-09"),
    ],
)
def test_overnight_on_a_written_day(kb_extractor, make_clean, text, date) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert event.date == date


def test_second_event_keeps_its_own_date(kb_extractor, make_clean) -> None:
    text = ("Germany will send more air defence systems to Ukraine, the ministry said on "
            "Thursday. Russia attacked Kharkiv with drones overnight on May 9.")
    events = kb_extractor.extract(make_clean(text))
    assert {(e.type, e.date) for e in events} == {("aid", "2024-05-09"), ("strike", "2024-05-09")}


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Ukraine's navy said its sea drones sank the Russian corvette Kerel in the Black Sea "
         "overnight.", "navy"),
        ("The SBU's drones attacked the Tuapse oil refinery and a military airfield in "
         "Krasnodar Krai overnight, a source told Ukrainska Pravda.", "SBU"),
        ("Hamas's rockets hit an Israeli army base near Gaza on Thursday.", "Hamas"),
    ],
)
def test_named_warship_and_possessive_group(kb_extractor, make_clean, text, attacker) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert attacker in _values(event, "attacker")


@pytest.mark.parametrize(
    "text",
    [
        "The storm sank the Russian corvette Kerel in the Black Sea overnight.",
        "Ukraine sank a Russian tugboat carrying submarine parts on Thursday.",
        "Ukraine sank a Brask tugboat that carried submarine parts on Thursday.",
        "Investors sank the shares of the shipbuilder on Thursday.",
    ],
)
def test_sinking_by_nature_or_markets_is_no_strike(kb_extractor, make_clean, text) -> None:
    assert _strikes(kb_extractor, make_clean, text) == []


def _typed(extractor, make_clean, text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extractor.extract(make_clean(text)):
        out.setdefault(e.type, []).append(e)
    return out


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Finland has allocated EUR 210 million for artillery shells for Ukraine.",
         "artillery shells"),
        ("Norway earmarked NOK 2 billion for air defence systems for Ukraine on Thursday.",
         "air defence systems"),
        ("Sweden has allocated SEK 940 million for the production of Kerel self-propelled "
         "howitzers for Ukraine, the defence ministry in Kyiv said on Thursday.", "howitzers"),
    ],
)
def test_money_for_arms_for_another_state_is_aid(kb_extractor, make_clean, text, item) -> None:
    got = _typed(kb_extractor, make_clean, text)
    assert "spending" not in got
    (aid,) = got["aid"]
    assert _values(aid, "recipient") == ["Ukraine"]
    assert any(item in v for v in _values(aid, "item"))
    assert aid.args.get("donor") and aid.args.get("value")


@pytest.mark.parametrize(
    "text",
    [
        "Germany allocated €500 million for air defence systems for the Bundeswehr on Thursday.",
        "Poland allocated PLN 2 billion for the production of ammunition for the Polish army on "
        "Thursday.",
        "The government allocated PLN 2 billion for the production of ammunition for Poland on "
        "Thursday.",
        "Denmark allocated DKK 300 million for food and medicine for Ukraine on Thursday.",
        "Rheinmetall earmarked EUR 270 million for the production of shells for Ukraine at its "
        "Kerel plant.",
        "Lindell Aerospace allocated $400 million for the production of missiles for Poland.",
        "The Pentagon allocated $900 million for the production of 155mm shells for the "
        "United States and its allies.",
    ],
)
def test_own_forces_civil_goods_or_unnamed_spender_is_no_aid(
    kb_extractor, make_clean, text
) -> None:
    assert "aid" not in _typed(kb_extractor, make_clean, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ukrainian drones struck a Russian ammunition depot in occupied Melitopol on Thursday, "
         "the General Staff said.", "Melitopol"),
        ("Ukrainian forces struck a Russian S-400 air defense system in occupied Crimea on May "
         "9, according to geolocated footage published on Friday.", "Crimea"),
    ],
)
def test_place_after_occupied(kb_extractor, make_clean, text, place) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert place in _values(event, "location")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces occupied Avdiivka in February, the ministry said.",
        "Ukrainian troops liberated Kherson in November 2022.",
    ],
)
def test_occupation_is_no_strike(kb_extractor, make_clean, text) -> None:
    assert _strikes(kb_extractor, make_clean, text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russian artillery fire hit a Ukrainian ammunition depot near Kramatorsk on Thursday, "
         "the governor said.", "ammunition depot"),
        ("Israeli tank fire struck a Hezbollah command post in southern Lebanon overnight, the "
         "army said.", "command post"),
        ("Intense artillery fire struck Russian positions near Robotyne on Thursday.",
         "positions"),
        ("Houthi fire struck a US destroyer in the Red Sea on Thursday.", "destroyer"),
        ("A hail of rockets struck an Israeli army base in the north on Thursday.", "army base"),
    ],
)
def test_weapon_fire_is_no_force_of_nature(kb_extractor, make_clean, text, target) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert any(target in v for v in _values(event, "target"))


def test_navy_sinks_a_named_side_boat(kb_extractor, make_clean) -> None:
    text = "Ostmark's navy sank a Brask patrol boat near the island of Lunde on Thursday."
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert _values(event, "target") == ["Brask patrol boat"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Russia launched 20 drones overnight on May 8-9, hitting energy sites in Kharkiv "
         "region.", "2024-05-09"),
        ("Russia launched 20 drones overnight on April 30-May 1, hitting energy sites in "
         "Kharkiv region.", "2024-05-01"),
    ],
)
def test_overnight_range_ends_on_its_second_day(kb_extractor, make_clean, text, date) -> None:
    (event,) = _strikes(kb_extractor, make_clean, text)
    assert event.date == date


def test_union_money_for_arms_is_aid_without_the_receiver_in_the_item(
    kb_extractor, make_clean
) -> None:
    got = _typed(kb_extractor, make_clean, "The EU allocated EUR 4 billion for ammunition for "
                 "Ukraine.")
    (aid,) = got["aid"]
    assert _values(aid, "item") == ["ammunition"]
    assert _values(aid, "recipient") == ["Ukraine"]
