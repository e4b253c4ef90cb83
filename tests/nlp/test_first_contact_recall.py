"""Events told in wire style that the rules used to miss (sentences written for these tests):
contracts given to several firms at once, sums asked of a legislature, ..."""

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
