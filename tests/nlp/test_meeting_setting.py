"""A meeting named again as the setting of another clause is no new meeting (sentences
written for these tests)."""

from __future__ import annotations

import pytest


def _meetings(doc) -> list[str]:
    return [m.trigger for m in doc._.mentions if m.type == "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "During the meeting, the Estonian minister said that his country would buy more radars.",
        "During his visit to Poland, Boris Pistorius praised the crews of the frigate.",
        "On the sidelines of the summit, President Macron said that France would send missiles.",
        "In the first leg of his trip to Japan, Prime Minister Albanese toured a shipyard.",
        "At the meeting, Lithuanian President Gitanas Nauseda said his country would buy radars.",
    ],
)
def test_setting_is_not_a_meeting(parse, text):
    assert _meetings(parse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        # the meeting is told here: its date, or the sides it brings together
        "At the meeting held in Riga on Tuesday, Latvia and Lithuania agreed to buy radars.",
        "During his meeting with the Czech president, the Slovak premier discussed artillery.",
        "The defence ministers of Latvia and Estonia met in Tallinn on Monday.",
    ],
)
def test_told_meeting_stays(parse, text):
    assert _meetings(parse(text))
