"""What a strike needs to stand: a target hit, a campaign, a launch, a blast."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.attach import BACKGROUND_PREPS
from materiel.nlp.roles.parties import ARMED_FORCE_WORDS
from materiel.nlp.types import RoleValue
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.strike_events import strike_is_event
from materiel.nlp.validate.strike_kinds import BLAST_MILITARY_WORDS, military_target, pobj_head
from materiel.nlp.validate.tokens import conditional, governed_in_clause, mod_words
from materiel.wordlists import word_set, word_tuple

_LAUNCH_OBJECTS = word_set("nlp/validate", "launch_objects")


def _listed_under(t: Token) -> Token:
    """The noun an "including" phrase hangs on ("against aggression, including attacks on
    cities": aggression), else the token itself."""
    head = pobj_head(t)
    if head.lower_ == "including" and head.head.pos_ == "NOUN":
        return head.head
    return t


_ATTACK_RESISTING_VERBS = word_tuple("nlp/validate", "attack_resisting_verbs")

_ATTACK_HALTING_WORDS = word_set("nlp/validate", "attack_halting_words")

_CASUALTY_VERBS = word_set("nlp/validate", "casualty_verbs")

_LAUNCH_PLATFORMS = word_set("nlp/validate", "launch_platforms")

_DISPUTED_CLAIM_NOUNS = word_set("nlp/validate", "disputed_claim_nouns")

_BACKGROUND_ATTACK_HEADS = word_tuple("nlp/validate", "background_attack_heads")

_AIR_CAMPAIGN_MODS = word_set("nlp/validate", "air_campaign_mods")


def strike_misread_early(case: Case) -> bool | None:
    """A strike threatened, or a weapon's kind named ('strike drones')."""
    t = case.f.trigger
    if conditional(t):
        return False  # "we are ready to impose sanctions if it invades": a threat
    if _weapon_modifier(t):
        return False  # "strike drones", "attack helicopters": kinds of weapon
    if _wished(t):
        return False  # "expressed a desire to carry out attacks": wished, not carried out
    if _generic_attack(t):
        return False  # "an attack against one member is an attack against all": a principle
    if _struck_by_nature(case):
        return False  # "lightning struck a fuel depot": no side attacked
    return None


_NATURAL_FORCES = word_set("nlp/validate", "natural_force_subjects")


def _struck_by_nature(case: Case) -> bool:
    """A strike verb whose subject is a force of nature."""
    return case.f.trigger.pos_ == "VERB" and not case.f.passive and any(
        (s.lemma_.lower() in _NATURAL_FORCES or s.lower_ in _NATURAL_FORCES) and _bare_force(s)
        for s in case.f.subj
    )


def _bare_force(s: Token) -> bool:
    """A nature noun told as itself ("lightning", "a massive fire"), not a weapon's or a
    side's fire ("artillery fire", "Houthi fire", "Israel's fire", "a hail of rockets")."""
    for c in s.children:
        if c.dep_ in ("compound", "nmod", "poss") or c.ent_type_:
            return False
        if c.dep_ == "prep" and c.lower_ == "of":
            return False
    return True


_STRIKE_WISH_WORDS = word_set("nlp/validate", "strike_wish_words")


def _wished(t: Token) -> bool:
    """A strike a wish word governs within its own clause ("expressed a desire to carry out
    attacks", "urged the army to attack"); the walk stops at the strike's clause head, so a
    wish in another clause ("urged residents to take shelter as missiles struck Kyiv") is
    not the strike's."""
    return governed_in_clause(t, _STRIKE_WISH_WORDS, 4)


_GENERIC_DETS = word_set("nlp/validate", "generic_attack_dets")
_PRINCIPLE_COMPLEMENTS = word_set("nlp/validate", "attack_principle_complements")
_WEAPON_MODS = word_set("nlp/validate", "weapon_attack_mods")


def _generic_attack(t: Token) -> bool:
    """An indefinite attack noun as the subject of a present "is" whose complement is another
    attack or a label ("an attack on one ally is an attack on all", "a strike on the plant is
    a crime"): a rule or a label, no attack. Not one told by its date, its side or its weapon
    ("a Russian missile attack on Monday is the deadliest so far")."""
    if not (
        t.pos_ == "NOUN"
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() == "be"
        and t.head.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in t.children)
    ):
        return False
    if _one_attack_told(t):
        return False
    return any(
        c.dep_ == "attr" and c.lemma_.lower() in _PRINCIPLE_COMPLEMENTS for c in t.head.children
    )


