"""A transfer inside one country is a purchase (records built for these tests)."""

from __future__ import annotations

from materiel.extract.merge import Candidate
from materiel.extract.retype import home_transfer_to_purchase
from materiel.models import Argument, Event


def _aid(donor: tuple[str, str, str], recipient: tuple[str, str, str]) -> Candidate:
    d, r = Argument(text=donor[0]), Argument(text=recipient[0])
    ev = Event(doc="d", type="aid", evidence="e", args={"donor": [d], "recipient": [r]})
    return Candidate(event=ev, kb={id(d): donor[1:], id(r): recipient[1:]})


def test_home_company_delivering_to_its_army_is_a_sale():
    c = _aid(("Patria", "company", "FI"), ("Finnish Army", "country", "FI"))
    home_transfer_to_purchase(c)
    assert c.event.type == "procurement"
    assert [a.text for a in c.event.args["seller"]] == ["Patria"]
    assert [a.text for a in c.event.args["buyer"]] == ["Finnish Army"]


def test_foreign_donor_stays_aid():
    c = _aid(("Patria", "company", "FI"), ("Estonian Army", "country", "EE"))
    home_transfer_to_purchase(c)
    assert c.event.type == "aid"
    c = _aid(("Finland", "country", "FI"), ("Finnish Army", "country", "FI"))
    home_transfer_to_purchase(c)
    assert c.event.type == "aid"  # a country is no seller of its own army
