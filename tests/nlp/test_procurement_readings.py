"""Procurement constructions of round 11: a deal's phrases hung on its "worth" or on the
winning verb, goods named by the clause around a contract noun, and who signed it."""

from __future__ import annotations


def _procurements(parse, text: str) -> list:
    return [m for m in parse(text)._.mentions if m.type == "procurement"]


def _vals(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


def test_an_order_worth_a_sum_keeps_who_placed_it(parse) -> None:
    ms = _procurements(
        parse,
        "Rheinmetall won orders worth $20 million for 40 armoured vehicles from the Kenyan Army.",
    )
    assert ms and any("Kenyan Army" in _vals(m, "buyer") for m in ms)
    assert all("Kenyan Army" not in _vals(m, "seller") for m in ms)


def test_a_contract_that_covers_goods_is_a_purchase(parse) -> None:
    (m,) = _procurements(
        parse,
        "The contract, signed last year by the Polish Ministry of National Defence, "
        "covers 300 Piorun launchers.",
    )
    assert _vals(m, "item") == ["Piorun launchers"]
    assert _vals(m, "buyer") == ["Polish Ministry of National Defence"]


def test_the_signer_of_a_cited_contract_buys(parse) -> None:
    (m,) = _procurements(
        parse,
        "Officials cited the contract signed in May by the Polish Ministry of National Defence "
        "for Piorun launchers.",
    )
    assert _vals(m, "item") == ["Piorun launchers"]
    (buyer,) = _vals(m, "buyer")  # the signer, not who cites the contract
    assert buyer.startswith("Polish Ministry")


def test_a_maker_that_has_orders_sells(parse) -> None:
    (m,) = _procurements(
        parse, "Hindustan Aeronautics Limited has orders for 18 Tejas trainers from the air force."
    )
    assert _vals(m, "seller") == ["Hindustan Aeronautics Limited"]
    assert "Hindustan Aeronautics Limited" not in _vals(m, "buyer")


def test_the_subject_of_a_deal_to_sell_sells(parse) -> None:
    ms = _procurements(parse, "France signed an agreement with Greece to sell six Rafale jets.")
    assert ms
    for m in ms:
        assert "France" not in _vals(m, "buyer") and "Greece" not in _vals(m, "seller")
    assert any(_vals(m, "buyer") == ["Greece"] for m in ms)


def test_a_bid_to_win_an_order_is_no_order(parse) -> None:
    assert not _procurements(
        parse, "Bharat Forge is looking to bag its first export order for its towed howitzer."
    )
    assert _procurements(
        parse, "Bharat Forge won its first export order for its towed howitzer from Armenia."
    )


def test_goods_bought_in_a_relative_clause_name_their_buyer(parse) -> None:
    (m,) = _procurements(
        parse, "The Greek fighter jets that were bought from France in 2001 were absent."
    )
    assert _vals(m, "buyer") == ["Greek"] and _vals(m, "seller") == ["France"]
