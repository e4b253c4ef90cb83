"""The cross-document merge set (issue 15): real events reported by several articles, and
look-alike events that must stay apart, stored as offsets into the shared corpus.

`annotations/merge/clusters.jsonl`: one line per real event,
    {"cluster": "c001", "type": ..., "canonical": {"date": ..., ROLE: [short values]},
     "members": [{"doc": ID, "start": N, "end": M[, "field": "title"]}, ...], "note": ...}
`annotations/merge/apart.jsonl`: one line per near-miss pair,
    {"pair": "p001", "a": {"doc", "start", "end", "type"}, "b": {...}, "reason": ...}

A member's span is its evidence sentence in the article's text (or title, when `field` says
so); `sentence` rebuilds it from the corpus and `check` lists what is wrong with the files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from materiel.annotate.articles import Articles
from materiel.annotate.store import ANNOTATIONS
from materiel.models import ROLES

MERGE_DIR = ANNOTATIONS / "merge"
FIELDS = ("text", "title")
# Longer than any one sentence we annotate: a span this long spans paragraphs.
MAX_SPAN = 1200
MIN_WORDS = 3
# Canonical role values are short facts (names, amounts); a longer string is copied prose.
MAX_VALUE_CHARS = 80


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    field: str = "text"
    type: str | None = None

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.doc, self.field, self.start, self.end)

    def __str__(self) -> str:
        where = "" if self.field == "text" else f"{self.field}:"
        return f"{self.doc}[{where}{self.start}:{self.end}]"


@dataclass(frozen=True)
class Cluster:
    id: str
    type: str
    members: tuple[Mention, ...]
    canonical: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class ApartPair:
    id: str
    a: Mention
    b: Mention
    reason: str = ""


@dataclass(frozen=True)
class MergeSet:
    clusters: tuple[Cluster, ...]
    pairs: tuple[ApartPair, ...]

    def same_event_pairs(self) -> Iterator[tuple[Mention, Mention]]:
        """Every pair of mentions that a merger must put together."""
        for cluster in self.clusters:
            yield from combinations(cluster.members, 2)

    def different_event_pairs(self) -> Iterator[tuple[Mention, Mention]]:
        """Every pair of mentions that a merger must keep apart."""
        for pair in self.pairs:
            yield pair.a, pair.b


@dataclass(frozen=True)
class MergeProblem:
    where: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{'error' if self.fatal else 'warning'}: {self.where}: {self.message}"


def _mention(raw: dict[str, Any], default_type: str | None = None) -> Mention:
    return Mention(doc=str(raw["doc"]), start=int(raw["start"]), end=int(raw["end"]),
                   field=str(raw.get("field", "text")), type=raw.get("type", default_type))


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load(directory: Path = MERGE_DIR) -> MergeSet:
    clusters = tuple(
        Cluster(id=str(raw["cluster"]), type=str(raw["type"]),
                members=tuple(_mention(m, raw["type"]) for m in raw["members"]),
                canonical=dict(raw.get("canonical") or {}), note=str(raw.get("note", "")))
        for raw in _lines(directory / "clusters.jsonl"))
    pairs = tuple(
        ApartPair(id=str(raw["pair"]), a=_mention(raw["a"]), b=_mention(raw["b"]),
                  reason=str(raw.get("reason", "")))
        for raw in _lines(directory / "apart.jsonl"))
    return MergeSet(clusters, pairs)


def sentence(mention: Mention, articles: Articles) -> str:
    """The evidence text a mention points at, rebuilt from the shared corpus."""
    return articles.get(mention.doc).field(mention.field)[mention.start:mention.end]


def _span_problems(where: str, mention: Mention, articles: Articles) -> list[MergeProblem]:
    if mention.doc not in articles:
        return [MergeProblem(where, f"{mention.doc} is not in the shared corpus")]
    if mention.field not in FIELDS:
        return [MergeProblem(where, f"{mention}: field {mention.field!r} is not one of {FIELDS}")]
    if mention.type is not None and mention.type not in ROLES:
        return [MergeProblem(where, f"{mention}: unknown type {mention.type!r}")]
    text = articles.get(mention.doc).field(mention.field)
    if not 0 <= mention.start < mention.end <= len(text):
        return [MergeProblem(where, f"{mention}: span out of range (length {len(text)})")]
    if mention.end - mention.start > MAX_SPAN:
        return [MergeProblem(where, f"{mention}: span of {mention.end - mention.start} "
                                    f"characters is not one sentence")]
    span = text[mention.start:mention.end]
    problems = []
    if len(span.split()) < MIN_WORDS or not any(c.isalpha() for c in span):
        problems.append(MergeProblem(where, f"{mention}: not sentence-like ({span!r})"))
    if mention.start > 0 and text[mention.start - 1].isalnum() and span[0].isalnum():
        problems.append(MergeProblem(where, f"{mention}: starts inside a word"))
    if mention.end < len(text) and text[mention.end].isalnum() and span[-1].isalnum():
        problems.append(MergeProblem(where, f"{mention}: ends inside a word"))
    return problems


def _canonical_problems(cluster: Cluster) -> list[MergeProblem]:
    problems = []
    roles = set(ROLES.get(cluster.type, ()))
    for role, values in cluster.canonical.items():
        if role == "date":
            continue
        if role not in roles:
            problems.append(MergeProblem(cluster.id, f"{cluster.type} has no role {role!r}"))
            continue
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
                problems.append(MergeProblem(
                    cluster.id, f"{role}: {value[:40]!r}... is prose, not a short value"))
    return problems


def _cluster_problems(cluster: Cluster, articles: Articles) -> list[MergeProblem]:
    problems: list[MergeProblem] = []
    if cluster.type not in ROLES:
        problems.append(MergeProblem(cluster.id, f"unknown type {cluster.type!r}"))
    if len(cluster.members) < 2:
        problems.append(MergeProblem(cluster.id, "fewer than two members"))
    docs = Counter(m.doc for m in cluster.members)
    for doc, n in docs.items():
        if n > 1:
            problems.append(MergeProblem(cluster.id, f"{doc} appears {n} times: members "
                                                     "must be distinct documents"))
    for m in cluster.members:
        if m.type not in (None, cluster.type):
            problems.append(MergeProblem(cluster.id, f"{m}: type {m.type} in a "
                                                     f"{cluster.type} cluster"))
        problems += _span_problems(cluster.id, m, articles)
    return problems + _canonical_problems(cluster)


def _duplicates(ids: Iterable[str], what: str) -> list[MergeProblem]:
    return [MergeProblem(i, f"{what} id used {n} times")
            for i, n in Counter(ids).items() if n > 1]


def check(merge_set: MergeSet, articles: Articles) -> list[MergeProblem]:
    """Problems in the merge set: spans out of range or off sentences, clusters that repeat a
    document, a span claimed by two clusters, and near-miss pairs that a cluster joins."""
    problems = _duplicates((c.id for c in merge_set.clusters), "cluster")
    problems += _duplicates((p.id for p in merge_set.pairs), "pair")
    owner: dict[tuple[str, str, int, int], str] = {}
    for cluster in merge_set.clusters:
        problems += _cluster_problems(cluster, articles)
        for m in cluster.members:
            if m.key in owner and owner[m.key] != cluster.id:
                problems.append(MergeProblem(cluster.id, f"{m} is also in {owner[m.key]}"))
            owner.setdefault(m.key, cluster.id)
    for pair in merge_set.pairs:
        problems += _span_problems(pair.id, pair.a, articles)
        problems += _span_problems(pair.id, pair.b, articles)
        if pair.a.key == pair.b.key:
            problems.append(MergeProblem(pair.id, "both sides are the same span"))
        elif pair.a.key in owner and owner.get(pair.a.key) == owner.get(pair.b.key):
            problems.append(MergeProblem(pair.id, f"both sides are in {owner[pair.a.key]}, "
                                                  "which says they are one event"))
        if not pair.reason.strip():
            problems.append(MergeProblem(pair.id, "no reason given", fatal=False))
    return problems


def counts(merge_set: MergeSet, articles: Articles) -> dict[str, Counter[str]]:
    """Clusters and near-miss pairs by type; cluster members and outlets per cluster."""
    def outlet(m: Mention) -> str:
        return str(articles.get(m.doc).outlet) if m.doc in articles else "?"

    out: dict[str, Counter[str]] = {
        "clusters": Counter(c.type for c in merge_set.clusters),
        "members": Counter(),
        "member_outlets": Counter(),
        "cross_outlet_clusters": Counter(),
        "pairs": Counter(),
    }
    for cluster in merge_set.clusters:
        out["members"][cluster.type] += len(cluster.members)
        outlets = {outlet(m) for m in cluster.members}
        out["member_outlets"].update(outlet(m) for m in cluster.members)
        if len(outlets) > 1:
            out["cross_outlet_clusters"][cluster.type] += 1
    for pair in merge_set.pairs:
        out["pairs"][pair.a.type or "?"] += 1
    return out
