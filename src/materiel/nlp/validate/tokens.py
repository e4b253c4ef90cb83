"""Token and frame predicates the validation checks of several event types share."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.frames import Frame
from materiel.nlp.lexicon import ITEM_HEADS, SPEECH_VERBS
from materiel.nlp.spans import ORG_HEAD_HINTS, entity_of, is_designator, is_version
from materiel.nlp.status import clause_chain
from materiel.nlp.types import EventMention, RoleValue, Trigger
from materiel.nlp.under_contract import goods_made_under
from materiel.wordlists import word_set

_ext.register()


SECURITY_WORDS = word_set("nlp/validate", "security_words")

SECURITY_EXTRA = word_set("nlp/validate", "security_extra")

# nouns for those a sanction names ("firms", "entities"); read once for context and sanctions
SANCTIONED_BODIES = word_set("nlp/validate", "sanctioned_bodies")

FACTORY_GOVERNORS = word_set("nlp/validate", "factory_governors")

# words that make a listing a sanctions listing, read once for context and sanctions
SANCTION_SENTENCE_WORDS = word_set("nlp/validate", "sanction_sentence_words")
_LISTING_RELIEF_WORDS = word_set("nlp/validate", "listing_relief_words")
_LISTING_STANDING_WORDS = word_set("nlp/validate", "listing_standing_words")
_LISTING_PHRASE_DEPS = ("prep", "compound", "amod", "npadvmod")
_LISTING_CLAUSE_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp")

_GROWTH_VERBS = word_set("nlp/validate", "growth_verbs")

LEADERS = word_set("nlp/validate", "leaders")

_MAKER_WORDS = {"works", "dynamics", "motors", "shipbuilders", "shipbuilding", "engineering"}

CIVIL_AID_CUES = word_set("nlp/validate", "civil_aid_cues")

_SUPPORT_NOUNS = word_set("nlp/validate", "support_nouns")
_ARMED_SUPPORT_MODS = word_set("nlp/validate", "armed_support_mods")


def military_support(f: Frame) -> bool:
    """The thing given is military support, help or aid ("provide military support to X",
    "providing Ukraine with financial, humanitarian, military and diplomatic support")."""
    for o in f.obj + f.pp("with"):
        if o.lemma_.lower() not in _SUPPORT_NOUNS:
            continue
        mods = [c for c in o.children if c.dep_ in ("amod", "compound")]
        mods += [x for c in mods for x in c.subtree]  # "financial, humanitarian, military and"
        if any(w.lower_ in _ARMED_SUPPORT_MODS for w in mods):
            return True
    return False


_GENERIC_ARMS_NOUNS = word_set("nlp/validate", "generic_arms_nouns")

_GIVING_CLAUSE_VERBS = word_set("nlp/validate", "giving_clause_verbs")


def state_sends_arms(f: Frame, m: EventMention) -> bool:
    """A state sends unnamed equipment to another state ("Norway has pledged to send more
    equipment to Ukraine"): military goods unless the sentence is about civil aid."""
    states = ("GPE", "COUNTRY", "METONYM")
    givers = [v for v in m.values("donor") if v.label in states]
    takers = [v for v in m.values("recipient") if v.label in states]
    # "pledged to send more equipment": the goods of the pledge's clause of giving
    sent = [c for cl in f.clauses if cl.lemma_.lower() in _GIVING_CLAUSE_VERBS
            for c in cl.children if c.dep_ == "dobj"]
    goods = [o for o in f.obj + sent if o.lemma_.lower() in _GENERIC_ARMS_NOUNS]
    civil = {w.lower_ for w in f.trigger.doc} & CIVIL_AID_CUES  # "medical equipment"
    return bool(givers and takers and goods) and not civil


def is_person(tok: Token) -> bool:
    ent = entity_of(tok)
    return ent is not None and ent.label_ == "PERSON"


def company_value(doc: Doc, v: RoleValue) -> bool:
    """A value named as a company ("Hallam Aircraft Works", "X Ltd"), not just any body."""
    words = {w.strip(".,").lower() for w in v.text.split()}
    return bool(words & (ORG_HEAD_HINTS | _MAKER_WORDS))


def company_like(tok: Token) -> bool:
    ent = entity_of(tok)
    return ent is not None and ent.label_ == "COMPANY"


def _words(tok: Token) -> set[str]:
    return {t.lower_ for t in tok.subtree}


def mod_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")} | {
        w.lower_ for c in tok.children if c.dep_ in ("amod", "compound") for w in c.subtree
    }


