"""What the matcher knows of one event mention: its type, stage, the range of dates it may
have happened on, its parties, items, places and numbers, normalised so that two reports of
one event compare equal.

Built from the store's rows (or any mapping of role -> [argument dicts]), so the matcher
itself never touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from materiel.link.known import Known, Lookup, country_named, equipment_named, known, names_group
from materiel.models import ROLES
from materiel.wordlists import word_set

NUMBER_ROLES = frozenset({"quantity", "value"})
PLACE_ROLES = frozenset({"location"})
PARTY_ROLES = {t: tuple(r for r in roles if r not in NUMBER_ROLES | PLACE_ROLES | {"item"})
               for t, roles in ROLES.items()}
# A mention without a date reports something that happened before it was published: an
# occasion (a meeting, a strike) or an announcement (an aid package, whose date is the day
# it is announced) in the days around publication; a plan in the months after it; a deal or
# a delivery done maybe years before ("after procuring five S-400 regiments").
OCCASION_TYPES = frozenset({"meeting", "strike"})
ANNOUNCED_TYPES = frozenset({"aid"})
OCCASION_PAST_DAYS = 3
# ... or of the last month when its sentence calls it recent
OCCASION_RECENT_DAYS = 31
RECENT_WORDS = word_set("link/facts", "recent_words")
FURTHER_WORDS = word_set("link/facts", "further_words")
CROWD_WORDS = word_set("link/facts", "crowd_words")
OCCASION_AHEAD_DAYS = 92
ANNOUNCED_DAYS = 10
PLAN_AHEAD_DAYS = 366
UNDATED_PAST_DAYS = 366 * 12

# Whether a sentence names a time ("today", "on Friday", "in March", "last week", "2022"):
# a light check, so that linking does not load the NLP pipeline in the writing process.
_MONTHS = ("january|february|march|april|june|july|august|september|october|november"
           "|december|jan|feb|apr|jun|jul|aug|sept|oct|nov|dec")  # "May": cased, below
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_COUNT = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
TIME_WORDS = re.compile(
    rf"(?i:\b(?:today|tonight|yesterday|tomorrow|{_DAYS}|{_MONTHS}|(?:19|20)\d\d"
    r"|(?:this|last|next|past|coming|earlier this|later this)\s+"
    r"(?:morning|afternoon|evening|night|week|weekend|month|year|spring|summer|autumn"
    r"|fall|winter)"
    rf"|{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later)"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b)|\bMay\b")

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset({"the", "a", "an", "of", "and", "for", "to", "in", "on", "with", "its", "his",
                   "her", "their", "new", "more", "additional", "other", "some", "s", "at",
                   "by", "from", "as", "all", "two", "three", "four", "five", "first", "this"})
# Words that name no one in particular: two names that share only these are not one name.
GENERIC = frozenset({
    "ministry", "minister", "ministers", "defence", "defense", "force", "forces", "air",
    "army", "navy", "naval", "government", "house", "council", "committee", "department",
    "state", "united", "national", "security", "foreign", "affairs", "office", "agency",
    "organisation", "organization", "republic", "people", "federal", "military", "president",
    "prime", "general", "official", "officials", "country", "countries", "leader", "leaders",
    "union", "counterpart", "counterparts", "administration", "indian", "american", "russian",
    "ukrainian", "chinese", "aid", "assistance", "weapon", "system", "equipment", "package",
    "support", "arm", "ammunition", "munition", "jet", "aircraft", "vehicle", "missile",
    "unit", "capability", "capabilities", "item", "additional", "worth", "million", "billion",
    "crore", "lakh", "dollar", "programme", "program", "project", "deal", "contract",
    "multi", "platform", "assets", "advanced", "modern", "indigenous", "heavy", "light",
    "range", "long", "short", "medium", "type", "class", "variant", "version", "model",
    "multi-million", "multi-billion", "multimillion", "multibillion",
    # titles and honorifics: "Shri Rajnath Singh" is Rajnath Singh, "Mr X" is not "Mr Y"
    "mr", "mrs", "ms", "dr", "shri", "sri", "smt", "shrimati", "sir", "hon", "honourable",
    "excellency", "gen", "lt", "col", "adm", "maj", "pm",
})

# The stage an event's sentence reports, for follow-ups of one story (an order, then its
# delivery): a word family per stage, matched on word starts.
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "request": ("request", "seek", "sought", "ask"),
    "approval": ("approv", "clear", "authoriz", "authoris", "sanction", "pass", "vote",
                 "appropriat"),
    # "sign" as in signed, signing, signature; not "significant"
    "order": ("order", "contract", "signe", "signing", "signat", "signs", "buy", "bought",
              "purchas", "procur", "acquir", "sold", "sell", "pledg"),
    "production": ("produc", "manufactur", "roll", "assembl", "unveil"),
    # the first flight or firing of what was made: a milestone of its own
    "trial": ("maiden", "flight", "flew", "trial", "test", "fired", "sortie"),
    "delivery": ("deliver", "hand", "arriv", "receiv", "induct", "ship", "transferr"),
}
# Words that, up to AHEAD_SPAN words before a stage word, put that stage still to come.
AHEAD_WORDS = word_set("link/facts", "ahead_words")
AHEAD_SPAN = 3
STORY_ORDER = ("request", "approval", "order", "production", "trial", "delivery")
STORY_TYPES = frozenset({"procurement", "aid", "production"})
# Types with no item role whose sentence names what the event is for: a budget is for a
# programme ("CCS sanctioned the LCA-Mk2"), found by the equipment names the sentence holds.
ITEM_IN_EVIDENCE_TYPES = frozenset({"spending"})
# A meeting the sentence calls one-to-one: not the summit around it.
BILATERAL_WORDS = ("bilateral", "one-on-one", "one-to-one", "tete-a-tete", "tête-à-tête")


def normalise(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """Content words, with a plural "s" taken off (radars, radar); model names stay whole
    ("s-400", "f-16")."""
    return frozenset(_stem(w) for w in _WORD.findall(text.casefold().replace("’", "'"))
                     if w not in _STOP and not w.isdigit())


_GENERIC_STEMS = frozenset(_stem(w) for w in GENERIC)


def distinctive(found: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in found if w not in _GENERIC_STEMS and len(w) > 1)


def party_key(arg: Mapping[str, Any]) -> str:
    """A party's identity: its knowledge-base id when resolved, else its normalised name."""
    if arg.get("id"):
        return str(arg["id"])
    return "name:" + normalise(str(arg.get("name") or arg.get("text") or ""))


