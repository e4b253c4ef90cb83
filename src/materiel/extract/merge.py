"""One real event per document: merge the mentions of the same event.

Mentions of one type merge when they share a value (or come from one sentence) and nothing
tells them apart: no different explicit dates, amounts, quantities, named parties or items (a
refinement, "tanks" / "Leopard 2 tanks", is no difference), no plan against a fact and no order
against a delivery. A plan and a deed told on one day, two days of one visit and two attendees
of one body's gathering are no difference, nor a "done" told of a day after the story's; a
meeting's mentions tie by a common side (a country stands for its leader or minister) or,
naming only "the two leaders", by the day; a mention that calls its event "another" or
"separate" one starts a record. A headline keeps to the clause of its trigger ("X orders tanks;
Y opens plant"), its "X to buy" is a plan, and it joins a body record that reads the deal's
sides the other way round; sanctions of two named agencies of one state are two records. Two
readings of one trigger, or of one sentence naming the same values, are one event unless each
counts its own goods; a meeting's sides read apart from one trigger ("bilateral meetings with
A, B and C") and a pair's own talk at a body's gathering stay apart from the gathering. Two
trigger words of one deal in one clause ("an RFI for the procurement of 114 jets") are one
deal, and so is one plan told in two lots ("to procure 12 jets and to procure 20 more"); a
tender is a plan however it is told. The merged record keeps the union of the roles (an item's
most specific spelling), the evidence of its clearest mention with every other mention's
sentence in `Event.other_evidence`, and the most precise date read from the text (the earliest
among equally precise ones).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from materiel.extract.textnorm import norm_tokens, same_value
from materiel.models import Argument, Event, Evidence
from materiel.nlp.types import DateValue
from materiel.wordlists import word_map, word_set

MAIN_ROLE = {
    "procurement": "buyer",
    "aid": "donor",
    "production": "producer",
    "agreement": "party",
    "sanction": "imposer",
    "meeting": "participant",
    "spending": "spender",
    "strike": "attacker",
}
SECOND_ROLE = {
    "procurement": "seller",
    "aid": "recipient",
    "production": "partner",
    "sanction": "target",
    "strike": "target",
}


@dataclass
class Candidate:
    event: Event
    story: int = 0
    sentence: int = 0
    score: float = 0.5
    date: DateValue | None = None  # the date read from the sentence, if any
    context_date: DateValue | None = None  # the last date stated earlier in the story
    # the learned date anchor's reading (extract.date_anchor), kept apart from the rules' dates
    # above, which alone decide what merges: the event's final date only
    learned: bool = False  # the anchor read this candidate's date
    learned_date: DateValue | None = None  # its choice among the sentence's dates, if any
    learned_context: DateValue | None = None  # the story's last date, when it chose none
    trigger: str = ""
    triggers: set[int] = field(default_factory=set)  # where its triggers stand in the text
    mentions: int = 1
    labels: dict[int, str | None] = field(default_factory=dict)  # id(Argument) -> entity label
    kb: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # id -> (type, country)
    heading: bool = False  # every mention merged so far is a title or heading
    rejected: str | None = None  # recall mode: why the rules would drop it (see nlp.mentions)
    detector_p: float = 0.0  # the sentence detector's probability of the type (extract.detector)
    anaphor: str = ""  # a meeting told again by a definite noun ("the visit"): that noun
    owner_recipient: bool = False  # an aid's recipient read as the owner of the arms it is for
    bought_for: bool = False  # an aid read from a purchase made for another party


def arg_key(arg: Argument) -> list[str]:
    return norm_tokens(arg.name or arg.text)


_KB: dict[int, tuple[str, str | None]] = {}  # filled by merge() for the candidates at hand


SIDE_LABEL = "FIRST_PERSON"  # a party read from "we"/"I": the speaker's side
_SIDE: set[int] = set()  # id(Argument) of such parties among the candidates at hand
_PEOPLE: set[str] = set()  # the ids of values some mention of the document reads as a person
_PUBLISHED: list[str] = []  # the publication day of the document at hand, if known


def _own(args: list[Argument]) -> list[Argument]:
    """The parties a mention names itself: the speaker's side ("I met X", "I addressed Y")
    is shared by everything a speech tells, so it ties no two mentions together."""
    return [a for a in args if id(a) not in _SIDE]


def _same_state(a: Argument, b: Argument) -> bool:
    """A country and a body of that country ("United States" / "U.S. Treasury")."""
    ka, kb = _KB.get(id(a)), _KB.get(id(b))
    if ka is None or kb is None or not ka[1] or ka[1] != kb[1]:
        return False
    return "country" in (ka[0], kb[0]) and {ka[0], kb[0]} <= {"country", "organization"}


def _match(a: Argument, b: Argument) -> bool:
    if a.id and b.id and a.id == b.id:
        return True
    if _same_state(a, b):
        return True
    if a.id and b.id and not a.id.startswith("new:") and not b.id.startswith("new:"):
        return False
    if a.value is not None and b.value is not None:
        return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value), 1.0) and (
            a.currency == b.currency or not a.currency or not b.currency
        )
    ka, kb = arg_key(a), arg_key(b)
    if same_value(ka, kb):
        return True
    ta, tb = norm_tokens(a.text), norm_tokens(b.text)
    if same_value(ta, tb) or _abbreviates(ta, tb) or _abbreviates(tb, ta):
        return True
    # items written differently: "AH-64E Apache heavy attack helicopters" / "Apache helicopters",
    # unless each names a model the other does not ("Leopard 1 tanks" / "Leopard 2 tanks")
    if len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1]:
        if _designations(ta, tb) and _designations(tb, ta):
            return False
        return len(set(ta) & set(tb)) >= 2
    return False


def _abbreviates(short: list[str], long_: list[str]) -> bool:
    """"EVs" / "electric vehicles", "APC" / "armoured personnel carriers"."""
    initials = "".join(t[0] for t in long_)
    return len(short) == 1 and len(long_) >= 2 and short[0] in (initials, initials + "s")


def _designations(toks: list[str], other: list[str]) -> set[str]:
    """The tokens with a digit ("2", "a4", "16v") that `other` lacks."""
    return {t for t in toks if any(ch.isdigit() for ch in t) and t not in other}


def shared(a: list[Argument], b: list[Argument]) -> int:
    return sum(1 for x in a if any(_match(x, y) for y in b))


def dates_conflict(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return False
    n = min(len(a.value), len(b.value))
    return a.value[:n] != b.value[:n] and not _one_night(a, b)


def _one_night(a: DateValue, b: DateValue) -> bool:
    """ "on Tuesday night" and "in the early hours of Wednesday", "last night" and "overnight":
    one night, told by its evening's day and its morning's, the day after."""
    if a.precision != "day" or b.precision != "day" or not (a.night and b.night):
        return False
    first, then = sorted((a, b), key=lambda d: d.value)
    gap = dt.date.fromisoformat(then.value) - dt.date.fromisoformat(first.value)
    return gap.days == 1 and first.night == "evening" and then.night == "morning"


_ANOTHER_ATTACK = word_set("nlp/validate", "another_attack_words")
_NIGHT_WEAPONS = word_map("nlp/validate", "night_attack_weapons", str)


def _two_acts_one_night(x: Candidate, y: Candidate) -> bool:
    """A night's evening and the next morning told as two acts: "Russian drones struck Odesa's
    port on Tuesday night. Russian missiles hit Odesa in the early hours of Wednesday, in a
    second attack on the city within hours" (a word of another act, or other weapons)."""
    if x.date is None or y.date is None or x.date.value == y.date.value:
        return False
    if not _one_night(x.date, y.date):
        return False
    words = [norm_tokens(c.event.evidence) for c in (x, y)]
    if any(_ANOTHER_ATTACK & set(w) for w in words):
        return True
    kinds = [{_NIGHT_WEAPONS[t] for t in w if t in _NIGHT_WEAPONS} for w in words]
    return all(kinds) and not kinds[0] & kinds[1]


