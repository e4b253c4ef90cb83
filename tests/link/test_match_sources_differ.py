"""The matcher on reports of one event that differ: a count or amount given differently,
a party named vaguely, a crowd at a gathering, "last week", a pledge and its act."""

from __future__ import annotations

from typing import Any

from materiel.link.facts import Facts, build
from materiel.link.known import Known
from materiel.link.match import Decision, compare, relate

KNOWN = {
    "company:orla-works": Known(country="country:XA", names=("Orla Works",)),
    "company:vela-aero": Known(country="country:IN", names=("Vela Aero",)),
    "equipment:kestrel-2": Known(country="country:XA", names=("Kestrel 2", "Kestrel-2"),
                                 family="equipment:kestrel", kinds=frozenset({"jet"})),
    "equipment:kestrel-3": Known(country="country:XA", names=("Kestrel 3",),
                                 family="equipment:kestrel", kinds=frozenset({"jet"})),
    "person:ada-novak": Known(country="country:XB", names=("Ada Novak",)),
    "person:ivo-marek": Known(country="country:XB", names=("Ivo Marek",)),
    "person:tomas-varga": Known(country="country:XC", names=("Tomas Varga",)),
    "person:rui-lago": Known(country="country:XD", names=("Rui Lago",)),
}


def named(text: str) -> dict[str, Any]:
    return {"text": text}


def known(entity_id: str) -> dict[str, Any]:
    return {"text": entity_id.split(":")[1], "id": entity_id}


def number(value: float, currency: str | None = None) -> dict[str, Any]:
    arg: dict[str, Any] = {"text": f"{value:g}", "value": value}
    if currency:
        arg["currency"] = currency
    return arg


def report(doc: int, event_type: str, date: str | None, published: str,
           status: str = "done", evidence: str = "", **args: list[dict[str, Any]]) -> Facts:
    return build(doc * 10, doc, event_type, status, date, published, evidence, args,
                 lookup=KNOWN.get)


def order(doc: int, count: float, *, evidence: str = "", buyer: str = "country:XA",
          item: str = "equipment:kestrel-2", status: str = "done") -> Facts:
    return report(doc, "procurement", "2031", "2032-05-02", status, evidence,
                  buyer=[known(buyer)], seller=[known("company:orla-works")],
                  item=[known(item)], quantity=[number(count)])


# -- counts and amounts -----------------------------------------------------------------------


def test_one_order_counted_with_and_without_its_trainers_is_one_order():
    fighters = order(1, 73, evidence="the order for 73 Kestrel 2 fighters placed in 2031")
    with_trainers = order(2, 83, evidence="Orla Works won the order for 83 Kestrel 2")
    relation = relate(fighters, with_trainers)
    assert relation.decision is Decision.SAME and not relation.conflict


def test_a_count_far_off_a_further_order_or_another_model_stays_apart():
    first = order(1, 73)
    assert relate(first, order(2, 50)).conflict == "different quantities"
    more = order(3, 83, evidence="the air force ordered 83 more Kestrel 2")
    assert relate(first, more).conflict == "different quantities"
    other_model = order(4, 80, item="equipment:kestrel-3")
    assert compare(first, other_model) is Decision.APART
    planned = order(5, 80, status="planned")
    assert relate(first, planned).conflict == "different quantities"


def test_an_amount_given_differently_splits_a_package_but_not_a_programme():
    def budget(doc: int, crores: float) -> Facts:
        return report(doc, "spending", "2031-04", "2031-04-20", "planned",
                      "the agency seeks funds for the Kestrel 3",
                      spender=[named("the Xan air force")],
                      value=[number(crores * 1e7, "INR")])

    assert not relate(budget(1, 14000), budget(2, 13000)).conflict

    def package(doc: int, millions: float) -> Facts:
        return report(doc, "aid", "2031-04-20", "2031-04-20", "announced",
                      donor=[known("country:XA")], recipient=[known("country:XB")],
                      item=[known("equipment:kestrel-2")],
                      value=[number(millions * 1e6, "USD")])

    assert relate(package(1, 400), package(2, 325)).conflict == "different amounts"


# -- parties ----------------------------------------------------------------------------------