def _slug_words(key: str) -> frozenset[str]:
    if key.startswith("new:"):
        return words(key[4:].replace("-", " "))
    return frozenset()


def linked(key: str) -> bool:
    return not key.startswith(("new:", "name:"))


@dataclass(frozen=True)
class DateRange:
    lo: date
    hi: date
    precision: int  # 3 day, 2 month, 1 year, 0 not dated (the range is a guess)

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


def _day(value: str | None) -> date | None:
    parsed = _parse(value)
    if parsed is None or parsed[1] is None or parsed[2] is None:
        return None
    try:
        return date(parsed[0], parsed[1], parsed[2])
    except ValueError:
        return None


def stated_date(event_date: str | None, published: str | None, evidence: str) -> str | None:
    """The event's date as the text gives it: None for the publication date that extraction
    falls back on when the sentence names no time (EVENTS.md: a date is given only when
    the text states or implies one)."""
    if not event_date or not published or event_date[:10] != published[:10] or not evidence:
        return event_date
    return event_date if TIME_WORDS.search(evidence) else None


def says_further(evidence: str) -> bool:
    """Whether the sentence tells of one more of a kind ("another 38", "97 more")."""
    return bool(FURTHER_WORDS.intersection(re.findall(r"[a-z]+(?:-[a-z]+)*",
                                                      evidence.casefold())))


