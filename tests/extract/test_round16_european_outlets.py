"""European outlets and defence trade press (probe round 16, EUR17): a sanctions listing whose
clause on the listed tells their deed, goods received with a participle naming their giver, and
a sum written before a defence plan. Our own sentences, both the must and the must-not ones."""

from __future__ import annotations


def _events(extractor, make_clean, text):
    return extractor.extract(make_clean(text))


def _texts(event, role):
    return {a.text for a in event.args.get(role, [])}


def test_listing_in_a_sanctions_package_tells_no_supply(kb_extractor, make_clean):
    text = ("EU member states adopted the ninth package of sanctions against Brask on Monday, "
            "listing 48 entities that supply the Brask army with drone components.")
    assert [e.type for e in _events(kb_extractor, make_clean, text)] == ["sanction"]


def test_reason_hung_on_the_sanctions_list_tells_no_sale(kb_extractor, make_clean):
    text = ("The EU on Monday added 19 companies to its sanctions list for supplying drones "
            "to Brask.")
    assert [e.type for e in _events(kb_extractor, make_clean, text)] == ["sanction"]


def test_a_sale_beside_a_sanctions_list_stays(kb_extractor, make_clean):
    text = ("Rheinmetall, which is on Russia's sanctions list, will supply 50 Lynx vehicles "
            "to Italy.")
    sales = [e for e in _events(kb_extractor, make_clean, text) if e.type == "procurement"]
    assert sales and "Italy" in _texts(sales[0], "buyer")


def test_a_second_event_listed_in_an_aid_plan_stays(kb_extractor, make_clean):
    text = ("The EU imposed sanctions on Russia on Monday, and Germany announced it will supply "
            "Ukraine with 30 Leopard tanks listed in its aid plan.")
    types = {e.type for e in _events(kb_extractor, make_clean, text)}
    assert {"sanction", "aid"} <= types


def test_goods_received_donated_by_a_state_name_the_donor(kb_extractor, make_clean):
    text = "Kerel has received the first of 12 Leopard tanks donated by Ostmark."
    aid = [e for e in _events(kb_extractor, make_clean, text) if e.type == "aid"]
    assert aid and _texts(aid[0], "donor") == {"Ostmark"}
    assert _texts(aid[0], "recipient") == {"Kerel"}


def test_goods_ordered_by_an_office_are_no_gift(kb_extractor, make_clean):
    text = ("The Bundeswehr has received 20 Boxer vehicles ordered by the procurement office "
            "in 2020.")
    events = _events(kb_extractor, make_clean, text)
    assert events and all(e.type == "procurement" for e in events)


def test_sum_before_a_defence_plan_is_spending(kb_extractor, make_clean):
    text = "The government approved a EUR 10 billion defence investment plan."
    spending = [e for e in _events(kb_extractor, make_clean, text) if e.type == "spending"]
    assert spending and _texts(spending[0], "value") == {"EUR 10 billion"}


def test_sum_before_a_civil_plan_is_no_event(kb_extractor, make_clean):
    for text in ("The Swedish government approved a SEK 2 billion flood protection plan on "
                 "Tuesday.",
                 "The city council approved a EUR 40 million housing plan."):
        assert _events(kb_extractor, make_clean, text) == [], text


def test_sum_before_a_plan_to_buy_stays_a_purchase(kb_extractor, make_clean):
    text = "Poland approved a PLN 5 billion plan to buy 96 Apache helicopters."
    types = [e.type for e in _events(kb_extractor, make_clean, text)]
    assert types == ["procurement"]


def test_list_hung_on_the_package_sum_gives_the_items(kb_extractor, make_clean):
    text = ("Ostmark's government on Wednesday approved a new military aid package for Ukraine "
            "worth 3.4 billion kronor, including CV90 combat vehicles.")
    aid = [e for e in _events(kb_extractor, make_clean, text) if e.type == "aid"]
    assert aid and _texts(aid[0], "item") == {"CV90 combat vehicles"}


def test_civil_list_after_a_sum_is_no_event(kb_extractor, make_clean):
    text = ("Denmark announced a package worth DKK 2 billion, including funds for schools "
            "and hospitals.")
    assert _events(kb_extractor, make_clean, text) == []


