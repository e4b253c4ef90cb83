"""Checks shared by the cleaning tests."""

from __future__ import annotations

from materiel.clean import source_text
from materiel.models import CleanDocument


def assert_consistent(clean_doc: CleanDocument) -> None:
    """Every offset of `clean_doc` points at the text it claims to."""
    text = clean_doc.text
    for sentence in clean_doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        segment = clean_doc.segments[sentence.segment]
        assert segment.start <= sentence.start <= sentence.end <= segment.end
        assert sentence.story == segment.story
    for segment in clean_doc.segments:
        assert 0 <= segment.start < segment.end <= len(text)
        assert "\n" not in text[segment.start : segment.end]
    for index, story in enumerate(clean_doc.stories):
        assert story.index == index
        members = [s for s in clean_doc.segments if s.story == index]
        assert members and story.start == members[0].start and story.end == members[-1].end
    source = source_text(clean_doc.doc)
    for removal in clean_doc.removed:
        assert source[removal.start : removal.end] == removal.text
        assert removal.reason and removal.reason == removal.reason.lower()
