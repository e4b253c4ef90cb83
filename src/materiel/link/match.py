"""Whether two event mentions from different documents report the same real event, a
later stage of the same story (an order, then its delivery), or something else.

`relate` is a pure, symmetric function of the two mentions: a conflict (two packages a
fortnight apart, different amounts, different buyers) keeps them apart whatever else they
share; without one, they are the same event when they share enough facts (parties, items,
numbers, places), more when a date is missing or vague; the strength of a match (the
shared facts and the day) orders the matches of a mention. The store side
(`materiel.link.canonical`) finds candidates through `index_keys` / `lookup_keys`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from materiel.link.facts import STORY_ORDER, Facts, Party, Place

# Two day-precise dates of one event differ by at most this (an announcement the day before,
# time zones, a report dated the next morning); by at most DONE_WINDOW when neither is
# planned (time zones, the next morning): two packages announced two days apart are two.
DAY_WINDOW = 2
DONE_WINDOW = 1
# A planned event dated when it was announced may take place up to this many days later.
PLANNED_AHEAD = 7
# Amounts of one event reported by different outlets differ by at most this share.
VALUE_TOLERANCE = 0.1
# Counts or amounts one source gives differently from another (73 fighters, or 83 with the
# trainers) may be one event's when the smaller is at least this share of the larger.
NEAR_NUMBER_SHARE = 0.7
# Types whose pledges are not the acts they promise (sanctions to come, sanctions imposed).
PLEDGE_TYPES = frozenset({"sanction"})
# Types whose numbers tell their events apart: a donor's packages of one month.
NUMBERED_TYPES = frozenset({"aid"})
# An amount given to this many significant digits ("$61 billion") is as good as two facts.
PRECISE_DIGITS = 2
# Facts two mentions must share to be one event: dated closely, and not.
MIN_SHARED_DATED = 2
MIN_SHARED_VAGUE = 3
# An undated mention is taken to report something of the last RECENT_DAYS before publication
# (when planned, of the next PLANNED_RECENT_DAYS).
RECENT_DAYS = 10
# Two undated mentions are taken to report one recent occasion when published this many
# days apart at most.
RECENT_REPORTS_DAYS = 31
PLANNED_RECENT_DAYS = 30
# Types whose parties and day identify an event (two leaders meet once a day).
PARTY_TYPES = frozenset({"meeting", "strike", "sanction", "agreement"})
# A model name with a variant's letters after its number ("C-295M", "F-16V").
VARIANT = re.compile(r"([a-z]+-\d+)[a-z]{1,2}")
# Types of deals one buyer rarely strikes twice for one item in a year: the year they are
# dated to is as good as a month.
YEAR_TYPES = frozenset({"procurement"})
# Types whose place, named as a city by one report and as its country by another, is one
# fact: a visit.
VISIT_TYPES = frozenset({"meeting"})
# Types whose day and place identify an event when the reports name its parties too vaguely
# to match ("terrorists" and "militants", "their vehicle" and "an army truck"): one attack
# on one spot in a day; a strike on a city that day is the strike in its country.
SCENE_TYPES = frozenset({"strike"})
# Types whose day is a fact of its own: one attacker strikes one target once a day.
DAY_TYPES = frozenset({"strike"})
# Roles a state fills through any of its bodies (the ministry signs the order the army
# placed; the Treasury imposes the sanctions the government announced). Not participants:
# the defence minister's talks are not the army chief's.
STATE_ROLES = frozenset({"buyer", "seller", "donor", "recipient", "spender", "imposer",
                         "producer", "party"})


class Decision(Enum):
    SAME = "same"
    STORY = "story"  # one story, different stages: linked, not merged
    APART = "apart"


@dataclass(frozen=True)
class Relation:
    decision: Decision
    strength: int = 0  # facts shared
    conflict: str = ""  # why the two cannot be one event ("" when they may be)
    exact: int = 0  # parties named alike (not a leader for their country): breaks ties


# -- dates -----------------------------------------------------------------------------------


def _dates_agree(a: Facts, b: Facts) -> bool:
    """Dates within each other's precision, give or take DAY_WINDOW days; a planned event
    may take place up to PLANNED_AHEAD days after the date it is given."""
    if a.when is None or b.when is None:
        return True
    gap = a.when.gap(b.when)
    if gap <= _window(a, b) or _retold(a, b):
        return True
    first = a if a.when.lo <= b.when.lo else b
    return first.status == "planned" and first.when is not None \
        and first.when.precision == 3 and gap <= PLANNED_AHEAD


def _retold(a: Facts, b: Facts) -> bool:
    """Two undated reports, published within weeks, of one decision about one model between
    the same two states ("Berlin has agreed to send 14 Leopard 2 tanks", a month on "Germany
    finally relents to send its Leopard 2"): a decision told again, not a second one."""
    if a.when is None or b.when is None or a.when.precision or b.when.precision \
            or a.published is None or b.published is None or a.status != b.status:
        return False
    if abs((a.published - b.published).days) > RECENT_REPORTS_DAYS \
            or not a.item_models & b.item_models or a.further or b.further:
        return False
    roles = [r for r in STATE_ROLES if r in a.sides or r in b.sides]
    return len(roles) >= 2 and all(a.sides.get(r) == b.sides.get(r) and all(
        s.startswith("country:") for s in a.sides.get(r, ())) for r in roles)


def _window(a: Facts, b: Facts) -> int:
    """Days two day-precise dates of one event may differ by."""
    return DAY_WINDOW if "planned" in (a.status, b.status) else DONE_WINDOW


def _same_day(a: Facts, b: Facts) -> bool:
    return (a.when is not None and b.when is not None and min(a.when.precision,
            b.when.precision) == 3 and a.when.gap(b.when) <= _window(a, b))


def _same_news_day(a: Facts, b: Facts) -> bool:
    """One undated, published on the day the other, undated too, was published or is dated
    to: each tells that day's news ("Biden will announce a package during the visit",
    "we're going to be providing a Patriot battery", "today I announce a package"). Enough
    to stand for the day, too weak to rank one match above another."""
    for undated, other in ((a, b), (b, a)):
        if undated.when is None or other.when is None or undated.when.precision \
                or undated.published is None:
            continue
        day = other.published if other.when.precision == 0 else \
            other.when.lo if other.when.precision == 3 else None
        if day == undated.published:
            return True
    return False


def _dated(f: Facts) -> bool:
    return f.when is not None and f.when.precision >= 2


def _recent(undated: Facts, other: Facts) -> bool:
    """Whether `other` falls in the days just before `undated` was published (or, when it
    is planned, the weeks after): news mostly reports what just happened. Two undated
    mentions are recent to each other when published within days."""
    if undated.when is None or other.when is None or undated.published is None:
        return False
    published = undated.published
    if not _dated(other):
        return other.when.precision == 0 and other.published is not None \
            and abs((other.published - published).days) <= RECENT_REPORTS_DAYS
    if undated.status == "planned":
        return published - timedelta(days=DAY_WINDOW) <= other.when.hi \
            and other.when.lo <= published + timedelta(days=PLANNED_RECENT_DAYS)
    return published - timedelta(days=RECENT_DAYS) <= other.when.hi


def _same_year(a: Facts, b: Facts) -> bool:
    """Both dated to one year, neither finer ("the order signed in 2021", "ordered last
    year")."""
    return a.when is not None and b.when is not None and a.when.precision == 1 \
        and b.when.precision == 1 and a.when.lo == b.when.lo


def _well_dated(a: Facts, b: Facts) -> bool:
    """Both dated to the month or better, or one undated and the other around the day it
    was published."""
    if _dated(a) and _dated(b):
        return True
    if a.type in YEAR_TYPES and _same_year(a, b):
        return True
    return any(x.when is not None and x.when.precision == 0 and _recent(x, y)
               for x, y in ((a, b), (b, a)))


def _gathering_shared(a: Facts, b: Facts) -> bool:
    return any(_same_party(p, q) for p in _groups(a.parties.get("participant", frozenset()))
               for q in _groups(b.parties.get("participant", frozenset())))


def enough(a: Facts, b: Facts, parties: int, specifics: int, same_day: bool) -> bool:
    """Whether the facts two mentions share identify one event: two when their dates are
    close, three otherwise. The parties identify a meeting, a strike, a sanction or an
    agreement in the days around it; a package, an order or a programme needs a fact of
    its own, or the day (one donor gives one recipient many, rarely two in a day). The day
    is a fact of a strike too, and of a gathering (the G7 meets once a day), not of a
    leader's talks (with whom?) nor of agreements (several are signed on one day)."""
    if a.type in DAY_TYPES or a.type in VISIT_TYPES and _gathering_shared(a, b):
        specifics += same_day
    elif a.type not in PARTY_TYPES:
        if not (specifics or same_day):
            return False
        specifics += same_day
    needed = MIN_SHARED_DATED if _well_dated(a, b) else MIN_SHARED_VAGUE
    return parties + specifics >= needed


# -- parties ---------------------------------------------------------------------------------


def _same_party(p: Party, q: Party, bodies: bool = False) -> bool:
    """One party under two names: one id, a country and one who acts for it (its leader,
    its ministry), a company and the company that owns it, with `bodies` two bodies of one
    state (its ministry and its air force), or, when either is unresolved, a distinctive
    word of the name or the country it names."""
    if p.key == q.key:
        return True
    if p.linked and q.linked:
        if p.key == q.side or q.key == p.side or p.key in q.parents or q.key in p.parents:
            return True
        # two bodies of one state, in a role the state fills; not two people, two companies
        return bodies and p.state_body and q.state_body and p.side == q.side
    if p.words & q.words:
        return True
    unresolved, other = (q, p) if p.linked else (p, q)  # "his Russian counterpart", Putin
    return unresolved.side != unresolved.key and unresolved.side in (other.key, other.side)


def _people_differ(mine: frozenset[Party], theirs: frozenset[Party],
                   matched: set[tuple[Party, Party]]) -> bool:
    """Different people (or companies) acting for one country, and no one of that country
    named alike by both: not the same occasion (the President's meeting is not the Vice
    President's; a lab's request is its agency's, "ADA and DRDO" and ADA)."""
    def by_country(parties: frozenset[Party]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for p in parties:
            if (p.person or p.company) and p.side != p.key:
                out.setdefault(p.side, set()).add(p.key)
        return out

    a, b = by_country(mine), by_country(theirs)
    # a country stands for all its people: naming it matches no one in particular
    alike = {p.side for pair in matched for p in pair
             if not any(x.key.startswith("country:") for x in pair)}
    return any(not a[c] & b[c] and c not in alike for c in set(a) & set(b))


def _unmatched(mine: frozenset[Party], theirs: frozenset[Party]) -> set[Party]:
    return {p for p in mine if p.linked and not any(_same_party(p, q) for q in theirs)}


def _sides(parties: frozenset[Party]) -> set[str]:
    return {p.side for p in parties if p.linked}


def _groups(parties: frozenset[Party]) -> set[Party]:
    return {p for p in parties if p.group}


def _gatherings(parties: frozenset[Party]) -> set[Party]:
    """Groupings and crowds ("world leaders"): names of many attendees at once."""
    return {p for p in parties if p.group or p.crowd}


def _covered(groups: set[Party], parties: frozenset[Party], extra: set[Party]) -> bool:
    """Whether a grouping may stand for the participants another report names besides
    those both name: a few sides, or members of the grouping only."""
    if not groups:
        return False
    return len(_sides(parties)) <= 2 or any(
        g.members and all(p.side in g.members for p in extra) for g in groups)


def _participants_conflict(a: Facts, b: Facts) -> str:
    """Two meetings of different company: each names someone the other does not (Biden with
    Kishida, Biden with Modi; a grouping covers the members the other names), two
    different groupings (the G7, the Quad), or a bilateral set against a gathering."""
    mine, theirs = a.parties.get("participant"), b.parties.get("participant")
    if not mine or not theirs:
        return ""
    groups_a, groups_b = _groups(mine), _groups(theirs)
    if groups_a and groups_b and not any(_same_party(p, q) for p in groups_a
                                         for q in groups_b):
        return "different gatherings"
    extra_a, extra_b = _unmatched(mine, theirs), _unmatched(theirs, mine)
    # a grouping covers the few members the other report names (Bhutto at the SCO), or its
    # members named leader by leader (the Quad's four), not another gathering (the Quad's
    # four are not the G7)
    many_a, many_b = _gatherings(mine), _gatherings(theirs)
    if extra_a and extra_b and not _covered(many_a, theirs, extra_b) \
            and not _covered(many_b, mine, extra_a):
        return "different participants"
    for small, large in ((a, b), (b, a)):
        if large.bilateral:
            continue
        sides = {p.side for p in small.parties["participant"]}
        # a name of no known country ("Mariya Didi") may be any unresolved one of the
        # other report ("his Maldivian counterpart"): only known people count as others
        vague = any(not p.linked and p.side == p.key for p in small.parties["participant"])
        others = [p for p in large.parties["participant"] if p.side not in sides
                  and not (vague and not p.linked)
                  and not any(_same_party(p, q) for q in small.parties["participant"])]
        if small.bilateral and (any(p.group for p in others) or _gathering(others, sides)):
            return "a bilateral is not the gathering around it"
        # two leaders who met, and two others at a meeting of four no grouping is named
        # for: their own talks (at a grouping's meeting, reports name a few members)
        if _pair_of_leaders(small.parties["participant"]) and not many_a | many_b \
                and sum(p.person for p in others) >= 2:
            return "a bilateral is not the gathering around it"
    return ""


def _gathering(others: list[Party], sides: set[str]) -> bool:
    """Whether the participants a bilateral's report does not name make a gathering: two or
    more, or, when the bilateral names one side only ("Singh in the Maldives"), two other
    sides (its counterpart, under any names, is one; a name of no known country may be it)."""
    if len(sides) >= 2:
        return len(others) >= 2
    return len({p.side for p in others if p.linked or p.side != p.key}) >= 2


def _pair_of_leaders(parties: frozenset[Party]) -> bool:
    """Two people of two countries, and no grouping: a one-to-one meeting."""
    return len(parties) == 2 and all(p.person for p in parties) and len(_sides(parties)) == 2


def _unplaced(parties: frozenset[Party]) -> bool:
    """Only unresolved names of no known country ("the air force", "the ministry")."""
    return all(not p.linked and p.side == p.key for p in parties)


def _body_of(mine: frozenset[Party], theirs: frozenset[Party]) -> str | None:
    """The side an unresolved buyer, donor or spender of no known country may act for when
    the other report resolves that role ("the air force" buying for India): a body of
    that side, not a different party."""
    for unresolved, resolved in ((mine, theirs), (theirs, mine)):
        sides = {p.side for p in resolved if p.linked}
        if _unplaced(unresolved) and len(sides) == 1:
            return sides.pop()
    return None


def _hosts(a: Facts, b: Facts) -> set[str]:
    """The country one report of a visit names as the place and the other as a participant's
    side ("Singh arrived in the Maldives", "talks with his Maldivian counterpart"): the host."""
    if a.type not in VISIT_TYPES:
        return set()
    out: set[str] = set()
    for one, other in ((a, b), (b, a)):
        visited = {p.key for p in one.places if p.key.startswith("country:")}
        if visited and not other.places:
            out |= visited & {p.side for p in other.parties.get("participant", ())}
    return out


def _shared_side(p: Party, q: Party, role: str) -> str:
    """What two matching parties count as: their side (a person or body counts as their
    country; an unresolved name matched to a resolved party, "his Indian counterpart", as
    that party's side), but a company that both name as seller or maker as itself (the
    seller HAL is not the buyer India; at a meeting, HAL hosting is India hosting)."""
    if p.company and q.company and role != "participant":
        return q.key if q.key in p.parents else p.key
    if p.linked:
        return p.side
    return q.side if q.linked else min(p.key, q.key)


def _parties(a: Facts, b: Facts) -> tuple[int, int, str]:
    """How many sides (a person or body counts as their country) the two share, how many
    of those by the same name, and the conflict between them: a role both name with no
    party in common."""
    shared: set[str] = set()
    exact: set[str] = set()
    for role in sorted(set(a.parties) & set(b.parties)):
        mine, theirs = a.parties[role], b.parties[role]
        bodies = role in STATE_ROLES
        matched = {(p, q) for p in mine for q in theirs if _same_party(p, q, bodies)}
        # at a gathering ("world leaders", the G7), one country sends several people
        gathering = role == "participant" and bool(_gatherings(mine) | _gatherings(theirs))
        if not gathering and _people_differ(mine, theirs, matched):
            return 0, 0, f"different {role}"
        if not matched:
            if any(p.linked for p in mine) and any(q.linked for q in theirs):
                return 0, 0, f"different {role}"
            body = _body_of(mine, theirs) if role != "participant" else None
            if body is not None:
                shared.add(body)
            continue
        for p, q in matched:
            # one unresolved name matched to a resolved party stands for that party's side:
            # "his Indian counterpart" matched to India and to HAL is one side, not two
            side = _shared_side(p, q, role)
            shared.add(side)
            if p.key == q.key or not (p.linked and q.linked):
                exact.add(side)
    shared |= _hosts(a, b) - shared
    return len(shared), len(exact), _participants_conflict(a, b)


# -- items, numbers, places ------------------------------------------------------------------


def _siblings(a: Facts, b: Facts) -> bool:
    """Two models of one family, one each ("Tejas Mk1A", "Tejas Mk2"): two items, though
    their names share a word. A family and one of its models ("Tejas", "Tejas Mk1A") are
    one item named at two granularities."""
    if len(a.item_models) != 1 or len(b.item_models) != 1 or a.item_models == b.item_models:
        return False
    return bool(a.items & b.items) and not (a.item_models & b.items or b.item_models & a.items)


def _variant_bases(written: frozenset[str]) -> set[str]:
    """Model names with a variant's letters taken off ("c-295m", "c-295mw": "c-295")."""
    return {m.group(1) for w in written if (m := VARIANT.fullmatch(w))}


def _items(a: Facts, b: Facts) -> tuple[int, str]:
    """One shared item: an id, a name the knowledge base knows it by, most of the words
    of the shorter name ("civilian security assistance"; not just "joint declaration" of
    two declarations), or, when one report names it only by kind ("the jets"), the kind
    of the item the other names (the Rafale). Two models of one family are two items."""
    if _siblings(a, b):
        return 0, "different items"
    common = a.item_words & b.item_words
    if a.items & b.items or a.item_names & b.item_words or b.item_names & a.item_words \
            or (common and 2 * len(common) >= min(len(a.item_words), len(b.item_words))):
        return 1, ""
    # "C-295M" written by one report, the C-295 the other resolves: a variant letter
    if not a.items and _variant_bases(a.item_words) & b.item_names \
            or not b.items and _variant_bases(b.item_words) & a.item_names:
        return 1, ""
    # "the jets" of one report and the Rafale of the other, when nothing else is named
    if not a.item_words and a.item_plain & b.item_kinds \
            or not b.item_words and b.item_plain & a.item_kinds:
        return 1, ""
    if a.items and b.items and not common:
        return 0, "different items"
    return 0, ""


def significant(value: float) -> int:
    mantissa = f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(mantissa))


def _unit(value: float) -> float:
    """The place of a number's last significant digit: 100 for 400, 1 for 425."""
    if value == 0:
        return 1.0
    digits = f"{abs(value):.6e}".split("e")
    mantissa, exponent = digits[0].replace(".", "").rstrip("0") or "0", int(digits[1])
    return float(10 ** (exponent - len(mantissa) + 1))


def refine(x: float, y: float) -> bool:
    """Whether two amounts can be one: close, and equal once the more precise is rounded to
    the other's precision ("$400 million" and "$425 million"; not "14,000 crore" and
    "15,000 crore", nor "$1 billion" and "$800 million")."""
    gap = abs(x - y)
    return gap <= max(_unit(x), _unit(y)) / 2 and gap <= VALUE_TOLERANCE * max(abs(x), abs(y))


def _quantities(a: Facts, b: Facts) -> tuple[int, str]:
    if not (a.quantities and b.quantities):
        return 0, ""
    if a.quantities & b.quantities or sum(a.quantities) in b.quantities \
            or sum(b.quantities) in a.quantities:
        return 1, ""
    return 0, "different quantities"


def _near(x: float, y: float) -> bool:
    return min(abs(x), abs(y)) >= NEAR_NUMBER_SHARE * max(abs(x), abs(y)) > 0


def _near_numbers(a: Facts, b: Facts, part: Callable[[Facts, Facts], tuple[int, str]]
                  ) -> bool:
    """Counts or amounts that differ by little: one source's 73 jets and another's 83
    (trainers counted or not), 14,000 and 13,000 crore."""
    if part is _quantities:
        return any(_near(x, y) for x in a.quantities for y in b.quantities)
    return any(ca == cb and _near(va, vb) for va, ca in a.values for vb, cb in b.values)


def _numbers_may_differ(a: Facts, b: Facts) -> bool:
    """Whether two reports that share a party and agree on everything else may give one
    event's numbers differently (the canonical event keeps both, side by side): the same
    equipment named by both, told alike (plan or not), neither telling of one more ("97
    more jets"), of a type whose numbers do not tell its events apart (two packages from
    one donor in a month differ by their amounts)."""
    return a.type not in NUMBERED_TYPES and bool(a.item_models & b.item_models) \
        and (a.status == "planned") == (b.status == "planned") \
        and not (a.further or b.further)


def _values(a: Facts, b: Facts) -> tuple[int, str]:
    currencies = {c for _, c in a.values} & {c for _, c in b.values}
    if not currencies:
        return 0, ""
    agreeing = [min(va, vb, key=_unit) for va, ca in a.values for vb, cb in b.values
                if ca == cb and refine(va, vb)]
    if agreeing:  # "$61 billion" tells more than "$1 billion"
        return 1 + any(significant(v) >= PRECISE_DIGITS for v in agreeing), ""
    return 0, "different amounts"


def _same_place(p: Place, q: Place) -> bool:
    return p.key == q.key or bool(p.words & q.words)


def _within(p: Place, q: Place) -> bool:
    return p.key == q.country or q.key == p.country


def _places(a: Facts, b: Facts) -> tuple[int, str]:
    if not (a.places and b.places):
        return 0, ""
    if any(_same_place(p, q) for p in a.places for q in b.places):
        return 1, ""
    if any(_within(p, q) for p in a.places for q in b.places):
        # a visit to a country is the talks in its capital ("Male", the Maldives); a strike
        # in a city is not every strike in the country, but it is that day's strike there
        return int(a.type in VISIT_TYPES or a.type in SCENE_TYPES and _same_day(a, b)), ""
    mine, theirs = [p for p in a.places if p.linked], [q for q in b.places if q.linked]
    if mine and theirs:
        return 0, "different places"
    return 0, ""


def _scene(a: Facts, b: Facts) -> bool:
    """One spot, named alike by both reports (of a type it identifies), on one day, or in
    one month when either gives only the month ("last month, an attack in Poonch")."""
    if a.type not in SCENE_TYPES or not (_same_day(a, b) or _dated(a) and _dated(b)):
        return False
    return any(_same_place(p, q) for p in a.places for q in b.places)


# -- the relation ----------------------------------------------------------------------------


# An aid package is asked for, approved and pledged in one announcement: reports of it
# name any of these; its delivery is a later stage.
ANNOUNCEMENT_STAGES = {"aid": frozenset({"request", "approval", "order"})}


def _stage(f: Facts) -> str | None:
    return "announcement" if f.stage in ANNOUNCEMENT_STAGES.get(f.type, ()) else f.stage


def _stages_differ(a: Facts, b: Facts) -> bool:
    first, second = _stage(a), _stage(b)
    return first is not None and second is not None and first != second


def _story(a: Facts, b: Facts, parties: int) -> Relation:
    """Two stages of one story (an order for twelve jets, then the first two delivered):
    the same parties and item, the earlier stage not dated after the later one. Never one
    canonical event, whatever else they share."""
    items, conflict = _items(a, b)
    first, then = story_order(a, b)
    in_order = first.when is None or then.when is None \
        or first.when.lo <= then.when.hi + timedelta(days=DAY_WINDOW)
    if parties and items and not conflict and in_order:
        return Relation(Decision.STORY, parties + items, conflict="different stages")
    return Relation(Decision.APART, conflict="different stages")


def _pledge_and_act(a: Facts, b: Facts) -> bool:
    """A pledge to act ("we will impose further costs") made days before the day the act is
    dated to: two events, though a plan and its deed are one for a meeting or a package."""
    if a.type not in PLEDGE_TYPES or (a.status == "planned") == (b.status == "planned"):
        return False
    pledge, act = (a, b) if a.status == "planned" else (b, a)
    if act.when is None or act.when.precision < 3:
        return False
    said = pledge.when.lo if pledge.when is not None and pledge.when.precision == 3 \
        else pledge.published
    return said is not None and (act.when.lo - said).days > DAY_WINDOW


def relate(a: Facts, b: Facts) -> Relation:
    """SAME when nothing known conflicts and enough facts are shared; STORY when the two
    are stages of one story (an order, then its delivery); APART otherwise, with the
    conflict that forbids putting them in one canonical event, if any."""
    if a.type != b.type:
        return Relation(Decision.APART)
    if a.document_id == b.document_id:
        # a document may tell one event twice (the plan, then the talk given): two of its
        # mentions that would match as two reports may meet through a third, never directly
        told_twice = _relate_reports(a, b).decision is Decision.SAME
        return Relation(Decision.APART, conflict="" if told_twice else "one document")
    return _relate_reports(a, b)


def _relate_reports(a: Facts, b: Facts) -> Relation:
    parties, exact, conflict = _parties(a, b)
    if conflict:
        return Relation(Decision.APART, conflict=conflict)
    if _stages_differ(a, b):
        return _story(a, b, parties)
    if not _dates_agree(a, b):
        return Relation(Decision.APART, conflict="different dates")
    if _pledge_and_act(a, b):
        return Relation(Decision.APART, conflict="a pledge is not the act")
    specifics = 0
    numbers_differ = ""
    for part in (_items, _quantities, _values, _places):
        found, conflict = part(a, b)
        if conflict and part in (_quantities, _values) and _near_numbers(a, b, part):
            numbers_differ = conflict
            continue
        if conflict:
            return Relation(Decision.APART, conflict=conflict)
        specifics += found
    same_day = _same_day(a, b)
    if parties == 0 and _scene(a, b):
        parties = 1  # the scene stands for the parties neither names alike
    score = parties + specifics + same_day
    if numbers_differ and not (parties and _numbers_may_differ(a, b)):
        return Relation(Decision.APART, conflict=numbers_differ)
    if parties == 0:
        return Relation(Decision.APART, score)
    same = enough(a, b, parties, specifics, same_day or _same_news_day(a, b))
    return Relation(Decision.SAME if same else Decision.APART, score, exact=exact)


def compare(a: Facts, b: Facts) -> Decision:
    return relate(a, b).decision


def story_order(a: Facts, b: Facts) -> tuple[Facts, Facts]:
    """The two stages of one story, earlier first."""
    rank = {s: i for i, s in enumerate(STORY_ORDER)}
    if rank.get(a.stage or "", 0) <= rank.get(b.stage or "", 0):
        return a, b
    return b, a


# -- candidate keys --------------------------------------------------------------------------
# A mention dated to the month or better ("fine") is indexed by month, and by year for the
# vaguer mentions to find it; a vague one (a year, or no date) only by year. Fine mentions
# look up months and vague years; vague ones look up both kinds of year.


def _months(facts: Facts) -> list[str]:
    assert facts.when is not None
    ahead = PLANNED_AHEAD if facts.status == "planned" else DAY_WINDOW
    lo, hi = facts.when.lo - timedelta(days=DAY_WINDOW), facts.when.hi + timedelta(days=ahead)
    out = []
    year, month = lo.year, lo.month
    while (year, month) <= (hi.year, hi.month):
        out.append(f"m{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _years(facts: Facts) -> range:
    assert facts.when is not None
    return range(facts.when.lo.year, facts.when.hi.year + 1)


def _periods(facts: Facts, lookup: bool) -> list[str]:
    if facts.when is None:
        return ["undated"]
    if _dated(facts):
        vague = [f"v{y}" for y in _years(facts)]
        return _months(facts) + (vague if lookup else [f"f{y}" for y in _years(facts)])
    years = _years(facts)
    return [f"v{y}" for y in years] + ([f"f{y}" for y in years] if lookup else [])


def _anchors(facts: Facts, lookup: bool) -> set[str]:
    """What a candidate is found by besides its period: its parties, and, as a report may
    name a party only vaguely ("the air force"), its items, quantities and amounts (an
    amount by its order of magnitude, looked up in the neighbouring ones too)."""
    out = set(facts.all_parties()) | {f"i:{item}" for item in facts.items}
    if facts.type in SCENE_TYPES:  # the scene may be all two reports name alike
        out |= {f"p:{p.key}" for p in facts.places} | {
            f"pw:{w}" for p in facts.places for w in p.words}
    out |= {f"q:{quantity:g}" for quantity in facts.quantities}
    for value, currency in facts.values:
        magnitude = math.floor(math.log10(value)) if value > 0 else 0
        out |= {f"v:{currency}:{m}" for m in (
            (magnitude - 1, magnitude, magnitude + 1) if lookup else (magnitude,))}
    return out


def index_keys(facts: Facts) -> set[str]:
    """The candidate keys a canonical event is found by: type, anchor and period."""
    return {f"{facts.type}|{anchor}|{period}" for anchor in _anchors(facts, lookup=False)
            for period in _periods(facts, lookup=False)}


def lookup_keys(facts: Facts) -> set[str]:
    return {f"{facts.type}|{anchor}|{period}" for anchor in _anchors(facts, lookup=True)
            for period in _periods(facts, lookup=True)}
