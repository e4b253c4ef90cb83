"""Annotations stored as offsets: from what an annotator writes, back to the gold record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _shared import SHARED
from materiel.annotate import Articles, check, load_gold, to_gold, to_offsets
from materiel.annotate.agreement import agreement
from materiel.annotate.store import ANNOTATIONS

ARTICLE = {
    "id": "t-1", "published": "2025-02-14", "outlet": "test",
    "title": "Norway orders more howitzers",
    "text": ("Norway\u2019s defence ministry said on Friday it had ordered 24 K9 howitzers "
             "from Hanwha Aerospace for NOK 2 billion.\nThe talks in Oslo were \u201cfrank\u201d,"
             " the minister said."),
}
RAW = {"doc": "t-1", "published": "2025-02-14", "events": [
    {"type": "procurement", "status": "done", "date": "2025-02-14",
     "args": {"buyer": ["Norway|Norwegian government"], "seller": ["Hanwha Aerospace"],
              "item": ["K9 howitzers|K9"], "quantity": [24], "value": ["2000000000 NOK"]},
     # copied with straight quotes and a double space: still found
     "evidence": "Norway's defence ministry said on Friday it had  ordered 24 K9 howitzers"},
    {"type": "meeting", "optional": True, "args": {"location": ["Oslo"]},
     "evidence": 'The talks in Oslo were "frank"'},
]}


@pytest.fixture
def articles(tmp_path: Path) -> Articles:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "unlabeled.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    return Articles(tmp_path)


def test_offsets_hold_no_copied_text_and_rebuild_the_gold(articles):
    article = articles.get("t-1")
    assert [p for p in check(RAW, article) if p.fatal] == []
    stored = to_offsets(RAW, article, "tester")
    dumped = json.dumps(stored)
    assert "howitzers" not in dumped and "frank" not in dumped
    gold = to_gold(stored, article)
    first = gold["events"][0]
    assert first["evidence"].startswith("Norway\u2019s defence ministry")
    assert first["args"]["buyer"] == ["Norway|Norwegian government"]
    assert first["args"]["quantity"] == [24] and first["args"]["value"] == ["2000000000 NOK"]
    assert gold["events"][1]["optional"] is True
    assert gold["events"][1]["evidence"] == "The talks in Oslo were \u201cfrank\u201d"


def test_check_names_what_is_wrong(articles):
    bad = {"doc": "t-1", "events": [
        {"type": "purchase", "args": {}},
        {"type": "aid", "date": "14/02/2025", "args": {"buyer": ["Norway"]},
         "evidence": "x"},
        {"type": "procurement", "args": {"value": ["NOK 2 billion"]}, "evidence": "x"},
        {"type": "procurement", "args": {"seller": ["Hanwa"]},
         "evidence": "not in the article at all"},
    ]}
    lines = [str(p) for p in check(bad, articles.get("t-1"))]
    assert any("unknown type 'purchase'" in s for s in lines)
    assert any("is not YYYY" in s for s in lines)
    assert any("aid has no role 'buyer'" in s for s in lines)
    assert any("is not 'AMOUNT CUR'" in s for s in lines)
    assert any("evidence not in the article" in s for s in lines)
    assert any(s.startswith("warning:") and "'Hanwa'" in s for s in lines)


def test_identical_annotations_agree_fully(articles):
    gold = to_gold(to_offsets(RAW, articles.get("t-1"), "a"), articles.get("t-1"))
    result = agreement([gold], [gold])
    assert result["event_f1"] == 1.0 and result["argument_f1"] == 1.0


@pytest.mark.skipif(not (SHARED / "corpus" / "unlabeled.jsonl").exists(),
                    reason="shared corpus not present")
def test_every_stored_annotation_rebuilds_from_the_shared_corpus():
    pairs = load_gold([ANNOTATIONS / "corpus"], Articles(SHARED))
    assert len(pairs) >= 400
    n_events = 0
    for record, gold in pairs:
        text = (record["title"] or "") + "\n" + record["text"]
        for event in gold["events"]:
            n_events += 1
            if event.get("evidence"):
                assert event["evidence"] in text, (record["id"], event["evidence"][:60])
    assert n_events >= 500
