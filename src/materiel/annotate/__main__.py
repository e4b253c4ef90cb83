"""`python -m materiel.annotate show|check|convert|export|agree|stats|merges`.

show DOC_ID              print an article (title, date, outlet, text) from the shared corpus
check RAW...            problems in gold-format files an annotator wrote
convert RAW OUT --annotator NAME
                        write the offset form (appends; a document already in OUT is replaced)
export OUT_DIR [STORED...]
                        rebuild input.jsonl and gold.jsonl from stored annotations
agree                   agreement of each double annotation (annotations/double/) with the
                        first annotation of the same articles (annotations/corpus/)
stats [STORED...]       articles, events (required/optional) per outlet and type of the
                        annotations of shared articles (not annotations/written/)
merges [DIR]            counts and problems of the cross-document merge set
                        (annotations/merge/: clusters.jsonl, apart.jsonl)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from materiel.annotate.articles import Articles
from materiel.annotate.offsets import check, to_offsets
from materiel.annotate.store import ANNOTATIONS, load_gold, load_offsets


def _raw(paths: list[str]) -> list[dict]:
    docs = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    print(f"error: {path}:{n}: not JSON ({exc.msg})")
    return docs


def cmd_show(doc_id: str) -> int:
    article = Articles().get(doc_id)
    print(f"id: {article.id}\npublished: {article.published}\noutlet: {article.outlet}")
    print(f"title: {article.title}\n\n{article.text}")
    return 0


def cmd_check(paths: list[str]) -> int:
    articles = Articles()
    fatal = 0
    docs = _raw(paths)
    for doc in docs:
        try:
            article = articles.get(str(doc.get("doc")))
        except KeyError as exc:
            print(f"error: {exc.args[0]}")
            fatal += 1
            continue
        for problem in check(doc, article):
            print(problem)
            fatal += problem.fatal
    n_events = sum(len(d.get("events") or []) for d in docs)
    print(f"{len(docs)} documents, {n_events} events, {fatal} errors")
    return 1 if fatal else 0


def cmd_convert(raw: str, out: str, annotator: str) -> int:
    articles = Articles()
    out_path = Path(out)
    kept = {d["doc"]: d for d in load_offsets([out_path])} if out_path.exists() else {}
    for doc in _raw([raw]):
        article = articles.get(str(doc["doc"]))
        problems = [p for p in check(doc, article) if p.fatal]
        if problems:
            for p in problems:
                print(p)
            continue
        kept[article.id] = to_offsets(doc, article, annotator)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        for stored in kept.values():
            fh.write(json.dumps(stored, ensure_ascii=False) + "\n")
    print(f"{len(kept)} documents in {out_path}")
    return 0


def cmd_export(out_dir: str, stored: list[str]) -> int:
    pairs = load_gold(stored or [ANNOTATIONS / "corpus"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "input.jsonl").open("w", encoding="utf-8") as fi, \
            (out / "gold.jsonl").open("w", encoding="utf-8") as fg:
        for record, gold in pairs:
            fi.write(json.dumps(record, ensure_ascii=False) + "\n")
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} documents -> {out}/input.jsonl, {out}/gold.jsonl")
    return 0


def cmd_stats(stored: list[str]) -> int:
    pairs = load_gold(stored or [ANNOTATIONS / "corpus"])
    outlets: Counter[str] = Counter()
    events: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for record, gold in pairs:
        outlets[str(record.get("outlet"))] += 1
        for e in gold["events"]:
            kind = "optional" if e.get("optional") else "required"
            events[kind] += 1
            events[f"{record.get('outlet')} {kind}"] += 1
            types[e["type"]] += 1
    print(f"articles {len(pairs)}  events required {events['required']}  "
          f"optional {events['optional']}")
    for outlet, n in outlets.most_common():
        print(f"  {outlet:<16} articles {n:>4}  events {events[f'{outlet} required']:>5} "
              f"(+{events[f'{outlet} optional']} optional)")
    print("  " + "  ".join(f"{t} {n}" for t, n in types.most_common()))
    return 0


def cmd_agree() -> int:
    from materiel.annotate.agreement import agreement

    first = {g["doc"]: g for _r, g in load_gold([ANNOTATIONS / "corpus"])}
    second = [g for _r, g in load_gold([ANNOTATIONS / "double"])]
    result = agreement(list(first.values()), second)
    print(f"articles {result['docs']}  event F1 {result['event_f1']:.3f}  "
          f"argument F1 {result['argument_f1']:.3f}  dates {result['date_agreement']}")
    for name in ("first_as_gold", "second_as_gold"):
        r = result[name]
        print(f"  {name:<15} events P {r['event']['precision']:.3f} R {r['event']['recall']:.3f}"
              f"  gold events {r['gold_events']}")
    return 0


def cmd_merges(directory: str | None) -> int:
    from materiel.annotate import merges

    merge_set = merges.load(Path(directory) if directory else merges.MERGE_DIR)
    problems = merges.check(merge_set, Articles())
    for problem in problems:
        print(problem)
    tally = merges.counts(merge_set, Articles())
    print(f"clusters {len(merge_set.clusters)}  members {sum(tally['members'].values())}  "
          f"cross-outlet {sum(tally['cross_outlet_clusters'].values())}  "
          f"near-miss pairs {len(merge_set.pairs)}")
    for name in ("clusters", "members", "cross_outlet_clusters", "pairs", "member_outlets"):
        print(f"  {name:<22}" + "  ".join(f"{k} {n}" for k, n in tally[name].most_common()))
    fatal = sum(p.fatal for p in problems)
    print(f"{fatal} errors, {len(problems) - fatal} warnings")
    return 1 if fatal else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    cmd, rest = argv[0], argv[1:]
    if any(a in {"-h", "--help"} for a in rest):
        print(__doc__)
        return 0
    if cmd == "show" and len(rest) == 1:
        return cmd_show(rest[0])
    if cmd == "check":
        return cmd_check(rest)
    if cmd == "convert" and len(rest) == 4 and rest[2] == "--annotator":
        return cmd_convert(rest[0], rest[1], rest[3])
    if cmd == "export" and rest:
        return cmd_export(rest[0], rest[1:])
    if cmd == "agree":
        return cmd_agree()
    if cmd == "stats":
        return cmd_stats(rest)
    if cmd == "merges" and len(rest) <= 1:
        return cmd_merges(rest[0] if rest else None)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
