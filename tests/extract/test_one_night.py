"""One night told by two days ("on Tuesday night" / "in the early hours of Wednesday") is one
attack; two nights are two. Our own sentences, UK broadsheet style (2024-05-10 is a Friday)."""

from __future__ import annotations

import pytest

from materiel.extract.merge import dates_conflict
from materiel.nlp.types import DateValue


def _strikes(kb_extractor, make_clean, text: str) -> list[str]:
    events = kb_extractor.extract(make_clean(text))
    return sorted(e.date or "" for e in events if e.type == "strike")


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Russia launched 40 drones at Kharkiv last night, Ukrainian officials said. The "
         "overnight Russian drone attack on Kharkiv damaged a substation.", ["2024-05-09"]),
        ("Russian drones struck Odesa overnight into Thursday. The Russian attack on Odesa on "
         "Wednesday night killed two people.", ["2024-05-09"]),
        ("Russian missiles struck Kyiv in the early hours of Thursday. Russia's attack on Kyiv "
         "on Wednesday night was the largest this month.", ["2024-05-09"]),
        # two nights, two attacks
        ("Russian missiles struck Kyiv on Tuesday night. Russian drones struck Kyiv on Wednesday "
         "night, the mayor said.", ["2024-05-07", "2024-05-08"]),
        ("Israel struck Rafah on Tuesday night. Israeli jets struck Rafah again on Thursday "
         "night, Palestinian officials said.", ["2024-05-07", "2024-05-09"]),
    ],
)
def test_one_night_one_record(kb_extractor, make_clean, text, dates):
    assert _strikes(kb_extractor, make_clean, text) == dates


def _day(value: str, night: str = "") -> DateValue:
    return DateValue(value, "day", 0, 1, night=night)


def test_the_night_joins_its_evening_to_the_next_morning_only():
    assert not dates_conflict(_day("2024-05-07", "evening"), _day("2024-05-08", "morning"))
    assert dates_conflict(_day("2024-05-07", "morning"), _day("2024-05-08", "evening"))
    assert dates_conflict(_day("2024-05-07", "evening"), _day("2024-05-08", "evening"))
    assert dates_conflict(_day("2024-05-07", "evening"), _day("2024-05-08"))
    assert dates_conflict(_day("2024-05-07", "evening"), _day("2024-05-09", "morning"))
