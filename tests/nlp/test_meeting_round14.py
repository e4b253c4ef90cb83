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
        "Brask was formally invited to join Nato at the alliance's summit in Tarvik on "
        "Wednesday.",
        "At the summit in Kerel, Ostmark's defence minister held talks with his Brask "
        "counterpart on air defence.",
    ],
)
def test_a_security_gathering_or_talks_held_at_a_summit_stay(parse, text):
    assert _meetings(parse(text))


@pytest.mark.parametrize(
    ("text", "not_side"),
    [
        ("The two-day defence forum, sponsored by Lindell Aerospace and Kerel Dynamics, opened "
         "in Tarvik on Monday with speeches by the Ostmark and Brask defence ministers.",
         "Lindell Aerospace"),
        ("The security forum, hosted by the Grand Hotel in Kerel, heard the Ostmark and Brask "
         "defence ministers on Monday.", "Grand Hotel"),
        ("The security forum, organised by the Royal United Services Institute, heard "
         "Ostmark's defence minister ask for more air defence on Monday.",
         "Royal United Services Institute"),
        ("Defence ministers from Ostmark and Brask met in Tarvik on Monday at a security "
         "conference organised by Lindell Aerospace.", "Lindell Aerospace"),
    ],
)
def test_a_sponsor_company_venue_or_institute_is_no_side(parse, text, not_side):
    assert not_side not in _sides(parse(text))


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The meeting of Nato defence ministers was chaired by Anna Brekke in Brussels on "
         "Monday.", "Anna Brekke"),
        ("The security dialogue led by Ostmark and Brask opened in Tarvik on Monday.", "Brask"),
        ("The first round of talks on the ceasefire was facilitated by the United Nations, "
         "and Ostmark and Brask envoys attended.", "United Nations"),
        ("Ostmark's defence minister attended the security summit organised by the Brask "
         "government in Kerel on Monday.", "Brask government"),
    ],
)
def test_a_chair_leader_or_public_host_takes_part(parse, text, side):
    assert side in _sides(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "At a meeting with Brask's defence minister in Kerel on Monday, Ostmark's minister "
        "admitted that tank deliveries were running late.",
        "At a summit in Kerel on Monday, Ostmark took over the presidency from Brask and the "
        "leaders discussed air defence.",
        "At a summit in Kerel on Monday, Ostmark took over the chairmanship of the regional "
        "defence ministers' council.",
        "At a meeting in Kerel on Monday, Ostmark and Brask established a joint working group "
        "on air defence.",
        "At a meeting in Tarvik on Monday, EU defence ministers admitted Brask to the European "
        "Defence Agency.",
    ],
)
def test_a_concession_a_new_joint_body_or_a_security_word_keeps_the_meeting(parse, text):
    assert _meetings(parse(text))
