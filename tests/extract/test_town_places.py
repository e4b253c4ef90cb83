"""Strikes placed in towns the small model misreads (`materiel.nlp.place_names`), a town
struck read as the strike's place, and the places a strike's "targeting" clause names."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


def _strike(extractor: Extractor, text: str):
    doc = Document(id="tp", text=text, published="2025-03-14")
    (e,) = [e for e in extractor.extract(clean(doc)) if e.type == "strike"]
    return e


@pytest.mark.parametrize(("text", "town"), [
    ("Ukrainian drones hit an airfield outside Kursk overnight.", "Kursk"),
    ("Ukrainian sea drones struck a Russian warship near Sevastopol on Sunday.", "Sevastopol"),
])
def test_a_misread_town_places_the_strike(kb_extractor: Extractor, text: str, town: str) -> None:
    assert town in [a.text for a in _strike(kb_extractor, text).args.get("location", [])]


def test_a_town_struck_is_the_place_not_the_target(kb_extractor: Extractor) -> None:
    e = _strike(kb_extractor, "Russia launched a missile strike on Zaporizhzhia overnight.")
    assert [a.text for a in e.args.get("location", [])] == ["Zaporizhzhia"]
    assert not e.args.get("target")


def test_the_towns_a_strike_targets_are_its_places(kb_extractor: Extractor) -> None:
    e = _strike(kb_extractor, "Russia launched more than 400 drones and about 40 missiles at "
                "Ukraine overnight, targeting Kyiv, Lutsk and Ternopil.")
    places = [a.text for a in e.args.get("location", [])]
    assert {"Kyiv", "Lutsk", "Ternopil"} <= set(places)
    assert not e.args.get("target")