def names_crowd(text: str) -> bool:
    """Whether an unresolved name names many parties at once ("world leaders")."""
    return bool(CROWD_WORDS.intersection(re.findall(r"[a-z]+", text.casefold())))


def says_recent(evidence: str) -> bool:
    return bool(RECENT_WORDS.intersection(re.findall(r"[a-z]+", evidence.casefold())))


def undated_window(event_type: str, status: str | None, recent: bool = False
                   ) -> tuple[int, int]:
    """Days before and after publication that an undated event may have happened on."""
    if event_type in OCCASION_TYPES:
        if status == "planned":
            return 2, OCCASION_AHEAD_DAYS
        return (OCCASION_RECENT_DAYS if recent else OCCASION_PAST_DAYS), 1
    if event_type in ANNOUNCED_TYPES and status in ("announced", "planned"):
        return ANNOUNCED_DAYS, 1  # "I am announcing a package" (to be sent)
    if status == "planned":
        return 2, PLAN_AHEAD_DAYS
    return UNDATED_PAST_DAYS, 1


def date_range(event_date: str | None, published: str | None, status: str | None = None,
               event_type: str = "", recent: bool = False) -> DateRange | None:
    """The days the event may have happened on: its date's day, month or year; without a
    date, the days before publication (or, when planned, after it): a few days for an
    occasion (a meeting is reported when it happens) or an announcement, years for a deal
    or a delivery done."""
    parsed = _parse(event_date)
    try:
        if parsed is not None:
            year, month, day = parsed
            if month is None:
                return DateRange(date(year, 1, 1), date(year, 12, 31), 1)
            if day is None:
                first = date(year, month, 1)
                following = date(year + month // 12, month % 12 + 1, 1)
                return DateRange(first, following - timedelta(days=1), 2)
            return DateRange(date(year, month, day), date(year, month, day), 3)
        day_of = _day(published)
        if day_of is None:
            return None
        past, ahead = undated_window(event_type, status, recent)
        return DateRange(day_of - timedelta(days=past), day_of + timedelta(days=ahead), 0)
    except (ValueError, OverflowError):  # 2024-02-30
        return None


LAST_WEEK = re.compile(r"(?i)\blast\s+week(?:'s|’s)?\b")
# Days of slack around the week before publication (a report written on Sunday night).
WEEK_SLACK = 1


def last_week(when: DateRange | None, published: str | None,
              evidence: str) -> DateRange | None:
    """The week before publication, when the sentence says "last week" and its date is only
    the month or year it falls in (or none): "last week's meeting" in a report of 13
    February is not the visit of the 21st."""
    day_of = _day(published)
    if day_of is None or not LAST_WEEK.search(evidence) \
            or when is not None and when.precision == 3:
        return when
    monday = day_of - timedelta(days=day_of.weekday())
    lo = monday - timedelta(days=7 + WEEK_SLACK)
    hi = monday - timedelta(days=1 - WEEK_SLACK)
    if when is not None and when.precision and not (when.lo <= lo and hi <= when.hi):
        return when  # a stated month the week is not in: the date wins
    return DateRange(lo, hi, 2)


@lru_cache(maxsize=8192)
def stage_of(event_type: str, evidence: str, status: str | None = None) -> str | None:
    """Which stage of a story the sentence reports (None: cannot tell). Of an event that
    happened, the stages the sentence puts still to come are not it."""
    if event_type not in STORY_TYPES:
        return None
    tokens = re.findall(r"[a-z]+", evidence.casefold())
    told: set[str] = set()
    ahead: set[str] = set()
    for k, token in enumerate(tokens):
        for stage in STORY_ORDER:
            if any(token.startswith(stem) for stem in STAGE_WORDS[stage]):
                to_come = AHEAD_WORDS.intersection(tokens[max(0, k - AHEAD_SPAN):k])
                (ahead if to_come else told).add(stage)
    # "the unveiling of the first jet, which is expected to be delivered in May": what
    # happened, not what is still to come (a plan's sentence is all to come)
    found = told | ahead if status == "planned" else told or ahead
    if len(found) == 1:
        return found.pop()
    return None


@lru_cache(maxsize=8192)
def says_bilateral(event_type: str, evidence: str) -> bool:
    folded = evidence.casefold()
    return event_type == "meeting" and any(w in folded for w in BILATERAL_WORDS)


@dataclass(frozen=True)
class Party:
    key: str  # KB id or "new:<slug>" / "name:<normalised name>"
    side: str  # the country a person or body acts for (or an unresolved name names), else
    # the key itself
    words: frozenset[str] = frozenset()  # distinctive words of its names
    group: bool = False  # a grouping of states (NATO, the G7)
    members: frozenset[str] = frozenset()  # a grouping's member countries, when known
    parents: frozenset[str] = frozenset()  # the companies that own a company, up the chain
    state_body: bool = False  # a ministry, armed force or agency acting for its country
    crowd: bool = False  # many parties named at once, no grouping ("world leaders")

    @property
    def linked(self) -> bool:
        return linked(self.key)

    @property
    def person(self) -> bool:
        return self.key.startswith("person:")

    @property
    def company(self) -> bool:
        return self.key.startswith("company:")


@dataclass(frozen=True)
class Place:
    key: str
    country: str | None  # "country:UA"; a country's own key for a country
    words: frozenset[str] = frozenset()

    @property
    def linked(self) -> bool:
        return linked(self.key)


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
    items: frozenset[str]  # KB ids of the items (and their families)
    item_words: frozenset[str]  # distinctive words the items are written with
    item_names: frozenset[str]  # distinctive words of their names in the knowledge base
    quantities: frozenset[float]
    values: frozenset[tuple[float, str]]  # (amount, currency)
    places: frozenset[Place]
    bilateral: bool = False
    published: date | None = None
    order: tuple[str, ...] = ()  # a stable sort key (document, position, text)
    sides: Mapping[str, frozenset[str]] = field(default_factory=dict)  # role -> sides
    item_kinds: frozenset[str] = frozenset()  # words for the kinds of the KB items ("jet")
    item_plain: frozenset[str] = frozenset()  # words of items named only by kind ("jets")
    item_models: frozenset[str] = frozenset()  # KB ids of the items as named (no families)
    further: bool = False  # the sentence tells of one more of a kind ("another 38 jets")

    def all_parties(self) -> frozenset[str]:
        """Every party key, side and distinctive name word (the candidate index is built on
        these, so that "ADA" finds the Aeronautical Development Agency)."""
        out: set[str] = set()
        for parties in self.parties.values():
            for p in parties:
                out |= {p.key, p.side} | {f"w:{w}" for w in p.words}
        return frozenset(out)


def _names(arg: Mapping[str, Any], info: Known | None) -> frozenset[str]:
    found = words(str(arg.get("text") or "")) | words(str(arg.get("name") or ""))
    for name in info.names if info is not None else ():
        found |= words(name)
    return distinctive(found | _slug_words(party_key(arg)))


@lru_cache(maxsize=16384)
def _country_only(text: str) -> str | None:
    """The country an unresolved name stands for when it names nothing else ("his Russian
    counterpart", "Russian forces"; not "the heads of American defence companies")."""
    found = words(text)
    countries = {country_named(w) for w in found} - {None}
    rest = [w for w in distinctive(found) if country_named(w) is None]
    return countries.pop() if len(countries) == 1 and not rest else None


def _parties(args: Iterable[Mapping[str, Any]], lookup: Lookup) -> frozenset[Party]:
    out = set()
    for arg in args:
        key = party_key(arg)
        if key == "name:":
            continue
        if linked(key):
            info = lookup(key)
            side = info.country if info is not None and info.country else key
            out.add(Party(key, side, _names(arg, info), bool(info and info.group),
                          info.members if info is not None else frozenset(),
                          info.parents if info is not None else frozenset(),
                          bool(info and info.state_body)))
            continue
        written = str(arg.get("text") or arg.get("name") or "")
        out.add(Party(key, _country_only(written) or key, _names(arg, None),
                      names_group(written), crowd=names_crowd(written)))
    return frozenset(out)


def _places(args: Iterable[Mapping[str, Any]], lookup: Lookup) -> frozenset[Place]:
    out = set()
    for arg in args:
        key = party_key(arg)
        if key == "name:":
            continue
        info = lookup(key) if linked(key) else None
        country = key if key.startswith("country:") else (info.country if info else None)
        out.add(Place(key, country, _names(arg, info)))
    return frozenset(out)


@dataclass(frozen=True)
class Items:
    ids: frozenset[str]  # KB ids (with their families)
    written: frozenset[str]  # distinctive words they are written with
    names: frozenset[str]  # distinctive words of their KB names
    kinds: frozenset[str]  # words for the kinds of the KB items
    plain: frozenset[str]  # words of the unresolved items named only by kind
    models: frozenset[str] = frozenset()  # KB ids as named, without their families


def _items(args: Iterable[Mapping[str, Any]], lookup: Lookup) -> Items:
    ids: set[str] = set()
    found: set[str] = set()
    names: set[str] = set()
    kinds: set[str] = set()
    plain: set[str] = set()
    models: set[str] = set()
    for arg in args:
        key = party_key(arg)
        written = words(str(arg.get("name") or arg.get("text") or "")) | _slug_words(key)
        found |= written
        if not linked(key):
            if not distinctive(written):
                plain |= written
            continue
        ids.add(key)
        models.add(key)
        info = lookup(key)
        if info is not None:
            ids |= {info.family} if info.family else set()
            kinds |= info.kinds
            for name in info.names:
                names |= words(name)
    return Items(frozenset(ids), distinctive(found), distinctive(names), frozenset(kinds),
                 frozenset(plain), frozenset(models))


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def build(event_id: int, document_id: int, event_type: str, status: str | None,
          event_date: str | None, published: str | None, evidence: str,
          args: Mapping[str, Iterable[Mapping[str, Any]]],
          lookup: Lookup = known, order: tuple[str, ...] = ()) -> Facts:
    parties = {}
    for role in PARTY_ROLES.get(event_type, ()):
        found = _parties(args.get(role, ()), lookup)
        if found:
            parties[role] = found
    item_args = list(args.get("item", ()))
    if event_type in ITEM_IN_EVIDENCE_TYPES and not item_args and evidence:
        item_args = [{"id": entity_id} for entity_id in sorted(equipment_named(evidence))]
    items = _items(item_args, lookup)
    item_words, item_names = items.written, items.names
    places = _places(args.get("location", ()), lookup)
    named = {w for ps in parties.values() for p in ps for w in p.words}
    item_words -= named | {w for p in places for w in p.words}  # "the Ukraine Compact"
    quantities = frozenset(q for q in (_number(a.get("value")) for a in args.get("quantity", ()))
                           if q is not None)
    values = frozenset((v, str(a.get("currency") or "")) for a in args.get("value", ())
                       if (v := _number(a.get("value"))) is not None)
    return Facts(event_id=event_id, document_id=document_id, type=event_type, status=status,
                 stage=stage_of(event_type, evidence, status),
                 when=last_week(date_range(stated_date(event_date, published, evidence),
                                           published, status, event_type,
                                           says_recent(evidence)),
                                published, evidence),
                 parties=parties,
                 items=items.ids, item_words=item_words, item_names=item_names - named,
                 item_kinds=items.kinds, item_plain=items.plain, item_models=items.models,
                 quantities=quantities, values=values,
                 places=places, published=_day(published),
                 bilateral=says_bilateral(event_type, evidence),
                 further=says_further(evidence),
                 order=order or (str(document_id), str(event_id)),
                 sides={role: frozenset(p.side for p in ps) for role, ps in parties.items()})
