"""Argument roles from the parse, on sentences written for these tests."""

from __future__ import annotations


def _roles(mention) -> dict[str, list[str]]:
    return {r: [v.text for v in vals] for r, vals in mention.args.items() if vals}


def _only(doc, type_: str):
    found = [m for m in doc._.mentions if m.type == type_]
    assert found, f"no {type_} in {[(m.type, _roles(m)) for m in doc._.mentions]}"
    return found[0]


def test_subject_object_source_and_quantity(parse):
    m = _only(
        parse(
            "Romania intends to order 54 more Piranha armoured vehicles from General "
            "Dynamics, the ministry said on Tuesday."
        ),
        "procurement",
    )
    r = _roles(m)
    assert r["buyer"] == ["Romania"]
    assert r["item"] == ["Piranha armoured vehicles"]
    assert r["seller"] == ["General Dynamics"]
    assert [v.value for v in m.values("quantity")] == [54]
    assert m.status == "planned"
    assert m.date is not None and m.date.value == "2024-06-18"


def test_money_value_with_currency(parse):
    m = _only(
        parse("Finland signed a $1.4 billion contract to buy air defence systems from Israel."),
        "procurement",
    )
    assert [(v.value, v.currency) for v in m.values("value")] == [(1.4e9, "USD")]
    assert "Finland" in _roles(m)["buyer"]


def test_passive_with_agent(parse):
    m = _only(
        parse("The new howitzers are being produced by Slovakia at a plant in Zvolen."),
        "production",
    )
    r = _roles(m)
    assert r["producer"] == ["Slovakia"]
    assert r["item"] == ["howitzers"] or r["item"] == ["new howitzers"]


def test_coordinated_donors_recipient_and_items(parse):
    m = _only(
        parse("Sweden and Norway pledged artillery shells and mine-clearing vehicles to Ukraine."),
        "aid",
    )
    r = _roles(m)
    assert set(r["donor"]) == {"Sweden", "Norway"}
    assert r["recipient"] == ["Ukraine"]
    assert {"artillery shells", "mine-clearing vehicles"} <= set(r["item"])


def test_apposition_does_not_become_an_argument(parse):
    m = _only(
        parse("Lithuania will buy drones from Baykar, a Turkish defence company."), "procurement"
    )
    assert _roles(m)["seller"] == ["Baykar"]


def test_aid_package_with_possessive_and_including(parse):
    m = _only(
        parse(
            "Canada on Monday announced its 12th military aid package for Ukraine, "
            "including armoured ambulances and winter clothing."
        ),
        "aid",
    )
    r = _roles(m)
    assert r["donor"] == ["Canada"]
    assert r["recipient"] == ["Ukraine"]


def test_sanction_imposer_and_targets(parse):
    m = _only(parse("Japan imposed sanctions on 11 Iranian drone makers on Friday."), "sanction")
    r = _roles(m)
    assert r["imposer"] == ["Japan"]
    assert r["target"] == ["Iranian drone makers"]


def test_meeting_participants_and_location(parse):
    m = _only(
        parse("The Dutch defence minister met his Polish counterpart in Berlin on Thursday."),
        "meeting",
    )
    assert "Berlin" in _roles(m)["location"]


def test_strike_attacker_target(parse):
    m = _only(
        parse("Russian forces launched a missile attack on an airfield near Odesa on Sunday."),
        "strike",
    )
    r = _roles(m)
    assert r["attacker"]
    assert any("airfield" in t for t in r["target"])


def test_production_location_and_partner(parse):
    m = _only(
        parse(
            "Together with the German company Diehl, Latvia will start production of "
            "IRIS-T missiles in Riga."
        ),
        "production",
    )
    r = _roles(m)
    assert r["location"] == ["Riga"]
    assert "Diehl" in r["producer"] + r.get("partner", [])
    assert "Latvia" in r["producer"] + r.get("partner", [])


def test_buying_for_someone_else_is_also_aid(parse):
    doc = parse(
        "Estonia bought 40 anti-tank weapons for Ukraine's armed forces from a Swedish "
        "manufacturer."
    )
    types = {m.type for m in doc._.mentions}
    assert {"procurement", "aid"} <= types
    aid = _only(doc, "aid")
    assert _roles(aid)["donor"] == ["Estonia"]