def conflict(x: Candidate, y: Candidate, told_again: bool = False) -> bool:
    """told_again: y names x's meeting again by a definite noun ("during the visit")."""
    ex, ey = x.event, y.event
    if (dates_conflict(x.date, y.date) and not _one_visit(x, y)) or _stage_conflict(x, y):
        return True
    if _two_acts_one_night(x, y):
        return True
    for role in ("value", "quantity"):
        vx, vy = ex.args.get(role, []), ey.args.get(role, [])
        if vx and vy and not shared(vx, vy):
            return True
    main = MAIN_ROLE.get(ex.type, "")
    # a meeting's sides are told apart below (and `merge` wants a shared one)
    if ex.type != "meeting" and parties_conflict(ex.args.get(main, []), ey.args.get(main, [])):
        return True
    if ex.type == "sanction" and _agencies_differ(ex.args.get(main, []), ey.args.get(main, [])):
        return True
    second = SECOND_ROLE.get(ex.type, "")
    if second and parties_conflict(ex.args.get(second, []), ey.args.get(second, [])):
        return True
    if ex.type in ("procurement", "aid", "production") and not (
        ex.type == "production" and _one_party_one_sentence(x, y)
    ):
        ix = [a for a in ex.args.get("item", []) if not generic_item(a)]
        iy = [a for a in ey.args.get("item", []) if not generic_item(a)]
        if ix and iy and not any(_same_item(a, ex, b, ey) for a in ix for b in iy):
            return True
    if ex.type == "meeting":
        px, py = ex.args.get("participant", []), ey.args.get("participant", [])
        cx = [a for a in px if _is_country(a, x) and not any(_match(a, b) for b in py)]
        cy = [a for a in py if _is_country(a, y) and not any(_match(a, b) for b in px)]
        # a lone country ("travelled to Russia") is the side of its leader the other names,
        # when both tell the meeting as held
        if "planned" not in (ex.status, ey.status):
            if not any(_is_person(a, x) for a in px) and _all_stood_for(px, py):
                cx = []
            if not any(_is_person(a, y) for a in py) and _all_stood_for(py, px):
                cy = []
        if cx and cy:
            return True  # Kishida in Ukraine / Kishida in India
        if _visit_elsewhere(_visited(cy, y), px, x) or _visit_elsewhere(_visited(cx, x), py, y):
            return True  # "talks with the Chancellor" / "will also stop in Austria during the tour"
        hx = [a for a in px if _is_person(a, x) and not any(_match(a, b) for b in py)
              and not _host_of_place(a, px, y)]
        hy = [a for a in py if _is_person(a, y) and not any(_match(a, b) for b in px)
              and not _host_of_place(a, py, x)]
        if hx and hy and not _attendees(x, y) and not (told_again and _host_and_guest(hx, py)):
            return True  # Putin with Xi / Putin with Macron
    if ex.type == "agreement" and (x.trigger in MEMBERSHIP) != (y.trigger in MEMBERSHIP):
        return True
    if ex.type == "aid" and _training_apart(x, y):
        return True
    return _renewal(x) != _renewal(y)  # an order and its renewal years on are two acts


_TRAINING = word_set("nlp/validate", "aid_training_words")


def _named_items(c: Candidate) -> list[Argument]:
    """The aid's items less the generic ones ("weapons", "equipment")."""
    return [a for a in c.event.args.get("item", []) if not generic_item(a)]


def _training(c: Candidate) -> bool:
    """Aid told as instruction alone: its trigger trains ("to train pilots", "training of
    soldiers") or all its items are training ("will provide training")."""
    items = _named_items(c)
    if items:
        return all(set(arg_key(a)) & _TRAINING for a in items)
    return bool(set(norm_tokens(c.trigger)) & _TRAINING)


def _goods(c: Candidate) -> bool:
    """Aid that names goods and no training among them."""
    items = _named_items(c)
    return bool(items) and not any(set(arg_key(a)) & _TRAINING for a in items)


def _training_apart(x: Candidate, y: Candidate) -> bool:
    """Training of another's forces and a package of goods told in other sentences are two
    acts ("a package of ammunition and artillery" / "efforts to train its pilots"); one
    sentence that lists both is one package."""
    if x.sentence == y.sentence and x.story == y.story:
        return False
    return (_training(x) and _goods(y)) or (_training(y) and _goods(x))


# verbs that keep an act in force ("continuing for 1 year the national emergency", "extended
# the sanctions for six months"); their forms are found by the stem
_RENEWAL_STEMS = {w[:-1] if w.endswith("e") else w
                  for w in word_set("nlp/validate", "sanction_renewal_verbs")}


def _renewal(c: Candidate) -> bool:
    """A sanction kept in force, not imposed: the "emergency" trigger (read only when renewed)
    or a renewal verb just before the trigger ("renewed the sanctions")."""
    if c.event.type != "sanction":
        return False
    return c.trigger == "emergency" or _before_trigger(
        c, 4, lambda w: any(w.startswith(r) for r in _RENEWAL_STEMS))


def _host_of_place(a: Argument, own: list[Argument], other: Candidate) -> bool:
    """"Trump arrived in Beijing" / "when meeting Xi in Beijing": a person of the country the
    other mention names only as a place or a state, no person of it, is that side (its host),
    when `a` is the one person of its mention and its other sides are the other's too."""
    home = _KB.get(id(a), ("", None))[1]
    sides = other.event.args.get("participant", [])
    if any(b is not a and (_KB.get(id(b), ("",))[0] == "person"
                           or not any(_match(b, c) or _same_side(b, c) for c in sides))
           for b in own):
        return False
    hosted = any(_is_country(b, other) and _same_side(a, b) for b in sides)
    return bool(home) and hosted and not any(
        _is_person(b, other) and _KB.get(id(b), ("", None))[1] == home for b in sides)


def _visited(countries: list[Argument], c: Candidate) -> list[Argument]:
    """The countries a mention names as the place of its meeting."""
    places = c.event.args.get("location", [])
    return [a for a in countries if any(_match(a, p) for p in places)]


def _visit_elsewhere(countries: list[Argument], people: list[Argument], c: Candidate) -> bool:
    """A mention's countries (a visit to them) that are home to none of the two or more named
    people the other mention has meet ("a summit with Abe" / "will visit South Korea"): the
    visit is another stop of the trip, not that talk."""
    homes = {_KB[id(a)][1] for a in people if _is_person(a, c) and id(a) in _KB}
    return len(homes) >= 2 and None not in homes and bool(countries) and not any(
        _KB.get(id(b), ("", None))[1] in homes for b in countries)


def _host_and_guest(hx: list[Argument], py: list[Argument]) -> bool:
    """"X visited India" / "during the visit the Ukrainian minister met Y": the one person
    the visit names is the one the talk describes without a name, the talk's named person
    the side the visit left out."""
    return len(hx) == 1 and any(_unnamed(a) for a in py)


def _day(c: Candidate, inherited: bool = False) -> str | None:
    """The day the mention states (or, asked, inherits from the story when it states none)."""
    d = c.date if c.date is not None or not inherited else c.context_date
    return d.value if d is not None and len(d.value) == 10 else None


