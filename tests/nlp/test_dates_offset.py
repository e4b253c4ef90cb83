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
        ("The prime minister of Ostmark met the Brask chancellor, Anton Veller, in Varn on "
         "Friday, a day after the two governments signed a defence pact.", "agreement:pact",
         "2024-05-09"),
        ("The prime minister of Ostmark met the Brask chancellor, Anton Veller, in Varn on "
         "Friday, a day after the two governments signed a defence pact.", "meeting:met",
         "2024-05-10"),
        ("Kerel struck Ostmark on Friday, two days after Ostmark hit a Kerel air base near "
         "the coast.", "strike:hit", "2024-05-08"),
        ("Kerel struck Ostmark on Friday, a week before Brask leaders meet in Varn.",
         "meeting:meet", "2024-05-17"),
        # counted hours move by whole days
        ("Kerel struck Ostmark on Wednesday, 48 hours after Brask ordered 60 howitzers.",
         "procurement:ordered", "2024-05-06"),
        # how far is not said: the main clause's day stands
        ("Kerel struck Ostmark on Friday, days after Ostmark hit a Kerel air base near the "
         "coast.", "strike:hit", "2024-05-10"),
        ("Kerel struck Ostmark on Wednesday, a few weeks after Brask ordered 60 howitzers.",
         "procurement:ordered", "2024-05-08"),
        ("Kerel struck Ostmark on Wednesday, a few days after Brask ordered 60 howitzers.",
         "procurement:ordered", "2024-05-08"),
        # the date inside the measured clause is its own
        ("The attack came hours after Kerel forces struck Lisk on Friday.", "strike:struck",
         "2024-05-10"),
    ],
)
def test_measured_clause_moves_the_main_day(parse, text, trigger, date):
    got = _dates(parse(text, PUBLISHED))
    assert got.get(trigger) == date, got


@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("Drones struck Varn on Tuesday night.", "evening"),
        ("Drones struck Varn last night.", "evening"),
        ("Drones struck Varn overnight.", "morning"),
        ("Drones struck Varn in the early hours of Wednesday.", "morning"),
        ("Drones struck Varn at dawn on Wednesday.", "morning"),
        ("Drones struck Varn on Wednesday.", ""),
    ],
)
def test_a_day_told_as_a_night(parse, text, night):
    assert [d.night for d in parse(text, PUBLISHED)._.dates] == [night]
