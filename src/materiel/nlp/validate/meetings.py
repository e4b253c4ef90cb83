"""Whether a meeting word tells an event: its sides, its setting, its record."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of, subjects
from materiel.nlp.lexicon import SPEECH_VERBS
from materiel.nlp.roles import MEETING_NOUNS, PROD_VERBS, is_company
from materiel.nlp.spans import ORG_HEAD_HINTS, entity_of, is_military_item
from materiel.nlp.types import EventMention, RoleValue, Trigger
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.security import on_security
from materiel.nlp.validate.tokens import (
    BUYING_VERBS,
    LEADERS,
    SECURITY_EXTRA,
    SECURITY_WORDS,
    clause_of_phrase,
    governed_in_clause,
)
from materiel.wordlists import word_set

_PAIR_WORDS = ("two", "both")


def pair_told(doc: Doc, v: RoleValue) -> bool:
    """ "the two leaders", "officials from both sides": the pair the story has just named."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS" and any(
        w.lower_ in _PAIR_WORDS for w in span.root.subtree)


def _national(doc: Doc, v: RoleValue) -> bool:
    """ "the Dutch defence minister": a party noun tied to a country by its modifier, or by
    the states it comes from ("defence ministers from the Nordic countries")."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    if span is None:
        return False
    if any(entity_of(w) is not None for w in span if w.i < span.root.i):
        return True
    return span.root.tag_ == "NNS" and any(
        entity_of(w) is not None for o in pp_of(span.root, "from", "of") for w in o.subtree)


_MEETING_READINESS = word_set("nlp/validate", "meeting_readiness")


def _ready_to_meet(t: Token) -> bool:
    """A meeting verb under a word of willingness ("is ready to meet his counterpart", "said
    he was prepared to meet X"): an offer to meet, no meeting set."""
    if t.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    head = t.head
    # "is ready/prepared to meet" (a state), not "prepared to meet X on Friday" (a deed)
    return t.dep_ == "xcomp" and head.lower_ in _MEETING_READINESS and head.tag_ not in (
        "VBD", "VBZ", "VBP")


_UNDONE_VERBS = word_set("nlp/validate", "meeting_undone_verbs")
_UNDONE_NOUNS = word_set("nlp/validate", "meeting_undone_nouns")
_PLOTTED_WORDS = word_set("nlp/validate", "meeting_plotted_verbs")
_PLOT_WORDS = word_set("nlp/validate", "meeting_plot_words")
_SIDE_UNDONE_VERBS = word_set("nlp/validate", "meeting_side_undone_verbs")
_HEDGE_NOUNS = word_set("nlp/validate", "meeting_hedge_nouns")
_HEDGE_MODIFIERS = word_set("nlp/validate", "meeting_hedge_modifiers")


def _undone(t: Token) -> bool:
    """A meeting that a verb undoes or a plot aims at: "the planned summit was cancelled",
    "called off the talks", "withdrew from the visit", "the cancellation of the summit",
    "militants sought to disrupt the meeting" (the plot is told, not the meeting); a meeting
    disrupted or boycotted was still held."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of":
        holder = head.head.lemma_.lower()
        if holder in _UNDONE_NOUNS:
            return True  # "pushed for the cancellation of the summit"
        if holder in _PLOTTED_WORDS and _plotted(head.head):
            return True  # "a plot for the disruption of the summit"
    if t.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.pos_ == "VERB":
        head = head.head  # "withdrew from his visit", "pulled out of the talks"
    elif t.dep_ not in ("dobj", "nsubjpass"):
        return False
    lemma = head.lemma_.lower()
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
        return True
    if lemma == "pull" and t.dep_ == "pobj":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    if lemma in _SIDE_UNDONE_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
        return True  # "Ostmark boycotted the talks with Brask": a side stayed away, no talks
    if lemma in _PLOTTED_WORDS:
        return _plotted(head)  # "plan to disrupt the summit", not "protesters disrupted it"
    return lemma in _UNDONE_VERBS


def _plotted(w: Token) -> bool:
    """A word of harm that is an aim: an infinitive ("activated to disrupt the summit") or
    under a plan, wish or attempt ("plan to disrupt", "a plot for the disruption of")."""
    if w.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children):
        return True
    return governed_in_clause(w, _PLOT_WORDS, 3)


def _hedged(t: Token) -> bool:
    """A meeting only spoken of as a possibility: "reports of talks with X", "no clear path
    to talks", "the range of possible meetings"."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in _HEDGE_MODIFIERS for c in t.children):
        return True
    if t.dep_ != "pobj" or t.head.lower_ not in ("of", "to", "about", "for"):
        return False
    holder = t.head.head  # the noun the phrase hangs on ("reports of talks"), not a word
    return holder.pos_ == "NOUN" and holder.lower_ in _HEDGE_NOUNS  # that only stands before it


