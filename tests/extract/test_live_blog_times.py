"""Live-blog entries: the entry time never ends up in a role, and the entry is dated by the
publication day or its own words; our own sentences."""

from __future__ import annotations

import re

import pytest

_TIME = re.compile(r"\d{1,2}[.:]\d{2}|\b(?:BST|GMT)|BST|GMT")


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("Key events\n14.05 BST Germany will send three more Patriot systems to Ukraine, "
         "Olaf Scholz said.", "aid", "2024-05-10"),
        ("09:12 GMTRussian drones struck an air base in the Kursk region on Thursday night, "
         "Ukrainian officials said.", "strike", "2024-05-09"),
        ("11.20 BST: The US has imposed sanctions on 280 entities accused of helping Russia's "
         "war effort.", "sanction", "2024-05-10"),
    ],
)
def test_entry_time_stays_out_of_roles(extractor, make_clean, text, kind, date):
    events = [e for e in extractor.extract(make_clean(text)) if e.type == kind]
    assert len(events) == 1, events
    assert events[0].date == date
    values = [a.text for vals in events[0].args.values() for a in vals]
    assert not any(_TIME.search(v) for v in values), values
