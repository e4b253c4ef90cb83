"""Whether the clause a time expression belongs to speaks of the future ("will meet on
Tuesday", "is to sign in May", "the upcoming summit"): the tense rule of the guide resolves a
month, weekday or holiday without a year forward there, backward elsewhere."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.dates_anchor import TIME_FRAME_NOUNS
from materiel.wordlists import word_set

FUTURE_HEADS = {
    "plan",
    "expect",
    "intend",
    "schedule",
    "set",
    "aim",
    "due",
    "slate",
    "prepare",
    "hope",
    "want",
    "seek",
    "propose",
    "upcoming",
    "forthcoming",
    "next",
    "likely",
}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# modals that put a plain infinitive after the time of speaking ("might visit in November",
# "would arrive in January" in reported speech); with "have" they look back instead
_FORWARD_MODALS = {"might", "may", "must", "should", "can", "could", "would", "'d"}
# subordinators of time and condition: their clause takes the present for the future ("when
# he addresses the summit on Monday" under a future main clause)
_TIME_MARKS = {"when", "after", "before", "once", "until", "till", "if", "unless", "as", "while"}
_REPORTED_MODALS = {"would", "'d"}
_PAST_AUX = {"had", "was", "were", "did", "'d"}
_FUTURE_MODIFIERS = {"upcoming", "forthcoming", "next"}
# passive forms that announce a plan ("is slated for Friday"), also when the lemma is misread
_FUTURE_PARTICIPLES = {"expected", "scheduled", "slated", "set", "planned", "poised", "due"}
_TOPIC_PREPOSITIONS = word_set("nlp/attach", "topic_prepositions")


def _forward_modal(verb: Token) -> str | None:
    """ "might visit" (ahead), "would arrive" (ahead of a report that may itself lie days or
    months back: "near"): a modal before a plain infinitive; not "might have visited", not
    the negated past ability "could not attend"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modals = {a.lower_ for a in auxes} & _FORWARD_MODALS
    if not modals:
        return None
    if any(a.lower_ == "have" for a in auxes) or verb.tag_ == "VBN" and not any(
        a.dep_ == "auxpass" for a in auxes
    ):
        return None
    if "could" in modals and any(c.dep_ == "neg" for c in verb.children):
        return None
    return "near" if modals <= _REPORTED_MODALS else "future"


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governor_is_present(verb: Token) -> bool:
    """Whether the finite verb governing an infinitive ("are excited to host", "ministers to
    meet" in a headline) is neither past nor perfect: the infinitive then lies ahead."""
    cur = verb.head
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.tag_ != "VB" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX"):
        return True  # a headline's noun: "Ministers to meet on Saturday"
    auxes = [c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")]
    if cur.tag_ in ("VBD", "VBN") or any(a in _PAST_AUX or a in ("has", "have") for a in auxes):
        return False
    return cur.tag_ in ("VBZ", "VBP") or any(a in _FUTURE_AUX for a in auxes)


def _time_clause_of(verb: Token) -> Token | None:
    """The main verb of a present-tense time or condition clause ("when he addresses")."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return verb.head if marks & _TIME_MARKS else None


def clause_is_future(token: Token) -> bool:
    """Whether the clause holding `token` speaks of the future ("will meet", "is to sign")."""
    return clause_tense(token) == "future"


def _dates_a_noun(token: Token) -> bool:
    """ "a question about the visit on June 22": the expression dates a noun, which has no
    tense of its own; the verb above it tells nothing of when the visit is. The direct object
    of a verb is the verb's doing ("held talks in Sochi on Monday"): its tense holds."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    noun = prep.head
    return (noun.pos_ == "NOUN" and noun.lemma_.lower() not in TIME_FRAME_NOUNS
            and noun.dep_ != "dobj" and not _verb_argument(noun))


def _verb_argument(noun: Token) -> bool:
    """ "broke ground on a new factory on Monday", "met him on the sidelines of the summit on
    Saturday": a noun in a phrase the verb itself takes (the parser hangs the time on it) is
    the verb's doing, as a direct object is; not the topic of a verb ("spoke about the summit
    in Vienna on Saturday")."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")
            and prep.lower_ not in _TOPIC_PREPOSITIONS)


def clause_tense(token: Token) -> str:
    """ "future" ("will meet", "is to sign"), "past", or "near" where the time is placed only
    relative to a report ("said the jets would arrive in January") or to a noun (the
    occurrence nearest publication)."""
    tense = _verb_tense(token)
    if tense == "past" and _dates_a_noun(token):
        return "near"
    return tense


# how far up the parse a time expression looks for the verb whose tense it takes: a place in
# apposition can put it seven words below ("open the plant at the Aircraft Division, Pune on
# 7th April")
VERB_SEARCH_DEPTH = 10


def _verb_tense(token: Token) -> str:
    cur: Token | None = token
    for _ in range(VERB_SEARCH_DEPTH):
        if cur is None:
            break
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            for child in cur.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
                    return "future"
                if child.lower_ in _FUTURE_MODIFIERS:
                    return "future"
            modal = _forward_modal(cur)
            if modal is not None:
                return modal
            main = _time_clause_of(cur)
            if main is not None:
                return clause_tense(main)
            if _infinitive(cur) and cur.dep_ != "ROOT" and _governor_is_present(cur):
                return "future"
            if cur.tag_ == "VBN" and cur.dep_ == "acl" and not any(
                c.dep_ in ("aux", "auxpass") for c in cur.children
            ):
                # "a summit scheduled for May" lies ahead; "jets ordered in 2021" is done
                ahead = cur.lemma_ in FUTURE_HEADS or cur.lower_ in _FUTURE_PARTICIPLES
                return "future" if ahead else "past"
            if (cur.lemma_ in FUTURE_HEADS or cur.lower_ in _FUTURE_PARTICIPLES) and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in cur.children
            ):
                return "future"  # "is expected to travel on Tuesday", "are scheduled for May"
            if cur.tag_ == "VBD" or any(
                c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in cur.children
            ):
                return "past"
            if cur.dep_ == "xcomp" and cur.head.lemma_ in FUTURE_HEADS:
                return "future"
            if (
                cur.tag_ in ("VB",)
                and cur.dep_ in ("xcomp",)
                and any(c.lower_ == "to" for c in cur.children)
                and cur.head.lemma_ in ("be", "go")
            ):
                return "future"
            if (
                cur.dep_ == "ROOT"
                and cur.tag_ == "VB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            ):
                return "future"  # a headline's "X to sign treaty on Friday"
            if cur.dep_ in ("ccomp", "advcl", "conj", "relcl", "ROOT") and cur.pos_ == "VERB":
                return "past"
        if cur.pos_ == "NOUN" and any(c.lower_ in _FUTURE_MODIFIERS for c in cur.children):
            return "future"
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return "past"


_PRESENT_AUX = {"am", "is", "are", "'m", "'re", "'s"}


def _clause_verb(trigger: Token) -> Token | None:
    """The verb the event word belongs to: itself, or the first verb above it."""
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            return verb
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


_PERFECT_AUX = {"has", "have", "'s", "'ve"}


def present_perfect(trigger: Token) -> bool:
    """ "The government has approved a draft budget": news of the days just before the
    report, not of a date told long before it in the story."""
    verb = _clause_verb(trigger)
    if verb is None or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in verb.children)


def speaks_now(trigger: Token) -> bool:
    """Whether the event word's clause is in the present ("I am continuing the emergency",
    "the army buys"): the guide dates it by the publication, not by the last date the story
    stated before it."""
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if told_as_now(verb):
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & (_FUTURE_AUX | _FORWARD_MODALS | _PAST_AUX) or _infinitive(verb):
        return False
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return True
    return verb.tag_ == "VBG" and bool(words & _PRESENT_AUX)


_NOW_ADVERBS = word_set("nlp/attach", "now_adverbs")


def told_as_now(verb: Token) -> bool:
    """ "Now I am using my authority to send ...", "I just signed another package": an adverb
    of the time of speaking on the verb or on a verb above it in the sentence."""
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "advmod" and c.lower_ in _NOW_ADVERBS for c in verb.children
        ):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
