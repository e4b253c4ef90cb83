"""Round 14 meeting readings (sentences written for these tests, invented or generic names)."""

from __future__ import annotations

import pytest


def _meetings(doc) -> list:
    return [m for m in doc._.mentions if m.type == "meeting" and m.rejected is None]


def _sides(doc) -> set[str]:
    return {v.text for m in _meetings(doc) for v in m.values("participant")}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The talks in Doha, brokered by Qatar, ended on Sunday without a deal on the "
         "ceasefire.", "Qatar"),
        ("The Black Sea Security Forum, hosted by Romania, opened in Constanta on Tuesday.",
         "Romania"),
        ("The security conference was jointly organised by Poland and Lithuania last week.",
         "Lithuania"),
        ("The first round of talks was facilitated by the Turkish president and held in "
         "Antalya on March 10.", "Turkish president"),
        ("The peace talks, mediated by Norway, resumed in Oslo on Monday.", "Norway"),
    ],
)
def test_who_hosts_brokers_or_chairs_a_meeting_takes_part(parse, text, side):
    assert side in _sides(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The exhibition, organised by the defence ministry, features 30 captured tanks.",
        "The rally organised by the opposition drew thousands of protesters outside parliament.",
        "A dinner hosted by the ambassador was held at the embassy on Friday.",
    ],
)
def test_hosting_of_no_meeting_is_none(parse, text):
    assert _meetings(parse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Brask is expected to be inducted into the Varn Group at a summit in Kerel in July, an "
        "official said.",
        "Ostmark took over the rotating chair of the Eastern Cooperation Organisation at the "
        "Kerel summit last year.",
        "The grouping was founded at a summit in Lindell in 2001 by the presidents of Ostmark "
        "and Brask.",
        "Brask will become a full member of the bloc at its yearly summit next "
        "spring.",
        "Ostmark assumed the chairmanship of the bloc at the Varna summit in 2022.",
    ],
)
def test_a_summit_where_a_body_took_a_member_or_passed_its_chair_is_none(parse, text):
    assert _meetings(parse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sweden was formally invited to join Nato at the alliance's summit in Madrid on "
        "Wednesday.",
        "At the summit in Kerel, Ostmark's defence minister held talks with his Brask "
        "counterpart on air defence.",
    ],
)
def test_a_security_gathering_or_talks_held_at_a_summit_stay(parse, text):
    assert _meetings(parse(text))
