"""Cross-document merging against the merge set (annotations/merge, issue 15).

Stores every document the merge set names with its events through the ingest path (which
links them into canonical events), finds the stored events behind each gold mention (same
document and type, evidence overlapping the gold sentence) and scores, for two inputs:
the documents' annotated events ("gold": the linker alone, `merge_gold`) and their
extracted events ("extracted": the whole job):

- pairwise precision: of the annotated mention pairs the merger put together, the share
  that are one event (pairs within a cluster are; pairs across clusters and near-miss
  pairs are not);
- pairwise recall over every gold pair, and over the pairs whose two members were both
  extracted (extraction misses cap the first);
- near-miss pairs wrongly merged, and records (canonical events) per real event.

Each figure is given for the two halves of the set, split by a stable hash of the cluster
or pair id: "study" and "held" (both now open to study: `--errors held`).

    python -m materiel.evaluation.merging [--input gold|extracted|both] [--db PATH]
        [--gold-db PATH] [--relink [--reverse]] [--errors [study|held|all]] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from materiel.annotate.articles import Articles
from materiel.annotate.merges import MERGE_DIR, Cluster, Mention, MergeSet, load
from materiel.annotate.merges import sentence as gold_sentence
from materiel.evaluation.merge_gold import GoldEvents, gold_records
from materiel.link import link_events
from materiel.store import Store
from materiel.store.schema import canonical_events, canonical_members, documents, events

HALVES = ("study", "held")
SOURCES = ("gold", "extracted")
# A stored event stands for a gold mention when its evidence shares this much of the
# shorter of the two sentences' words (offsets differ: gold is on the raw text).
MIN_OVERLAP = 0.5
_WORD = re.compile(r"\w+")

Assignment = Mapping[Mention, frozenset[int]]  # gold mention -> canonical ids of its events


def half_of(key: str) -> str:
    """A stable split of the merge set: the first byte of the id's SHA-1, even or odd."""
    return HALVES[hashlib.sha1(key.encode()).digest()[0] % 2]


def select_half(merge_set: MergeSet, half: str) -> MergeSet:
    if half == "all":
        return merge_set
    return MergeSet(tuple(c for c in merge_set.clusters if half_of(c.id) == half),
                    tuple(p for p in merge_set.pairs if half_of(p.id) == half))


@dataclass(frozen=True)
class MergeScores:
    clusters: int
    gold_pairs: int
    extracted_pairs: int  # gold pairs whose two members were both extracted
    merged_gold_pairs: int
    predicted_pairs: int  # annotated pairs the merger put together
    correct_pairs: int
    near_miss_pairs: int
    near_miss_extracted: int
    near_miss_merged: int
    records: int  # canonical events behind the clusters' extracted members
    clusters_extracted: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.merged_gold_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def recall_extracted(self) -> float:
        return (self.merged_gold_pairs / self.extracted_pairs if self.extracted_pairs
                else 0.0)

    @property
    def records_per_event(self) -> float:
        return self.records / self.clusters_extracted if self.clusters_extracted else 0.0

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "recall_extracted": round(self.recall_extracted, 4),
                "records_per_event": round(self.records_per_event, 4)}


def _together(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a & b)


def score(merge_set: MergeSet, assigned: Assignment) -> MergeScores:
    """Score an assignment of gold mentions to canonical events (empty: not extracted)."""
    nothing: frozenset[int] = frozenset()
    gold_pairs = extracted = merged = 0
    predicted = correct = 0
    for cluster in merge_set.clusters:
        for a, b in combinations(cluster.members, 2):
            ca, cb = assigned.get(a, nothing), assigned.get(b, nothing)
            gold_pairs += 1
            extracted += bool(ca and cb)
            merged += _together(ca, cb)
    predicted += merged
    correct += merged
    for one, other in combinations(merge_set.clusters, 2):
        for a in one.members:
            for b in other.members:
                predicted += _together(assigned.get(a, nothing), assigned.get(b, nothing))
    near_extracted = near_merged = 0
    for pair in merge_set.pairs:
        ca, cb = assigned.get(pair.a, nothing), assigned.get(pair.b, nothing)
        near_extracted += bool(ca and cb)
        near_merged += _together(ca, cb)
    predicted += near_merged
    records = clusters_extracted = 0
    for cluster in merge_set.clusters:
        ids = set().union(*(assigned.get(m, nothing) for m in cluster.members))
        if ids:
            clusters_extracted += 1
            records += _records(cluster, assigned)
    return MergeScores(
        clusters=len(merge_set.clusters), gold_pairs=gold_pairs, extracted_pairs=extracted,
        merged_gold_pairs=merged, predicted_pairs=predicted, correct_pairs=correct,
        near_miss_pairs=len(merge_set.pairs), near_miss_extracted=near_extracted,
        near_miss_merged=near_merged, records=records, clusters_extracted=clusters_extracted)


