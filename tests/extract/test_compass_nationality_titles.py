"""A nationality with a compass word ("South Korean President", "North Macedonian Prime
Minister") belongs to the title chain: the leader named before "and" is no glued heading
(wire-style probe, round 15). Our own sentences."""

from __future__ import annotations

import pytest

from materiel.clean.headings import glued_heading_end


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held "
        "talks in Seoul on Sunday on North Korea's nuclear threat.",
        "Greek Prime Minister Kyriakos Mitsotakis and North Macedonian Prime Minister Hristijan "
        "Mickoski met in Athens on Monday to discuss border security.",
    ],
)
def test_two_leaders_with_a_compass_nationality_are_one_sentence(make_clean, text):
    assert len(make_clean(text).sentences) == 1


def test_both_leaders_take_part_in_the_talks(kb_extractor, make_clean):
    text = ("Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held talks in "
            "Seoul on Sunday on North Korea's nuclear threat.")
    [event] = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "meeting"]
    names = {a.text for a in event.args["participant"]}
    assert {"Fumio Kishida", "Yoon Suk Yeol"} <= names


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Zelensky Meets Allies in Brussels South Korean President Yoon Suk Yeol said on Friday "
         "that Seoul would send shells.", "Zelensky Meets Allies in Brussels "),
        ("Nato Allies Pledge More Air Defence for Ukraine Defence Secretary Grant Shapps said on "
         "Friday the UK would send more missiles.", "Nato Allies Pledge More Air Defence for "
         "Ukraine "),
    ],
)
def test_a_glued_heading_still_ends_before_the_whole_title(text, heading):
    end = glued_heading_end(text)
    assert end is not None and text[:end] == heading


def test_a_compass_place_ending_a_heading_is_not_read_as_a_title():
    text = "Talks Stall in the South China Sea The Philippine Defence Secretary said on Friday."
    assert glued_heading_end(text) is None
