"""What the knowledge base and the gazetteer say about a resolved id, as far as matching
needs it: the country a person, body or place belongs to, whether an organisation is a
grouping of states (NATO, the G7), an equipment's family, a company's parents, whether an
organisation is a body of its state (a ministry, an armed force, an agency), and its names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Organisations whose members are states: a meeting "of the SCO" involves many sides.
GROUP_KINDS = frozenset({"alliance", "intergovernmental", "format"})
# Organisations (and state agencies listed as companies, DRDO) that act for their state: the
# ministry that signs an order signs it for the forces that will use what it buys.
STATE_BODY_KINDS = frozenset({"agency", "armed-force", "ministry"})
# Enough links of a chain of owners (a lab, its agency; a unit, its group, its owner).
MAX_PARENTS = 4
# The longest equipment name looked for in a sentence, in words ("Tejas Mark-2 project").
MAX_NAME_WORDS = 4
_PUNCTUATION = ".,;:'\"()“”‘’"
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
    parents: frozenset[str] = frozenset()  # the companies (or agencies) that own it, up the chain
    state_body: bool = False  # a ministry, armed force or agency of its country


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

    kb = load_kb()
    entry = kb.get(entity_id)
    if entry is None:
        return None
    facts = entry.facts or {}
    own = entry.type == "country"
    parents: list[str] = []
    parent = facts.get("parent")
    while parent and str(parent) not in parents and len(parents) < MAX_PARENTS:
        parents.append(str(parent))
        above = kb.get(str(parent))
        parent = (above.facts or {}).get("parent") if above is not None else None
    return Known(country=None if own or not entry.country else f"country:{entry.country}",
                 group=entry.type == "organization" and facts.get("kind") in GROUP_KINDS,
                 family=str(facts["family"]) if facts.get("family") else None,
                 names=(str(entry.name), *map(str, entry.aliases or ())),
                 members=GROUP_MEMBERS.get(entity_id, frozenset()),
                 kinds=kind_words(str(facts.get("category") or ""),
                                  str(facts.get("kind") or "")),
                 parents=frozenset(parents),
                 state_body=entry.type in ("organization", "company")
                 and facts.get("kind") in STATE_BODY_KINDS)


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


@lru_cache(maxsize=16384)
def equipment_named(text: str) -> frozenset[str]:
    """The equipment a sentence names by a name or alias the knowledge base knows, longest
    names first ("the LCA-Mk2", "the Tejas Mark-2 project": the Tejas Mk2)."""
    from materiel.kb import load_kb

    kb = load_kb()
    tokens = [t.strip(_PUNCTUATION) for t in text.split()]
    covered: set[int] = set()
    found: set[str] = set()
    for size in range(MAX_NAME_WORDS, 0, -1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if covered.intersection(span):
                continue
            ids = {entity_id for entity_id, kind in kb.lookup(" ".join(tokens[start:start + size]))
                   if entity_id.startswith("equipment:") and kind in ("name", "alias")}
            if ids:
                found |= ids
                covered.update(span)
    return frozenset(found)
