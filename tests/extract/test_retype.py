"""A transfer inside one country is a purchase (records built for these tests)."""

from __future__ import annotations

from materiel.extract.merge import Candidate
from materiel.extract.retype import (
    bought_for_own_forces,
    deliveries_under_purchase,
    home_transfer_to_purchase,
)
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


def _record(type_: str, roles: dict[str, list[tuple[str, str, str]]]) -> Candidate:
    args = {role: [Argument(text=v[0]) for v in vals] for role, vals in roles.items()}
    kb = {
        id(a): v[1:]
        for role, vals in roles.items()
        for a, v in zip(args[role], vals, strict=True)
    }
    return Candidate(event=Event(doc="d", type=type_, evidence="e", args=args), kb=kb)


def test_delivery_of_what_the_recipient_bought_is_a_purchase():
    bought = _record("procurement", {"buyer": [("Oslandia", "country", "OS")],
                                     "seller": [("Northyard", "company", "NR")]})
    delivered = _record("aid", {"donor": [("Norland", "country", "NR")],
                                "recipient": [("Oslandian Navy", "armed_force", "OS")]})
    deliveries_under_purchase([bought, delivered])
    assert delivered.event.type == "procurement"
    assert [a.text for a in delivered.event.args["buyer"]] == ["Oslandian Navy"]
    assert [a.text for a in delivered.event.args["seller"]] == ["Norland"]


def test_gift_to_a_third_party_stays_aid():
    bought = _record("procurement", {"buyer": [("Norland", "country", "NR")],
                                     "seller": [("Eastyard", "company", "ES")]})
    given = _record("aid", {"donor": [("Norland", "country", "NR")],
                            "recipient": [("Oslandia", "country", "OS")]})
    deliveries_under_purchase([bought, given])
    assert given.event.type == "aid"


def test_aid_read_from_a_purchase_for_the_buyers_own_force_goes():
    c = _aid(("Kerel defence ministry", "government", "KE"), ("Kerel Navy", "country", "KE"))
    c.bought_for = True
    bought_for_own_forces(c)
    assert c.rejected is not None


def test_aid_read_from_a_purchase_for_another_state_stays():
    c = _aid(("Kerel", "country", "KE"), ("Brask army", "country", "BR"))
    c.bought_for = True
    bought_for_own_forces(c)
    assert c.rejected is None
    c = _aid(("Kerel", "country", "KE"), ("Kerel Navy", "country", "KE"))
    bought_for_own_forces(c)  # an aid told as such, not read from a purchase: other rules judge
    assert c.rejected is None
