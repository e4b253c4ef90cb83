"""A purchase told in a participle on goods another clause is about: "the air force operates
six tankers that were acquired in 2004", "Saab delivered two jets to Thailand, out of 12
ordered in 2021". A participle loosely joined to a clause ("will receive six frigates,
ordered in 2019") is left alone: taking that clause's goods cost precision. The participle names
neither side; the clause it hangs on does, and in a share ("out of 12 ordered") it also names
the goods, while the count the share is out of is the purchase's own."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from materiel.nlp.frames import pobjs, subjects
from materiel.wordlists import word_set

_HOLDING = word_set("nlp/participles", "holding_verbs")
_HANDING = word_set("nlp/participles", "handing_verbs")
_ORDINALS = word_set("nlp/participles", "share_heads")
COUNT_CUE = "count:"  # EventMention.cues entry: the token index of the purchase's own count


@dataclass
class Host:
    """The clause a participle hangs on: its verb, the goods and the purchase's own count."""

    verb: Token
    goods: list[Token]
    count: Token | None = None

    def buyers(self) -> list[Token]:
        v = self.verb
        if v.lemma_.lower() in _HANDING:
            return [x for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                    for x in pobjs(c)]
        if v.lemma_.lower() in _HOLDING and not _passive(v):
            return subjects(v)
        return []

    def sellers(self) -> list[Token]:
        v = self.verb
        if v.lemma_.lower() not in _HANDING:
            # "took delivery of two jets from Leonardo, out of 24 ordered": whom they came from
            holders = [v] + [x for g in self.goods for x in g.subtree]
            return [x for h in holders for c in h.children
                    if c.dep_ == "prep" and c.lower_ == "from" for x in pobjs(c)]
        if _passive(v):
            return [x for c in v.children if c.dep_ == "agent" for x in pobjs(c)]
        return [c for c in v.children if c.dep_ == "nsubj"]


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def _bare_participle(t: Token) -> bool:
    """A past participle with no subject or object of its own ("ordered in 2019")."""
    # the tagger reads some reduced relatives as past tense ("the 24 jets ordered in 2021")
    participle = t.tag_ == "VBN" or (t.tag_ == "VBD" and t.dep_ == "acl")
    return participle and not any(
        c.dep_ in ("nsubj", "dobj") or (c.dep_ == "aux" and c.lemma_ == "have")
        for c in t.children
    )


def _goods_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def participle_host(t: Token) -> Host | None:
    """The clause a bare participle purchase hangs on, when it names the goods' holder."""
    if t.pos_ != "VERB" or not _bare_participle(t):
        return None
    share = _share(t)
    if share is not None:
        return share
    if t.dep_ in ("acl", "relcl"):
        owner = t.head
        if owner.dep_ == "pobj" and owner.head.lower_ == "of" and _counted(owner.head.head):
            owner = owner.head.head  # "has received six of the 24 jets ordered in 2021"
        verb = owner.head  # "operates six tankers that were acquired in 2004"
        if owner.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            return Host(verb, [t.head])
    return None


def _counted(t: Token) -> bool:
    """A share's head: "six (of)", "the first (of)"."""
    return t.like_num or t.pos_ == "NUM" or t.tag_ == "JJ" and t.lower_ in _ORDINALS


def _share(t: Token) -> Host | None:
    """ "out of 12 ordered", "the first two of 12 ordered": the share's clause and count."""
    if t.dep_ == "pcomp" and t.head.lower_ in ("of", "out"):
        of = t.head  # "out of 12 ordered" is parsed with either word heading the participle
        preps = [of] + [c for c in of.children if c.dep_ == "prep" and c.lower_ == "of"]
        count = next((c for p in preps for c in p.children if c.dep_ == "pobj" and c.like_num),
                     None)
    elif t.dep_ in ("acl", "relcl") and t.head.like_num and t.head.dep_ == "pobj" \
            and t.head.head.lower_ == "of":
        of, count = t.head.head, t.head
    else:
        return None
    if count is None:
        return None
    host = of.head
    if host.lower_ == "out" and host.dep_ == "prep":
        host = host.head
    if host.pos_ in ("VERB", "AUX"):
        return Host(host, _goods_of(host), count)
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("dobj", "nsubjpass", "nsubj"):
        return Host(host.head, [host], count)  # "delivered two jets of 12 ordered"
    return None
