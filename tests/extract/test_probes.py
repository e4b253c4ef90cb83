"""The probes of benchmarks/probes/*.jsonl, run once, held to benchmarks/probes/known-failing.txt;
and the probe matcher itself on hand-written events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from materiel.evaluation.probes import (
    Probe,
    extract,
    load_probes,
    passes,
    read_known_failing,
    results,
)
from materiel.extract import Extractor

PROBES_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "probes"
KNOWN_FAILING = PROBES_DIR / "known-failing.txt"


@pytest.fixture(scope="module")
def probes() -> list[Probe]:
    return load_probes(sorted(PROBES_DIR.glob("*.jsonl")))


@pytest.fixture(scope="module")
def outcome(probes: list[Probe]) -> dict[str, bool]:
    """Every probe extracted once, with one extractor as shipped (as benchmarks/probes.py does)."""
    return results(probes, extract(probes, Extractor()))


def test_probe_files_are_well_formed(probes: list[Probe]) -> None:
    assert probes, f"no probes in {PROBES_DIR}"
    ids = [probe.id for probe in probes]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for probe in probes:
        for want in probe.expect:
            assert want.get("type"), probe.id
            assert all(isinstance(v, list) for v in (want.get("args") or {}).values()), probe.id


def test_known_failing_names_only_probes(probes: list[Probe]) -> None:
    unknown = sorted(set(read_known_failing(KNOWN_FAILING)) - {probe.id for probe in probes})
    assert not unknown, f"known-failing.txt names no probe: {unknown}"


def test_probes_pass_unless_known_to_fail(outcome: dict[str, bool]) -> None:
    known = read_known_failing(KNOWN_FAILING)
    failing = sorted(pid for pid, ok in outcome.items() if not ok and pid not in known)
    assert not failing, (
        f"{len(failing)} probes fail that known-failing.txt does not list (see "
        f"`python benchmarks/probes.py --failures`): {failing}")


def test_known_failing_probes_still_fail(outcome: dict[str, bool]) -> None:
    known = read_known_failing(KNOWN_FAILING)
    fixed = sorted(pid for pid in known if outcome.get(pid))
    assert not fixed, f"{len(fixed)} probes now pass: remove them from known-failing.txt: {fixed}"


# The matcher on hand-written events.

def _probe(expect: list[dict[str, Any]], extra_ok: bool = False) -> Probe:
    return Probe("t-1", "test", "text", "2024-05-10", None, expect, extra_ok)


def _got(type_: str, date: str | None = None, **args: list[str]) -> dict[str, Any]:
    return {"type": type_, "date": date,
            "args": {role: [{"text": v} for v in values] for role, values in args.items()}}


AID = {"type": "aid", "date": "2024-05-09",
       "args": {"donor": ["Germany"], "recipient": ["Ukraine"]}}


def test_matcher_pass() -> None:
    got = [_got("aid", "2024-05-09", donor=["Germany"], recipient=["Ukraine"],
                item=["IRIS-T"])]
    assert passes(_probe([AID]), got)


def test_matcher_value_by_name_and_containment() -> None:
    got = [{"type": "aid", "date": "2024-05-09",
            "args": {"donor": [{"text": "Berlin", "name": "Germany"}],
                     "recipient": [{"text": "Ukraine's army"}]}}]
    assert passes(_probe([AID]), got)


def test_matcher_missing_role() -> None:
    assert not passes(_probe([AID]), [_got("aid", "2024-05-09", donor=["Germany"])])


def test_matcher_wrong_date() -> None:
    got = [_got("aid", "2024-05-10", donor=["Germany"], recipient=["Ukraine"])]
    assert not passes(_probe([AID]), got)


def test_matcher_no_date_expected_takes_any() -> None:
    want = {"type": "aid", "args": {"donor": ["Germany"]}}
    assert passes(_probe([want]), [_got("aid", "2024-05-10", donor=["Germany"])])


def test_matcher_extra_event() -> None:
    got = [_got("aid", "2024-05-09", donor=["Germany"], recipient=["Ukraine"]),
           _got("meeting", "2024-05-09", participant=["Scholz"])]
    assert not passes(_probe([AID]), got)
    assert passes(_probe([AID], extra_ok=True), got)


def test_matcher_near_miss() -> None:
    assert passes(_probe([]), [])
    assert not passes(_probe([]), [_got("strike", "2024-05-04", attacker=["Manchester City"])])


def test_matcher_distinct_events() -> None:
    got = [_got("aid", "2024-05-09", donor=["Germany"], recipient=["Ukraine"])]
    assert not passes(_probe([AID, AID]), got)
    assert passes(_probe([AID, AID]), got * 2)


def test_matcher_wrong_type_and_alt_types() -> None:
    got = [_got("procurement", "2024-05-09", donor=["Germany"], recipient=["Ukraine"])]
    assert not passes(_probe([AID]), got)
    assert passes(_probe([{**AID, "alt_types": ["procurement"]}]), got)


def test_matcher_spellings() -> None:
    want = {"type": "spending", "args": {"spender": ["Rachel Reeves|United Kingdom"]}}
    assert passes(_probe([want]), [_got("spending", spender=["United Kingdom"])])
    assert passes(_probe([want]), [_got("spending", spender=["Reeves"])])
    assert not passes(_probe([want]), [_got("spending", spender=["Treasury"])])


def test_matcher_optional_event() -> None:
    optional = {"type": "strike", "date": "2024-05-07", "optional": True}
    assert passes(_probe([optional]), [])
    assert passes(_probe([optional]), [_got("strike", "2024-05-07", attacker=["Russia"])])
    # extracted, but not as the optional event says: an extra event
    assert not passes(_probe([optional]), [_got("strike", "2024-05-10", attacker=["Russia"])])
    both = [_got("aid", "2024-05-09", donor=["Germany"], recipient=["Ukraine"]),
            _got("strike", "2024-05-07")]
    assert passes(_probe([AID, optional]), both)
    assert not passes(_probe([AID, optional]), both[1:])