_TIMED_MEETING_MODS = word_set("nlp/validate", "timed_meeting_mods")
_CONVENING_VERBS = word_set("nlp/validate", "meeting_convening_verbs")


def _body_described(t: Token) -> bool:
    """A meeting noun set beside a body's name to say what the body is ("the Varn Four, a
    strategic security dialogue between A, B and C"); not a meeting told in time ("a recent
    meeting between X and Y"), nor one the parse hung on a name though it is the subject of
    the next verb ("..., a meeting between X and Y could break the deadlock")."""
    if t.pos_ != "NOUN" or t.dep_ != "appos" or t.head.pos_ != "PROPN":
        return False
    if t.head.ent_type_ in ("DATE", "TIME"):
        return False  # "Wednesday - a conversation with the prime minister": a diary entry
    if any(c.lower_ in _TIMED_MEETING_MODS for c in t.children if c.dep_ in ("amod", "nummod")):
        return False
    if _body_convened(t.head):
        return False  # "will host the Contact Group, a monthly meeting, at Ramstein on Friday"
    nxt = t.right_edge.i + 1
    return not (nxt < len(t.doc) and t.doc[nxt].pos_ in ("AUX", "VERB"))


def _body_convened(name: Token) -> bool:
    """A body's name that a clause convenes or sets in time or place ("host the Contact
    Group at Ramstein", "the Varn Four met on Friday"): the body meets, told here."""
    verb = name.head
    if name.dep_ == "dobj" and verb.lemma_.lower() in _CONVENING_VERBS:
        return True
    if name.dep_ not in ("dobj", "nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        w.ent_type_ in ("DATE", "TIME", "GPE", "FAC", "LOC")
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod")
        for w in c.subtree
    )


def _named_as_example(t: Token) -> bool:
    """A meeting named as an example of a kind ("channels such as the Varn Dialogue and
    other contacts"): the forms ties take, no meeting told."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    prep = t.head
    if t.dep_ != "pobj" or prep.i == 0:
        return False
    return f"{t.doc[prep.i - 1].lower_} {prep.lower_}" in _EXAMPLE_MARKERS  # "such as"


_EXAMPLE_MARKERS = word_set("nlp/validate", "example_markers")


def meeting_misread(case: Case) -> bool | None:
    """A meeting that only names a thing, or talks held for years."""
    f, t = case.f, case.f.trigger
    if _ready_to_meet(t):
        return False  # "is ready to meet his counterpart": an offer, no meeting set
    if _undone(t) or _hedged(t):
        return False  # "the summit was cancelled", "reports of talks": no meeting held or set
    if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
        return False  # "the summit communique", "the conference hall": the meeting only names
    if _body_described(t):
        return False  # "the Varn Four, a security dialogue between A and B": what a body is
    if _named_as_example(t):
        return False  # "channels such as the Varn Dialogue": a kind, no meeting held
    if any(
        w.lemma_.lower() in ("year", "month", "decade") for w in f.pp("for")
    ):
        return False  # "has held talks for years": no one event
    return None


def meeting_lacks_sides(case: Case) -> bool | None:
    """A meeting with no side named once junk participants are dropped."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t = case.f.trigger
    _drop_junk_participants(doc, m)
    if not meeting_is_event(doc, f, m, trig):
        return False
    if not m.values("location") and _only_own_name(t, m.values("participant")):
        return False  # "at the investors' meeting", "ahead of the Lisbon summit": no side
    if not any(
        v.label not in (None, "NOUN") or _national(doc, v) or pair_told(doc, v)
        for v in m.values("participant")
    ):
        return False
    return None


