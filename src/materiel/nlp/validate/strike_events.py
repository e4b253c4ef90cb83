"""Whether an attack word tells a strike event, not fighting, a test or a threat."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.spans import party_label
from materiel.nlp.types import EventMention
from materiel.nlp.validate.strike_kinds import (
    PAYLOADS,
    anonymous_non_military,
    civilian_only,
    invasion_told,
    irregular_attack,
    military_target,
    pobj_head,
    police_raid,
    political_attack,
    verbal_attack,
    weapon_test,
)
from materiel.nlp.validate.tokens import habitual, is_person, long_past
from materiel.wordlists import word_set

_ext.register()


_STRIKE_NOUN_GOVERNORS = word_set("nlp/validate", "strike_noun_governors")
_STRIKE_STATE_VERBS = word_set("nlp/validate", "strike_state_verbs")
_STRIKE_EFFECT_VERBS = word_set("nlp/validate", "strike_effect_verbs")
_STRIKE_NOUN_MODS = word_set("nlp/validate", "strike_noun_mods")
_CAPABILITY_WORDS = word_set("nlp/validate", "capability_words")
_SPECIFIC_ATTACK_MODS = word_set("nlp/validate", "specific_attack_mods")

_SERIES_WORDS = word_set("nlp/validate", "series_words")
_WEAPON_ATTACK_MODS = word_set("nlp/validate", "weapon_attack_mods")
_CAMPAIGN_NOUNS = word_set("nlp/validate", "campaign_nouns")
_ATTACK_COMMENT_VERBS = word_set("nlp/validate", "attack_comment_verbs")
_TIME_CLAUSE_MARKS = word_set("nlp/validate", "time_clause_marks")
_STRIKE_PHRASAL_IDIOMS = word_set("nlp/validate", "strike_phrasal_idioms")
_OPEN_WATER_WORDS = word_set("nlp/validate", "open_water_words")
_OPEN_WATER_AIM_PREPS = word_set("nlp/validate", "open_water_aim_preps")
_OPEN_WATER_HIT_PARTICIPLES = word_set("nlp/validate", "open_water_hit_participles")
_OPEN_WATER_TARGET_NOUNS = word_set("nlp/validate", "open_water_target_nouns")


def _capability_governed(t: Token) -> bool:
    """The verb that carries an attack noun out is an ability ("its capacity to execute
    strikes", "able to conduct raids"), not a deed told."""
    cur = t
    for _ in range(6):
        if cur.lower_ in _CAPABILITY_WORDS or cur.lemma_.lower() in _CAPABILITY_WORDS:
            return True
        if cur.head.i == cur.i or cur.tag_ in ("VBD", "VBZ", "VBP"):
            return False
        cur = cur.head
    return False


def _anchored(doc: Doc, t: Token) -> bool:
    """An attack noun with its own date or count ("Sunday's attack", "a barrage of 200
    missiles on October 1")."""
    ids = {w.i for w in t.subtree} | {w.i for w in t.head.subtree if w.dep_ == "prep"}
    lo, hi = min(ids), max(ids)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    for d in doc._.dates or []:
        if start <= d.start < end:
            return True
    for n in doc._.numbers or []:
        if n.kind == "quantity" and start <= n.start < end and 0 <= n.token_start < len(doc):
            # a count of the attack's own weapons, not of its victims ("that left 18 dead")
            cur = doc[n.token_start]
            for _ in range(6):
                if cur.i == t.i or cur.dep_ in ("relcl", "acl", "advcl") or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.i == t.i:
                return True
    return False


_PLAN_GOVERNORS = word_set("nlp/validate", "plan_governors")


def trig_status_planned(t: Token) -> bool:
    """An attack verb under a verb or noun of planning ("plans to attack", "is poised to
    strike", "the decision to invade and target the capital")."""
    cur = t
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acl", "conj", "advcl") or cur.head.i == cur.i:
            return False
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ != "conj" and not to:
            return False
        head = cur.head
        if head.lemma_.lower() in _PLAN_GOVERNORS or head.lower_ in _PLAN_GOVERNORS:
            return True
        cur = head
    return False


def _overflight(f: Frame, m: EventMention) -> bool:
    """Missiles fired "over" a country, with nothing fired at, on or into: a launch across
    its sky (a test or a show of force), no target struck."""
    t = f.trigger
    return (
        t.pos_ == "VERB"
        and not m.values("target")
        and any(w.ent_type_ in ("GPE", "LOC", "COUNTRY") for w in f.pp("over"))
        and not f.pp("at", "on", "into", "against")
    )


def _fired_into_sea(f: Frame, m: EventMention) -> bool:
    """Missiles fired "into the sea" / "into waters off its coast" with nothing fired at: a
    launch that came down in open water (a test or a show of force), no target struck. Not
    when fired toward something ("into the sea off Crimea toward drone boats"), when a
    participle tells what was hit ("into the Gulf's waters, setting a platform ablaze"), nor
    into waters off a site ("into the waters off Kerel's oil platforms")."""
    t = f.trigger
    waters = [w for w in f.pp("into") if w.lemma_.lower() in _OPEN_WATER_WORDS]
    if t.pos_ != "VERB" or m.values("target") or not waters:
        return False
    if any(w.ent_type_ not in ("DATE", "TIME") for w in f.pp("at", "on", "against")):
        return False
    heads = [t, *waters]
    if any(w.lower_ in _OPEN_WATER_AIM_PREPS and w.dep_ == "prep"
           for h in heads for w in h.subtree):
        return False
    if any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
           and c.lemma_.lower() in _OPEN_WATER_HIT_PARTICIPLES for c in t.children):
        return False
    sites = [o for h in heads for c in h.children
             if c.dep_ == "prep" and c.lower_ in ("off", "near") for o in pobjs(c)]
    return not any(o.lemma_.lower() in _OPEN_WATER_TARGET_NOUNS for o in sites)


