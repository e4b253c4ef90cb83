"""Readings of this round's rules that must not reach too far on ordinary newspaper text
(sentences written for these tests)."""

from __future__ import annotations

from materiel.extract import Extractor


def _types(extractor: Extractor, make_clean, text: str) -> list[str]:
    return [e.type for e in extractor.extract(make_clean(text, published="2024-05-10"))]


def test_a_military_strike_on_a_named_person_is_a_strike(extractor: Extractor, make_clean):
    text = "Israel carried out an air strike on militia commander Karim Haddad in Beirut."
    assert "strike" in _types(extractor, make_clean, text)
    words = "The opposition leader launched a blistering attack on the prime minister."
    assert "strike" not in _types(extractor, make_clean, words)


def test_a_statement_that_forces_struck_is_no_disputed_claim(extractor: Extractor, make_clean):
    text = "Russia issued a statement that its forces struck a Ukrainian air base near Poltava."
    assert "strike" in _types(extractor, make_clean, text)


def test_troops_put_an_agreement_on_defence_only_in_its_own_words(extractor: Extractor,
                                                                   make_clean):
    for civil in (
        "Britain signed an agreement with Japan on artificial intelligence on Monday.",
        "Labour and the unions reached an agreement on pay, as the armed forces prepared to "
        "step in.",
    ):
        assert "agreement" not in _types(extractor, make_clean, civil), civil
    troops = "Poland and Lithuania signed an agreement on stationing a German brigade there."
    assert "agreement" in _types(extractor, make_clean, troops)


def test_the_may_government_is_no_month(extractor: Extractor, make_clean):
    (e,) = extractor.extract(make_clean(
        "Under the May government, Britain signed a contract for 40 Typhoon jets.",
        published="2024-05-10"))
    assert e.date == "2024-05-10"


def test_a_supplemental_bill_is_one_event(extractor: Extractor, make_clean):
    text = ("Congress passed the $95 billion national security supplemental bill for Ukraine "
            "and Israel on Tuesday.")
    assert _types(extractor, make_clean, text) == ["aid"]
