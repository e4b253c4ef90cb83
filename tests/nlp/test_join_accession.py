"""Joining is an accession only when done or decided (sentences written for these tests)."""

from __future__ import annotations

import pytest


def _agreements(doc) -> list[str]:
    return [m.trigger for m in doc._.mentions if m.type == "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin said the West ignored concerns about NATO, the alliance which Georgia is "
        "seeking to join.",
        "After joining with his Polish and Czech counterparts for a meeting in Prague, Rutte "
        "said the alliance must spend more.",
        "Moscow sees the prospect of Moldova joining the alliance as a hostile act.",
        "The paper said Georgia joining NATO is not a realistic prospect for now.",
    ],
)
def test_sought_or_social_joining_is_no_accession(parse, text):
    assert _agreements(parse(text)) == []


def test_accession_stays(parse):
    assert _agreements(parse("Sweden formally joined NATO on Thursday.")) == ["join"]
    assert _agreements(parse("Sweden is joining NATO this week.")) == ["join"]


def test_named_compact_launched_by_a_leader(parse):
    doc = parse("Today, President Ostrow launched the Baltic Defence Compact at an event with "
                "12 allies.")
    assert [m.trigger for m in doc._.mentions if m.type == "agreement" and m.rejected is None] \
        == ["compact"]
