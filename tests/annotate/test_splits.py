"""The splits of our annotated set: study and held halves, and the fresh articles."""

from __future__ import annotations

import pytest

from materiel.evaluation.splits import fresh_ids, line, score_splits, split_of

GOLD = {
    "d1": {"doc": "d1", "published": "2025-03-02", "events": [
        {"type": "procurement", "args": {"buyer": ["Chile"], "item": ["Leopard 2A4"]},
         "evidence": "Chile ordered more Leopard 2A4 tanks in February."}]},
    "d2": {"doc": "d2", "published": "2025-03-02", "events": [
        {"type": "meeting", "args": {"participant": ["Kenya", "Ghana"]},
         "evidence": "The defence chiefs of Kenya and Ghana met in Accra."}]},
}
PREDICTIONS = [
    {"doc": "d1", "type": "procurement",
     "args": {"buyer": [{"text": "Chile"}], "item": [{"text": "Leopard 2A4"}]},
     "evidence": "Chile ordered more Leopard 2A4 tanks in February."},
    {"doc": "d2", "type": "strike", "args": {"attacker": [{"text": "Ghana"}]},
     "evidence": "Ghana struck a depot."},
]


def test_fresh_wins_over_the_halves():
    fresh = frozenset({"d1"})
    assert split_of("d1", fresh) == "fresh"
    halves = {split_of(f"doc-{i}", fresh) for i in range(40)}
    assert halves == {"study", "held"}
    assert split_of("doc-7", fresh) == split_of("doc-7", frozenset())


def test_each_split_scored_on_its_own_documents():
    results = score_splits(GOLD, PREDICTIONS, frozenset({"d1"}))
    assert results["fresh"]["event"]["f1"] == pytest.approx(1.0)
    assert results["all"]["gold_events"] == 2
    other = split_of("d2", frozenset())
    assert results[other]["event"]["f1"] == 0.0
    assert "event F1 1.0000" in line("fresh", results["fresh"])


def test_fresh_articles_are_annotated():
    from materiel.learn.data import training_set

    fresh = fresh_ids()
    assert len(fresh) >= 70
    annotated = {x.document.id for x in training_set(include_written=False)}
    assert fresh <= annotated