def _same_day(x: Candidate, y: Candidate) -> bool:
    """Both state the same day: "will meet on Saturday" and "met on Saturday" are one meeting
    told before and after (a plan and a deed on one stated day are one event)."""
    return _day(x) is not None and _day(x) == _day(y)


def _one_visit(x: Candidate, y: Candidate) -> bool:
    """A visit of several days told by two of its days ("left on Monday" / "visits from May 16
    to 17"): a meeting with the same named person, dates a day apart."""
    dx, dy = _day(x), _day(y)
    if x.event.type != "meeting" or dx is None or dy is None:
        return False
    gap = abs((dt.date.fromisoformat(dx) - dt.date.fromisoformat(dy)).days)
    px, py = x.event.args.get("participant", []), y.event.args.get("participant", [])
    return gap <= 1 and any(_is_person(a, x) and _match(a, b) for a in _own(px) for b in py)


def _told_that_day(x: Candidate, y: Candidate) -> bool:
    """x states a day that y states too or, stating none, inherits from the story."""
    return _day(x) is not None and _day(x) == _day(y, inherited=True)


def _is_body(a: Argument) -> bool:
    return bool(a.id and a.id.startswith("organization:"))


def _attendees(x: Candidate, y: Candidate) -> bool:
    """Two mentions of one gathering of a known body ("the SCO meeting") that name different
    attendees and no common person: the persons are delegates, not two sides of two talks."""
    px, py = x.event.args.get("participant", []), y.event.args.get("participant", [])
    body = any(_is_body(a) and _match(a, b) for a in px for b in py)
    person = any(_is_person(a, x) and _match(a, b) for a in px for b in py)
    return body and not person


def _same_item(a: Argument, ea: Event, b: Argument, eb: Event) -> bool:
    """The same item, or one whose name only adds the count its event states ("and 80 aircraft"
    of "40, 60 and 80 aircraft" is the "Medium Transport Aircraft")."""
    if _match(a, b):
        return True
    if all(v.id and not v.id.startswith("new:") for v in (a, b)):
        return False  # the knowledge base tells them apart
    wa, wb = _item_words(a, ea), _item_words(b, eb)
    # "a new fighter" / "fighter jets", "more drones" / "drones": the same kind once the
    # words that only qualify it are set aside
    return same_value(wa, wb) or same_value(_kind_words(wa), _kind_words(wb))


def _kind_words(words: list[str]) -> list[str]:
    return [w for w in words if w not in _GENERIC_MODIFIERS]


def _item_words(a: Argument, e: Event) -> list[str]:
    counts = {t for q in e.args.get("quantity", []) for t in norm_tokens(q.text)}
    return [t for t in norm_tokens(a.text) if t not in counts and t not in ("and", "or")]


def _one_party_one_sentence(x: Candidate, y: Candidate) -> bool:
    """Two production readings of one sentence by the same producer ("X opens a radar plant,
    doubling its output of Y"): the items of one effort, not two. (Purchases stay apart: "sealed
    a deal for X and earlier ordered Y" are two.)"""
    main = MAIN_ROLE.get(x.event.type, "")
    return bool(_sentences(x.event) & _sentences(y.event)) and bool(
        shared(_own(x.event.args.get(main, [])), _own(y.event.args.get(main, [])))
    )


MEMBERSHIP = {"join", "accession", "membership"}
# a procurement's delivery is another event than its order (spec: "an order and a later delivery")
DELIVERY = {"deliver", "delivery", "receive", "induct", "induction", "arrive", "arrival", "hand",
            "handover", "commission"}
# a party named by what it is, not who: it may be any of the named ones ("a Chinese company")
_DESCRIPTIONS = {"company", "firm", "government", "army", "navy", "military", "ministry",
                 "country", "side", "counterpart", "official", "manufacturer", "supplier",
                 "partner", "ally", "nation", "state", "contractor", "force", "administration"}


def _stage_conflict(x: Candidate, y: Candidate) -> bool:
    """A plan against a fact ("will buy" / "bought") unless both tell the same day; an order
    against its delivery."""
    if ({_status(x), _status(y)} == {"planned", "done"} and not _same_day(x, y)
            and not any(c.event.status == "done" and _after_publication(c.date) for c in (x, y))
            and not any(c.event.status == "planned" and _deal_terms(c) for c in (x, y))):
        return True
    return x.event.type == "procurement" and _delivered(x) != _delivered(y)


DEAL_TERMS = word_set("nlp/status", "deal_terms_nouns")
TENDER_NOUNS = word_set("nlp/triggers", "tender_nouns")


def _status(c: Candidate) -> str | None:
    """The mention's status, a tender's always a plan (spec: a tender or RFI is a planned
    purchase however it is told: "Army issues RFI for drones" / "the Army released an RFI")."""
    if _tender(c):
        return "planned"
    return c.event.status


def _tender(c: Candidate) -> bool:
    first = norm_tokens(c.trigger)[:1]
    return c.event.type == "procurement" and bool(first) and first[0] in TENDER_NOUNS


def _deal_terms(c: Candidate) -> bool:
    """A sentence that opens with a deal's terms ("Under the agreement, X will build a line"):
    what the deal provides for, told with it, not a plan of its own."""
    words = norm_tokens(c.event.evidence)
    return bool(words) and words[0] == "under" and bool(DEAL_TERMS & set(words[1:4]))


def _after_publication(d: DateValue | None) -> bool:
    """A date after the story's day: what it tells as done is still to come ("during the visit
    in June the two leaders are expected to discuss", told in May)."""
    if d is None or not _PUBLISHED:
        return False
    return d.value > _PUBLISHED[0][: len(d.value)]


def _delivered(c: Candidate) -> bool:
    """A delivery that happened or is announced ("plans to induct" is still the purchase)."""
    return c.trigger in DELIVERY and c.event.status != "planned"


def descriptive(a: Argument) -> bool:
    """A party written as a description ("Chinese company", "his counterpart"), not a name."""
    if a.id and not a.id.startswith("new:"):
        return False
    words = a.text.split()
    if not words:
        return True
    toks = norm_tokens(a.text)
    return words[-1][:1].islower() or (len(toks) == 1 and toks[0] in _DESCRIPTIONS)


def parties_conflict(xs: list[Argument], ys: list[Argument]) -> bool:
    """Both name parties of the role and none of them is the same (a description matches
    any party)."""
    nx = [a for a in xs if not descriptive(a)]
    ny = [a for a in ys if not descriptive(a)]
    return bool(nx and ny and not any(_same_side(x, y) for x in xs for y in ys))


PUBLIC_BODY_WORDS = word_set("nlp/roles", "public_body_words")


def _names_a_body(a: Argument) -> bool:
    """A public body named as such ("Department of State"), not a country."""
    return a.text[:1].isupper() and bool(PUBLIC_BODY_WORDS & set(norm_tokens(a.text)))


def _agencies_differ(xs: list[Argument], ys: list[Argument]) -> bool:
    """Two bodies of one state, each named ("the Department of the Treasury" / "the Department
    of State"): the actions of separate agencies in one fact sheet are separate events, though
    each stands for its country."""
    bx = [a for a in xs if _names_a_body(a)]
    by = [a for a in ys if _names_a_body(a)]
    return bool(bx and by) and not any(
        (a.id and a.id == b.id) or same_value(arg_key(a), arg_key(b)) for a in bx for b in by)


def _same_side(a: Argument, b: Argument) -> bool:
    """The same party, or a country and a person who acts for it ("Joe Biden announced a
    package" / "the United States is providing"): for a deal's sides, not a meeting's."""
    if _match(a, b):
        return True
    ka, kb = _KB.get(id(a)), _KB.get(id(b))
    if ka is None or kb is None or not ka[1] or ka[1] != kb[1]:
        return False
    return {ka[0], kb[0]} == {"country", "person"}


