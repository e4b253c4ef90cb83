"""The evaluation module computes what the reference scorer computes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _shared import SHARED  # noqa: E402
from materiel.evaluation import format_report, score
from materiel.evaluation.matching import normalize, read_number, value_matches

REFERENCE = SHARED / "eval" / "score.py"

GOLD = [
    {
        "doc": "a",
        "published": "2024-05-10",
        "events": [
            {
                "type": "procurement",
                "date": "2024-05",
                "args": {
                    "buyer": ["Poland|Polish government|Warsaw"],
                    "item": ["K2 tanks|tanks"],
                    "quantity": [180],
                    "value": ["6500000000 USD"],
                },
                "evidence": "Poland intends to order 180 more K2 tanks from Hyundai Rotem",
            },
            {
                "type": "aid",
                "alt_types": ["procurement"],
                "args": {"donor": ["Sweden"]},
                "evidence": "Sweden pledged howitzers",
            },
            {"type": "meeting", "optional": True, "args": {"participant": ["NATO"]}},
        ],
    },
    {
        "doc": "b",
        "published": None,
        "events": [
            {
                "type": "strike",
                "date": "2024",
                "args": {"attacker": ["Russia|Russian forces"]},
                "evidence": "Russian forces struck a depot near the border at night",
            }
        ],
    },
]
PRED = [
    {
        "doc": "a",
        "type": "procurement",
        "date": "2024-05-07",
        "args": {
            "buyer": [{"text": "Warsaw", "name": "Poland"}],
            "item": [{"text": "the K2 tanks"}],
            "quantity": [{"text": "180", "value": 180}],
            "value": [{"text": "$6.5bn", "value": 6.5e9, "currency": "USD"}],
            "seller": [{"text": "Hyundai Rotem"}],
        },
        "evidence": "Poland intends to order 180 more K2 tanks from Hyundai Rotem.",
    },
    {
        "doc": "a",
        "type": "procurement",
        "date": None,
        "args": {"buyer": [{"text": "Sweden"}]},
        "evidence": "x",
    },
    {"doc": "a", "type": "meeting", "args": {"participant": [{"text": "NATO"}]}, "evidence": ""},
    {"doc": "a", "type": "sanction", "args": {"imposer": [{"text": "Japan"}]}, "evidence": ""},
    {
        "doc": "b",
        "type": "strike",
        "date": "2023-12-30",
        "args": {},
        "evidence": "Russian forces struck a depot near the border at night, officials said.",
    },
    {"doc": "c", "type": "strike", "args": {}, "evidence": ""},
]


def test_value_matching():
    assert normalize("The Ukrainian Armed Forces' unit") == ["ukrainian", "armed", "force", "unit"]
    assert value_matches({"text": "the K2 tanks"}, "K2 tanks|tanks")
    assert not value_matches({"text": "Ukraine's Armed Forces"}, "Ukraine")  # 1 word of 3
    assert value_matches({"text": "Ukraine's Armed Forces"}, "Armed Forces")  # 2 of 3
    assert value_matches({"text": "€1.2bn", "currency": "EUR"}, "1200000000 EUR")
    assert not value_matches({"text": "€1.2bn", "currency": "EUR"}, "1200000000 USD")
    assert value_matches({"value": 1010}, 1000) and not value_matches({"value": 1020}, 1000)
    assert read_number("$400 million") == (4e8, "USD")


def test_score_by_hand():
    res = score(GOLD, PRED)
    # tp: the K2 order and the strike; fp: the Swedish "procurement" (no shared value, evidence
    # too short) and the sanction; fn: the aid; the meeting pairs with optional gold (dropped)
    assert res["event"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert res["date_accuracy"] == 0.5 and res["dated_pairs"] == 2
    assert res["per_type"]["sanction"]["fp"] == 1
    assert res["unscored_docs_in_pred"] == 1
    assert "spurious" in format_report(res)


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not present")
def test_agrees_with_reference_scorer(tmp_path: Path):
    gold_path = tmp_path / "g.gold.jsonl"
    pred_path = tmp_path / "p.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in PRED))
    out = subprocess.run(
        [
            sys.executable,
            str(REFERENCE),
            "--gold",
            str(gold_path),
            "--pred",
            str(pred_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == score(GOLD, PRED)
