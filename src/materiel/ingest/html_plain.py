"""A plain lxml text pass over a page: the fallback when trafilatura finds nothing (or
fails), and the measure of how much text a page shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

# huge_tree lifts libxml2's nesting limit of 255 (deeper content is silently dropped
# without it) to 2048; input size is already capped by the reader options.
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False
)
_SKIPPED = frozenset(
    ("aside", "button", "canvas", "embed", "figure", "footer", "form", "head", "iframe")
    + ("menu", "nav", "noscript", "object", "script", "select", "style", "svg", "template")
    + ("textarea", "title")
)
_HEADER = "header"  # its lines are flagged (plain_lines), and left out of plain_text
_PARAGRAPHS = frozenset(
    ("blockquote", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "pre", "td", "th")
)
_BLOCKS = _PARAGRAPHS | frozenset(
    ("address", "article", "body", "br", "div", "dl", "hr", "main", "ol", "section", "table")
    + ("tr", "ul")
)
# Text outside paragraph-like elements is kept only when it reads like a sentence or more.
_MIN_LOOSE_WORDS = 8
_LETTER = re.compile(r"[^\W\d_]")
# Control characters and U+FFFD: binary data read as text has about one in four.
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_BINARY_SHARE = 0.05
_MAX_LINK_SHARE = 0.5  # of a line's words inside links; more is a menu or a list of links
_TITLE_OPEN = re.compile(r"<title\b(?:[^<>]|<(?!title\b))*+>", re.I)  # stops at the next <title
_TITLE_CLOSE = re.compile(r"</title", re.I)


def close_runaway_title(html: str) -> str:
    """Close a <title> that is never closed: parsers read everything after it as the title."""
    opening = _TITLE_OPEN.search(html)
    if opening is None or _TITLE_CLOSE.search(html, opening.end()):
        return html
    end = html.find("<", opening.end())
    return html if end < 0 else f"{html[:end]}</title>{html[end:]}"


def parse_page(html: str) -> Any | None:
    """The page's lxml tree, nested up to 2048 deep; None when there is no document."""
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.LxmlError, ValueError):
        return None


def page_title(tree: Any) -> str | None:
    for title in tree.xpath("//meta[@property='og:title']/@content|//title//text()"):
        if title.strip():
            return " ".join(title.split())
    return None


def _walk_document(tree: Any) -> Iterator[tuple[str, Any, Any]]:
    """(event, element, walker) over the root and the elements beside it: libxml2 can
    leave a second <html> next to the first, e.g. after conditional comments."""
    for root in [*reversed(list(tree.itersiblings(preceding=True))), tree, *tree.itersiblings()]:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            yield event, element, walker


class _Lines:
    """Text gathered between block boundaries, kept in `out` as a line (flagged `in_header`)
    when it reads as prose."""

    def __init__(self, out: list[tuple[str, bool]], in_header: bool) -> None:
        self.out, self.in_header = out, in_header
        self._parts: list[str] = []
        self._link_words = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            self._link_words += len(text.split()) if in_link else 0

    def end_block(self, in_paragraph: bool) -> None:
        line = " ".join("".join(self._parts).split())
        words, link_words = len(line.split()), self._link_words
        self._parts.clear()
        self._link_words = 0
        if (
            _LETTER.search(line)
            and (in_paragraph or words >= _MIN_LOOSE_WORDS)
            and link_words <= _MAX_LINK_SHARE * words
            and len(_BINARY.findall(line)) <= _MAX_BINARY_SHARE * len(line)
        ):
            self.out.append((line, self.in_header))


def plain_lines(tree: Any) -> list[tuple[str, bool]]:
    """The lines of `plain_text` in page order, with those of <header> elements (a site's
    banner, or an article's headline and standfirst) among them, flagged True."""
    lines: list[tuple[str, bool]] = []
    body, header = _Lines(lines, False), _Lines(lines, True)
    paragraphs = links = headers = 0  # open paragraph-like, link and header elements
    for event, element, walker in _walk_document(tree):
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment, entity
        if event == "start":
            if tag is None or tag in _SKIPPED:
                walker.skip_subtree()  # its end event still comes, for the tail
                continue
            if tag in _BLOCKS:
                (header if headers else body).end_block(paragraphs > 0)
                paragraphs += tag in _PARAGRAPHS
            headers += tag == _HEADER
            links += tag == "a"
            (header if headers else body).add(element.text, links > 0)
        else:
            if tag in _BLOCKS or tag == _HEADER:  # a header's text is a line of its own
                (header if headers else body).end_block(paragraphs > 0)
                paragraphs -= tag in _PARAGRAPHS
            headers -= tag == _HEADER
            links -= tag == "a"
            (header if headers else body).add(element.tail, links > 0)
    body.end_block(False)
    return lines


def plain_text(tree: Any) -> str:
    """Paragraph text of the page, one line per block, without scripts, styles, navigation,
    headers, footers, asides, forms and lines of links (menus)."""
    return "\n".join(line for line, in_header in plain_lines(tree) if not in_header)
