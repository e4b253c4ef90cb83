"""Precision audit gate: the events judged by hand on unannotated articles
(annotations/audit/judged.jsonl) are extracted again; the rules must keep the events judged
right and must not bring back the ones judged wrong. Floors are today's counts, with a small
margin. Skipped when ../shared is absent."""

from __future__ import annotations

import json

import pytest

from _shared import SHARED  # noqa: E402
from materiel.annotate.articles import Articles
from materiel.evaluation.audit import AUDIT_FILE, compare, extract, load_judgments, report

# 2026-12-07, three samples: right 297 of 299, right-roles-wrong 65 of 65, wrong 156 of 236
# still extracted
MIN_RIGHT_KEPT = 358  # right and right-roles-wrong, of 364
MAX_WRONG_KEPT = 159


@pytest.mark.skipif(not (SHARED / "corpus" / "unlabeled.jsonl").is_file(),
                    reason="../shared is absent")
def test_judged_right_events_stay_and_judged_wrong_ones_stay_out() -> None:
    articles = Articles(SHARED)
    judgments = load_judgments(AUDIT_FILE, articles)
    result = compare(judgments, extract({j.doc for j in judgments}, articles))
    kept = result["kept"]
    right = kept.get("right", 0) + kept.get("right-roles-wrong", 0)
    assert right >= MIN_RIGHT_KEPT, report(result)
    assert kept.get("wrong", 0) <= MAX_WRONG_KEPT, report(result)


def test_compare_pairs_a_judged_event_by_document_type_and_opening(tmp_path) -> None:
    text = "Ostmark ordered 12 Lindell jets on Monday.  The deal was signed in Kerel."
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "unlabeled.jsonl").write_text(json.dumps(
        {"id": "d1", "title": "Jets", "text": text, "published": "2024-05-10"}) + "\n")
    audit = tmp_path / "judged.jsonl"
    audit.write_text("\n".join(json.dumps(r) for r in [
        {"doc": "d1", "type": "procurement", "field": "text", "start": 0, "end": 26,
         "verdict": "right", "cause": ""},
        {"doc": "d1", "type": "agreement", "field": "text", "start": 44, "end": 60,
         "verdict": "wrong", "cause": "the same deal"},
    ]) + "\n")
    judgments = load_judgments(audit, Articles(tmp_path))
    assert [j.opening for j in judgments] == ["Ostmark ordered 12 Lindell", "The deal was sig"]
    events = [
        {"doc": "d1", "type": "procurement",
         "evidence": "Ostmark ordered 12 Lindell jets on Monday."},
        {"doc": "d1", "type": "meeting", "evidence": "The deal was signed in Kerel."},
    ]
    result = compare(judgments, events)
    assert result["kept"] == {"right": 1}  # the agreement is not extracted: a meeting is no match
    assert result["unjudged"] == 1


def test_one_extracted_event_answers_one_judgment() -> None:
    from materiel.evaluation.audit import Judgment

    opening = "Ostmark ordered 12 Lindell jets"
    judgments = [Judgment("d1", "procurement", opening, verdict, "", 2)
                 for verdict in ("right", "wrong")]
    one = [{"doc": "d1", "type": "procurement", "evidence": opening + " and 4 radars."}]
    assert compare(judgments, one)["kept"] == {"right": 1}
    two = [dict(one[0]), dict(one[0])]
    assert compare(judgments, two)["kept"] == {"right": 1, "wrong": 1}
