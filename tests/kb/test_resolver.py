from __future__ import annotations

import pytest

from materiel.kb import Resolver
from materiel.kb.context import find_acronyms

TEXT = (
    "The Ukraine Defense Contact Group (UDCG) met in Brussels. Strategic Industries Minister "
    "Oleksandr Kamyshin said Kamyshin's ministry would double output of Bohdana howitzers."
)


@pytest.mark.parametrize(
    ("mention", "label", "expected", "method"),
    [
        ("Oleksandr Kamyshin", "PERSON", "person:oleksandr-kamyshin", "alias"),
        ("Alexander Kamyshin", "PERSON", "person:oleksandr-kamyshin", "translit"),
        ("Olexandr Kamyshin", None, "person:oleksandr-kamyshin", "translit"),
        ("Kamyshin", "PERSON", "person:oleksandr-kamyshin", "surname"),
        ("Zelenskyy", None, "person:volodymyr-zelensky", "alias"),
        ("Zelenskiy", "PERSON", "person:volodymyr-zelensky", "translit"),
        ("UDCG", "ORG", "organization:ukraine-defense-contact-group", "acronym"),
        ("NATO", "ORG", "organization:nato", "acronym"),
        ("Bohdanas", "WEAPON", "equipment:2s22-bohdana", "plural"),
        ("HIMARSes", None, "equipment:m142-himars", "plural"),
        ("Leopards", "WEAPON", "equipment:leopard-2", "plural"),
        ("Patriots", None, "equipment:patriot", "plural"),
        ("F16", "WEAPON", "equipment:f-16", "alias"),
        ("Berlin", "GPE", "country:DE", "metonym"),
        ("the Kremlin", None, "country:RU", "metonym"),
        ("Danish", "NORP", "country:DK", "demonym"),
        ("Danish military stocks", None, "country:DK", "government"),
        ("Ukraine's Armed Forces", "ORG", "country:UA", "government"),
        ("Russia's", None, "country:RU", "alias"),
        ("German government", "ORG", "country:DE", "alias"),
        ("the German Defense Ministry", "ORG", "country:DE", "government"),
        ("Germany's Rheinmetall", "COMPANY", "company:rheinmetall", "alias"),
        ("Rheinmettal", "COMPANY", "company:rheinmetall", "translit"),
        ("Ukrobotonprom", "COMPANY", "company:ukroboronprom", "fuzzy"),
        ("  “Ukroboronprom,” ", None, "company:ukroboronprom", "alias"),
    ],
)
def test_resolve(
    resolver: Resolver, mention: str, label: str | None, expected: str, method: str
) -> None:
    ctx = resolver.new_document(TEXT, "2024-03-01")
    res = resolver.resolve(mention, ctx, label)
    assert (res.id, res.method) == (expected, method), res


def test_title_and_name(resolver: Resolver) -> None:
    ctx = resolver.new_document(TEXT, "2024-03-01")
    res = resolver.resolve("Strategic Industries Minister Oleksandr Kamyshin", ctx)
    assert res.id == "person:oleksandr-kamyshin" and res.method == "title"
    assert res.facts["title"] == "Strategic Industries Minister"
    assert res.facts["country"] == "UA"
    res = resolver.resolve("German Defense Minister Boris Pistorius", ctx, "PERSON")
    assert res.id == "person:boris-pistorius" and res.facts["country"] == "DE"


def test_unlinked_are_clustered(resolver: Resolver) -> None:
    text = "Lithuanian Defense Minister Jonas Vaitkus met Skyforge executives. Vaitkus said..."
    ctx = resolver.new_document(text, None)
    full = resolver.resolve("Lithuanian Defense Minister Jonas Vaitkus", ctx, "PERSON")
    assert full.id == "new:jonas-vaitkus" and full.method == "unlinked" and not full.linked
    assert full.facts["title"] == "Lithuanian Defense Minister"
    assert resolver.resolve("Vaitkus", ctx, "PERSON").id == "new:jonas-vaitkus"
    a = resolver.resolve("Skyforge Dynamics", ctx, "COMPANY")
    b = resolver.resolve("Skyforge Dynamics’", ctx, "COMPANY")
    assert a.id == b.id == "new:skyforge-dynamics"
    other = resolver.new_document("Skyforge Dynamics won a contract.", None)
    assert resolver.resolve("Skyforge Dynamics", other, "COMPANY").id == a.id  # stable


