"""A transfer inside one country is a purchase, not aid.

Aid goes from one party to another one (spec: "military assistance to another party"). When
the giver is a company or a body of the very country that receives ("HAL delivered jets to
the Indian Air Force", "the Army Contracting Command awarded trucks to the U.S. Army"), the
sentence tells a delivery under a purchase: the record becomes a procurement, the receiving
force its buyer and a giving company its seller.
"""

from __future__ import annotations

from materiel.extract.merge import Candidate

_SELLERS = ("company",)


def home_transfer_to_purchase(c: Candidate) -> None:
    """Retype an aid record whose donors all belong to the recipients' one country."""
    e = c.event
    if e.type != "aid":
        return
    donors, recipients = e.args.get("donor", []), e.args.get("recipient", [])
    if not donors or not recipients:
        return
    home = {c.kb.get(id(a), ("", None))[1] for a in recipients}
    if len(home) != 1 or None in home:
        return
    facts = [c.kb.get(id(a)) for a in donors]
    if any(f is None or f[1] not in home or f[0] in ("country", "person") for f in facts):
        return
    e.type = "procurement"
    sellers = [a for a, f in zip(donors, facts, strict=True) if f and f[0] in _SELLERS]
    bodies = [a for a in donors if a not in sellers]
    e.args = {
        ("buyer" if role == "recipient" else role): vals
        for role, vals in e.args.items()
        if role != "donor"
    }
    e.args["buyer"] = bodies + e.args["buyer"]
    if sellers:
        e.args["seller"] = sellers
