"""Whether the clause a time expression belongs to speaks of the future ("will meet on
Tuesday", "is to sign in May", "the upcoming summit"): the tense rule of the guide resolves a
month, weekday or holiday without a year forward there, backward elsewhere."""

from __future__ import annotations

from spacy.tokens import Token

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
_FUTURE_MODIFIERS = {"upcoming", "forthcoming", "next"}
# passive forms that announce a plan ("is slated for Friday"), also when the lemma is misread
_FUTURE_PARTICIPLES = {"expected", "scheduled", "slated", "set", "planned", "poised", "due"}


def clause_is_future(token: Token) -> bool:
    """Whether the clause holding `token` speaks of the future ("will meet", "is to sign")."""
    cur: Token | None = token
    for _ in range(6):
        if cur is None:
            break
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            for child in cur.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
                    return True
                if child.lower_ in _FUTURE_MODIFIERS:
                    return True
            if (cur.lemma_ in FUTURE_HEADS or cur.lower_ in _FUTURE_PARTICIPLES) and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in cur.children
            ):
                return True  # "is expected to travel on Tuesday", "are scheduled for May"
            if cur.tag_ == "VBD" or any(
                c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in cur.children
            ):
                return False
            if cur.dep_ == "xcomp" and cur.head.lemma_ in FUTURE_HEADS:
                return True
            if (
                cur.tag_ in ("VB",)
                and cur.dep_ in ("xcomp",)
                and any(c.lower_ == "to" for c in cur.children)
                and cur.head.lemma_ in ("be", "go")
            ):
                return True
            if (
                cur.dep_ == "ROOT"
                and cur.tag_ == "VB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            ):
                return True  # a headline's "X to sign treaty on Friday"
            if cur.dep_ in ("ccomp", "advcl", "conj", "relcl", "ROOT") and cur.pos_ == "VERB":
                return False
        if cur.pos_ == "NOUN" and any(c.lower_ in _FUTURE_MODIFIERS for c in cur.children):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False