_GENERIC_ITEMS = {
    "machine",
    "system",
    "equipment",
    "weapon",
    "arm",
    "hardware",
    "unit",
    "vehicle",
    "platform",
    "item",
    "good",
    "product",
    "asset",
    "capability",
}


_GENERIC_MODIFIERS = {"military", "defense", "defence", "new", "more", "additional", "other",
                      "such", "these", "those", "certain", "modern", "advanced", "weapon", "arm",
                      "western", "foreign", "some", "key", "critical", "further"}


_AID_AS_ITEM = {"aid", "assistance", "support", "security"}  # "military aid", "security assistance"


def generic_item(a: Argument) -> bool:
    """An item that names no kind of goods ("equipment", "weapons systems", "new systems",
    aid given as what it is: "military aid", "security assistance")."""
    toks = norm_tokens(a.text)
    if len(toks) == 2 and toks[1] in _AID_AS_ITEM and toks[0] in _AID_AS_ITEM | _GENERIC_MODIFIERS:
        return True
    return (bool(toks) and toks[-1] in _GENERIC_ITEMS
            and all(t in _GENERIC_MODIFIERS or t in _GENERIC_ITEMS for t in toks[:-1]))


def drop_generic_items(c: Candidate) -> None:
    """ "weapons and equipment, including HIMARS and radars": once a record names the goods,
    the words that name none ("weapons", "military aid") are no items of their own."""
    items = c.event.args.get("item", [])
    if any(not generic_item(a) for a in items):
        c.event.args["item"] = [a for a in items if not generic_item(a)]


def drop_place_sides(c: Candidate) -> None:
    """ "X travelled to Kyiv to meet Y": the place visited is where the meeting is held; read
    also as a side, it goes once the meeting has sides of its own."""
    if c.event.type != "meeting":
        return
    places = {(a.start, a.end) for a in c.event.args.get("location", []) if a.start is not None}
    sides = c.event.args.get("participant", [])
    kept = [a for a in sides if a.start is None or (a.start, a.end) not in places]
    if kept and len(kept) < len(sides):
        c.event.args["participant"] = kept


def _is_person(a: Argument, c: Candidate) -> bool:
    """A person, by the knowledge base or as read here or in another sentence ("Qin met ...",
    then "during his meeting with Lavrov, Qin said")."""
    if a.id and (a.id.startswith("person:") or a.id in _PEOPLE):
        return True
    return c.labels.get(id(a)) == "PERSON"


def _is_country(a: Argument, c: Candidate) -> bool:
    if a.id and a.id.startswith("country:"):
        return True
    return c.labels.get(id(a)) in ("GPE", "COUNTRY", "METONYM")


def affinity(x: Candidate, y: Candidate) -> int:
    """How many values the two mentions share (0: nothing ties them)."""
    ex, ey = x.event, y.event
    n = 0
    for role in set(ex.args) & set(ey.args):
        n += shared(_own(ex.args[role]), _own(ey.args[role]))
    main = MAIN_ROLE.get(ex.type, "")  # a country and its leader or minister acting
    n += _stand_ins(_own(ex.args.get(main, [])), _own(ey.args.get(main, [])))
    if ex.type in ("strike", "meeting") and (_told_that_day(x, y) or _told_that_day(y, x)) and (
            not _named_targets_differ(ex, ey)):
        n += 1  # the same day's attack, the same day's meeting ("X claimed the attack")
    if _sentences(ex) & _sentences(ey):
        n += 1  # two readings of one sentence that nothing tells apart
    return n


def _named_target(a: Argument) -> bool:
    """A target named as a place of its own ("the Khalino airfield", "the Odesa region"), not
    a state or a description ("a US destroyer", "the port")."""
    if a.id and a.id.startswith("country:"):
        return False
    return any(w[:1].isupper() and not _state_word(w) for w in a.text.split()
               if w.lower() not in ("the", "a", "an"))


@lru_cache(maxsize=4096)
def _state_word(word: str) -> bool:
    """A state's name, alias or demonym ("US", "Russian"): it names who owns a target, not
    where it is. A capital the KB lists as the state's metonym ("a Moscow fuel depot") names
    a place."""
    from materiel.kb import load_kb

    word = re.sub(r"['’]s$", "", word.strip(".,;:"))
    return any(i.startswith("country:") and kind != "metonym"
               for i, kind in load_kb().lookup(word))


def _named_targets_differ(ex: Event, ey: Event) -> bool:
    """Two strikes that each name the place they hit, and not the same one ("drones struck
    the Khalino airfield" / "missiles hit the Odesa region" the same night): two attacks,
    which the day alone does not make one."""
    tx = [a for a in ex.args.get("target", []) if _named_target(a)]
    ty = [a for a in ey.args.get("target", []) if _named_target(a)]
    return ex.type == "strike" and bool(tx and ty) and not shared(ex.args.get("target", []),
                                                                  ey.args.get("target", []))


def _old_and_current(x: Candidate, y: Candidate, published: str | None) -> bool:
    """A mention dated well before publication and one with no date at all, not even from the
    story: the undated one is the news of the day, the other one background."""
    for old, new in ((x, y), (y, x)):
        if (new.date is None and new.context_date is None and old.date is not None
                and _long_before(old.date, published)):
            return True
    return False


def _sentences(e: Event) -> set[int]:
    """Where the record's sentences start (offsets unknown: none)."""
    starts = [e.evidence_start, *(o.start for o in e.other_evidence)]
    return {k for k in starts if k is not None}


def _merge_into(target: Candidate, other: Candidate) -> None:
    te, oe = target.event, other.event
    _note_conflicts(te, oe)
    parties = {MAIN_ROLE.get(te.type), SECOND_ROLE.get(te.type)}
    for role, vals in oe.args.items():
        mine = te.args.setdefault(role, [])
        for v in vals:
            same = [k for k, m in enumerate(mine) if _match(v, m)]
            if not same:
                if role in parties and descriptive(v) and any(not descriptive(m) for m in mine):
                    continue  # "the company" of one mention is the named seller of another
                if role in parties and not descriptive(v):
                    mine[:] = [m for m in mine if not descriptive(m)]
                mine.append(v)
                _carry(target, other, v)
            elif role == "item" and (_refines(v, mine[same[0]]) or _respells(v, mine[same[0]])):
                mine[same[0]] = v  # "Leopard 2 tanks" over "tanks"
                _carry(target, other, v)
            elif role in parties and _names_a_body(v) and not _names_a_body(mine[same[0]]) and (
                    _same_state(v, mine[same[0]])):
                # "the Department of the Treasury" over "the United States": the record keeps
                # which body acted, which tells it from another body's action
                mine[same[0]] = v
                _carry(target, other, v)
    fold_same_entities(target)
    # the body's sentence tells the event more clearly than a headline
    main_first = other.score > target.score or (target.heading and not other.heading)
    _join_evidence(te, oe, main_first)
    if main_first:
        target.score, target.sentence = other.score, other.sentence
        # what a deal provides for ("Under the deal, X will build ...") leaves it signed
        if oe.status and not (oe.status == "planned" and _deal_terms(other)):
            te.status = oe.status
    target.date = better_date(target.date, other.date)
    if target.context_date is None:
        target.context_date = other.context_date
    target.learned_date = better_date(target.learned_date, other.learned_date)
    if target.learned_context is None:
        target.learned_context = other.learned_context
    target.mentions += other.mentions
    target.triggers |= other.triggers
    target.heading = target.heading and other.heading
    target.detector_p = max(target.detector_p, other.detector_p)