_OFF_TOPIC = word_set("nlp/validate", "off_topic")
_OFF_TOPIC_OVERRIDERS = word_set("nlp/validate", "off_topic_overriders")
_GATHERING_AND_GROUP_HEADS = word_set("nlp/validate", "gathering_and_group_heads")

# heads of role values that name an event, a place of gathering or a generic group, not a side
_NOT_PARTICIPANTS = MEETING_NOUNS | _GATHERING_AND_GROUP_HEADS
_APPEAL_GOVERNORS = word_set("nlp/validate", "appeal_governors")


def _drop_junk_participants(doc: Doc, m: EventMention) -> None:
    vals = m.args.get("participant")
    if not vals:
        return
    keep = []
    for v in vals:
        if pair_told(doc, v):
            keep.append(v)  # "the two countries will hold a dialogue": the pair told before
            continue
        words = [w for w in v.text.lower().replace("’s", " ").replace("'s", " ").split() if w]
        while words and any(ch.isdigit() for ch in words[-1]):
            words.pop()  # "DefExpo 2022"
        head = words[-1] if words else ""
        if head in _NOT_PARTICIPANTS or head.endswith(("expo", "summit")):
            continue
        keep.append(v)
    if keep:  # a meeting named as its only side stays (roles are scored apart)
        m.args["participant"] = keep


_LEARNING_PURPOSES = word_set("nlp/validate", "learning_purposes")
_LEARNING_VERBS = word_set("nlp/validate", "learning_verbs")


def _as_needed(t: Token) -> bool:
    """ "whenever they can", "when needed", "if necessary": a clause that makes a habit."""
    for c in t.children:
        if c.dep_ != "advcl":
            continue
        marks = {w.lower_ for w in c.children if w.dep_ in ("mark", "advmod")}
        subj = any(w.dep_ in ("nsubj", "nsubjpass") for w in c.children)
        if "whenever" in marks or (marks & {"when", "if"} and not subj and c.lemma_.lower() in (
                "need", "require", "necessary", "possible")):
            return True
    return False


def _went_to_learn(t: Token) -> bool:
    """A journey whose purpose is learning: "to begin a training course", "for training"."""
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _LEARNING_VERBS:
            objs = [o for o in c.children if o.dep_ == "dobj"]
            if any(o.lemma_.lower() in _LEARNING_PURPOSES for o in objs):
                return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lemma_.lower() in _LEARNING_PURPOSES for o in pobjs(c)):
            return True
    return False