def test_not_events(parse):
    for text in (
        "Drones have become a transformative part of modern warfare.",
        "The tank weighs 44 tons and carries a crew of four.",
        "Soldiers trained with the new rifles during the exercise.",
        "Fighting continued around the town for a third day.",
        "Officials discussed the weather.",
    ):
        assert parse(text)._.mentions == [], text


def test_thanked_partner_gives_what_is_received(parse):
    doc = parse(
        "The Moldovan minister thanked Dutch partners and said Chisinau would receive the "
        "first radars before the summer."
    )
    r = _roles(_only(doc, "aid"))
    assert r["recipient"] == ["Chisinau"]
    assert r["donor"] == ["Dutch partners"]


def test_sanction_targets_named_around_the_noun(parse):
    hit = _roles(
        _only(parse("Belarus was targeted by sweeping sanctions from the EU."), "sanction")
    )
    assert hit["target"] == ["Belarus"] and hit["imposer"] == ["EU"]
    banks = _roles(
        _only(parse("Payments were held up by western sanctions on the Iranian banks."), "sanction")
    )
    assert banks["target"] == ["Iranian banks"]
    blocking = _roles(
        _only(parse("The US imposed blocking sanctions on five Iranian drone makers."), "sanction")
    )
    assert blocking["imposer"] == ["US"]


def test_party_sanctioned_for_its_links_is_no_approval(parse):
    doc = parse(
        "Four Belarusian firms were sanctioned by the finance ministry on Monday for their "
        "ties to rocket production."
    )
    r = _roles(_only(doc, "sanction"))
    assert r["target"] == ["Belarusian firms"] and r["imposer"] == ["finance ministry"]


def test_a_company_that_received_orders_sells(parse):
    m = _only(parse("Kalyani Aerospace has received orders to build engine modules for "
                    "fighter jets from the Indian Air Force."), "procurement")
    r = _roles(m)
    assert r.get("seller") == ["Kalyani Aerospace"]
    assert "Indian Air Force" in " ".join(r.get("buyer", []))


def test_a_won_order_stands_without_its_buyer(parse):
    doc = parse("Saab has won an order for 20 anti-tank weapons.")
    kept = [m for m in doc._.mentions if m.type == "procurement" and m.rejected is None]
    assert kept and _roles(kept[0]).get("seller") == ["Saab"]


def test_the_force_whose_contract_a_company_won_buys(parse):
    r = _roles(_only(parse("Hanwha Ocean won a US Navy contract for the repair of two "
                           "supply ships."), "procurement"))
    assert r.get("seller") == ["Hanwha Ocean"]
    assert "US Navy" in " ".join(r.get("buyer", []))


def test_a_company_signing_with_a_force_sells(parse):
    r = _roles(_only(parse("The Hungarian Army and Rheinmetall on Monday signed a contract "
                           "for 300 howitzers."), "procurement"))
    assert r.get("seller") == ["Rheinmetall"]
    assert r.get("buyer") == ["Hungarian Army"]


def test_items_listed_low_in_the_aid_phrase(parse):
    cases = [
        ("Portugal announced a new package of security assistance for Moldova, which includes "
         "a coastal radar, patrol boats and mortar ammunition.", "patrol boats"),
        ("The minister also announced an extra $25m in military assistance for Moldova, "
         "including armoured vehicles, rations and medical supplies.", "armoured vehicles"),
        ("Spain announced further military aid worth 65 million euros to be delivered in "
         "December, including air defence launchers and drones.", "drones"),
    ]
    for text, item in cases:
        assert item in _roles(_only(parse(text), "aid")).get("item", []), text


def test_a_contingent_including_jets_gives_no_items(parse):
    doc = parse("Chile will send a military contingent including fighter aircraft "
                "to join a national day parade in Lima next month.")
    kept = [m for m in doc._.mentions if m.type == "aid" and m.rejected is None]
    assert not any("fighter aircraft" in _roles(m).get("item", []) for m in kept)


def test_aid_naming_no_goods_is_given_as_what_it_is(parse):
    cases = [
        ("The Senate voted on Tuesday to approve $5bn in military aid for Georgia.",
         "military aid"),
        ("Portugal pledged continued military support for Georgia.", "military support"),
        ("Portugal announced a new $60 million security assistance package for Georgia.",
         "security assistance"),
    ]
    for text, item in cases:
        assert _roles(_only(parse(text), "aid")).get("item") == [item], text


def test_aid_with_goods_keeps_only_the_goods(parse):
    m = _only(parse("Portugal will send military aid, including mortar ammunition, to "
                    "Georgia."), "aid")
    assert "military aid" not in _roles(m).get("item", [])


