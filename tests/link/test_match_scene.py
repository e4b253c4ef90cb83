"""The matcher on reports of strikes, meetings and orders that name their parties vaguely:
the spot and the day, a variant letter, a year both give."""

from __future__ import annotations

from typing import Any

from materiel.link.cluster import partition
from materiel.link.facts import Facts, build
from materiel.link.known import Known
from materiel.link.match import Decision, compare, index_keys, lookup_keys, relate

KNOWN = {
    "geonames:100": Known(country="country:XA", names=("Ostrava",)),
    "geonames:200": Known(country="country:XA", names=("Brno",)),
    "person:anna-kovac": Known(country="country:XA", names=("Anna Kovac",)),
    "person:lars-berg": Known(country="country:XB", names=("Lars Berg",)),
    "organization:g7": Known(group=True, names=("G7",)),
    "equipment:c-295": Known(names=("C-295", "C295")),
    "equipment:c-390": Known(names=("C-390",)),
    "equipment:hawk-jet": Known(names=("Hawk",)),
}


def named(text: str) -> dict[str, Any]:
    return {"text": text}


def known(entity_id: str) -> dict[str, Any]:
    return {"text": entity_id.split(":")[1], "id": entity_id}


def report(doc: int, event_type: str, date: str | None, published: str,
           status: str = "done", evidence: str = "", **args: list[dict[str, Any]]) -> Facts:
    return build(doc * 10, doc, event_type, status, date, published, evidence, args,
                 lookup=KNOWN.get)


def strike(doc: int, date: str, place: dict[str, Any], *, attacker: str = "gunmen",
           target: str = "a patrol") -> Facts:
    return report(doc, "strike", date, "2031-03-12", attacker=[named(attacker)],
                  target=[named(target)], location=[place])


def test_one_spot_on_one_day_is_one_attack_whoever_the_reports_blame():
    gunmen = strike(1, "2031-03-10", named("Kesla ridge near Varna"))
    rebels = strike(2, "2031-03-10", named("the Kesla ridge"), attacker="rebels",
                    target="two soldiers")
    assert compare(gunmen, rebels) is Decision.SAME
    # found by the spot, the only thing both name alike
    assert index_keys(gunmen) & lookup_keys(rebels)
    assert index_keys(rebels) & lookup_keys(gunmen)


def test_one_spot_a_week_apart_or_two_spots_one_day_are_two_attacks():
    first = strike(1, "2031-03-10", named("Kesla ridge"))
    assert compare(first, strike(2, "2031-03-03", named("Kesla ridge"),
                                 attacker="rebels")) is Decision.APART
    assert compare(first, strike(3, "2031-03-10", named("Dobra pass"),
                                 attacker="rebels", target="a convoy")) is Decision.APART


def test_a_month_old_attack_on_the_town_is_the_attack_dated_there():
    last_month = strike(1, "2031-03", known("geonames:100"), attacker="a front",
                        target="an army truck")
    dated = strike(2, "2031-03-10", named("a village of Ostrava district"),
                   attacker="terrorists", target="their vehicle")
    assert compare(last_month, dated) is Decision.SAME
    elsewhere = strike(3, "2031-03-10", known("geonames:200"), attacker="terrorists")
    assert compare(last_month, elsewhere) is Decision.APART


def test_a_strike_on_a_city_that_day_is_the_attack_on_its_country():
    invaders = [known("country:XC")]
    on_city = report(1, "strike", "2031-02-24", "2031-02-25", attacker=invaders,
                     location=[known("geonames:100")])
    on_country = report(2, "strike", "2031-02-24", "2031-03-01", attacker=invaders,
                        location=[known("country:XA")])
    assert compare(on_city, on_country) is Decision.SAME
    a_week_later = report(3, "strike", "2031-03-03", "2031-03-04", attacker=invaders,
                          location=[known("country:XA")])
    assert compare(on_city, a_week_later) is Decision.APART


