"""Learned role assigner for the rules' event mentions.

The rules (`materiel.nlp.roles`, `frames`, `attach`) read an event's parties from its
trigger's frame, and read them wrong where the frame misleads ("India sold BrahMos to the
Philippines" read as India buying).  Here the rules stay the candidate generator: for each
event mention, every candidate mention of its sentence (entities, KB names, party nouns,
places, weapon noun phrases: `materiel.extract.detector.mentions`, plus the spans the rules
filled) is one (trigger, mention) pair, and a multinomial logistic regression over the pair's
features (the rules' own role for it, the dependency path from the trigger, the governing
preposition, voice, side and distance, entity label and KB kind, trigger lemma and type)
says which role it fills, or none.

Only the party roles and the location are reassigned; items, quantities, values, pronouns and
"we" stay as the rules read them.  The rules' reading stands unless the model is sure enough
for the kind of change (`Caution`): a value the rules missed is added when its role's
probability reaches that role's bar, a rule's value is moved to another role only when that
role is likely and the rule's own is not, and dropped only when "none" is near certain.
Trained by `materiel.learn.roles`, which sets the bars on held-out outlets; read at run time
from `data/models/roles.json` in plain Python; a model whose "active" is false (see
`SHIP_ACTIVE` there) is not loaded, and the rules' roles stand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from materiel.extract.detector import NONE, Mention, RoleAssigner, mention_features, mentions
from materiel.models import ROLES
from materiel.nlp.types import EventMention, RoleValue
from materiel.wordlists import word_set

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "roles.json"
KEPT_ROLES = frozenset({"item", "quantity", "value"})  # left to the rules
FIRST_PERSON = "FIRST_PERSON"
RECEIVING_VERBS = word_set("nlp/roles", "receiving_verbs")
RECEIVING_SIDE = {"aid": "recipient", "procurement": "buyer"}


def handled_roles(type_: str) -> tuple[str, ...]:
    """The roles of a type the assigner decides: its parties and its location."""
    return tuple(r for r in ROLES.get(type_, ()) if r not in KEPT_ROLES)


def _passive(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Pair:
    """One candidate mention of an event mention's sentence, with the rules' role for it."""

    mention: Mention
    rule_role: str | None
    rule_value: RoleValue | None  # the rules' own value for this span, when they filled it


def candidate_pairs(doc: Doc, m: EventMention) -> list[Pair]:
    """The sentence's non-numeric mentions, each with the role the rules gave a span that
    overlaps it; the spans the rules filled that no mention covers are added as mentions."""
    handled = set(handled_roles(m.type))
    ruled: list[RoleValue] = [rv for role, vals in m.args.items() if role in handled
                              for rv in vals if not rv.pronoun and rv.label != FIRST_PERSON]
    out: list[Pair] = []
    taken: set[int] = set()
    for men in mentions(doc):
        if men.number or men.pronoun or men.label == FIRST_PERSON:
            continue
        hit = next((k for k, rv in enumerate(ruled)
                    if _overlaps((rv.start, rv.end), (men.start, men.end))), None)
        if hit is not None and hit in taken:
            continue  # one pair per rule value: the first mention inside it
        if hit is not None:
            taken.add(hit)
            rv = ruled[hit]
            men = replace(men, start=rv.start, end=rv.end, text=rv.text)
            out.append(Pair(men, rv.role, rv))
        else:
            out.append(Pair(men, None, None))
    for k, rv in enumerate(ruled):
        if k in taken:
            continue
        span = doc.char_span(rv.start, rv.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(Pair(Mention(rv.start, rv.end, rv.text, span.root.i, rv.label,
                                kb_id=rv.kb_id), rv.role, rv))
    return out


def receiving_subject(doc: Doc, m: EventMention, pair: Pair) -> bool:
    """Whether the pair is the rules' receiving side read from the subject of an active
    receiving verb ("Kyiv would receive the systems"): syntax the model may not overrule."""
    side = RECEIVING_SIDE.get(m.type)
    if side is None or pair.rule_role != side or m.trigger not in RECEIVING_VERBS:
        return False
    if not 0 <= m.trigger_i < len(doc) or _passive(doc, m.trigger_i):
        return False
    tok = doc[pair.mention.head]
    return tok.dep_ == "nsubj" and tok.head.i == m.trigger_i


def pair_features(doc: Doc, m: EventMention, pair: Pair) -> dict[str, float]:
    """What the assigner sees of one (event mention, candidate mention) pair."""
    t = m.type
    anchor = min(max(m.trigger_i, 0), len(doc) - 1)
    f = mention_features(doc, pair.mention, t, anchor)
    rule = pair.rule_role or NONE
    lab = pair.mention.label
    passive = _passive(doc, anchor)
    tok = doc[pair.mention.head]
    side = "before" if pair.mention.head < anchor else "after"
    extra = {
        f"rule={rule}": 1.0,
        f"rule+lab={rule}:{lab}": 1.0,
        f"rule+side={rule}:{side}": 1.0,
        f"trigger={m.trigger}": 1.0,
        f"voice={'passive' if passive else 'active'}": 1.0,
        f"voice+dep={passive}:{tok.dep_}": 1.0,
        f"voice+side={passive}:{side}": 1.0,
        f"trigger+side={m.trigger}:{side}": 1.0,
        f"trigger+dep={m.trigger}:{tok.dep_}": 1.0,
        f"rejected={m.rejected is not None}": 1.0,
    }
    for key in ("lab+prep", "prep"):
        for k in [k for k in f if k.startswith(key + "=")]:
            extra[f"trigger+{k}"] = 1.0
            extra[f"rule+{k}"] = 1.0
    for k, v in extra.items():
        f[k] = v
        f[f"{t}|{k}"] = v
    return f


OFF = 1.01  # a probability threshold nothing reaches


@dataclass(frozen=True)
class Caution:
    """How sure the model must be before it changes the rules' reading of one pair.  Each
    kind of change has its own bar, since each goes wrong at its own rate: a value added where
    the rules saw none, a rule's value dropped, and a rule's value moved to another role
    (buyer to seller), which needs both a sure model and a doubtful rule."""

    add: float = OFF  # give a role to a mention the rules left out when it reaches this ...
    add_role: dict[str, float] = field(default_factory=dict)  # ... or this bar of its role
    drop: float = OFF  # take a rule's value away when "none" reaches this
    switch: float = OFF  # move a rule's value to another role when that role reaches this ...
    support: float = 0.0  # ... and the rule's own role has at most this

    def decide(self, probs: dict[str, float], rule_role: str | None) -> str | None:
        if rule_role is not None and rule_role not in probs:
            return rule_role  # a role the model does not know
        if rule_role is None:
            roles = [c for c in probs if c != NONE]
            best = max(roles, key=lambda c: (probs[c], c)) if roles else None
            if best is not None and probs[best] >= self.add_role.get(best, self.add):
                return best
            return None
        others = [c for c in probs if c not in (NONE, rule_role)]
        other = max(others, key=lambda c: (probs[c], c)) if others else None
        if (other is not None and probs[other] >= self.switch
                and probs[rule_role] <= self.support):
            return other
        if probs.get(NONE, 0.0) >= self.drop:
            return None
        return rule_role

    def to_json(self) -> dict[str, Any]:
        return {"add": self.add, "add_role": dict(sorted(self.add_role.items())),
                "drop": self.drop, "switch": self.switch, "support": self.support}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Caution:
        return cls(float(data.get("add", OFF)),
                   {k: float(v) for k, v in (data.get("add_role") or {}).items()},
                   float(data.get("drop", OFF)), float(data.get("switch", OFF)),
                   float(data.get("support", 0.0)))


@dataclass(frozen=True)
class MentionRoles:
    """The role model and how sure it must be to change the rules' reading."""

    model: RoleAssigner
    caution: Caution = field(default_factory=Caution)
    active: bool = True

    def decide(self, probs: dict[str, float], rule_role: str | None) -> str | None:
        """The role of one pair (None: no role)."""
        return self.caution.decide(probs, rule_role) if probs else rule_role

    def assign(self, doc: Doc, m: EventMention) -> EventMention:
        """The mention with its party and location roles read again."""
        handled = handled_roles(m.type)
        if not handled or len(doc) == 0:
            return m
        pairs = candidate_pairs(doc, m)
        chosen: list[RoleValue] = []
        for pair in pairs:
            probs = self.model.probabilities(pair_features(doc, m, pair), m.type)
            probs = {c: p for c, p in probs.items() if c in handled or c == NONE}
            total = sum(probs.values()) or 1.0
            role = self.decide({c: p / total for c, p in probs.items()}, pair.rule_role)
            if receiving_subject(doc, m, pair):
                role = pair.rule_role
            if role is None:
                continue
            men = pair.mention
            base = pair.rule_value or RoleValue(role=role, text=men.text, start=men.start,
                                                end=men.end, label=men.label, kb_id=men.kb_id)
            chosen.append(replace(base, role=role))
        args: dict[str, list[RoleValue]] = {
            role: [rv for rv in vals if role not in handled or rv.pronoun
                   or rv.label == FIRST_PERSON]
            for role, vals in m.args.items()}
        out = replace(m, args={r: v for r, v in args.items() if v})
        for rv in chosen:
            out.add(rv)
        if not any(out.args.values()):
            return m  # the rules' reading rather than an event with no argument
        return out

    def to_json(self) -> dict[str, Any]:
        return {"active": self.active, "caution": self.caution.to_json(), **self.model.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MentionRoles:
        return cls(RoleAssigner.from_json(data), Caution.from_json(data.get("caution") or {}),
                   bool(data.get("active", True)))


@lru_cache(maxsize=4)
def load_roles(path: str | None = None, inactive: bool = False) -> MentionRoles | None:
    """The shipped model (or the one at `path`); None when there is none, or when training
    found it does not help held-out outlets (unless `inactive`)."""
    file = Path(path) if path else MODEL_FILE
    if not file.is_file():
        return None
    model = MentionRoles.from_json(json.loads(file.read_text(encoding="utf-8")))
    return model if model.active or inactive else None
