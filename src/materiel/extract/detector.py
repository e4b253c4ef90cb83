"""Learned candidate generator: a sentence event detector and a role assigner.

The rules find an event through a trigger word and its frame; where they have no trigger or
no frame ("the IAF has started work on setting Air Staff Quality Requirements for the upgrade",
"I met with the heads of American defense companies") they propose nothing.  This layer
proposes candidates of its own, for the learned event scorer to keep or drop:

- `SentenceDetector`: one-vs-rest logistic regressions over cheap features of a parsed
  sentence (words, word pairs, lemmas, entity labels and KB kinds, numbers and money, the
  rules' trigger words, modal words): the probability that the sentence reports an event of
  each type;
- `RoleAssigner`: a multinomial logistic regression over (type, mention) pairs, the mentions
  being the sentence's entities, KB names, party nouns, weapon noun phrases and numbers, with
  features such as the label, the KB kind, the dependency path to the type's anchor word (the
  sentence's word the detector weighs most for the type), the governing preposition and the
  side of the anchor: which of the type's roles the mention fills, or none.

`DetectorModel.propose(doc)` turns a sentence the detector flags into `EventMention`s with
`rejected="detector"` (see `Extractor._assemble`), for the types the rules read no event of
in that sentence, and only when the role assigner finds the type's main party.  Trained by
`materiel.learn.detector`; read at run time from `data/models/detector.json` in plain Python.

Only the sentences the relevance prefilter keeps are looked at: on our annotated set none of
the gold events that have no candidate has its evidence in a sentence the prefilter skips,
and parsing those too costs 15% more sentences and 17% more time for no extra event.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from materiel.extract.merge import MAIN_ROLE
from materiel.models import EVENT_TYPES, ROLES
from materiel.nlp.attach import attach_date
from materiel.nlp.frames import build_frame
from materiel.nlp.lexicon import PARTY_LABELS
from materiel.nlp.roles import items_from, party, place
from materiel.nlp.spans import entity_of, is_military_item
from materiel.nlp.status import analyze
from materiel.nlp.types import EventMention, NumberMention, RoleValue, Trigger

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "detector.json"
NONE = "none"
REJECTED = "detector"  # Candidate.rejected of what this layer proposes

# Words of doubt, plan, request and report: kept as features of their own.
_MODAL = frozenset({
    "may", "might", "could", "would", "should", "can", "will", "shall", "must", "likely",
    "possible", "if", "plan", "plans", "planned", "intends", "intend", "wants", "want",
    "expected", "expects", "considering", "consider", "urged", "urge", "calls", "called",
    "asked", "seeks", "seeking", "hopes", "reportedly", "not", "no", "never", "denied",
    "proposed", "proposal", "aims", "set", "talks", "said", "says", "announced", "signed",
})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})
_CONTENT_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX"})
_ANCHOR_POS = frozenset({"VERB", "NOUN"})
_PREPS = frozenset({"from", "to", "for", "with", "by", "of", "in", "at", "on", "against",
                    "between", "into", "under", "through", "via", "including"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})
_NUMBER_KINDS = frozenset({"quantity", "money"})


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return sum(x > e for e in edges)


def _kb_kind(ent: Any) -> str | None:
    eid = getattr(ent, "ent_id_", "") or ""
    return eid.split(":", 1)[0] if ":" in eid else None


# --- sentence features ------------------------------------------------------------------------


def document_context(docs: list[Doc]) -> list[dict[str, float]]:
    """For each parsed sentence of a document, what the others say: the types of the rules'
    trigger words elsewhere in the document and in the sentence before."""
    types = [{t.type for t in d._.triggers or []} for d in docs]
    out = []
    for k in range(len(docs)):
        f: dict[str, float] = {}
        for j, ts in enumerate(types):
            if j != k:
                for t in ts:
                    f[f"doc_t={t}"] = 1.0
        if k > 0:
            for t in types[k - 1]:
                f[f"prev_t={t}"] = 1.0
        out.append(f)
    return out


def sentence_features(doc: Doc, heading: bool = False,
                      context: dict[str, float] | None = None) -> dict[str, float]:
    """What the detector sees of one parsed sentence.  Names are strings, values in [0, 1]."""
    f: dict[str, float] = {"bias_sentence": 1.0, **(context or {})}
    words: list[str] = []
    for t in doc:
        if t.pos_ in _SKIP_POS or t.is_space:
            continue
        low = t.lower_
        if t.is_alpha or "-" in low:
            words.append(low)
            f[f"w={low}"] = 1.0
            if low in _MODAL:
                f[f"modal={low}"] = 1.0
        elif t.like_num:
            words.append("<num>")
        if t.pos_ in _CONTENT_POS:
            f[f"l={t.lemma_.lower()}"] = 1.0
    labels: dict[str, int] = {}
    for ent in doc.ents:
        labels[ent.label_] = labels.get(ent.label_, 0) + 1
        kind = _kb_kind(ent)
        if kind:
            f[f"kb={kind}"] = 1.0
    for label, n in labels.items():
        f[f"e={label}"] = 1.0
        if n > 1:
            f[f"e2={label}"] = 1.0
    for num in doc._.numbers or []:
        f[f"n={num.kind}"] = 1.0
        if num.currency:
            f["n=currency"] = 1.0
    for trig in doc._.triggers or []:
        f[f"t={trig.type}"] = 1.0
        f[f"tl={trig.type}:{trig.lemma}"] = 1.0
        if trig.negated:
            f[f"tneg={trig.type}"] = 1.0
        if trig.hypothetical:
            f[f"thyp={trig.type}"] = 1.0
        if trig.status:
            f[f"ts={trig.type}:{trig.status}"] = 1.0
    for t in doc:
        if t.dep_ == "ROOT":
            f[f"root={t.lemma_.lower()}"] = 1.0
            f[f"root_tag={t.tag_}"] = 1.0
            break
    _structure(doc, f)
    if doc._.dates:
        f["has_date"] = 1.0
    if heading:
        f["heading"] = 1.0
    text = doc.text
    if any(q in text for q in ('"', "“", "”")):
        f["quoted"] = 1.0
    if text.rstrip().endswith("?"):
        f["question"] = 1.0
    f[f"length={_bucket(len(words), (8, 15, 25, 40, 60))}"] = 1.0
    return f


def _structure(doc: Doc, f: dict[str, float]) -> None:
    """Who does what to what: the labels of subjects and prepositional objects, and whether
    an object names military goods, each with the lemma of the verb it hangs on."""
    for t in doc:
        dep = t.dep_
        if dep not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound"):
            continue
        ent = entity_of(t)
        label = ent.label_ if ent is not None and ent.root.i == t.i else None
        if label is None and t.pos_ in ("NOUN", "PROPN") and is_military_item(t):
            label = "ITEM"
        if label is None or label in ("DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT"):
            continue
        if dep == "pobj" and t.head.dep_ in ("prep", "agent", "dative"):
            f[f"pp={t.head.lower_}:{label}"] = 1.0
            head = t.head.head
        else:
            f[f"arg={dep}:{label}"] = 1.0
            head = t.head
        if head.pos_ in ("VERB", "NOUN"):
            f[f"verb_arg={head.lemma_.lower()}:{label}"] = 1.0


# --- mentions and their features --------------------------------------------------------------


@dataclass
class Mention:
    """A span of the sentence that may fill a role."""

    start: int  # character offsets in the Doc
    end: int
    text: str
    head: int  # token index of its head
    label: str | None  # entity label, "NOUN" for party nouns, "ITEM", "QUANTITY", "MONEY"
    kind: str | None = None  # KB kind of the entity ("country", "company", "equipment", ...)
    kb_id: str | None = None
    value: float | None = None
    currency: str | None = None
    pronoun: bool = False
    number: bool = False


# a parsed sentence's mentions, asked for once per event mention of it and by the detector
_FOUND: WeakKeyDictionary[Doc, tuple[Mention, ...]] = WeakKeyDictionary()


def mentions(doc: Doc) -> list[Mention]:
    """The sentence's candidate role fillers: parties (entities, party nouns, pronouns),
    places, weapon noun phrases and counts and amounts of money; one per span. Remembered
    per Doc: a parsed sentence is not changed afterwards."""
    found = _FOUND.get(doc)
    if found is None:
        found = _FOUND[doc] = tuple(_mentions(doc))
    return list(found)


def _mentions(doc: Doc) -> list[Mention]:
    out: dict[tuple[int, int], Mention] = {}

    def add(rv: RoleValue | None, head: Token, label: str | None = None) -> None:
        if rv is None or (rv.start, rv.end) in out:
            return
        ent = entity_of(head)
        out[(rv.start, rv.end)] = Mention(
            rv.start, rv.end, rv.text, head.i, label or rv.label,
            _kb_kind(ent) if ent is not None else None, rv.kb_id, pronoun=rv.pronoun)

    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.dep_ == "compound":
            continue
        if tok.pos_ == "PRON":
            if tok.lower_ in _FIRST_PERSON and tok.lower_ not in ("our", "my"):
                rv = party(doc, "party", tok)
                if rv is not None and rv.label == "FIRST_PERSON":
                    add(rv, tok)
            continue
        ent = entity_of(tok)
        if ent is not None and ent.root.i != tok.i:
            continue
        if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT",
                                              "QUANTITY", "ORDINAL"):
            continue
        add(party(doc, "party", tok), tok)
        if is_military_item(tok):
            for rv, head in items_from(doc, [tok]):
                if head.i == tok.i:
                    add(rv, tok, "ITEM" if rv.label is None else rv.label)
        if ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "COUNTRY", "METONYM"):
            add(place(doc, "location", tok), tok)
    numbers: list[NumberMention] = doc._.numbers or []
    for num in numbers:
        if num.kind not in _NUMBER_KINDS or num.token_start < 0:
            continue
        key = (num.start, num.end)
        if key in out:
            continue
        head = doc[max(num.token_end - 1, num.token_start)]
        out[key] = Mention(num.start, num.end, num.text, head.i,
                           "MONEY" if num.kind == "money" else "QUANTITY",
                           value=num.value, currency=num.currency, number=True)
    return sorted(out.values(), key=lambda m: m.start)


def _path(doc: Doc, a: int, b: int, limit: int = 4) -> str:
    """Dependency labels from token a up to the common ancestor with b and down to b."""
    up_a = [doc[a]]
    while up_a[-1].head.i != up_a[-1].i and len(up_a) < 12:
        up_a.append(up_a[-1].head)
    up_b = [doc[b]]
    while up_b[-1].head.i != up_b[-1].i and len(up_b) < 12:
        up_b.append(up_b[-1].head)
    ids_b = [t.i for t in up_b]
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            j = ids_b.index(t.i)
            if k + j > limit:
                return "far"
            ups = [x.dep_ for x in up_a[:k]]
            downs = [x.dep_ for x in reversed(up_b[:j])]
            return "^".join(ups) + "|" + "v".join(downs)
    return "none"


def _governor(tok: Token) -> tuple[str | None, Token | None]:
    """The preposition that governs a noun ("from X", "to X") and the word it hangs on."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in ("pobj", "pcomp") and cur.head.dep_ in ("prep", "agent", "dative"):
            return cur.head.lower_, cur.head.head
        break
    return None, None


