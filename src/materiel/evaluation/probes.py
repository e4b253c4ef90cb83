"""Probes: short texts we wrote ourselves, each with the events the spec asks of it.

A probe file (`benchmarks/probes/*.jsonl`) holds one JSON object a line:

    {"id": "war16-014", "published": "2024-05-10", "title": "optional", "text": "...",
     "expect": [{"type": "strike", "date": "2024-05-09",
                 "args": {"attacker": ["Russia"], "target": ["Kramatorsk"]}}],
     "extra_ok": false, "note": "optional: what it tests, why the expectation"}

`expect` lists every event the spec requires (`[]` for a near miss that must give nothing).
A probe passes when each expected event is met by a distinct extracted event and nothing else
is extracted, unless the probe says `extra_ok`. An extracted event meets an expected one when

- its type is the expected `type` or one of its `alt_types` (as in the gold, spec §4);
- its date equals the expected `date`, when one is given;
- each listed role value is found: an extracted value's text or resolved name equals, contains
  or is contained in it, case-insensitively. A value may list spellings split by `|`
  ("Rishi Sunak|United Kingdom"); any one of them will do.

An expected event marked `"optional": true` (spec §6: neither rewarded nor penalised) need not
be extracted, but when an extracted event meets it, that event is not counted as extra; one
that does not meet it (a wrong date, a role missing) still is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from materiel.extract import Extractor

Event = dict[str, Any]


@dataclass(frozen=True)
class Probe:
    id: str
    file: str
    text: str
    published: str | None
    title: str | None
    expect: list[Event]
    extra_ok: bool


class ProbeFileError(ValueError):
    """A line of a probe file is not a probe."""


def load_probes(paths: Iterable[Path]) -> list[Probe]:
    """Read probe files; `file` is each file's stem. Raises ProbeFileError on a bad line."""
    probes = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                probes.append(Probe(row["id"], path.stem, row["text"], row.get("published"),
                                    row.get("title"), row["expect"], bool(row.get("extra_ok"))))
            except (ValueError, KeyError, TypeError) as err:
                raise ProbeFileError(f"{path}:{number}: not a probe ({err})") from err
    return probes


def extract(probes: list[Probe], extractor: Extractor | None = None) -> dict[str, list[Event]]:
    """The events extracted from each probe (cleaned as any document is), by probe id."""
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document

    docs = [clean(Document(id=p.id, text=p.text, title=p.title, published=p.published))
            for p in probes]
    extractor = extractor or Extractor()
    return {doc.doc.id: [event.to_json() for event in events]
            for doc, events in extractor.extract_many(docs)}


def value_found(wanted: str, values: list[dict[str, Any]]) -> bool:
    """Whether one of the extracted values names `wanted` (any of its `|` spellings)."""
    for spelling in str(wanted).split("|"):
        spelling = spelling.strip().casefold()
        if not spelling:
            continue
        for value in values:
            for said in (value.get("text"), value.get("name")):
                said = str(said or "").casefold()
                if said and (said == spelling or said in spelling or spelling in said):
                    return True
    return False


def meets(got: Event, want: Event) -> bool:
    """Whether the extracted event `got` meets the expected event `want`."""
    if got.get("type") != want["type"] and got.get("type") not in (want.get("alt_types") or []):
        return False
    if want.get("date") and got.get("date") != want["date"]:
        return False
    args = got.get("args") or {}
    return all(value_found(str(v), args.get(role) or [])
               for role, values in (want.get("args") or {}).items() for v in values)


def _assignments(wants: list[Event], got: list[Event], used: frozenset[int]
                 ) -> Iterator[frozenset[int]]:
    """Every way of meeting all of `wants` with distinct extracted events: the indexes used."""
    if not wants:
        yield used
        return
    for i, event in enumerate(got):
        if i not in used and meets(event, wants[0]):
            yield from _assignments(wants[1:], got, used | {i})


def _covered(left: list[int], optional: list[Event], got: list[Event]) -> bool:
    """Whether each extracted event in `left` meets a distinct optional expected event."""
    if not left:
        return True
    first, rest = left[0], left[1:]
    return any(meets(got[first], want) and _covered(rest, optional[:k] + optional[k + 1:], got)
               for k, want in enumerate(optional))


def passes(probe: Probe, got: list[Event]) -> bool:
    """Whether the events extracted from a probe are what it expects."""
    required = [want for want in probe.expect if not want.get("optional")]
    optional = [want for want in probe.expect if want.get("optional")]
    if not probe.extra_ok and len(got) > len(probe.expect):
        return False
    for used in _assignments(required, got, frozenset()):
        if probe.extra_ok:
            return True
        if _covered([i for i in range(len(got)) if i not in used], optional, got):
            return True
    return False


def brief(event: Event) -> str:
    """One line for an extracted event: type, date, role values as written."""
    args = {role: [v.get("text") for v in values]
            for role, values in (event.get("args") or {}).items()}
    return f"{event['type']} {event.get('date')} {json.dumps(args, ensure_ascii=False)}"


def describe_failure(probe: Probe, got: list[Event]) -> list[str]:
    """The lines --failures prints for a failing probe: its text, what it wants, what came."""
    lines = [f"FAIL {probe.id}: {probe.text[:200]}"]
    for want in probe.expect:
        wanted = json.dumps(want.get("args", {}), ensure_ascii=False)
        types = "/".join([want["type"], *(want.get("alt_types") or [])])
        optional = " (optional)" if want.get("optional") else ""
        lines.append(f"  want {types} {want.get('date')} {wanted}{optional}")
    lines.extend(f"  got  {brief(event)}" for event in got)
    return lines


def results(probes: list[Probe], got: dict[str, list[Event]]) -> dict[str, bool]:
    """Pass or fail, by probe id."""
    return {probe.id: passes(probe, got.get(probe.id, [])) for probe in probes}


def read_known_failing(path: Path) -> dict[str, str]:
    """A list of probes that fail today: one `ID  reason` a line, `#` comments; id -> reason."""
    known: dict[str, str] = {}
    if not path.exists():
        return known
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pid, _, reason = line.partition(" ")
        known[pid] = reason.strip()
    return known
