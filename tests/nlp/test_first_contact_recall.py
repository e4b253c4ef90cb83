"""Events told in wire style that the rules used to miss (sentences written for these tests):
contracts given to several firms at once, ..."""

from __future__ import annotations


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
