"""The cross-document merge set: loading, rebuilding sentences from offsets, and the checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _shared import SHARED
from materiel.annotate import Articles
from materiel.annotate.__main__ import main
from materiel.annotate.merges import MERGE_DIR, check, counts, load, sentence

# Two outlets report one order; a third article reports a later, different order.
ARTICLES = [
    {"id": "m-1", "outlet": "wire", "published": "2025-03-03", "title": "Oslo buys howitzers",
     "text": "Norway signed a contract for 24 K9 howitzers on Monday. Deliveries start in 2026."},
    {"id": "m-2", "outlet": "daily", "published": "2025-03-04", "title": "K9 deal",
     "text": "Officials said on Tuesday. Oslo has ordered 24 K9 guns from Hanwha this week."},
    {"id": "m-3", "outlet": "daily", "published": "2025-09-01", "title": "More K9",
     "text": "Norway ordered another 12 K9 howitzers in September, after the spring deal."},
]


def _span(doc: str, phrase: str, **extra: Any) -> dict[str, Any]:
    text = next(a["text"] for a in ARTICLES if a["id"] == doc)
    start = text.index(phrase)
    return {"doc": doc, "start": start, "end": start + len(phrase), **extra}


ORDER_1 = _span("m-1", "Norway signed a contract for 24 K9 howitzers on Monday.")
ORDER_1_AGAIN = _span("m-2", "Oslo has ordered 24 K9 guns from Hanwha this week.")
ORDER_2 = _span("m-3",
                "Norway ordered another 12 K9 howitzers in September, after the spring deal.")


def _cluster(cid: str, *members: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"cluster": cid, "type": "procurement", "members": list(members),
            "canonical": {"date": "2025-03", "buyer": ["Norway"], "quantity": [24]},
            "note": "test", **extra}


def _pair(pid: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"pair": pid, "a": {**a, "type": "procurement"}, "b": {**b, "type": "procurement"},
            "reason": "a first order and a later one"}


def _write(directory: Path, clusters: list[dict], pairs: list[dict]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in (("clusters.jsonl", clusters), ("apart.jsonl", pairs)):
        (directory / name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    return directory


@pytest.fixture
def articles(tmp_path: Path) -> Articles:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "unlabeled.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in ARTICLES))
    return Articles(tmp_path)


def _messages(tmp_path: Path, articles: Articles, clusters: list[dict], pairs: list[dict]
              ) -> list[str]:
    merge_set = load(_write(tmp_path / "merge", clusters, pairs))
    return [p.message for p in check(merge_set, articles) if p.fatal]


def test_a_clean_set_loads_rebuilds_its_sentences_and_checks_clean(tmp_path, articles):
    merge_set = load(_write(tmp_path / "merge", [_cluster("c1", ORDER_1, ORDER_1_AGAIN)],
                            [_pair("p1", ORDER_1, ORDER_2)]))
    assert check(merge_set, articles) == []
    first, second = merge_set.clusters[0].members
    assert sentence(first, articles).startswith("Norway signed a contract")
    assert sentence(second, articles) == "Oslo has ordered 24 K9 guns from Hanwha this week."
    assert merge_set.pairs[0].b.type == "procurement"
    assert [(a.doc, b.doc) for a, b in merge_set.same_event_pairs()] == [("m-1", "m-2")]
    assert [(a.doc, b.doc) for a, b in merge_set.different_event_pairs()] == [("m-1", "m-3")]
    tally = counts(merge_set, articles)
    assert tally["cross_outlet_clusters"]["procurement"] == 1
    assert tally["member_outlets"] == {"wire": 1, "daily": 1}


def test_spans_out_of_range_or_off_a_sentence_are_errors(tmp_path, articles):
    beyond = {**ORDER_1_AGAIN, "end": 10_000}
    mid_word = {**ORDER_1, "start": ORDER_1["start"] + 2}
    too_short = _span("m-3", "Norway ordered")
    unknown = {"doc": "m-404", "start": 0, "end": 5}
    msgs = _messages(tmp_path, articles,
                     [_cluster("c1", beyond, mid_word), _cluster("c2", too_short, unknown)], [])
    assert any("out of range" in m for m in msgs)
    assert any("starts inside a word" in m for m in msgs)
    assert any("not sentence-like" in m for m in msgs)
    assert any("m-404 is not in the shared corpus" in m for m in msgs)


def test_members_must_be_distinct_documents_and_spans_belong_to_one_cluster(tmp_path, articles):
    other_sentence = _span("m-1", "Deliveries start in 2026.")
    msgs = _messages(tmp_path, articles,
                     [_cluster("c1", ORDER_1, other_sentence),
                      _cluster("c2", ORDER_1, ORDER_1_AGAIN)], [])
    assert any("m-1 appears 2 times" in m for m in msgs)
    assert any("is also in c1" in m for m in msgs)


def test_a_pair_that_a_cluster_joins_or_a_singleton_cluster_is_an_error(tmp_path, articles):
    msgs = _messages(tmp_path, articles,
                     [_cluster("c1", ORDER_1, ORDER_1_AGAIN), _cluster("c2", ORDER_2)],
                     [_pair("p1", ORDER_1, ORDER_1_AGAIN), _pair("p2", ORDER_2, ORDER_2)])
    assert any("both sides are in c1" in m for m in msgs)
    assert any("same span" in m for m in msgs)
    assert any("fewer than two members" in m for m in msgs)


def test_canonical_values_are_short_facts_of_the_cluster_type(tmp_path, articles):
    prose = "Norway signed a contract for twenty-four K9 howitzers with the South Korean maker"
    bad = _cluster("c1", ORDER_1, ORDER_1_AGAIN,
                   canonical={"buyer": [prose + " on a Monday morning"], "donor": ["Norway"]})
    msgs = _messages(tmp_path, articles, [bad], [])
    assert any("is prose" in m for m in msgs)
    assert any("procurement has no role 'donor'" in m for m in msgs)


def test_the_subcommand_reports_counts_and_fails_on_errors(tmp_path, articles, monkeypatch,
                                                           capsys):
    monkeypatch.setenv("MATERIEL_SHARED", str(articles.root))
    good = _write(tmp_path / "good", [_cluster("c1", ORDER_1, ORDER_1_AGAIN)],
                  [_pair("p1", ORDER_1, ORDER_2)])
    assert main(["merges", str(good)]) == 0
    out = capsys.readouterr().out
    assert "clusters 1  members 2  cross-outlet 1  near-miss pairs 1" in out
    bad = _write(tmp_path / "bad", [_cluster("c1", ORDER_1)], [])
    assert main(["merges", str(bad)]) == 1
    assert "fewer than two members" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED / "corpus" / "unlabeled.jsonl").is_file(),
                    reason="shared corpus not present")
def test_the_stored_merge_set_loads_and_checks_clean():
    articles = Articles(SHARED)
    merge_set = load(MERGE_DIR)
    assert len(merge_set.clusters) >= 60 and len(merge_set.pairs) >= 40
    assert [str(p) for p in check(merge_set, articles)] == []
