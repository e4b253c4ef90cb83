"""Participants and places of a meeting, visit or talk."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from materiel.nlp.companions import companions
from materiel.nlp.frames import Frame, named, pobjs, pp_of, subjects
from materiel.nlp.roles.common import add_parties, add_places
from materiel.nlp.roles.paired_sides import people_over_paired_states, split_paired_sides
from materiel.nlp.roles.parties import is_company, role_value
from materiel.nlp.spans import conjuncts, entity_of, item_range, party_label, place_label
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.nlp.venues import meeting_venues, named_venue
from materiel.wordlists import word_set

_ATTENDING = word_set("nlp/roles", "attending")
_SPEAKING = word_set("nlp/roles", "speaking")
_JOURNEY_VERBS = word_set("nlp/roles", "journey_verbs")
_ATTENDING_PURPOSES = word_set("nlp/roles", "attending_purposes")

MEETING_NOUNS = word_set("nlp/roles", "meeting_nouns")
VISITOR_NOUNS = word_set("nlp/roles", "visitor_nouns")
_NO_PLACE_MEETINGS = word_set("nlp/roles", "no_place_meeting_nouns")
_TELLING_VERBS = word_set("nlp/roles", "telling_verbs")


def fill_meeting(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    t = f.trigger
    subj = f.subj if f.trigger.dep_ != "nsubj" else []
    _named_sides(doc, f, m, subj)
    if m.trigger in ("visit", "trip", "travel", "arrive"):
        _visit_sides(doc, f, m, subj)
    _host_meetings(doc, f, m)
    add_places(doc, "location", f.pp("in", "at"), m)
    for p in f.pp("with", "between"):  # "met with business leaders in Washington"
        add_places(doc, "location", pp_of(p, "in"), m)
    _actors_around(doc, f, m)
    _speakers_at(doc, f, m)
    # "the visit", "during the visit, X held talks with Y": the meeting told before
    settings = [h for h in f.pp("during", "on", "in", "at") if h.i != t.i]
    anaphor = next((w for w in [t, *settings] if _anaphoric_meeting(w)), None)
    if anaphor is not None:
        m.cues.append(f"anaphor:{anaphor.lemma_.lower()}")
    _named_parts(doc, f, m)
    _fallback_location(doc, f, m)
    _journey_to_attend(doc, t, m)
    _leaders_take_part(doc, t, m)
    _site_before_noun(doc, t, m)
    split_paired_sides(doc, m)
    people_over_paired_states(doc, m)
    return []


def _site_before_noun(doc: Doc, t: Token, m: EventMention) -> None:
    for rng in _place_before_noun(t):
        rv = role_value(doc, "location", rng, "FAC")
        if rv is None:
            continue
        named_sides = m.values("participant")
        kept = [v for v in named_sides if v.end <= rv.start or rv.end <= v.start]
        if len(kept) < len(named_sides):  # "the Oval Office meeting": the site is no side
            m.args["participant"] = kept
        if not m.values("location"):
            m.add(rv)


def _named_sides(doc: Doc, f: Frame, m: EventMention, subj: list[Token]) -> None:
    """The sides the meeting's own phrase names: its subject and companions, whom it meets,
    tells or hosts, and those it is "with", "between" or "among"."""
    t = f.trigger
    add_parties(doc, "participant", subj + f.poss + f.mods, m, resolve_to=f.subj)
    add_parties(doc, "participant", companions(subj), m)
    if m.trigger in VISIT_RECEIVING_VERBS and t.pos_ == "VERB":
        add_parties(doc, "participant", _callers(f), m)  # "received a phone call from X"
    if (m.trigger in ("meet", "host", "call", "welcome", "convene", "summon",
                      *VISIT_RECEIVING_VERBS) and t.pos_ == "VERB"):
        add_parties(doc, "participant", f.obj, m)
    if m.trigger == "summon" and t.pos_ == "VERB":
        # "summoned Brask's defence attache": the envoy's state is the other side
        envoys = f.obj + [c for c in t.children if c.dep_ == "dobj" and c not in f.obj]
        add_parties(doc, "participant", _envoy_states(envoys), m)
    if m.trigger in ("tell", "inform", "assure") and t.pos_ == "VERB":
        # "Macron told Zelensky in Paris": the leader told is the other side
        add_parties(doc, "participant", [c for c in t.children if c.dep_ in ("dobj", "dative")], m)
    if m.trigger in ("meet", "gather") and t.tag_ == "VBG" and t.dep_ == "acl":
        add_parties(doc, "participant", [t.head], m)  # "EU leaders meeting in Brussels vowed"
    if m.trigger in ("host", "welcome", "meet", *VISIT_RECEIVING_VERBS) and t.pos_ == "VERB":
        # "hosted visitors from Australia", "met a delegation of US lawmakers": the guests'
        # side is where they come from or who they are
        guests = [o for o in f.obj if o.lemma_.lower() in VISITOR_NOUNS]
        if guests:
            froms = [w for o in guests for w in pp_of(o, "from", "of")] + f.pp("from")
            add_parties(doc, "participant", froms, m)
    add_parties(doc, "participant", f.pp("with", "between", "among", "of", "on"), m)
    if m.trigger in ("speak", "talk"):  # "spoke today to President X"
        add_parties(doc, "participant", f.pp("to"), m)


VISIT_RECEIVING_VERBS = word_set("nlp/roles", "visit_receiving_verbs")
RECEIVED_CALL_NOUNS = word_set("nlp/roles", "received_call_nouns")


def _callers(f: Frame) -> list[Token]:
    """Who a received call is from ("received a phone call from the French president")."""
    return [w for o in f.obj if o.lemma_.lower() in RECEIVED_CALL_NOUNS for w in pp_of(o, "from")]


def _envoy_states(objs: list[Token]) -> list[Token]:
    """The state an envoy summoned is of: the possessor, a named compound before the envoy
    or its "of" phrase ("Brask's defence attache", "the ambassadors of Brask and Lindor")."""
    owners = [
        c for o in objs for c in o.children if c.i < o.i and c.dep_ in ("poss", "compound")
    ] + [w for o in objs for w in pp_of(o, "of")]
    return [w for w in owners if party_label(w) not in (None, "NOUN")]


def _visit_sides(doc: Doc, f: Frame, m: EventMention, subj: list[Token]) -> None:
    """The places and sides of a visit, trip or arrival: where it goes, whose site it is,
    the group that goes, and the host side when no named visitor stands for it."""
    t = f.trigger
    dest = (f.obj if t.pos_ == "VERB" else []) + f.pp("to")
    if m.trigger == "arrive":
        dest += f.pp("in")  # "arrived in Kampala"
    places: list[Token] = []  # visited places that may be a city, not a party
    for tok in dest:
        for c in conjuncts(tok):
            if place_label(c):
                add_places(doc, "location", [c], m)
                ent = entity_of(c)
                if ent is not None and ent.label_ in ("COUNTRY", "METONYM"):
                    add_parties(doc, "participant", [c], m)
                elif ent is not None and ent.label_ == "GPE":
                    places.append(c)
            elif not add_parties(doc, "participant", [c], m):
                # "visited the HAL facility", "the facilities of FAdeA": its owner
                owners = [w for w in c.children if w.dep_ in ("compound", "poss", "nmod")]
                add_parties(doc, "participant", owners + pp_of(c, "of"), m)
                add_places(doc, "location", pp_of(c, "in"), m)  # "the plant in Bangalore"
    # "a team of Argentine officials visited", "a delegation from the Air Force"
    groups = [s for s in subj if s.lemma_.lower() in VISITOR_NOUNS]
    add_parties(doc, "participant", [w for s in groups for w in pp_of(s, "of", "from")], m)
    if not any(v.label not in (None, "NOUN") for v in m.values("participant")):
        # "the minister visited India": the host side when no named visitor stands for
        # it ("Modi is visiting Hiroshima": a city where he goes, no side of its own)
        add_parties(doc, "participant", places, m)


def _host_meetings(doc: Doc, f: Frame, m: EventMention) -> None:
    """A gathering the meeting is held "at", "during" or "on" ("at the NATO summit", "on the
    sidelines of X"): where it is held when named, and the named sides before its noun."""
    t = f.trigger
    for host in f.pp("at", "during", "on"):
        if host.i == t.i:
            continue
        if host.lemma_.lower() == "sideline":  # "on the sidelines of X"
            host = next(
                iter(pobjs(next((c for c in host.children if c.lower_ == "of"), host))), host
            )
        if host.lemma_.lower() in MEETING_NOUNS or host.lemma_.lower() in ("council", "assembly"):
            rng = item_range(host)
            if rng is not None:
                rv = role_value(doc, "location", rng, None)
                if rv is not None:
                    # "at the NATO summit" names where; "during his visit", "in a call" do not
                    if host.lemma_.lower() not in _NO_PLACE_MEETINGS and _named_gathering(
                            doc, rng):
                        m.add(rv)
                    m.cues.append(f"host:{host.i}")
            _named_sides_before(doc, host.subtree, host.i, m)
            add_places(doc, "location", pp_of(host, "in", "at"), m)


def _actors_around(doc: Doc, f: Frame, m: EventMention) -> None:
    """Who acts in the clause a meeting noun is set in ("during a call with X, Biden warned",
    "X pressed Y at a summit", "over lunch, X asked Y") and who makes a visit "by" them."""
    t = f.trigger
    # "during a call with X, Biden warned", "X, who is on a visit to Cairo": who acts
    # around the meeting takes part in it
    if (
        t.pos_ != "VERB"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("during", "in", "after", "on")
        and t.head.head.pos_ in ("VERB", "AUX")
        and (
            t.head.head.lemma_.lower() == "be"
            if t.head.lower_ == "on"
            else t.head.head.lemma_.lower() not in _ATTENDING
        )
    ):
        add_parties(doc, "participant", subjects(t.head.head), m)
        if t.head.head.lemma_.lower() in _TELLING_VERBS:
            # "in a call, X informed the president, Y": the one told is the other side
            told = [c for c in t.head.head.children if c.dep_ in ("dobj", "dative")]
            add_parties(doc, "participant", [named(c) for c in told], m)
    if (
        t.pos_ != "VERB"
        and t.dep_ == "pobj"
        and t.head.lower_ == "at"
        and t.head.head.pos_ == "VERB"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    ):
        # "X pressed Y at a summit in Paris": who acts on whom at a meeting told here
        acts = t.head.head
        add_parties(doc, "participant", subjects(acts), m)
        add_parties(doc, "participant", [c for c in acts.children if c.dep_ == "dobj"
                                      and entity_of(c) is not None], m)
    actor = _acting_at_meeting(t)
    if actor is not None:
        # "X will press Y in talks next week", "over lunch, X asked Y": who acts on whom
        add_parties(doc, "participant", subjects(actor) or _participle_subject(actor), m)
        add_parties(doc, "participant", [c for c in actor.children if c.dep_ == "dobj"
                                         and party_label(c) not in (None, "NOUN")], m)
    if m.trigger in ("visit", "trip") and t.pos_ != "VERB":
        add_parties(doc, "participant", f.pp("by"), m)  # "a state visit by Modi to Washington"


def _speakers_at(doc: Doc, f: Frame, m: EventMention) -> None:
    """Who speaks or attends at, before or after the meeting, or tells of a call."""
    t = f.trigger
    # "X spoke at the summit", "remarks by X at the summit": X takes part
    # "remarks by X and Y before their bilateral meeting": the speakers are its sides
    # "statement by X on his call with Y": the one who tells of a call with Y is its other side
    # (not "statement by a spokesperson on X's meeting with Y")
    told_call = t.head.lower_ == "on" and bool(f.pp("with")) and not any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in t.children)
    if t.pos_ != "VERB" and t.dep_ == "pobj" and (told_call or t.head.lower_ in (
            "at", "during", "to", "before", "after")):
        host = t.head.head
        if host.pos_ in ("VERB", "AUX") and host.lemma_.lower() in _ATTENDING:
            add_parties(doc, "participant", subjects(host) or _participle_subject(host), m)
            if host.lemma_.lower() in _TELLING_VERBS and t.head.lower_ == "during":
                # "during a call, X told Y": the one told is the other side
                told = [c for c in host.children if c.dep_ in ("dobj", "dative")]
                add_parties(doc, "participant", [named(c) for c in told], m)
        elif told_call and host.dep_ == "pobj" and host.head.lower_ == "by" and (
                host.head.head.lemma_.lower() in _SPEAKING):
            add_parties(doc, "participant", [host], m)  # "Statement by X on Call with Y"
        elif host.pos_ in ("NOUN", "PROPN") and host.lemma_.lower() in _SPEAKING:
            add_parties(
                doc,
                "participant",
                pp_of(host, "by") + [c for c in host.children if c.dep_ == "poss"],
                m,
            )


