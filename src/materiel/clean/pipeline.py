"""`clean(doc)`: the cleaning stage composed from the pure functions of this package.

Order: title, normalise line by line, drop boilerplate and repeated lines, split headings
off, lay out the cleaned text (one segment a line), find feeds and stories, split sentences.
Removal offsets point into `source_text(doc)`; every other offset points into the cleaned
text, which joins the kept lines with "\\n".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from materiel.clean.boilerplate import boilerplate_reason, trailing_notice_start
from materiel.clean.credits import source_credit_length
from materiel.clean.headings import glued_heading_end, is_standalone_heading
from materiel.clean.normalize import line_spans, normalize_line, raw_offset
from materiel.clean.repeats import repeated_lines
from materiel.clean.sentences import is_truncated, sentence_spans
from materiel.clean.stories import is_feed, topic_boundaries
from materiel.models import CleanDocument, Document, Removal, Segment, Sentence, Story

TEXT_KINDS = ("paragraph", "item")  # segment kinds split into sentences


@dataclass(frozen=True)
class Line:
    """A non-blank normalised line, with the span of the raw line it came from."""

    text: str
    raw_start: int
    raw_end: int
    kind: str = "paragraph"


def source_text(doc: Document) -> str:
    """The raw text that `Removal` offsets point into: "title\\ntext" when the title is not
    already at the start of the text, else the text."""
    return f"{doc.title}\n{doc.text}" if _prepends_title(doc) else doc.text


def _prepends_title(doc: Document) -> bool:
    title = normalize_line(doc.title or "")
    if not title:
        return False
    # The first line is all that matters; leave room for blank lines and odd spaces.
    head = read_lines(doc.text[: 4 * len(title) + 200])
    first_line = next((line.text for line in head if line.text), "")
    return not first_line.casefold().startswith(title.casefold())


def clean(doc: Document) -> CleanDocument:
    """Clean one document; pure and deterministic."""
    source = source_text(doc)
    removed: list[Removal] = []
    lines = read_lines(source)
    lines = mark_title(lines, normalize_line(doc.title or ""), source)
    lines = drop_boilerplate(lines, source, removed)
    lines = drop_repeats(lines, source, removed)
    lines = split_headings(lines)
    feed = is_feed([line.text for line in lines if line.kind != "title"])
    if feed:
        lines = [replace(line, kind="item") if line.kind == "paragraph" else line for line in lines]
    text, segments = lay_out(lines)
    segments, stories = assign_stories(text, segments, feed)
    return CleanDocument(
        doc=doc,
        text=text,
        segments=segments,
        stories=stories,
        sentences=split_segments(text, segments),
        removed=sorted(removed, key=lambda removal: removal.start),
        is_feed=feed,
    )


def read_lines(source: str) -> list[Line]:
    """The lines of `source` that are not blank; a line of markup only normalises to ""."""
    lines = []
    for start, end in line_spans(source):
        raw = source[start:end]
        if raw and not raw.isspace():
            lines.append(Line(normalize_line(raw), start, end))
    return lines


def mark_title(lines: list[Line], title: str, source: str) -> list[Line]:
    """Make the first line the title when it is (or starts with) the document's title."""
    if not title or not lines or not lines[0].text.casefold().startswith(title.casefold()):
        return lines
    first = lines[0]
    marked = [replace(first, text=first.text[: len(title)], kind="title")]
    rest = first.text[len(title) :]
    if rest.strip():
        raw_line = source[first.raw_start : first.raw_end]
        rest_start = first.raw_start + raw_offset(
            raw_line, len(title) + len(rest) - len(rest.lstrip())
        )
        marked.append(replace(first, text=rest.strip(), raw_start=rest_start))
    return marked + lines[1:]


def drop_boilerplate(lines: list[Line], source: str, removed: list[Removal]) -> list[Line]:
    """Drop boilerplate lines, leading source credits and trailing disclaimers, noting them
    in `removed`."""
    kept = []
    for line in lines:
        if line.kind == "title":
            kept.append(line)
            continue
        reason = boilerplate_reason(line.text)
        if reason:
            removed.append(_removal(source, line.raw_start, line.raw_end, reason))
            continue
        kept.append(_cut_credits(line, source, removed))
    return kept


def _cut_credits(line: Line, source: str, removed: list[Removal]) -> Line:
    """`line` without a leading source credit or a trailing disclaimer."""
    raw_line = source[line.raw_start : line.raw_end]
    text, raw_start, raw_end = line.text, line.raw_start, line.raw_end
    credit = source_credit_length(text)
    if credit:
        raw_start = line.raw_start + raw_offset(raw_line, credit)
        removed.append(_removal(source, line.raw_start, raw_start, "source credit"))
        text = text[credit:]
    notice = trailing_notice_start(text)
    if notice is not None:
        raw_end = line.raw_start + raw_offset(raw_line, credit + notice)
        removed.append(_removal(source, raw_end, line.raw_end, "disclaimer"))
        text = text[:notice]
    return replace(line, text=text, raw_start=raw_start, raw_end=raw_end)


