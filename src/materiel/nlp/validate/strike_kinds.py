"""Attacks that are no strike event: on civilians only, by irregulars, tests, raids, words."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.spans import entity_of
from materiel.nlp.types import EventMention, RoleValue
from materiel.nlp.validate.tokens import LEADERS, is_person
from materiel.wordlists import word_set


def military_target(text: str) -> bool:
    return bool(set(text.lower().replace("-", " ").split()) & _MILITARY_TARGETS)


_MILITARY_TARGETS = word_set("nlp/validate", "military_targets")


def pobj_head(t: Token) -> Token:
    while t.dep_ == "conj":
        t = t.head
    return t.head if t.dep_ == "pobj" else t


_INVASION_WORDS = word_set("nlp/validate", "invasion_words")


def invasion_told(doc: Doc, m: EventMention) -> bool:
    """An attack on a whole country told with the invasion ("Russia attacked Ukraine in 2022
    because...", "launched the biggest attack on a European country when he ordered the
    invasion"): the war itself, not a strike; a barrage of missiles or drones stays."""
    targets = m.values("target")
    if any(v.label not in ("COUNTRY", "GPE", "METONYM") for v in targets) and not all(
        v.text.lower().split()[-1] in ("country", "nation") for v in targets
    ):
        return False
    lemmas = {w.lemma_.lower() for w in doc} | {w.lower_ for w in doc}
    return bool(lemmas & _INVASION_WORDS) and not lemmas & PAYLOADS


BLAST_MILITARY_WORDS = word_set("nlp/validate", "blast_military_words")
_ARMED_TARGET_WORDS = word_set("nlp/validate", "armed_target_words")

PAYLOADS = word_set("nlp/validate", "payloads")

_CIVILIAN_TARGETS = word_set("nlp/validate", "civilian_targets")
_VILLAGE_TARGETS = word_set("nlp/validate", "village_targets")
_CIVILIAN_VICTIMS = word_set("nlp/validate", "civilian_victims")
_MILITARY_VICTIMS = word_set("nlp/validate", "military_victims")
_IRREGULAR_ATTACKERS = word_set("nlp/validate", "irregular_attackers")
_WEAPON_TEST_WORDS = word_set("nlp/validate", "weapon_test_words")
_RAID_MILITARY_MODS = word_set("nlp/validate", "raid_military_mods")
_POLITICAL_SPEAKERS = word_set("nlp/validate", "political_speakers")


def irregular_attack(doc: Doc, m: EventMention) -> bool:
    """Every attacker is an armed group's members named by a common noun ("terrorists",
    "gunmen", "rioters"): the spec leaves such attacks optional or out. A named group
    ("Hezbollah", "Houthi rebels") is a party and stays."""

    def common(v: RoleValue) -> bool:
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        return (
            span is not None
            and v.label in (None, "NOUN")
            and span[-1].lower_ in _IRREGULAR_ATTACKERS
            and not any(
                w.pos_ == "PROPN" or w.ent_type_ or (w.text[:1].isupper() and not w.is_sent_start)
                for w in span
            )
        )

    attackers = m.values("attacker")
    return bool(attackers) and all(common(v) for v in attackers)


_BARE_TARGETS = ("target", "targets", "a target")


def weapon_test(doc: Doc, m: EventMention) -> bool:
    """A firing told as a test ("test-fired a missile into the Pacific", "described the launch
    as a test") that hit nothing named, or that hit only "a target" somewhere unnamed ("fired
    a warhead that hit a target 8 km away")."""
    targets = m.values("target")
    hit = [v for v in targets if v.text.lower() not in _BARE_TARGETS]
    if targets and all(v.text.lower() in ("target", "a target") for v in targets) and not (
        m.values("location")
    ):
        return True  # (unnamed "targets" struck somewhere stay: "US jets struck targets")
    return not hit and any(w.lemma_.lower() in _WEAPON_TEST_WORDS for w in doc)


def police_raid(f: Frame, m: EventMention) -> bool:
    """A raid with no air or drone modifier and no military target: a search of premises."""
    t = f.trigger
    if t.lemma_.lower() != "raid":
        return False
    mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
    return not mods & _RAID_MILITARY_MODS and not any(
        military_target(v.text) for v in m.values("target")
    )


def civilian_only(f: Frame, m: EventMention) -> bool:
    """Every target (as extracted, or as the object / "on" phrase) is a civilian one; not
    said of a missile or drone campaign ("missile attacks against cities across Ukraine")."""
    t = f.trigger
    if t.tag_ == "NNS" and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in PAYLOADS for c in t.children
    ):
        return False
    passive = any(c.dep_ == "auxpass" for c in t.children)
    raw = f.pp("on", "against", "at") + (f.obj if t.pos_ == "VERB" else [])
    if passive:  # "civilians were bombed": the subject is what was hit
        raw += [c for c in t.children if c.dep_ == "nsubjpass"]
    raw = [w for w in raw if entity_of(w) is None]
    if raw and all(_civilian_word(w) for w in raw):
        return True  # "attacked a residential district of X"
    hit = [w for w in f.obj if t.pos_ == "VERB" and entity_of(w) is None]
    if hit and all(_civilian_word(w) for w in hit):
        return True  # "attacked civilians at Varn village": the "at" place is only where
    texts = [v.text for v in m.values("target") if v.label not in (None, "NOUN")]
    if texts:
        return False  # a named place or party: a city, a country, a company
    heads = [v.text.lower().replace("-", " ").split() for v in m.values("target")]
    if not heads and not raw:
        return False
    civil = _civilian_set(t)
    return all(set(h) & civil for h in heads if h) and all(_civilian_word(w) for w in raw)


