"""The linker measured on annotated events: gold records turned into the events extraction
would have stored (first spellings as text, numbers parsed, names resolved by the KB)."""

from __future__ import annotations

from materiel.evaluation.merge_gold import GoldEvents, arguments
from materiel.models import CleanDocument, Document


def test_gold_values_become_arguments_as_extraction_writes_them():
    args = arguments({"donor": ["the United States|US"], "value": ["400000000 USD"],
                      "quantity": [12]})
    assert args["donor"][0].text == "the United States"
    assert (args["value"][0].value, args["value"][0].currency) == (400e6, "USD")
    assert args["quantity"][0].value == 12.0


def test_a_document_gets_its_annotated_events_resolved():
    text = "Washington pledged HAWK missiles to Kyiv. Ukraine thanked the United States."
    gold = {"d1": {"doc": "d1", "events": [{
        "type": "aid", "status": "announced", "date": "2022-11-04",
        "evidence": "Washington pledged HAWK missiles to Kyiv.",
        "args": {"donor": ["the United States"], "recipient": ["Ukraine"]}}]}}
    clean = CleanDocument(doc=Document(id="d1", text=text, published="2022-11-05"), text=text)
    (_, found), = GoldEvents(gold).extract_many([clean])
    event, = found
    assert (event.type, event.date, event.evidence_start) == ("aid", "2022-11-04", 0)
    assert event.args["donor"][0].id == "country:US"
    assert event.args["recipient"][0].id == "country:UA"
    (_, none), = GoldEvents(gold).extract_many([
        CleanDocument(doc=Document(id="other", text=text), text=text)])
    assert none == []
