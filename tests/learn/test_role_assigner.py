"""The learned role assigner: candidate pairs, reassignment by a model, the shipped model,
and the labelling and fitting of training (sentences and gold written here)."""

from __future__ import annotations

import json
import time

import pytest

from materiel.extract.detector import RoleAssigner
from materiel.extract.roles import (
    MODEL_FILE,
    OFF,
    Caution,
    MentionRoles,
    candidate_pairs,
    handled_roles,
    load_roles,
    pair_features,
)
from materiel.learn.roles import (
    Row,
    choose_caution,
    fit,
    gold_event,
    pair_figures,
    pair_label,
    rules_precision,
    tally,
)
from materiel.nlp.types import EventMention, RoleValue

SALE = "Norway sold twelve patrol boats to Ghana on Monday."


@pytest.fixture(scope="module")
def nlp():
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    return cached_pipeline(PipelineConfig())


def _parse(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-06"
    doc._.context = {"doc": "t", "sentence": 0, "heading": False, "recall": True}
    return nlp(doc)


def _value(doc, role: str, text: str, label: str | None = "COUNTRY") -> RoleValue:
    start = doc.text.index(text)
    return RoleValue(role=role, text=text, start=start, end=start + len(text), label=label)


def _misread(doc) -> EventMention:
    """The sale read the wrong way round: the seller as the buyer, and a date as a party."""
    trigger = next(t for t in doc if t.lower_ == "sold")
    m = EventMention(type="procurement", trigger="sell", trigger_i=trigger.i,
                     trigger_start=trigger.idx)
    m.add(_value(doc, "buyer", "Norway"))
    m.add(_value(doc, "seller", "Ghana"))
    m.add(_value(doc, "seller", "Monday", "DATE"))
    m.add(_value(doc, "item", "patrol boats", None))
    return m


# A model written by hand: before the trigger sells, after "to" buys, dates are nobody.
HAND = RoleAssigner(
    {"seller": {"side=before": 4.0}, "buyer": {"prep=to": 4.0},
     "none": {"lab=DATE": 8.0}, "item": {}},
    {"seller": 0.0, "buyer": 0.0, "none": 1.0, "item": -5.0})
# lets the model have its way wherever it is fairly sure
BOLD = Caution(add=0.5, drop=0.5, switch=0.5, support=0.5)


def test_handled_roles_leave_goods_and_numbers_to_the_rules():
    assert handled_roles("procurement") == ("buyer", "seller")
    assert handled_roles("strike") == ("attacker", "target", "location")
    assert handled_roles("spending") == ("spender",)


def test_candidate_pairs_carry_the_rules_roles(nlp):
    doc = _parse(nlp, SALE)
    pairs = {p.mention.text: p.rule_role for p in candidate_pairs(doc, _misread(doc))}
    assert pairs["Norway"] == "buyer"
    assert pairs["Ghana"] == "seller"
    assert pairs["Monday"] == "seller"  # a rule value no mention covers is still a candidate
    features = pair_features(doc, _misread(doc), candidate_pairs(doc, _misread(doc))[0])
    assert features["rule=buyer"] == 1.0 and features["procurement|rule=buyer"] == 1.0
    assert features["trigger=sell"] == 1.0 and features["voice=active"] == 1.0


def test_assign_reads_the_parties_again_and_keeps_the_goods(nlp):
    doc = _parse(nlp, SALE)
    fixed = MentionRoles(HAND, BOLD).assign(doc, _misread(doc))
    texts = {role: [v.text for v in vals] for role, vals in fixed.args.items()}
    assert texts["seller"] == ["Norway"]
    assert texts["buyer"] == ["Ghana"]
    assert texts["item"] == ["patrol boats"]
    assert "Monday" not in str(texts)


def test_the_subject_of_a_receiving_verb_stays_the_recipient(nlp):
    doc = _parse(nlp, "Ghana will receive twelve patrol boats from Norway.")
    trigger = next(t for t in doc if t.lower_ == "receive")
    m = EventMention(type="aid", trigger="receive", trigger_i=trigger.i,
                     trigger_start=trigger.idx)
    m.add(_value(doc, "recipient", "Ghana"))
    m.add(_value(doc, "item", "patrol boats", None))
    # a model sure that whatever stands before the trigger gives
    giver = RoleAssigner({"donor": {"side=before": 6.0}, "recipient": {}, "none": {}},
                         {"donor": 0.0, "recipient": 0.0, "none": 0.0})
    read = MentionRoles(giver, BOLD).assign(doc, m)
    assert [v.text for v in read.args["recipient"]] == ["Ghana"]
    assert "donor" not in read.args or "Ghana" not in [v.text for v in read.args["donor"]]


def test_caution_keeps_the_rules_reading_unless_the_model_is_sure():
    judge = MentionRoles(HAND, Caution(add=0.7, drop=0.9, switch=0.7, support=0.2))
    assert judge.decide({"buyer": 0.45, "seller": 0.35, "none": 0.2}, "seller") == "seller"
    assert judge.decide({"buyer": 0.8, "seller": 0.1, "none": 0.1}, "seller") == "buyer"
    # a sure model does not move a value the rule still backs
    assert judge.decide({"buyer": 0.72, "seller": 0.25, "none": 0.03}, "seller") == "seller"
    assert judge.decide({"buyer": 0.1, "seller": 0.1, "none": 0.8}, "seller") == "seller"
    assert judge.decide({"buyer": 0.02, "seller": 0.03, "none": 0.95}, "seller") is None
    assert judge.decide({"buyer": 0.6, "seller": 0.1, "none": 0.3}, None) is None
    assert judge.decide({"buyer": 0.75, "seller": 0.1, "none": 0.15}, None) == "buyer"
    assert judge.decide({}, "seller") == "seller"
    assert judge.decide({"buyer": 0.9, "none": 0.1}, "seller") == "seller"  # a role it lacks


def test_each_role_has_its_own_bar_for_additions():
    judge = MentionRoles(HAND, Caution(add_role={"buyer": 0.6, "seller": OFF}))
    assert judge.decide({"buyer": 0.65, "seller": 0.1, "none": 0.25}, None) == "buyer"
    assert judge.decide({"buyer": 0.01, "seller": 0.98, "none": 0.01}, None) is None
    assert MentionRoles(HAND).decide({"buyer": 0.99, "seller": 0.0, "none": 0.01}, None) is None


def test_the_default_caution_changes_nothing(nlp):
    doc = _parse(nlp, SALE)
    read = MentionRoles(HAND).assign(doc, _misread(doc))
    assert [v.text for v in read.args["buyer"]] == ["Norway"]
    assert sorted(v.text for v in read.args["seller"]) == ["Ghana", "Monday"]


def test_pronouns_and_first_person_stay_as_read(nlp):
    doc = _parse(nlp, "We sold them to Ghana last year.")
    trigger = next(t for t in doc if t.lower_ == "sold")
    m = EventMention(type="procurement", trigger="sell", trigger_i=trigger.i,
                     trigger_start=trigger.idx)
    m.add(RoleValue(role="seller", text="We", start=0, end=2, label="FIRST_PERSON"))
    fixed = MentionRoles(HAND, BOLD).assign(doc, m)
    assert [v.text for v in fixed.args["seller"]] == ["We"]
    assert [v.text for v in fixed.args["buyer"]] == ["Ghana"]


def test_json_round_trip_and_inactive_models_are_not_loaded(tmp_path):
    model = MentionRoles(HAND, Caution(add=0.8, add_role={"buyer": 0.6}, switch=0.7,
                                       support=0.2), active=False)
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(model.to_json()))
    assert load_roles(str(path)) is None
    again = load_roles(str(path), inactive=True)
    assert again == model