def test_a_capitalised_measure_or_a_battery_counts_its_goods(parse):
    r = _roles(_only(parse("The Air Force has placed orders for 7 Squadrons of the Rafale "
                           "fighter jets."), "procurement"))
    assert r.get("item") == ["Rafale fighter jets"]
    r = _roles(_only(parse("Peru signed a deal for the supply of four batteries of Pinaka "
                           "rocket launchers."), "procurement"))
    assert r.get("item") == ["Pinaka rocket launchers"]


def test_named_members_of_a_sanctioned_group_are_targets(parse):
    r = _roles(_only(parse("The Treasury has sanctioned six companies in Turkey, including "
                           "Blue Harbor Trading, for supplying drone engines."), "sanction"))
    assert "Blue Harbor Trading" in r.get("target", [])


def test_who_a_maker_joined_to_produce_is_its_partner(parse):
    r = _roles(_only(parse("Rheinmetall has teamed up with Leonardo to produce armoured "
                           "vehicles in Italy."), "production"))
    assert r.get("producer") == ["Rheinmetall"] and r.get("partner") == ["Leonardo"]
    r = _roles(_only(parse("The factory has been manufacturing infantry fighting vehicles "
                           "under license from Russia since 1987."), "production"))
    assert r.get("partner") == ["Russia"]


def test_a_signing_clause_on_the_deals_goods_names_its_sides(parse):
    r = _roles(_only(parse("The first lot will go to the army under a contract for 400 "
                           "launchers signed with Saab last year."), "procurement"))
    assert r.get("seller") == ["Saab"]
    r = _roles(_only(parse("The expansion follows a contract for additional missiles that the "
                           "Norwegian defence ministry signed with Kongsberg last week."),
                     "procurement"))
    assert r.get("seller") == ["Kongsberg"]
    assert "defence ministry" in " ".join(r.get("buyer", []))


def test_an_agreements_side_named_by_office_and_holder_is_the_holder(parse):
    doc = parse("Prime Minister Jan Novak and his Italian counterpart, Maria Rossi, signed a "
                "defence cooperation agreement in Rome on Monday.")
    r = _roles(_only(doc, "agreement"))
    assert "Maria Rossi" in r.get("party", [])
    assert "Italian counterpart" not in r.get("party", [])


def test_the_maker_named_in_the_goods_phrase_sells(parse):
    r = _roles(_only(parse("The army ordered 40 Kestrel Industries drones worth $2 billion."),
                     "procurement"))
    assert r.get("seller") == ["Kestrel Industries"] and r.get("buyer") == ["army"]
    r = _roles(_only(parse("The Chilean Navy will buy six patrol helicopters made by Sikorsky."),
                     "procurement"))
    assert r.get("seller") == ["Sikorsky"]


def test_the_works_a_production_is_at_names_its_place_and_owner(parse):
    r = _roles(_only(parse("Nordwerk will produce mortar bombs at its Hallstadt plant."),
                     "production"))
    assert r.get("location") == ["Hallstadt"]
    r = _roles(_only(parse("The trainer jets will be built at Kestrel Industries' plant in "
                           "Melbourne."), "production"))
    assert r.get("producer") == ["Kestrel Industries"] and r.get("location") == ["Melbourne"]


def test_a_state_the_aid_goods_are_for_is_the_recipient(parse):
    r = _roles(_only(parse("Austria will put 40 million euros into a package of German-made "
                           "rifles for Ukraine."), "aid"))
    assert r.get("recipient") == ["Ukraine"]


def test_the_amount_a_purchase_is_the_purpose_of_is_its_value(parse):
    doc = parse("Sweden will provide SEK 2bn (about $190m) to buy howitzers from Slovak "
                "factories.")
    buy = _only(doc, "procurement")
    assert [v.text for v in buy.values("value")] == ["SEK 2bn"]  # not the conversion


def test_who_a_production_is_a_collaboration_with_is_the_partner(parse):
    r = _roles(_only(parse("The corvettes are being built in Split under a collaboration with "
                           "Fincantieri."), "production"))
    assert r.get("partner") == ["Fincantieri"]
    assert "Fincantieri" not in r.get("producer", [])


def test_whose_design_the_goods_made_follow_is_the_partner(parse):
    r = _roles(_only(parse("Croatian yards will build Polish-designed patrol boats for the "
                           "coast guard."), "production"))
    assert r.get("partner") == ["Polish"]
