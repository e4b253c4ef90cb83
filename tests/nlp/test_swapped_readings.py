"""One deal read twice with its parties' roles swapped keeps one reading (sentences written
for these tests)."""

from __future__ import annotations


def _deals(doc):
    return [
        {r: [v.text for v in vs] for r, vs in m.args.items()}
        for m in doc._.mentions
        if m.type == "procurement"
    ]


def test_received_an_order_from_the_buyer(parse):
    doc = parse("In October, Thales received an order from Saab for further radars.")
    (deal,) = _deals(doc)
    assert deal["buyer"] == ["Saab"] and deal["seller"] == ["Thales"]
    assert deal["item"] == ["radars"]
