"""Probes: short texts we wrote ourselves in styles our annotated articles lack, each with the
events the spec asks of it (`[]` for a near miss that must give nothing).

    .venv/bin/python benchmarks/probes.py [FILE ...] [--failures] [--json]

Files default to every benchmarks/probes/*.jsonl. Prints, per file, how many probes pass, and
with --failures each failing probe with what was expected and what came out. A probe passes when
each expected event is met by a distinct extracted event of its type (the date equal when given,
each listed role value found) and nothing else is extracted, unless the probe says `extra_ok`.
A role value is found when an extracted value's text or resolved name equals, contains or is
contained in it, case-insensitively.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROBES_DIR = Path(__file__).resolve().parent / "probes"


@dataclass(frozen=True)
class Probe:
    id: str
    file: str
    text: str
    published: str | None
    title: str | None
    expect: list[dict[str, Any]]
    extra_ok: bool


def load_probes(paths: Iterable[Path]) -> list[Probe]:
    probes = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                probes.append(Probe(row["id"], path.stem, row["text"], row.get("published"),
                                    row.get("title"), row["expect"], bool(row.get("extra_ok"))))
            except (ValueError, KeyError) as err:
                raise SystemExit(f"{path}:{number}: not a probe ({err})") from err
    return probes


def extract(probes: list[Probe]) -> dict[str, list[dict[str, Any]]]:
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document

    docs = [clean(Document(id=p.id, text=p.text, title=p.title, published=p.published))
            for p in probes]
    return {doc.doc.id: [event.to_json() for event in events]
            for doc, events in Extractor().extract_many(docs)}


def _value_found(wanted: str, values: list[dict[str, Any]]) -> bool:
    wanted = wanted.casefold()
    for value in values:
        for said in (value.get("text"), value.get("name")):
            said = str(said or "").casefold()
            if said and (said == wanted or said in wanted or wanted in said):
                return True
    return False


def meets(got: dict[str, Any], want: dict[str, Any]) -> bool:
    if got["type"] != want["type"]:
        return False
    if want.get("date") and got.get("date") != want["date"]:
        return False
    args = got.get("args") or {}
    return all(_value_found(str(v), args.get(role) or [])
               for role, values in (want.get("args") or {}).items() for v in values)


def _assign(wants: list[dict[str, Any]], got: list[dict[str, Any]], used: set[int]) -> bool:
    if not wants:
        return True
    for i, event in enumerate(got):
        if i not in used and meets(event, wants[0]) and _assign(wants[1:], got, used | {i}):
            return True
    return False


def passes(probe: Probe, got: list[dict[str, Any]]) -> bool:
    if not probe.extra_ok and len(got) != len(probe.expect):
        return False
    return _assign(probe.expect, got, set())


def _brief(event: dict[str, Any]) -> str:
    args = {role: [v.get("text") for v in values]
            for role, values in (event.get("args") or {}).items()}
    return f"{event['type']} {event.get('date')} {json.dumps(args, ensure_ascii=False)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--failures", action="store_true", help="show each failing probe")
    parser.add_argument("--json", action="store_true", help="one line of JSON per file")
    args = parser.parse_args(argv)
    probes = load_probes(args.files or sorted(PROBES_DIR.glob("*.jsonl")))
    got = extract(probes)
    by_file: dict[str, list[bool]] = {}
    for probe in probes:
        ok = passes(probe, got.get(probe.id, []))
        by_file.setdefault(probe.file, []).append(ok)
        if not ok and args.failures:
            print(f"FAIL {probe.id}: {probe.text[:200]}")
            for want in probe.expect:
                wanted = json.dumps(want.get("args", {}), ensure_ascii=False)
                print(f"  want {want['type']} {want.get('date')} {wanted}")
            for event in got.get(probe.id, []):
                print(f"  got  {_brief(event)}")
    total = [ok for oks in by_file.values() for ok in oks]
    for name, oks in [*by_file.items(), ("all", total)]:
        if args.json:
            print(json.dumps({"file": name, "probes": len(oks), "pass": sum(oks)}))
        else:
            print(f"{name:<24} {sum(oks):>4} of {len(oks):>4} pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