def meeting_is_event(doc: Doc, f: Frame, m: EventMention, trig: Trigger) -> bool:
    """A meeting between officials on defense or security: not one about tourism, economy or
    commemoration (with no security word in the sentence), not an appeal ("answered the
    call", "calls on states to"), not a habit ("has met him on several occasions"), not the
    idea of a visit ("the impact of visiting Kyiv")."""
    t = f.trigger
    words = {w.lower_ for w in doc}
    if words & _OFF_TOPIC and not words & (SECURITY_WORDS | SECURITY_EXTRA | _OFF_TOPIC_OVERRIDERS):
        return False
    aged = any(w.lower_ == "old" and w.i > 0 and doc[w.i - 1].lower_ == "years" for w in doc)
    if words & _PERSONAL_LIFE_WORDS or aged:
        return False  # "my first visit to India as a teenager": a life story, not diplomacy
    if t.pos_ == "VERB" and _as_needed(t):
        return False  # "he spoke to the president when needed": a habit, not one talk
    if trig.lemma in ("travel", "visit") and t.pos_ == "VERB" and _went_to_learn(t):
        return False  # "travelled to India to begin a training course": a trainee, no talks
    if trig.lemma == "talk" and t.dep_ == "dobj" and t.head.lemma_.lower() in _LECTURE_VERBS:
        return False  # "gave a talk at the defence college": a lecture
    named = [w for c in t.children if c.dep_ == "compound" for w in c.subtree]
    parts = m.values("participant")
    if any(w.lower_ in _INTERNAL_MEETINGS for w in named) and not any(
            pair_told(doc, v) for v in parts):
        # "a cabinet meeting", "the Army Commanders Conference": one side's own; but "the two
        # sides held commanders-level talks" is between two sides
        return False
    if parts and all(standing_body(v.text) for v in parts):
        return False  # "the Steering Committee will meet again": a body's own session
    if trig.lemma == "call" and t.pos_ != "VERB" and (
        f.gov_lemma in _APPEAL_GOVERNORS
        or (
            any(c.dep_ == "prep" and c.lower_ == "on" and not _dated(c) for c in t.children)
            and not _held_call(f)
        )
    ):
        return False  # "calls on states to", but not "a call on Monday"
    for p in f.pp("on"):
        if p.lemma_.lower() in ("occasion", "time") and p.tag_ == "NNS":
            return False
    thanks = ("thank", "thanks", "grateful", "gratitude")
    if any(
        x.dep_ == "pcomp"
        and x.head.lower_ == "for"
        and (
            x.head.head.lemma_.lower() in thanks
            # a misparsed greeting ("Thank VPs @a and @b for hosting"): the word before it
            or any(w.lower_ in thanks for w in doc[max(x.sent.start, x.i - 12) : x.head.i])
        )
        for x in (t, t.head)
    ):
        return False  # "thank you for hosting this summit": the speech's own occasion
    if trig.lemma in ("talk", "talks") and _business_talks(f):
        return False
    if _civil_purpose(f):
        return False  # "visited Delhi for trade talks", "held economic talks": no defence subject
    trip_words = [t, *f.pp("for"), *(o for w in f.pp("for") for o in pp_of(w, "of"))]
    if any(_tour(x) for x in trip_words):
        return False  # "arrived for the last leg of his three-nation visit": a trip, not a meeting
    if any(_own_family(s) for s in f.subj):
        return False  # "my wife paid a visit to the United States": a family visit
    if trig.lemma == "meet" and t.tag_.startswith("VB"):
        # "meeting the emission norms", "to meet the Organisation's principles": satisfying
        # a requirement, not meeting anyone
        for o in f.obj:
            if any(_is_requirement(w) for w in o.subtree):
                return False
        if _requirement_after(doc, t):
            return False
    if _setting_of_clause(t) or _covered_by_writer(f):
        return False
    if _beside_a_meeting(t):
        return False  # "X met Y on the sidelines of the G7 summit": the summit is the setting
    if _where_membership_changed(t):
        return False  # "Brask is to be inducted into the group at a summit in July"
    if _record_of_meeting(t) or _record_holder(t):
        return False
    return not (t.dep_ == "pcomp" and t.head.lower_ == "of")


_CIVIL_PURPOSES = word_set("nlp/validate", "meeting_civil_purposes")
_FAMILY_WORDS = word_set("nlp/validate", "family_words")
_TOUR_UNITS = word_set("nlp/validate", "tour_units")


def _own_family(s: Token) -> bool:
    """A family member told by a possessive pronoun ("my wife", "his family"): a family
    visit. Not one named by whose kin they are ("the son of commander X", "the president's
    wife"), who may meet officials."""
    return (
        s.lemma_.lower() in _FAMILY_WORDS
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in s.children)
        and not any(c.dep_ in ("prep", "appos") for c in s.children)
    )


