"""A clause measured from the main clause's day ("a day after ...") takes that day moved; our
own sentences, written in wire and broadsheet style (2024-05-11 is a Saturday)."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-05-11"


def _dates(doc) -> dict[str, str | None]:
    return {m.type + ":" + doc[m.trigger_i].lower_: (m.date.value if m.date else None)
            for m in doc._.mentions}


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("Rishi Sunak met Olaf Scholz in Berlin on Friday, a day after the two governments "
         "signed a defence pact.", "agreement:pact", "2024-05-09"),
        ("Rishi Sunak met Olaf Scholz in Berlin on Friday, a day after the two governments "
         "signed a defence pact.", "meeting:met", "2024-05-10"),
        ("Russia struck Kharkiv on Friday, two days after Ukraine hit a Russian air base in "
         "Crimea.", "strike:hit", "2024-05-08"),
        ("Russia struck Kharkiv on Friday, a week before Nato leaders meet in Washington.",
         "meeting:meet", "2024-05-17"),
        # how far is not said: the main clause's day stands
        ("Russia struck Kharkiv on Friday, days after Ukraine hit a Russian air base in Crimea.",
         "strike:hit", "2024-05-10"),
        # the date inside the measured clause is its own
        ("The attack came hours after Russia struck Kharkiv on Friday.", "strike:struck",
         "2024-05-10"),
    ],
)
def test_measured_clause_moves_the_main_day(parse, text, trigger, date):
    got = _dates(parse(text, PUBLISHED))
    assert got.get(trigger) == date, got


@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("Drones struck Odesa on Tuesday night.", "evening"),
        ("Drones struck Odesa last night.", "evening"),
        ("Drones struck Odesa overnight.", "morning"),
        ("Drones struck Odesa in the early hours of Wednesday.", "morning"),
        ("Drones struck Odesa at dawn on Wednesday.", "morning"),
        ("Drones struck Odesa on Wednesday.", ""),
    ],
)
def test_a_day_told_as_a_night(parse, text, night):
    assert [d.night for d in parse(text, PUBLISHED)._.dates] == [night]
