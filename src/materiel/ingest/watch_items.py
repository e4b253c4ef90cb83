"""What a watched URL holds, told by sniffing its body (then its content type), and its items.

A line of a feeds file may give:
- an RSS, Atom or JSON Feed: each entry is an item, its page fetched from the entry's link;
- a list of URLs (plain text, one http(s) URL a line, # comments): each URL is an item;
- an HTML page: the page itself is one item.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from materiel.models import Document, ReadError

from .common import Source
from .feeds import read_feed
from .http_fetch import Response, is_web_url
from .jsonfeed import is_json_feed, read_json_feed
from .options import ReaderOptions

FEED = "feed"
URL_LIST = "url list"
PAGE = "page"

SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>/]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.I)
_FEED_TYPES = frozenset(("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/xml", "text/xml", "application/x-rss+xml"))
_JSON_TYPES = frozenset(("application/feed+json", "application/json"))
HTML_TYPES = frozenset(("text/html", "application/xhtml+xml"))


@dataclass(frozen=True)
class Item:
    """One thing to ingest: `key` marks it seen (a feed's guid, else its URL); `url` is the
    page to fetch (None: the entry's own text is all there is); `page`, the response
    already fetched (a watched page is its own item); `fallback`, the entry's own text, used
    when the page gives none."""

    key: str
    url: str | None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    page: Response | None = None
    fallback: Document | None = None


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _url_lines(body: bytes) -> list[str] | None:
    """The URLs of a plain-text list, or None when a line is something else."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    return urls if urls and all(is_web_url(u) and " " not in u for u in urls) else None


def kind_of(response: Response) -> str | None:
    """FEED, URL_LIST or PAGE, from the body first (servers often mislabel feeds), then the
    declared content type; None for anything else."""
    head = response.body[:SNIFF_BYTES]
    feed, html = _FEED_ROOT.search(head), _HTML_ROOT.search(head)
    if feed and (html is None or feed.start() < html.start()):
        return FEED
    if html:
        return PAGE
    ctype = response.content_type
    if head.lstrip()[:1] in (b"{", b"[") and is_json_feed(_json(response.body)):
        return FEED
    if ctype in _FEED_TYPES:
        return FEED
    if _url_lines(response.body) is not None:
        return URL_LIST
    return PAGE if ctype in HTML_TYPES else None


def _key(doc_id: str, url: str | None, feed_url: str) -> str:
    """An entry's guid when it is a URL (unique everywhere), else the guid within its feed
    (feeds number their entries "1", "2", ...); the URL when there is no guid."""
    if is_web_url(doc_id) or doc_id == url:
        return doc_id
    return f"{feed_url}#{doc_id}"


def feed_items(feed_url: str, response: Response) -> Iterator[Item | ReadError]:
    src = Source(feed_url, "feed")
    data = _json(response.body) if response.body.lstrip()[:1] == b"{" else None
    records = (read_json_feed(data, src) if data is not None and is_json_feed(data)
               else read_feed(io.BytesIO(response.body), src, ReaderOptions()))
    for record in records:
        if isinstance(record, ReadError) and record.record is None:  # about the whole feed
            if record.reason == "feed has no entries":
                return
            raise ValueError(record.reason)
        if isinstance(record, ReadError):
            yield record
            continue
        url = urljoin(response.url, record.url) if record.url else None
        if url is not None and not is_web_url(url):
            yield src.error(f"entry link is not an http(s) URL: {url[:80]}",
                            record.provenance.record)
            continue
        fallback = None if record.extra.get("text_from") == "title" else record
        if url is None and fallback is None:
            yield src.error("entry has neither a link nor text", record.provenance.record)
            continue
        yield Item(_key(record.id, record.url, feed_url), url, record.title, record.published,
                   record.outlet, fallback=fallback)


def items_of(feed_url: str, response: Response) -> Iterator[Item | ReadError]:
    """The items behind one watched URL; a ReadError for an entry that cannot be one. Raises
    ValueError when the body is none of the kinds above."""
    kind = kind_of(response)
    if kind == FEED:
        yield from feed_items(feed_url, response)
    elif kind == URL_LIST:
        for url in _url_lines(response.body) or []:
            yield Item(url, url)
    elif kind == PAGE:
        yield Item(feed_url, feed_url, page=response)
    else:
        raise ValueError("neither a feed, a list of URLs nor an HTML page (content type "
                         f"{response.content_type or 'not given'})")
