"""Quotes with speakers over a whole document; "he said" resolved within the story."""

from __future__ import annotations

from materiel.extract import extract_quotes


def test_he_said_is_the_nearest_named_speaker(extractor, make_clean):
    cd = make_clean(
        "Defence Minister Lena Holm visited the shipyard on Monday.\n"
        "“The first frigate will be ready next spring,” Holm said.\n"
        "“We are ahead of schedule,” she added.\n"
        "Admiral Peter Lund said the navy was satisfied.\n"
        "“The crews are already training,” he said."
    )
    quotes = extract_quotes(cd, extractor.nlp)
    got = [(q.text.rstrip(","), q.speaker, q.via) for q in quotes]
    assert got == [
        ("The first frigate will be ready next spring", "Holm", None),
        ("We are ahead of schedule", "Holm", "she"),
        ("The crews are already training", "Peter Lund", "he"),
    ]
    for q in quotes:
        assert cd.text[q.start : q.end].rstrip(",") == q.text.rstrip(",")


def test_quote_over_two_sentences(extractor, make_clean):
    cd = make_clean(
        '"The line opens in June. It will make 500 shells a day," Karl Weber told reporters.'
    )
    (q,) = extract_quotes(cd, extractor.nlp)
    assert q.speaker == "Karl Weber" and q.text.startswith("The line opens in June. It will")


def test_no_speaker_across_stories(extractor, make_clean):
    from dataclasses import replace

    from materiel.models import Story

    cd = make_clean("Anna Kask said the budget grows.\n“It is enough,” she said.")
    cut = cd.text.index("\n")
    cd.stories = [Story(0, 0, cut), Story(1, cut + 1, len(cd.text))]
    cd.sentences = [replace(s, story=0 if s.start < cut else 1) for s in cd.sentences]
    (q,) = extract_quotes(cd, extractor.nlp)
    assert q.speaker is None


def test_he_said_after_a_sentence_about_a_named_person(extractor, make_clean):
    cd = make_clean(
        "Deputy Minister Tomas Berg called the purchase “overdue by a decade and more.”\n"
        "“Our gunners have waited long enough,” he said."
    )
    quotes = extract_quotes(cd, extractor.nlp)
    last = quotes[-1]
    assert (last.text.rstrip(","), last.speaker, last.via) == (
        "Our gunners have waited long enough", "Tomas Berg", "he"), quotes