def _one_attack_told(t: Token) -> bool:
    """An attack noun with a date in its phrase, or a side or a weapon before it ("a Russian
    missile attack", "an attack on Varn on Monday"): one attack, not a kind."""
    if any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree):
        return True
    return any(
        w.i < t.i and (w.ent_type_ in ("GPE", "NORP", "ORG") or w.lower_ in _WEAPON_MODS)
        for w in t.subtree
    )


def strike_misread_late(case: Case) -> bool | None:
    """Attacks resisted, labelled or told as a background."""
    doc, f, m, t = case.doc, case.f, case.m, case.f.trigger
    if (
        t.pos_ == "NOUN"
        and (
            (t.dep_ in ("pobj", "conj") and pobj_head(_listed_under(t)).lower_ in BACKGROUND_PREPS)
            or (
                t.dep_ == "pobj"
                and t.head.lower_ == "of"
                and t.head.head.lemma_.lower()
                in _BACKGROUND_ATTACK_HEADS
            )
        )
    ):
        return False  # "defend against Russian attacks", "the aftermath of attacks"
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "as":
        return False  # "presented the incidents as attacks on its forces": a label put on events
    if t.head.lemma_.lower() in _ATTACK_RESISTING_VERBS:
        return False  # "repelled 38 attacks", "would continue targeting ships": fighting
    if _halted(t):
        return False  # "agreed to ban strikes on energy facilities": attacks forsworn
    if _claimed_only(t):
        return False  # "the allegations that Ukraine shelled the town": a claim disputed
    if _casualty_told(t) and not m.values("target"):
        return False  # "was killed in a Russian attack": a death told, no target struck
    if not strike_is_event(doc, f, m):
        return False
    return None


def shelled_without_target(case: Case) -> bool | None:
    """Shelling with no military target: fighting, not a strike."""
    m, trig = case.m, case.trig
    if trig.lemma == "shell" and not any(
        v.label is None and military_target(v.text) for v in m.values("target")
    ):
        return False  # shelling villages is fighting; shelling a depot is a strike
    return None


def judge_target(case: Case) -> bool:
    """A target hit, sunk or destroyed by a named side."""
    m, trig, t = case.m, case.trig, case.f.trigger
    if trig.lemma == "sink":
        # "naval drones sank a landing ship": a warship sunk by a named side
        # (the object's phrase: "the Russian corvette Kerel" gives the name only)
        sunk = [v.text for v in m.values("target")] + [_sunk_phrase(o) for o in case.f.obj]
        return bool(m.values("attacker")) and any(
            military_target(text) or text.lower().split()[-1] in ("ship", "vessel", "boat")
            for text in sunk
        )
    if trig.lemma == "destroy":
        # "Russia destroyed an oil refinery and fuel depots": a strike on a military target
        # by a named side; "destroyed 30 drones" is air defence, "homes were destroyed" no one's
        return any(_named_side(case, v) for v in m.values("attacker")) and any(
            military_target(v.text) for v in m.values("target")
        )
    if trig.lemma in ("hit", "target", "pound") and t.pos_ == "VERB":
        places = [
            v
            for v in m.values("target")
            if v.label in ("GPE", "LOC", "FAC", "COUNTRY", "METONYM", None)
        ]
        return bool(places) and bool(m.values("attacker"))
    return bool(m.values("attacker") or m.values("target") or m.values("location"))


def _sunk_phrase(obj: Token) -> str:
    """The words naming what was sunk: the object, the words before it and an appositive name
    ("the Russian landing ship Tsezar"), not a clause or a phrase after it ("a tugboat carrying
    submarine parts")."""
    words = [w for c in obj.lefts for w in c.subtree] + [obj]
    words += [w for c in obj.rights if c.dep_ == "appos" for w in c.subtree]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.i))


