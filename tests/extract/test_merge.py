"""Merging the mentions of one event into one record."""

from __future__ import annotations

from materiel.extract.merge import Candidate, conflict, merge
from materiel.models import Argument, Event
from materiel.nlp.types import DateValue


def cand(type_: str, date: str | None = None, score: float = 0.6, **args: list[str]) -> Candidate:
    ev = Event(doc="d", type=type_, evidence=f"{type_} {args}")
    for role, vals in args.items():
        ev.args[role] = [
            Argument(text=v, value=float(v) if v.replace(".", "").isdigit() else None) for v in vals
        ]
    dv = DateValue(date, "day" if date and len(date) == 10 else "month", 0, 1) if date else None
    return Candidate(event=ev, score=score, date=dv)


def test_same_event_twice_becomes_one_with_union_of_roles():
    a = cand("procurement", buyer=["Romania"], item=["Piranha vehicles"])
    b = cand(
        "procurement", score=0.8, buyer=["Romania"], seller=["General Dynamics"], quantity=["54"]
    )
    (m,) = merge([a, b])
    assert {r: [x.text for x in v] for r, v in m.event.args.items()} == {
        "buyer": ["Romania"],
        "item": ["Piranha vehicles"],
        "seller": ["General Dynamics"],
        "quantity": ["54"],
    }
    assert m.mentions == 2 and m.score == 0.8  # evidence of the clearer mention


def test_different_actions_stay_apart():
    order = cand("procurement", "2020-02", buyer=["India"], quantity=["6"])
    later = cand("procurement", "2024-02", buyer=["India"], quantity=["6"])
    assert len(merge([order, later])) == 2  # different dates
    a = cand("aid", donor=["Norway"], value=["100"])
    b = cand("aid", donor=["Norway"], value=["250"])
    assert len(merge([a, b])) == 2  # different amounts
    c = cand("aid", donor=["Norway"], item=["howitzers"])
    d = cand("aid", donor=["Denmark"], item=["howitzers"])
    assert conflict(c, d) and len(merge([c, d])) == 2  # different donors


def test_generic_item_does_not_split():
    a = cand("production", producer=["Latvia"], item=["IRIS-T missiles"])
    b = cand("production", producer=["Latvia"], item=["machine"])
    assert len(merge([a, b])) == 1


def test_meetings_need_a_shared_participant():
    a = cand("meeting", participant=["Olaf Scholz", "Emmanuel Macron"])
    b = cand("meeting", participant=["Macron"], location=["Paris"])
    c = cand("meeting", participant=["Pedro Sanchez"])
    out = merge([a, b, c])
    assert len(out) == 2
    assert [x.text for x in out[0].event.args["location"]] == ["Paris"]


def test_more_precise_date_wins():
    a = cand("sanction", "2024-05", imposer=["Japan"])
    b = cand("sanction", "2024-05-17", imposer=["Japan"])
    (m,) = merge([a, b])
    assert m.date is not None and m.date.value == "2024-05-17"


def test_agreement_to_produce_is_the_production():
    prod = cand("production", producer=["Aselsan"], partner=["Poland"], item=["radars"])
    agr = cand("agreement", party=["Aselsan", "Poland"])
    (m,) = merge([prod, agr])
    assert m.event.type == "production" and m.mentions == 2


def test_stories_kept_apart_when_asked():
    a = cand("strike", attacker=["Russia"])
    b = cand("strike", attacker=["Russia"])
    b.story = 1
    assert len(merge([a, b], by_story=True)) == 2
    assert len(merge([a, b], by_story=False)) == 1


def _heading(c: Candidate) -> Candidate:
    c.heading = True
    return c


def test_headline_joins_the_body_record_it_names():
    title = _heading(cand("meeting", participant=["Polish envoy", "army chief"]))
    body = cand("meeting", "2024-03-05", participant=["Anna Nowak", "General Ruiz"])
    other = cand("procurement", buyer=["Chile"], item=["radars"])
    out = merge([title, body, other], published="2024-03-06")
    meetings = [c for c in out if c.event.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].mentions == 2
    assert [a.text for a in meetings[0].event.args["participant"]] == ["Anna Nowak", "General Ruiz"]


def test_headline_stays_apart_from_what_tells_it_apart():
    # a plan is not the fact the headline reports
    title = _heading(cand("production", producer=["Acme"], item=["ammunition"]))
    title.event.status = "announced"
    plan = cand("production", producer=["Acme"], item=["shells"])
    plan.event.status = "planned"
    assert len(merge([title, plan])) == 2
    # nor is a meeting of years ago
    title = _heading(cand("meeting", participant=["Vice President"]))
    old = cand("meeting", "2022-02", participant=["Zelensky"])
    assert len(merge([title, old], published="2024-06-15")) == 2
    # nor a different amount
    title = _heading(cand("aid", donor=["Norway"], value=["100"]))
    body = cand("aid", donor=["Norway"], value=["250"])
    assert len(merge([title, body])) == 2
