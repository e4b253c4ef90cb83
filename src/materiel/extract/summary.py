"""A short generated line per event ("Germany plans to order artillery shells from Rheinmetall")."""

from __future__ import annotations

from materiel.models import Argument, Event

_VERBS = {
    "procurement": {"planned": "plans to buy", "announced": "orders", "done": "bought"},
    "aid": {"planned": "plans to send", "announced": "pledges", "done": "sent"},
    "production": {"planned": "plans to produce", "announced": "produces", "done": "produced"},
    "agreement": {
        "planned": "plan an agreement",
        "announced": "agree",
        "done": "signed an agreement",
    },
    "sanction": {"planned": "plans sanctions on", "announced": "sanctions", "done": "sanctioned"},
    "meeting": {"planned": "to meet", "announced": "meet", "done": "met"},
    "spending": {
        "planned": "plans defense spending of",
        "announced": "sets defense spending at",
        "done": "spent",
    },
    "strike": {"planned": "plans to strike", "announced": "strikes", "done": "struck"},
}


def _names(args: list[Argument], limit: int = 3) -> str:
    seen: list[str] = []
    for a in args:
        n = a.name or a.text
        if n not in seen:
            seen.append(n)
    seen = seen[:limit]
    if len(seen) <= 1:
        return "".join(seen)
    return ", ".join(seen[:-1]) + " and " + seen[-1]


def _amount(e: Event) -> str:
    parts = []
    q = e.args.get("quantity") or []
    if q:
        parts.append(q[0].text)
    v = e.args.get("value") or []
    if v:
        parts.append(v[0].text)
    return " ".join(parts)


def _goods(e: Event, items: str, default: str) -> str:
    """ "152 K9 Thunder worth $2.6 billion": the count before the goods, the value after."""
    q = e.args.get("quantity") or []
    v = e.args.get("value") or []
    what = " ".join(x for x in (q[0].text if q else "", items) if x) or default
    return f"{what} worth {v[0].text}" if v else what


def summarize(e: Event) -> str:
    a = e.args
    verb = _VERBS.get(e.type, {}).get(e.status or "announced", "")
    items = _names(a.get("item", []), 2)
    amount = _amount(e)
    if e.type == "procurement":
        s = f"{_names(a.get('buyer', [])) or 'A buyer'} {verb} {_goods(e, items, 'military goods')}"
        if a.get("seller"):
            s += f" from {_names(a['seller'])}"
    elif e.type == "aid":
        s = f"{_names(a.get('donor', [])) or 'A donor'} {verb} {_goods(e, items, 'military aid')}"
        if a.get("recipient"):
            s += f" to {_names(a['recipient'])}"
    elif e.type == "production":
        goods = _goods(e, items, "military goods")
        s = f"{_names(a.get('producer', [])) or 'A producer'} {verb} {goods}"
        if a.get("location"):
            s += f" in {_names(a['location'], 1)}"
        if a.get("partner"):
            s += f" with {_names(a['partner'])}"
    elif e.type == "agreement":
        s = f"{_names(a.get('party', [])) or 'Parties'} {verb}"
        if items:
            s += f" on {items}"
    elif e.type == "sanction":
        who = _names(a.get("imposer", [])) or "A government"
        s = f"{who} {verb} {_names(a.get('target', [])) or 'targets'}"
    elif e.type == "meeting":
        parts = _names(a.get("participant", []), 4) or "Officials"
        s = f"{parts} {verb}"
        if a.get("location"):
            s += f" in {_names(a['location'], 1)}"
    elif e.type == "spending":
        s = f"{_names(a.get('spender', [])) or 'A government'} {verb} {amount or 'a new level'}"
    else:
        who = _names(a.get("attacker", [])) or "An attacker"
        s = f"{who} {verb} {_names(a.get('target', [])) or 'targets'}"
        if a.get("location"):
            s += f" in {_names(a['location'], 1)}"
    return " ".join(s.split())[:160]
