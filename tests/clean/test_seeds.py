"""The shared seed articles, read by path (skipped when they are absent)."""

from collections.abc import Callable

from materiel.clean import clean
from materiel.models import CleanDocument, Document

from .helpers import assert_consistent


def clean_seed(seed_text: Callable[[str], str], number: str) -> CleanDocument:
    result = clean(Document(id=f"seed-{number}", text=seed_text(number)))
    assert_consistent(result)
    return result


def test_seed_000_is_a_feed(seed_text: Callable[[str], str]) -> None:
    result = clean_seed(seed_text, "000")
    assert result.is_feed
    [repeat] = result.removed
    assert repeat.reason == "repeated line"
    assert result.text.count(repeat.text) == 1
    lines = result.text.split("\n")
    assert len(lines) == len(set(lines)) == len(result.stories)
    assert result.sentences[0].is_heading and result.segments[0].kind == "heading"
    truncated = [s for s in result.sentences if s.truncated]
    assert len(truncated) == 2
    assert truncated[0].text.split()[-1] == "and"  # stops on a function word
    assert truncated[1].text.split()[-1].isalpha()  # stops after a dangling clause
    for sentence in truncated:
        last_of_item = [s for s in result.sentences if s.segment == sentence.segment][-1]
        assert sentence == last_of_item and not sentence.text.endswith(".")
    assert all(s.kind in ("heading", "item") for s in result.segments)


def test_seed_001_keeps_its_headings(seed_text: Callable[[str], str]) -> None:
    result = clean_seed(seed_text, "001")
    assert [(r.reason, r.text) for r in result.removed] == [
        ("key takeaways header", "Key Takeaways")
    ]
    headings = [s for s in result.sentences if s.is_heading]
    assert len(headings) == 7
    assert headings[5].text.endswith("?")
    raw_lines = seed_text("001").splitlines()
    for heading in headings:
        segment = result.segments[heading.segment]
        assert segment.kind == "heading"
        assert result.text[segment.start : segment.end] == heading.text
        assert result.segments[heading.segment + 1].kind == "paragraph"
        # each heading was glued to the first sentence of its paragraph
        assert any(line.startswith(heading.text + " ") for line in raw_lines)
        words = heading.text.rstrip("?").replace(":", "").split()
        assert all(word[0].isupper() or word in ("to", "of") for word in words)
    assert not result.is_feed
    assert not any(s.truncated for s in result.sentences)


def test_seed_002_is_several_stories(seed_text: Callable[[str], str]) -> None:
    result = clean_seed(seed_text, "002")
    assert len(result.stories) >= 2
    assert [r.reason for r in result.removed] == [
        "contributor credit",
        "wire credit",
        "newsletter prompt",
    ]
    assert result.removed[1].text == "AP, Reuters"
    assert "contributed" not in result.text and "newsletter" not in result.text
    # a standalone heading opens the second story, a topic shift the third
    assert len(result.stories) == 3
    assert result.stories[1].heading is not None and result.stories[2].heading is None
    assert not result.is_feed
