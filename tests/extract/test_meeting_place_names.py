"""A named site or a city before a meeting noun is where the meeting is held ("the Oval
Office meeting"), never one of its sides; a country there, a pair of places or a gathering's
own name gives no place (`materiel.nlp.roles.meetings`)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document, Event


def _meetings(ex: Extractor, text: str) -> list[Event]:
    doc = Document(id="mp", text=text, published="2025-03-14")
    return [e for e in ex.extract(clean(doc)) if e.type == "meeting"]


def _texts(e: Event, role: str) -> list[str]:
    return [a.text for a in e.args.get(role, [])]


def test_a_named_site_before_the_meeting_is_its_place(kb_extractor: Extractor) -> None:
    (e,) = _meetings(kb_extractor, (
        "Friday's Oval Office meeting between Trump and Zelenskyy on the war ended badly."))
    assert _texts(e, "location") == ["Oval Office"]
    assert "Oval Office" not in _texts(e, "participant")


def test_a_pair_of_states_before_talks_is_no_place(kb_extractor: Extractor) -> None:
    for e in _meetings(kb_extractor, "US-China talks on military contacts resumed on Monday."):
        assert not e.args.get("location")


def test_a_gatherings_name_is_no_place(kb_extractor: Extractor) -> None:
    for e in _meetings(kb_extractor, (
            "The US will host a two-day Defense Industrial Base Conference with Ukrainian "
            "officials on arms production next week.")):
        assert "Industrial Base" not in _texts(e, "location")
