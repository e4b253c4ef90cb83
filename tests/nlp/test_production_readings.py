"""Production told the way newspapers write it (sentences written for these tests): a named
system to enter production or a prototype to be rolled out with no maker named, maintenance
and repair sites."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("The Korsak drone, now in field trials, will enter serial production next year.",
         "Korsak drone"),
        ("The prototype of the Tarvik T-3 tank is scheduled to be rolled out later this year.",
         "Tarvik T-3 tank"),
    ],
)
def test_a_named_system_to_enter_production(parse, text, item):
    ms = _mentions(parse(text), "production")
    assert any(item in v for m in ms for v in _texts(m, "item"))


@pytest.mark.parametrize(
    "text",
    [
        "The navy wants the Korsak X-2 fighter, which is due to enter production in 2032.",
        "Once the cabinet approves it, the prototype of the Tarvik T-3 will be rolled out.",
        "The tank will enter production once trials end.",
    ],
)
def test_a_start_described_or_conditioned_needs_a_maker(parse, text):
    assert not _mentions(parse(text), "production")


def test_a_maintenance_hub_set_up_is_production(parse):
    (m,) = _mentions(
        parse("Norvik Defence has set up a maintenance hub for Leopard tanks in Poland."),
        "production",
    )
    assert _texts(m, "location") == ["Poland"]


def test_a_logistics_hub_is_no_production(parse):
    assert not _mentions(
        parse("The alliance will set up a logistics hub for weapons in Poland."), "production"
    )


def test_a_future_record_clause_is_news(parse):
    (m,) = _mentions(
        parse("Poland is the first country that will assemble the K2 tank under licence from"
              " Hyundai Rotem."),
        "production",
    )
    assert _texts(m, "producer") == ["Poland"]
    assert _texts(m, "partner") == ["Hyundai Rotem"]


def test_a_past_record_clause_stays_no_event(parse):
    assert not _mentions(
        parse("Norvik is the only firm that has built the T-3 tank."), "production"
    )



def test_who_is_involved_in_a_production_makes(parse):
    (m,) = _mentions(
        parse("Norvik Aero and two private firms will be involved in the local production of"
              " the T-7 engine."),
        "production",
    )
    assert "Norvik Aero" in _texts(m, "producer")


def test_interest_in_a_production_makes_nothing(parse):
    assert not _mentions(
        parse("Investors are interested in the production of drones."), "production"
    )


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("The first Korsak vehicle rolled off the production line in Brisbane on Tuesday.",
         "Korsak vehicle"),
        ("The 100th T-7 jet rolled off the assembly line at the Norvik works.", "T-7 jet"),
    ],
)
def test_rolled_off_the_line_is_made(parse, text, item):
    ms = _mentions(parse(text), "production")
    assert any(item in v for m in ms for v in _texts(m, "item"))


def test_rolled_off_a_ferry_is_not_made(parse):
    assert not _mentions(parse("Tanks rolled off the ferry in Gdansk."), "production")


def test_a_gunpowder_factory_reopened(parse):
    (m,) = _mentions(parse("The government will reopen a gunpowder factory in Wales."),
                     "production")
    assert _texts(m, "location") == ["Wales"]


def test_a_maker_of_record_is_no_production(parse):
    assert not _mentions(
        parse("The F-7 jet was manufactured by the Norvik Aircraft Corporation and was the"
              " first purchase of the air force."),
        "production",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Twelve jets were built by Norvik Aero in 2023.",
        "The first batch of shells was produced by Nammo last month.",
    ],
)
def test_a_dated_or_counted_passive_stays_production(parse, text):
    assert _mentions(parse(text), "production")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Norvik Systems announced the setting up of a production facility in Leeds.", "Leeds"),
        ("The ministry welcomed the reopening of the ammunition plant in Lviv.", "Lviv"),
    ],
)
def test_a_plant_set_up_or_reopened_told_as_a_noun(parse, text, place):
    (m,) = _mentions(parse(text), "production")
    assert _texts(m, "location") == [place]


@pytest.mark.parametrize(
    "text",
    [
        "In the new scheme Norvik builds not wings or tail sections but assembles each"
        " complete drone itself.",
        "An export licence due in spring might clear the path for Brevik to build the"
        " turbine at home.",
        "The accord paves the way for production of the Korsak tank in Poland.",
    ],
)
def test_goods_set_aside_or_a_path_cleared_is_no_production(parse, text):
    assert not _mentions(parse(text), "production")


@pytest.mark.parametrize(
    "text",
    [
        "Norvik will manufacture not only the engines but also the T-7 airframes in Brazil.",
        "Norvik opened the way to a new era and will build 20 T-7 jets.",
    ],
)
def test_not_only_and_a_separate_deed_stay_production(parse, text):
    assert _mentions(parse(text), "production")


def test_a_prototype_unveiled_is_made(parse):
    ms = _mentions(parse("Norvik unveiled the first prototype of its T-9 tank at the show."),
                   "production")
    assert any("T-9 tank" in v for m in ms for v in _texts(m, "item"))


@pytest.mark.parametrize(
    "text",
    ["Russia unveiled its new T-14 tank at the parade.",
     "The ministry unveiled new rules for arms exports."],
)
def test_unveiling_a_weapon_or_a_plan_is_no_production(parse, text):
    assert not _mentions(parse(text), "production")


def test_production_capacity_enhanced(parse):
    (m,) = _mentions(
        parse("Norvik will enhance its production capacity to 16 jets a year from 2025."),
        "production",
    )
    assert _texts(m, "producer") == ["Norvik"]