_SIDE_NAME_LABELS = ("GPE", "ORG", "COUNTRY", "NORP", "METONYM", "DEMONYM")


def _named_sides_before(doc: Doc, words: Iterable[Token], before: int, m: EventMention) -> None:
    """The states and bodies named among `words` ahead of the meeting noun at `before`
    ("the Nato-Ukraine summit") take part."""
    for w in words:
        if w.i < before and party_label(w) in _SIDE_NAME_LABELS:
            add_parties(doc, "participant", [w], m)


def _named_parts(doc: Doc, f: Frame, m: EventMention) -> None:
    # "Nato-Ukraine summit", "NATO Summit": named parts of the meeting noun
    for c in f.compounds:
        _named_sides_before(doc, c.subtree, f.trigger.i, m)


def _fallback_location(doc: Doc, f: Frame, m: EventMention) -> None:
    """Where the meeting is held when no phrase of its own says: a place hung lower in its
    phrase, else a venue told near it."""
    t = f.trigger
    if not m.values("location") and t.dep_ == "relcl" and any(
            c.lower_ == "where" for c in t.children):
        add_places(doc, "location", [t.head], m)  # "X is in Manila, where he met Y"
    if not m.values("location"):
        add_places(doc, "location", _low_places(t), m)
    if not m.values("location"):
        sides = f.pp("with") + f.obj
        for rng in meeting_venues(doc, t, sides)[:1]:
            rv = role_value(doc, "location", rng, "FAC")
            if rv is not None:
                m.add(rv)


