"""Quotes and speakers inside one sentence."""

from __future__ import annotations

from materiel.nlp.quotes import quote_spans


def test_quote_spans():
    text = "“We will keep producing shells,” the minister said."
    ((s, e),) = quote_spans(text)
    assert text[s:e] == "We will keep producing shells,"
    opening = 'He said: "The plant opens in May'
    assert [opening[s:e] for s, e in quote_spans(opening)] == ["The plant opens in May"]
    closing = 'The plant opens in May," he said.'
    assert [closing[s:e] for s, e in quote_spans(closing)] == ["The plant opens in May,"]


def test_named_speaker(parse):
    doc = parse("“The first batch will arrive in spring,” General Anna Berg told reporters.")
    (q,) = doc._.quotes
    assert q.speaker == "Anna Berg" and not q.pronoun and q.text.startswith("The first batch")


def test_pronoun_speaker_is_marked(parse):
    doc = parse("“We need more air defence,” she said.")
    (q,) = doc._.quotes
    assert q.speaker == "she" and q.pronoun


def test_scare_quotes_are_ignored(parse):
    assert parse("He called the plan “unrealistic”.")._.quotes == []