def test_a_seller_counts_apart_from_its_buyer_country_and_a_counterpart_once():
    vague = report(1, "procurement", None, "2032-04-20", evidence="the order placed",
                   buyer=[named("the air force")], seller=[known("company:orla-works")],
                   item=[known("equipment:kestrel-2")])
    exact = report(2, "procurement", None, "2031-12-01", evidence="the order placed",
                   buyer=[known("country:XA")], seller=[known("company:orla-works")],
                   item=[known("equipment:kestrel-2")])
    # the buyer (the air force, for XA), the seller and the item: three facts
    assert relate(vague, exact).strength == 3
    assert compare(vague, exact) is Decision.SAME

    visit = report(3, "meeting", "2031-04", "2031-05-04",
                   participant=[known("country:IN"), known("company:vela-aero")])
    talks = report(4, "meeting", None, "2031-04-21",
                   participant=[known("person:tomas-varga"), named("his Indian counterpart")])
    # the counterpart (an Indian, the real knowledge base says) matches India and its
    # company: one side, not two
    assert relate(visit, talks).strength == 1


# -- gatherings -------------------------------------------------------------------------------


def test_a_crowd_of_attendees_names_a_gathering_two_people_of_one_country_attend():
    summit = report(1, "meeting", None, "2031-06-16",
                    participant=[known("person:ivo-marek"), known("person:rui-lago"),
                                 named("100 countries and institutions")],
                    location=[named("Obberg, Lakeland")])
    talks = report(2, "meeting", None, "2031-06-15",
                   participant=[known("person:ada-novak"), known("person:rui-lago")],
                   location=[named("Obberg resort, Lakeland")])
    assert compare(summit, talks) is Decision.SAME
    no_crowd = report(3, "meeting", None, "2031-06-16",
                      participant=[known("person:ivo-marek"), known("person:rui-lago")],
                      location=[named("Obberg, Lakeland")])
    assert relate(no_crowd, talks).conflict


# -- dates ------------------------------------------------------------------------------------


def test_last_weeks_meeting_is_not_the_visit_two_weeks_on():
    last_week = report(1, "meeting", "2031-02", "2031-02-13",
                       evidence="last week's meeting between Novak and Lago",
                       participant=[known("person:ada-novak"), known("person:rui-lago")])
    visit = report(2, "meeting", "2031-02-21", "2031-02-26",
                   participant=[known("person:ada-novak"), known("person:rui-lago")])
    assert relate(last_week, visit).conflict == "different dates"
    that_week = report(3, "meeting", "2031-02-07", "2031-02-08",
                       participant=[known("person:ada-novak"), known("person:rui-lago")])
    assert compare(last_week, that_week) is Decision.SAME


def test_a_sanction_pledged_a_week_before_is_not_the_sanctions_imposed():
    def sanction(doc: int, date: str | None, published: str, status: str) -> Facts:
        return report(doc, "sanction", date, published, status,
                      imposer=[known("country:XA")], target=[known("country:XB")])

    pledge = sanction(1, None, "2031-09-23", "planned")
    imposed = sanction(2, "2031-09-30", "2031-09-30", "announced")
    assert relate(pledge, imposed).conflict == "a pledge is not the act"
    soon = sanction(3, None, "2031-09-29", "planned")
    assert compare(soon, imposed) is Decision.SAME


def test_a_decision_told_again_weeks_later_is_the_decision_a_new_model_is_not():
    def decision(doc: int, published: str, item: str, evidence: str = "") -> Facts:
        return report(doc, "aid", None, published, "announced", evidence,
                      donor=[known("country:XA")], recipient=[known("country:XB")],
                      item=[known(item)])

    agreed = decision(1, "2031-01-25", "equipment:kestrel-2")
    retold = decision(2, "2031-02-23", "equipment:kestrel-2")
    assert compare(agreed, retold) is Decision.SAME
    assert relate(agreed, decision(3, "2031-02-23", "equipment:kestrel-3")).conflict
    more = decision(4, "2031-02-23", "equipment:kestrel-2", "XA will send more Kestrel 2")
    assert relate(agreed, more).conflict == "different dates"
    months_on = decision(5, "2031-04-30", "equipment:kestrel-2")
    assert relate(agreed, months_on).conflict == "different dates"