def under(tok: Token, preps: set[str]) -> bool:
    """Whether a noun sits inside a phrase headed by one of `preps`, below its first verb."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("prep",) and cur.lower_ in preps:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.tag_ not in ("VBG", "VBN"):
            return False
        cur = cur.head
    return False


BUYING_VERBS = word_set("nlp/validate", "buying_verbs")
BUYING_NOUNS = word_set("nlp/validate", "buying_nouns")

_SANCTION_READINESS = word_set("nlp/validate", "sanction_readiness_governors")


def held_ready(t: Token) -> bool:
    """Sanctions to be imposed or a deal to be reached under a word of readiness, appeal or
    power ("are ready to impose severe sanctions", "called for allies to impose tougher
    sanctions", "authority to impose sanctions", "remain ready to reach arrangements"): none
    imposed or reached."""
    verb = t.head if t.pos_ == "NOUN" and t.dep_ == "dobj" else t
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    while verb.dep_ == "conj" and verb.head.tag_ == "VB":
        verb = verb.head  # "called for Moscow to pay and for allies to impose sanctions"
    head = verb.head
    return head.lemma_.lower() in _SANCTION_READINESS or head.lower_ in _SANCTION_READINESS


_RATE_UNITS = word_set("nlp/validate", "rate_units")


def ongoing_rate(t: Token) -> bool:
    """A deal told as an ongoing rate ("has been inducting 90 jets annually", "are building
    boats at 1.2 a year"): a trend, not one purchase or production step; but not a rate worked
    under a contract ("is receiving 75 guns per year from X under a 2022 contract"), the
    deliveries of a deal told with its parties."""
    if t.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children):
        return False
    if any(goods_made_under(o) == t for p in t.children if p.dep_ == "prep" for o in p.children):
        return False
    near = [c for c in t.children if c.dep_ in ("advmod", "npadvmod")]
    # "at 1.2 a year" on the verb, or "per year" hung on its goods ("getting 75 guns per year")
    hosts = [t, *(c for c in t.children if c.dep_ == "dobj")]
    near += [w for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ in ("at", "per")
             for w in p.subtree]
    return any(_rate(w) for w in near)


def _rate(w: Token) -> bool:
    """ "annually", "a year", "every month", "per annum" (not "this year")."""
    if w.lemma_.lower() not in _RATE_UNITS:
        return False
    if w.pos_ == "ADV":
        return True
    return (w.dep_ == "pobj" and w.head.lower_ == "per") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "every", "each", "per") for c in w.children
    )


def record_clause(t: Token) -> bool:
    """A deal told in an undated relative clause that ranks its holder ("the only shipyard
    that has manufactured 8 submarines", "the first country that bought the jet"): what the
    holder is known for, not a deal reported here."""
    if t.dep_ != "relcl" or t.pos_ != "VERB" or t.tag_ == "VB":
        return False  # (an infinitive is news: "will be the first country to buy the jet")
    if any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree):
        return False
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("first", "only"))
        for c in t.head.children
    )


def compared_with_unlike(t: Token) -> bool:
    """The trigger in a clause that sets a thing against another ("unlike Ukraine, which ...")."""
    return t.pos_ == "VERB" and t.dep_ == "relcl" and under(t.head, {"unlike"})


def names_manufacturing_site(f: Frame, trig: Trigger) -> bool:
    """"a weapons manufacturing site": production naming a place, not built or expanded."""
    t = f.trigger
    return (
        t.dep_ == "compound"
        and trig.lemma in ("production", "manufacturing")
        and f.gov_lemma not in FACTORY_GOVERNORS | _GROWTH_VERBS
    )


def long_past(doc: Doc, t: Token) -> bool:
    """The attack is dated by a year a decade or more before the story's publication ("the
    bombing of August 1945"): history told as background. Attacks of recent years stay: stories
    often retell the war's opening strikes."""
    published = str(doc._.published or "")[:4]
    if not published.isdigit():
        return False
    own = {w.i for w in t.subtree}
    if t.pos_ in ("NOUN", "PROPN"):
        own |= {w.i for c in t.head.children if c.dep_ == "prep" for w in c.subtree}
    for n in doc._.numbers or []:
        if n.kind != "year" or not 0 <= n.token_start < len(doc) or n.token_start not in own:
            continue
        first = doc[n.token_start]
        if any(a.lower_ in ("since", "than", "until", "till") for a in first.ancestors):
            continue  # "the largest attack since 2014": compared with the past, not in it
        if n.value <= int(published) - 10:
            return True
    return False


def habitual(doc: Doc, t: Token) -> bool:
    """An attack or production verb in the simple present of a body sentence tells what a
    side does, not an event that happened ("invaders shell and bomb cities", "the drones it
    launches", "the company builds drones"); titles
    tell events in the present ("Israeli jets strike military sites")."""
    if (doc._.context or {}).get("heading"):
        return False
    cur = t
    while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ == "VERB":
        cur = cur.head  # "shell and bomb": the tense is the first verb's
    if cur.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in cur.children):
        return False
    # a timeline told in the present ("In October, Russia turns to the grid, which it targets")
    return not any(d.from_text and d.precision != "year" for d in doc._.dates or [])


def tok_index(doc: Doc, v: RoleValue) -> int:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span.root.i if span is not None else -1


def clause_of_phrase(t: Token) -> Token | None:
    """The verb whose prepositional phrase (through nested "of" phrases) holds the noun."""
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        t = t.head.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def leader_named(w: Token) -> bool:
    """A leader's title itself ("his French counterpart", "Ukraine's leader"), or a name
    right after one ("President Zelenskyy", "leader Volodymyr Zelensky"; not "chief anchor
    Jane Miller")."""
    if w.lemma_.lower() in LEADERS:
        return True
    if w.pos_ != "PROPN" and not is_person(w):
        return False
    ent = entity_of(w)
    first = ent.start if ent is not None else w.i
    return first > 0 and w.doc[first - 1].lemma_.lower() in LEADERS


def capability_provision(f: Frame, m: EventMention, trig: Trigger) -> bool:
    """A weapon that "provides" a force with a capability: the subject is a thing, not a
    party, and what it provides is described by what it can do."""
    if trig.lemma not in ("provide", "give", "equip", "offer") or f.passive or not f.subj:
        return False
    if m.values("seller") or m.values("donor"):
        return False
    if not all(_thing_name(s) for s in f.subj):
        return False
    for thing in f.pp("with") + f.obj:
        for c in thing.children:
            if c.dep_ in ("relcl", "acl") and any(
                a.dep_ == "aux" and a.lower_ in ("can", "could", "will", "would")
                for a in c.children
            ):
                return True
    return False


def _thing_name(s: Token) -> bool:
    """A weapon, or a model name no party list knows ("the XR-7 V2")."""
    name = [s] + [c for c in s.children if c.dep_ == "compound"]
    if s.lemma_.lower() in ITEM_HEADS or any(w.ent_type_ in ("WEAPON", "PRODUCT") for w in name):
        return True
    if is_version(s) or is_designator(s):
        return True  # "the Astra Mk2", "the XR-7"
    return not any(w.ent_type_ for w in name) and any(
        w.tag_ == "NNP" or any(ch.isdigit() for ch in w.text) for w in name
    )


def conditional(t: Token) -> bool:
    """A clause of "if" or "unless" hangs anywhere on the trigger's clause ("are ready to
    impose sanctions on X if it invades"): a threat or condition, not a deed."""
    chain, _reporting = clause_chain(t)
    return any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
        for w in chain
        for c in w.children
    )


_TALK_WORDS = word_set("nlp/validate", "talk_words")
_ORGANISING_WORDS = word_set("nlp/validate", "organising_words")
_GATHERING_VERBS = word_set("nlp/validate", "gathering_verbs")
_FOCUS_VERBS = word_set("nlp/validate", "focus_verbs")


def _purpose_of_gathering(verb: Token) -> bool:
    """ "met in Brussels to coordinate military aid": an organising verb that gives why people
    gather."""
    return (verb.lemma_.lower() in _ORGANISING_WORDS and verb.dep_ in ("advcl", "xcomp")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and verb.head.lemma_.lower() in _GATHERING_VERBS)


def topic_of_talk(t: Token) -> bool:
    """A noun trigger that is only what people talk about: the object of "discuss", the
    object of "on"/"about" after "an update", "talks", "a briefing", or of "said of"."""
    if t.pos_ != "NOUN":
        return False
    if t.dep_ == "dobj":  # not "discussed the assistance the US is providing"
        talked = t.head.lemma_.lower() in _TALK_WORDS or (
            _purpose_of_gathering(t.head) and not _goods_told(t))
        return talked and not any(c.dep_ in ("relcl", "acl") for c in t.children)
    if (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.pos_ == "VERB"
        and t.head.head.lemma_.lower() in SPEECH_VERBS | {"speak"}
    ):
        return True  # "said of the US security assistance: ..."
    if t.dep_ != "pobj" or t.head.lower_ not in ("on", "about", "regarding", "concerning"):
        return False
    told = t.head.head
    # "talks expected to focus on military aid"; not "will focus its aid on air defence"
    return told.lemma_.lower() in _TALK_WORDS or (
        told.lemma_.lower() in _FOCUS_VERBS and not any(c.dep_ == "dobj" for c in told.children))


def _goods_told(t: Token) -> bool:
    """ "the delivery of 30 Leopard tanks": a deed with its goods or its count, more than a
    topic."""
    return any(w.like_num for w in t.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


_INNER_CLAUSE_LINKS = frozenset({"xcomp", "acl", "prep", "pobj", "dobj"})


def governed_in_clause(t: Token, words: frozenset[str] | set[str], steps: int) -> bool:
    """A word of `words` governs `t` within its own clause, at most `steps` links up through
    complements, objects and prepositions ("a desire to carry out attacks", "plan to disrupt
    the summit"); the walk stops at the clause head, so a word of another clause ("urged
    residents to shelter as missiles struck") does not count."""
    cur = t
    for _ in range(steps):
        if cur.dep_ not in _INNER_CLAUSE_LINKS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words:
            return True
    return False


def sanctions_listing(tok: Token) -> bool:
    """ "listed 50 entities under its Brask sanctions regime", "added 19 firms to its sanctions
    list", "adopted a package of sanctions, listing 48 entities": a listing whose own phrase (its
    prepositions and modifiers, or the clause it continues) names sanctions. A sanctions word
    elsewhere ("saying sanctions had hit supply", "firms that sold arms despite sanctions"), a
    relief ("for sanctions relief", "as exempt from sanctions") or a listing as something else
    ("as trusted partners") is none."""
    if tok.lemma_.lower() != "list":
        return False
    words = _listing_phrase(tok)
    found = {w.lower_ for w in words} | {w.lemma_.lower() for w in words}
    return bool(found & SANCTION_SENTENCE_WORDS) and not found & _LISTING_RELIEF_WORDS


def listed_as_other(tok: Token) -> bool:
    """ "listed 12 companies as key suppliers", "as trusted partners": the listing names a
    standing that is no sanction; a standing word ("trusted partners", "eligible") counts
    wherever the parse hangs its 'as' phrase under the listing."""
    as_phrases = [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "as"]
    return any(
        not {w.lower_ for w in c.subtree} & SANCTION_SENTENCE_WORDS
        and (c.head.i == tok.i or bool({w.lower_ for w in c.subtree} & _LISTING_STANDING_WORDS))
        for c in as_phrases
    )


def _listing_phrase(tok: Token) -> list[Token]:
    """The words of a listing's own phrase: its prepositions and modifiers, and where the listing
    continues a clause ("adopted a package of sanctions, listing ..."), that clause's verb and its
    object or prepositions; never the relative clauses on the listed."""
    if listed_as_other(tok):
        return []
    words = [w for c in tok.children if c.dep_ in _LISTING_PHRASE_DEPS for w in c.subtree]
    if tok.dep_ in _LISTING_CLAUSE_DEPS and tok.head.i != tok.i:
        head = tok.head
        words.append(head)
        words += [w for c in head.children if c.dep_ in ("dobj", "prep", "compound")
                  and c.i != tok.i for w in c.subtree]
    if tok.pos_ == "NOUN" and tok.head.i != tok.i:
        words.append(tok.head)  # "its sanctions list", "the list of sanctioned firms"
    return words
