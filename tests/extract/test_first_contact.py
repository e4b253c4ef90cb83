"""Whole documents in wire style (my own text): events the rules used to miss or fuse."""

from __future__ import annotations

from materiel.extract import Extractor


def test_separate_contracts_stay_apart_after_merging(extractor: Extractor, make_clean):
    text = ("The army awarded Rheinmetall and BAE Systems separate contracts for new "
            "armoured vehicles on Tuesday. The vehicles will replace older tanks.")
    events = [e for e in extractor.extract(make_clean(text)) if e.type == "procurement"]
    sellers = sorted(a.text for e in events for a in e.args.get("seller", []))
    assert sellers == ["BAE Systems", "Rheinmetall"], [e.to_json() for e in events]
    assert len(events) == 2


def test_a_city_with_its_country_is_one_destination(kb_extractor: Extractor, make_clean):
    text = ("This week, President Biden visited Vilnius, Lithuania and Riga, Latvia to "
            "reassure the allies about their air defence.")
    meetings = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "meeting"]
    assert any("Biden" in a.text for e in meetings for a in e.args.get("participant", [])), [
        e.to_json() for e in meetings]
