from __future__ import annotations

import pytest

from materiel.kb import Resolver
from materiel.kb.locations import own_name


@pytest.mark.parametrize(
    ("mention", "name", "country", "lat", "lon"),
    [
        ("Kharkiv", "Kharkiv", "UA", 49.98, 36.25),
        ("Kharkov", "Kharkiv", "UA", 49.98, 36.25),
        ("Nikolaev", "Mykolayiv", "UA", 46.98, 31.99),
        ("Kiev", "Kyiv", "UA", 50.45, 30.52),
        ("Paris", "Paris", "FR", 48.85, 2.35),
        ("Kramatorsk", "Kramatorsk", "UA", 48.72, 37.56),
    ],
)
def test_cities_with_coordinates(
    resolver: Resolver, mention: str, name: str, country: str, lat: float, lon: float
) -> None:
    res = resolver.resolve_location(mention, resolver.new_document("", None))
    assert (res.name, res.country, res.method) == (name, country, "gazetteer"), res
    assert res.facts["lat"] == pytest.approx(lat, abs=0.1)
    assert res.facts["lon"] == pytest.approx(lon, abs=0.1)
    assert res.id is not None and res.id.startswith("geonames:")


def test_doc_country_breaks_ties(resolver: Resolver) -> None:
    none = resolver.new_document("", None)
    assert resolver.resolve_location("Odessa", none).country == "UA"  # the most populous
    us = resolver.new_document("The Pentagon said the US would ...", None)
    for _ in range(3):
        resolver.resolve("United States", us)
    assert resolver.resolve_location("Odessa", us).country == "US"  # Odessa, Texas
    assert resolver.resolve_location("Paris", us).country == "FR"  # not Paris, Texas
    ua = resolver.new_document("Ukraine and the United States ...", None)
    assert resolver.resolve_location("Odessa", ua).country == "UA"


def test_regions_and_countries(resolver: Resolver) -> None:
    ctx = resolver.new_document("", None)
    region = resolver.resolve_location("Kharkiv Oblast", ctx)
    assert region.type == "region" and region.country == "UA" and region.facts["approximate"]
    country = resolver.resolve_location("Germany", ctx)
    assert country.id == "country:DE" and country.facts["coords_of"] == "Berlin"
    state = resolver.resolve_location("Texas", ctx)
    assert state.type == "state" and state.country == "US"


def test_unknown_place_is_unlinked(resolver: Resolver) -> None:
    res = resolver.resolve_location("Qwertyvillezz", resolver.new_document("", None))
    assert res.method == "unlinked" and not res.linked


@pytest.mark.parametrize(
    ("name", "alt", "ok"),
    [
        ("Kyiv", "Kiev", True),
        ("Odesa", "Odessa", True),
        ("Warsaw", "Warszawa", True),
        ("Casablanca", "White House", False),  # a translation of the name
        ("Genoa", "Goa", False),  # a short form shared with other places
        ("Mormugao", "Goa", False),  # the region the town is in
    ],
)
def test_only_own_alternate_names(name: str, alt: str, ok: bool) -> None:
    assert own_name(name, alt) is ok