def _bare_time_clause(t: Token, m: EventMention) -> bool:
    """An attack verb with no object and no target in a clause of time ("before Russia
    attacked", "until the rebels struck"): it dates another deed, no strike told."""
    return (
        t.pos_ == "VERB"
        and t.dep_ == "advcl"
        and not m.values("target")
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in t.children)
        and any(c.dep_ == "mark" and c.lower_ in _TIME_CLAUSE_MARKS for c in t.children)
    )


def _words_about_attack(t: Token) -> bool:
    """An attack only spoken of: an idiom of an attack verb with its particle ("the leaders
    hit it off", "hitting out at the opposition"), or an attack noun judged, blamed or denied
    by the verb that takes it ("the ministry condemned rocket attacks by the rebels"), whose
    subject is no attacker."""
    if t.pos_ == "VERB":
        return any(
            c.dep_ == "prt" and f"{t.lemma_.lower()} {c.lower_}" in _STRIKE_PHRASAL_IDIOMS
            for c in t.children
        )
    if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head  # "condemned the shelling and attacks"
    if t.dep_ != "dobj" or t.head.lemma_.lower() not in _ATTACK_COMMENT_VERBS:
        return False
    # "condemned Russia's missile attack on Kyiv": the attack is told with its own attacker
    return not any(c.dep_ == "poss" and party_label(c) for c in t.children)


def strike_is_event(doc: Doc, f: Frame, m: EventMention) -> bool:
    """A strike is an attack shown happening: an attack verb with a finite clause, or an attack
    noun that is the subject of what it did, the object of a verb of carrying it out, or
    anchored by its own date or count. Not: abilities and purposes of weapons ("missiles to
    strike bases", "an arsenal for attacking"), defence against attacks, comments on attacks
    ("condemned the attack"), ground fighting, attacks on civilians only."""
    t = f.trigger
    if civilian_only(f, m) or anonymous_non_military(m):
        return False
    if verbal_attack(f):
        return False  # "a blistering attack on the budget", "a cyber attack on the ministry"
    if _words_about_attack(t):
        return False
    if _bare_time_clause(t, m):
        return False  # "before Russia attacked, we sent Javelins": when, not what
    if _overflight(f, m):
        return False  # "fired two missiles over Japan": a flight over a country, no target
    if _fired_into_sea(f, m):
        return False  # "fired a ballistic missile into the sea": a launch, no target
    if m.status == "planned":
        return False  # "we believe they will target the capital": a forecast, not a strike
    if 0 < t.i < len(doc) - 1 and doc[t.i - 1].is_quote and doc[t.i + 1].is_quote:
        return False  # the “attack” on the headquarters: a word put in quotes, not a strike
    if irregular_attack(doc, m) or weapon_test(doc, m) or police_raid(f, m):
        return False
    if invasion_told(doc, m):
        return False
    if trig_status_planned(t) or (
        t.pos_ == "NOUN" and t.dep_ == "dobj" and trig_status_planned(t.head)
    ):
        return False  # "plans to attack", "poised to strike", "prepares to intensify its attack"
    if long_past(doc, t):
        return False  # "the atomic attack on the city in August 1945": history, not news
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _STRIKE_NOUN_MODS for c in t.children):
        return False
    if t.pos_ in ("NOUN", "PROPN"):
        return _attack_noun_is_event(doc, m, t)
    return _attack_verb_is_event(doc, f, t)


