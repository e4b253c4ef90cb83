"""Roles and dates of found events (round ten; sentences written for these tests)."""

from __future__ import annotations

import pytest


def _dated(doc, etype: str) -> str | None:
    (m,) = [x for x in doc._.mentions if x.type == etype and x.rejected is None]
    return m.date.value if m.date is not None else None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In March 2023 the cabinet announced that military spending would rise to 3% of GDP "
         "by 2030.", "2023-03"),
        ("Last October the finance ministry said defence spending will increase to 2.4% of "
         "GDP by 2028.", "2023-10"),
    ],
)
def test_spending_that_rises_is_dated_by_the_clause_that_tells_it(parse, text, date):
    assert _dated(parse(text, published="2024-06-20"), "spending") == date


def _items(doc, etype: str) -> list[str]:
    return [v.text for m in doc._.mentions if m.type == etype and m.rejected is None
            for v in m.values("item")]


@pytest.mark.parametrize(
    "text",
    [
        "Finland will provide EUR 2.5bn (about $2.7bn) to buy shells directly from Ukrainian "
        "makers.",
        "Norway approves NOK 7.5bn military package for Ukraine",
    ],
)
def test_an_amount_with_its_scale_glued_on_is_no_item(parse, text):
    assert not any(any(ch.isdigit() for ch in i) for i in _items(parse(text), "aid"))


def test_a_country_struck_is_the_location_not_the_target(parse):
    doc = parse("Russia fired 50 missiles and drones at Ukraine overnight, officials said.")
    (m,) = [x for x in doc._.mentions if x.type == "strike" and x.rejected is None]
    assert [v.text for v in m.values("location")] == ["Ukraine"]
    assert "Ukraine" not in [v.text for v in m.values("target")]


def _sides(doc) -> list[str]:
    return [v.text for m in doc._.mentions if m.type == "meeting" and m.rejected is None
            for v in m.values("participant")]


def test_the_leaders_of_a_meeting_take_part(parse):
    sides = _sides(parse("The joint statement came after the second round of the "
                         "Norway-Chile Strategic Dialogue led by Foreign Minister Espen Eide and "
                         "his counterpart Alberto van Klaveren."))
    assert any("Eide" in s for s in sides) and any("Klaveren" in s for s in sides)


def test_a_delegation_is_told_by_its_leader(parse):
    sides = _sides(parse("The minister met a Dutch delegation led by its Defence Minister "
                         "Ruben Brekelmans."))
    assert any("Brekelmans" in s for s in sides)
    assert not any("delegation" in s for s in sides)


def test_two_people_named_leave_out_the_states_of_a_paired_name(parse):
    sides = _sides(parse("Chancellor Olaf Scholz and President Emmanuel Macron held "
                         "German-French talks in Paris."))
    assert "Emmanuel Macron" in sides and not any("-" in s for s in sides)


def test_an_office_with_its_holder_between_commas_is_the_holder(parse):
    sides = _sides(parse("On Tuesday Spanish Foreign Minister, Jose Manuel Albares, and his "
                         "Portuguese counterpart, Paulo Rangel, met in Lisbon."))
    assert not any("Minister" in s for s in sides)
    assert any("Albares" in s for s in sides)


def _places_of(doc) -> list[str]:
    return [v.text for m in doc._.mentions if m.type == "meeting" and m.rejected is None
            for v in m.values("location")]


def test_an_unnamed_gathering_is_no_place(parse):
    places = _places_of(parse("The two ministers met on the sidelines of a regional conference "
                              "in Riga."))
    assert "Riga" in places and not any("conference" in p for p in places)


def test_a_named_gathering_is_a_place(parse):
    assert any("summit" in p for p in _places_of(parse(
        "The two ministers met on the sidelines of the NATO summit.")))


def test_as_long_as_it_takes_names_no_side(parse):
    sides = _sides(parse("The chancellor vowed to back Armenia for as long as it takes after "
                         "meeting Prime Minister Nikol Pashinyan in Yerevan."))
    assert "it" not in sides and "Armenia" not in sides
