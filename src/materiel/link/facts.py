"""What the matcher knows of one event mention: its type, stage, date range, parties, items
and numbers, normalised so that two reports of one event compare equal.

Built from the store's rows (or any mapping of role -> [argument dicts]), so the matcher
itself never touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from materiel.models import ROLES

NUMBER_ROLES = frozenset({"quantity", "value"})
PLACE_ROLES = frozenset({"location"})
PARTY_ROLES = {t: tuple(r for r in roles if r not in NUMBER_ROLES | PLACE_ROLES | {"item"})
               for t, roles in ROLES.items()}
# Without a date in the text, the event happened on or shortly before publication.
UNDATED_LOOKBACK_DAYS = 7
# A date known only to the year is taken to be near publication (news reports what is
# happening): within this many days of it, inside that year.
VAGUE_DATE_DAYS = 14

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "and", "for", "to", "in", "on", "with", "its",
                   "their", "new", "more", "additional", "other", "some", "s"})

# The stage an event's sentence reports, for follow-ups of one story (an order, then its
# delivery): a word family per stage, matched on word starts.
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "request": ("request", "seek", "sought", "ask"),
    "approval": ("approv", "clear", "authoriz", "authoris", "sanction"),
    "order": ("order", "contract", "sign", "buy", "bought", "purchas", "procur", "acquir"),
    "production": ("produc", "manufactur", "roll", "assembl"),
    "delivery": ("deliver", "hand", "arriv", "receiv", "induct", "ship", "transferr"),
}
STORY_ORDER = ("request", "approval", "order", "production", "delivery")
STORY_TYPES = frozenset({"procurement", "aid", "production"})


def normalise(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def words(text: str) -> frozenset[str]:
    """Content words, with a plural "s" taken off (radars, radar)."""
    out = set()
    for w in _WORD.findall(text.casefold()):
        if w in _STOP or w.isdigit():
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def party_key(arg: Mapping[str, Any]) -> str:
    """A party's identity: its knowledge-base id when resolved, else its normalised name."""
    if arg.get("id"):
        return str(arg["id"])
    return "name:" + normalise(str(arg.get("name") or arg.get("text") or ""))


@lru_cache(maxsize=4096)
def person_country(entity_id: str) -> str | None:
    """The country a known person acts for ("person:joe-biden" -> "country:US"): a leader
    and their country are one side of an event."""
    if not entity_id.startswith("person:"):
        return None
    from materiel.kb import load_kb

    entry = load_kb().get(entity_id)
    return f"country:{entry.country}" if entry is not None and entry.country else None


@dataclass(frozen=True)
class DateRange:
    lo: date
    hi: date
    precision: int  # 3 day, 2 month, 1 year, 0 publication date only

    def gap(self, other: DateRange) -> int:
        """Days between the two ranges (0 when they overlap)."""
        if self.hi < other.lo:
            return (other.lo - self.hi).days
        if other.hi < self.lo:
            return (self.lo - other.hi).days
        return 0


def _parse(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    nums += [None] * (3 - len(nums))  # type: ignore[list-item]
    return nums[0], nums[1], nums[2]


def date_range(event_date: str | None, published: str | None) -> DateRange | None:
    parsed = _parse(event_date)
    try:
        if parsed is not None:
            year, month, day = parsed
            if month is None:
                return _near_publication(year, published)
            if day is None:
                first = date(year, month, 1)
                following = date(year + month // 12, month % 12 + 1, 1)
                return DateRange(first, following - timedelta(days=1), 2)
            return DateRange(date(year, month, day), date(year, month, day), 3)
        pub = _parse(published)
        if pub is not None and pub[1] is not None and pub[2] is not None:
            day_of = date(pub[0], pub[1], pub[2])
            return DateRange(day_of - timedelta(days=UNDATED_LOOKBACK_DAYS), day_of, 0)
    except ValueError:  # 2024-02-30
        return None
    return None


def _near_publication(year: int, published: str | None) -> DateRange:
    whole = DateRange(date(year, 1, 1), date(year, 12, 31), 1)
    pub = _parse(published)
    if pub is None or pub[1] is None or pub[2] is None:
        return whole
    around = timedelta(days=VAGUE_DATE_DAYS)
    day_of = date(pub[0], pub[1], pub[2])
    lo, hi = max(whole.lo, day_of - around), min(whole.hi, day_of + around)
    return DateRange(lo, hi, 1) if lo <= hi else whole


def stage_of(event_type: str, status: str | None, evidence: str) -> str | None:
    """Which stage of a story the sentence reports (None: cannot tell)."""
    if event_type not in STORY_TYPES:
        return None
    tokens = _WORD.findall(evidence.casefold())
    found = [s for s in STORY_ORDER
             if any(t.startswith(stem) for t in tokens for stem in STAGE_WORDS[s])]
    if len(found) == 1:
        return found[0]
    return None


@dataclass(frozen=True)
class Party:
    key: str  # KB id or "name:<normalised name>"
    side: str  # the country a person acts for, else the key itself


@dataclass(frozen=True)
class Facts:
    """One event mention as the matcher sees it."""

    event_id: int
    document_id: int
    type: str
    status: str | None
    stage: str | None
    when: DateRange | None
    parties: Mapping[str, frozenset[Party]]  # role -> parties
    items: frozenset[str]  # content words of the items, plus their KB ids
    quantities: frozenset[float]
    values: frozenset[tuple[float, str]]  # (amount, currency)
    places: frozenset[str]
    sides: Mapping[str, frozenset[str]] = field(default_factory=dict)  # role -> sides

    def all_parties(self) -> frozenset[str]:
        """Every party key and side (the candidate index is built on these)."""
        out: set[str] = set()
        for parties in self.parties.values():
            out |= {p.key for p in parties} | {p.side for p in parties}
        return frozenset(out)


def _parties(args: Iterable[Mapping[str, Any]],
             country_of: Callable[[str], str | None]) -> frozenset[Party]:
    out = set()
    for arg in args:
        key = party_key(arg)
        if key != "name:":
            out.add(Party(key, country_of(key) or key))
    return frozenset(out)


def build(event_id: int, document_id: int, event_type: str, status: str | None,
          event_date: str | None, published: str | None, evidence: str,
          args: Mapping[str, Iterable[Mapping[str, Any]]],
          country_of: Callable[[str], str | None] = person_country) -> Facts:
    parties = {}
    for role in PARTY_ROLES.get(event_type, ()):
        found = _parties(args.get(role, ()), country_of)
        if found:
            parties[role] = found
    items: set[str] = set()
    for arg in args.get("item", ()):
        items |= words(str(arg.get("name") or arg.get("text") or ""))
        if arg.get("id"):
            items.add(str(arg["id"]))
    quantities = frozenset(float(a["value"]) for a in args.get("quantity", ())
                           if a.get("value") is not None)
    values = frozenset((float(a["value"]), str(a.get("currency") or ""))
                       for a in args.get("value", ()) if a.get("value") is not None)
    places = frozenset(party_key(a) for a in args.get("location", ()))
    return Facts(event_id=event_id, document_id=document_id, type=event_type, status=status,
                 stage=stage_of(event_type, status, evidence),
                 when=date_range(event_date, published), parties=parties,
                 items=frozenset(items), quantities=quantities, values=values, places=places,
                 sides={role: frozenset(p.side for p in ps) for role, ps in parties.items()})