def test_a_gathering_and_its_day_identify_a_meeting_but_not_two_agreements():
    kovac = report(1, "meeting", "2031-02-24", "2031-02-24", "planned",
                   evidence="On 24 February Kovac will meet G7 leaders",
                   participant=[known("person:anna-kovac"), known("organization:g7")])
    with_berg = report(2, "meeting", "2031-02-24", "2031-02-25",
                       evidence="The G7 met on 24 February",
                       participant=[known("organization:g7"), known("country:XB")])
    assert compare(kovac, with_berg) is Decision.SAME
    signed = [report(doc, "agreement", "2031-02-24", "2031-02-25",
                     evidence="signed on 24 February", party=[known("country:XA"), other])
              for doc, other in ((3, known("country:XB")), (4, named("a partner")))]
    assert compare(*signed) is Decision.APART


def test_a_model_written_with_its_variant_letter_is_the_model():
    resolved = report(1, "procurement", None, "2031-05-02", buyer=[known("country:XA")],
                      item=[known("equipment:c-295")])
    variant = report(2, "procurement", None, "2031-05-04", buyer=[known("country:XA")],
                     item=[named("C-295M tactical transport aircraft")])
    other = report(3, "procurement", None, "2031-05-04", buyer=[known("country:XA")],
                   item=[named("C-390M transport aircraft")])
    assert compare(resolved, variant) is Decision.SAME
    assert compare(resolved, other) is Decision.APART


def test_an_order_both_date_to_one_year_needs_no_third_fact():
    signed = report(1, "procurement", "2029", "2030-06-01", buyer=[known("country:XA")],
                    item=[known("equipment:hawk-jet")])
    last_year = report(2, "procurement", "2029", "2030-08-01", buyer=[known("country:XA")],
                       item=[known("equipment:hawk-jet")])
    assert compare(signed, last_year) is Decision.SAME
    earlier = report(3, "procurement", "2027", "2030-08-01", buyer=[known("country:XA")],
                     item=[known("equipment:hawk-jet")])
    assert compare(signed, earlier) is Decision.APART
    # a donor gives one item many times in a year
    aid = [report(doc, "aid", "2029", "2030-06-01", "announced", donor=[known("country:XA")],
                  item=[known("equipment:hawk-jet")]) for doc in (4, 5)]
    assert compare(*aid) is Decision.APART


def test_one_document_telling_one_event_twice_may_meet_through_another_report():
    def talk(event_id: int, doc: int, status: str, date: str) -> Facts:
        return build(event_id, doc, "meeting", status, date, "2031-05-02", "", {
            "participant": [known("person:anna-kovac")], "location": [known("country:XB")]},
            lookup=KNOWN.get, order=(f"doc-{doc}", str(event_id)))

    plan, speech = talk(1, 1, "planned", "2031-05"), talk(2, 1, "done", "2031-05-04")
    other = talk(3, 2, "done", "2031-05-04")
    assert relate(plan, speech).decision is Decision.APART  # never directly
    assert not relate(plan, speech).conflict
    members = {f.event_id: f for f in (plan, speech, other)}
    edges = {(1, 3): (2, 1), (2, 3): (3, 1)}
    assert partition(members, edges, lambda a, b: bool(relate(a, b).conflict)) == [
        frozenset({1, 2, 3})]
    # two talks one document tells apart (with different people) stay apart
    berg = build(4, 1, "meeting", "done", "2031-05-04", "2031-05-02", "", {
        "participant": [known("person:lars-berg")], "location": [known("country:XB")]},
        lookup=KNOWN.get)
    assert relate(berg, speech).conflict == "one document"


def test_talks_a_report_calls_recent_may_be_weeks_old():
    talks = [known("person:anna-kovac"), named("Piet Lund")]
    dated = report(1, "meeting", "2031-05-01", "2031-05-02", participant=talks)
    recently = report(2, "meeting", None, "2031-05-09", participant=talks,
                      evidence="Kovac recently held talks with Piet Lund")
    undated = report(3, "meeting", None, "2031-05-09", participant=talks,
                     evidence="Kovac held talks with Piet Lund")
    assert compare(dated, recently) is Decision.SAME
    assert compare(dated, undated) is Decision.APART
