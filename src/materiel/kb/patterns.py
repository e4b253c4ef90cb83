"""spaCy EntityRuler patterns built from the knowledge base."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .index import Index, entry_keys
from .normalize import is_acronym, norm
from .types import Entry

LABELS = {
    "country": "COUNTRY",
    "organization": "ORG",
    "company": "COMPANY",
    "equipment": "WEAPON",
    "person": "PERSON",
}
Tokenize = Callable[[str], list[str]]


def _plurals(word: str) -> list[str]:
    if not word[-1:].isalpha():
        return [word]
    lower = word.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es", word + "ES" if word.isupper() else word + "es"]
    return [word, word + "s", word + "S" if word.isupper() else word + "s"]


def token_pattern(surface: str, tokens: list[str], plural: bool) -> str | list[dict[str, Any]]:
    """Exact case for short acronyms and single capitalised words, LOWER tokens otherwise."""
    single = len(tokens) == 1
    if single and is_acronym(surface) and len(surface) <= 5:
        if not plural:
            return surface
        return [{"ORTH": {"IN": _unique(_plurals(surface))}}]
    if single and surface[:1].isupper() and surface[1:].islower() and surface.isalpha():
        forms = [surface, surface.upper()]
        if plural:
            forms += _plurals(surface) + _plurals(surface.upper())
        return [{"ORTH": {"IN": _unique(forms)}}]
    out: list[dict[str, Any]] = [{"LOWER": t.lower()} for t in tokens]
    if plural and tokens[-1].isalpha():
        out[-1] = {"LOWER": {"IN": _unique([p.lower() for p in _plurals(tokens[-1])])}}
    return out


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def build_patterns(entries: Mapping[str, Entry], index: Index, tokenize: Tokenize) -> list[dict]:
    patterns: list[dict] = []
    seen: set[str] = set()
    for entry in entries.values():
        for surface, kind in entry_keys(entry):
            if kind == "ambiguous" or not surface.strip():
                continue
            rows = index.exact.get(norm(surface), [])
            if len({eid for eid, k in rows if k != "ambiguous"}) > 1:
                continue  # the same words name several entries: leave it to the resolver
            label = {"demonym": "DEMONYM", "metonym": "METONYM"}.get(kind, LABELS[entry.type])
            tokens = tokenize(surface)
            if not tokens:
                continue
            pattern = token_pattern(surface, tokens, plural=entry.type == "equipment")
            item = {"label": label, "pattern": pattern, "id": entry.id}
            key = json.dumps(item, sort_keys=True)
            if key not in seen:
                seen.add(key)
                patterns.append(item)
    return patterns


def spacy_tokenizer() -> Tokenize:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return lambda text: [t.text for t in tokenizer(text) if not t.is_space]