def mention_features(doc: Doc, m: Mention, type_: str, anchor: int) -> dict[str, float]:
    """What the role assigner sees of one (type, mention) pair."""
    tok = doc[m.head]
    base: dict[str, float] = {f"lab={m.label}": 1.0}
    if m.kind:
        base[f"kind={m.kind}"] = 1.0
    if m.pronoun:
        base["pronoun"] = 1.0
    if m.currency:
        base["currency"] = 1.0
    base[f"dep={tok.dep_}"] = 1.0
    base[f"lab+dep={m.label}:{tok.dep_}"] = 1.0
    prep, host = _governor(tok)
    if prep is not None:
        base[f"prep={prep if prep in _PREPS else 'other'}"] = 1.0
        base[f"lab+prep={m.label}:{prep if prep in _PREPS else 'other'}"] = 1.0
        if host is not None:
            base[f"prep_host={prep}:{host.lemma_.lower()}"] = 1.0
    else:
        base[f"head={tok.head.lemma_.lower()}"] = 1.0
    if tok.dep_ == "poss" or any(c.tag_ == "POS" for c in tok.children):
        base["possessive"] = 1.0
    if is_military_item(tok):
        base["military_item"] = 1.0
    base[f"head_lemma={tok.lemma_.lower()}"] = 1.0
    a = doc[anchor]
    side = "before" if m.head < anchor else "after" if m.head > anchor else "at"
    base[f"side={side}"] = 1.0
    base[f"lab+side={m.label}:{side}"] = 1.0
    base[f"dist={_bucket(abs(m.head - anchor), (1, 3, 6, 10, 20))}"] = 1.0
    path = _path(doc, m.head, anchor)
    base[f"path={path}"] = 1.0
    base[f"lab+path={m.label}:{path}"] = 1.0
    base[f"anchor={a.lemma_.lower()}"] = 1.0
    if tok.head.i == anchor:
        base["on_anchor"] = 1.0
    if m.start < 3:
        base["sentence_start"] = 1.0
    f: dict[str, float] = {}
    for k, v in base.items():
        f[k] = v
        f[f"{type_}|{k}"] = v
    return f


