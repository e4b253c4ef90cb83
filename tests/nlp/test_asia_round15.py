"""Round 15 probes in the style of Asia-Pacific and Gulf outlets (spending, agreement, sale
notifications, currencies): a budget a defence body requests is spending planned; the
teller of a budget's total is its spender; a civil ministry's budget is none; a pact's
allowance hung on the signing verb puts it on defence (sentences written for these tests)."""

from __future__ import annotations

import pytest

from materiel.nlp.numbers import find_money


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "spender", "value"),
    [
        ("Japan's Defense Ministry requested a record 9.3 trillion yen budget for fiscal 2027 "
         "on Friday to expand its coastal radar network.", "Defense Ministry",
         "9.3 trillion yen"),
        ("South Korea's defense ministry said Thursday the budget request totals 58.2 trillion "
         "won, an increase of 4.1 percent.", "defense ministry", "58.2 trillion won"),
        ("The budget request totals $686 billion, the Pentagon said.", "Pentagon",
         "$686 billion"),
    ],
)
def test_requested_or_totalled_defence_budget_is_spending(parse, text, spender, value):
    ms = _mentions(parse(text), "spending")
    assert any(spender in v.text for m in ms for v in m.values("spender"))
    assert any(v.text == value for m in ms for v in m.values("value"))


def test_requested_budget_is_planned(parse):
    doc = parse("Japan's Defense Ministry requested a record 9.3 trillion yen budget for "
                "fiscal 2027 on Friday.")
    assert [m.status for m in _mentions(doc, "spending")] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "Japan's health ministry requested a record 34 trillion yen budget for fiscal 2025 on "
        "Friday to cover rising medical costs.",
        "The city of Busan requested a 2 trillion-won budget from the central government to "
        "build a new subway line.",
        "The finance ministry said Thursday the budget request totals 656 trillion won, the "
        "largest ever.",
        "The education ministry said the budget request totals 95 trillion won.",
    ],
)
def test_civil_budget_requested_or_totalled_is_no_spending(parse, text):
    assert not _mentions(parse(text), "spending")


@pytest.mark.parametrize(
    "text",
    [
        "Canada and Indonesia signed a reciprocal access agreement in Jakarta on Tuesday "
        "allowing their forces to train in each other's territory.",
        "Japan and Britain signed a reciprocal access agreement on Wednesday, allowing their "
        "troops to conduct joint exercises.",
    ],
)
def test_pact_allowing_troops_is_an_agreement(parse, text):
    assert _mentions(parse(text), "agreement")


@pytest.mark.parametrize(
    "text",
    [
        "Japan and Vietnam signed a tourism agreement in Hanoi on Monday allowing their "
        "citizens to travel without visas.",
        "Japan and Australia signed an agreement on Monday allowing their companies to bid "
        "for each other's rail projects.",
        "South Korea and Poland signed a reciprocal access agreement on Monday allowing their "
        "students to study in each other's universities.",
    ],
)
def test_pact_allowing_civilians_is_no_agreement(parse, text):
    assert not _mentions(parse(text), "agreement")


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("a budget of NT$647 billion", 647e9, "TWD"),
        ("a Dh1.2 billion contract", 1.2e9, "AED"),
        ("Dhs 500 million", 5e8, "AED"),
    ],
)
def test_asian_and_gulf_currency_prefixes(text, value, currency):
    assert [(v, c) for _s, _e, v, c in find_money(text)] == [(value, currency)]


def test_a_name_starting_with_dh_is_no_money():
    assert find_money("in Dhaka 5 million people") == []


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Saudi Crown Prince Faisal bin Tamer received US Defense Secretary Martin Hale in "
         "Riyadh on Wednesday to discuss air defence cooperation.", ("Tamer", "Hale")),
        ("UAE President Sheikh Hamdan bin Tariq received a phone call from the French "
         "president, during which they discussed naval cooperation.",
         ("Tariq", "French president")),
    ],
)
def test_leader_receiving_a_visitor_or_a_call_is_a_meeting(parse, text, sides):
    ms = _mentions(parse(text), "meeting")
    found = " | ".join(v.text for m in ms for v in m.values("participant"))
    assert all(side in found for side in sides)


