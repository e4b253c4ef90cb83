"""A verb of growth the parse reads as an adjective ("will triple production of X", "is to
double production of X"): the subject still makes the goods; our own sentences."""

from __future__ import annotations

import pytest


def _production(kb_extractor, make_clean, text: str):
    return [e for e in kb_extractor.extract(make_clean(text)) if e.type == "production"]


@pytest.mark.parametrize(
    ("text", "producer"),
    [
        ("Rheinmetall will triple production of 155mm shells, the company said.", "Rheinmetall"),
        ("Thales is to double production of its air defence missiles at its Belfast plant.",
         "Thales"),
    ],
)
def test_the_subject_of_a_misread_multiplier_produces(kb_extractor, make_clean, text, producer):
    [event] = _production(kb_extractor, make_clean, text)
    assert [v.text for v in event.args.get("producer", [])] == [producer]


def test_civil_goods_stay_out(kb_extractor, make_clean):
    text = "The plant is to double production of car parts."
    assert _production(kb_extractor, make_clean, text) == []
