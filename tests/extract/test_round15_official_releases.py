"""Official releases that outlets paste nearly whole (sentences written for this test): a US
arms-sale notice, the contracting office that closes a Department of Defense contract
announcement, the goods of "a sale to X of Y", and their near misses."""

from __future__ import annotations

import pytest


def _of_type(kb_extractor, make_clean, text: str, type_: str = "procurement"):
    return [e for e in kb_extractor.extract(make_clean(text)) if e.type == type_]


def _texts(events, role: str) -> list[str]:
    return [a.text for e in events for a in e.args.get(role, [])]


def test_sale_notice_is_the_buyers_purchase(kb_extractor, make_clean) -> None:
    text = ("The State Department has made a determination approving a possible Foreign "
            "Military Sale to the Government of Japan of up to 400 Tomahawk missiles for an "
            "estimated cost of $2.35 billion.")
    events = _of_type(kb_extractor, make_clean, text)
    assert len(events) == 1, events
    assert _texts(events, "buyer") == ["Government of Japan"]
    assert "Foreign Military Sale" not in _texts(events, "buyer") + _texts(events, "seller")
    assert any("Tomahawk" in t for t in _texts(events, "item"))
    assert events[0].status == "announced"


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders discussed a possible sale of F-16s to Turkey, but no decision was made.",
        "Congress could block the possible sale of F-35 jets to the United Arab Emirates, "
        "senators warned.",
        "The hospital trust approved the possible sale of its car park to a developer on Monday.",
        "The State Department is expected to approve the possible sale of F-16s to Turkey.",
        "If the State Department approves the possible sale of MQ-9B drones to India, Congress "
        "will have 30 days to object.",
        "The United States approved the possible sale of its embassy building in Oslo to Norway.",
        "This notice of a potential sale is required by law and does not mean the sale has been "
        "concluded.",
    ],
)
def test_possible_sales_not_approved_stay_empty(kb_extractor, make_clean, text) -> None:
    assert _of_type(kb_extractor, make_clean, text) == []


def test_goods_after_the_buyer_of_a_sale(kb_extractor, make_clean) -> None:
    text = ("The United States has completed the sale to Taiwan of three National Advanced "
            "Surface-to-Air Missile Systems (NASAMS) and related radars in a deal worth $2 "
            "billion.")
    events = _of_type(kb_extractor, make_clean, text)
    assert any("Surface-to-Air" in t for t in _texts(events, "item")), events


_AWARD = ("Raytheon Co., Tucson, Arizona, has been awarded a $1,234,567,890 firm-fixed-price "
          "modification (P00012) to previously awarded contract W31P4Q-22-C-0017 for the "
          "production of Javelin missiles. Work will be performed in Tucson, Arizona, with an "
          "estimated completion date of Dec. 31, 2027. Fiscal 2024 procurement funds in the "
          "amount of $1,234,567,890 were obligated at the time of the award. ")


def test_contracting_activity_buys(kb_extractor, make_clean) -> None:
    text = _AWARD + ("Army Contracting Command, Redstone Arsenal, Alabama, is the contracting "
                     "activity.")
    events = _of_type(kb_extractor, make_clean, text)
    assert _texts(events, "buyer") == ["Army Contracting Command"], events


def test_next_awards_office_is_not_this_ones(kb_extractor, make_clean) -> None:
    text = _AWARD + ("Lockheed Martin Corp., Grand Prairie, Texas, was awarded a $50,000,000 "
                     "contract for GMLRS rockets. Army Contracting Command, Redstone Arsenal, "
                     "Alabama, is the contracting activity.")
    events = _of_type(kb_extractor, make_clean, text)
    raytheon = [e for e in events if any("Raytheon" in t for t in _texts([e], "seller"))]
    assert raytheon and not _texts(raytheon, "buyer"), events


def test_contracting_activity_buys_nothing_unawarded(kb_extractor, make_clean) -> None:
    text = ("About Lockheed Martin: Lockheed Martin Corporation is a global security and "
            "aerospace company. Naval Air Systems Command, Patuxent River, Maryland, is the "
            "contracting activity.")
    assert _of_type(kb_extractor, make_clean, text) == []