def _carry(target: Candidate, other: Candidate, v: Argument) -> None:
    if id(v) in other.labels:
        target.labels[id(v)] = other.labels[id(v)]
    if id(v) in other.kb:
        target.kb[id(v)] = other.kb[id(v)]


def _specificity(arg: Argument) -> tuple[int, int, int]:
    """How much a spelling says: designations ("2S22"), then words, then characters."""
    tokens = norm_tokens(arg.text)
    return sum(any(ch.isdigit() for ch in t) for t in tokens), len(tokens), len(arg.text)


def fold_same_entities(cand: Candidate) -> None:
    """Values of one role that the knowledge base resolved to one entry are one value ("2S22
    Bohdana" and "Bohdana howitzers" in one record): keep its most specific spelling, where
    the first of them stood."""
    for role, vals in cand.event.args.items():
        if role in ("quantity", "value") or len(vals) < 2:
            continue
        best: dict[str, Argument] = {}
        for v in vals:
            if v.id and (v.id not in best or _specificity(v) > _specificity(best[v.id])):
                best[v.id] = v
        if len(best) == sum(1 for v in vals if v.id):
            continue
        kept: list[Argument] = []
        placed: set[str] = set()
        for v in vals:
            if not v.id:
                kept.append(v)
            elif v.id not in placed:
                placed.add(v.id)
                kept.append(best[v.id])
        cand.event.args[role] = kept


def _respells(new: Argument, old: Argument) -> bool:
    """`new` names the knowledge-base entry `old` names, more specifically."""
    return bool(new.id and new.id == old.id and _specificity(new) > _specificity(old))


def _refines(new: Argument, old: Argument) -> bool:
    """`new` says more than `old` and nothing else: its words hold all of `old`'s."""
    tn, to = norm_tokens(new.text), norm_tokens(old.text)
    return len(tn) > len(to) and set(to) <= set(tn) and (new.id is not None or old.id is None)


def better_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two dates; among equally precise ones the earlier (one night told
    by two days: the first)."""
    if a is None or b is None:
        return a or b
    if len(b.value) != len(a.value):
        return b if len(b.value) > len(a.value) else a
    if _one_night(a, b):
        return a  # the night as the record's first telling dates it
    return b if b.value < a.value else a


def _evidence(e: Event) -> list[Evidence]:
    return [Evidence(e.evidence, e.evidence_start, e.evidence_end), *e.other_evidence]


def _join_evidence(te: Event, oe: Event, other_first: bool) -> None:
    """Every sentence of both records: the main one (the clearer record's) as `evidence`, the
    others, once each and in document order, as `other_evidence`."""
    main = _evidence(oe)[0] if other_first else _evidence(te)[0]
    seen = {(main.start, main.text)}
    rest = []
    for ev in _evidence(te) + _evidence(oe):
        if (ev.start, ev.text) not in seen:
            seen.add((ev.start, ev.text))
            rest.append(ev)
    te.evidence, te.evidence_start, te.evidence_end = main.text, main.start, main.end
    te.other_evidence = sorted(rest, key=lambda ev: -1 if ev.start is None else ev.start)


NOTED_ROLES = ("location",)  # roles whose different values are kept but noted in `flags`


def _note_conflicts(te: Event, oe: Event) -> None:
    """Different values of a role that one event has once ("in Kyiv" / "in Lviv") are both
    kept; the flag says so, for a reader to check."""
    for role in NOTED_ROLES:
        mine, theirs = te.args.get(role, []), oe.args.get(role, [])
        if mine and theirs and not shared(mine, theirs):
            note = f"merged mentions differ on {role}"
            if note not in te.flags:
                te.flags.append(note)


def _hard_conflict(x: Candidate, y: Candidate, stage: bool = True) -> bool:
    """What tells a headline's event from the body's even when the headline names its
    parties differently ("Indian envoy meets army chief" / "Ambassador X met General Y"):
    explicit dates, amounts and counts, main parties that are known and all different, and
    a plan against a fact ("X opens a plant" / "X plans to add a line")."""
    ex, ey = x.event, y.event
    if dates_conflict(x.date, y.date):
        return True
    if stage and _planned(x) != _planned(y):
        return True
    if x.event.type == "agreement" and (x.trigger in MEMBERSHIP) != (y.trigger in MEMBERSHIP):
        return True
    for role in ("value", "quantity"):
        vx, vy = ex.args.get(role, []), ey.args.get(role, [])
        if vx and vy and not shared(vx, vy):
            return True
    if _known_items_differ(ex, ey):
        return True
    if ex.type == "meeting":
        return False  # a headline names a meeting's sides its own way ("X's meeting with Y")
    main = MAIN_ROLE.get(ex.type, "")
    mx = [a for a in ex.args.get(main, []) if a.id and not a.id.startswith("new:")]
    my = [a for a in ey.args.get(main, []) if a.id and not a.id.startswith("new:")]
    return bool(mx and my and not shared(mx, my)) and not _sides_swapped(ex, ey)


def _sides_swapped(ex: Event, ey: Event) -> bool:
    """A headline that reads the deal's sides the other way round ("X signs contracts with Y"
    read with X as the seller): one's main party is the other's second. Not a strike's or a
    sanction's: "X attacks Y" and "Y strikes X" are a blow and its answer."""
    if ex.type in ("strike", "sanction"):
        return False
    main, second = MAIN_ROLE.get(ex.type, ""), SECOND_ROLE.get(ex.type, "")
    return bool(second) and bool(shared(ex.args.get(main, []), ey.args.get(second, []))
                                 or shared(ex.args.get(second, []), ey.args.get(main, [])))


def _known_items_differ(ex: Event, ey: Event) -> bool:
    """Both name models the knowledge base knows and none is the other or a variant of it
    ("NASAMS" / "Abrams tanks"; "PAC-3" / "PAC-3 MSE" is one family)."""
    ix = {a.id for a in ex.args.get("item", []) if a.id and not a.id.startswith("new:")}
    iy = {a.id for a in ey.args.get("item", []) if a.id and not a.id.startswith("new:")}
    return bool(ix and iy) and not any(a.startswith(b) or b.startswith(a) for a in ix for b in iy)


def _trigger_stem(c: Candidate) -> str:
    """The trigger's lemma less a final "e", to find it written ("receive" in "receiving")."""
    lemma = "".join(norm_tokens(c.trigger)[:1])
    return lemma[:-1] if lemma.endswith("e") else lemma


def _before_trigger(c: Candidate, span: int, wanted: Callable[[str], bool]) -> bool:
    """Whether one of the `span` words written just before the trigger is `wanted`
    ("another package", "bilateral meetings", "renewed the sanctions")."""
    stem = _trigger_stem(c)
    if not stem:
        return False
    words = norm_tokens(c.event.evidence)
    return any(w.startswith(stem) and any(wanted(v) for v in words[max(0, k - span):k])
               for k, w in enumerate(words))


def _planned(c: Candidate) -> bool:
    """A plan, or a headline that tells one the headline way: "X to buy Y"."""
    return _status(c) == "planned" or (c.heading and _headline_future(c))


def _headline_future(c: Candidate) -> bool:
    """"to" just before the trigger in the headline's clause ("Navy to receive ship on May 23";
    not a purpose's "Army awards contracts to accelerate production")."""
    stem = _trigger_stem(c)
    if not stem:
        return False
    for clause in re.split(r"[;:]", c.event.evidence):
        words = norm_tokens(clause)
        at = next((k for k, w in enumerate(words) if w.startswith(stem)), None)
        if at is not None:
            return at > 0 and words[at - 1] == "to"
    return False


