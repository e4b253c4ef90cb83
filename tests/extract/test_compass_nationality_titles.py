"""A nationality with a compass word ("South Korean President", "North Macedonian Prime
Minister") belongs to the title chain: the leader named before "and" is no glued heading
(wire-style probe, round 15). A compass word elsewhere is a surname ("Kate West") or a
heading's last word ("Head West") and no part of a title (review of round 15, item 5).
Our own sentences, invented names and details."""

from __future__ import annotations

import pytest

from materiel.clean.headings import glued_heading_end


@pytest.mark.parametrize(
    "text",
    [
        "Kerel Prime Minister Taro Ineda and South Korean President Min Ha-joon held talks in "
        "Busan on Sunday on drone exports to Ostmark.",
        "Greek Prime Minister Nikos Varelas and North Macedonian Prime Minister Petar Ilievski "
        "met in Thessaloniki on Monday to discuss air defence.",
    ],
)
def test_two_leaders_with_a_compass_nationality_are_one_sentence(make_clean, text):
    assert len(make_clean(text).sentences) == 1


def test_both_leaders_take_part_in_the_talks(kb_extractor, make_clean):
    text = ("Prime Minister Taro Ineda and South Korean President Min Ha-joon held talks in "
            "Busan on Sunday on drone exports to Ostmark.")
    [event] = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "meeting"]
    names = {a.text for a in event.args["participant"]}
    assert {"Taro Ineda", "Min Ha-joon"} <= names


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Kerel Meets Allies in Vesk South Korean President Min Ha-joon said on Friday "
         "that Busan would send shells.", "Kerel Meets Allies in Vesk "),
        ("Allies Pledge More Air Defence for Ostmark Defence Secretary Alan Rook said on "
         "Friday Kerel would send more missiles.", "Allies Pledge More Air Defence for "
         "Ostmark "),
        # a heading ending in a compass word (review of round 15, item 5)
        ("Fighting Rages Across the South Defence Minister Ivo Brask said on Friday.",
         "Fighting Rages Across the South "),
        ("Brask Tanks Head West Defence Minister Ivo Brask said on Friday.",
         "Brask Tanks Head West "),
        ("Kerel Fleet Sails North Defence Minister Ivo Brask said on Friday.",
         "Kerel Fleet Sails North "),
        # a surname that is a compass word stays in the name
        ("Ostmark Signs Tank Deal Defence Secretary Kate West met Kerel defence minister Ivo "
         "Brask in London", "Ostmark Signs Tank Deal "),
    ],
)
def test_a_glued_heading_still_ends_before_the_whole_title(text, heading):
    end = glued_heading_end(text)
    assert end is not None and text[:end] == heading


def test_a_compass_surname_is_not_cut_off_the_name():
    text = ("Brask Buys Drones Defence Minister Adam North said on Friday that Brask would buy "
            "40 drones.")
    end = glued_heading_end(text)
    assert end is None or not text[:end].endswith("Adam ")


def test_a_compass_surname_stays_with_the_participant(kb_extractor, make_clean):
    text = ("Ostmark Signs Tank Deal Defence Secretary Kate West met Kerel defence minister Ivo "
            "Brask in London on Monday.")
    names = {a.text for e in kb_extractor.extract(make_clean(text)) if e.type == "meeting"
             for a in e.args["participant"]}
    assert "West" not in names


def test_a_compass_place_ending_a_heading_is_not_read_as_a_title():
    text = "Talks Stall in the South China Sea The Philippine Defence Secretary said on Friday."
    assert glued_heading_end(text) is None
