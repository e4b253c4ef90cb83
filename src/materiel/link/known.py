"""What the knowledge base and the gazetteer say about a resolved id, as far as matching
needs it: the country a person, body or place belongs to, whether an organisation is a
grouping of states (NATO, the G7), an equipment's family, and its names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Organisations whose members are states: a meeting "of the SCO" involves many sides.
GROUP_KINDS = frozenset({"alliance", "intergovernmental", "format"})
# The members of the small groupings whose leaders meet as such: a report of "the Quad
# summit" with Modi is the meeting another report gives leader by leader.
GROUP_MEMBERS: dict[str, frozenset[str]] = {
    f"organization:{group}": frozenset(f"country:{c}" for c in members.split())
    for group, members in {
        "quad": "US JP AU IN",
        "aukus": "AU GB US",
        "g7": "US GB FR DE IT JP CA",
        "brics": "BR RU IN CN ZA EG ET IR AE",
        "sco": "CN RU IN PK KZ KG TJ UZ IR BY",
    }.items()}


# The words a report may name an equipment by when it gives no name ("the jets", "an air
# defence system"): by the knowledge base's category, and by a word of its kind.
CATEGORY_WORDS: dict[str, frozenset[str]] = {
    category: frozenset(found.split()) for category, found in {
        "aircraft": "aircraft", "air-defence": "defence defense", "missiles": "missile",
        "armoured-vehicles": "vehicle armoured armored", "ships": "ship vessel warship",
        "drones": "drone uav", "artillery": "artillery", "munitions": "munition ammunition",
        "engines": "engine", "sensors": "sensor",
    }.items()}
KIND_WORDS: dict[str, frozenset[str]] = {
    head: frozenset(found.split()) for head, found in {
        "fighter": "fighter jet warplane plane", "trainer": "trainer jet plane",
        "helicopter": "helicopter chopper", "drone": "drone uav", "tank": "tank",
        "submarine": "submarine", "frigate": "frigate warship", "destroyer": "destroyer warship",
        "corvette": "corvette warship", "howitzer": "howitzer gun", "missile": "missile",
        "radar": "radar", "engine": "engine", "transport": "transport plane",
        "launcher": "launcher", "rifle": "rifle",
    }.items()}


def kind_words(category: str, kind: str) -> frozenset[str]:
    """The words for the kind of thing an equipment is ("jet" for a multirole fighter)."""
    out = set(CATEGORY_WORDS.get(category, frozenset()))
    for word in kind.casefold().replace("-", " ").split():
        out |= KIND_WORDS.get(word, frozenset())
    return frozenset(out)


@dataclass(frozen=True)
class Known:
    country: str | None = None  # "country:US"
    group: bool = False
    family: str | None = None  # "equipment:t-50" for the FA-50
    names: tuple[str, ...] = ()  # its name and aliases
    members: frozenset[str] = frozenset()  # a grouping's member countries, when known
    kinds: frozenset[str] = frozenset()  # words for an equipment's kind (kind_words)


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
                 names=(str(entry.name), *map(str, entry.aliases or ())),
                 members=GROUP_MEMBERS.get(entity_id, frozenset()),
                 kinds=kind_words(str(facts.get("category") or ""),
                                  str(facts.get("kind") or "")))


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
