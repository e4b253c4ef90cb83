"""Which missing roles keep a mention from standing: "The government approved the purchase
last month" names no goods, "Orders for 54 more howitzers followed" no buyer; the sentences
before do. `role_gaps` tries the validation again with a stand-in value for the open roles
(one, then two) and returns the roles that make it pass; `materiel.extract.context_roles` then
looks for their values in the document's context. A mention dropped for what it says (a
command, an origin, a non-military product) is not made to stand by any stand-in.

Purchases, and the goods of a production (taken only from an event of the sentence before,
see `materiel.extract.context_roles`): for aid, spending and a production's maker the borrowed
roles cost more precision than they gave on our set."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.types import EventMention, RoleValue, Trigger
from materiel.nlp.validate import validate
from materiel.wordlists import word_set

# The roles that may be read from the context, with the entity label of a stand-in value: a
# state takes part as a country, a maker or seller as a company, goods as a weapon.
GAP_ROLES: dict[str, dict[str, str]] = {
    "procurement": {"buyer": "COUNTRY", "seller": "COMPANY", "item": "WEAPON"},
    "production": {"item": "WEAPON"},
}
# A verb's own slots: its object (or a clause of its own) holds its goods, its subject its
# agent. When the verb fills the slot with something that is no value of the role ("buy
# time", "made it clear", "make them more efficient"), the sentence has said what it is
# about: nothing is borrowed.
_GOODS_DEPS = ("dobj", "nsubjpass", "ccomp", "xcomp", "oprd")
_AGENT_DEPS = ("nsubj", "agent")
_NAMED_RECEIVER = word_set("nlp/gaps", "named_receiver")
STAND_IN = "(context)"  # the text of a stand-in value (never reaches an event)
CONTEXT = "context"  # EventMention.rejected of a mention that waits for context values
ROLES = "roles"  # EventMention.rejected of a mention that lacks roles (and found none)
GAP_CUE = "gap:"  # EventMention.cues entry naming one such role


def role_gaps(doc: Doc, frame: Frame, m: EventMention, trig: Trigger, need: str,
              item_toks: list[Token]) -> tuple[str, ...]:
    """The fewest open roles (at most two) whose values would let `m` stand."""
    kinds = GAP_ROLES.get(m.type, {})
    t = doc[m.trigger_i]
    if trig.lemma in _NAMED_RECEIVER:
        return ()
    if m.type == "production" and t.dep_ == "compound":
        return ()  # "expand manufacturing throughput": a capacity named, its goods not told
    open_roles = [r for r in kinds if not m.values(r) and not _slot_taken(t, r)]
    for size in (1, 2):
        for roles in combinations(open_roles, size):
            trial = replace(m, args={r: list(v) for r, v in m.args.items()}, cues=list(m.cues))
            add_stand_ins(doc, trial, roles)
            if validate(doc, frame, trial, trig, need, item_toks):
                return roles
    return ()


def _slot_taken(t: Token, role: str) -> bool:
    if t.pos_ != "VERB":
        return False
    deps = _GOODS_DEPS if role == "item" else _AGENT_DEPS
    return any(c.dep_ in deps for c in t.children)


def add_stand_ins(doc: Doc, m: EventMention, roles: tuple[str, ...]) -> None:
    """Stand-in values (on the trigger's offsets) for `roles`, labelled as their kind."""
    t = doc[m.trigger_i]
    kinds = GAP_ROLES.get(m.type, {})
    for r in roles:
        m.args.setdefault(r, []).append(
            RoleValue(r, STAND_IN, t.idx, t.idx + len(t), kinds.get(r)))


def drop_stand_ins(m: EventMention, roles: tuple[str, ...]) -> None:
    """Takes the stand-ins out again and marks `m` as waiting for its context."""
    for r in roles:
        m.args[r] = [v for v in m.args.get(r, []) if v.text != STAND_IN]
        if not m.args[r]:
            del m.args[r]
    m.rejected = CONTEXT
    m.cues.extend(GAP_CUE + r for r in roles)