# --- run-time models --------------------------------------------------------------------------


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


_Index = dict[str, list[tuple[str, float]]]


def _by_feature(weights: dict[str, dict[str, float]]) -> _Index:
    """feature -> [(class, weight)]: a sentence has ~100 features, a class ~10,000 weights."""
    out: _Index = {}
    for cls, w in weights.items():
        for k, v in w.items():
            out.setdefault(k, []).append((cls, v))
    return out


def _terms(index: _Index, features: dict[str, float]) -> dict[str, list[float]]:
    """Per class, its weighted features in the order of `features` (a weight a class lacks
    adds nothing; summing the rest in the same order gives the same float)."""
    out: dict[str, list[float]] = {}
    for k, v in features.items():
        for cls, w in index.get(k, ()):
            out.setdefault(cls, []).append(w * v)
    return out


@dataclass(frozen=True)
class SentenceDetector:
    """One logistic regression per event type over `sentence_features`."""

    weights: dict[str, dict[str, float]]  # type -> feature -> weight
    bias: dict[str, float]
    threshold: dict[str, float]  # propose a candidate of the type from this probability
    index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _by_feature(self.weights))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        terms = _terms(self.index, features)
        return {type_: _sigmoid(self.bias[type_] + sum(terms.get(type_, ())))
                for type_ in self.weights}

    def anchor(self, doc: Doc, type_: str) -> int:
        """The sentence's word that says the type most (by its lemma's weight), else the root."""
        w = self.weights.get(type_, {})
        best, best_w = -1, 0.0
        for t in doc:
            if t.pos_ not in _ANCHOR_POS:
                continue
            x = w.get(f"l={t.lemma_.lower()}", 0.0) + w.get(f"w={t.lower_}", 0.0)
            if x > best_w:
                best, best_w = t.i, x
        if best >= 0:
            return best
        for t in doc:
            if t.dep_ == "ROOT":
                return t.i
        return 0

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentenceDetector:
        return cls({k: dict(v) for k, v in data["weights"].items()}, dict(data["bias"]),
                   dict(data["threshold"]))


