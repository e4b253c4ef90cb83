"""A strike's target placed by a city ("a base south of Haifa", "facilities in Beirut's
southern suburbs", "a power plant on the outskirts of Kharkiv") gives the strike its location
(`materiel.nlp.roles.strikes`)."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


@pytest.mark.parametrize(("text", "place"), [
    ("Hezbollah fired rockets at an Israeli military base south of Haifa on Monday.", "Haifa"),
    ("Israeli aircraft struck weapons storage facilities in Beirut's southern suburbs "
     "overnight.", "Beirut"),
    ("Russian missiles hit a power plant on the outskirts of Kharkiv on Monday.", "Kharkiv"),
])
def test_the_city_that_places_the_target(kb_extractor: Extractor, text: str, place: str) -> None:
    doc = Document(id="sp", text=text, published="2025-03-14")
    (e,) = [e for e in kb_extractor.extract(clean(doc)) if e.type == "strike"]
    assert place in [a.text for a in e.args.get("location", [])]