def _attack_noun_is_event(doc: Doc, m: EventMention, t: Token) -> bool:
    """An attack noun shown happening: a specific or dated attack, one on a military target,
    the subject of what it did, or the object of a verb of carrying it out."""
    if not m.values("target") and any(
        c.dep_ == "poss" and is_person(c) for c in t.children
    ):
        return False  # "the minister's hostile attack": a person's words, no target hit
    if any(c.dep_ == "amod" and c.lower_ in _SPECIFIC_ATTACK_MODS for c in t.children):
        return True  # "a fresh overnight barrage", "the largest attack"
    if any(military_target(v.text) for v in m.values("target")) and (
        t.tag_ == "NN"
        or (m.values("attacker") and pobj_head(t).lower_ not in ("about", "against", "from"))
    ):
        return True  # "an attack on an air base", "American strikes on its nuclear sites"
    if any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(w.lemma_.lower() in PAYLOADS for w in pobjs(c))
        for c in t.children
    ):
        return True  # "a barrage of missiles and drones"
    if _weapon_borne(m, t):
        return True  # "Russia's missile strikes across Ukraine", "drone attacks on the port"
    while (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.lemma_.lower() in _SERIES_WORDS
    ):
        t = t.head.head  # "one of its most severe attacks", "a series of explosions"
    if (doc._.context or {}).get("heading") and t.dep_ == "ROOT":
        return True
    if (
        t.dep_ == "nsubj"
        and t.head.lemma_.lower() in ("kill", "wound", "injure", "claim")
        and not m.values("target")
    ):
        return False  # "attacks killed six in the region": front-line casualties
    if t.dep_ in ("nsubj", "nsubjpass"):
        verb = t.head
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
        if verb.lemma_.lower() not in _STRIKE_STATE_VERBS and not modal:
            return True
    if t.dep_ == "dobj" and t.head.lemma_.lower() in _STRIKE_NOUN_GOVERNORS:
        return not _capability_governed(t.head)
    if (
        t.dep_ == "pobj"
        and t.head.lower_ in ("in", "by")
        and t.head.head.lemma_.lower() in _STRIKE_EFFECT_VERBS
    ):
        return True
    return _anchored(doc, t)


def _weapon_borne(m: EventMention, t: Token) -> bool:
    """An attack noun named by its weapons ("missile strikes", "drone attacks") with its own
    side ("Russia's", "by Iran") or a target: a strike told. Not a topic ("concerns about
    missile attacks"), nor, with no side of its own, what another noun is of ("the threat of
    drone attacks on ports")."""
    if not any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _WEAPON_ATTACK_MODS
        for c in t.children
    ):
        return False
    if t.dep_ in ("nsubj", "nsubjpass"):
        return False  # a subject is judged by its verb ("missile attacks made the port unsafe")
    if pobj_head(t).lower_ in ("about", "against", "from"):
        return False  # "wary about missile attacks into Russia": a topic, not a deed
    near = [*t.children, *(w for c in t.children if c.dep_ == "compound" for w in c.children)]
    side = any(c.dep_ == "poss" and party_label(c) for c in near) or any(
        c.dep_ == "prep" and c.lower_ == "by" and any(party_label(w) for w in pobjs(c))
        for c in t.children
    )
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN" and (
        t.head.head.lemma_.lower() not in _SERIES_WORDS
    ):
        return side  # "condemnation of Russia's missile strikes", not "the threat of drone attacks"
    return side or bool(m.values("target"))


