"""The syntactic neighbourhood of a trigger: subject, object, by-agent, prepositions,
possessor, modifiers and clauses, gathered into a `Frame` (shared by every event type)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.lexicon import TRIGGERS
from materiel.nlp.spans import (
    conjuncts,
    is_military_item,
    is_pronoun,
    item_head,
    party_label,
    passive_adjective,
)
from materiel.nlp.types import Trigger
from materiel.wordlists import word_map, word_set, word_tuple

_ext.register()

_SERIES = word_set("nlp/frames", "series")
_TENDER_REQUESTS = word_set("nlp/status", "tender_requests")
_TIME_LABELS = word_set("nlp/frames", "time_labels")


@dataclass
class Frame:
    trigger: Token
    pred: Token | None
    subj: list[Token] = field(default_factory=list)
    passive: bool = False
    agent: list[Token] = field(default_factory=list)
    obj: list[Token] = field(default_factory=list)
    dative: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    poss: list[Token] = field(default_factory=list)
    mods: list[Token] = field(default_factory=list)
    compounds: list[Token] = field(default_factory=list)
    clauses: list[Token] = field(default_factory=list)
    gov_lemma: str = ""

    def pp(self, *words: str) -> list[Token]:
        out: list[Token] = []
        for w in words:
            out.extend(self.preps.get(w, []))
        return out


# --- collecting the neighbourhood --------------------------------------------------------


def named(tok: Token) -> Token:
    """A person named in apposition to a common noun stands for it: "his counterpart
    Ali Khan" is Ali Khan."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return tok
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            return c
    return tok


def _infinitive_with_subject(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ) and any(c.dep_ == "nsubj" for c in verb.children)


def pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for c in prep.children:
        if c.dep_ == "pcomp" and _infinitive_with_subject(c):
            # "spoke today with Kishida to discuss ...": the parse made "Kishida to discuss"
            # the object; Kishida is whom it was with
            out.extend(named(x) for s in c.children if s.dep_ == "nsubj" for x in conjuncts(s))
        elif c.dep_ in ("pobj", "pcomp"):
            out.extend(named(x) for x in conjuncts(c))
        elif c.dep_ == "prep":  # "together with", "from within"
            out.extend(pobjs(c))
    return out


def _add_preps(frame: Frame, tok: Token) -> None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            key = "by" if c.dep_ == "agent" else c.lower_
            if c.lower_ in ("together", "along", "jointly") or c.dep_ == "advmod":
                continue
            frame.preps.setdefault(key, []).extend(pobjs(c))
        elif c.dep_ == "advmod" and c.lower_ in ("together", "jointly", "along"):
            for cc in c.children:
                if cc.dep_ == "prep":
                    frame.preps.setdefault(cc.lower_, []).extend(pobjs(cc))
        elif c.dep_ == "prep" and c.lower_ in ("including", "like", "such"):
            frame.preps.setdefault("including", []).extend(pobjs(c))


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


_OBJECT_CONTROL_VERBS = word_tuple("nlp/frames", "object_control_verbs")


_GIVING_VERBS = word_set("nlp/frames", "giving_verbs")


