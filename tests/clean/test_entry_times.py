"""A live blog's entry times ("14.05 BST", "09:12 GMT") are no words of a sentence; our own
sentences."""

from __future__ import annotations

import pytest

from materiel.clean.sentences import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("14.05 BST Germany will send three more Patriot systems to Ukraine.",
         ["Germany will send three more Patriot systems to Ukraine."]),
        ("14.05 BSTRishi Sunak has announced £500m in military aid.",
         ["Rishi Sunak has announced £500m in military aid."]),
        ("11.20 BST: The US has imposed sanctions on 280 entities.",
         ["The US has imposed sanctions on 280 entities."]),
        ("Key events 10.02 BST Russian missiles struck Kharkiv. 10.30 BST Britain sent aid.",
         ["Russian missiles struck Kharkiv.", "Britain sent aid."]),
        ("9.30am GMT The minister arrived in Kyiv.", ["The minister arrived in Kyiv."]),
        ("09:45 Sweden joined Nato in March.", ["Sweden joined Nato in March."]),
        ("Updated at 11.40 BST", []),
        # a time told inside a sentence stays
        ("Missiles hit the base at 14.05 GMT Tuesday, officials said.",
         ["Missiles hit the base at 14.05 GMT Tuesday, officials said."]),
        ("The 9:30 GMT deadline passed.", ["The 9:30 GMT deadline passed."]),
        ("Russia fired 2.5 tonnes of shells.", ["Russia fired 2.5 tonnes of shells."]),
    ],
)
def test_entry_times_are_left_out(text, sentences):
    assert _sentences(text) == sentences
