"""A package's goods listed after the sentence that tells it are the items of that one event
(`materiel.extract.package_contents`); sentences that list other things lend nothing."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document, Event


def _events(ex: Extractor, text: str, kind: str = "aid") -> list[Event]:
    doc = Document(id="pc", text=text, published="2025-03-14")
    return [e for e in ex.extract(clean(doc)) if e.type == kind]


def _items(e: Event) -> list[str]:
    return [a.text for a in e.args.get("item", [])]


def test_list_lines_under_a_colon_are_the_package_goods(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Norway's defence ministry announced a further package of military assistance for "
        "Ukraine on Friday. Capabilities in this package include:\n\n"
        "- Stinger anti-aircraft missiles;\n- 155mm artillery rounds;\n"
        "- BvS10 all-terrain vehicles.\n\nThe ministry said more would follow."))
    items = _items(e)
    assert "Stinger anti-aircraft missiles" in items
    assert "155mm artillery rounds" in items
    assert any("BvS10" in i for i in items)
    assert all(a.start is not None for a in e.args["item"])  # each points into the text


def test_it_includes_right_after_the_package(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Sweden will give Ukraine a new aid package worth 3 billion kronor. It includes CV90 "
        "infantry fighting vehicles and Archer howitzers."))
    assert {"CV90 infantry fighting vehicles", "Archer howitzers"} <= set(_items(e))


def test_a_generic_aid_word_gives_way_to_the_listed_goods(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Denmark has announced a new military aid package for Ukraine worth 2.3bn kroner. The "
        "package includes M113 armoured personnel carriers and long-range drones."))
    items = _items(e)
    assert "military aid" not in items
    assert any("M113" in i for i in items)


def test_a_pronoun_reaches_no_further_than_the_sentence_before(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Sweden will give Ukraine a new aid package worth 3 billion kronor. The announcement "
        "came during a visit by the prime minister. Officials praised the work of the "
        "embassy. It includes CV90 infantry fighting vehicles."))
    assert not any("CV90" in i for i in _items(e))


def test_members_of_a_delegation_are_no_goods(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Germany pledged more air defence systems to Ukraine on Monday. The Ukrainian "
        "delegation included the defence minister and two generals."))
    assert _items(e) == ["air defence systems"]


def test_a_colon_in_a_quoted_title_lists_nothing(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "The minister spoke at a conference titled \u201cDeterrence: Tanks, Drones and Money\u201d "
        "after Poland ordered 96 Apache helicopters from Boeing."), "procurement")
    assert _items(e) == ["Apache helicopters"]


def test_a_deal_lends_its_contents_to_the_purchase_not_to_an_aid(kb_extractor: Extractor
                                                                  ) -> None:
    events = _events(kb_extractor, (
        "Latvia signed a contract with Kongsberg for NASAMS air defence systems on Monday. "
        "The deal includes Sentinel radars."), "procurement")
    assert any("Sentinel" in i for e in events for i in _items(e))


def test_included_in_the_package_are(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "Denmark unveiled its 24th aid package for Kyiv on Tuesday. Included in the package are "
        "Leopard 1 tanks and 20 Humvees."))
    assert any("Leopard 1" in i for i in _items(e))


def test_counted_list_lines_keep_their_goods(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "The Pentagon announced a $400 million aid package for Ukraine on Friday. The package "
        "includes:\n\n- 12 Caesar howitzers;\n- 40 Humvees;\n- $50 million for counter-drone "
        "systems.\n\nOfficials said deliveries would start soon."))
    items = _items(e)
    assert any("Caesar" in i for i in items)
    assert any("Humvees" in i for i in items)
    assert any("counter-drone systems" in i for i in items)


def test_what_a_package_lacks_or_may_hold_is_no_item(kb_extractor: Extractor) -> None:
    for second in ("The package does not include ATACMS missiles.",
                   "It was unclear whether the package includes ATACMS missiles.",
                   "Kyiv had hoped the package would include ATACMS missiles.",
                   "Earlier packages included ATACMS missiles."):
        (e,) = _events(kb_extractor, (
            f"The United States announced a $425 million aid package for Ukraine on Friday. "
            f"{second}"))
        assert not any("ATACMS" in i for i in _items(e)), second


def test_another_partys_transfer_keeps_its_goods(kb_extractor: Extractor) -> None:
    for text in (
        "Poland pledged a new military aid package to Ukraine on Friday. North Korea, "
        "meanwhile, has sent another consignment of arms to Moscow. The consignment includes "
        "KN-23 ballistic missiles.",
        "The Czech Republic pledged artillery shells to Ukraine on Monday. Russia's latest "
        "delivery from Iran includes Fath-360 ballistic missiles.",
        "Germany pledged EUR 500 million in aid to Ukraine on Monday, a day after Kyiv sent a "
        "new wish list to Berlin. It includes Taurus missiles.",
    ):
        for e in _events(kb_extractor, text):
            assert not any(w in i for i in _items(e) for w in ("KN-23", "Fath", "Taurus")), text


def test_a_list_ends_at_its_last_line(kb_extractor: Extractor) -> None:
    (e,) = _events(kb_extractor, (
        "The Department of Defense announced a $300 million aid package for Ukraine on Friday."
        "\n\nCapabilities in this package include:\n\n- Stinger missiles;\n- 155mm artillery "
        "rounds.\n\nPatriot batteries are under strain.\n\nGlide bombs hit Kharkiv."))
    assert not any("Patriot" in i or "bombs" in i for i in _items(e))