def _tour(t: Token) -> bool:
    """A visit counted in countries ("his three-nation visit", "a four-country tour"): a
    trip whose meetings are told one by one, not one meeting."""
    if t.pos_ != "NOUN":
        return False
    mods = [w for c in t.children if c.dep_ in ("compound", "amod", "nmod") for w in c.subtree]
    return any(w.lower_ in _TOUR_UNITS and _count_before(w) for w in mods)


def _count_before(w: Token) -> bool:
    """A count next to its unit ("three-nation", "four country"), not a date ("a June 22
    state visit")."""
    doc = w.doc
    k = w.i - 2 if w.i > 1 and doc[w.i - 1].text == "-" else w.i - 1
    return k >= 0 and doc[k].like_num and doc[k].ent_type_ not in ("DATE", "TIME")


def _civil_purpose(f: Frame) -> bool:
    """A meeting whose own words give it a civil subject: "trade talks", "an economic
    dialogue", "visited Brask for trade talks", "talks on tourism and investment". Security
    words elsewhere in the sentence ("despite sanctions over the war") are not its subject;
    a security word or military goods among its own ("trade and defence talks", "financial
    talks on the purchase of 40 jets") keep it."""
    t = f.trigger
    heads = [t] if t.pos_ in ("NOUN", "PROPN") else []
    heads += [w for w in f.pp("for") if w.lemma_.lower() in _MEETING_HEADS]
    if any(_civil_by_modifier(h) for h in heads):
        return True
    return _civil_by_topic([c for w in f.pp("on", "about") for c in (w, *w.conjuncts)])


_MEETING_HEADS = MEETING_NOUNS | word_set("nlp/validate", "meeting_plural_nouns")


def _civil_by_modifier(h: Token) -> bool:
    """A meeting noun whose modifiers name a civil subject ("trade talks") and neither they
    nor its own topic ("on the purchase of jets") name security."""
    mods = [w for c in h.children if c.dep_ in ("compound", "amod", "nmod") for w in c.subtree]
    if not {w.lower_ for w in mods} & _CIVIL_PURPOSES:
        return False
    topic = [w for p in pp_of(h, "on", "about", "over") for w in p.subtree]
    return not any(_on_security_word(w) for w in mods + topic)


def _civil_by_topic(topics: list[Token]) -> bool:
    """Topics ("talks on tourism and investment") each civil, none with a security word."""
    return bool(topics) and all(
        w.lower_ in _CIVIL_PURPOSES
        or any(c.dep_ in ("compound", "amod") and c.lower_ in _CIVIL_PURPOSES for c in w.children)
        for w in topics
    ) and not any(_on_security_word(w) for x in topics for w in x.subtree)


def _on_security_word(w: Token) -> bool:
    """A security word or military goods ("defence", "jets")."""
    return w.lower_ in SECURITY_WORDS | SECURITY_EXTRA or (w.pos_ == "NOUN" and is_military_item(w))


_SIDE_MEETING_VERBS = word_set("nlp/validate", "side_meeting_verbs")
_SIDE_MEETING_HEADS = word_set("nlp/validate", "side_meeting_heads")
_SIDE_MEETING_HOLD_VERBS = word_set("nlp/validate", "side_meeting_hold_verbs")


