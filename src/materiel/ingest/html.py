"""HTML pages to Documents through trafilatura, and HTML fragments to plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any

import trafilatura
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from materiel.models import Document, Provenance, ReadError

from .common import Source, normalize_date, one_line, read_whole, sha256, stem_of
from .encoding import decode_bytes
from .options import ReaderOptions

# No "extensive" date search: it guesses from copyright lines and bare years (a footer's
# "Copyright 2024" becomes 2024-01-01); a missing date is better than an invented one.
_DATE_PARAMS = set_date_params(extensive=False)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


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


def _extract(text: str, url: str | None, fast: bool) -> tuple[Any, str | None]:
    tree = load_html(text)
    if tree is None:
        return None, None
    language = _language(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, fast=fast, date_extraction_params=_DATE_PARAMS
    )
    return doc, language


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
        if charset is None and (m := _META_CHARSET.search(html[:4096])):
            charset = m.group(1).decode("ascii")
        html, extra["encoding"] = decode_bytes(html, charset)
    try:
        # fast=True skips trafilatura's fallback extractors (5x faster); retried without it
        # only when the fast pass finds nothing.
        doc, language = _extract(html, url, fast=True)
        if doc is None or not (doc.text or "").strip():
            doc, language = _extract(html, url, fast=False)
    except Exception as exc:  # lxml/trafilatura raise many kinds on bad markup
        reason = one_line(f"HTML extraction failed ({type(exc).__name__}: {exc})")
        return ReadError(where, reason, number)
    if doc is None or not (doc.text or "").strip():
        return ReadError(where, "no extractable text", number)
    return Document(
        id=doc_id or stem_of(member or path),
        text=doc.text,
        title=doc.title or None,
        url=url or doc.url or None,
        published=normalize_date(doc.date) or normalize_date(published),
        outlet=doc.sitename or None,
        author=doc.author or None,
        language=language or doc.language or None,
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