def anonymous_non_military(m: EventMention) -> bool:
    """No attacker, no place, and only common-noun targets with no military word nor name
    ("the cities that have been bombed", "the missile hit the left engine"): no strike one
    could report."""
    targets = m.values("target")
    return (
        not m.values("attacker")
        and not m.values("location")  # "strike cities across Ukraine": a campaign somewhere
        and bool(targets)
        and all(v.label in (None, "NOUN") for v in targets)
        and not any(w[:1].isupper() for v in targets for w in v.text.split())  # "Houthi targets"
        and not any(
            set(v.text.lower().replace("-", " ").split())
            & (_MILITARY_TARGETS | BLAST_MILITARY_WORDS | _ARMED_TARGET_WORDS)
            for v in targets
        )
    )


def _civilian_word(w: Token) -> bool:
    """A civilian thing, by its head or a modifier ("homes", "residential areas", "food
    infrastructure")."""
    civil = _civilian_set(w)
    return w.lower_ in civil or any(
        c.dep_ in ("amod", "compound") and c.lower_ in civil for c in w.children
    )


def _civilian_set(w: Token) -> frozenset[str]:
    """The civilian target words for `w`'s sentence: a village counts only when the sentence
    names civilian victims and no fighters, soldiers or commanders ("an RSF attack on a
    village killed 40 civilians", not "a strike on a village killed a Hezbollah commander")."""
    words = {x.lower_ for x in w.sent}
    if words & _CIVILIAN_VICTIMS and not words & _MILITARY_VICTIMS:
        return _CIVILIAN_TARGETS | _VILLAGE_TARGETS
    return _CIVILIAN_TARGETS


_POLITICAL_TARGETS = word_set("nlp/validate", "political_targets")
_PERSON_PRONOUNS = word_set("nlp/validate", "personal_pronouns")
_VERBAL_ATTACK_MODS = word_set("nlp/validate", "verbal_attack_mods")


def verbal_attack(f: Frame) -> bool:
    """An attack noun (or the attack a verb launches) made in words or on computers: "a
    blistering attack on the government's policy", "launched a cyber attack on the ministry",
    "an attack on the prime minister's record"."""
    t = f.trigger
    nouns = [t] if t.pos_ == "NOUN" else [o for o in f.obj if o.lemma_.lower() in ("attack",
                                                                                   "assault")]
    for n in nouns:
        mods = {c.lower_ for c in n.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & _VERBAL_ATTACK_MODS:
            return True
        if n.lemma_.lower() not in ("attack", "assault") or mods & _RAID_MILITARY_MODS | {
                "missile", "rocket", "artillery", "armed", "military", "suicide"}:
            continue  # "an air strike on the commander", "a missile attack on X": strikes
        on = [o for p in n.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
              for o in p.children if o.dep_ == "pobj"]
        if on and all(
            (is_person(o) or o.lemma_.lower() in _POLITICAL_TARGETS | LEADERS)
            and not military_target(" ".join(w.text for w in o.subtree))
            for o in on
        ):
            return True
    return False


def political_attack(f: Frame) -> bool:
    """An attack in words: a person attacks a person, an office or a policy; a politician or
    critic attacks anything but a military target; or the attack judges its object ("attacked
    the plan as wasteful")."""
    if f.trigger.pos_ != "VERB" or f.passive or not f.obj:
        return False
    if any(_judged_as(p) for p in f.trigger.children if p.dep_ == "prep" and p.lower_ == "as"):
        return True
    if any(s.lemma_.lower() in _POLITICAL_SPEAKERS for s in f.subj) and not any(
        military_target(" ".join(w.text for w in o.subtree)) for o in f.obj
    ):
        return True
    speaker = any(
        is_person(s)
        or s.lower_ in _PERSON_PRONOUNS
        or s.lemma_.lower() in LEADERS | _POLITICAL_SPEAKERS
        for s in f.subj
    )  # a person, named or "he" / "she": an army, a state or "they" strike
    return speaker and all(
        is_person(o) or o.lemma_.lower() in _POLITICAL_TARGETS | LEADERS for o in f.obj
    )


def _judged_as(prep: Token) -> bool:
    """ "as wasteful", "as \"gold-plated\"": a judgement (an adjective), no noun phrase
    ("as part of the campaign")."""
    kids = [c for c in prep.children if c.dep_ != "punct"]
    return bool(kids) and all(c.dep_ in ("amod", "acomp") for c in kids)