def _beside_a_meeting(t: Token) -> bool:
    """A gathering named as where another meeting of the clause took place ("X met Y on the
    sidelines of the G7 summit", "held talks on the last day of the 6th Ocean Conference"):
    the clause's meeting is the event; the gathering lends it no sides of its own."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.head.lower_ != "of":
        return False
    head = t.head.head
    if head.lemma_.lower() not in _SIDE_MEETING_HEADS or head.dep_ != "pobj":
        return False
    # the clause the phrase hangs on, however far up the parse put it ("held meetings with
    # leaders on the sidelines of": on the leaders)
    w = head.head.head
    for _ in range(4):
        if w.pos_ == "VERB" and _meeting_verb(w):
            return True
        if w.pos_ == "NOUN" and w.lemma_.lower() in MEETING_NOUNS:
            return True  # "a bilateral meeting on the sidelines of the summit"
        if w.head is w:
            break
        w = w.head
    return False


_MEMBERSHIP_VERBS = word_set("nlp/validate", "membership_verbs")
_OFFICE_OF_A_BODY = word_set("nlp/validate", "office_of_a_body")
_JOINING_VERBS = word_set("nlp/validate", "joining_verbs")


def _where_membership_changed(t: Token) -> bool:
    """A gathering named only as where a body took a member, was founded or passed its chair
    ("is to be inducted into the group at a summit in July", "took over the chair at the
    Kerel summit", "the group was founded at a summit in 2001"): the act told is the body's
    own. A sentence that speaks of security anywhere ("took over the presidency and leaders
    discussed air defence", "admitted Brask to the European Defence Agency") keeps its
    gathering a meeting."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.head.lower_ != "at":
        return False
    verb = t.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return _membership_changed(verb) and not on_security(t.sent.text)


def _membership_changed(verb: Token) -> bool:
    """ "inducted into the group", "admitted as a member", "was founded", "took over the
    chair", "became a full member": a body takes a member, is founded or passes an office;
    not "admitted that deliveries were late" nor "established a joint working group"."""
    lemma = verb.lemma_.lower()
    if lemma in _MEMBERSHIP_VERBS:
        if any(c.dep_ == "auxpass" for c in verb.children) and any(
                c.dep_ == "nsubjpass" for c in verb.children):
            return lemma not in _JOINING_VERBS or _joined_to_a_body(verb)
        return lemma in _JOINING_VERBS and _joined_to_a_body(verb)
    return any(
        c.lemma_.lower() in _OFFICE_OF_A_BODY
        for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")
    )


def _joined_to_a_body(verb: Token) -> bool:
    """ "inducted into the group", "admitted to Nato", "admitted as a full member"."""
    return any(
        o.lemma_.lower() in _OFFICE_OF_A_BODY if p.lower_ == "as" else True
        for p in verb.children if p.dep_ == "prep" and p.lower_ in ("into", "to", "as")
        for o in pobjs(p)
    )


def _meeting_verb(v: Token) -> bool:
    """A verb that tells a meeting of its own: "met", "talked", or "held" with a meeting as
    its object ("held talks"); not "held naval drills" nor "discussed air defence"."""
    lemma = v.lemma_.lower()
    if lemma in _SIDE_MEETING_VERBS:
        return True
    return lemma in _SIDE_MEETING_HOLD_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in MEETING_NOUNS for c in v.children
    )


def _covered_by_writer(f: Frame) -> bool:
    """A meeting the writers will follow or cover ("tomorrow we will follow the Weimar
    triangle meeting in Paris"): a live page's programme, not the meeting told."""
    t = f.trigger
    return (
        t.pos_ == "NOUN"
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in ("follow", "cover", "watch")
        and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in t.head.children)
    )


def _record_of_meeting(t: Token) -> bool:
    """A meeting told before, ranked as a record: "it was the two leaders' first meeting since
    the border clash", "the trip was the most senior visit to Baku since 2020"."""
    if t.pos_ != "NOUN" or t.dep_ not in ("attr", "appos", "dobj"):
        return False
    if t.dep_ == "dobj" and t.head.lemma_.lower() not in ("mark", "be", "become"):
        return False
    ranked = any(
        w.i < t.i and (w.tag_ == "JJS" or w.ent_type_ == "ORDINAL" or w.lower_ == "first")
        for w in t.subtree
    )
    return ranked and any(w.i > t.i and w.lower_ == "since" for w in t.head.subtree)