@pytest.mark.parametrize(
    "text",
    [
        "India received the first batch of Rafale jets from France on Wednesday.",
        "The defence minister received an award from the Japanese ambassador in Seoul.",
        "The emir received the credentials of the new Chinese ambassador in Doha on Tuesday.",
    ],
)
def test_receiving_goods_awards_or_papers_is_no_meeting(parse, text):
    assert not _mentions(parse(text), "meeting")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Beijing announced countermeasures against three US defence companies on Friday, "
         "freezing their assets in China, the foreign ministry said.", "US defence companies"),
        ("China imposed countermeasures on Skydio and two other US drone makers on Thursday.",
         "Skydio"),
        ("China's commerce ministry placed 10 US companies on its export control list on "
         "Thursday over their arms sales to Taiwan.", "US companies"),
    ],
)
def test_countermeasures_and_control_lists_are_sanctions(parse, text, target):
    ms = _mentions(parse(text), "sanction")
    assert ms
    targets = [v.text for m in ms for v in m.values("target")]
    assert any(target in t for t in targets)
    assert not any(t in ("Beijing", "China") for t in targets)  # "their" is the firms


@pytest.mark.parametrize(
    "text",
    [
        "The destroyer fired countermeasures against the incoming missiles.",
        "The navy developed new countermeasures against Houthi drones.",
        "The regulator placed the drug on its control list.",
        "In his column, the analyst argued that the SCO is a countermeasure against Pakistan.",
        "Since then, as a countermeasure against India, Pakistan has expanded its missile "
        "arsenal.",
    ],
)
def test_countermeasures_against_weapons_and_civil_lists_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


@pytest.mark.parametrize(
    "text",
    [
        "Beijing announced countermeasures against Estonia over a Taiwanese representative "
        "office on Tuesday.",
        "China announced countermeasures against Czechia on Monday over a parliamentary visit "
        "to Taipei.",
    ],
)
def test_countermeasures_against_a_state_in_a_diplomatic_row_are_no_sanction(parse, text):
    assert not _mentions(parse(text), "sanction")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Beijing announced countermeasures against the United States over a new arms sale to "
         "Taiwan on Tuesday.", "United States"),
        ("China announced countermeasures against Lindell Aerospace on Monday.",
         "Lindell Aerospace"),
    ],
)
def test_countermeasures_against_a_state_over_arms_or_a_firm_are_sanctions(parse, text, target):
    ms = _mentions(parse(text), "sanction")
    assert any(target in v.text for m in ms for v in m.values("target")), ms


@pytest.mark.parametrize(
    ("text", "guests"),
    [
        ("Taiwan President Lai Ching-te met a delegation of U.S. lawmakers in Taipei on "
         "Thursday to discuss arms sales.", "U.S. lawmakers"),
        ("Defense Minister Shin Won-sik met a visiting delegation from Poland's defense "
         "ministry on Monday to discuss K2 tank exports.", "defense ministry"),
    ],
)
def test_delegation_of_a_party_met_is_a_meeting(parse, text, guests):
    ms = _mentions(parse(text), "meeting")
    assert any(guests in v.text for m in ms for v in m.values("participant"))


@pytest.mark.parametrize(
    "text",
    [
        "The minister met a delegation of farmers in Seoul on Monday to discuss rice prices.",
        "The team met the deadline for delivering the radar.",
    ],
)
def test_delegation_on_civil_business_or_deadline_met_is_no_meeting(parse, text):
    assert not _mentions(parse(text), "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "Residents interested in receiving email updates on the base's clean-up can write to "
        "the army.",
        "Both nations are set to receive new frigates from France next year.",
    ],
)
def test_receiving_with_no_person_as_host_is_no_meeting(parse, text):
    ms = _mentions(parse(text), "meeting")
    assert not [m for m in ms if m.trigger == "receive"]
