"""A quoted relative day counts from the day the words were said, and only a day told on the
verb of saying is that day; our own sentences with invented names (2024-05-10 is a Friday)."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-05-10"


def _quoted_today(doc) -> str | None:
    return next((d.value for d in doc._.dates if d.text.lower() == "today"), None)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the day on the verb of saying
        ('"Today we have signed a contract for 14 howitzers," the Ostmark defence minister '
         "told reporters on Thursday.", "2024-05-09"),
        ('Speaking yesterday, the Ostmark premier said: "Today we are announcing £400m of '
         'new military aid for Lisk."', "2024-05-09"),
        ('The Ostmark president told reporters on Tuesday: "Today we are sending 30 tanks to '
         'Lisk."', "2024-05-07"),
        ('The minister, who visited Varn on Monday, said on Wednesday: "Today we are sending '
         '50 more tanks to Lisk."', "2024-05-08"),
        # a day in another clause is another event's: publication's day stands
        ('The minister, who visited Varn on Monday, said: "Today Ostmark is sending 50 more '
         'tanks to Lisk."', "2024-05-10"),
        ('The defence secretary, who met his Brask counterpart on Tuesday, said: "Today '
         'Ostmark is announcing £300m of new military aid for Lisk."', "2024-05-10"),
        ('"Today Kerel launched 40 missiles at our cities," the Lisk president said, a day '
         "after he met the Brask chancellor on Thursday.", "2024-05-10"),
    ],
)
def test_quoted_today_counts_from_the_day_of_saying(parse, text, date):
    assert _quoted_today(parse(text, PUBLISHED)) == date
