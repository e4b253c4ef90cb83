"""Documents that used to be lost whole: a sentence longer than spaCy accepts (E088) and a
publication date at the ends of the calendar."""

from __future__ import annotations

import pytest

from materiel.extract import extract_quotes
from materiel.nlp.chunks import bounded_chunks

QUOTE = "“We will buy more tanks,” Anna Kask said. "


@pytest.mark.parametrize("limit", [1, 7, 50, 1_000])
def test_bounded_chunks_cover_the_text(limit: int) -> None:
    text = "The ministry signed a contract for howitzers " * 40 + "x" * 120
    chunks = bounded_chunks(text, limit)
    assert "".join(piece for _, piece in chunks) == text
    assert all(0 < len(piece) <= limit for _, piece in chunks)
    assert [offset for offset, _ in chunks] == [
        sum(len(piece) for _, piece in chunks[:i]) for i in range(len(chunks))
    ]


def test_bounded_chunks_cut_after_a_space() -> None:
    assert bounded_chunks("alpha beta gamma", 12) == [(0, "alpha beta "), (11, "gamma")]


def test_sentence_longer_than_spacy_accepts(extractor, make_clean) -> None:
    """No full stop in over a million characters: the quote at its start is still read and
    the document's other sentences give the events they give alone."""
    news = "Poland ordered 152 K9 howitzers from Hanwha on Monday."
    sentence = QUOTE.rstrip(". ") + " and " + "the talks went on " * 60_000
    assert len(sentence) > extractor.nlp.max_length
    cd = make_clean(news + "\n" + sentence)
    assert max(len(s.text) for s in cd.sentences) > extractor.nlp.max_length
    events = extractor.extract(cd)
    alone = extractor.extract(make_clean(news))
    assert [e.summary for e in events] == [e.summary for e in alone]
    quotes = extract_quotes(cd, extractor.nlp)
    assert [q.speaker for q in quotes] == ["Anna Kask"]


def test_overlong_sentence_is_parsed_in_pieces(extractor, make_clean, monkeypatch) -> None:
    """With a small `max_length`, quotes in every piece are found, at the right offsets (each
    piece here is one quote and its filler: a cut falls after the last space of a piece)."""
    piece = QUOTE.rstrip(". ") + " and " + "the talks went on for hours " * 40
    monkeypatch.setattr(extractor.nlp, "max_length", len(piece))
    cd = make_clean(piece * 4)
    assert len(cd.sentences) == 1 and len(cd.sentences[0].text) > 3 * len(piece)
    quotes = extract_quotes(cd, extractor.nlp)
    assert len(quotes) == 4
    for quote in quotes:
        assert cd.text[quote.start : quote.end].rstrip(",") == quote.text.rstrip(",")
        assert quote.speaker == "Anna Kask"


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01", "9999-12-31", "9999-12"])
def test_publication_date_at_the_ends_of_the_calendar(extractor, make_clean, published) -> None:
    cd = make_clean(
        "Poland signed a contract on Monday for 152 K9 howitzers. Last month it ordered 48 "
        "more, and deliveries start next year. Two weeks ago Germany sent 10 tanks to Ukraine.",
        published=published,
    )
    events = extractor.extract(cd)
    assert events
    assert all(e.date is None or "0000" < e.date[:4] <= "9999" for e in events)
    extract_quotes(cd, extractor.nlp)
