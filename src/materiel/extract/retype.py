"""A transfer inside one country, or of what the recipient bought, is a purchase, not aid.

Aid goes from one party to another one (spec: "military assistance to another party"). When
the giver is a company or a body of the very country that receives ("HAL delivered jets to
the Indian Air Force", "the Army Contracting Command awarded trucks to the U.S. Army"), the
sentence tells a delivery under a purchase: the record becomes a procurement, the receiving
force its buyer and a giving company its seller. Likewise a delivery of goods that the document
tells the recipient's country bought from the giver's country ("Norland delivered two frigates
to the Oslandian Navy" after "Oslandia signed a contract with a Norland yard").
"""

from __future__ import annotations

from materiel.extract.merge import Candidate, arg_key
from materiel.models import Argument, Event
from materiel.nlp.roles import ARMED_FORCE_WORDS
from materiel.nlp.spans import PRONOUNS

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


def bought_for_own_forces(c: Candidate) -> None:
    """A purchase made for a force of the buyer's own country is no aid besides the purchase
    ("the MoD awarded BAE a contract to build three support ships for the Royal Navy"): the
    aid record read from it goes when the buyer and the force belong to one country."""
    e = c.event
    if e.type != "aid" or not c.bought_for or c.rejected is not None:
        return
    home = {c.kb.get(id(a), ("", None))[1] for a in e.args.get("recipient", [])}
    donors = {c.kb.get(id(a), ("", None))[1] for a in e.args.get("donor", [])}
    if len(home) == 1 and None not in home and donors == home:
        c.rejected = "bought for its own forces"


def own_arms_funded(c: Candidate) -> None:
    """Money for a state's own arms is no aid: an aid record whose recipient was read as the
    owner of the arms ("Congress approved $2 billion in funding for America's missile defence",
    "Berlin approved funding for Germany's air defence", "the chancellor announced £1bn for
    Britain's air defence") stands only when a donor of another country is named."""
    e = c.event
    if e.type != "aid" or not c.owner_recipient or c.rejected is not None:
        return
    home = {c.kb.get(id(a), ("", None))[1] for a in e.args.get("recipient", [])}
    donors = e.args.get("donor", [])
    own = any(c.kb.get(id(a), ("", None))[1] in home - {None} for a in donors)
    named = [a for a in donors if c.labels.get(id(a)) != "NOUN"]  # not "the chancellor"
    if own or not named:
        c.rejected = "own arms funded"


def deliveries_under_purchase(cands: list[Candidate]) -> None:
    """Retype an aid record that delivers what the document tells its recipient bought.

    "Oslandia signed a contract with a Norland yard for two frigates ... Norland delivered two
    frigates to the Oslandian Navy": the delivery completes the purchase, it is not assistance.
    The purchase is a procurement record of the same document whose buyer is the recipient's
    country and whose seller is the giver's country or whose item is the delivered one.
    """
    purchases = [c for c in cands if c.event.type == "procurement" and c.rejected is None]
    if not purchases:
        return
    for c in cands:
        e = c.event
        if e.type != "aid" or c.rejected is not None:
            continue
        recipients = _countries(c, e.args.get("recipient", []))
        donors = _countries(c, e.args.get("donor", []))
        items = {tuple(arg_key(a)) for a in e.args.get("item", [])}
        if not recipients:
            continue
        for p in purchases:
            buyers = _countries(p, p.event.args.get("buyer", []))
            sellers = _countries(p, p.event.args.get("seller", []))
            bought = {tuple(arg_key(a)) for a in p.event.args.get("item", [])}
            if recipients & buyers and (donors & sellers or items & bought):
                _as_purchase(e)
                break


def plans_told_before(cands: list[Candidate], pointed: set[int]) -> None:
    """Drop a plan of goods only pointed back to ("The Kerel navy ordered two frigates in
    2022. It has plans to induct such frigates") when an earlier sentence of the document
    tells a purchase by the same buyer: that purchase told again. `pointed` holds the ids of
    such plans (the rules mark them, nlp.validate.procurement); another buyer's plan ("Brask
    also plans to buy these fighters") or one after goods only shown stays."""
    for c in cands:
        if id(c) not in pointed or c.rejected is not None:
            continue
        buyers = c.event.args.get("buyer", [])
        for p in cands:
            if p.sentence >= c.sentence:
                break
            if (
                id(p) not in pointed
                and p.rejected is None
                and p.event.type == "procurement"
                and _same_buyer(c, buyers, p, p.event.args.get("buyer", []))
            ):
                c.rejected = "goods told before"
                break


def _same_buyer(c: Candidate, mine: list[Argument], p: Candidate, theirs: list[Argument]) -> bool:
    """A buyer left untold or told by a pronoun ("it now plans to buy these jets") is the one
    before; else the same country by the knowledge base, or, unlinked, a shared word beside
    the names of services."""
    if all(a.text.lower() in PRONOUNS for a in mine):
        return True  # none, or "it"
    if not theirs:
        return False
    countries, other = _countries(c, mine), _countries(p, theirs)
    if countries and other:
        return bool(countries & other)
    words = {w for a in mine for w in arg_key(a)} - ARMED_FORCE_WORDS
    return bool(words & ({w for a in theirs for w in arg_key(a)} - ARMED_FORCE_WORDS))


def _countries(c: Candidate, args: list[Argument]) -> set[str]:
    return {f[1] for a in args if (f := c.kb.get(id(a))) is not None and f[1]}


def _as_purchase(e: Event) -> None:
    e.type = "procurement"
    e.args = {
        {"recipient": "buyer", "donor": "seller"}.get(role, role): vals
        for role, vals in e.args.items()
    }