def _named_side(case: Case, v: RoleValue) -> bool:
    """A side the recogniser names, or an armed force it names a part of ("US Central Command
    forces"): a name among the words before the force noun, not a capital that only starts
    the sentence ("Unknown forces", "Rebel forces", "Government forces destroyed")."""
    if v.label not in (None, "NOUN"):
        return True
    span = case.doc.char_span(v.start, v.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[-1].lower_ not in ARMED_FORCE_WORDS:
        return False
    return any(w.ent_type_ or (w.pos_ == "PROPN" and not w.is_sent_start) for w in span[:-1])


def judge_campaign(case: Case) -> bool:
    """An air campaign by one side against another's targets."""
    m, t = case.m, case.f.trigger
    # "an air campaign against Iran's military sites"
    return bool(mod_words(t) & _AIR_CAMPAIGN_MODS) and bool(
        m.values("attacker") and m.values("target")
    )


def judge_launch(case: Case) -> bool:
    """Missiles or drones launched by a named attacker."""
    f, m = case.f, case.m
    objs = {w.lemma_.lower() for x in f.obj for w in [x] + list(x.lefts)}
    return bool(objs & _LAUNCH_OBJECTS) and bool(m.values("attacker"))


def judge_blast(case: Case) -> bool:
    """A blast with a target, told as military."""
    doc, m = case.doc, case.m
    return bool(m.values("target")) and (
        bool(m.values("attacker"))
        or bool(
            {w.lemma_.lower() for w in doc}
            & BLAST_MILITARY_WORDS
        )
    )


def _claimed_only(t: Token) -> bool:
    """The attack is told in the "that" clause of a claim or an allegation ("the claims that
    the shelling is carried out by Ukraine")."""
    verb = t if t.pos_ in ("VERB", "AUX") else None
    cur = t
    for _ in range(4):
        if verb is not None or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            verb = cur
    return (
        verb is not None
        and verb.dep_ in ("acl", "ccomp")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and verb.head.pos_ == "NOUN"
        and verb.head.lemma_.lower() in _DISPUTED_CLAIM_NOUNS
    )


def _casualty_told(t: Token) -> bool:
    """An attack noun that only says how someone died or was hurt ("killed in a drone
    strike", "wounded in an attack")."""
    return (
        t.pos_ == "NOUN"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("in", "during", "by")
        and t.head.head.lemma_.lower() in _CASUALTY_VERBS
    )


def _halted(t: Token) -> bool:
    """An attack noun that is what is banned, halted or renounced: the object of the verb
    ("ban strikes", "halted its attacks") or of the noun's phrase ("a moratorium on strikes",
    "a halt to attacks", "refrain from attacks")."""
    if t.pos_ != "NOUN":
        return False
    if t.dep_ == "dobj":
        return t.head.lemma_.lower() in _ATTACK_HALTING_WORDS
    if t.dep_ == "pobj" and t.head.lower_ in ("on", "to", "from", "of", "in"):
        return t.head.head.lemma_.lower() in _ATTACK_HALTING_WORDS
    return False


def _weapon_modifier(t: Token) -> bool:
    """An attack word that only describes a weapon ("strike drones", "attack helicopters"):
    the noun it modifies is what is named."""
    if t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN"):
        return True
    if t.lemma_.lower() in ("launch", "fire") and t.i > 0:
        # "surface launched missiles" with no hyphen: the platform is read as a subject
        before = t.doc[t.i - 1]
        if (before.dep_ == "nsubj" and before.head.i == t.i and not list(before.children)
                and before.lemma_.lower() in _LAUNCH_PLATFORMS):
            return True
    # "reconnaissance and strike drones" read as a bare verb joined to a noun
    return (
        t.dep_ == "conj"
        and t.head.pos_ == "NOUN"
        and t.tag_ in ("VB", "VBP", "NN")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in t.children)
    )
