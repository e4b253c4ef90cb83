"""The matcher on hand-made mentions: one package reported twice, look-alikes kept apart,
follow-ups linked as a story."""

from __future__ import annotations

from typing import Any

from materiel.link.facts import Facts, build, date_range
from materiel.link.match import Decision, compare, index_keys, lookup_keys

COUNTRIES = {"person:joe-biden": "country:US", "person:kamala-harris": "country:US"}
US = {"text": "United States", "id": "country:US"}
UKRAINE = {"text": "Ukraine", "id": "country:UA"}


def usd(amount: float) -> dict[str, Any]:
    return {"text": f"${amount:,.0f}", "value": amount, "currency": "USD"}


def mention(doc: int, event_type: str = "aid", date: str | None = "2022-11-04",
            status: str | None = "announced", evidence: str = "", published: str = "2022-11-04",
            **args: list[dict[str, Any]]) -> Facts:
    return build(doc * 10, doc, event_type, status, date, published, evidence, args,
                 country_of=COUNTRIES.get)


def package(doc: int, amount: float = 400e6, date: str = "2022-11-04",
            items: str = "HAWK missiles") -> Facts:
    return mention(doc, date=date, donor=[US], recipient=[UKRAINE], value=[usd(amount)],
                   item=[{"text": items}])


def test_one_package_reported_twice_is_one_event():
    assert compare(package(1), package(2, date="2022-11-05")) is Decision.SAME


def test_amounts_within_tolerance_agree_and_far_apart_do_not():
    assert compare(package(1, 400e6), package(2, 425e6)) is Decision.SAME
    assert compare(package(1, 400e6), package(2, 800e6)) is Decision.APART


def test_two_packages_of_one_donor_in_one_month_stay_apart():
    first = package(1, date="2022-11-04", items="HAWK missiles")
    second = package(2, date="2022-11-23", items="NASAMS munitions")
    assert compare(first, second) is Decision.APART
    assert compare(package(1, date="2022-11-04"), package(2, date="2022-11-23")) is Decision.APART


def test_one_shared_country_identifies_nothing():
    lone = mention(1, recipient=[UKRAINE])
    assert compare(lone, mention(2, recipient=[UKRAINE])) is Decision.APART


def test_a_leader_stands_for_the_country_but_two_leaders_are_two_meetings():
    biden = {"text": "Biden", "id": "person:joe-biden"}
    harris = {"text": "Harris", "id": "person:kamala-harris"}
    zelensky = {"text": "Zelensky", "id": "person:volodymyr-zelensky"}
    by_country = mention(1, "meeting", participant=[US, zelensky])
    with_biden = mention(2, "meeting", participant=[biden, zelensky])
    with_harris = mention(3, "meeting", participant=[harris, zelensky])
    assert compare(by_country, with_biden) is Decision.SAME
    assert compare(with_biden, with_harris) is Decision.APART


def test_an_order_and_its_delivery_are_one_story():
    india = {"text": "India", "id": "country:IN"}
    jets = [{"text": "Rafale jets", "id": "equipment:rafale"}]
    order = mention(1, "procurement", status="done", evidence="India signed a contract for 26 jets",
                    buyer=[india], item=jets)
    delivery = mention(2, "procurement", status="done", date="2022-11-20",
                       evidence="The first jets were delivered to India", buyer=[india], item=jets)
    assert compare(order, delivery) is Decision.STORY


def test_a_planned_meeting_joins_the_meeting_days_later_but_not_weeks_later():
    xi = {"text": "Xi", "id": "person:xi-jinping"}
    putin = {"text": "Putin", "id": "person:vladimir-putin"}
    planned = mention(1, "meeting", date="2023-03-17", status="planned", participant=[xi, putin])
    held = mention(2, "meeting", date="2023-03-21", status="done", participant=[xi, putin])
    later = mention(3, "meeting", date="2023-04-30", status="done", participant=[xi, putin])
    assert compare(planned, held) is Decision.SAME
    assert compare(planned, later) is Decision.APART
    assert index_keys(planned) & lookup_keys(held)  # the candidate index finds it


def test_a_year_alone_means_near_publication():
    vague = date_range("2023", "2023-05-20")
    assert vague is not None and vague.lo.month == 5 and vague.hi.month == 6
    whole = date_range("2019", "2023-05-20")
    assert whole is not None and (whole.lo.month, whole.hi.month) == (1, 12)


def test_candidate_keys_find_each_other_both_ways():
    day = package(1, date="2022-11-30")
    month = mention(2, date="2022-12", donor=[US], recipient=[UKRAINE])
    assert index_keys(day) & lookup_keys(month) and index_keys(month) & lookup_keys(day)
