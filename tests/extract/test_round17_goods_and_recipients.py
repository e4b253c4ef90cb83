"""Two readings after round 17: a recipient the parse hangs on the sum the aid is counted in
("pledged NOK 1 billion in military aid to Ukraine", `materiel.nlp.roles.aid`), and goods named
as examples of goods ("heavy weapons such as Leopard tanks", `materiel.nlp.roles.items`)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


def test_the_state_after_the_sum_receives(kb_extractor: Extractor) -> None:
    doc = Document(id="as", text="Norway pledged NOK 1 billion in military aid to Ukraine on "
                   "Thursday.", published="2025-03-14")
    (e,) = [e for e in kb_extractor.extract(clean(doc)) if e.type == "aid"]
    assert [a.text for a in e.args["recipient"]] == ["Ukraine"]


def test_goods_named_as_examples_are_items(kb_extractor: Extractor) -> None:
    doc = Document(id="ex", text="Germany will send Ukraine heavy weapons such as Leopard tanks "
                   "and PzH 2000 howitzers.", published="2025-03-14")
    (e,) = [e for e in kb_extractor.extract(clean(doc)) if e.type == "aid"]
    items = [a.text for a in e.args["item"]]
    assert "Leopard tanks" in items and "PzH 2000 howitzers" in items


def test_examples_of_no_goods_make_no_items(kb_extractor: Extractor) -> None:
    doc = Document(id="ex2", text="Poland bought 40 howitzers from countries such as South Korea "
                   "and the United States.", published="2025-03-14")
    for e in kb_extractor.extract(clean(doc)):
        assert not any("Korea" in a.text for a in e.args.get("item", []))