def _records(cluster: Cluster, assigned: Assignment) -> int:
    """How many canonical events the cluster's extracted members are spread over: the fewest
    that cover every member (a member with two events on its sentence counts once)."""
    groups = [assigned[m] for m in cluster.members if assigned.get(m)]
    chosen: set[int] = set()
    for ids in sorted(groups, key=len):
        if not ids & chosen:
            chosen.add(min(ids))
    return len(chosen)


# -- from the store --------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _mentions(merge_set: MergeSet) -> Iterator[tuple[Mention, str]]:
    for cluster in merge_set.clusters:
        for m in cluster.members:
            yield m, cluster.type
    for pair in merge_set.pairs:
        for m in (pair.a, pair.b):
            yield m, m.type or ""


def assign(store: Store, merge_set: MergeSet, articles: Articles) -> dict[Mention, frozenset[int]]:
    """Each gold mention's canonical events: those of the stored events of its document and
    type whose evidence overlaps its sentence most (and enough)."""
    out: dict[Mention, frozenset[int]] = {}
    with store.engine.connect() as conn:
        for mention, event_type in _mentions(merge_set):
            text = gold_sentence(mention, articles)
            rows = conn.execute(
                select(events.c.evidence, canonical_members.c.canonical_id)
                .join(documents, documents.c.id == events.c.document_id)
                .join(canonical_members, canonical_members.c.event_id == events.c.id)
                .where(documents.c.doc_key == mention.doc, events.c.type == event_type))
            scored = [(overlap(r.evidence, text), r.canonical_id) for r in rows]
            best = max((o for o, _ in scored), default=0.0)
            out[mention] = frozenset(c for o, c in scored if o >= MIN_OVERLAP and o == best)
    return out


def corpus_subset(merge_set: MergeSet, articles: Articles, path: Path) -> int:
    """Write the records of every document the merge set names to `path` (JSONL)."""
    wanted = {m.doc for m, _ in _mentions(merge_set)}
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for rel in articles.files:
            source = articles.root / rel
            if not source.is_file():
                continue
            with source.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip() and json.loads(line).get("id") in wanted:
                        out.write(line if line.endswith("\n") else line + "\n")
                        n += 1
                        wanted.discard(json.loads(line)["id"])
    return n


def fill(store: Store, merge_set: MergeSet, articles: Articles, source: str = "extracted"
         ) -> None:
    """Store the merge set's documents with their events (linking them as the ingest path
    does): extracted ones, or with `source` "gold" their annotated ones."""
    from materiel.pipeline import EventSink, ingest, make_extractor

    extractor: EventSink = (GoldEvents(gold_records(articles)) if source == "gold"
                            else make_extractor())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "merge-docs.jsonl"
        corpus_subset(merge_set, articles, path)
        ingest([str(path)], store, extractor=extractor)


def relink(store: Store, reverse: bool = False) -> None:
    """Forget every canonical event and link the stored events again, one document at a
    time, in store order or in reverse."""
    with store.transaction() as conn:
        conn.execute(delete(canonical_members))
        conn.execute(delete(canonical_events))
        doc_ids = [r[0] for r in conn.execute(select(documents.c.id).order_by(documents.c.id))]
        for doc_id in reversed(doc_ids) if reverse else doc_ids:
            link_events(conn, events.c.document_id == doc_id)


# -- errors ------------------------------------------------------------------------------------


def _describe(store: Store, mention: Mention, event_type: str, articles: Articles) -> str:
    text = gold_sentence(mention, articles)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.id, events.c.date, events.c.status, events.c.evidence,
                   canonical_members.c.canonical_id)
            .join(documents, documents.c.id == events.c.document_id)
            .join(canonical_members, canonical_members.c.event_id == events.c.id)
            .where(documents.c.doc_key == mention.doc, events.c.type == event_type)).all()
        from materiel.link.canonical import args_of

        args = args_of(conn, [r.id for r in rows])
    lines = [f"  {mention} {text[:110]!r}"]
    for r in rows:
        if overlap(r.evidence, text) >= MIN_OVERLAP:
            brief = {role: [a.get("id") or a.get("name") or a["text"] for a in vals]
                     for role, vals in args[r.id].items()}
            lines.append(f"    -> c{r.canonical_id} {r.date} {r.status} {brief}")
    return "\n".join(lines)