def _attack_verb_is_event(doc: Doc, f: Frame, t: Token) -> bool:
    """An attack verb shown happening: not the war described, an assault on a person, a
    purpose, a practice or an ability."""
    if political_attack(f):
        return False  # "the opposition leader attacked the prime minister over the budget"
    verb = t.head if t.dep_ == "conj" and t.head.tag_ == "VBG" else t  # "are shelling and hitting"
    if (
        t.tag_ == "VBG"
        and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "been")
            for c in verb.children
        )
        and not _dated_clause(doc, verb)
        and not (doc._.context or {}).get("heading")
    ):
        return False  # "Putin is attacking Ukraine", "has been targeting ports": the war described
    if (
        t.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in t.children)
        and not _dated_clause(doc, t)
    ):
        return False  # "they are being attacked from Russian territory": the war described
    if any(c.dep_ == "auxpass" for c in t.children) and any(
        c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or is_person(c)) for c in t.children
    ):
        return False  # "X was attacked in the city centre": an assault on a person
    if _purpose_infinitive(t):
        return False  # "a missile to target ships", "radars that Russia uses to target guns"
    if habitual(doc, t):
        return False  # "invaders shell and bomb cities", "the drones it launches": a practice
    if t.tag_ in ("VBG", "VB", "VBN") and t.dep_ in (
        "pcomp",
        "acl",
        "xcomp",
        "amod",
        "advcl",
        "conj",
    ):
        head = t.head
        cur = t
        for _ in range(8):  # "in charge of ... carrying out strikes", "able to strike"
            if cur.lower_ in _CAPABILITY_WORDS or cur.lemma_.lower() in _CAPABILITY_WORDS:
                return False
            if cur.head.i == cur.i or (cur.i != t.i and cur.tag_ in ("VBD", "VBZ", "VBP")):
                break
            cur = cur.head
        if t.dep_ == "pcomp":
            return False  # "an arsenal for attacking X", "a chance of hitting"
        if (
            t.dep_ == "acl"
            and head.pos_ in ("NOUN", "PROPN")
            and head.lemma_.lower() not in _CAMPAIGN_NOUNS
        ):
            return False  # "missiles to strike bases"
        if t.dep_ == "xcomp" and head.pos_ == "ADJ":
            return False  # "able to strike"
        if (
            t.tag_ == "VBG"
            and not any(c.dep_ == "aux" for c in t.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
        ):
            return False  # "will launch a counteroffensive, attacking X": a plan of fighting
    return True


_ASPECT_VERBS = word_set("nlp/validate", "aspect_verbs")
_MEANS_VERBS = word_set("nlp/validate", "means_verbs")


def _purpose_infinitive(t: Token) -> bool:
    """An attack verb as the purpose of a thing or deed ("solutions to target ships", "sent
    missiles to strike air bases", "uses them to target artillery"), not an attack told; an
    aspect verb ("continued to strike Kharkiv") or a past use of weapons ("used drones to
    strike the port") keeps it."""
    if t.tag_ == "VB" and t.dep_ == "conj" and t.head.tag_ == "VB":
        t = t.head  # "to expand its reach and (to) hit targets": the first infinitive's place
    if t.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    head = t.head
    if head.lemma_.lower() in _MEANS_VERBS and head.tag_ in ("VBD", "VBN"):
        return False  # "the barrage used drones to strike cities": the strike told
    if t.dep_ in ("relcl", "acl", "advcl"):
        return True
    return t.dep_ == "xcomp" and head.lemma_.lower() not in _ASPECT_VERBS


def _dated_clause(doc: Doc, t: Token) -> bool:
    """A date stated inside the attack verb's own clause ("is striking the port this morning");
    a date of the reporting clause around it ("..., the minister told reporters last week") does
    not date the attack."""
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
    return any(d.from_text and lo <= d.start < hi for d in doc._.dates or [])