def test_shipped_model_is_small_and_quick_to_load():
    if not MODEL_FILE.is_file():
        pytest.skip("no trained role assigner shipped")
    assert MODEL_FILE.stat().st_size < 600_000
    started = time.perf_counter()
    model = MentionRoles.from_json(json.loads(MODEL_FILE.read_text()))
    assert time.perf_counter() - started < 0.5
    assert {"none", "buyer", "seller", "donor", "recipient"} <= set(model.model.weights)


GOLD = [
    {"type": "procurement", "args": {"buyer": ["Ghana|Ghanaian government"],
                                     "seller": ["Norway"], "item": ["patrol boats"]},
     "evidence": SALE},
    {"type": "aid", "args": {"donor": ["Norway"], "recipient": ["Ghana"]},
     "evidence": "Norway also gave Ghana two radars."},
]


def test_training_labels_come_from_the_gold_event_the_mention_reads(nlp):
    doc = _parse(nlp, SALE)
    m = _misread(doc)
    gold = gold_event(m, SALE, GOLD)
    assert gold is GOLD[0]
    assert pair_label("Norway", gold, "procurement") == "seller"
    assert pair_label("the Ghanaian government", gold, "procurement") == "buyer"
    assert pair_label("Monday", gold, "procurement") == "none"
    assert pair_label("patrol boats", gold, "procurement") == "item"
    assert gold_event(m, "Something else happened in the port of Accra.", GOLD[1:]) is None
    optional = [{**GOLD[0], "optional": True}]
    assert gold_event(m, SALE, optional) is None


