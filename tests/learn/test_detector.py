"""The learned candidate generator: sentence event detector and role assigner (run time, the
shipped model on sentences written here, and training end to end on a few documents)."""

from __future__ import annotations

import json

import pytest

from materiel.extract.detector import (
    REJECTED,
    DetectorModel,
    RoleAssigner,
    SentenceDetector,
    load_detector,
    mention_features,
    mentions,
    sentence_features,
)
from materiel.learn.data import Example
from materiel.models import Document


@pytest.fixture(scope="module")
def nlp():
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    return cached_pipeline(PipelineConfig())


@pytest.fixture(scope="module")
def shipped() -> DetectorModel:
    model = load_detector()
    if model is None:
        pytest.skip("no trained detector shipped")
    return model


def _parse(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-06"
    doc._.context = {"doc": "t", "sentence": 0, "heading": False, "recall": True}
    return nlp(doc)


def test_models_score_and_round_trip_through_json():
    det = SentenceDetector({"procurement": {"w=buy": 3.0}, "meeting": {"w=met": 3.0}},
                           {"procurement": -1.0, "meeting": -1.0},
                           {"procurement": 0.5, "meeting": 0.5})
    probs = det.probabilities({"w=buy": 1.0})
    assert probs["procurement"] > 0.8 > 0.3 > probs["meeting"]
    roles = RoleAssigner({"buyer": {"lab=COUNTRY": 2.0}, "seller": {"lab=COMPANY": 2.0},
                          "participant": {"lab=COUNTRY": 5.0}, "none": {}},
                         {"buyer": 0.0, "seller": 0.0, "participant": 0.0, "none": 0.5})
    # only the type's own roles compete: "participant" is no role of a procurement
    assert roles.role({"lab=COUNTRY": 1.0}, "procurement")[0] == "buyer"
    assert roles.role({"lab=COMPANY": 1.0}, "procurement")[0] == "seller"
    assert roles.role({"lab=DATE": 1.0}, "procurement")[0] is None
    model = DetectorModel(det, roles)
    assert DetectorModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_mentions_cover_parties_items_and_numbers(nlp):
    doc = _parse(nlp, "Poland bought 48 K2 tanks from Hyundai Rotem for $3.4 billion.")
    found = {m.text: m for m in mentions(doc)}
    assert "Poland" in found and "Hyundai Rotem" in found
    assert any("tanks" in t for t in found)
    assert any(m.label == "MONEY" and m.value == pytest.approx(3.4e9) for m in found.values())
    assert any(m.label == "QUANTITY" and m.value == 48 for m in found.values())
    feats = mention_features(doc, found["Hyundai Rotem"], "procurement", 1)
    assert feats["prep=from"] == 1.0 and feats["procurement|prep=from"] == 1.0


def test_detector_flags_a_purchase_and_not_a_football_match(nlp, shipped):
    buy = _parse(nlp, "The Norwegian defence ministry signed a contract with Kongsberg on "
                      "Tuesday to buy 24 air defence launchers for the army.")
    sport = _parse(nlp, "The home side beat the visitors 3-1 on Saturday, with two late goals "
                        "from their captain in front of a full stadium.")
    p_buy = shipped.probabilities(buy)
    p_sport = shipped.probabilities(sport)
    assert p_buy["procurement"] >= shipped.detector.threshold["procurement"]
    assert p_buy["procurement"] > 0.5
    assert max(p_sport.values()) < min(shipped.detector.threshold.values())
    assert shipped.propose(sport, p_sport, set()) == []


def test_role_assigner_reads_buyer_and_seller(nlp, shipped):
    doc = _parse(nlp, "Chile bought twelve patrol boats from Saab, the defence ministry said.")
    got = shipped.mention(doc, "procurement", 0.9, mentions(doc))
    assert got.rejected == REJECTED and got.trigger == REJECTED
    assert [v.text for v in got.values("buyer")] == ["Chile"]
    assert [v.text for v in got.values("seller")] == ["Saab"]


def test_sentence_features_see_triggers_entities_and_money(nlp):
    doc = _parse(nlp, "Germany will buy 200,000 artillery shells from Rheinmetall for €2 billion.")
    f = sentence_features(doc, heading=True, context={"doc_t=aid": 1.0})
    assert f["heading"] == 1.0 and f["doc_t=aid"] == 1.0
    assert f["n=money"] == 1.0 and f["modal=will"] == 1.0
    assert f["t=procurement"] == 1.0
    assert any(k.startswith("e=") for k in f)


def _example(i: int, group: str, real: bool) -> Example:
    country = ["Norway", "Chile", "Japan", "Kenya", "Peru", "Greece"][i % 6]
    if real:
        text = (f"Talks went well. {country} acquired {i + 3} radars from Saab last week, the "
                f"ministry said. The weather was mild.")
        events = [{"type": "procurement", "args": {"buyer": [country], "seller": ["Saab"],
                                                   "quantity": [i + 3]},
                   "evidence": f"{country} acquired {i + 3} radars from Saab last week"}]
    else:
        text = (f"Fans in {country} cheered as the national team won the cup on Sunday. The "
                f"coach praised the players.")
        events = []
    doc = Document(id=f"{group}-{i}", text=text, published="2025-03-06", outlet=group)
    return Example(doc, {"doc": doc.id, "events": events}, group)


@pytest.mark.slow
def test_training_writes_a_model_and_its_outlet_figures(tmp_path):
    from materiel.learn.detector import train

    examples = [_example(i, group, real=i % 2 == 0)
                for group in ("alpha", "beta", "gamma") for i in range(8)]
    figures = train(tmp_path, examples)
    model = DetectorModel.from_json(json.loads((tmp_path / "detector.json").read_text()))
    assert model.detector.weights["procurement"]
    assert figures["positive_pairs"] == 12
    assert figures["loo_outlet"]["per_type"]["procurement"]["positive_sentences"] == 12
    assert 0 <= figures["loo_outlet"]["roles"]["f1"] <= 1


def test_a_detector_role_keeps_only_its_most_likely_values() -> None:
    from materiel.extract.detector import Mention, keep_most_likely

    def men(start: int, text: str) -> Mention:
        return Mention(start=start, end=start + len(text), text=text, head=0, label="GPE")

    chosen = [("buyer", 0.4, men(0, "Alpha")), ("buyer", 0.9, men(10, "Beta")),
              ("buyer", 0.6, men(20, "Gamma")), ("item", 0.5, men(30, "rifles")),
              ("item", 0.7, men(40, "trucks")), ("item", 0.2, men(50, "boots"))]
    kept = keep_most_likely(chosen)
    assert [(role, m.text) for role, _p, m in kept] == [
        ("buyer", "Beta"), ("item", "rifles"), ("item", "trucks")]
