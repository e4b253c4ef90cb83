"""European outlets and defence trade press (probe round 16, EUR17): a sanctions listing whose
clause on the listed tells their deed, goods received with a participle naming their giver, and
a sum written before a defence plan. Our own sentences, both the must and the must-not ones."""

from __future__ import annotations


def _events(extractor, make_clean, text):
    return extractor.extract(make_clean(text))


def _texts(event, role):
    return {a.text for a in event.args.get(role, [])}


def test_listing_in_a_sanctions_package_tells_no_supply(kb_extractor, make_clean):
    text = ("EU member states adopted the 14th package of sanctions against Russia on Monday, "
            "listing 61 entities that supply the Russian military with drone components.")
    assert [e.type for e in _events(kb_extractor, make_clean, text)] == ["sanction"]


def test_reason_hung_on_the_sanctions_list_tells_no_sale(kb_extractor, make_clean):
    text = ("The EU on Monday added 27 companies to its sanctions list for supplying drones "
            "to Russia.")
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
    text = "Czechia has received the first of 14 Leopard 2A4 tanks donated by Germany."
    aid = [e for e in _events(kb_extractor, make_clean, text) if e.type == "aid"]
    assert aid and _texts(aid[0], "donor") == {"Germany"}
    assert _texts(aid[0], "recipient") == {"Czechia"}


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
    text = ("Sweden's government on Wednesday approved a new military aid package for Ukraine "
            "worth 7.1 billion kronor, including CV90 combat vehicles.")
    aid = [e for e in _events(kb_extractor, make_clean, text) if e.type == "aid"]
    assert aid and _texts(aid[0], "item") == {"CV90 combat vehicles"}


def test_civil_list_after_a_sum_is_no_event(kb_extractor, make_clean):
    text = ("Denmark announced a package worth DKK 2 billion, including funds for schools "
            "and hospitals.")
    assert _events(kb_extractor, make_clean, text) == []


def test_council_listing_firms_accused_of_supplying_arms_is_a_sanction(kb_extractor, make_clean):
    text = ("The EU Council adopted a decision on Tuesday to list 27 Chinese and Iranian companies "
            "accused of supplying military goods to Russia.")
    types = [e.type for e in _events(kb_extractor, make_clean, text)]
    assert types == ["sanction"]


def test_listing_makers_or_bidders_is_no_sanction(kb_extractor, make_clean):
    for text in ("The German defence ministry listed 15 companies that will build parts for "
                 "the F-35.",
                 "The Commission listed 40 companies eligible for EDIP funding.",
                 "SIPRI lists the United States as the largest arms exporter."):
        events = _events(kb_extractor, make_clean, text)
        assert [e for e in events if e.type == "sanction"] == [], text
