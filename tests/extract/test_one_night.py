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
        ("Russia launched 35 drones at Sumy last night, Ukrainian officials said. The "
         "overnight Russian drone attack on Sumy damaged a substation.", ["2024-05-09"]),
        ("Russian drones struck Kherson overnight into Thursday. The Russian attack on Kherson "
         "on Wednesday night killed three people.", ["2024-05-09"]),
        ("Russian missiles struck Dnipro in the early hours of Thursday. Russia's attack on "
         "Dnipro on Wednesday night was the largest this month.", ["2024-05-09"]),
        ("Russian drones struck Kherson's port on Monday night. Russian drones struck the "
         "city's power station in the early hours of Tuesday.", ["2024-05-06"]),
        # two nights, two attacks
        ("Russian missiles struck Dnipro on Tuesday night. Russian drones struck Dnipro on "
         "Wednesday night, the mayor said.", ["2024-05-07", "2024-05-08"]),
        ("Kerel struck Varn on Tuesday night. Kerel jets struck Varn again on Thursday "
         "night, local officials said.", ["2024-05-07", "2024-05-09"]),
        # one night, two acts: a word of another attack, or other weapons (review 15, item 10)
        ("Russian drones struck Kherson's port on Monday night. Russian missiles struck Kherson "
         "in the early hours of Tuesday, in a second attack on the city within hours.",
         ["2024-05-06", "2024-05-07"]),
        ("Russian drones struck Kherson's port on Monday night. Russian drones struck the "
         "city's power station again in the early hours of Tuesday.",
         ["2024-05-06", "2024-05-07"]),
        ("Russian drones struck Kherson's port on Monday night. Russian missiles struck the "
         "city's power station in the early hours of Tuesday.", ["2024-05-06", "2024-05-07"]),
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
