"""Whose goods a deal's work serves buys it: the owner named on the goods in the deal's "for"
or in its purpose clause (UK and trade-press sentences written for this test; the knowledge
base tells the companies from people)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Lockheed Martin signed a deal for training, maintenance and spare parts for "
         "Poland's F-35 fleet.", "Poland"),
        ("Babcock has won a £1.3bn contract to refit the Royal Navy's frigates, the company "
         "said on Thursday.", "Royal Navy"),
    ],
)
def test_owner_of_the_served_goods_buys(kb_extractor, make_clean, text, buyer) -> None:
    events = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "procurement"]
    assert any(a.text == buyer for e in events for a in e.args.get("buyer", [])), events


def test_owner_of_a_civil_fleet_is_no_buyer(kb_extractor, make_clean) -> None:
    text = "Tesco signed a deal with a logistics firm for the upkeep of its delivery fleet."
    assert [e for e in kb_extractor.extract(make_clean(text)) if e.type == "procurement"] == []


def test_live_blog_clock_is_no_party(kb_extractor, make_clean) -> None:
    text = "14.05 BST Ukraine and Denmark have signed a security agreement, officials said."
    events = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "agreement"]
    assert events and all("BST" not in a.text for e in events for a in e.args.get("party", []))


def test_a_number_before_a_sentence_is_kept(kb_extractor, make_clean) -> None:
    text = "14 Polish jets were ordered from Lockheed Martin on Friday, officials said."
    events = kb_extractor.extract(make_clean(text))
    assert any(e.args.get("quantity") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The US gave Moldova $300m to buy air defence systems.",
        "Germany gave Moldova €90m to buy more interceptors for its air defences.",
    ],
)
def test_money_given_to_buy_makes_the_giver_no_seller(kb_extractor, make_clean, text) -> None:
    events = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "procurement"]
    assert not any(e.args.get("seller") for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon awarded Lockheed Martin a $300m contract for F-16 modernisation for "
        "Jordan.",
        "Raytheon won a $900m Army contract for Patriot sustainment for Qatar.",
    ],
)
def test_a_company_contract_for_a_client_state_is_no_aid(kb_extractor, make_clean, text) -> None:
    assert [e for e in kb_extractor.extract(make_clean(text)) if e.type == "aid"] == []
