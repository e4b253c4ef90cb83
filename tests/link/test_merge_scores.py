"""Scoring merges against a merge set: pairwise precision and recall, near misses, records
per real event, on a small set written here."""

from __future__ import annotations

import pytest

from materiel.annotate.merges import ApartPair, Cluster, Mention, MergeSet
from materiel.evaluation.merging import half_of, overlap, score, select_half


def m(doc: str) -> Mention:
    return Mention(doc=doc, start=0, end=10)


SET = MergeSet(
    clusters=(Cluster("c1", "aid", (m("a"), m("b"), m("c"))),
              Cluster("c2", "meeting", (m("d"), m("e")))),
    pairs=(ApartPair("p1", m("a"), m("x")), ApartPair("p2", m("d"), m("y"))),
)


def test_perfect_merging():
    assigned = {m("a"): frozenset({1}), m("b"): frozenset({1}), m("c"): frozenset({1}),
                m("d"): frozenset({2}), m("e"): frozenset({2}),
                m("x"): frozenset({3}), m("y"): frozenset({4})}
    s = score(SET, assigned)
    assert (s.precision, s.recall, s.recall_extracted, s.records_per_event) == (1, 1, 1, 1)
    assert s.near_miss_merged == 0 and s.near_miss_extracted == 2


def test_split_merged_and_missing_members():
    assigned = {m("a"): frozenset({1}), m("b"): frozenset({1}), m("c"): frozenset({5}),
                m("d"): frozenset({2}),  # e was not extracted
                m("x"): frozenset({1}), m("y"): frozenset({7})}
    s = score(SET, assigned)
    assert (s.gold_pairs, s.extracted_pairs, s.merged_gold_pairs) == (4, 3, 1)
    assert s.recall == pytest.approx(1 / 4) and s.recall_extracted == pytest.approx(1 / 3)
    # a-b is right; a-x (a near miss) is wrong
    assert (s.correct_pairs, s.predicted_pairs, s.near_miss_merged) == (1, 2, 1)
    assert s.records_per_event == pytest.approx((2 + 1) / 2)


def test_clusters_merged_together_cost_precision():
    together = {mention: frozenset({1}) for c in SET.clusters for mention in c.members}
    s = score(SET, together)
    assert s.recall == 1 and s.predicted_pairs == 4 + 3 * 2 and s.correct_pairs == 4


def test_halves_are_stable_and_cover_the_set():
    assert half_of("c001") == half_of("c001")
    halves = [select_half(SET, h) for h in ("study", "held")]
    assert sum(len(h.clusters) for h in halves) == len(SET.clusters)
    assert sum(len(h.pairs) for h in halves) == len(SET.pairs)


def test_overlap_of_sentences():
    assert overlap("The US sent HAWK missiles.", "the us sent hawk missiles to Kyiv") == 1.0
    assert overlap("", "anything") == 0.0
