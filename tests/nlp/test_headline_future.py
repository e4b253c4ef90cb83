"""A headline's bare infinitive speaks of the future (sentences written for these tests)."""

from __future__ import annotations


def test_headline_infinitive_takes_the_coming_weekday(parse):
    # published on a Thursday: "on Friday" is the next day, not the Friday before
    doc = parse("Latvia and Estonia to sign air defence pact on Friday", published="2024-12-05")
    assert [m.date.value for m in doc._.mentions if m.date] == ["2024-12-06"]


def test_past_headline_keeps_the_past_weekday(parse):
    doc = parse("Latvia and Estonia signed air defence pact on Friday", published="2024-12-05")
    assert [m.date.value for m in doc._.mentions if m.date] == ["2024-11-29"]
