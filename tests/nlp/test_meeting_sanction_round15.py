"""Round 15 meeting and sanction readings, found by probing UK broadsheet, live-blog and wire
styles (sentences written for these tests, generic or invented people)."""

from __future__ import annotations

import pytest


def _of_type(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _values(doc, type_: str, role: str) -> set[str]:
    return {v.text for m in _of_type(doc, type_) for v in m.values(role)}


# --- sanctions "over" a reason are this statement's action, not a recap over a period -----

@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The government has sanctioned eight GRU officers over a cyber campaign, the Foreign "
         "Office said.", "GRU officers"),
        ("Britain has sanctioned two Iranian generals over the drone attacks on shipping.",
         "Iranian generals"),
    ],
)
def test_sanctioned_over_a_reason_is_a_sanction(parse, text, target):
    assert target in _values(parse(text), "sanction", "target")


@pytest.mark.parametrize(
    "text",
    [
        "We have imposed sanctions on Russian firms over the past two years.",
        "We have sanctioned Russian officials over the course of the war.",
    ],
)
def test_sanctions_over_a_stretch_of_time_are_a_recap(parse, text):
    assert _of_type(parse(text), "sanction") == []


# --- a lowercase title with its body: "the Nato secretary general" -------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The prime minister hosted the Nato secretary general at Downing Street on Wednesday "
        "for talks on defence spending.",
        "The prime minister welcomed the Nato secretary general to Chequers on Saturday to "
        "discuss defence spending.",
    ],
)
def test_the_body_secretary_general_is_a_side(parse, text):
    assert "Nato secretary general" in _values(parse(text), "meeting", "participant")


def test_a_secretary_general_named_after_the_title_is_the_person(parse):
    doc = parse("The prime minister met the Nato secretary general, Jens Stoltenberg, at "
                "Downing Street on Wednesday for talks on defence spending.")
    sides = _values(doc, "meeting", "participant")
    assert "Jens Stoltenberg" in sides
    assert "Nato secretary general" not in sides


# --- a place inside the meeting's topic is the topic's, not where the sides met ------------

@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        ("The two presidents held talks on the war in Syria in Geneva on Thursday.", "Geneva",
         "Syria"),
        ("The two presidents held talks on the war in Syria on Thursday.", None, "Syria"),
        ("The two presidents spoke about the fighting in Gaza during a call on Tuesday.", None,
         "Gaza"),
    ],
)
def test_the_place_of_a_meeting_topic_is_no_location(parse, text, place, not_place):
    places = _values(parse(text), "meeting", "location")
    assert not_place not in places
    if place is not None:
        assert place in places


def test_a_place_on_the_sidelines_stays_the_location(parse):
    doc = parse("Shapps and Umerov held talks on the sidelines of the Nato summit in Vilnius on "
                "Tuesday.")
    assert _values(doc, "meeting", "location") & {"Nato summit", "Vilnius"}


# --- a body's disciplinary penalty is no sanction --------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Uefa sanctioned Chelsea with a fine of £8.6m for breaching financial rules.",
        "The Rugby Football Union sanctioned Bath with a points deduction on Monday.",
    ],
)
def test_a_sanction_with_a_fine_or_deduction_is_none(parse, text):
    assert _of_type(parse(text), "sanction") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The EU sanctioned Vesk with an export ban on dual-use goods.", "Vesk"),
        ("Ostmark sanctioned the Brask arms dealers with travel bans and asset freezes.",
         "arms dealers"),
        ("The council sanctioned Kerel's defence ministry with a ban on all arms sales.",
         "defence ministry"),
        ("Britain sanctioned the Kerel shipping firm with a ban on entering its ports.",
         "shipping firm"),
    ],
)
def test_a_ban_of_a_measure_kind_or_by_a_state_stays_a_sanction(parse, text, target):
    assert any(target in v for v in _values(parse(text), "sanction", "target"))


def test_a_sports_body_ban_of_years_is_none(parse):
    assert _of_type(parse("The federation sanctioned the club with a four-year ban."),
                    "sanction") == []


def test_a_sanction_with_a_measure_stays(parse):
    doc = parse("The US sanctioned Rosoboronexport with an asset freeze on Friday.")
    assert "Rosoboronexport" in _values(doc, "sanction", "target")


# --- designations that freeze assets, asset freezes imposed, headline "X sanctions Y" -------

def test_a_designation_that_freezes_assets_is_a_sanction(parse):
    doc = parse("Ministers designated three companies that shipped drone parts to Iran, "
                "freezing their assets in the UK.")
    assert "companies" in _values(doc, "sanction", "target")


def test_a_designation_as_something_else_is_none(parse):
    assert _of_type(parse("The government designated the company a strategic supplier."),
                    "sanction") == []


def test_asset_freezes_imposed_on_a_party(parse):
    doc = parse("The UK imposed asset freezes on five Russian generals on Tuesday.")
    assert _values(doc, "sanction", "imposer") == {"UK"}
    assert "Russian generals" in _values(doc, "sanction", "target")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("UK sanctions Russian military intelligence officers", "Russian military intelligence "
         "officers"),
        ("US sanctions Chinese firms over drone exports to Russia", "Chinese firms"),
    ],
)
def test_a_headline_x_sanctions_y(parse, text, target):
    assert target in _values(parse(text), "sanction", "target")


@pytest.mark.parametrize("text", ["UK sanctions list", "EU sanctions regime explained",
                                  "The UK sanctions policy is under review."])
def test_a_headline_noun_phrase_of_sanctions_is_none(parse, text):
    assert _of_type(parse(text), "sanction") == []


# --- a host receiving a grouping of sides --------------------------------------------------

def test_hosting_a_coalition_is_a_meeting(parse):
    doc = parse("Keir Starmer is due to host the so-called coalition of the willing at Downing "
                "Street on Saturday to discuss security guarantees for Ukraine.")
    assert any("coalition" in v for v in _values(doc, "meeting", "participant"))


@pytest.mark.parametrize(
    "text",
    [
        "Starmer hosted the cabinet at Chequers on Friday to discuss defence.",
        "The school hosted a group of students from Japan on Friday.",
        "Starmer hosted a reception for Olympic athletes at Downing Street on Friday.",
    ],
)
def test_hosting_ones_own_body_or_a_party_is_none(parse, text):
    assert _of_type(parse(text), "meeting") == []


# --- plural officials of a group of states meet one another ---------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "NATO Defence Ministers met in Brussels on Thursday to discuss air defence.",
        "Defence ministers from the Baltic states met in Vilnius on Tuesday evening.",
        "The Nordic Ministers met in Oslo on Wednesday to discuss Arctic security.",
    ],
)
def test_plural_officials_of_states_meet(parse, text):
    assert _of_type(parse(text), "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Oslo on Wednesday.",
        "Fans from Argentina met in Madrid on Sunday.",
        "Engineers from the Indian firm met in Pune on Monday.",
    ],
)
def test_unnamed_officials_or_people_who_are_no_sides_do_not_meet(parse, text):
    assert not _of_type(parse(text), "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "Twenty Allies are expected to meet or exceed the 2% guideline this year.",
    ],
)
def test_meet_or_exceed_a_target_is_no_meeting(parse, text):
    assert not _of_type(parse(text), "meeting")


def test_met_and_signed_is_still_a_meeting(parse):
    doc = parse("The two presidents met and signed a defence pact in Manila on Monday.")
    assert _of_type(doc, "meeting")
