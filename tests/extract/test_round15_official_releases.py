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