def _record_holder(t: Token) -> bool:
    """A visit told as what makes someone a record holder: "the first royal to visit Kyiv
    since the invasion", "the first candidate to travel to Ukraine to meet Zelenskyy"."""
    while t.dep_ in ("xcomp", "advcl") and t.head.tag_ == "VB":
        t = t.head  # "to travel to Ukraine to meet": the first infinitive
    if t.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    if t.dep_ in ("relcl", "acl"):
        holders = [t.head]
    elif t.dep_ == "xcomp" and t.head.lemma_.lower() in ("be", "become"):
        holders = [c for c in t.head.children if c.dep_ == "attr"]  # parsed off the noun
    else:
        return False
    for h in list(holders):
        if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN":
            holders.append(h.head.head)  # "the first member of the royal family to visit"
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("first", "last", "only"))
        for h in holders
        for c in h.children
    )


_PERSONAL_LIFE_WORDS = word_set("nlp/validate", "personal_life_words")
_LECTURE_VERBS = word_set("nlp/validate", "lecture_verbs")

_STANDING_BODIES = word_set("nlp/validate", "standing_bodies")
_INTERNAL_MEETINGS = word_set("nlp/validate", "internal_meeting_words")


def standing_body(name: str) -> bool:
    """A committee or board named with no defense word ("the Steering Committee of the
    donor platform"), not the "Military Committee" or a "Defence Board"."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    return bool(words & _STANDING_BODIES) and not on_security(name)


_SETTING_PREPS = word_set("nlp/validate", "setting_preps")
_SETTING_HEADS = word_set("nlp/validate", "setting_heads")
_ANAPHORIC_DETS = {"the", "this", "that", "his", "her", "their", "its"}


def _setting_of_clause(t: Token) -> bool:
    """A meeting already told, named again as the setting of another clause: "during his
    visit, X said", "at the meeting, Y announced", "on the sidelines of the summit". The
    noun is definite or possessive and names no side of its own ("with", "between")."""
    if t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.lemma_.lower() in SPEECH_VERBS:
        # "while visiting Canada, Biden said": where a remark was made
        return any(c.dep_ == "mark" and c.lower_ in ("while", "when") for c in t.children)
    if t.pos_ != "NOUN" or t.dep_ != "pobj":
        return False
    prep = t.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _SETTING_HEADS:
        prep = prep.head.head if prep.head.dep_ == "pobj" else prep.head
    elif prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    if prep.lower_ not in _SETTING_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(
        c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS
        # "as part of President X's state visit": the visitor's name, the visit told elsewhere
        or c.dep_ == "poss" and c.pos_ == "PROPN" and prep.lower_ == "as"
        for c in t.children
    ):
        return False
    if any(c.dep_ == "acl" or c.ent_type_ in ("DATE", "TIME") for c in t.subtree if c is not t):
        return False  # "the meeting held in Brussels on Monday": told here, not a setting
    if any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in t.children):
        return False  # "in their first call since the election, X and Y agreed": told here
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children)


_DEAL_PURPOSES = word_set("nlp/validate", "deal_purposes")


def _business_talks(f: Frame) -> bool:
    """Negotiations of a deal, not a meeting of officials: talks with a company ("in talks
    with the shipyard"), or talks for a sale, a purchase, a transfer or local assembly."""
    if any(is_company(w) for w in f.pp("with", "between")):
        return True
    purposes = f.pp("for", "on", "about", "over") + f.compounds
    if any(w.lemma_.lower() in _DEAL_PURPOSES for p in purposes for w in (p, *p.children)):
        return True
    t = f.trigger
    if t.dep_ == "dobj" and t.head.lemma_.lower() in ("have", "hold") and any(
            _named_maker(s) for s in subjects(t.head)):
        return True  # "the shipyard held talks with the Navy": a maker negotiating
    clauses = f.clauses + [c for w in f.pp("with") for c in w.children if c.dep_ == "relcl"]
    clause = clause_of_phrase(f.trigger)
    if clause is not None:
        # "X is in (the final stages of) talks with Y to acquire drones": the clause that
        # holds the talks says what they are for, and who negotiates
        if clause.lemma_.lower() == "be" and any(is_company(s) for s in subjects(clause)):
            return True  # "Kalyani is in talks with some African countries"
        clauses += [c for c in clause.children if c.dep_ in ("xcomp", "advcl")]
    return any(c.lemma_.lower() in BUYING_VERBS | PROD_VERBS for c in clauses)


def _named_maker(w: Token) -> bool:
    """A company the text or the knowledge base names as one ("Rheinmetall AG", "Saab"), or
    "the company": not any organisation a bare parse may take for one."""
    ent = entity_of(w)
    if ent is not None and ent.label_ == "COMPANY":
        return True
    if ent is not None and ent.label_ == "ORG":
        return bool({x.lower_.strip(".") for x in ent} & ORG_HEAD_HINTS)
    return ent is None and is_company(w)


def _held_call(f: Frame) -> bool:
    """A call held with someone ("a phone call with X on the crisis"): its "on" names the
    subject talked of, not those appealed to."""
    t = f.trigger
    return bool(f.pp("with")) or any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("phone", "telephone", "video")
        for c in t.children
    )


