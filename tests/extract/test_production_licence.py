"""A licensor named by "under licence from" stays the partner of a production (text written
for this test)."""

from __future__ import annotations

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


def test_a_licensor_company_stays_the_partner(kb_extractor: Extractor) -> None:
    text = "The firm will be manufacturing A400M aircraft in Spain under licence from Airbus."
    doc = Document(id="lic", text=text, published="2024-05-10")
    (e,) = [e for e in kb_extractor.extract(clean(doc)) if e.type == "production"]
    assert [a.text for a in e.args["partner"]] == ["Airbus"]
    assert "Airbus" not in [a.text for a in e.args.get("producer", [])]