def test_goods_hung_on_the_deals_other_side(kb_extractor, make_clean) -> None:
    text = ("The Ministry of Defence has today announced a £415 million contract with MBDA for "
            "Sea Ceptor missiles, sustaining 260 jobs in Lostock.")
    events = _of_type(kb_extractor, make_clean, text)
    assert _texts(events, "seller") == ["MBDA"], events
    assert any("Sea Ceptor" in t for t in _texts(events, "item"))


@pytest.mark.parametrize(
    "text",
    [
        "The Department for Transport has today announced a £820 million contract with Siemens "
        "for 45 new trains, securing 300 jobs in Derby.",
        "The council has today announced a contract with a local firm for school meals.",
        "Hensel Phelps Construction Co., Austin, Texas, has been awarded a $45,000,000 "
        "firm-fixed-price contract for the construction of a child development center at Fort "
        "Hood, Texas.",
        "Babcock has received an order from Network Rail for the maintenance of its track "
        "inspection trains.",
    ],
)
def test_civil_work_is_no_purchase(kb_extractor, make_clean, text) -> None:
    assert _of_type(kb_extractor, make_clean, text) == []


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("BAE Systems has been awarded a $100 million contract for the maintenance of the "
         "Army's Bradley vehicles at Fort Hood, Texas.", "Bradley"),
        ("Ecolab Inc. was awarded a $12 million contract for custodial services at Fort Bragg "
         "and the repair of Patriot launchers.", "Patriot"),
    ],
)
def test_military_work_at_a_base_stays(kb_extractor, make_clean, text, item) -> None:
    events = _of_type(kb_extractor, make_clean, text)
    assert any(item in t for t in _texts(events, "item")), events


def test_military_construction_stays(kb_extractor, make_clean) -> None:
    text = ("Kiewit Corp. has been awarded a $300,000,000 contract for the construction of a "
            "submarine dry dock at Naval Base Kitsap, Washington.")
    assert _of_type(kb_extractor, make_clean, text)


def test_goods_for_a_third_state_are_also_aid(kb_extractor, make_clean) -> None:
    text = ("The UK has signed a £740 million contract with Lindell Aerospace for 2,300 air "
            "defence missiles for Ukraine.")
    aid = _of_type(kb_extractor, make_clean, text, "aid")
    assert _texts(aid, "recipient") == ["Ukraine"] and _texts(aid, "donor") == ["UK"], aid


@pytest.mark.parametrize(
    "text",
    [
        "Poland has signed a contract with Hanwha for 180 K2 tanks for its army.",
        "The Pentagon awarded Lockheed Martin a $300m contract for F-16 jets for Taiwan.",
    ],
)
def test_goods_for_own_forces_or_a_client_are_no_aid(kb_extractor, make_clean, text) -> None:
    assert _of_type(kb_extractor, make_clean, text, "aid") == []


@pytest.mark.parametrize(
    "text",
    [
        "The army has signed an agreement with the union for higher pay for soldiers.",
        "The Ministry of Defence reached a deal with unions on pay for civilian staff at "
        "Devonport.",
    ],
)
def test_deals_on_staff_pay_are_no_defence_agreement(kb_extractor, make_clean, text) -> None:
    assert _of_type(kb_extractor, make_clean, text, "agreement") == []


@pytest.mark.parametrize(
    "text",
    [
        "Poland signed an agreement with the United States on the stationing of US troops.",
        "Britain and Norway signed a defence agreement on anti-submarine warfare.",
    ],
)
def test_state_agreements_stay(kb_extractor, make_clean, text) -> None:
    assert _of_type(kb_extractor, make_clean, text, "agreement")


def test_readout_partner_before_to_discuss(kb_extractor, make_clean) -> None:
    text = ("President Biden spoke today with Prime Minister Kishida of Japan to discuss the two "
            "countries' defense cooperation and deterrence in the Indo-Pacific.")
    events = _of_type(kb_extractor, make_clean, text, "meeting")
    assert len(events) == 1 and "Kishida" in _texts(events, "participant"), events


def test_waiting_for_a_state_to_act_is_no_meeting(kb_extractor, make_clean) -> None:
    text = "Kyiv is waiting for Washington to approve more aid."
    assert kb_extractor.extract(make_clean(text)) == []