def errors(store: Store, merge_set: MergeSet, assigned: Assignment,
           articles: Articles) -> Iterator[str]:
    nothing: frozenset[int] = frozenset()
    for cluster in merge_set.clusters:
        missed = [(a, b) for a, b in combinations(cluster.members, 2)
                  if assigned.get(a) and assigned.get(b)
                  and not _together(assigned[a], assigned[b])]
        if missed:
            yield f"SPLIT {cluster.id} {cluster.type}: {cluster.note}"
            for m in cluster.members:
                yield _describe(store, m, cluster.type, articles)
    for pair in merge_set.pairs:
        if _together(assigned.get(pair.a, nothing), assigned.get(pair.b, nothing)):
            yield f"NEAR-MISS MERGED {pair.id}: {pair.reason}"
            yield _describe(store, pair.a, pair.a.type or "", articles)
            yield _describe(store, pair.b, pair.b.type or "", articles)
    wrong: list[tuple[Cluster, Cluster]] = [
        (one, other) for one, other in combinations(merge_set.clusters, 2)
        if any(_together(assigned.get(a, nothing), assigned.get(b, nothing))
               for a in one.members for b in other.members)]
    for one, other in wrong:
        yield f"CLUSTERS MERGED {one.id} + {other.id}: {one.note} / {other.note}"
        for cluster in (one, other):
            for m in cluster.members:
                yield _describe(store, m, cluster.type, articles)


def _line(name: str, s: MergeScores) -> str:
    return (f"{name:6} clusters {s.clusters:3}  P {s.precision:.3f} ({s.correct_pairs}/"
            f"{s.predicted_pairs})  R {s.recall:.3f} ({s.merged_gold_pairs}/{s.gold_pairs})  "
            f"R|extracted {s.recall_extracted:.3f} ({s.merged_gold_pairs}/{s.extracted_pairs})  "
            f"near-miss merged {s.near_miss_merged}/{s.near_miss_pairs} "
            f"({s.near_miss_extracted} extracted)  records/event {s.records_per_event:.3f}")


def evaluate(store: Store, merge_set: MergeSet, articles: Articles, source: str, *,
             relink_store: bool = False, reverse: bool = False
             ) -> tuple[dict[str, MergeScores], Assignment]:
    """Figures for each half (and "all") of the events from `source` ("gold" or
    "extracted") in `store`, filled first when empty, else linked again if asked."""
    if store.count_documents() == 0:
        fill(store, merge_set, articles, source)
    elif relink_store or reverse:
        relink(store, reverse=reverse)
    assigned = assign(store, merge_set, articles)
    return ({half: score(select_half(merge_set, half), assigned)
             for half in (*HALVES, "all")}, assigned)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m materiel.evaluation.merging",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--input", choices=(*SOURCES, "both"), default="both",
                        help="the events to link: annotated (gold), extracted, or both")
    parser.add_argument("--db", help="store of the extracted events (kept: a second run "
                                     "skips extraction); default: a temporary SQLite file")
    parser.add_argument("--gold-db", help="store of the annotated events; default: temporary")
    parser.add_argument("--merge-dir", type=Path, default=MERGE_DIR)
    parser.add_argument("--relink", action="store_true",
                        help="link the stored events again (after changing the matcher)")
    parser.add_argument("--reverse", action="store_true",
                        help="with --relink: link the documents in reverse order")
    parser.add_argument("--errors", nargs="?", const="study", choices=(*HALVES, "all"),
                        help="list the errors of a half (default: study)")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)

    merge_set = load(args.merge_dir)
    articles = Articles()
    sources = SOURCES if args.input == "both" else (args.input,)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            db = args.gold_db if source == "gold" else args.db
            store = Store.open(db or str(Path(tmp) / f"merge-{source}.db"))
            try:
                figures, assigned = evaluate(store, merge_set, articles, source,
                                             relink_store=args.relink, reverse=args.reverse)
                out[source] = {k: v.to_json() for k, v in figures.items()}
                if not args.json:
                    print(f"{source} events")
                    for half, s in figures.items():
                        print(_line(half, s))
                if args.errors:
                    chosen = select_half(merge_set, args.errors)
                    for line in errors(store, chosen, assigned, articles):
                        print(line)
            finally:
                store.close()
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["MergeScores", "assign", "evaluate", "half_of", "main", "relink", "score"]
