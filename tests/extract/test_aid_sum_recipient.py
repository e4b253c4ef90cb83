"""A recipient the parse hangs on the sum the aid is counted in ("pledged NOK 1 billion in
military aid to Ukraine") is the aid's recipient (`materiel.nlp.roles.aid`)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


def test_the_state_after_the_sum_receives(kb_extractor: Extractor) -> None:
    doc = Document(id="as", text="Norway pledged NOK 1 billion in military aid to Ukraine on "
                   "Thursday.", published="2025-03-14")
    (e,) = [e for e in kb_extractor.extract(clean(doc)) if e.type == "aid"]
    assert [a.text for a in e.args["recipient"]] == ["Ukraine"]
