"""Entity ruler fed by the knowledge base, placed before the pretrained "ner" to correct it.

The pretrained model reads "Lynx" and "Rheinmetall" as people and a news agency as a
person; the KB's patterns (labels COUNTRY, ORG, COMPANY, WEAPON, PERSON, DEMONYM, METONYM)
are set first, and the NER keeps them.  `materiel_entity_fixer` (after "ner") mends what the
KB does not know from the parse: a "person" that modifies an item noun ("Lynx vehicles")
is a weapon; a "person" in apposition with a company noun ("X, a German arms
manufacturer") is a company.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from materiel.nlp.lexicon import ITEM_HEADS
from materiel.nlp.place_names import relabel_places
from materiel.wordlists import word_set

log = logging.getLogger(__name__)

_COMPANY_NOUNS = word_set("nlp/kb_ruler", "company_nouns")
_OUTLET_NOUNS = word_set("nlp/kb_ruler", "outlet_nouns")


def kb_patterns(kb_path: str | None = None) -> list[dict[str, Any]]:
    """EntityRuler patterns from `materiel.kb` ([] when the KB is not available)."""
    return list(_patterns(kb_path))


@lru_cache(maxsize=4)
def _patterns(kb_path: str | None) -> tuple[dict[str, Any], ...]:
    try:
        from materiel.kb import load_kb
    except Exception:  # noqa: BLE001 - the KB is optional
        return ()
    try:
        kb = load_kb([kb_path]) if kb_path else load_kb()
        return tuple(kb.ruler_patterns())
    except Exception as exc:  # noqa: BLE001
        log.warning("knowledge base not loaded: %s", exc)
        return ()


class KBRuler:
    """Entity ruler over phrase matchers (one on LOWER, one on ORTH).

    The KB's patterns are plain token sequences; spaCy's token `Matcher` checks every one of
    ~15,000 patterns at every token, while a `PhraseMatcher` looks words up in a trie. Token
    patterns that mix attributes (none in the built-in KB) go to a small `Matcher`.
    """

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str]] = {}
        lower: dict[str, list[Doc]] = {}
        orth: dict[str, list[Doc]] = {}
        for pat in patterns:
            label, pid, pattern = pat.get("label"), pat.get("id") or "", pat.get("pattern")
            if not label or not pattern:
                continue
            key = f"{label}|{pid}"
            self.keys[self.vocab.strings.add(key)] = (label, pid)
            if isinstance(pattern, str):
                orth.setdefault(key, []).append(nlp.make_doc(pattern))
                continue
            attrs = {a for tok in pattern for a in tok}
            if len(attrs) == 1 and attrs <= {"LOWER", "ORTH"}:
                attr = attrs.pop()
                alts = [
                    [v] if isinstance(v := tok[attr], str) else list(v.get("IN", []))
                    for tok in pattern
                ]
                target = lower if attr == "LOWER" else orth
                for words in product(*alts):
                    target.setdefault(key, []).append(Doc(self.vocab, words=list(words)))
            else:
                self.tokens.add(key, [pattern])
        for key, docs in lower.items():
            self.lower.add(key, docs)
        for key, docs in orth.items():
            self.orth.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.orth, self.tokens):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                label, pid = self.keys.get(match_id, ("", ""))
                if label:
                    spans.append(Span(doc, start, end, label=label, span_id=pid))
        if spans:
            kept = filter_spans(spans)
            others = [
                e for e in doc.ents if not any(e.start < k.end and k.start < e.end for k in kept)
            ]
            doc.ents = filter_spans(kept + others)
        return doc


@Language.factory("materiel_kb_ruler", default_config={"kb_path": None, "use_kb": True})
def make_kb_ruler(nlp: Language, name: str, kb_path: str | None, use_kb: bool) -> KBRuler:
    return KBRuler(nlp, kb_patterns(kb_path) if use_kb else [])


def _product_number(doc: Doc, ent: Span) -> bool:
    if ent.label_ not in ("GPE", "COUNTRY", "METONYM") or ent.end >= len(doc):
        return False
    num = doc[ent.end]
    if not (num.text.isdigit() and len(num.text) <= 3) or not doc[ent.end - 1].whitespace_:
        return False
    if any(e.start == ent.end for e in doc.ents):
        return False
    if ent.root.dep_ == "dative" or ent.start > 0 and doc[ent.start - 1].pos_ == "VERB":
        return False  # "gave Ukraine 18 howitzers": the receiver, then a count
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return after is None or after.is_punct or after.lemma_.lower() in ITEM_HEADS


def fix_entities(doc: Doc) -> Doc:
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if _product_number(doc, ent):
            # "its Bharat 52, a towed howitzer": a place's name with a model number is a product
            ents[k] = Span(doc, ent.start, ent.end + 1, label="WEAPON")
            changed = True
            continue
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue
        root = ent.root
        new_label = None
        # "the Lynx vehicles": a name that modifies an item noun is the item's name
        if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in ITEM_HEADS:
            new_label = "WEAPON"
        for c in root.children:
            if c.dep_ == "appos":
                if c.lemma_.lower() in _COMPANY_NOUNS:
                    new_label = "COMPANY"
                elif c.lemma_.lower() in _OUTLET_NOUNS:
                    new_label = "ORG"
        if root.dep_ == "appos" and root.head.lemma_.lower() in _COMPANY_NOUNS:
            new_label = "COMPANY"
        # "the German arms company Rheinmetall"
        if any(c.dep_ == "compound" and c.lemma_.lower() in _COMPANY_NOUNS for c in root.lefts) or (
            ent.start > 0 and doc[ent.start - 1].lemma_.lower() in _COMPANY_NOUNS
        ):
            new_label = "COMPANY"
        if new_label is not None:
            ents[k] = Span(doc, ent.start, ent.end, label=new_label)
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.component("materiel_entity_fixer")
def entity_fixer_component(doc: Doc) -> Doc:
    return relabel_places(fix_entities(doc))
