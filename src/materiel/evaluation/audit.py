"""Hand judgments of the events extracted from articles no one annotated: a precision audit.

`annotations/audit/judged.jsonl` holds one line per event the rules once extracted from an
unannotated shared article: the document, the event's type, where its evidence begins in the
article (`field`, `start`, `end`, offsets into ../shared, never the text), the verdict (`right`,
`right-roles-wrong`, `optional` under the guide, or `wrong`) and a short cause. Extracting the
same articles again tells which judged events a change keeps or drops and how many events are
new (no one judged them)::

    python -m materiel.evaluation.audit          # the counts by verdict, as below
    python -m materiel.evaluation.audit --list wrong   # each judged-wrong event still extracted
    python -m materiel.evaluation.audit --sample 2     # one sample's judgments only
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from materiel.annotate.articles import Articles

AUDIT_FILE = Path(__file__).resolve().parents[3] / "annotations" / "audit" / "judged.jsonl"
VERDICTS = ("right", "right-roles-wrong", "optional", "wrong")


@dataclass(frozen=True)
class Judgment:
    doc: str
    type: str
    opening: str  # the first words of the event's evidence, rebuilt from the shared article
    verdict: str
    cause: str
    sample: int
    key: str = ""  # a role value of the event, when events of one sentence need telling apart


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_judgments(path: Path = AUDIT_FILE, articles: Articles | None = None) -> list[Judgment]:
    articles = articles or Articles()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            field = articles.get(r["doc"]).field(r["field"])
            key = field[r["key_start"]:r["key_end"]] if "key_start" in r else ""
            out.append(Judgment(doc=r["doc"], type=r["type"],
                                opening=_squeeze(field[r["start"]:r["end"]]),
                                verdict=r["verdict"], cause=r.get("cause", ""),
                                sample=int(r.get("sample", 0)), key=_squeeze(key)))
    return out


def _evidence(event: dict[str, Any]) -> list[str]:
    return [_squeeze(t) for t in [event.get("evidence") or "", *event.get("other_evidence", [])]]


def _values(event: dict[str, Any]) -> set[str]:
    return {_squeeze(v["text"]) for values in (event.get("args") or {}).values()
            for v in values if isinstance(v, dict) and v.get("text")}


def _matches(j: Judgment, event: dict[str, Any]) -> bool:
    return (event["type"] == j.type and any(s.startswith(j.opening) for s in _evidence(event))
            and (not j.key or j.key in _values(event)))


def compare(judgments: Iterable[Judgment], events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Which judged events are still extracted (same document and type, an evidence sentence
    that begins with the judged opening) and how many extracted events no one judged. Each
    extracted event answers one judgment; judged events read from one sentence are told apart
    by a role value (`key`), and those with a key are paired first."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        by_doc.setdefault(e["doc"], []).append(e)
    judged: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    claimed: set[int] = set()
    kept_items: list[tuple[Judgment, dict[str, Any]]] = []
    for j in sorted(judgments, key=lambda j: not j.key):
        judged[j.verdict] += 1
        for e in by_doc.get(j.doc, []):
            if id(e) in claimed:
                continue
            if _matches(j, e):
                kept[j.verdict] += 1
                claimed.add(id(e))
                kept_items.append((j, e))
                break
    unjudged = sum(1 for es in by_doc.values() for e in es if id(e) not in claimed)
    return {"judged": dict(judged), "kept": dict(kept), "unjudged": unjudged,
            "kept_items": kept_items}


def extract(doc_ids: Iterable[str], articles: Articles | None = None) -> list[dict[str, Any]]:
    from materiel.evaluation.splits import extract_rules_only
    from materiel.models import Document

    articles = articles or Articles()
    docs = []
    for d in sorted(set(doc_ids)):
        a = articles.get(d)
        docs.append(Document(id=a.id, text=a.text, title=a.title or None,
                             published=a.published, outlet=a.outlet))
    return extract_rules_only(docs)


def report(result: dict[str, Any]) -> str:
    judged, kept = result["judged"], result["kept"]
    lines = [f"{'verdict':<18} {'judged':>6} {'still extracted':>16}"]
    for v in VERDICTS:
        lines.append(f"{v:<18} {judged.get(v, 0):>6} {kept.get(v, 0):>16}")
    right = kept.get("right", 0) + kept.get("right-roles-wrong", 0)
    wrong, optional = kept.get("wrong", 0), kept.get("optional", 0)
    total = right + wrong + optional
    if total:
        lines.append(f"of the judged events still extracted: right {right / total:.3f}, "
                     f"right of those not optional {right / max(1, right + wrong):.3f}")
    lines.append(f"events extracted that no one judged: {result['unjudged']}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m materiel.evaluation.audit")
    parser.add_argument("--file", type=Path, default=AUDIT_FILE)
    parser.add_argument("--list", choices=VERDICTS, help="print each such event still extracted")
    parser.add_argument("--sample", type=int, help="only the judgments of this sample (0, 1, 2)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    articles = Articles()
    judgments = load_judgments(args.file, articles)
    if args.sample is not None:
        judgments = [j for j in judgments if j.sample == args.sample]
    result = compare(judgments, extract({j.doc for j in judgments}, articles))
    print(f"{len(judgments)} judged events in {len({j.doc for j in judgments})} articles")
    print(report(result))
    for j, e in result["kept_items"]:
        if j.verdict == args.list:
            print(f"{j.doc} {j.type} ({j.cause or 'no cause given'}): {e.get('evidence')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