def _first_object_datives(gov: Token, t: Token) -> list[Token]:
    """ "awarded Boeing and Northrop separate contracts": the parse may read the firms as a
    first direct object; a named party that is an object before the deal noun (itself an
    object) receives it."""
    if t.dep_ != "dobj" or t.head.i != gov.i or gov.lemma_.lower() not in _GIVING_VERBS:
        return []
    firsts = [c for c in gov.children if c.dep_ == "dobj" and c.i < t.i]
    if not any(c.dep_ == "det" for c in t.children):  # or as a modifier of the deal noun
        firsts += [c for c in t.children if c.dep_ == "nmod" and c.i < t.i]
    return [x for c in firsts for x in conjuncts(c) if party_label(x) is not None]


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Who does `verb`: its subject, or the subject it shares with the verb it depends on."""
    if depth > 4:
        return []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and depth > 0):
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                head = verb.head
                if head.dep_ == "appos" and party_label(head.head):
                    head = head.head  # "Ecuador, a country that bought X": Ecuador
                return conjuncts(head)
            return _all_subjects(verb, c)
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        # object control: "invited Finland to join" -> Finland joins
        if verb.dep_ == "xcomp":
            objs = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objs and verb.head.lemma_ in _OBJECT_CONTROL_VERBS:
                return conjuncts(objs[0])
        awardee = _awardee(verb)
        if awardee:
            return awardee
        if verb.dep_ == "conj" and _is_passive(verb.head) and not _is_passive(verb):
            return []
        return subjects(verb.head, depth + 1)
    if (
        verb.pos_ == "ADJ"
        and verb.dep_ in ("acomp", "xcomp", "oprd", "amod")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return subjects(verb.head, depth + 1)  # "X is keen to buy", "X is set to receive"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in (
            "be",
            "become",
            "remain",
        ):
            return subjects(noun.head, depth + 1)
        if verb.dep_ == "relcl":
            return conjuncts(noun)
        dated = False
        for c in noun.children:
            if c.dep_ == "poss" and c.ent_type_ in _TIME_LABELS:
                dated = True  # "last week's decision": a time, not the actor
            elif c.dep_ == "poss":
                return conjuncts(c)  # "Sweden's decision to raise"
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                objs = pobjs(c)
                if objs and party_label(objs[0]):
                    return objs
        if dated:
            return []  # "Kyiv welcomed Tuesday's decision to send": the welcomer did not send
        awardee = _awardee(verb)
        if awardee:
            return awardee
        gov = _governor(noun)  # "X has plans to procure", "X signed a deal to build"
        if gov is not None and noun.dep_ in ("dobj", "attr", "oprd", "pobj"):
            return subjects(gov, depth + 1)
    if verb.dep_ == "pcomp":
        h = verb.head.head  # "keen on acquiring", "plans for producing"
        thanked = _thanked(h) if verb.head.lower_ == "for" else []
        if thanked:
            return thanked  # "thanked Norway for sending", "grateful to Norway for sending"
        objs = [c for c in h.children if c.dep_ == "dobj"]
        if objs and h.lemma_ in _OBJECT_CONTROL_VERBS and verb.head.lower_ in ("to", "into"):
            return conjuncts(objs[0])  # "committed the government to building X"
        if h.pos_ in ("VERB", "AUX", "ADJ"):
            return subjects(h, depth + 1)
        if h.pos_ in ("NOUN", "PROPN"):
            for c in h.children:
                if c.dep_ == "poss":
                    return conjuncts(c)
            gov = _governor(h)
            if gov is not None:
                return subjects(gov, depth + 1)
            if h.dep_ == "pobj" and h.head.head.lemma_ == "be":
                return subjects(h.head.head, depth + 1)  # "X is in the process of buying"
    return []


_RELATIVES = {"which", "that", "whom"}


_AWARDED_DEALS = word_set("nlp/roles", "given_deals")
_CONTRACT_AWARDING_VERBS = word_set("nlp/roles", "contract_awarding_verbs")


def awarded_deal(verb: Token) -> Token | None:
    """The deal object whose purpose clause is `verb`: "a contract to build" (the clause on
    the noun) or "awarded X a contract ... to build" (the clause on the verb that governs the
    deal); only a deal noun, so "gave Ukraine $500m to buy" has none."""
    if verb.pos_ != "VERB":
        return None
    if verb.dep_ == "acl":
        deals = [verb.head]
    elif verb.dep_ in ("xcomp", "advcl"):
        deals = [c for c in verb.head.children if c.dep_ == "dobj"]
    else:
        return None
    return next(
        (d for d in deals if d.lemma_.lower() in _AWARDED_DEALS and d.dep_ == "dobj"), None
    )


def contract_awardees(verb: Token) -> list[Token]:
    """Who is given the deal whose purpose clause is `verb` ("the Army awarded Raytheon a
    contract to ramp up production", "awarded a contract to BAE Systems to build three
    ships"): the awarding verb's named dative or "to" party; none for money given ("gave
    Ukraine $500m to buy air defence systems": Ukraine buys, the giver sells nothing)."""
    deal = awarded_deal(verb)
    if deal is None:
        return []
    giver = deal.head
    if giver.lemma_.lower() not in _CONTRACT_AWARDING_VERBS:
        return []
    named = [x for c in giver.children if c.dep_ == "dative"
             for x in (pobjs(c) if c.pos_ == "ADP" else conjuncts(c))]
    named += [w for c in giver.children if c.dep_ == "prep" and c.lower_ == "to"
              for w in pobjs(c)]
    return [w for w in named if party_label(w)]


def _awardee(verb: Token) -> list[Token]:
    """Who does the work of a contract awarded to do it: "awarded a contract to BAE Systems
    to build three ships", "awarded BAE Systems a contract to build" (BAE builds)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    return contract_awardees(verb)


_GRATITUDE_WORDS = word_set("nlp/frames", "gratitude_words")


def _raised_patient(verb: Token) -> list[Token]:
    """What undergoes a passive infinitive: the subject of the `be` or the passive raising verb
    above it ("the jets are scheduled to be delivered", "X is due to be rolled out")."""
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "the ships are due to be handed over"
    if head.lemma_ != "be" and not any(c.dep_ == "nsubjpass" for c in head.children):
        return []
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in _RELATIVES and head.dep_ == "relcl":
                return conjuncts(head.head)  # "the tanks, which are set to be delivered"
            return conjuncts(c)
    return []


def _thanked(head: Token) -> list[Token]:
    """Whom a speaker thanks for a deed: the object of "thank", or the "to" of "grateful"."""
    if head.lemma_.lower() in _GRATITUDE_WORDS:
        objs = [c for c in head.children if c.dep_ == "dobj" and party_label(c)]
        if objs:
            return conjuncts(objs[0])
    for adj in (head, *[c for c in head.children if c.dep_ == "acomp"]):
        if adj.lemma_.lower() in _GRATITUDE_WORDS:
            to = [x for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"
                  for x in pobjs(c)]
            if to and party_label(to[0]):
                return to
    return []


_PARTY_KINDS = {"GPE": "state", "COUNTRY": "state", "METONYM": "state", "NORP": "state",
                "ORG": "org", "COMPANY": "org", "PERSON": "person"}


def _party_kind(tok: Token) -> str | None:
    return _PARTY_KINDS.get(party_label(tok) or "")


def _all_subjects(verb: Token, first: Token) -> list[Token]:
    """The subject and its conjuncts; a headline's comma list ("Japan, Philippines sign
    pact") comes parsed as several subjects of one verb."""
    out = conjuncts(first)
    for c in verb.children:
        if c.dep_ != "nsubj" or c.i <= first.i or c in out:
            continue
        kind = _party_kind(first)
        if kind is None or _party_kind(c) != kind:
            continue  # "Biden, Jr. met": a name's suffix, no second subject
        between = verb.doc[first.i + 1 : c.i]
        if any(w.lower_ == "," for w in between) and all(
            w.lower_ == "," or w in c.subtree or w in first.subtree for w in between
        ):
            out.extend(x for x in conjuncts(c) if x not in out)
    return sorted(out, key=lambda t: t.i)


def _antecedent(verb: Token) -> list[Token]:
    """What a relative pronoun object stands for: the noun the relative clause hangs on
    ("the tanks that Germany donated", "jets, which the navy plans to acquire")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return conjuncts(cur.head)
        if cur.dep_ not in ("xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


NOMINAL_GOVERNORS = word_map("nlp/frames", "nominal_governors", str)


def _governor(noun: Token) -> Token | None:
    """The verb that a noun trigger is the object/subject of ("announced its package")."""
    cur = noun
    for _ in range(3):
        dep = cur.dep_
        head = cur.head
        if head.i == cur.i:
            return None
        if dep in (
            "dobj",
            "nsubjpass",
            "nsubj",
            "attr",
            "oprd",
            "xcomp",
            "dative",
        ) and head.pos_ in ("VERB", "AUX"):
            return head
        if dep == "conj" or dep == "appos":
            cur = head
            continue
        if (
            dep == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ in ("VERB",)
            and head.lower_ in ("for", "to", "into", "on", "in", "as")
        ):
            return head.head
        if dep == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "request":
            cur = head.head  # "issued a request for proposal (RFP)": the request's verb
            continue
        if (
            dep == "pobj"
            and head.lower_ in ("in", "of", "worth")
            and (
                head.head.pos_ in ("NOUN", "NUM")
                or head.lower_ == "of"
                and cur.pos_ == head.head.pos_ == "PROPN"
                and _names_a_pact(cur)
            )
            and (
                head.head.dep_ in ("dobj", "nsubjpass")
                or head.head.lemma_ in ("billion", "million")
            )
        ):
            cur = head.head  # "approved billions of dollars in new aid"
            continue
        return None
    return None


def _names_a_pact(t: Token) -> bool:
    """ "a Status of Forces Agreement": the last word of a pact's name."""
    return any(s.type == "agreement" for s in TRIGGERS.get(t.lemma_.lower(), ()))


def _request_of(t: Token) -> Token | None:
    """The noun "request" of "a request for proposal (RFP)" that `t` names."""
    cur = t.head if t.dep_ == "appos" else t
    if cur.dep_ == "pobj" and cur.head.lower_ == "for" and cur.head.head.lemma_ == "request":
        return cur.head.head
    return None


def _clause_subject(noun: Token) -> list[Token]:
    """Who acts on a noun in the relative clause that describes it: "the contract the
    Philippines signed", "the order that the agency placed with X"."""
    for c in noun.children:
        if c.dep_ != "relcl" or c.pos_ != "VERB" or _is_passive(c):
            continue
        subj = [s for s in c.children if s.dep_ == "nsubj"]
        if subj and not is_pronoun(subj[0]) and party_label(subj[0]):
            return conjuncts(subj[0])
    return []


def _money_head(noun: Token) -> Token | None:
    """The sum that a noun measures ("$1bn in aid", "billions of dollars of assistance")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "of"):
        return None
    head = prep.head
    if head.pos_ in ("NUM", "NOUN") and any(c.like_num or c.tag_ == "$" for c in head.children):
        return head
    return None


def _reduced_relative(verb: Token) -> bool:
    """A relative clause with no relative pronoun whose verb lacks an object of its own:
    the noun it describes is that object ("the tanks Germany donated last year")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = {c.dep_ for c in verb.children}
    if kids & {"dobj", "nsubjpass", "ccomp", "xcomp"} or "nsubj" not in kids:
        return False
    if any(c.lower_ in _RELATIVES | {"who", "where", "when"} for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and not list(c.children) for c in verb.children)


_ITEM_PREPS = ("from", "to")


def _worth_of(noun: Token) -> list[Token]:
    """The "worth" a deal noun is valued by ("a contract worth $1bn for 40 jets"): the parse
    may hang the deal's own phrases on it."""
    return [c for c in noun.children if c.lower_ == "worth" and c.dep_ in ("amod", "prep")]


def _add_item_preps(frame: Frame, noun: Token) -> None:
    """The source or destination written on the goods of a noun trigger: "orders for two
    gun systems from the navy", "orders of 600 trucks from the army"."""
    heads = [noun, *_worth_of(noun)]
    if noun.dep_ == "dobj":  # "won orders (worth $1bn) for 40 jets from the navy"
        heads.append(noun.head)
    for prep in [c for h in heads for c in h.children]:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            continue
        for obj in pobjs(prep):
            for o in (obj, item_head(obj)):
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ in _ITEM_PREPS:
                        vals = [x for x in pobjs(c) if x not in frame.preps.get(c.lower_, [])]
                        frame.preps.setdefault(c.lower_, []).extend(vals)


_PARTICIPLE_PREPS = ("by", "on", "against", "to")


def _add_participle_preps(frame: Frame, noun: Token) -> None:
    """A past participle after a noun trigger says who acted and on whom: "sanctions
    imposed by the EU on Russian banks", "aid promised by Germany to Ukraine"."""
    for c in noun.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        extra = Frame(trigger=c, pred=None)
        _add_preps(extra, c)
        for agent in extra.preps.get("by", []):  # "by the EU on Russian banks" (attached low)
            for p in agent.children:
                if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                    extra.preps.setdefault(p.lower_, []).extend(pobjs(p))
        for k in _PARTICIPLE_PREPS:
            vals = [x for x in extra.preps.get(k, []) if x not in frame.preps.get(k, [])]
            if vals:
                frame.preps.setdefault(k, []).extend(vals)
        agents = extra.preps.get("by", [])
        frame.agent.extend(x for x in agents if x not in frame.agent)
        if agents and (frame.pred is None or noun.dep_ in ("nsubj", "nsubjpass")):
            # the participle, not the verb the noun is subject of, says what was done to it
            frame.gov_lemma = c.lemma_.lower()
            frame.passive = True


def _name_of(t: Token) -> set[int]:
    """The token indexes of the name `t` ends ("the Bilateral Security Agreement"): its
    words are the name, not parties that modify it."""
    if not t.ent_type_:
        return set()
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return set(range(ent.start, ent.end)) if ent is not None and ent.end - 1 == t.i else set()


def build_frame(doc: Doc, trig: Trigger) -> Frame:
    t = doc[trig.i]
    if trig.pos == "VERB":
        frame = Frame(trigger=t, pred=t)
        frame.passive = _is_passive(t) or passive_adjective(t)
        if passive_adjective(t):  # "the boats were gifted to X": the subject is the patient
            holder = t.head if t.dep_ == "acomp" else t
            frame.obj.extend(
                x for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")
                for x in conjuncts(c)
            )
        if t.dep_ == "acl" and t.tag_ == "VBN":
            frame.obj = conjuncts(t.head)  # "missiles launched by Russia": head is the patient
        elif t.dep_ == "relcl" and frame.passive:
            frame.obj = conjuncts(t.head)
        elif _reduced_relative(t):
            frame.obj = conjuncts(t.head)  # "the jets Denmark pledged": no relative pronoun
        for c in t.children:
            if c.dep_ in ("nsubjpass",):
                frame.obj.extend(
                    conjuncts(c) if c.lower_ not in ("who", "which", "that") else conjuncts(t.head)
                )
            elif c.dep_ == "dobj":
                frame.obj.extend(
                    [named(x) for x in conjuncts(c)] if c.lower_ not in _RELATIVES
                    else _antecedent(t)
                )
            elif c.dep_ == "dative":
                if c.pos_ == "ADP":
                    frame.preps.setdefault("to", []).extend(pobjs(c))
                else:
                    frame.dative.extend(conjuncts(c))
            elif c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB":
                frame.clauses.append(c)
        for o in list(frame.obj):  # "acquire a variant of X from India": the object's from/in
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "in", "to", "at", "during", "for"):
                    frame.preps.setdefault(c.lower_, []).extend(pobjs(c))
            ih = item_head(o)
            if ih.i != o.i:
                for c in ih.children:
                    if c.dep_ == "prep" and c.lower_ in ("from", "in", "to"):
                        frame.preps.setdefault(c.lower_, []).extend(pobjs(c))
        if not frame.obj:
            for c in t.children:  # "purchase over five helicopters" (parsed as a preposition)
                if c.dep_ == "prep" and c.lower_ in (
                    "over",
                    "about",
                    "around",
                    "nearly",
                    "approximately",
                    "up",
                ):
                    frame.obj.extend(pobjs(c))
        frame.subj = [] if frame.passive and t.dep_ != "xcomp" else subjects(t)
        if frame.passive and t.dep_ == "xcomp":
            frame.subj = []
            if not frame.obj:  # "X is to be produced", "X is expected to be delivered"
                frame.obj.extend(_raised_patient(t))
        _add_preps(frame, t)
        frame.agent = frame.preps.get("by", [])
        frame.gov_lemma = t.lemma_.lower()
        if trig.type == "agreement" and t.dep_ == "xcomp":
            frame.gov_lemma = t.head.lemma_.lower()  # "agreed to cooperate": the agreeing
        return frame
    gov = _governor(t)
    if gov is None and t.dep_ == "compound" and t.head.pos_ == "NOUN":
        gov = _governor(t.head)  # "raise the defence spending target": the head's verb
    nominal = None
    if t.dep_ == "pobj" and t.head.lower_ == "of":
        nom = t.head.head
        nominal = NOMINAL_GOVERNORS.get(nom.lemma_.lower())
        if nominal is not None and gov is None:
            gov = _governor(nom)  # "celebrated the opening of a new facility"
    frame = Frame(trigger=t, pred=gov)
    if gov is not None:
        frame.gov_lemma = gov.lemma_.lower()
        if nominal is not None:
            frame.gov_lemma = nominal
        frame.passive = _is_passive(gov)
        if (
            t.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "conj", "appos", "dative")
            and not frame.passive
        ):
            frame.subj = subjects(gov)
        for c in gov.children:
            if c.dep_ == "dative":
                if c.pos_ == "ADP":
                    frame.preps.setdefault("to", []).extend(pobjs(c))
                else:
                    frame.dative.extend(conjuncts(c))
            elif c.dep_ == "dobj" and t.dep_ == "nsubj":
                frame.obj.extend(conjuncts(c))
        frame.dative.extend(x for x in _first_object_datives(gov, t) if x not in frame.dative)
        _add_preps(frame, gov)
        frame.agent = frame.preps.get("by", [])
    own = Frame(trigger=t, pred=None)
    _add_preps(own, t)
    for w in _worth_of(t):  # "an order worth $20 million from the army for 40 vehicles"
        _add_preps(own, w)
    for k, v in own.preps.items():  # the noun's own prepositions come first
        frame.preps[k] = v + [x for x in frame.preps.get(k, []) if x not in v]
    _add_item_preps(frame, t)
    _add_participle_preps(frame, t)
    if not frame.poss:  # "the latest order of the Chilean Navy": who buys
        frame.poss.extend(
            x for x in own.preps.get("of", [])
            if _party_kind(x) is not None and not is_military_item(item_head(x))
        )
    if gov is not None and t.dep_ == "attr" and gov.lemma_ == "be" and not frame.obj:
        # "the F-6 was the first purchase of the air force": the subject is the goods
        frame.obj.extend(x for c in gov.children if c.dep_ == "nsubj" for x in conjuncts(c))
    if gov is not None and frame.passive and t.dep_ == "pobj" and t.head.lower_ == "for":
        # "the submarine is scheduled for delivery to the navy": the subject is the goods
        frame.obj.extend(
            x for c in gov.children if c.dep_ == "nsubjpass" for x in conjuncts(c)
        )
    for w in frame.preps.get("with", []) if not frame.preps.get("for") else []:
        if party_label(w) is None:  # "signed a deal with technology transfer for 6 submarines"
            for c in w.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    frame.preps.setdefault("for", []).extend(pobjs(c))
    if "by" in own.preps:
        frame.agent = own.preps["by"] + [a for a in frame.agent if a not in own.preps["by"]]
    request = _request_of(t)
    if request is not None:  # "a request for proposal (RFP) for 250 vehicles"
        hp = Frame(trigger=request, pred=None)
        _add_preps(hp, request)
        for k, v in hp.preps.items():
            frame.preps.setdefault(k, []).extend(
                x for x in v if x not in frame.preps[k] and x.i != t.i and t not in x.subtree
            )
    if request is not None or t.lemma_.lower() == "request":
        # the "for" of "a request for information" names the kind of request, not a party
        frame.preps["for"] = [x for x in frame.pp("for") if x.lower_ not in _TENDER_REQUESTS]
    described_by = _clause_subject(t)
    if described_by and not any(party_label(x) for x in frame.subj):
        frame.subj = described_by
    money = _money_head(t)
    if money is not None and _clause_subject(money):
        # "praised the $1bn in aid the United States announced": who gives is the clause's
        frame.subj = _clause_subject(money)
    own_name = _name_of(t) if trig.type == "agreement" else set()
    for c in t.children:
        if c.dep_ == "poss":
            frame.poss.extend(conjuncts(c))
        elif c.dep_ in ("compound", "amod", "nmod"):
            if c.i not in own_name and party_label(c) in (
                "GPE",
                "NORP",
                "ORG",
                "PERSON",
                "COUNTRY",
                "COMPANY",
                "DEMONYM",
                "METONYM",
                "PROPN",
            ):
                frame.mods.extend(conjuncts(c))
            else:
                frame.compounds.append(c)
        elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            frame.clauses.append(c)
    if t.dep_ == "compound":  # "production rate", "aid package": the head's modifiers count too
        head = t.head
        for c in head.children:
            if c.i == t.i:
                continue
            if c.dep_ == "poss":
                frame.poss.extend(conjuncts(c))
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < t.i:
                if party_label(c) in (
                    "GPE",
                    "NORP",
                    "ORG",
                    "PERSON",
                    "COUNTRY",
                    "COMPANY",
                    "DEMONYM",
                    "METONYM",
                ):
                    frame.mods.extend(conjuncts(c))
                else:
                    frame.compounds.append(c)
        hp = Frame(trigger=head, pred=None)
        _add_preps(hp, head)
        for k, v in hp.preps.items():
            frame.preps.setdefault(k, []).extend(x for x in v if x not in frame.preps[k])
        hgov = _governor(head)
        if hgov is not None and not frame.subj:
            frame.pred = hgov
            frame.gov_lemma = hgov.lemma_.lower()
            frame.passive = _is_passive(hgov)
            if not frame.passive:
                frame.subj = subjects(hgov)
            if not frame.dative:  # "awarded X an Undefinitized Contract Action"
                frame.dative = [x for c in hgov.children if c.dep_ == "dative"
                                and c.pos_ != "ADP" for x in conjuncts(c)]
    # "inked a deal to construct six vessels": the purpose clause hangs off the governor
    if gov is not None and t.dep_ == "dobj":
        for c in gov.children:
            if (
                c.dep_ in ("xcomp", "advcl")
                and c.pos_ == "VERB"
                and c.i > t.i
                and any(a.lower_ == "to" for a in c.children)
            ):
                frame.clauses.append(c)
    # "a series of explosions at the depot", "a wave of strikes on X": the head's phrases count
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _SERIES:
        head = t.head.head
        hp = Frame(trigger=head, pred=None)
        _add_preps(hp, head)
        for k, v in hp.preps.items():
            if k != "of":
                frame.preps.setdefault(k, []).extend(x for x in v if x not in frame.preps[k])
    # prepositions of the clause and of its object: "a deal to construct X for the Navy"
    for cl in frame.clauses:
        extra = Frame(trigger=cl, pred=None)
        _add_preps(extra, cl)
        for o in cl.children:
            if o.dep_ == "dobj":
                _add_preps(extra, o)
        for k, v in extra.preps.items():
            if k in ("for", "to", "from", "in", "with"):
                frame.preps.setdefault(k, []).extend(x for x in v if x not in frame.preps[k])
    # nominal chain: "approval for the procurement of X", "plans for local production"
    if gov is None and not frame.poss and t.dep_ == "pobj" and t.head.lower_ in ("for", "of", "on"):
        nom = t.head.head
        if nom.pos_ == "NOUN":
            for c in nom.children:
                if c.dep_ == "poss" and not is_pronoun(c):
                    frame.poss.extend(conjuncts(c))
            ngov = _governor(nom)
            if ngov is not None and not frame.subj:
                frame.pred = ngov
                frame.gov_lemma = ngov.lemma_.lower()
                frame.passive = _is_passive(ngov)
                if not frame.passive and nom.dep_ != "nsubj":
                    frame.subj = subjects(ngov)
    # nominal governor: "the premier's approval of a $2 billion aid package"
    if not frame.subj and not frame.poss and t.dep_ == "pobj" and t.head.lower_ == "of":
        nom = t.head.head
        if nom.pos_ == "NOUN":
            for c in nom.children:
                if c.dep_ == "poss":
                    frame.poss.extend(conjuncts(c))
    return frame


# --- building argument values -------------------------------------------------------------


def pp_of(tok: Token, *words: str) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in words:
            out.extend(pobjs(c))
    return out


def pp_on_sides(f: Frame, sides: tuple[str, ...], prep: str, objects: bool = False) -> list[Token]:
    """The objects of a `prep` phrase the parse hung on the deal's other sides rather than on
    the trigger: on the objects of its `sides` prepositions, and with `objects` on its direct
    objects too ("a contract with MBDA for missiles", "the sale to Taiwan of three NASAMS",
    "ordered 20 systems from Rheinmetall for Ukraine"). Never a side itself."""
    heads = [*f.obj, *f.pp(*sides)] if objects else f.pp(*sides)
    return [w for h in heads for w in pp_of(h, prep) if w not in heads]
