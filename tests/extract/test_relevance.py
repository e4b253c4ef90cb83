"""The trained relevance filter: loads and scores fast, decides as expected on texts written
here, deterministically, and trains on a tiny data set."""

from __future__ import annotations

import json
import random
import zlib

import pytest

from materiel.extract.prefilter import RelevanceFilter
from materiel.learn import relevance
from materiel.learn.relevance import Example, Featurizer, RelevanceModel

DEFENSE = (
    "The defence ministry signed a contract with the state shipyard for four frigates and "
    "two diesel-electric submarines, worth about $3 billion. The navy expects the first "
    "warship to be delivered in 2027, and the deal includes the licensed production of "
    "anti-ship missiles at a new plant."
)
SPORTS = (
    "The striker scored twice in the second half as the home side came from behind to win "
    "3-2. The coach praised his defence after the match, and the captain said the team "
    "would attack the title race with confidence after the winter break."
)
POLITICS = (
    "The state senate passed the tax bill late on Tuesday after a long debate. Lawmakers "
    "from both parties said the healthcare provisions would be revisited next year, and "
    "the governor promised to veto any cuts to school funding before the election."
)
EVERYDAY = (
    "The bakery on the corner sells rye bread on Saturdays. Forecasters expect light rain "
    "in the morning and sunny spells later. The library extended its opening hours for "
    "students preparing for their exams."
)


@pytest.fixture(scope="module")
def rf() -> RelevanceFilter:
    f = RelevanceFilter(extra_cues=["Lockheed Martin", "F-35 Lightning II", "Leopard 2"])
    assert f.model is not None, "the shipped model (data/models/relevance.json) is missing"
    return f


def test_model_loads_offline():
    relevance._load.cache_clear()
    model = RelevanceModel.load()
    assert 0 < len(model.document.weights) == 1 << relevance.BITS
    assert model.meta["config"]["document"]["keep"] >= 0.98


def test_scores_mixed_texts_by_their_defense_part(rf):
    rnd = random.Random(3)
    parts = [DEFENSE, SPORTS, POLITICS, EVERYDAY]
    texts = [" ".join(rnd.choice(parts) for _ in range(6)) for _ in range(300)]
    # its speed is benchmarks/relevance.py's figure, never a timed test
    assert not any(rf.document(text) for text in texts if DEFENSE not in text)


def test_defense_paragraph_passes(rf):
    assert rf.document(DEFENSE)
    assert rf.sentence("The army ordered 150 self-propelled howitzers from the manufacturer.")


@pytest.mark.parametrize("text", [SPORTS, POLITICS, EVERYDAY])
def test_off_topic_paragraph_does_not_pass(rf, text):
    assert not rf.document(text)
    assert rf.document_score(text) < rf.document_score(DEFENSE)


def test_political_sentence_does_not_pass(rf):
    # the sentence model keeps 99% of evidence sentences, so it passes most neutral
    # sentences; it still stops those that read as other news
    for sent in POLITICS.split(". "):
        assert not rf.sentence(sent)


def test_decisions_are_deterministic(rf):
    other = RelevanceFilter(extra_cues=["Lockheed Martin", "F-35 Lightning II", "Leopard 2"])
    for text in (DEFENSE, SPORTS, POLITICS, EVERYDAY):
        assert rf.document_score(text) == rf.document_score(text) == other.document_score(text)
        assert rf.document(text) == other.document(text)
        for sent in text.split(". "):
            assert rf.sentence(sent) == rf.sentence(sent) == other.sentence(sent)
    # the hashed features do not depend on Python's per-process string hashing
    assert relevance.bucket("contract") == zlib.crc32(b"contract") & ((1 << relevance.BITS) - 1)


def test_hand_rules_without_a_model():
    f = RelevanceFilter(model=None)
    assert f.model is None
    assert f.document(DEFENSE)
    assert not f.document(EVERYDAY)
    assert f.sentence("The ministry signed a contract.") == f.hand_sentence(
        "The ministry signed a contract.")


def test_capitalised_names_are_not_hashed():
    fz = Featurizer(cues=["army"], triggers=[], names=["Leopard"])
    words, dense = fz.features("Reuters said the Army bought Leopard tanks")
    assert words == {"said", "the", "army", "bought", "tanks"}  # "Army" counts as "army"
    assert dense[relevance.DENSE.index("names")] > 0