@dataclass(frozen=True)
class RoleAssigner:
    """A multinomial logistic regression over `mention_features`: role (or "none")."""

    weights: dict[str, dict[str, float]]  # class -> feature -> weight
    bias: dict[str, float]
    index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _by_feature(self.weights))

    def probabilities(self, features: dict[str, float], type_: str) -> dict[str, float]:
        """The probability of each of the type's roles and of "none"."""
        classes = [c for c in (*ROLES[type_], NONE) if c in self.weights]
        terms = _terms(self.index, features)
        zs = [self.bias[c] + sum(terms.get(c, ())) for c in classes]
        top = max(zs) if zs else 0.0
        es = [math.exp(z - top) for z in zs]
        total = sum(es) or 1.0
        return {c: e / total for c, e in zip(classes, es, strict=True)}

    def role(self, features: dict[str, float], type_: str) -> tuple[str | None, float]:
        probs = self.probabilities(features, type_)
        if not probs:
            return None, 0.0
        best = max(probs, key=lambda c: (probs[c], c))
        return (None if best == NONE else best), probs[best]

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "bias": self.bias}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RoleAssigner:
        return cls({k: dict(v) for k, v in data["weights"].items()}, dict(data["bias"]))


@dataclass(frozen=True)
class DetectorModel:
    detector: SentenceDetector
    roles: RoleAssigner

    def to_json(self) -> dict[str, Any]:
        return {"detector": self.detector.to_json(), "roles": self.roles.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DetectorModel:
        return cls(SentenceDetector.from_json(data["detector"]),
                   RoleAssigner.from_json(data["roles"]))

    def probabilities(self, doc: Doc, heading: bool = False,
                      context: dict[str, float] | None = None) -> dict[str, float]:
        return self.detector.probabilities(sentence_features(doc, heading, context))

    def propose(self, doc: Doc, probs: dict[str, float], skip: set[str]) -> list[EventMention]:
        """Event mentions of the types the detector flags in this sentence, but for those in
        `skip` (types the rules already read here); each with `rejected="detector"` and the
        detector's probability as its score."""
        out: list[EventMention] = []
        found: list[Mention] | None = None
        for type_ in EVENT_TYPES:
            p = probs.get(type_, 0.0)
            if type_ in skip or p < self.detector.threshold.get(type_, 1.0):
                continue
            if found is None:
                found = mentions(doc)
            m = self.mention(doc, type_, p, found)
            if m.values(MAIN_ROLE[type_]):  # no actor, no event (measured: mostly wrong)
                out.append(m)
        return out

    def mention(self, doc: Doc, type_: str, p: float, found: list[Mention]) -> EventMention:
        anchor = self.detector.anchor(doc, type_)
        a = doc[anchor]
        status = analyze(a)
        m = EventMention(type=type_, trigger=REJECTED, trigger_i=anchor, trigger_start=a.idx,
                         status=status.status or "announced", score=round(p, 4),
                         rejected=REJECTED)
        chosen: list[tuple[str, float, Mention]] = []
        for men in found:
            role, role_p = self.roles.role(mention_features(doc, men, type_, anchor), type_)
            if role is None:
                continue
            if role in ("quantity", "value") and not men.number:
                continue
            if role not in ("quantity", "value") and men.number:
                continue
            chosen.append((role, role_p, men))
        for role, _p, men in keep_most_likely(chosen):
            label = men.label if men.label in PARTY_LABELS or men.label in (
                "FIRST_PERSON", "WEAPON", "PRODUCT", "LOC") else None
            if men.label == "FIRST_PERSON":
                label = "FIRST_PERSON"
            m.add(RoleValue(role=role, text=men.text, start=men.start, end=men.end, label=label,
                            kb_id=men.kb_id, value=men.value, currency=men.currency,
                            pronoun=men.pronoun))
        trig = Trigger(i=anchor, type=type_, lemma=a.lemma_.lower(), pos=a.pos_,
                       status=m.status)
        attach_date(doc, m, build_frame(doc, trig), doc._.dates or [])
        return m


# At most this many values per role from the detector's role assigner (others: one), the most
# likely first: a sentence flagged as an event rarely names more, and the extra values are
# mostly other parties of the sentence read into the same role.
ROLE_CAP = {"participant": 4, "party": 3, "item": 2}


def keep_most_likely(chosen: list[tuple[str, float, Mention]]) -> list[tuple[str, float, Mention]]:
    ranked = sorted(chosen, key=lambda c: (-c[1], c[2].start))
    kept: list[tuple[str, float, Mention]] = []
    per_role: dict[str, int] = {}
    for role, p, men in ranked:
        if per_role.get(role, 0) < ROLE_CAP.get(role, 1):
            per_role[role] = per_role.get(role, 0) + 1
            kept.append((role, p, men))
    return sorted(kept, key=lambda c: c[2].start)


@lru_cache(maxsize=4)
def load_detector(path: str | None = None) -> DetectorModel | None:
    """The shipped model (or the one at `path`); None when there is none."""
    file = Path(path) if path else MODEL_FILE
    if not file.is_file():
        return None
    return DetectorModel.from_json(json.loads(file.read_text(encoding="utf-8")))
