"""HTML pages to Documents through trafilatura, and HTML fragments to plain text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import IO, Any

import trafilatura
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from materiel.models import Document, Provenance, ReadError

from .common import Source, normalize_date, one_line, read_whole, sha256, stem_of
from .encoding import decode_bytes
from .html_meta import (
    byline_author,
    descriptions,
    headlines,
    hostname,
    site_names,
    strip_site_name,
    whole_title,
)
from .html_plain import close_runaway_title, page_title, parse_page, plain_lines, plain_text
from .options import ReaderOptions

# No "extensive" date search: it guesses from copyright lines and bare years (a footer's
# "Copyright 2024" becomes 2024-01-01); a missing date is better than an invented one.
_DATE_PARAMS = set_date_params(extensive=False)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([A-Za-z0-9_.:-]+)""", re.I
)


def _language(tree: Any) -> str | None:
    """Primary language subtag from <html lang>, Content-Language or og:locale."""
    values = [tree.get("lang"), tree.get("xml:lang")]
    values += tree.xpath(
        "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
        "='content-language']/@content|//meta[@property='og:locale']/@content"
    )
    for value in values:
        if value and value.strip():
            return re.split(r"[-_,; ]", value.strip(), maxsplit=1)[0].lower() or None
    return None


# The fast pass (no fallback extractors, 5x faster) sometimes keeps a fragment: a comment
# policy, a caption. The full extraction is retried when the fast text is shorter than
# RETRY_CHARS or than RETRY_SHARE of the page's plain paragraph text, and the longer text
# kept; both thresholds were measured with benchmarks/readers.py (README, "Reader benchmarks").
RETRY_CHARS = 750
RETRY_SHARE = 0.3

# Both passes often drop the standfirst, the lead paragraph under the headline (a block
# styled as a teaser or intro, or in the article's <header>), which the page's meta description
# usually repeats. A line of the plain text (<header> lines included) that matches a
# description, reads as prose and is not the headline is put back where it stands among the
# lines the text shares with the plain text; not when the text already holds the description,
# nor when no shared line follows it (a footer's site description). Measured with
# benchmarks/readers.py (README, "Reader benchmarks").
MIN_LEAD_WORDS = 10
_MIN_SUMMARY_KEY = 20  # letters and digits; shorter descriptions ("News", "Home") are no guide
_SUMMARY_PREFIX = 40  # a description matches a line holding its start (descriptions are cut)
_SUMMARY_HELD = 100  # a text holding this much of a description's start has the standfirst
_MIN_ANCHOR_KEY = 16  # shorter plain lines ("Home", "Share") do not place a line in the text
_NON_ALNUM = re.compile(r"[\W_]+")


@dataclass
class Page:
    """What a page yields; `error` is the first exception trafilatura raised on it."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    error: Exception | None = None


def extract_pass(tree: Any, url: str | None, *, fast: bool) -> Any:
    """trafilatura's document (text and metadata) for a parsed page, or None."""
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        fast=fast,
        include_comments=False,  # keeps more of the article and leaks less (README)
        date_extraction_params=_DATE_PARAMS,
    )


def main_text(doc: Any) -> str:
    # NFC as trafilatura.extract gives it: some pages spell "ü" as "u" + a combining mark
    return unicodedata.normalize("NFC", doc.text or "").strip() if doc is not None else ""


def needs_full_pass(fast_text: str, tree: Any, plain: str | None = None) -> bool:
    """Whether the fast pass's text looks like a fragment of the page (`plain`: its plain
    text when already known)."""
    if len(fast_text) < RETRY_CHARS:
        return True
    return len(fast_text) < RETRY_SHARE * len(plain_text(tree) if plain is None else plain)


def _line_key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def _keys(texts: Iterable[str | None]) -> list[str]:
    return [key for key in map(_line_key, filter(None, texts)) if len(key) >= _MIN_SUMMARY_KEY]


def with_standfirst(
    text: str, plain: str, summaries: Iterable[str | None], titles: Iterable[str | None] = ()
) -> str:
    """`text` with the line of the page's `plain` text that matches one of its `summaries`
    (meta descriptions) when the text lacks it: the standfirst the extraction dropped. A line
    holding one of the page's `titles` is the headline, not a standfirst."""
    wanted, headline_keys = _keys(summaries), _keys(titles)
    lines = text.splitlines()
    keys = [_line_key(line) for line in lines]
    joined = "\n".join(keys)  # no match across lines
    if not wanted or any(key[:_SUMMARY_HELD] in joined for key in wanted):
        return text
    plain_lines = plain.splitlines()
    plain_keys = [_line_key(line) for line in plain_lines]
    found = next(
        (
            i
            for i, (line, key) in enumerate(zip(plain_lines, plain_keys, strict=True))
            if len(line.split()) >= MIN_LEAD_WORDS
            and any(summary[:_SUMMARY_PREFIX] in key or key in summary for summary in wanted)
            and not any(headline in key for headline in headline_keys)
            and key not in joined
        ),
        None,
    )
    if found is None:
        return text

    def shared(key: str) -> bool:
        return len(key) >= _MIN_ANCHOR_KEY and key in joined

    if not any(map(shared, plain_keys[found + 1 :])):  # after the text's end: a footer
        return text
    anchor = next((key for key in reversed(plain_keys[:found]) if shared(key)), None)
    place = 0 if anchor is None else next(i for i, key in enumerate(keys) if anchor in key) + 1
    lines.insert(place, plain_lines[found])
    return "\n".join(lines)