def _tiny_examples() -> list[Example]:
    """Articles of three made-up outlets (an order among everyday lines, or everyday lines
    alone) and general news (everyday lines and a council meeting)."""
    rnd = random.Random(0)
    buyers = ["The navy", "The air force", "The army", "The defence ministry"]
    items = ["frigates", "fighter jets", "howitzers", "air defence systems", "drones"]
    sellers = ["a shipyard", "an aircraft maker", "a missile maker", "a state arsenal"]
    idle = ["The weather was mild and dry", "The market was quiet before lunch",
            "The choir sang old hymns", "The ferry left the harbour on time",
            "A new cafe opened downtown", "The garden was in full bloom",
            "Schools closed early for the holidays", "Prices of apples fell again",
            "The library lent more books this year", "A cyclist won the hill race"]

    def lines(k: int) -> list[str]:
        return [f"{s}." for s in rnd.sample(idle, k)]

    out = []
    n = 0
    for group in ("alpha", "beta", "gamma"):
        for _ in range(8):
            evidence = (f"{rnd.choice(buyers)} ordered {rnd.randint(2, 90)} "
                        f"{rnd.choice(items)} from {rnd.choice(sellers)}.")
            sents = [*lines(3), evidence, *lines(3)]
            flags = [0, 0, 0, 1, 0, 0, 0]
            out.append(Example(f"p{n}", group, " ".join(sents), 1, 1, sents, flags))
            n += 1
        for _ in range(3):
            sents = lines(6)
            out.append(Example(f"s{n}", group, " ".join(sents), 0, 0, sents, [0] * 6))
            n += 1
    for _ in range(24):
        sents = [*lines(5), f"The council met on {rnd.choice(['Monday', 'Friday'])}."]
        out.append(Example(f"g{n}", "general", " ".join(sents), -1, 0, sents, [0] * 6))
        n += 1
    return out


def test_training_smoke(tmp_path):
    pytest.importorskip("sklearn")
    fz = Featurizer(cues=["army", "navy", "defence"], triggers=["ordered"], names=[])
    figures = relevance.train(tmp_path, _tiny_examples(), fz)
    path = tmp_path / relevance.MODEL_FILE
    assert path.exists() and path.stat().st_size < 2_000_000
    assert set(figures) >= {"document", "sentence", "docs_per_s", "model_bytes"}
    doc = figures["document"]
    assert set(doc["keep_required_by_outlet"]) == {"alpha", "beta", "gamma"}
    assert 0 <= doc["pass_general"] <= 1 and doc["keep_required"] >= 0.9
    assert figures["sentence"]["keep_evidence"] >= 0.9
    model = RelevanceModel.load(path)
    f = RelevanceFilter(model=model)
    assert f.featurizer.features("x") is not None
    text = "The navy ordered 12 frigates from a shipyard."
    d = model.document
    assert d.score(*fz.features(text)) > d.score(*fz.features("The ferry left on time."))
    # the same data gives the same file
    again = tmp_path / "again"
    relevance.train(again, _tiny_examples(), fz)
    assert (again / relevance.MODEL_FILE).read_bytes() == path.read_bytes()


def _jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_general_news_stays_negative_when_annotated(tmp_path):
    """Annotations of general-news articles are read without error, and those articles stay
    negatives of the filter; the outlets' annotated articles keep their events."""
    shared, notes = tmp_path / "shared", tmp_path / "annotations"
    text = "The coast guard ordered four patrol boats from a local yard."
    _jsonl(shared / "corpus" / "unlabeled.jsonl",
           [{"id": "u-1", "title": "Boats", "text": text, "published": "2024-05-02"}])
    _jsonl(shared / "corpus" / "general.jsonl",
           [{"id": "g-1", "title": "Boats too", "text": text, "published": "2017-05-02"}])
    event = {"type": "procurement", "status": "done",
             "args": {"buyer": [{"span": {"field": "text", "start": 0, "end": 15}, "alts": []}]},
             "evidence": {"field": "text", "start": 0, "end": len(text)}}
    _jsonl(notes / "a.jsonl", [
        {"doc": doc, "source": source, "annotator": "t", "events": [event]}
        for doc, source in (("u-1", "corpus/unlabeled.jsonl"), ("g-1", "corpus/general.jsonl"))])
    examples = relevance.load_examples(shared=shared, written=tmp_path / "none",
                                       offtopic=tmp_path / "none.jsonl", annotations=notes)
    by_id = {e.id: (e.group, e.events) for e in examples}
    assert by_id == {"u-1": ("unknown", 1), "g-1": ("general", -1)}
