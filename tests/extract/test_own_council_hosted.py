"""A host receiving a grouping of sides as one is a meeting; one side's own council is not
(review 15, item 13). Our own sentences with invented or changed names."""

from __future__ import annotations

import pytest


def _meetings(kb_extractor, make_clean, text: str):
    return [e for e in kb_extractor.extract(make_clean(text)) if e.type == "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "Kerel's president hosted the defence council of the ruling party to discuss the war.",
        "The Ostmark president hosted the party's security council to discuss the war.",
    ],
)
def test_a_sides_own_council_is_no_meeting(kb_extractor, make_clean, text):
    assert not _meetings(kb_extractor, make_clean, text)


def test_a_grouping_of_sides_hosted_is_a_meeting(kb_extractor, make_clean):
    text = ("The Polish president hosted the North Atlantic Council in Gdansk to discuss air "
            "defence.")
    [event] = _meetings(kb_extractor, make_clean, text)
    assert len(event.args.get("participant", [])) == 2
