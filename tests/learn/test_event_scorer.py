"""The learned event scorer: run-time scoring, calibration, and training end to end on a
few documents written here."""

from __future__ import annotations

import json

import pytest

from materiel.learn.data import Example
from materiel.learn.events import label, reliability, train
from materiel.learn.scorer import EventScorer, load_scorer
from materiel.models import Document


def test_probability_is_the_calibrated_logistic_score():
    scorer = EventScorer({"type=aid": 2.0, "w=urged": -3.0}, -0.5, 0.4,
                         (0.1, 0.5, 0.9), (0.0, 0.5, 1.0))
    high = scorer.probability({"type=aid": 1.0})
    low = scorer.probability({"type=aid": 1.0, "w=urged": 1.0})
    assert 0.0 <= low < high <= 1.0
    assert scorer.calibrate(0.05) == 0.0 and scorer.calibrate(0.95) == 1.0
    assert scorer.calibrate(0.7) == pytest.approx(0.75)
    assert EventScorer.from_json(json.loads(json.dumps(scorer.to_json()))) == scorer


def test_the_shipped_model_loads_fast_and_scores():
    scorer = load_scorer()
    if scorer is None:
        pytest.skip("no trained model shipped")
    assert 0.0 <= scorer.threshold <= scorer.threshold_dropped
    assert 0.0 <= scorer.probability({"type=procurement": 1.0, "has=procurement:buyer": 1.0}) <= 1


def test_labels_follow_the_scorer_pairing():
    gold = [{"type": "aid", "args": {"donor": ["Norway"], "recipient": ["Ukraine"]},
             "evidence": "Norway will send 20 boats to Ukraine"},
            {"type": "meeting", "optional": True, "args": {"participant": ["Oslo"]}}]
    preds = [{"type": "aid", "args": {"donor": [{"text": "Norway"}],
                                      "recipient": [{"text": "Ukraine"}]}, "evidence": ""},
             {"type": "aid", "args": {"recipient": [{"text": "Ukraine"}]}, "evidence": ""},
             {"type": "meeting", "args": {"participant": [{"text": "Oslo"}]}, "evidence": ""}]
    assert label(preds, gold) == [1, 0, None]


def test_reliability_bins_count_every_prediction():
    table = reliability([0.05, 0.15, 0.95, 1.0], [0, 0, 1, 1])
    assert sum(row["n"] for row in table) == 4
    assert table[-1]["right"] == 1.0


def _example(i: int, group: str, real: bool) -> Example:
    country = ["Norway", "Chile", "Japan", "Kenya", "Peru", "Greece"][i % 6]
    if real:
        text = (f"{country}'s defence ministry signed a contract on Tuesday with Saab for "
                f"{i + 3} radars worth ${i + 20} million.")
        events = [{"type": "procurement", "args": {"buyer": [country], "seller": ["Saab"],
                                                   "quantity": [i + 3]},
                   "evidence": text}]
    else:
        text = (f"Critics urged {country} to buy {i + 3} radars from Saab, but the defence "
                f"ministry has no such plan.")
        events = []
    doc = Document(id=f"{group}-{i}", text=text, published="2025-03-06", outlet=group)
    return Example(doc, {"doc": doc.id, "events": events}, group)


@pytest.mark.slow
def test_training_writes_a_model_and_its_outlet_figures(tmp_path):
    examples = [_example(i, group, real=i % 2 == 0)
                for group in ("alpha", "beta", "gamma") for i in range(8)]
    figures = train(tmp_path, examples)
    model = json.loads((tmp_path / "events.json").read_text())
    assert model["weights"] and 0 <= model["threshold"] <= model["threshold_dropped"]
    assert set(figures["loo_outlet"]["per_outlet"]) == {"alpha", "beta", "gamma"}
    assert figures["right"] >= 10
