"""Probes: short texts we wrote ourselves in styles our annotated articles lack, each with the
events the spec asks of it (`[]` for a near miss that must give nothing).

    .venv/bin/python benchmarks/probes.py [FILE ...] [--failures] [--json]

Files default to every benchmarks/probes/*.jsonl. Prints, per file, how many probes pass, and
with --failures each failing probe with what was expected and what came out. A probe passes when
each expected event is met by a distinct extracted event of its type (the date equal when given,
each listed role value found) and nothing else is extracted, unless the probe says `extra_ok`.
A role value is found when an extracted value's text or resolved name equals, contains or is
contained in it, case-insensitively. The matching (and the optional events, alternative types
and `|` spellings a probe may use) is materiel.evaluation.probes; the probes that fail today are
listed in benchmarks/probes/known-failing.txt, which tests/extract/test_probes.py keeps honest.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from materiel.evaluation.probes import (
    ProbeFileError,
    describe_failure,
    extract,
    load_probes,
    passes,
)

PROBES_DIR = Path(__file__).resolve().parent / "probes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--failures", action="store_true", help="show each failing probe")
    parser.add_argument("--json", action="store_true", help="one line of JSON per file")
    args = parser.parse_args(argv)
    try:
        probes = load_probes(args.files or sorted(PROBES_DIR.glob("*.jsonl")))
    except ProbeFileError as err:
        raise SystemExit(str(err)) from err
    got = extract(probes)
    by_file: dict[str, list[bool]] = {}
    for probe in probes:
        ok = passes(probe, got.get(probe.id, []))
        by_file.setdefault(probe.file, []).append(ok)
        if not ok and args.failures:
            print("\n".join(describe_failure(probe, got.get(probe.id, []))))
    total = [ok for oks in by_file.values() for ok in oks]
    for name, oks in [*by_file.items(), ("all", total)]:
        if args.json:
            print(json.dumps({"file": name, "probes": len(oks), "pass": sum(oks)}))
        else:
            print(f"{name:<24} {sum(oks):>4} of {len(oks):>4} pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