def _place_before_noun(t: Token) -> list[tuple[int, int]]:
    """A city or a named site that names a meeting noun ("their Tokyo meeting", "the Oval
    Office meeting", "a White House summit"); a country there is a side or a topic ("US-China
    talks", "the Ukraine talks"), and so is a pair of places."""
    if t.pos_ != "NOUN" or t.is_title:
        return []  # "the Defense Industrial Base Conference": a gathering's name, no place
    places = []
    for c in t.lefts:
        whole = entity_of(c)
        if c.dep_ != "compound" or (whole is not None and whole.end > t.i):
            continue  # "the Defense Industrial Base Conference": a part of the gathering's name
        venue = named_venue(c)
        if venue is not None:
            places.append(venue)
        elif c.ent_type_ in _CITY_LABELS and c.is_title and (ent := entity_of(c)) is not None and (
                ent.end == c.i + 1):
            places.append((ent.start, ent.end))
    hyphen = any(w.text == "-" for w in t.doc[t.left_edge.i:t.i])
    return places if len(places) == 1 and not hyphen else []


_CITY_LABELS = frozenset({"GPE", "METONYM"})


_LEADING_VERBS = word_set("nlp/roles", "leading_verbs")


def _agents(verbs: Iterable[Token], lemmas: frozenset[str]) -> list[Token]:
    """Who the verbs of the given lemmas name with "by" ("led by X", "was hosted by Y")."""
    return [o for v in verbs if v.lemma_.lower() in lemmas
            for a in v.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
            for o in pobjs(a)]


