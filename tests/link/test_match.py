"""The matcher on hand-made mentions: one package reported twice, look-alikes kept apart,
follow-ups linked as a story, meetings told apart by who was there."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from materiel.link.facts import Facts, build, date_range, stated_date
from materiel.link.known import GROUP_MEMBERS, Known, kind_words
from materiel.link.match import Decision, compare, index_keys, lookup_keys, refine, relate

KNOWN = {
    "person:joe-biden": Known(country="country:US", names=("Joe Biden",)),
    "person:kamala-harris": Known(country="country:US", names=("Kamala Harris",)),
    "person:volodymyr-zelensky": Known(country="country:UA", names=("Volodymyr Zelensky",)),
    "person:xi-jinping": Known(country="country:CN", names=("Xi Jinping",)),
    "person:vladimir-putin": Known(country="country:RU", names=("Vladimir Putin",)),
    "person:narendra-modi": Known(country="country:IN", names=("Narendra Modi",)),
    "person:fumio-kishida": Known(country="country:JP", names=("Fumio Kishida",)),
    "person:anthony-albanese": Known(country="country:AU", names=("Anthony Albanese",)),
    "person:s-jaishankar": Known(country="country:IN", names=("S. Jaishankar",)),
    "person:sergey-lavrov": Known(country="country:RU", names=("Sergey Lavrov",)),
    "person:bilawal-bhutto": Known(country="country:PK", names=("Bilawal Bhutto Zardari",)),
    "organization:sco": Known(group=True, names=("Shanghai Cooperation Organisation", "SCO")),
    "organization:g7": Known(group=True, names=("G7",),
                             members=GROUP_MEMBERS["organization:g7"]),
    "organization:quad": Known(group=True, names=("Quad",),
                               members=GROUP_MEMBERS["organization:quad"]),
    "company:hal": Known(country="country:IN", names=("Hindustan Aeronautics",)),
    "company:bel": Known(country="country:IN", names=("Bharat Electronics",)),
    "equipment:rafale": Known(names=("Rafale",),
                              kinds=kind_words("aircraft", "multirole fighter")),
    "equipment:s-300": Known(names=("S-300",),
                             kinds=kind_words("air-defence", "surface-to-air missile system")),
    "equipment:su-30": Known(names=("Su-30",)),
    "company:lockheed-martin": Known(country="country:US", names=("Lockheed Martin",)),
    "company:sikorsky": Known(country="country:US", names=("Sikorsky",),
                              parents=frozenset({"company:lockheed-martin"})),
    "company:drdo": Known(country="country:IN", names=("DRDO",), state_body=True),
    "company:ada": Known(country="country:IN", names=("Aeronautical Development Agency",),
                         parents=frozenset({"company:drdo"}), state_body=True),
    "organization:mod-india": Known(country="country:IN", names=("Ministry of Defence",),
                                    state_body=True),
    "organization:indian-navy": Known(country="country:IN", names=("Indian Navy",),
                                      state_body=True),
    "geonames:1282027": Known(country="country:MV", names=("Male",)),
    "equipment:tejas": Known(names=("Tejas", "LCA")),
    "equipment:tejas-mk1a": Known(names=("Tejas Mk1A",), family="equipment:tejas"),
    "equipment:tejas-mk2": Known(names=("Tejas Mk2",), family="equipment:tejas"),
}


def arg(entity_id: str) -> dict[str, Any]:
    return {"text": entity_id.split(":")[1], "id": entity_id}


US, UA, IN, RU = (arg(f"country:{c}") for c in ("US", "UA", "IN", "RU"))
BIDEN, HARRIS, ZELENSKY = (arg(p) for p in ("person:joe-biden", "person:kamala-harris",
                                             "person:volodymyr-zelensky"))
XI, PUTIN, MODI = (arg(p) for p in ("person:xi-jinping", "person:vladimir-putin",
                                     "person:narendra-modi"))


def usd(amount: float) -> dict[str, Any]:
    return {"text": f"${amount:,.0f}", "value": amount, "currency": "USD"}


def inr(amount: float) -> dict[str, Any]:
    return {"text": f"{amount:,.0f} rupees", "value": amount, "currency": "INR"}


def mention(doc: int, event_type: str = "aid", date: str | None = "2022-11-04",
            status: str | None = "announced", evidence: str = "",
            published: str = "2022-11-06", **args: list[dict[str, Any]]) -> Facts:
    return build(doc * 10, doc, event_type, status, date, published, evidence, args,
                 lookup=KNOWN.get)


def package(doc: int, amount: float = 400e6, date: str = "2022-11-04",
            items: str = "HAWK missiles") -> Facts:
    return mention(doc, date=date, donor=[US], recipient=[UA], value=[usd(amount)],
                   item=[{"text": items}])


def meeting(doc: int, *who: dict[str, Any], date: str | None = "2023-05-20",
            status: str = "done", evidence: str = "", published: str = "2023-05-21") -> Facts:
    return mention(doc, "meeting", date=date, status=status, evidence=evidence,
                   published=published, participant=list(who))


def test_one_package_reported_twice_is_one_event():
    assert compare(package(1), package(2, date="2022-11-05")) is Decision.SAME


def test_amounts_that_refine_each_other_agree_and_others_do_not():
    assert refine(400e6, 425e6) and refine(61e9, 60.5e9)
    assert not refine(14_000e7, 15_000e7)  # two crore figures given to the thousand
    assert not refine(1e9, 800e6)
    assert compare(package(1, 400e6), package(2, 425e6)) is Decision.SAME
    assert relate(package(1, 400e6), package(2, 800e6)).conflict == "different amounts"


def test_two_packages_of_one_donor_in_one_month_stay_apart():
    first = package(1, date="2022-11-04", items="HAWK missiles")
    second = package(2, date="2022-11-23", items="NASAMS munitions")
    assert relate(first, second).conflict == "different dates"
    assert relate(package(1), package(2, date="2022-11-23")).conflict == "different dates"


def test_parties_alone_identify_a_meeting_but_not_a_package():
    bare = [mention(d, date=when, donor=[US], recipient=[UA])
            for d, when in ((1, "2022-11-04"), (2, "2022-11"))]
    assert compare(*bare) is Decision.APART
    same_day = [mention(d, date="2022-11-04", donor=[US], recipient=[UA]) for d in (1, 2)]
    assert compare(*same_day) is Decision.SAME  # one donor, one recipient, one day
    assert compare(meeting(1, BIDEN, ZELENSKY, date="2023-05"),
                   meeting(2, BIDEN, ZELENSKY)) is Decision.SAME


def test_one_shared_country_identifies_nothing():
    lone = [mention(d, "meeting", participant=[UA]) for d in (1, 2)]
    assert compare(*lone) is Decision.APART


def test_a_leader_stands_for_the_country_but_two_leaders_are_two_meetings():
    by_country = meeting(1, US, ZELENSKY)
    with_biden = meeting(2, BIDEN, ZELENSKY)
    with_harris = meeting(3, HARRIS, ZELENSKY)
    assert compare(by_country, with_biden) is Decision.SAME
    assert relate(with_biden, with_harris).conflict == "different participant"


def test_two_companies_of_one_country_are_two_producers():
    jets = [{"text": "Tejas", "id": "equipment:tejas"}]
    hal = mention(1, "production", producer=[arg("company:hal")], item=jets)
    bel = mention(2, "production", producer=[arg("company:bel")], item=jets)
    assert relate(hal, bel).conflict == "different producer"


def test_different_pairs_at_one_summit_and_a_bilateral_beside_the_gathering():
    kishida, albanese = arg("person:fumio-kishida"), arg("person:anthony-albanese")
    assert relate(meeting(1, BIDEN, kishida), meeting(2, BIDEN, MODI)).conflict == \
        "different participants"
    summit = meeting(3, BIDEN, MODI, kishida, albanese, arg("organization:quad"))
    aside = meeting(4, MODI, kishida, evidence="Modi held a bilateral with Kishida")
    assert relate(summit, aside).conflict == "a bilateral is not the gathering around it"
    assert compare(summit, meeting(5, MODI, arg("organization:quad"))) is Decision.SAME


def test_two_groupings_meet_apart_and_a_grouping_covers_a_few_members():
    g7, quad = meeting(1, MODI, arg("organization:g7")), meeting(2, MODI, arg("organization:quad"))
    assert relate(g7, quad).conflict == "different gatherings"
    goa = [{"text": "Goa", "id": "new:goa"}]
    sco = mention(3, "meeting", date="2023-05-05", location=goa,
                  participant=[arg("organization:sco"), arg("person:bilawal-bhutto")])
    pair = mention(4, "meeting", date="2023-05-05", location=goa,
                   participant=[arg("person:bilawal-bhutto"), arg("person:s-jaishankar")])
    assert compare(sco, pair) is Decision.SAME


def test_an_unresolved_counterpart_stands_for_its_country():
    counterpart = {"text": "his Russian counterpart", "id": "new:his-russian-counterpart"}
    planned = meeting(1, arg("person:xi-jinping"), counterpart, date="2023-03-21",
                      status="planned")
    held = meeting(2, XI, PUTIN, date="2023-03-21")
    assert compare(planned, held) is Decision.SAME


def test_an_order_and_its_delivery_are_one_story():
    jets = [{"text": "Rafale jets", "id": "equipment:rafale"}]
    order = mention(1, "procurement", status="done", date="2022-09-01",
                    evidence="India signed a contract for 26 jets", buyer=[IN], item=jets)
    delivery = mention(2, "procurement", status="done", date="2022-11-20",
                       evidence="The first jets were delivered to India", buyer=[IN], item=jets)
    assert relate(order, delivery).decision is Decision.STORY
    early = mention(3, "procurement", status="done", date="2021-01-05",
                    evidence="The first jets were delivered to India", buyer=[IN], item=jets)
    assert relate(order, early).decision is Decision.APART  # delivered before the order


def test_a_planned_meeting_joins_the_meeting_days_later_but_not_weeks_later():
    planned = meeting(1, XI, PUTIN, date="2023-03-17", status="planned")
    held = meeting(2, XI, PUTIN, date="2023-03-21")
    later = meeting(3, XI, PUTIN, date="2023-04-30")
    assert compare(planned, held) is Decision.SAME
    assert compare(planned, later) is Decision.APART


def test_an_old_deal_mentioned_without_a_date_needs_more_facts():
    jets = [{"text": "Rafale", "id": "equipment:rafale"}]
    deal = mention(1, "procurement", date="2016-09-23", status="done", buyer=[IN], item=jets,
                   quantity=[{"text": "36", "value": 36}], published="2016-09-24")
    recalled = mention(2, "procurement", date=None, status="done", buyer=[IN], item=jets,
                       quantity=[{"text": "36", "value": 36}], published="2023-05-19")
    vaguer = mention(3, "procurement", date=None, status="done", buyer=[IN], item=jets,
                     published="2023-05-19")
    assert compare(deal, recalled) is Decision.SAME
    assert compare(deal, vaguer) is Decision.APART  # India and the Rafale: not enough


def test_a_precise_amount_counts_twice():
    agency = {"text": "ADA", "id": "new:ada"}
    first = mention(1, "spending", date=None, status="planned", spender=[agency],
                    value=[inr(150e9)], published="2022-10-30")
    again = mention(2, "spending", date=None, status="planned", spender=[agency],
                    value=[inr(150e9)], published="2023-01-09")
    assert relate(first, again).strength == 3 and compare(first, again) is Decision.SAME


def test_the_publication_date_extraction_falls_back_on_is_no_date():
    assert stated_date("2023-05-20", "2023-05-20", "Modi met Kishida.") is None
    assert stated_date("2023-05-20", "2023-05-20", "Modi met Kishida today.") == "2023-05-20"
    assert stated_date("2023-05-19", "2023-05-20", "Modi met Kishida.") == "2023-05-19"


def test_dates_by_precision():
    year = date_range("2019", "2023-05-20")
    assert year is not None and (year.lo.month, year.hi.month, year.precision) == (1, 12, 1)
    meeting_range = date_range(None, "2023-05-20", "done", "meeting")
    deal_range = date_range(None, "2023-05-20", "done", "procurement")
    assert meeting_range is not None and deal_range is not None
    assert (meeting_range.hi - meeting_range.lo).days < 10 < (deal_range.hi - deal_range.lo).days


@pytest.mark.parametrize("build_pair", [
    lambda: (package(1, date="2022-11-30"), mention(2, date="2022-12", donor=[US],
                                                    recipient=[UA], value=[usd(400e6)])),
    lambda: (meeting(1, XI, PUTIN, date="2023-03-17", status="planned"),
             meeting(2, XI, PUTIN, date="2023-03-23")),
    lambda: (mention(1, "spending", date=None, status="planned", published="2022-10-20",
                     spender=[{"text": "ADA", "id": "new:ada"}], value=[inr(150e9)]),
             mention(2, "spending", date="2022-10", status="planned",
                     spender=[{"text": "ADA", "id": "company:ada", "name": "ADA"}],
                     value=[inr(150e9)])),
])
def test_candidate_keys_find_each_other_both_ways(build_pair):
    a, b = build_pair()
    assert compare(a, b) is Decision.SAME
    assert index_keys(a) & lookup_keys(b) and index_keys(b) & lookup_keys(a)


def test_the_relation_is_symmetric():
    mentions = [package(1), package(2, 425e6), package(3, date="2022-11-23"),
                meeting(4, BIDEN, ZELENSKY), meeting(5, US, ZELENSKY), meeting(6, HARRIS, UA)]
    for a, b in combinations(mentions, 2):
        assert relate(a, b) == relate(b, a)


def test_a_grouping_stands_for_its_members_named_one_by_one():
    kishida, albanese = arg("person:fumio-kishida"), arg("person:anthony-albanese")
    city = [{"text": "Hiroshima", "id": "new:hiroshima"}]
    four, quad, g7 = (mention(d, "meeting", date="2023-05-20", status="done", location=city,
                              participant=who)
                      for d, who in ((1, [BIDEN, MODI, kishida, albanese]),
                                     (2, [MODI, arg("organization:quad")]),
                                     (3, [MODI, arg("organization:g7")])))
    assert compare(four, quad) is Decision.SAME
    assert relate(four, g7).conflict == "different participants"  # Modi and Albanese: no G7


def test_two_leaders_beside_a_meeting_of_four_are_their_own_talks():
    kishida, albanese = arg("person:fumio-kishida"), arg("person:anthony-albanese")
    four = meeting(1, BIDEN, MODI, kishida, albanese)
    assert relate(four, meeting(2, MODI, kishida)).conflict == \
        "a bilateral is not the gathering around it"
    sco = meeting(3, arg("person:bilawal-bhutto"), arg("person:s-jaishankar"),
                  arg("person:sergey-lavrov"), arg("organization:sco"))
    assert compare(sco, meeting(4, arg("person:bilawal-bhutto"),
                                arg("person:s-jaishankar"))) is Decision.SAME


def test_an_unnamed_body_acts_for_the_country_the_other_report_names():
    jets = [{"text": "Rafale", "id": "equipment:rafale"}]
    thirty_six = [{"text": "36", "value": 36}]
    by_force = mention(1, "procurement", date=None, status="done", item=jets,
                       buyer=[{"text": "the air force", "id": "new:air-force"}],
                       quantity=thirty_six, published="2022-07-21")
    by_india = mention(2, "procurement", date=None, status="done", item=jets, buyer=[IN],
                       quantity=thirty_six, published="2023-05-19")
    assert compare(by_force, by_india) is Decision.SAME
    assert index_keys(by_force) & lookup_keys(by_india)
    by_two = mention(3, "procurement", date=None, status="done", item=jets, buyer=[IN, RU],
                     quantity=thirty_six, published="2023-05-19")
    assert compare(by_force, by_two) is Decision.APART  # which of the two: cannot tell


def test_an_item_named_by_its_kind_is_the_item_the_other_report_names():
    slovakia = arg("country:SK")
    system = mention(1, date=None, status="done", donor=[slovakia], recipient=[UA],
                     item=[{"text": "a multi-million air defence system"}],
                     published="2022-04-10")
    s300 = mention(2, date=None, status="done", donor=[slovakia], recipient=[UA],
                   item=[{"text": "S-300", "id": "equipment:s-300"}], published="2022-04-08")
    tanks = mention(3, date=None, status="done", donor=[slovakia], recipient=[UA],
                    item=[{"text": "tanks"}], published="2022-04-10")
    assert compare(system, s300) is Decision.SAME
    assert compare(tanks, s300) is Decision.APART


def test_two_undated_reports_a_week_apart_tell_of_recent_news():
    engines = [{"text": "Kaveri engine modules"}]
    maker = [{"text": "Godrej Aerospace", "id": "new:godrej-aerospace"}]
    first, week, months = (mention(d, "production", date=None, status="done", item=engines,
                                   producer=maker, published=day)
                           for d, day in ((1, "2023-04-18"), (2, "2023-04-25"), (3, "2023-08-25")))
    assert compare(first, week) is Decision.SAME
    assert compare(first, months) is Decision.APART


def test_an_aid_package_approved_and_pledged_is_one_announcement():
    def aid(doc: int, evidence: str, date: str = "2022-11-04") -> Facts:
        return mention(doc, date=date, evidence=evidence, donor=[US], recipient=[UA],
                       value=[usd(400e6)])

    approved = aid(1, "Washington approved a package for Kyiv")
    pledged = aid(2, "The United States pledged a package to Ukraine")
    delivered = aid(3, "The package was delivered to Ukraine", date="2022-12-20")
    assert compare(approved, pledged) is Decision.SAME
    assert relate(approved, delivered).conflict == "different stages"


def test_a_title_is_no_name():
    ali, shahid = ({"text": f"Mr {name}", "id": f"new:mr-{name.casefold()}"}
                   for name in ("Ali", "Shahid"))
    assert compare(meeting(1, XI, ali), meeting(2, XI, shahid)) is Decision.APART
    titled = {"text": "Shri Rajnath Singh", "id": "new:shri-rajnath-singh"}
    plain = {"text": "Rajnath Singh", "id": "new:rajnath-singh"}
    assert compare(meeting(3, XI, titled), meeting(4, XI, plain)) is Decision.SAME


def test_a_company_and_the_company_that_owns_it_are_one_seller():
    helicopters = [{"text": "MH-60R helicopters"}]
    twenty_four = [{"text": "24", "value": 24}]

    def sale(doc: int, seller: str) -> Facts:
        return mention(doc, "procurement", date="2024-03-12", status="done", buyer=[IN],
                       seller=[arg(seller)], item=helicopters, quantity=twenty_four)

    assert compare(sale(1, "company:sikorsky"), sale(2, "company:lockheed-martin")) \
        is Decision.SAME
    assert relate(sale(3, "company:hal"), sale(4, "company:bel")).conflict == \
        "different seller"
    # a country named beside its people stands for no one of them in particular
    assert relate(meeting(5, BIDEN, ZELENSKY), meeting(6, US, HARRIS, ZELENSKY)).conflict == \
        "different participant"


def test_two_bodies_of_one_state_buy_for_it_but_do_not_meet_as_one():
    jets = [{"text": "Rafale M jets", "id": "equipment:rafale"}]
    ministry, navy = arg("organization:mod-india"), arg("organization:indian-navy")
    by_ministry = mention(1, "procurement", date="2023-07-13", status="planned",
                          buyer=[ministry], item=jets, quantity=[{"text": "26", "value": 26}])
    by_navy = mention(2, "procurement", date="2023-07-13", status="planned",
                      buyer=[navy], item=jets, quantity=[{"text": "26", "value": 26}])
    assert compare(by_ministry, by_navy) is Decision.SAME
    xi = arg("person:xi-jinping")
    assert relate(meeting(3, xi, ministry), meeting(4, xi, navy)).conflict == \
        "different participants"


def test_a_lab_and_its_agency_ask_for_one_budget():
    lab_and_agency = mention(1, "spending", date=None, status="planned",
                             published="2022-10-01", value=[inr(150e9)],
                             spender=[{"text": "ADA", "id": "new:ada"}, arg("company:drdo")])
    lab = mention(2, "spending", date=None, status="planned", published="2022-10-03",
                  spender=[arg("company:ada")], value=[inr(150e9)])
    assert compare(lab_and_agency, lab) is Decision.SAME


def test_a_city_is_a_place_in_the_country_the_other_report_names():
    minister = {"text": "Rajnath Singh", "id": "new:rajnath-singh"}
    visit = mention(1, "meeting", date="2023-05-01", published="2023-05-07",
                    evidence="The minister arrived in the Maldives on a three-day visit",
                    location=[arg("country:MV")],
                    participant=[minister, {"text": "Ms Didi", "id": "new:ms-didi"}])
    talks = mention(2, "meeting", date="2023-05-01", published="2023-05-02",
                    evidence="He held talks with his counterpart and the foreign minister",
                    location=[{"text": "Male", "id": "geonames:1282027"}],
                    participant=[minister,
                                 {"text": "his Maldivian counterpart",
                                  "id": "new:his-maldivian-counterpart"},
                                 {"text": "Mr Shahid", "id": "new:mr-shahid"}])
    assert compare(visit, talks) is Decision.SAME
    elsewhere = mention(3, "meeting", date="2023-05-01", published="2023-05-02",
                        location=[arg("country:LK")], participant=[minister])
    assert relate(visit, elsewhere).conflict == "different places"


def test_two_undated_reports_of_one_day_tell_of_that_day():
    def news(doc: int, evidence: str, status: str, day: str, **args: Any) -> Facts:
        return mention(doc, date=None, status=status, evidence=evidence, published=day,
                       donor=[US], recipient=[UA], **args)

    coming = news(1, "The President will announce a significant package during the visit",
                  "planned", "2022-12-21")
    battery = news(2, "We will be providing Ukraine with a Patriot battery", "announced",
                   "2022-12-21", item=[{"text": "Patriot battery", "id": "equipment:patriot"}])
    assert compare(coming, battery) is Decision.SAME
    # the day stands in for a fact, but ranks no match above one on a stated date
    assert relate(coming, battery).strength == 2
    next_day = news(3, "We will be providing Ukraine with a Patriot battery", "announced",
                    "2022-12-22", item=[{"text": "Patriot battery", "id": "equipment:patriot"}])
    assert compare(coming, next_day) is Decision.APART


def test_packages_announced_two_days_apart_are_two_unless_one_was_planned():
    first = package(1, date="2024-07-09", items="Patriot batteries")
    second = package(2, date="2024-07-11", items="Patriot interceptors")
    assert relate(first, second).conflict == "different dates"
    assert compare(package(3, date="2024-07-10"), second) is Decision.SAME  # the next morning
    planned = mention(4, date="2024-07-09", status="planned", donor=[US], recipient=[UA],
                      value=[usd(400e6)], item=[{"text": "Patriot interceptors"}])
    assert compare(planned, second) is Decision.SAME


def test_an_unveiling_and_a_maiden_flight_are_two_stages_of_one_story():
    transport = [{"text": "C-295", "id": "equipment:c-295"}]
    maker = [arg("company:lockheed-martin")]
    unveiled = mention(1, "production", date="2023-05-02", status="done", producer=maker,
                       item=transport, evidence="The first C-295 for the air force was unveiled")
    flown = mention(2, "production", date="2023-05-05", status="done", producer=maker,
                    item=transport, evidence="The first C-295 completed its maiden flight")
    assert relate(unveiled, flown).decision is Decision.STORY


def test_a_model_is_its_family_but_not_its_sibling():
    def order(doc: int, model: str) -> Facts:
        return mention(doc, "procurement", date="2022-09", status="planned", buyer=[IN],
                       item=[{"text": model.split(":")[1], "id": model}],
                       quantity=[{"text": "83", "value": 83}])

    mk1a, family, mk2 = (order(1, "equipment:tejas-mk1a"), order(2, "equipment:tejas"),
                         order(3, "equipment:tejas-mk2"))
    assert compare(mk1a, family) is Decision.SAME and compare(family, mk2) is Decision.SAME
    assert relate(mk1a, mk2).conflict == "different items"


def test_a_budget_is_for_the_programme_its_sentence_names():
    ccs = [{"text": "CCS", "id": "organization:ccs-india"}]

    def budget(doc: int, evidence: str) -> Facts:
        return mention(doc, "spending", date="2022-09", status="announced", evidence=evidence,
                       spender=ccs)

    mk2 = budget(1, "The Cabinet Committee on Security cleared the LCA-Mk2 in September")
    again = budget(2, "The CCS approved the Tejas Mark-2 project last September")
    amca = budget(3, "The CCS cleared the AMCA programme in September")
    assert compare(mk2, again) is Decision.SAME
    assert relate(mk2, amca).conflict == "different items"


def test_a_stage_still_to_come_is_not_the_stage_a_done_event_reports():
    transport = [{"text": "C-295", "id": "equipment:c-295"}]
    maker = [arg("company:lockheed-martin")]
    unveiled = mention(1, "production", date=None, status="done", producer=maker,
                       item=transport, published="2023-05-02",
                       evidence="Crews cheered the unveiling of the first C-295, which is "
                                "expected to be delivered in the autumn")
    flown = mention(2, "production", date="2023-05-05", status="done", producer=maker,
                    item=transport, evidence="The first C-295 made a significant step "
                                             "with its maiden flight, ahead of its delivery")
    assert (unveiled.stage, flown.stage) == ("production", "trial")
    assert relate(unveiled, flown).decision is Decision.STORY
    # a plan's sentence is all to come: it names no one stage
    planned = mention(3, "procurement", date=None, status="planned", buyer=[IN],
                      item=transport, evidence="The jets ordered last year will be delivered")
    assert planned.stage is None


def test_an_approval_reported_months_later_is_the_approval():
    mk2 = [{"text": "Tejas Mk2", "id": "equipment:tejas-mk2"}]
    ministry = [arg("organization:mod-india")]
    approved = mention(1, "spending", date="2022-09", status="announced", spender=ministry,
                       item=mk2, value=[inr(9000e7)], published="2022-09-28")
    recalled = mention(2, "spending", date=None, status="announced", spender=ministry,
                       item=mk2, value=[inr(9000e7)], published="2023-01-30")
    assert compare(approved, recalled) is Decision.SAME
    # an aid package announced without a date is that week's news
    package_then = package(3, date="2022-09-02")
    package_now = mention(4, date=None, donor=[US], recipient=[UA], value=[usd(400e6)],
                          item=[{"text": "HAWK missiles"}], published="2023-01-30")
    assert relate(package_then, package_now).conflict == "different dates"


def test_two_undated_reports_three_weeks_apart_tell_of_one_occasion():
    engines = [{"text": "Kaveri engine modules"}]
    maker = [{"text": "Godrej Aerospace", "id": "new:godrej-aerospace"}]
    first, later = (mention(d, "production", date=None, status="done", item=engines,
                            producer=maker, published=day)
                    for d, day in ((1, "2023-04-18"), (2, "2023-05-09")))
    assert compare(first, later) is Decision.SAME


def test_a_bilateral_told_from_one_side_meets_its_host():
    # "Mr Verma arrived in Nepal for bilateral talks" / "he met his Nepali counterpart and
    # Mr Thapa": the counterpart and a name of no known country are the one other side
    minister = {"text": "Ravi Verma", "id": "new:ravi-verma"}
    arrival = mention(1, "meeting", date="2024-03-04", published="2024-03-05",
                      evidence="Ravi Verma arrived in Nepal for bilateral talks",
                      location=[arg("country:NP")], participant=[arg("country:IN"), minister])
    talks = mention(2, "meeting", date="2024-03-04", published="2024-03-06",
                    evidence="He met his Nepali counterpart and Mr Thapa",
                    participant=[minister, {"text": "his Nepali counterpart",
                                            "id": "new:his-nepali-counterpart"},
                                 {"text": "Mr Thapa", "id": "new:mr-thapa"}])
    assert compare(arrival, talks) is Decision.SAME
    # two other countries are a gathering, not the bilateral
    summit = mention(3, "meeting", date="2024-03-04", published="2024-03-06",
                     participant=[minister, arg("country:IN"), arg("country:BT"),
                                  arg("country:BD")])
    assert relate(arrival, summit).conflict == "a bilateral is not the gathering around it"


def test_an_undated_report_of_the_day_a_package_is_dated_tells_of_it():
    told = mention(1, date=None, donor=[BIDEN], recipient=[UA], published="2024-07-11",
                   evidence="During the talks the President announced a package for Ukraine")
    dated = mention(2, date="2024-07-11", donor=[US], recipient=[UA], published="2024-07-11",
                    evidence="Today I announce a new package for Ukraine")
    assert compare(told, dated) is Decision.SAME
    days_before = mention(3, date="2024-07-08", donor=[US], recipient=[UA],
                          published="2024-07-11", evidence="On Monday we announced a package")
    assert compare(told, days_before) is Decision.APART