def read_page(html: str, url: str | None = None) -> Page:
    """Main text and metadata of a page: trafilatura's fast pass, its full pass when the fast
    one looks partial, and the plain lxml pass when both find nothing or fail."""
    html = close_runaway_title(html)
    page, meta, tree = Page(), None, None
    try:
        tree = load_html(html)
        if tree is not None:
            page.language = _language(tree)
            meta = extract_pass(tree, url, fast=True)
            lines = plain_lines(tree)
            plain = "\n".join(line for line, in_header in lines if not in_header)
            if needs_full_pass(main_text(meta), tree, plain):
                full = extract_pass(tree, url, fast=False)
                if len(main_text(full)) > len(main_text(meta)):
                    meta = full
            if text := main_text(meta):
                page.text = with_standfirst(
                    text,
                    "\n".join(line for line, _ in lines),  # standfirsts often sit in <header>
                    descriptions(tree, meta.description),
                    headlines(tree, meta.title),
                )
    except Exception as exc:  # lxml/trafilatura raise many kinds (and RecursionError) on bad markup
        page.error = exc
    if meta is not None:
        page.text = page.text or main_text(meta)
        page.title, page.author = meta.title, meta.author
        page.outlet, page.url, page.published = meta.sitename, meta.url, meta.date
        page.language = page.language or meta.language
    if not page.text and (tree := parse_page(html)) is not None:
        page.text = plain_text(tree)
        page.language = page.language or _language(tree)
        page.title = page.title or page_title(tree)
    host = hostname(url) if url else None
    names = site_names(tree, page.outlet, getattr(meta, "hostname", None), host)
    title = whole_title(page.title, tree)
    page.title = strip_site_name(title, names) if title else None
    page.author = byline_author(page.author, names)
    return page


def decode_page(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """A page's text and encoding: `charset` when given, else its <meta> one, else a guess."""
    if charset is None and (m := _META_CHARSET.search(data[:4096])):
        charset = m.group(1).decode("ascii")
    return decode_bytes(data, charset)


def html_to_document(
    html: str | bytes,
    *,
    path: str,
    record: int | None,
    url: str | None = None,
    doc_id: str | None = None,
    member: str | None = None,
    offset: int | None = None,
    published: str | None = None,
    charset: str | None = None,
) -> Document | ReadError:
    """Main text and metadata of one page. `published` is a fallback date (e.g. WARC-Date),
    `charset` the declared one (e.g. from an HTTP header) for bytes input."""
    where = path if member is None else f"{path}!{member}"
    number = None if record is None else record + 1  # ReadError.record counts from 1
    raw = html if isinstance(html, bytes) else html.encode("utf-8", errors="surrogatepass")
    extra: dict[str, Any] = {}
    if isinstance(html, bytes):
        html, extra["encoding"] = decode_page(html, charset)
    page = read_page(html, url)
    if not page.text:
        exc = page.error
        reason = f"HTML extraction failed ({type(exc).__name__}: {exc})" if exc else ""
        return ReadError(where, one_line(reason or "no extractable text"), number)
    return Document(
        id=doc_id or stem_of(member or path),
        text=page.text,
        title=page.title or None,
        url=url or page.url or None,
        published=normalize_date(page.published) or normalize_date(published),
        outlet=page.outlet or None,
        author=page.author or None,
        language=page.language,
        provenance=Provenance(path, record, offset, sha256(raw), member),
        extra=extra,
    )


def read_html(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    data = read_whole(stream, src, options.max_document_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    yield html_to_document(data, path=src.path, record=None, doc_id=src.stem, member=src.member)


_BLOCKS = frozenset(
    ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption")
    + ("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav")
    + ("ol", "p", "pre", "section", "table", "td", "th", "tr", "ul")
)
_SPACES = re.compile(r"\s+")
_HIDDEN = frozenset(("script", "style", "template", "noscript"))


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:  # as in a browser, whitespace inside markup is one space
            self.parts.append(_SPACES.sub(" ", data))


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (feed summaries): tags dropped, one line per block."""
    if "<" in fragment or "&" in fragment:
        parser = _TextParser()
        parser.feed(fragment)
        parser.close()
        fragment = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in fragment.splitlines())
    return "\n".join(line for line in lines if line)
