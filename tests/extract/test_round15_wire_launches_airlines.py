"""Wire-style sentences written for this test: a missile fired into open water with nothing
fired at is a launch, not a strike; an airline's fleet order is no arms purchase."""

from __future__ import annotations

import pytest


def _types(extractor, make_clean, text: str, type_: str) -> list:
    return [e for e in extractor.extract(make_clean(text)) if e.type == type_]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a ballistic missile into the sea off its east coast on Wednesday, "
        "South Korea's military said.",
        "North Korea launched three short-range missiles into waters off its east coast on "
        "Saturday, Japan's defence ministry said.",
        "Russian warships fired cruise missiles into the sea during drills in the Baltic on "
        "Tuesday.",
        "North Korea fired a ballistic missile into the sea off its east coast on Thursday.",
        "Brask fired more than 20 missiles into waters off Brask this year.",
    ],
)
def test_missile_fired_into_open_water_is_no_strike(kb_extractor, make_clean, text) -> None:
    assert _types(kb_extractor, make_clean, text, "strike") == []


@pytest.mark.parametrize(
    "text",
    [
        "Houthi rebels fired three missiles at a tanker in the Red Sea on Thursday, and one "
        "fell into the sea nearby, Central Command said.",
        "Russia fired missiles into the Black Sea port of Odesa overnight, hitting a grain "
        "terminal and a naval facility, officials said.",
        "Israeli jets fired missiles into Syria on Monday, striking an air defence battery "
        "near Damascus, the military said.",
        "Ukraine's navy said its drones struck a Russian patrol ship in the Black Sea on "
        "Sunday.",
        "The Houthis fired two anti-ship missiles into the Red Sea at the USS Carney on Friday.",
        # aimed at, a hit told in a participle, waters off or near a site: a target (review)
        "Russian ships fired Kalibr missiles into the sea off Crimea toward Ukrainian drone "
        "boats.",
        "Brask fired rockets into the Gulf's waters off Kerel's oil platforms, setting one "
        "ablaze.",
        "Brask fired rockets into the Gulf's waters, sinking two patrol boats.",
        "Brask fired rockets into the waters off Kerel's oil platforms.",
        "Iran fired missiles into the waters near the Kerel naval base, damaging two piers.",
    ],
)
def test_missiles_fired_at_a_target_stay_strikes(kb_extractor, make_clean, text) -> None:
    assert _types(kb_extractor, make_clean, text, "strike")


@pytest.mark.parametrize(
    "text",
    [
        "United Airlines ordered 40 Airbus A321neo jets on Monday, the carrier said.",
        "Qantas Airways took delivery of its first Airbus A350 on Friday.",
        "Norvale Airlines agreed to buy 85 Boeing 737 MAX jets in a deal worth $4.2 billion at "
        "list prices.",
    ],
)
def test_airline_fleet_order_is_no_procurement(kb_extractor, make_clean, text) -> None:
    assert _types(kb_extractor, make_clean, text, "procurement") == []


@pytest.mark.parametrize(
    "text",
    [
        "The German air force bought three Airbus A321 jets for government flights, the "
        "defence ministry said.",
        "The Navy awarded Boeing a $1.9 billion contract for 14 P-8A Poseidon aircraft, the "
        "service said.",
        "The Pentagon ordered 12 KC-46 tankers from Boeing on Thursday.",
        "Poland ordered 32 F-35 fighter jets from the United States on Wednesday.",
        # a state, a force or an alliance body buying airliner models (review)
        "The Pentagon has ordered two modified Boeing 747-8 jets to serve as the next "
        "presidential aircraft.",
        "The IAF has ordered six A321 aircraft to be converted into airborne early warning "
        "platforms.",
        "The Kerel Air Arm bought three Embraer E190 jets to move paratroopers.",
        "NATO's procurement agency ordered two more A330 aircraft for the multinational fleet.",
    ],
)
def test_state_purchases_of_aircraft_stay(kb_extractor, make_clean, text) -> None:
    assert _types(kb_extractor, make_clean, text, "procurement")