def test_surname_needs_the_full_name_first(resolver: Resolver) -> None:
    ctx = resolver.new_document("Kamyshin spoke.", None)
    assert not resolver.resolve("Kamyshin", ctx, "PERSON").linked


def test_ambiguous_alias_needs_context(resolver: Resolver) -> None:
    ctx = resolver.new_document("Storms hit Georgia overnight.", None)
    assert not resolver.resolve("Georgia", ctx).linked


def test_a_listed_name_the_context_does_not_support_is_no_unseen_spelling(
    resolver: Resolver,
) -> None:
    ctx = resolver.new_document("The Senate passed the aid bill for Ukraine on Tuesday.", None)
    # "Senate" is the US Senate's ambiguous alias, not a typo of the German "Senat"
    assert not resolver.resolve("The Senate", ctx).linked
    assert resolver.resolve("Senat", ctx).id == "organization:german-senate"


def test_label_mismatch_is_refused(resolver: Resolver) -> None:
    ctx = resolver.new_document("", None)
    assert not resolver.resolve("Patriot", ctx, "PERSON").linked
    assert resolver.resolve("Patriot", ctx, "WEAPON").id == "equipment:patriot"


def test_find_acronyms() -> None:
    text = (
        "the North Atlantic Treaty Organization (NATO) and the European Peace Facility (EPF) "
        "plus MBDA (Matra BAe Dynamics Alenia) but not (2024) or (see above)"
    )
    assert find_acronyms(text) == {
        "NATO": "North Atlantic Treaty Organization",
        "EPF": "European Peace Facility",
        "MBDA": "Matra BAe Dynamics Alenia",
    }


def test_search(resolver: Resolver) -> None:
    hits = resolver.kb.search("Zelenskiy", 3)
    assert hits and hits[0][0].id == "person:volodymyr-zelensky"


def test_title_that_does_not_fit_the_date_is_flagged(resolver: Resolver) -> None:
    ctx = resolver.new_document("US President Joe Biden said ...", "2025-03-01")
    res = resolver.resolve("US President Joe Biden", ctx, "PERSON")
    assert res.id == "person:joe-biden" and res.facts["country"] == "US"
    assert "left that office on 2025-01-20" in res.facts["office_warning"]
    ctx = resolver.new_document("former President Joe Biden said ...", "2025-03-01")
    assert "office_warning" not in resolver.resolve("former President Joe Biden", ctx).facts


def test_place_labels_fall_back_to_the_gazetteer(resolver: Resolver) -> None:
    ctx = resolver.new_document("Drones hit Kharkiv.", None)
    res = resolver.resolve("Kharkiv", ctx, "GPE")
    assert res.method == "gazetteer" and res.country == "UA" and "lat" in res.facts


def test_defined_acronym_of_an_unknown_body_shares_its_cluster(resolver: Resolver) -> None:
    text = "The Baltic Drone Procurement Office (BDPO) will buy 5,000 drones. BDPO said ..."
    ctx = resolver.new_document(text, None)
    long = resolver.resolve("Baltic Drone Procurement Office", ctx, "ORG")
    short = resolver.resolve("BDPO", ctx, "ORG")
    assert long.id == short.id == "new:baltic-drone-procurement-office"


def test_ambiguous_alias_with_the_entry_named_in_the_text(resolver: Resolver) -> None:
    ctx = resolver.new_document("NATO allies met. The Alliance agreed ...", None)
    assert resolver.resolve("the Alliance", ctx, "ORG").id == "organization:nato"
    ctx = resolver.new_document("The Alliance agreed ...", None)
    assert not resolver.resolve("the Alliance", ctx, "ORG").linked


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("new Leopard 2A6 tanks", "equipment:leopard-2"),
        ("12 Bohdana self-propelled howitzers", "equipment:2s22-bohdana"),
        ("German Leopard tanks", "equipment:leopard-2"),
        ("F-16 fighter jets", "equipment:f-16"),
    ],
)
def test_items_with_their_head_nouns(resolver: Resolver, mention: str, expected: str) -> None:
    res = resolver.resolve(mention, resolver.new_document("", None), "WEAPON")
    assert res.id == expected, res
