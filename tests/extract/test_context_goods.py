"""A production that names its maker but not its goods takes them from an event of the
sentence before, never from a weapon merely named there (`materiel.extract.context_roles`)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document, Event


def _productions(ex: Extractor, text: str) -> list[Event]:
    doc = Document(id="cg", text=text, published="2024-07-10")
    return [e for e in ex.extract(clean(doc)) if e.type == "production"]


def test_goods_of_the_order_before_are_what_is_produced(kb_extractor: Extractor) -> None:
    (e,) = _productions(kb_extractor, (
        "Poland ordered 96 K9 howitzers from Hanwha in May. Hanwha will begin production at "
        "its plant in Changwon next year."))
    assert [a.text for a in e.args["producer"]] == ["Hanwha"]
    assert [a.text for a in e.args["item"]] == ["K9 howitzers"]


def test_a_weapon_only_named_before_is_not_borrowed(kb_extractor: Extractor) -> None:
    assert _productions(kb_extractor, (
        "Crowds saw the K9 howitzers at a fair in Warsaw in May. Hanwha will begin production "
        "at its plant in Changwon next year.")) == []


def test_a_named_capacity_borrows_no_goods(kb_extractor: Extractor) -> None:
    assert _productions(kb_extractor, (
        "Poland ordered 96 K9 howitzers from Hanwha in May. Hanwha wants to expand "
        "manufacturing throughput next year.")) == []
