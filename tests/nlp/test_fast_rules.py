"""The memoized attribute ruler and lemmatizer annotate exactly as spaCy's own do."""

from __future__ import annotations

import math

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from materiel.extract.detector import RoleAssigner, SentenceDetector
from materiel.nlp import PipelineConfig
from materiel.nlp.dates import find_expressions
from materiel.nlp.fast_rules import FastAttributeRuler, FastLemmatizer, use_fast_rules
from materiel.nlp.spans import entity_of

# Sentences written for these tests: the ruler's rare patterns ("gon na", "ai n't", "let 's",
# "y' all", "there are"), runs of spaces, numbers, quotes and names.
SENTENCES = [
    "Berlin intends to order 200,000 more artillery shells from Rheinmetall by 2027.",
    "We're gonna buy them, ain't we? Let's see what y'all think about it.",
    "There are  two frigates\nand there is one   submarine in the harbour.",
    "The ministry said on Tuesday it had signed a $1.2bn deal for 24 F-16 jets.",
    "\u201cWe will deliver the systems,\u201d the minister told reporters in Kyiv.",
    "Lockheed Martin's CEO got the contract; she gets another one next week.",
    "Poland's Defence Ministry ordered 96 AH-64E Apache helicopters, worth about $12 billion.",
    "  Leading spaces, trailing ones   ",
    "C'mon, the drones were shot down over the Black Sea early on Sunday.",
    "",
]


@pytest.fixture(scope="module")
def models() -> tuple[Language, Language]:
    name = PipelineConfig().model
    stock = spacy.load(name)
    fast = spacy.load(name)
    use_fast_rules(fast)
    return stock, fast


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph), str(t.head.i))
            for t in doc]


def test_swapped_in_for_spacys_own(models: tuple[Language, Language]) -> None:
    stock, fast = models
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)


def test_same_annotations_as_spacy(models: tuple[Language, Language]) -> None:
    stock, fast = models
    for _ in range(2):  # the second pass answers from the memo
        for a, b in zip(stock.pipe(SENTENCES), fast.pipe(SENTENCES), strict=True):
            assert _annotations(a) == _annotations(b), a.text


def test_same_matches_as_spacys_matcher(models: tuple[Language, Language]) -> None:
    _stock, fast = models
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    with fast.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(fast.pipe(SENTENCES))
    for doc in docs:
        assert ruler.match(doc) == AttributeRuler.match(ruler, doc), doc.text
    assert any(m for doc in docs for m in ruler.match(doc) if m[3] - m[2] == 2)  # "gon na"


def test_patterns_it_cannot_judge_go_to_the_matcher() -> None:
    """An operator or another attribute: spaCy's matcher decides, as in spaCy's ruler."""
    patterns = [
        {"patterns": [[{"LOWER": "big"}, {"LOWER": "ship", "OP": "+"}]],
         "attrs": {"LEMMA": "vessel"}, "index": -1},
        {"patterns": [[{"ORTH": "Navy"}]], "attrs": {"LEMMA": "navy"}, "index": 0},
    ]
    lemmas = []
    for factory in ("attribute_ruler", "materiel_fast_attribute_ruler"):
        nlp = spacy.blank("en")
        nlp.add_pipe(factory).add_patterns(patterns)
        lemmas.append([t.lemma_ for t in nlp("The big ship ship and the Navy")])
    assert lemmas[0] == lemmas[1]
    assert "vessel" in lemmas[1] and "navy" in lemmas[1]


def test_word_lists_and_regexes_as_spacy() -> None:
    """Words no pattern names share one memo entry; lists, negated lists and regexes on the
    word still decide as spaCy's matcher does."""
    patterns = [
        {"patterns": [[{"LOWER": {"NOT_IN": ["navy", "army"]}}]], "attrs": {"LEMMA": "other"},
         "index": 0},
        {"patterns": [[{"LOWER": {"REGEX": r"^f-\d+$"}}]], "attrs": {"LEMMA": "jet"},
         "index": 0},
        {"patterns": [[{"LOWER": {"IN": ["tanks", "jets"]}}, {"IS_SPACE": False}]],
         "attrs": {"LEMMA": "goods"}, "index": 0},
        {"patterns": [[{"LOWER": "army"}]], "attrs": {"LEMMA": "force"}, "index": 0},
    ]
    text = "The navy flew F-16 jets and army tanks ; jets"
    lemmas = []
    for factory in ("attribute_ruler", "materiel_fast_attribute_ruler"):
        nlp = spacy.blank("en")
        nlp.add_pipe(factory).add_patterns(patterns)
        lemmas.append([t.lemma_ for t in nlp(text)])
        lemmas.append([t.lemma_ for t in nlp(text)])  # again, from the memo
    assert lemmas[0] == lemmas[1] == lemmas[2] == lemmas[3]
    assert {"other", "jet", "goods", "force"} <= set(lemmas[3])


def test_the_bundled_pipeline_uses_them(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_entity_of_matches_a_search_of_the_entities(nlp: Language) -> None:
    for doc in nlp.pipe(SENTENCES):
        for t in doc:
            want = next((e for e in doc.ents if e.start <= t.i < e.end), None)
            assert entity_of(t) == want


def test_time_expressions_are_remembered_unchanged() -> None:
    text = "The ministry signed the deal on 3 March 2024 and expects delivery by 2027."
    first = find_expressions(text)
    assert isinstance(first, tuple) and len(first) == 2
    assert first == find_expressions(text)
    fresh = find_expressions.__wrapped__(text)
    assert [(s, e, k, m.group(0)) for s, e, k, m in first] == [
        (s, e, k, m.group(0)) for s, e, k, m in fresh]


def test_linear_models_score_as_the_plain_sums() -> None:
    weights = {"aid": {"w=send": 1.25, "w=tanks": 0.5, "e=GPE": -0.75},
               "strike": {"w=missile": 2.0, "w=send": -0.125}}
    det = SentenceDetector(weights, {"aid": -1.0, "strike": -2.0}, {"aid": 0.5, "strike": 0.5})
    features = {"bias_sentence": 1.0, "w=send": 1.0, "w=tanks": 1.0, "e=GPE": 1.0}
    got = det.probabilities(features)
    for type_, w in weights.items():
        z = det.bias[type_] + sum(w.get(k, 0.0) * v for k, v in features.items())
        assert got[type_] == 1.0 / (1.0 + math.exp(-z))
    roles = RoleAssigner({"donor": {"side=before": 1.5}, "recipient": {"side=after": 1.0},
                          "none": {}}, {"donor": 0.0, "recipient": -0.5, "none": 0.25})
    probs = roles.probabilities({"side=before": 1.0, "lab=GPE": 1.0}, "aid")
    assert max(probs, key=lambda c: probs[c]) == "donor"
    assert sum(probs.values()) == pytest.approx(1.0)
