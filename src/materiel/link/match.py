"""Whether two event mentions from different documents report the same real event, a
later stage of the same story (an order, then its delivery), or something else.

Pure functions over `Facts`; the store side (`materiel.link.canonical`) finds candidates
through `index_keys` / `lookup_keys` and keeps the decisions.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from materiel.link.facts import STORY_ORDER, Facts, Party

# Two day-precise dates of one event differ by at most this (an announcement the day before,
# time zones, a report dated the next morning).
DAY_WINDOW = 2
PLANNED_AHEAD = 7
# Amounts of one event reported by different outlets ("$400m" and "$425m").
VALUE_TOLERANCE = 0.1
# Roles whose every member must be shared (one meeting is not another pair's meeting).
EXACT_ROLES = frozenset({"participant"})
MIN_SHARED_FACTS = 2


class Decision(Enum):
    SAME = "same"
    STORY = "story"  # one story, different stages: linked, not merged
    APART = "apart"


def _dates_agree(a: Facts, b: Facts) -> bool:
    """Dates within each other's precision, give or take DAY_WINDOW days; a planned event
    is dated when it was announced, so it may take place up to PLANNED_AHEAD days later."""
    if a.when is None or b.when is None:
        return a.when is b.when
    gap = a.when.gap(b.when)
    if gap <= DAY_WINDOW:
        return True
    first, later = (a, b) if a.when.lo <= b.when.lo else (b, a)
    return first.status == "planned" and gap <= PLANNED_AHEAD


def _people_by_country(parties: frozenset[Party]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in parties:
        if p.key != p.side:
            out.setdefault(p.side, set()).add(p.key)
    return out


def _people_differ(mine: frozenset[Party], theirs: frozenset[Party]) -> bool:
    """Different people acting for one country: not the same occasion (the President's
    meeting is not the Vice President's)."""
    people_a, people_b = _people_by_country(mine), _people_by_country(theirs)
    return any(not people_a[c] & people_b[c] for c in set(people_a) & set(people_b))


def _shared_parties(a: Facts, b: Facts) -> int | None:
    """How many sides (a person counts as their country) the two share; None when a role
    both name disagrees."""
    shared: set[str] = set()
    for role in set(a.parties) & set(b.parties):
        mine, theirs = a.sides[role], b.sides[role]
        keys_a = mine | {p.key for p in a.parties[role]}
        keys_b = theirs | {p.key for p in b.parties[role]}
        if not keys_a & keys_b or _people_differ(a.parties[role], b.parties[role]):
            return None
        if role in EXACT_ROLES and not (mine <= theirs or theirs <= mine):
            return None
        shared |= mine & theirs
    return len(shared)


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def _numbers_agree(a: Facts, b: Facts) -> bool:
    if a.quantities and b.quantities and not a.quantities & b.quantities:
        return False
    if a.values and b.values:
        return any(ca == cb and _close(va, vb, VALUE_TOLERANCE)
                   for va, ca in a.values for vb, cb in b.values)
    return True


def _items_agree(a: Facts, b: Facts) -> bool:
    return not (a.items and b.items) or bool(a.items & b.items)


def _places_agree(a: Facts, b: Facts) -> bool:
    return not (a.places and b.places) or bool(a.places & b.places)


def _stages_differ(a: Facts, b: Facts) -> bool:
    return a.stage is not None and b.stage is not None and a.stage != b.stage


def _corroboration(a: Facts, b: Facts, shared_parties: int) -> int:
    """How many independent facts the two share: parties, and numbers, items and places
    that both give and that agree. One shared fact (just "India") identifies nothing."""
    score = shared_parties
    score += bool(a.quantities & b.quantities)
    score += bool(a.values and b.values and _numbers_agree(a, b))
    score += bool(a.items & b.items)
    score += bool(a.places & b.places)
    return score


def compare(a: Facts, b: Facts, *, within_document: bool = False) -> Decision:
    """SAME when everything known agrees (type, parties, dates within each other's
    precision, numbers, items and places) and at least two facts are shared; STORY when the
    stage differs (an order, then its delivery). Two events of one document are apart
    (extraction merged a document's own mentions) unless `within_document`."""
    if a.type != b.type or (a.document_id == b.document_id and not within_document):
        return Decision.APART
    shared = _shared_parties(a, b)
    if not shared or not _items_agree(a, b):
        return Decision.APART
    if _corroboration(a, b, shared) < MIN_SHARED_FACTS:
        return Decision.APART
    if _stages_differ(a, b):
        return Decision.STORY
    if not (_dates_agree(a, b) and _numbers_agree(a, b)
            and _places_agree(a, b)):
        return Decision.APART
    return Decision.SAME


def strength(a: Facts, b: Facts) -> int:
    """How many facts two matching mentions share (to prefer the best of several matches)."""
    shared = _shared_parties(a, b)
    return _corroboration(a, b, shared) if shared else 0


def story_order(a: Facts, b: Facts) -> tuple[Facts, Facts]:
    """The two stages of one story, earlier first."""
    rank = {s: i for i, s in enumerate(STORY_ORDER)}
    if rank.get(a.stage or "", 0) <= rank.get(b.stage or "", 0):
        return a, b
    return b, a


def _months(lo: date, hi: date) -> list[str]:
    out = []
    year, month = lo.year, lo.month
    while (year, month) <= (hi.year, hi.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _periods(facts: Facts, lookup: bool) -> list[str]:
    """The periods a mention is indexed under (or looks up): the months its date window
    covers (for a planned event, the days it may take place in too); a year-precise date is
    indexed under its year and looks up every month of it, and a month- or day-precise one
    also looks up its year, so either side finds the other."""
    when = facts.when
    if when is None:
        return ["undated"]
    if when.precision == 1 and (when.hi - when.lo).days > 62:  # the whole year
        year = when.lo.year
        return [str(year)] + ([f"{year:04d}-{m:02d}" for m in range(1, 13)] if lookup else [])
    ahead = PLANNED_AHEAD if facts.status == "planned" else DAY_WINDOW
    months = _months(when.lo - timedelta(days=DAY_WINDOW), when.hi + timedelta(days=ahead))
    return months + ([str(when.lo.year)] if lookup else [])


def index_keys(facts: Facts) -> set[str]:
    """The candidate keys a canonical event is found by: type, party and period."""
    return {f"{facts.type}|{party}|{period}" for party in facts.all_parties()
            for period in _periods(facts, lookup=False)}


def lookup_keys(facts: Facts) -> set[str]:
    return {f"{facts.type}|{party}|{period}" for party in facts.all_parties()
            for period in _periods(facts, lookup=True)}