def _trigger_clause(c: Candidate) -> str | None:
    """The clause of a headline of several ("X orders tanks; Y opens plant") that holds the
    trigger (None: one clause, or the trigger not found)."""
    clauses = re.split(r"[;|]", c.event.evidence)
    stem = _trigger_stem(c)
    if len(clauses) < 2 or not stem:
        return None
    return next((k for k in clauses if any(w.startswith(stem) for w in norm_tokens(k))), None)


def keep_to_its_clause(c: Candidate) -> None:
    """A headline of several stories: the values and date of the other clauses are theirs."""
    clause = _trigger_clause(c)
    if clause is None:
        return
    for role in list(c.event.args):
        c.event.args[role] = [a for a in c.event.args[role] if a.text in clause]
        if not c.event.args[role]:
            del c.event.args[role]
    if c.date is not None and c.date.text and c.date.text not in clause:
        c.date = None
    if c.learned_date is not None and c.learned_date.text and c.learned_date.text not in clause:
        c.learned_date = None


def _plan_told_as_done(body: Candidate, head: Candidate) -> bool:
    """A headline that tells as a plan what the body tells as done ("X seeks to buy one
    tanker" / "X approved the lease of one tanker"): the same deal when they share two
    values and nothing else tells them apart."""
    return not _hard_conflict(body, head, stage=False) and affinity(body, head) >= 2


def _long_before(d: DateValue | None, published: str | None) -> bool:
    """A date that ended well before publication: no headline's news."""
    if d is None or not published:
        return False
    try:
        pub = dt.date.fromisoformat(published[:10])
        y = int(d.value[:4])
        if len(d.value) >= 10:
            end = dt.date.fromisoformat(d.value[:10])
        elif len(d.value) == 7:
            m = int(d.value[5:7])
            end = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(y, 12, 31)
        return end < pub - dt.timedelta(days=HEADLINE_DAYS)
    except (OverflowError, ValueError):  # a date at the ends of the calendar (0001, 9999)
        return False


HEADLINE_DAYS = 45  # a headline's event is at most this old (an explicit date in the body)


def absorb_headings(
    cands: list[Candidate], by_story: bool = True, published: str | None = None
) -> list[Candidate]:
    """A headline's event is one the body tells (spec: one real event per document): a record
    made only of headline mentions joins the body record of its type that it shares the most
    with, else the first one, unless something explicit tells them apart. It brings the roles
    the body record lacks; the body's own wording of the others is the clearer."""
    out: list[Candidate] = []
    for c in cands:
        if not c.heading:
            out.append(c)
            continue
        body = [
            o
            for o in cands
            if o is not c
            and not o.heading
            and o.event.type == c.event.type
            and (not by_story or o.story == c.story)
            and (not _hard_conflict(o, c) or _plan_told_as_done(o, c))
            and (c.date is not None or not _long_before(o.date or o.context_date, published))
        ]
        if not body:
            out.append(c)
            continue
        host = max(body, key=lambda o: (affinity(o, c), -cands.index(o)))
        for role, vals in c.event.args.items():
            if not host.event.args.get(role):
                host.event.args[role] = list(vals)
                for v in vals:
                    if id(v) in c.labels:
                        host.labels[id(v)] = c.labels[id(v)]
                    if id(v) in c.kb:
                        host.kb[id(v)] = c.kb[id(v)]
        host.date = better_date(host.date, c.date)
        host.learned_date = better_date(host.learned_date, c.learned_date)
        _join_evidence(host.event, c.event, False)
        host.mentions += c.mentions
    return out


# words that tell a mention's event from the ones told before it ("another package",
# "held separate talks"); "new" and "additional" do not: a body's "new package" is the headline's
_ANOTHER = {"another", "separate"}


def _told_apart(c: Candidate) -> bool:
    """The mention calls its event another one: "another" or "separate" shortly before the
    trigger ("another package of security assistance")."""
    return _before_trigger(c, 4, _ANOTHER.__contains__)


def merge(
    cands: list[Candidate], by_story: bool = True, published: str | None = None
) -> list[Candidate]:
    """Merge candidates in document order; each joins the best compatible earlier record,
    then meeting records join one another as long as one finds a tie.

    by_story: only within one story (teaser feeds: each item is its own story)."""
    _KB.clear()
    _SIDE.clear()
    _PEOPLE.clear()
    _PUBLISHED[:] = [published[:10]] if published else []
    for c in cands:
        if c.heading:
            keep_to_its_clause(c)
        fold_same_entities(c)
        if _renewal(c) and c.date is None:
            # the story's earlier date is the act it renews ("I am continuing the national
            # emergency declared in Executive Order 13660"): the renewal is the story's own news
            c.context_date = c.learned_context = None
        _KB.update(c.kb)
        _SIDE.update(k for k, label in c.labels.items() if label == SIDE_LABEL)
        _PEOPLE.update(a.id for vals in c.event.args.values() for a in vals
                       if a.id and c.labels.get(id(a)) == "PERSON")
    out = _join(cands, published, by_story)
    while True:  # until no meeting record joins another
        again = _join(out, published, by_story, rejoin=True)
        if len(again) == len(out):
            break
        out = again
    return absorb_agreements(absorb_headings(out, by_story, published), by_story)


def _join(cands: list[Candidate], published: str | None, by_story: bool,
          rejoin: bool = False) -> list[Candidate]:
    """Each candidate joins the best compatible earlier record. rejoin: records of meetings
    join again, for the participants they gathered ("met the IAF Chief" / "IAF Chief
    Chaudhari's visit" once "Chaudhari" joined the first)."""
    out: list[Candidate] = []
    for c in cands:
        if rejoin and c.event.type != "meeting":
            out.append(c)
            continue
        best: Candidate | None = None
        best_aff = 0
        antecedent = None if rejoin else _antecedent(c, out, by_story)
        one_reading = next((o for o in out if _one_reading(o, c) or _restated(o, c)
                            or _one_deal_two_words(o, c) or _more_of_the_same(o, c)), None)
        if one_reading is not None and not rejoin:
            _merge_into(one_reading, c)
            continue
        for o in out:
            if o.event.type != c.event.type or (by_story and o.story != c.story) or (
                    o is not antecedent and conflict(o, c)):
                continue
            if _told_apart(c) and not _sentences(o.event) & _sentences(c.event):
                continue
            if o.event.type == "meeting" and o.triggers & c.triggers:
                continue  # one trigger's sides read apart ("bilateral meetings with A, B and C")
            aff = affinity(o, c)
            if _old_and_current(o, c, published) and aff < 3:
                continue  # (three shared values: the old date is misread, not background)
            if o is antecedent:
                aff = max(aff, 1)
            elif c.event.type == "meeting" and (not _meeting_tie(o, c) or _pair_apart(o, c)):
                continue
            # at a tie, a body record rather than a headline's (which may join the body later)
            if aff > best_aff or (aff and aff == best_aff and best is not None and best.heading
                                  and not o.heading):
                best, best_aff = o, aff
        if best is not None:
            _merge_into(best, c)
        else:
            out.append(c)
    return out