def drop_repeats(lines: list[Line], source: str, removed: list[Removal]) -> list[Line]:
    """Drop the later copies of repeated lines, noting them in `removed`."""
    repeats = set(repeated_lines([line.text for line in lines]))
    for index in sorted(repeats):
        line = lines[index]
        removed.append(_removal(source, line.raw_start, line.raw_end, "repeated line"))
    return [line for index, line in enumerate(lines) if index not in repeats]


def _removal(source: str, start: int, end: int, reason: str) -> Removal:
    return Removal(text=source[start:end], reason=reason, start=start, end=end)


def split_headings(lines: list[Line]) -> list[Line]:
    """Mark standalone headings; split Title-Case headings glued to their paragraph."""
    result = []
    for line in lines:
        if line.kind == "title":
            result.append(line)
        elif is_standalone_heading(line.text):
            result.append(replace(line, kind="heading"))
        else:
            end = glued_heading_end(line.text)
            if end is None:
                result.append(line)
            else:
                result.append(replace(line, text=line.text[:end].rstrip(), kind="heading"))
                result.append(replace(line, text=line.text[end:]))
    return result


def lay_out(lines: list[Line]) -> tuple[str, list[Segment]]:
    """The cleaned text (the lines joined by "\\n") and one segment per line."""
    segments = []
    offset = 0
    for line in lines:
        segments.append(Segment(kind=line.kind, start=offset, end=offset + len(line.text)))
        offset += len(line.text) + 1
    return "\n".join(line.text for line in lines), segments


def assign_stories(
    text: str, segments: list[Segment], feed: bool
) -> tuple[list[Segment], list[Story]]:
    """Give each segment its story and describe the stories.

    A feed has one story per line (the title, if any, is a story of its own).  Elsewhere
    a story starts at a heading that follows some text, and at a strong topic shift
    between the paragraphs of one heading's section.
    """
    if feed:
        starts = set(range(len(segments)))
    else:
        starts = {0} | _heading_starts(segments) | _topic_starts(text, segments)
    assigned: list[Segment] = []
    members: list[list[Segment]] = []
    for index, segment in enumerate(segments):
        if index in starts:
            members.append([])
        assigned.append(replace(segment, story=len(members) - 1))
        members[-1].append(assigned[-1])
    stories = []
    for number, story in enumerate(members):
        heading = next((s for s in story if s.kind in ("title", "heading")), None)
        stories.append(
            Story(
                index=number,
                start=story[0].start,
                end=story[-1].end,
                heading=text[heading.start : heading.end] if heading else None,
            )
        )
    return assigned, stories


def _heading_starts(segments: list[Segment]) -> set[int]:
    starts = set()
    has_text = False
    for index, segment in enumerate(segments):
        if segment.kind == "heading" and has_text:
            starts.add(index)
            has_text = False
        elif segment.kind in TEXT_KINDS:
            has_text = True
    return starts


def _topic_starts(text: str, segments: list[Segment]) -> set[int]:
    """Segments that open a story at a topic shift, section by section."""
    starts: set[int] = set()
    section: list[int] = []
    for index, segment in enumerate([*segments, Segment("heading", 0, 0)]):
        if segment.kind in TEXT_KINDS:
            section.append(index)
            continue
        paragraphs = [text[segments[i].start : segments[i].end] for i in section]
        starts.update(section[cut] for cut in topic_boundaries(paragraphs))
        section = []
    return starts


def split_segments(text: str, segments: list[Segment]) -> list[Sentence]:
    """Sentences of paragraphs and items; a title or heading is one heading sentence."""
    sentences = []
    for index, segment in enumerate(segments):
        if segment.kind not in TEXT_KINDS:
            sentences.append(
                Sentence(
                    start=segment.start,
                    end=segment.end,
                    text=text[segment.start : segment.end],
                    story=segment.story,
                    segment=index,
                    is_heading=True,
                )
            )
            continue
        spans = sentence_spans(text[segment.start : segment.end])
        for position, (start, end) in enumerate(spans):
            sentence_text = text[segment.start + start : segment.start + end]
            last = position == len(spans) - 1
            sentences.append(
                Sentence(
                    start=segment.start + start,
                    end=segment.start + end,
                    text=sentence_text,
                    story=segment.story,
                    segment=index,
                    truncated=last and is_truncated(sentence_text),
                )
            )
    return sentences
