"""Events told in wire style that the rules used to miss (sentences written for these tests):
contracts given to several firms at once, sums asked of a legislature, meetings told as the
setting of what a leader did there."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


def test_firms_given_separate_contracts_are_one_purchase_each(parse):
    doc = parse("Last month the Navy awarded Babcock International and Thales Group separate "
                "contracts to keep working on a successor to its ageing frigates.")
    ms = _mentions(doc, "procurement")
    assert sorted(s for m in ms for s in _texts(m, "seller")) == [
        "Babcock International", "Thales Group"]
    assert all(len(m.values("seller")) == 1 and _texts(m, "buyer") == ["Navy"] for m in ms)


def test_firms_given_one_contract_stay_one_purchase(parse):
    doc = parse("The Navy awarded Babcock International and Thales Group a contract for "
                "two frigates.")
    (m,) = _mentions(doc, "procurement")
    assert len(m.values("seller")) == 2


@pytest.mark.parametrize(
    ("text", "spender"),
    [
        ("The prime minister asked parliament on Tuesday for £3 billion to rebuild the "
         "country's air defence.", "prime minister"),
        ("The agency is seeking Rs 9,000 crore for the development of a new fighter "
         "prototype.", "agency"),
        ("The defence ministry requested $700 million for more artillery shells.", "ministry"),
    ],
)
def test_a_sum_asked_for_defence_is_planned_spending(parse, text, spender):
    (m,) = _mentions(parse(text), "spending")
    assert m.status == "planned" and m.values("value")
    assert spender in " ".join(_texts(m, "spender"))


@pytest.mark.parametrize(
    "text",
    [
        "The minister asked the allies for more air defence systems.",
        "The government asked parliament for $5 billion in military aid for its neighbour.",
        "Reporters asked the general about the budget.",
    ],
)
def test_asking_for_goods_or_aid_is_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


def _sides(doc) -> list[list[str]]:
    return [_texts(m, "participant") for m in _mentions(doc, "meeting")]


def test_talks_hung_on_the_object_have_both_sides(parse):
    doc = parse("Prime Minister Fumio Kishida will push South Korean President Yoon Suk Yeol in "
                "talks on Monday to share more radar data.")
    assert any({"Fumio Kishida", "Yoon Suk Yeol"} <= set(p) for p in _sides(doc))


def test_the_name_before_a_participle_takes_part(parse):
    doc = parse("Justin Trudeau, speaking after a meeting with Keir Starmer, said that Canada must "
                "spend more on defence.")
    assert any({"Justin Trudeau", "Keir Starmer"} <= set(p) for p in _sides(doc))


def test_a_first_call_setting_a_clause_is_told_there(parse):
    doc = parse("In their first conversation since the election, Macron and Scholz agreed to "
                "coordinate air defence.")
    assert any({"Macron", "Scholz"} <= set(p) for p in _sides(doc))


def test_a_visit_setting_a_clause_is_still_no_new_meeting(parse):
    assert not _mentions(parse("During his visit, Macron said Europe must rearm."), "meeting")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("The German foreign minister took questions at an appearance with her Dutch "
         "counterpart, Hanke Bruins Slot, about drones.", {"Hanke Bruins Slot"}),
        ("Over lunch at Downing Street last week, Boris Johnson asked Polish President Andrzej "
         "Duda for his view on the war.", {"Boris Johnson", "Andrzej Duda"}),
        ("The chancellor had dinner with the French president in Paris on Monday to discuss "
         "air defence.", {"chancellor", "French president"}),
    ],
)
def test_an_occasion_shared_with_a_side_is_a_meeting(parse, text, sides):
    (m,) = _mentions(parse(text), "meeting")
    assert sides <= set(_texts(m, "participant"))
    assert m.status == "done"


@pytest.mark.parametrize(
    "text",
    [
        "The minister made an appearance on television to defend the defence budget.",
        "The king hosted a state dinner for the visiting president.",
        "Over lunch, the generals discussed the new tanks.",
    ],
)
def test_an_occasion_alone_is_no_meeting(parse, text):
    assert not [m for m in _mentions(parse(text), "meeting")
                if m.trigger in ("appearance", "dinner", "lunch")]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Norway's army chief gave the figures during a joint briefing with his Finnish "
         "counterpart in Helsinki on Wednesday.", {"Finnish counterpart"}),
        ("The foreign secretary spoke to reporters after a day of meetings with Nordic "
         "ministers in Oslo.", {"Nordic ministers"}),
        ("The minister held two rounds of meetings with Chinese officials in Beijing.",
         {"Chinese officials"}),
        ("NATO defence ministers convened in Brussels on Thursday.", {"NATO defence ministers"}),
    ],
)
def test_shared_briefings_measured_meetings_and_gatherings(parse, text, sides):
    assert any(sides <= set(p) for p in _sides(parse(text)))


@pytest.mark.parametrize(
    "text",
    [
        "The party has planned a series of meetings in towns along the coast.",
        "She attended several meetings in Brussels.",
        "The cabinet convened the panel.",
    ],
)
def test_generic_meetings_stay_out(parse, text):
    assert not _mentions(parse(text), "meeting")


def test_a_tour_of_three_countries_is_still_no_one_meeting(parse):
    doc = parse("The minister visited Japan, Fiji and Australia last month.")
    assert not _mentions(doc, "meeting")