def _one_reading(x: Candidate, y: Candidate) -> bool:
    """Two readings of one trigger ("HAL will hold talks to procure 12 kits for the IAF", read
    once with HAL and once with the IAF as buyer): one deal, unless each counts its own goods
    ("40 jets and 79 kits") or the event is a meeting ("held separate talks with A and B")."""
    if x.event.type != y.event.type or x.event.type == "meeting" or not x.triggers & y.triggers:
        return False
    second = SECOND_ROLE.get(x.event.type, "")
    if second == "seller" and parties_conflict(x.event.args.get(second, []),
                                               y.event.args.get(second, [])):
        return False  # "awarded A and B separate contracts": one purchase from each firm
    for role in ("value", "quantity"):
        vx, vy = x.event.args.get(role, []), y.event.args.get(role, [])
        if vx and vy and not shared(vx, vy):
            return False
    return True


_APART = word_set("nlp/status", "deal_words_apart")
_NESTED_SPAN = 8  # at most this many words between the two trigger words of one deal


def _one_deal_two_words(x: Candidate, y: Candidate) -> bool:
    """Two trigger words of one purchase or gift in one clause, with no word between them that
    tells two acts ("issued an RFI for the procurement of 114 jets", "is still looking to procure
    114 jets under its tender"): one deal, what each reads as its goods notwithstanding ("the
    tender" / "jets"), unless a date, a price, a count or a side tells them apart, or one is
    the order and the other its delivery, one a plan and the other a deed ("will buy 500 drones
    to protect the tanks the army ordered"), or each names goods the other does not."""
    ex, ey = x.event, y.event
    if ex.type != ey.type or ex.type not in ("procurement", "aid"):
        return False
    start, text = ey.evidence_start, ey.evidence
    if start is None or start not in _sentences(ex):
        return False
    if dates_conflict(x.date, y.date) or _delivered(x) != _delivered(y):
        return False
    if not (_tender(x) or _tender(y)) and (  # a tender's status and goods are its purchase's
            ex.status != ey.status or _stage_conflict(x, y) or _goods_apart(ex, ey)):
        return False
    for role in ("value", "quantity"):
        vx, vy = ex.args.get(role, []), ey.args.get(role, [])
        if vx and vy and not shared(vx, vy):
            return False
    for role in (MAIN_ROLE[ex.type], SECOND_ROLE[ex.type]):
        if parties_conflict(ex.args.get(role, []), ey.args.get(role, [])):
            return False
    if not shared(_own(ex.args.get(MAIN_ROLE[ex.type], [])),
                  _own(ey.args.get(MAIN_ROLE[ex.type], []))):
        return False
    for a in x.triggers:
        for b in y.triggers:
            lo, hi = sorted((a - start, b - start))
            if lo < 0 or hi > len(text) or lo == hi:
                continue
            between = text[lo:hi].split(None, 1)[1:]  # the words after the first trigger's
            if not between or re.search(r"[,;:]", between[0]):
                continue
            words = norm_tokens(between[0])
            if len(words) <= _NESTED_SPAN and not _APART & set(words):
                return True
    return False


def _goods_apart(ex: Event, ey: Event) -> bool:
    """Each tells a deal of its own, goods with a count, a price or a seller, and none of one's
    goods is, or is refined by, one of the other's ("buy 500 drones" / "the tanks ordered from
    X"; "jets" / "Kestrel jets" is one; a bare misread "Acceptance" of "get Acceptance of
    Necessity for the procurement of 114 jets" tells no deal)."""
    ix, iy = ex.args.get("item", []), ey.args.get("item", [])
    if not (_own_deal(ex) and _own_deal(ey)):
        return False
    return bool(ix and iy) and not any(
        _same_item(a, ex, b, ey) or _refines(a, b) or _refines(b, a) for a in ix for b in iy)


def _own_deal(e: Event) -> bool:
    return any(e.args.get(role) for role in ("quantity", "value", SECOND_ROLE[e.type]))


_MORE = word_set("nlp/status", "more_of_the_same")


def _more_of_the_same(x: Candidate, y: Candidate) -> bool:
    """One sentence that tells one purchase in two lots by one verb said twice, the second lot
    borrowing the goods of the first ("is looking to procure 12 jets for its air force and is
    looking to procure 20 more"): one plan, each lot its count, unless a date, a side or the
    stage tells them apart."""
    ex, ey = x.event, y.event
    if ex.type != ey.type or ex.type not in ("procurement", "aid") or x.triggers & y.triggers:
        return False
    if not x.trigger or norm_tokens(x.trigger)[:1] != norm_tokens(y.trigger)[:1]:
        return False
    if ey.evidence_start is None or ey.evidence_start not in _sentences(ex):
        return False
    if ex.status != ey.status or dates_conflict(x.date, y.date):
        return False
    for role in (MAIN_ROLE[ex.type], SECOND_ROLE[ex.type]):
        if parties_conflict(ex.args.get(role, []), ey.args.get(role, [])):
            return False
    if not shared(ex.args.get(MAIN_ROLE[ex.type], []), ey.args.get(MAIN_ROLE[ex.type], [])):
        return False
    spans = {a.start for a in ex.args.get("item", []) if a.start is not None}
    items = ey.args.get("item", [])
    if not items or not all(a.start in spans for a in items):
        return False  # the second lot names goods of its own
    text, start = ey.evidence, ey.evidence_start
    for q in ey.args.get("quantity", []):
        if q.end is None or q.start is None or q.start < start or min(x.triggers) > q.start:
            continue
        after = norm_tokens(text[q.end - start:])[:1]
        if after and after[0] in _MORE:
            return True
    return False


def _restated(x: Candidate, y: Candidate) -> bool:
    """Two readings of one sentence, by two triggers, that name the same three values or more
    and nothing else ("the 73 Tejas jets the IAF ordered in 2021 will be inducted"): one deal
    told with its stages, not two events."""
    ex, ey = x.event, y.event
    if ex.type != ey.type or ex.type == "meeting" or not _sentences(ex) & _sentences(ey):
        return False
    if dates_conflict(x.date, y.date):
        return False
    vx = [a for vals in ex.args.values() for a in vals]
    vy = [a for vals in ey.args.values() for a in vals]
    n = sum(shared(ex.args[r], ey.args[r]) for r in set(ex.args) & set(ey.args))
    return n >= 3 and n == len(vx) == len(vy)


# gatherings a definite noun names again only when the earlier mention named them too
_GATHERINGS = {"summit", "conference", "forum", "session", "assembly"}


def _antecedent(c: Candidate, out: list[Candidate], by_story: bool) -> Candidate | None:
    """The meeting a definite noun ("the visit", "during the trip") tells again: the last one
    told before it in the story that it can be (for "the summit": the last that named a
    summit)."""
    if c.event.type != "meeting" or not c.anaphor or c.event.evidence_start is None:
        return None
    here = c.event.evidence_start
    best, best_at = None, -1
    for o in out:
        if o.event.type != "meeting" or (by_story and o.story != c.story):
            continue
        before = [k for k in _sentences(o.event) if k < here]
        if not before or max(before) <= best_at:
            continue
        if c.anaphor in _GATHERINGS and not _names_gathering(o.event, c.anaphor):
            continue
        if conflict(o, c, told_again=True):
            continue
        best, best_at = o, max(before)
    return best


def _names_gathering(e: Event, noun: str) -> bool:
    texts = [e.evidence, *(o.text for o in e.other_evidence)]
    return any(w in (noun, noun + "s") for t in texts for w in norm_tokens(t))


def _all_stood_for(xs: list[Argument], ys: list[Argument]) -> bool:
    """Every party xs names is among ys or is the country of one of them ("the leaders
    travelled to Russia" / "Putin hosted them"); "the US with Poland" is not "Biden with
    Zelensky"."""
    named = [a for a in xs if not descriptive(a)]
    return bool(named) and all(any(_match(a, b) or _same_side(a, b) for b in ys) for a in named)


