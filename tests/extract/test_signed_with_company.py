"""A deal signed "with" a known company that the parse hangs low in the deal's phrase names
the seller (`materiel.nlp.roles.procurement._company_signed_with`)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document, Event


def _purchases(ex: Extractor, text: str) -> list[Event]:
    doc = Document(id="sw", text=text, published="2025-03-14")
    return [e for e in ex.extract(clean(doc)) if e.type == "procurement"]


def _sellers(e: Event) -> list[str]:
    return [a.text for a in e.args.get("seller", [])]


def test_the_company_a_deal_is_signed_with_sells(kb_extractor: Extractor) -> None:
    (e,) = _purchases(kb_extractor, (
        "The Army signed a contract for 400 M4 launchers worth Rs 630 crore with Saab last "
        "year."))
    assert _sellers(e) == ["Saab"]


def test_a_company_in_a_side_phrase_sells_nothing(kb_extractor: Extractor) -> None:
    (e,) = _purchases(kb_extractor, (
        "Poland signed a deal for 96 Apache helicopters, in cooperation with Boeing and "
        "Lockheed Martin."))
    assert _sellers(e) == []