def _led_by(tok: Token) -> list[Token]:
    """Who a participle names as leading the noun: "the dialogue led by X and Y"."""
    return _agents((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"),
                   _LEADING_VERBS)


_CONVENING_PARTICIPLES = word_set("nlp/roles", "convening_participles")
_ROUND_WORDS = word_set("nlp/roles", "meeting_round_words")


def _may_convene(o: Token) -> bool:
    """A state, government, official or international body may host a meeting as a side of
    it; a company, a venue or an institute that hosts or organises one is no side ("the
    conference organised by Lindell Aerospace", "hosted by the Grand Hotel")."""
    def company(c: Token) -> bool:  # a lone unknown name ("hosted by Kerel") may be a state
        ent = entity_of(c)
        return is_company(c) and (ent is None or ent.label_ == "COMPANY" or len(ent) > 1)

    return not any(company(c) or party_label(c) == "FAC" for c in conjuncts(o))


def _convened_by(t: Token) -> list[Token]:
    """Who hosts, brokers or organises a meeting noun, as a participle after it ("the
    talks, brokered by Qatar", "the forum hosted by Romania") or as the passive verb it is the
    subject of ("the conference was organised by Poland and Lithuania", "the first round of
    talks was facilitated by X"), or chairs it told as a passive ("the meeting was chaired by
    X"; as a participle, _led_by): sides of it, when they are states, officials or public
    bodies."""
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _ROUND_WORDS:
        t = t.head.head
    verbs = [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    passive = [t.head] if t.dep_ == "nsubjpass" else []
    return [o for o in _agents(verbs + passive, _CONVENING_PARTICIPLES) if _may_convene(o)] + (
        _agents(passive, _LEADING_VERBS))


def _leaders_take_part(doc: Doc, t: Token, m: EventMention) -> None:
    """ "the Japan-Korea dialogue led by X and Y", "met a delegation headed by its minister
    X": the leaders of the meeting, or of a delegation at it, are its sides (for a delegation,
    in its place)."""
    if t.pos_ in ("NOUN", "PROPN"):
        add_parties(doc, "participant", _led_by(t), m)
        add_parties(doc, "participant", _convened_by(t), m)
    for v in list(m.values("participant")):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in VISITOR_NOUNS:
            continue
        leaders = _led_by(span.root)
        if leaders and add_parties(doc, "participant", leaders, m):
            m.args["participant"] = [x for x in m.values("participant") if x is not v]


def _named_gathering(doc: Doc, rng: tuple[int, int]) -> bool:
    """ "at the NATO summit", "on the sidelines of the UN General Assembly" name where a
    meeting is held; "on the sidelines of a regional conference" names no place."""
    return any(w.pos_ == "PROPN" or w.ent_type_ or any(ch.isdigit() for ch in w.text)
               for w in doc[rng[0]:rng[1]])


_ACTING_PREPS = word_set("nlp/roles", "acting_preps")
_MEALS = word_set("nlp/status", "meals")


def _acting_at_meeting(t: Token) -> Token | None:
    """The verb of a clause set at a meeting noun, the noun hung on the verb's named object
    ("will press the Chinese leader in talks next week"), or on the verb itself when it acts on
    a person ("pressed Xi in talks") or the noun is a meal ("over lunch, X asked Y"): its
    subject and its named object are the sides."""
    if t.pos_ == "VERB" or t.dep_ != "pobj" or t.head.lower_ not in _ACTING_PREPS:
        return None
    if t.head.lower_ == "over" and t.lemma_.lower() not in _MEALS:
        return None  # "criticised X over the summit": the summit is a topic, not a setting
    holder = t.head.head
    if holder.pos_ == "VERB" and (t.head.lower_ == "over" or any(
            c.dep_ == "dobj" and party_label(c) == "PERSON" for c in holder.children)):
        return holder  # "X pressed Y in talks": the person acted on is the other side
    if (
        holder.dep_ == "dobj"
        and holder.head.pos_ == "VERB"
        and party_label(holder) not in (None, "NOUN")
    ):
        return holder.head
    return None


def _participle_subject(verb: Token) -> list[Token]:
    """ "Trudeau, speaking after a meeting with X, said ...": the name set off before a participle
    clause is its subject, also when the parse hangs both on the main verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.i < 2:
        return []
    comma, name = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if comma.text != "," or name.pos_ not in ("PROPN", "NOUN") or entity_of(name) is None:
        return []
    if name.head.i in (verb.i, verb.head.i) or verb.head.i == name.i:
        return [name]
    return []


def place_qualifier(doc: Doc, v: RoleValue) -> bool:
    """ "Kyiv, Ukraine": a country set after a city and a comma says where the city is; it is
    no destination of its own."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    if span is None or span[0].ent_type_ != "COUNTRY" or span.start < 2:
        return False
    city = doc[span.start - 2]
    if doc[span.start - 1].text != "," or city.ent_type_ not in ("GPE", "METONYM"):
        return False
    # "Warsaw, Lithuania and Latvia": a capital of another state is a stop of its own
    return not (city.ent_id_ and span[0].ent_id_ and city.ent_id_ != span[0].ent_id_)


def _low_places(t: Token) -> list[Token]:
    """Where a meeting is held when the parse hangs "in <place>" on a noun of its phrase:
    "the summit of G7 nations in Bavaria", "hold a meeting of the committee in Delhi",
    "met at Lancaster House in London", "hosted mediators in Cairo for talks"."""
    nouns = [w for c in t.children if c.dep_ == "prep" for w in pobjs(c)]
    if t.pos_ == "VERB":
        nouns += [c for c in t.children if c.dep_ == "dobj"]
    elif t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.head.pos_ == "VERB"):
        gov = t.head if t.dep_ == "dobj" else t.head.head
        nouns += [c for c in gov.children if c.dep_ == "dobj" and c.i != t.i]
    nested = [w for n in nouns for c in n.children if c.dep_ == "prep" for w in pobjs(c)]
    return [p for n in nouns + nested for p in _places_in(n)]


def _places_in(n: Token) -> list[Token]:
    """The "in" places hung on a noun of the meeting's phrase; on its topic ("talks on the
    war in Syria") the first is the topic's own place, not where the sides meet, and only a
    second one ("on the war in Syria in Sochi") can be."""
    places = pp_of(n, "in")
    return places[1:] if _topic_noun(n) else places


def _topic_noun(n: Token) -> bool:
    """A noun that says what a meeting is about: the object of "on", "about", "over" hung on
    a meeting noun or a verb ("talks on the war", "spoke about the fighting"); a body's remit
    ("the working group on munitions in Ottawa") is no topic of the meeting."""
    if n.dep_ != "pobj" or n.head.lower_ not in _TOPIC_PREPOSITIONS:
        return False
    holder = n.head.head
    return n.lemma_.lower() not in _SETTING_NOUNS and (
        holder.pos_ == "VERB" or holder.lemma_.lower() in MEETING_NOUNS)


_TOPIC_PREPOSITIONS = word_set("nlp/roles", "topic_prepositions")
_SETTING_NOUNS = word_set("nlp/roles", "setting_nouns")


def _journey_to_attend(doc: Doc, t: Token, m: EventMention) -> None:
    """ "X travelled to Vilnius to attend the NATO summit", "X arrived in Tokyo for the G7
    summit": the journey is the meeting's own, told once. The traveller takes part, the
    journey's end is where it is held, and the journey is no meeting of its own."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in MEETING_NOUNS or t.lemma_.lower() in (
            "visit", "trip"):
        return
    to_attend = t.dep_ == "dobj" and t.head.lemma_.lower() in _ATTENDING_PURPOSES and (
        t.head.dep_ in ("xcomp", "advcl"))
    if not (to_attend or (t.dep_ == "pobj" and t.head.lower_ == "for")):
        return
    journey = t.head.head
    # "X is in Tokyo for the G7 summit": being somewhere for a meeting is a journey too
    staying = journey.lemma_.lower() == "be" and bool(pp_of(journey, "in"))
    if not staying and (journey.pos_ != "VERB" or journey.lemma_.lower() not in _JOURNEY_VERBS):
        return
    add_parties(doc, "participant", subjects(journey), m)
    ends = pp_of(journey, "to", "in") + (
        [c for c in journey.children if c.dep_ == "dobj"] if journey.lemma_.lower() == "visit"
        else [])
    add_places(doc, "location", [c for e in ends for c in conjuncts(e) if place_label(c)], m)
    if not staying:
        m.cues.append(f"host:{journey.i}")


_ANAPHORIC_DETERMINERS = ("the", "this", "that", "his", "her", "their", "its")


def _anaphoric_meeting(t: Token) -> bool:
    """A definite meeting noun that names none of its own sides or setting ("the visit",
    "their talks"; not "the talks with X", "the G7 summit", "the summit of the Quad")."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in MEETING_NOUNS:
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETERMINERS
               for c in t.children):
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("with", "between", "of", "among"))
        or (c.dep_ in ("compound", "amod", "nmod", "nummod") and (c.ent_type_ or c.pos_ == "PROPN"))
        for c in t.children
    )