def test_fit_learns_the_side_of_a_sale_and_pair_figures_count_it():
    rows = []
    for k in range(12):
        for side, label in (("before", "seller"), ("after", "buyer")):
            rows.append(Row(f"d{k}", "g", "procurement",
                            {f"side={side}": 1.0, "rule=buyer": 1.0}, label, "buyer", k))
    model = fit(rows, 1.0)
    assert model.role({"side=before": 1.0, "rule=buyer": 1.0}, "procurement")[0] == "seller"
    assert model.role({"side=after": 1.0, "rule=buyer": 1.0}, "procurement")[0] == "buyer"
    rules = pair_figures(rows, [r.rule_role for r in rows])
    learned = pair_figures(rows, [r.label for r in rows])
    assert rules["f1"] == 0.5 and learned["f1"] == 1.0


def test_the_extractor_applies_its_role_assigner_to_the_rules_mentions():
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document

    doc = Document(id="roles-1", text=f"{SALE} The boats will guard the coast.",
                   published="2025-03-06")
    extractor = Extractor()
    extractor.roles = None
    plain = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    assert plain and "Norway" in [a.text for a in plain[0].args.get("seller", [])]
    # a model that reads every party of a sale as its buyer shows that the hook is used
    everyone_buys = RoleAssigner({"buyer": {"bias_pair": 0.0}, "seller": {}, "none": {}},
                                 {"buyer": 5.0, "seller": 0.0, "none": 0.0})
    extractor.roles = MentionRoles(everyone_buys, BOLD)
    read = [e for e in extractor.extract(clean(doc)) if e.type == "procurement"]
    buyers = [a.text for e in read for a in e.args.get("buyer", [])]
    assert "Norway" in buyers and "Ghana" in buyers
    assert not any(e.args.get("seller") for e in read)


def _rows(n_right: int, n_wrong: int, role: str, rule: str | None, p: float
          ) -> tuple[list[Row], list[dict[str, float]]]:
    """Pairs of a sale where the model gives `role` probability `p`; `n_right` of them are
    gold `role`, the rest gold nothing."""
    rows, probs = [], []
    other = "seller" if role == "buyer" else "buyer"
    for k in range(n_right + n_wrong):
        label = role if k < n_right else "none"
        rows.append(Row(f"d{k}", "g", "procurement", {}, label, rule, k))
        probs.append({role: p, other: (1 - p) / 2, "none": (1 - p) / 2})
    return rows, probs


def test_bars_are_set_where_changes_are_as_right_as_the_rules():
    ruled, ruled_p = [], []
    for k in range(20):  # the rules are right 3 times in 4
        rows, probs = _rows(1, 0, "buyer", "buyer", 0.6) if k % 4 else _rows(0, 1, "buyer",
                                                                               "buyer", 0.6)
        ruled += rows
        ruled_p += probs
    assert rules_precision(ruled) == 0.75
    good, good_p = _rows(18, 2, "buyer", None, 0.75)  # additions of buyers: 90 % right
    bad, bad_p = _rows(10, 10, "seller", None, 0.95)  # of sellers: half right
    rows, probs = ruled + good + bad, ruled_p + good_p + bad_p
    caution = choose_caution(rows, probs)
    assert caution.add_role["buyer"] == 0.7  # the highest bar that still takes them all
    assert caution.add_role["seller"] == OFF
    assert caution.drop == OFF and caution.switch == OFF
    changes = tally(rows, probs, caution)
    assert changes[("add", "buyer", True)] == 18 and changes[("add", "buyer", False)] == 2
    assert not any(kind == "add" and role == "seller" for kind, role, _ok in changes)