def _dated(prep: Token) -> bool:
    """A prepositional phrase that names a time ("on Monday", "on 3 May")."""
    return any(w.ent_type_ in ("DATE", "TIME") for w in pobjs(prep))


def _requirement_after(doc: Doc, t: Token) -> bool:
    """The first common noun after "meet" past a name ("meet NATO spending targets") is
    a requirement, however the parser attached it."""
    for w in doc[t.i + 1 : t.i + 14]:
        if _is_requirement(w):
            return True
        if (w.ent_type_ or w.pos_ in ("DET", "ADJ", "NUM", "PART") or w.tag_ in ("POS", "VBN")
                or (w.pos_ == "VERB" and w.dep_ == "acl")):
            continue  # a participle: "the Army defined criteria", "the norms set by"
        if w.pos_ == "PROPN" and w.dep_ == "compound" or w.pos_ == "PROPN" and w.is_title:
            continue  # a title-case name of the requirement: "the Neck Injury Criteria"
        if w.pos_ in ("NOUN", "VERB"):
            if w.i + 1 < len(doc) and doc[w.i + 1].pos_ == "NOUN":
                continue  # a modifier: "spending targets", "emission norms"
            return False
        return False
    return False


def _is_requirement(w: Token) -> bool:
    """A requirement noun, also written in title case ("Qualitative Requirements")."""
    low = w.lower_
    return (w.lemma_.lower() in _REQUIREMENT_NOUNS or low in _REQUIREMENT_NOUNS
            or (low.endswith("s") and low[:-1] in _REQUIREMENT_NOUNS))


_REQUIREMENT_NOUNS = word_set("nlp/validate", "requirement_nouns")


def _only_own_name(t: Token, parts: list[RoleValue]) -> bool:
    """A meeting inside a phrase of another clause ("at the investors' meeting", "ahead of
    the Lisbon summit") whose every side is a word of its own name: the text names no side of
    it, only the occasion. A meeting placed somewhere ("the Nordic forum in Oslo") is told."""
    if t.pos_ not in ("NOUN", "PROPN") or not parts:
        return False
    if t.dep_ != "pobj":
        return False  # "a NATO summit began in Vilnius": told as what happened
    name = [w for c in t.lefts if c.dep_ in ("compound", "nmod", "amod") for w in c.subtree]
    if not name or any(w.lemma_.lower() in LEADERS for w in name):
        return False  # "the Foreign Ministers' Meeting": its officials are its sides
    lo, hi = min(w.idx for w in name), max(w.idx + len(w) for w in name)
    end = max(hi, t.idx + len(t))  # "the BRICS summit" as a side is the name itself
    return all(lo <= v.start and v.end <= end + 1 for v in parts) and not any(
        on_security(v.text) for v in parts
    )  # "at the Munich Security Conference": a security gathering is told by its name
