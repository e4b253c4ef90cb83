"""Matching a surface form: exact names, plurals, romanisations, known acronyms, fuzzy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .context import DocContext
from .index import KIND_RANK
from .knowledge import KnowledgeBase
from .lexicon import MILITARY_WORDS
from .normalize import compact, is_acronym, norm
from .translit import close_enough, skeleton, spelling
from .types import Entry, Resolution

FUZZY_THRESHOLD = 84.0  # rapidfuzz ratio on romanised keys; chosen by the sweep in benchmarks/kb.py

LABEL_TYPES: dict[str, tuple[str, ...]] = {
    "PERSON": ("person",),
    "PER": ("person",),
    "ORG": ("organization", "company", "country"),
    "COMPANY": ("company", "organization"),
    "COUNTRY": ("country",),
    "DEMONYM": ("country",),
    "METONYM": ("country",),
    "NORP": ("country", "organization"),
    "GPE": ("country", "organization"),
    "LOC": ("country", "organization"),
    "WEAPON": ("equipment",),
    "PRODUCT": ("equipment", "company"),
    "FAC": ("equipment", "organization", "company"),
}
UNLINKED_TYPES = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "COMPANY": "company",
    "COUNTRY": "country",
    "GPE": "location",
    "LOC": "location",
    "WEAPON": "equipment",
    "PRODUCT": "equipment",
    "NORP": "group",
    "DEMONYM": "country",
    "METONYM": "country",
}


def allowed_types(label: str | None) -> tuple[str, ...] | None:
    return LABEL_TYPES.get(label.upper()) if label else None


class ResolverBase:
    def __init__(self, kb: KnowledgeBase, fuzzy_threshold: float = FUZZY_THRESHOLD) -> None:
        self.kb = kb
        self.idx = kb.index
        self.fuzzy_threshold = fuzzy_threshold

    def _exact(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        rows = self.idx.exact.get(norm(text)) or self.idx.compact.get(compact(text)) or []
        picked = self._choose(rows, ctx, types, text)
        if picked is None:
            return None
        eid, kind = picked
        method = {"demonym": "demonym", "metonym": "metonym"}.get(kind, "alias")
        if method == "alias" and is_acronym(text) and len(norm(text)) <= 8:
            method = "acronym"
        score = {"alias": 1.0, "acronym": 0.97, "demonym": 0.95, "metonym": 0.9}[method]
        if kind == "ambiguous":
            score = 0.8
        return self._make(eid, score, method, types)

    def _choose(
        self,
        rows: Iterable[tuple[str, str]],
        ctx: DocContext,
        types: tuple[str, ...] | None,
        text: str = "",
    ) -> tuple[str, str] | None:
        best: tuple[Any, ...] | None = None
        picked = None
        for eid, kind in rows:
            entry = self.kb.entries[eid]
            in_doc = ctx.seen[eid] + (3 if eid in ctx.persons.values() else 0)
            fits = types is None or entry.type in types
            if kind == "ambiguous" and not in_doc and not self._supports(entry, ctx, types, text):
                continue
            rank = (
                not fits,
                -min(in_doc, 1),
                KIND_RANK[kind],
                -(ctx.countries[entry.country] if entry.country else 0),
                eid,
            )
            if best is None or rank < best:
                best, picked = rank, (eid, kind)
        if picked is not None and best is not None and best[0] and types:
            # the label disagrees: accept only a name/alias of a non-person
            entry = self.kb.entries[picked[0]]
            if "person" in types or entry.type == "person" or picked[1] not in ("name", "alias"):
                return None
        return picked

    @staticmethod
    def _supports(entry: Entry, ctx: DocContext, types: tuple[str, ...] | None, text: str) -> bool:
        """Context for an ambiguous alias: for equipment a weapon word next to the mention,
        otherwise a label of the entry's type and the entry's country named in the text."""
        if types is not None and entry.type not in types:
            return False
        if entry.type == "equipment":
            return bool(text) and ctx.near_military_word(text)
        if types is None or entry.type == "country":
            return False
        return bool(entry.country and ctx.countries[entry.country])

    def _make(
        self, eid: str, score: float, method: str, types: tuple[str, ...] | None, **facts: Any
    ) -> Resolution:
        entry = self.kb.entries[eid]
        if types is not None and entry.type not in types:
            score *= 0.8
        return Resolution(
            eid, entry.name, entry.type, entry.country, round(score, 3), method, facts
        )

    def _item_phrase(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        """ "Lynx infantry fighting vehicles", "new Leopard 2A6 tanks" -> the equipment named
        by the longest run of words whose dropped neighbours are lowercase or numbers."""
        if types is not None and "equipment" not in types:
            return None
        words = text.split()
        n = len(words)
        if n < 2:
            return None
        spans = sorted(
            ((i, j) for i in range(n) for j in range(i + 1, n + 1)), key=lambda s: s[0] - s[1]
        )
        for i, j in spans:
            if j - i == n or not all(self._droppable(w) for w in words[:i] + words[j:]):
                continue
            span = " ".join(words[i:j])
            if any(w.lower() in MILITARY_WORDS for w in words[:i] + words[j:]):
                ctx.mark_military(span)
            res = self._exact(span, ctx, ("equipment",)) or self._plural(span, ctx, ("equipment",))
            if res is not None and (res.type == "equipment" or types != ("equipment",)):
                # a weapon's name holds no country ("its Bharat 52 howitzer")
                return replace(res, score=round(res.score * 0.95, 3), method="item")
        return None

    def _droppable(self, word: str) -> bool:
        """Words around an item's name: lowercase words, numbers, demonyms ("German")."""
        if word[:1].islower() or word.replace(",", "").replace(".", "").isdigit():
            return True
        return any(kind == "demonym" for _, kind in self.idx.exact.get(norm(word), ()))

    def _plural(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        """ "Bohdanas", "HIMARSes", "Leopards" -> the equipment entry."""
        if types is not None and "equipment" not in types:
            return None
        low = text.lower()
        for cut in (2, 1):
            if low[-cut:] not in ("es", "s") or len(text) - cut < 2:
                continue
            stem = text[:-cut]
            rows = self.idx.exact.get(norm(stem)) or self.idx.compact.get(compact(stem)) or []
            rows = [r for r in rows if self.kb.entries[r[0]].type == "equipment"]
            picked = self._choose(rows, ctx, types, text)
            if picked:
                return self._make(picked[0], 0.95, "plural", types)
        return None

    def _translit(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        if text.islower():
            return None  # a common word ("group" is no spelling of "Harop"): names are capitalised
        key = norm(text)
        rows = self.idx.spelling.get(spelling(key), [])
        score = 0.93
        if not rows and (sk := skeleton(key)):
            rows = [r for r in self.idx.skeleton.get(sk, []) if self._close(key, r[0])]
            score = 0.88
        picked = self._choose(rows, ctx, types, text)
        if picked is None:
            return None
        return self._make(picked[0], score, "translit", types)

    def _close(self, key: str, eid: str) -> bool:
        entry = self.kb.entries[eid]
        names = (entry.name, *entry.aliases, *(entry.facts.get("ambiguous_aliases") or ()))
        return any(close_enough(key, norm(str(s))) for s in names)

    def _known_acronym(self, text: str, types: tuple[str, ...] | None) -> Resolution | None:
        if not is_acronym(text) or self.idx.exact.get(norm(text)):
            # an acronym the base lists as another entry's spelling, even an ambiguous one
            # ("IAF": India's or Israel's air force), is no initials of a third name
            # ("IRGC Aerospace Force")
            return None
        ids = self.idx.acronyms.get(text.upper().replace(".", ""), [])
        ids = [eid for eid in ids if types is None or self.kb.entries[eid].type in types]
        if len(ids) != 1:
            return None
        return self._make(ids[0], 0.85, "acronym", types)

    def _fuzzy(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        """Unseen spellings: rapidfuzz ratio on romanised keys sharing the first letter. A
        name the knowledge base lists as it is written is no unseen spelling: when the
        context does not support its entry ("the Senate" with no label), a neighbour's
        spelling ("Sénat") is no better answer."""
        if self.idx.exact.get(norm(text)):
            return None
        key = spelling(norm(text))
        if len(key) < 5 or is_acronym(text) or self.fuzzy_threshold > 100:
            return None
        spell, ids, entries = self.idx.fuzzy_spell, self.idx.fuzzy_ids, self.kb.entries
        lo, hi = len(key) * 0.75, len(key) / 0.75
        choices = {
            i: spell[i]
            for i in self.idx.fuzzy_buckets.get(key[:1], ())
            if lo <= len(spell[i]) <= hi and (types is None or entries[ids[i]].type in types)
        }
        hits = process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold, limit=5
        )
        for _, score, i in hits:
            entry = entries[ids[i]]
            if self.idx.fuzzy_kinds[i] == "ambiguous" and not self._supports(
                entry, ctx, types, text
            ):
                continue
            if words_close(norm(text), self.idx.fuzzy_keys[i], entry.type == "person"):
                return self._make(ids[i], score / 100 * 0.9, "fuzzy", types)
        return None


def words_close(a: str, b: str, person: bool = False) -> bool:
    """Word by word, a typo at most: 1 edit in a word of 4-7 letters, 2 from 8 (1 in names of
    people: "Yermakov" is not "Yermak"), none in shorter words."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        longest = max(len(x), len(y))
        allowed = 0 if longest <= 3 else 1 if longest <= 7 or person else 2
        if OSA.distance(x, y, score_cutoff=allowed + 1) > allowed:
            return False
    return True
