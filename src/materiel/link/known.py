"""What the knowledge base and the gazetteer say about a resolved id, as far as matching
needs it: the country a person, body or place belongs to, whether an organisation is a
grouping of states (NATO, the G7), an equipment's family, and its names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Organisations whose members are states: a meeting "of the SCO" involves many sides.
GROUP_KINDS = frozenset({"alliance", "intergovernmental", "format"})


@dataclass(frozen=True)
class Known:
    country: str | None = None  # "country:US"
    group: bool = False
    family: str | None = None  # "equipment:t-50" for the FA-50
    names: tuple[str, ...] = ()  # its name and aliases


Lookup = Callable[[str], Known | None]


def _place(entity_id: str) -> Known | None:
    from materiel.kb.locations import gazetteer

    try:
        place = gazetteer().place(int(entity_id.partition(":")[2]))
    except ValueError:
        return None
    if place is None:
        return None
    return Known(country=f"country:{place.country}" if place.country else None,
                 names=(place.name,))


@lru_cache(maxsize=16384)
def known(entity_id: str) -> Known | None:
    """The default lookup: the built-in knowledge base and gazetteer."""
    if entity_id.startswith("geonames:"):
        return _place(entity_id)
    if entity_id.startswith(("new:", "name:")):
        return None
    from materiel.kb import load_kb

    entry = load_kb().get(entity_id)
    if entry is None:
        return None
    facts = entry.facts or {}
    own = entry.type == "country"
    return Known(country=None if own or not entry.country else f"country:{entry.country}",
                 group=entry.type == "organization" and facts.get("kind") in GROUP_KINDS,
                 family=str(facts["family"]) if facts.get("family") else None,
                 names=(str(entry.name), *map(str, entry.aliases or ())))


@lru_cache(maxsize=1)
def _group_names() -> frozenset[str]:
    """One-word names of groupings of states ("NATO", "SCO", "G7", "Quad"), lower-cased."""
    from materiel.kb import load_kb

    out: set[str] = set()
    for entry in load_kb().entries.values():
        facts = entry.facts or {}
        if entry.type != "organization" or facts.get("kind") not in GROUP_KINDS:
            continue
        vague = {str(a).casefold() for a in facts.get("ambiguous_aliases") or ()}
        for name in (entry.name, *(entry.aliases or ())):
            folded = str(name).casefold()
            if " " not in folded and folded not in vague:
                out.add(folded)
    return frozenset(out)


@lru_cache(maxsize=16384)
def country_named(text: str) -> str | None:
    """The country an unresolved name names ("his Russian counterpart" -> "country:RU")."""
    from materiel.kb import load_kb

    kb = load_kb()
    for word in text.replace("-", " ").split():
        for entity_id, kind in kb.lookup(word.strip(".,;:'\"()")):
            if entity_id.startswith("country:") and kind in ("name", "demonym", "alias"):
                return str(entity_id)
    return None


def names_group(text: str) -> bool:
    """Whether an unresolved name names a grouping ("SCO foreign ministers")."""
    return any(w.strip(".,;:'\"()") in _group_names() for w in text.casefold().split())
