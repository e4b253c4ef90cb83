"""Attacks forsworn, deaths told by the attack they happened in, relative pronouns taken
for attackers, launch platforms read as subjects ("surface launched"), attacks told only as
claims (sentences written for these tests); and the strikes that must stay."""

from __future__ import annotations

import pytest


def _strikes(doc) -> list:
    return [m for m in doc._.mentions if m.type == "strike"]


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders agreed to ban strikes against energy facilities for thirty days.",
        "Both sides announced a moratorium on attacks on power plants.",
        "The reporter was killed in a Russian attack in the spring of 2022.",
        "Old rockets at the arsenal are being converted into Ground launched decoy missiles.",
        "Everyone knows how false the claims that the shelling was done by Kyiv are.",
        "Radar operators misread the signal, and the crew fired a guided missile that struck"
        " the cargo plane's tail.",
    ],
)
def test_not_a_strike(parse, text):
    assert not _strikes(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russian strikes halted production at the tank plant in Kharkiv.",
        "Two soldiers were wounded in a drone strike on the air base near Kursk.",
        "Russian missiles that hit the air base in Lviv destroyed two hangars.",
        "The US Navy launched Tomahawk missiles at the radar site on Sunday.",
        "The ministry said that Ukrainian drones struck the refinery in Ryazan overnight.",
    ],
)
def test_still_a_strike(parse, text):
    assert _strikes(parse(text))


def test_relative_pronoun_is_no_attacker(parse):
    found = _strikes(parse("The Ukrainian drones which struck the refinery flew 900 km."))
    assert found and all(v.text != "which" for m in found for v in m.values("attacker"))


@pytest.mark.parametrize(
    "text",
    [
        "The shadow chancellor launched a blistering attack on the government's defence plan.",
        "Hackers launched a cyber attack on the navy's payroll servers last week.",
        "The senator mounted a fierce attack on the president's record.",
    ],
)
def test_attacks_in_words_or_on_computers_are_no_strike(parse, text):
    assert not _strikes(parse(text))


def test_an_attack_launched_on_positions_stays(parse):
    assert _strikes(parse("Russian forces launched a missile attack on the air base on Monday."))


@pytest.mark.parametrize(
    "text",
    [
        "The minister voiced his condemnation of Iran's drone attacks across the region.",
        "The offensive began with rocket strikes on two Israeli cities.",
    ],
)
def test_attacks_named_by_their_weapons_and_side_or_target(parse, text):
    assert _strikes(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Insurers spoke of the danger of drone attacks on tankers.",
        "Ministers are uneasy about long-range missile strikes into Belarus.",
    ],
)
def test_weapon_attacks_only_spoken_of_are_no_strike(parse, text):
    assert not _strikes(parse(text))


def test_owner_of_the_weapon_word_is_the_attacker(parse):
    doc = parse("The minister voiced his condemnation of Iran's drone attacks across the region.")
    found = _strikes(doc)
    assert {v.text for m in found for v in m.values("attacker")} == {"Iran"}