def _stand_ins(xs: list[Argument], ys: list[Argument]) -> int:
    """How many of xs are a country whose leader or minister ys name, or the reverse."""
    return sum(1 for a in xs if not any(_match(a, b) for b in ys)
               and any(_same_side(a, b) for b in ys))


def _meeting_tie(x: Candidate, y: Candidate) -> bool:
    """Two meeting mentions may be one meeting: they come from one sentence or name a common
    side, a country counting as the side of its leader or minister ("Putin hosts the African
    leaders" / "the leaders travelled to Russia")."""
    if _sentences(x.event) & _sentences(y.event):
        return True
    px, py = _own(x.event.args.get("participant", [])), _own(y.event.args.get("participant", []))
    if any(_match(a, b) for a in px for b in py) or _all_stood_for(px, py) or _all_stood_for(
            py, px):
        return True
    if _described_in_one_city(x, px, y, py) or _described_in_one_city(y, py, x, px):
        return True
    # "a conversation between the two leaders": a mention that names no one but the pair
    # is the meeting the story told that day
    paired = any(all(_unnamed(a) for a in ps) and _names_the_pair(c.event.evidence)
                 for c, ps in ((x, px), (y, py)))
    return paired and (_told_that_day(x, y) or _told_that_day(y, x))


def _described_in_one_city(x: Candidate, px: list[Argument], y: Candidate,
                           py: list[Argument]) -> bool:
    """"Polish and German ministers meet in Warsaw" / "X hosted his German counterpart in
    Warsaw": a mention naming no one, only who they are, held in a city the other names."""
    cities = [a for a in x.event.args.get("location", [])
              if a.id and a.id.startswith("geonames:")]
    return (bool(px) and all(descriptive(a) for a in px) and bool(py)
            and any(_match(a, b) for a in cities for b in y.event.args.get("location", [])))


def _pair_apart(o: Candidate, c: Candidate) -> bool:
    """ "X met A, B and C", then "during the meeting with A, X said": two named people met in
    a sentence of their own hold their own talk, not the gathering of many told before."""
    if c.anaphor:
        return False
    if _pair_at_gathering(o, c) or _pair_at_gathering(c, o):
        return True
    if (_bilateral(c) and _many_people(o)) or (_bilateral(o) and _many_people(c)):
        return True  # "met A, B and C", then "also held bilateral meetings with A, B and C"
    if _sentences(o.event) & _sentences(c.event):
        return False
    pc = _own(c.event.args.get("participant", []))
    everyone = _own(o.event.args.get("participant", []))
    po = [a for a in everyone if _is_person(a, o)]
    if len(po) >= 3 and len(pc) == 2 and all(_is_person(a, c) for a in pc):
        return True
    # "X met the ministers of the SCO", then "during his meeting with Y on the sidelines of
    # the SCO meeting": a talk of two named people at a body's gathering is their own
    people = [a for a in pc if _is_person(a, c)]
    return (any(_is_body(a) for a in everyone) and len(people) >= 2
            and any(not any(_match(a, b) for b in everyone) for a in people))


_BILATERAL = {"bilateral"}


def _bilateral(c: Candidate) -> bool:
    """The mention calls its talk one of two sides: "bilateral" shortly before the trigger."""
    return _before_trigger(c, 3, _BILATERAL.__contains__)


def _many_people(c: Candidate) -> bool:
    """A meeting of three named persons or more: a gathering, not a talk of two."""
    return sum(1 for a in _own(c.event.args.get("participant", [])) if _is_person(a, c)) >= 3


def _pair_at_gathering(gathering: Candidate, pair: Candidate) -> bool:
    """"I will be welcoming Z and NATO leaders, and I will be meeting with Z": a talk of two
    people, by a trigger of its own, is not the gathering of a body where they both are."""
    sides = pair.event.args.get("participant", [])
    return (len(sides) == 2 and all(_is_person(a, pair) for a in sides)
            and any(_is_body(a) for a in gathering.event.args.get("participant", []))
            and not gathering.triggers & pair.triggers)


def _names_the_pair(text: str) -> bool:
    """"the two leaders", "both sides", "the two ministers"."""
    words = norm_tokens(text)
    pairs = zip(words, words[1:], strict=False)
    return any(w in ("two", "both") and nxt in _OFFICES for w, nxt in pairs)


# heads of a participant that names an office, not its holder ("the US President")
_OFFICES = {"president", "leader", "minister", "pm", "premier", "chancellor", "secretary",
            "counterpart", "side", "delegation", "official", "head", "chief", "king", "emir"}


def _unnamed(a: Argument) -> bool:
    if descriptive(a):
        return True
    toks = norm_tokens(a.text)
    return bool(a.id and a.id.startswith("new:") and toks and toks[-1] in _OFFICES)


def fill_from_context(cands: list[Candidate], by_story: bool = True) -> None:
    """An aid record with no recipient ("the UK is sending 1,600 missiles") takes the
    recipient the document's other aid records name most often. No party is left on both
    sides of an aid record."""
    for c in cands:
        if c.event.type != "aid" or c.event.args.get("recipient"):
            continue
        counts: dict[str, tuple[int, Argument]] = {}
        for o in cands:
            if o is c or o.event.type != "aid" or (by_story and o.story != c.story):
                continue
            for a in o.event.args.get("recipient", []):
                key = " ".join(arg_key(a))
                n, _ = counts.get(key, (0, a))
                counts[key] = (n + 1, a)
        if counts:
            _n, best = max(counts.values(), key=lambda v: v[0])
            c.event.args["recipient"] = [
                Argument(text=best.text, name=best.name, id=best.id, start=best.start, end=best.end)
            ]
    for c in cands:
        _drop_self_giving(c)


def _same_party(a: Argument, b: Argument) -> bool:
    """One party named twice ("Kyiv" / "Ukraine" resolved alike), not two bodies of a state."""
    if a.id and b.id:
        return a.id == b.id
    return arg_key(a) == arg_key(b)


def _drop_self_giving(c: Candidate) -> None:
    """A party named as both donor and recipient ("Kyiv would receive the systems" read with
    Kyiv as the giver, or the story's recipient filled in) is the recipient: the receiving
    side is the surer reading."""
    args = c.event.args
    if c.event.type != "aid" or not args.get("donor") or not args.get("recipient"):
        return
    donors = [d for d in args["donor"] if not any(_same_party(d, r) for r in args["recipient"])]
    if donors:
        args["donor"] = donors
    else:
        del args["donor"]


_DEAL_ROLES = {
    "production": ("producer", "partner"),
    "procurement": ("buyer", "seller"),
    "aid": ("donor", "recipient"),
}


def absorb_agreements(cands: list[Candidate], by_story: bool = True) -> list[Candidate]:
    """An agreement whose parties make, buy or give something in the same document is that
    deal (spec precedence): fold it into the production/procurement/aid record."""
    out = []
    for c in cands:
        if c.event.type != "agreement":
            out.append(c)
            continue
        parties = c.event.args.get("party", [])
        host = None
        for o in cands:
            if o.event.type not in _DEAL_ROLES or (by_story and o.story != c.story):
                continue
            if dates_conflict(o.date, c.date):
                continue
            theirs = [a for r in _DEAL_ROLES[o.event.type] for a in o.event.args.get(r, [])]
            if parties and shared(parties, theirs) >= min(2, len(parties)):
                host = o
                break
        if host is None:
            out.append(c)
        else:
            host.mentions += c.mentions
            host.date = better_date(host.date, c.date)
            host.learned_date = better_date(host.learned_date, c.learned_date)
            _join_evidence(host.event, c.event, False)
    return out
