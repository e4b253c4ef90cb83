"""Lookup tables compiled from the entries (pickled in the cache with them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .lexicon import GENERIC_TITLES
from .normalize import acronym_of, compact, fold, is_acronym, norm
from .translit import skeleton, spelling
from .types import Entry

# Lower is better when one key leads to several entries.
KIND_RANK = {"name": 0, "alias": 1, "demonym": 2, "metonym": 2, "acronym": 3, "ambiguous": 5}


@dataclass
class Index:
    exact: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    compact: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    spelling: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    skeleton: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # derived, exact case
    surnames: dict[str, list[str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_ids: list[str] = field(default_factory=list)
    fuzzy_kinds: list[str] = field(default_factory=list)
    fuzzy_spell: list[str] = field(default_factory=list)  # romanised fuzzy_keys
    fuzzy_buckets: dict[str, list[int]] = field(default_factory=dict)
    max_words: int = 1
    collisions: int = 0
    # keys written only with their article ("the States"): a bare "States" is no name
    needs_article: frozenset[str] = frozenset()


def entry_keys(entry: Entry) -> Iterable[tuple[str, str]]:
    """(surface, kind) for every name the entry can be written as."""
    ambiguous = {norm(a) for a in entry.facts.get("ambiguous_aliases") or ()}
    yield entry.name, "ambiguous" if norm(entry.name) in ambiguous else "name"
    for alias in entry.aliases:
        yield alias, "ambiguous" if norm(alias) in ambiguous else "alias"
    for alias in entry.facts.get("ambiguous_aliases") or ():
        yield alias, "ambiguous"
    for demonym in entry.facts.get("demonyms") or ():
        yield demonym, "demonym"
    for metonym in entry.facts.get("metonyms") or ():
        yield metonym, "metonym"


def _add(table: dict[str, list[tuple[str, str]]], key: str, eid: str, kind: str) -> None:
    if not key:
        return
    rows = table.setdefault(key, [])
    for i, (other, other_kind) in enumerate(rows):
        if other == eid:
            if KIND_RANK[kind] < KIND_RANK[other_kind]:
                rows[i] = (eid, kind)
            return
    rows.append((eid, kind))


def _article_only(entries: Mapping[str, Entry]) -> set[str]:
    """One-word keys that every entry writes with "the" ("the States", "the bloc")."""
    with_article: set[str] = set()
    bare: set[str] = set()
    for entry in entries.values():
        for surface, _kind in entry_keys(entry):
            key = norm(surface)
            if fold(surface).strip().startswith("the ") and " " not in key:
                with_article.add(key)
            else:
                bare.add(key)
    return with_article - bare


def build_index(entries: Mapping[str, Entry]) -> Index:
    idx = Index()
    acr: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    titles = set(GENERIC_TITLES)
    seen_fuzzy: set[tuple[str, str]] = set()
    for entry in entries.values():
        for surface, kind in entry_keys(entry):
            key = norm(surface)
            if not key:
                continue
            _add(idx.exact, key, entry.id, kind)
            _add(idx.compact, compact(surface), entry.id, kind)
            idx.max_words = max(idx.max_words, key.count(" ") + 1)
            if kind in ("name", "alias", "ambiguous") and not is_acronym(surface):
                _add(idx.spelling, spelling(key), entry.id, kind)
                if sk := skeleton(key):
                    _add(idx.skeleton, sk, entry.id, kind)
            fuzzy_ok = kind != "metonym" and not is_acronym(surface)
            if fuzzy_ok and (key, entry.id) not in seen_fuzzy and len(key) >= 4:
                seen_fuzzy.add((key, entry.id))
                idx.fuzzy_keys.append(key)
                idx.fuzzy_ids.append(entry.id)
                idx.fuzzy_kinds.append(kind)
        if entry.type in ("organization", "company") and entry.name.count(" ") >= 2:
            ac = acronym_of(entry.name)
            if len(ac) >= 3:
                acr[ac].add(entry.id)
        if entry.type == "person":
            for surface in (entry.name, *entry.aliases):
                parts = norm(surface).split()
                if len(parts) >= 2:
                    surnames[parts[-1]].add(entry.id)
            for office in entry.facts.get("offices") or ():
                if isinstance(office, dict) and isinstance(office.get("title"), str):
                    titles.add(norm(office["title"]))
    idx.needs_article = frozenset(_article_only(entries))
    idx.acronyms = {k: sorted(v) for k, v in acr.items()}
    idx.surnames = {k: sorted(v) for k, v in surnames.items()}
    idx.titles = frozenset(norm(t) for t in titles)
    idx.fuzzy_spell = [spelling(key) for key in idx.fuzzy_keys]
    for i, key in enumerate(idx.fuzzy_spell):
        idx.fuzzy_buckets.setdefault(key[:1], []).append(i)
    idx.collisions = sum(1 for rows in idx.exact.values() if len({r[0] for r in rows}) > 1)
    return idx
