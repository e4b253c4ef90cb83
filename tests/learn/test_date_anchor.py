"""The learned date anchor: candidates and their features, the choice of a model, the shipped
model, and the labelling and fitting of training (sentences and gold written here)."""

from __future__ import annotations

import json
import time

import pytest

from materiel.extract.date_anchor import (
    MODEL_FILE,
    NO_DATE,
    DateAnchor,
    date_candidates,
    load_date_anchor,
)
from materiel.learn.dates import Row, candidate_labels, fit, mention_accuracy
from materiel.nlp.types import DateValue

PUBLISHED = "2025-03-06"  # a Thursday
ORDER = "Spain ordered 12 jets on Monday and expects deliveries by 2030."


@pytest.fixture(scope="module")
def nlp():
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    return cached_pipeline(PipelineConfig())


def _parse(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc._.context = {"doc": "t", "sentence": 0, "heading": False, "recall": True}
    return nlp(doc)


def _mention(doc, type_: str):
    return next(m for m in doc._.mentions if m.type == type_)


def _texts(cands) -> list[str]:
    return [c.date.text if c.date is not None else NO_DATE for c in cands]


def test_candidates_are_every_expression_targets_included_and_no_date(nlp):
    doc = _parse(nlp, ORDER)
    cands = date_candidates(doc, _mention(doc, "procurement"))
    assert _texts(cands) == ["on Monday", "2030", NO_DATE]
    monday, target, none = cands
    assert monday.chosen_by_rules and not target.chosen_by_rules and not none.chosen_by_rules
    assert monday.features["rules' choice"] == 1.0 and monday.features["attached"] == 1.0
    assert target.features["target"] == 1.0 and "rules' choice" not in target.features
    assert target.features["after trigger"] == 1.0 and target.features["governor by"] == 1.0
    assert none.features[NO_DATE] == 1.0


def test_the_shipped_model_dates_the_order_by_its_day_not_the_target(nlp):
    model = load_date_anchor(inactive=True)
    assert model is not None
    doc = _parse(nlp, ORDER)
    m = model.anchor(doc, _mention(doc, "procurement"))
    assert m.date is not None and m.date.text == "on Monday" and m.date.value == "2025-03-03"


def test_the_shipped_model_dates_a_past_purchase_by_its_year_not_the_report(nlp):
    model = load_date_anchor(inactive=True)
    assert model is not None
    doc = _parse(nlp, "Chile bought 24 jets from Brazil in 2021, the ministry said on Tuesday.")
    m = model.anchor(doc, _mention(doc, "procurement"))
    assert m.date is not None and m.date.value == "2021"


def test_a_model_may_choose_no_date_or_another_expression(nlp):
    doc = _parse(nlp, ORDER)
    undated = DateAnchor({NO_DATE: 5.0}).anchor(doc, _mention(doc, "procurement"))
    assert undated.date is None
    doc = _parse(nlp, ORDER)
    targeted = DateAnchor({"target": 5.0}).anchor(doc, _mention(doc, "procurement"))
    assert targeted.date is not None and targeted.date.value == "2030"
    doc = _parse(nlp, ORDER)  # on a tie the rules' choice stands
    assert DateAnchor({}).anchor(doc, _mention(doc, "procurement")).date.text == "on Monday"


def test_json_round_trip_and_inactive_models_are_not_loaded(tmp_path):
    model = DateAnchor({"rules' choice": 2.0, NO_DATE: -0.5}, active=False)
    path = tmp_path / "dates.json"
    path.write_text(json.dumps(model.to_json()))
    assert DateAnchor.from_json(json.loads(path.read_text())) == model
    assert load_date_anchor(str(path)) is None
    assert load_date_anchor(str(path), inactive=True) == model


def test_shipped_model_is_small_and_quick_to_load():
    assert MODEL_FILE.is_file() and MODEL_FILE.stat().st_size < 50_000
    started = time.perf_counter()
    model = DateAnchor.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    assert time.perf_counter() - started < 1.0
    assert model.weights["rules' choice"] > 0


def test_labels_agree_with_the_gold_date_at_its_precision(nlp):
    doc = _parse(nlp, ORDER)
    cands = date_candidates(doc, _mention(doc, "procurement"))
    assert candidate_labels(cands, "2025-03", None, PUBLISHED) == [1, 0, 1]
    assert candidate_labels(cands, "2025-03-03", None, PUBLISHED) == [1, 0, 0]
    story = DateValue("2025-02-27", "day", 0, 5, "Feb 27")
    assert candidate_labels(cands, "2025-02-27", story, PUBLISHED) == [0, 0, 1]


def _rows(mention: int, future_right: bool) -> list[Row]:
    """A mention whose rules chose a future date, and its "no date" candidate."""
    future = {"date": 1.0, "rules' choice": 1.0, "future": 1.0}
    none = {NO_DATE: 1.0}
    return [Row("g" if mention % 2 else "h", mention, future, int(future_right), True),
            Row("g" if mention % 2 else "h", mention, none, int(not future_right), False)]


def test_fit_learns_when_the_rules_choice_is_wrong_and_accuracy_counts_it():
    rows = []
    for k in range(40):
        rows += _rows(k, future_right=False)
        plain = {"date": 1.0, "rules' choice": 1.0}
        rows += [Row("g" if k % 2 else "h", 100 + k, plain, 1, True),
                 Row("g" if k % 2 else "h", 100 + k, {NO_DATE: 1.0}, 0, False)]
    model = fit(rows, 1.0)
    assert model.score({NO_DATE: 1.0}) > model.score({"date": 1.0, "rules' choice": 1.0,
                                                      "future": 1.0})
    assert model.score({"date": 1.0, "rules' choice": 1.0}) > model.score({NO_DATE: 1.0})
    figures = mention_accuracy(rows, {"g": model, "h": model})
    assert figures["all"] == {"mentions": 80, "rules": 0.5, "anchor": 1.0}


def test_the_extractor_applies_its_date_anchor():
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document

    doc = Document(id="dates-1", text=f"{ORDER} The jets will replace older ones.",
                   published=PUBLISHED)
    extractor = Extractor()
    extractor.dates = None
    plain = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    assert plain and plain[0].date == "2025-03-03"
    extractor.dates = DateAnchor({NO_DATE: 5.0})  # no date from the sentence: the publication's
    undated = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    assert undated and undated[0].date == PUBLISHED


def test_the_anchor_dates_events_after_the_merge_and_never_changes_it():
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document

    # two orders the rules keep apart by their dates: undated by the anchor they stay apart
    text = ("Spain ordered 12 Eurofighter jets on Monday. "
            "Spain ordered 12 Eurofighter jets on 3 February 2024.")
    doc = Document(id="dates-2", text=text, published=PUBLISHED)
    extractor = Extractor()
    extractor.dates = None
    plain = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    extractor.dates = DateAnchor({NO_DATE: 5.0})
    anchored = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    assert [e.evidence for e in anchored] == [e.evidence for e in plain]
    assert len({e.date for e in plain}) == len(plain)
    assert all(e.date != "2024-02-03" for e in anchored)


def test_a_recorder_takes_no_rows_from_the_documents_left_out(nlp):
    from materiel.learn.data import Example
    from materiel.learn.dates import Collected, Recorder
    from materiel.models import Document

    example = Example(Document(id="t", text=ORDER, published=PUBLISHED), {"events": []}, "g")
    for exclude, recorded in ((frozenset(), 1), (frozenset({"t"}), 0)):
        out = Collected()
        doc = _parse(nlp, ORDER)
        date = Recorder({"t": example}, out, exclude=exclude).date_for(
            doc, _mention(doc, "procurement"))
        assert out.mentions == recorded
        assert date is not None and date.text == "on Monday"  # no model: the rules' date