def test_council_listing_firms_accused_of_supplying_arms_is_a_sanction(kb_extractor, make_clean):
    text = ("The EU Council adopted a decision on Tuesday to list 19 Kerelian companies accused "
            "of supplying military goods to Brask.")
    types = [e.type for e in _events(kb_extractor, make_clean, text)]
    assert types == ["sanction"]


def test_listing_makers_or_bidders_is_no_sanction(kb_extractor, make_clean):
    for text in ("The German defence ministry listed 15 companies that will build parts for "
                 "the F-35.",
                 "The Commission listed 40 companies eligible for EDIP funding.",
                 "SIPRI lists the United States as the largest arms exporter."):
        events = _events(kb_extractor, make_clean, text)
        assert [e for e in events if e.type == "sanction"] == [], text


def _sanctions(extractor, make_clean, text):
    return [e for e in _events(extractor, make_clean, text) if e.type == "sanction"]


def test_sanctions_word_outside_the_listing_is_no_sanction(kb_extractor, make_clean):
    # review 17, misfire 1: the sanctions word must stand in the listing's own phrase
    for text in ("The Defence Ministry listed the companies eligible for the new ammunition "
                 "programme, saying sanctions had hit supply.",
                 "Britain listed 12 companies for sanctions relief after they stopped supplying "
                 "Brask.",
                 "The government listed 30 firms that sell drones to Kerel as exempt from "
                 "sanctions.",
                 "The government listed 30 firms that supply the army with drones, saying EU "
                 "sanctions had not hurt them."):
        assert _sanctions(kb_extractor, make_clean, text) == [], text


def test_a_ranking_by_an_institute_or_paper_is_no_sanction(kb_extractor, make_clean):
    # review 17, misfire 2: a plain organisation is no official lister
    for text in ("The Kerel Institute lists the companies that supplied Brask with arms despite "
                 "sanctions.",
                 "The Ostmark Herald listed the firms that sold drone parts to Brask despite "
                 "sanctions.",
                 "SIPRI lists the companies that supplied Brask with arms despite sanctions."):
        assert _sanctions(kb_extractor, make_clean, text) == [], text


def test_firms_involved_in_building_are_no_sanction(kb_extractor, make_clean):
    # review 17, misfire 3: "involved in" is no charge; "as trusted partners" is no sanction
    for text in ("The government listed 40 firms involved in building the new frigates.",
                 "The cabinet listed 20 suppliers involved in delivering shells to Kerel."):
        assert _sanctions(kb_extractor, make_clean, text) == [], text
    text = ("Britain sanctioned 50 individuals and listed 12 companies that had supplied Kerel "
            "with drones as trusted partners.")
    for e in _sanctions(kb_extractor, make_clean, text):
        assert "companies" not in _texts(e, "target")


def test_listing_under_sanctions_or_for_a_charge_stays_a_sanction(kb_extractor, make_clean):
    for text in ("Britain listed 50 individuals and entities under its Brask sanctions regime.",
                 "The Ostmark government listed 14 firms accused of selling drones to Brask.",
                 "The EU, which listed 30 firms under sanctions last month, pledged EUR 5 billion "
                 "in military aid to Kerel."):
        assert _sanctions(kb_extractor, make_clean, text), text


def test_goods_provided_sent_or_transferred_by_a_seller_name_no_donor(kb_extractor, make_clean):
    # review 17, misfire 4: a maker or seller also provides, sends or transfers what was bought
    for text, seller in (("Kerel has received the first of 24 Leopard tanks provided by Lindell "
                          "Aerospace under a 2023 contract.", "Lindell Aerospace"),
                         ("Kerel received the first K9 howitzers sent by Lindell Aerospace from "
                          "Ostmark.", "Lindell Aerospace"),
                         ("Kerel received 18 F-16 jets transferred by Ostmark under a 2022 sale.",
                          "Ostmark")):
        for e in _events(kb_extractor, make_clean, text):
            assert seller not in _texts(e, "donor"), text


def test_goods_gifted_by_a_state_name_the_donor(kb_extractor, make_clean):
    text = "Kerel received 18 F-16 jets gifted by Ostmark last year."
    aid = [e for e in _events(kb_extractor, make_clean, text) if e.type == "aid"]
    assert aid and _texts(aid[0], "donor") == {"Ostmark"}
