"""RSS / Atom feeds through feedparser: one Document per entry."""

from __future__ import annotations

import calendar
import io
import re
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

import feedparser

from materiel.models import Document, ReadError

from .common import Source, normalize_date, read_whole, sha256
from .html import fragment_to_text
from .options import ReaderOptions


def _text(value: str, kind: str | None) -> str:
    return value.strip() if kind == "text/plain" else fragment_to_text(value)


def _body(entry: Any) -> str:
    """The longest content block, else the summary, as plain text."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _text(best["value"], best.get("type"))
    summary = entry.get("summary") or ""
    return _text(summary, (entry.get("summary_detail") or {}).get("type"))


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        if iso := normalize_date(entry.get(key)):
            return iso
    for key in ("published_parsed", "updated_parsed"):
        if parsed := entry.get(key):  # a UTC struct_time
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def _language(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def read_feed(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    data = read_whole(stream, src, options.max_document_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    # A file object, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            yield src.error(f"malformed feed ({parsed.get('bozo_exception')})")
        else:
            yield src.error("feed has no entries")
        return
    feed = parsed.feed
    outlet = (feed.get("title") or "").strip() or None
    language = _language(feed.get("language"))
    for index, entry in enumerate(parsed.entries):
        title = fragment_to_text(entry.get("title") or "") or None
        body = _body(entry)
        text = body or title
        if not text:
            yield src.error(f"entry {index + 1}: no text", index)
            continue
        if "\x00" in text or "\x00" in (title or ""):
            yield src.error(f"entry {index + 1}: a NUL byte in its text (damaged data)", index)
            continue
        url = entry.get("link") or None
        doc_id = entry.get("id") or url or f"{src.stem}-{index}"
        extra: dict[str, Any] = {}
        if not body:
            extra["text_from"] = "title"
        if tags := [t["term"] for t in entry.get("tags") or [] if t.get("term")]:
            extra["categories"] = tags
        # Entries have no raw bytes of their own: the hash covers what identifies them.
        digest = sha256("\n".join((doc_id, title or "", text)).encode("utf-8"))
        yield Document(
            id=doc_id,
            text=text,
            title=title,
            url=url,
            published=_published(entry),
            outlet=outlet,
            author=entry.get("author") or None,
            language=_language(entry.get("language")) or language,
            provenance=src.provenance(digest, index),
            extra=extra,
        )
    if isinstance(error := parsed.get("bozo_exception"), xml.sax.SAXException) and _cut_short(
        data, len(parsed.entries)
    ):
        # feedparser's lenient parser drops or cuts the entries past the damage without a word
        yield src.error(f"malformed feed ({error}): entries after it may be missing")


_ENTRY_OPEN = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]")
_ENTRY_CLOSE = re.compile(rb"</(?:[\w-]+:)?(?:item|entry)\s*>")
_ROOT_END = re.compile(rb"</(?:[\w-]+:)?(?:rss|feed|RDF)>\s*$")


def _cut_short(data: bytes, entries: int) -> bool:
    """Whether a feed that is not well-formed XML lost entries: fewer read than its entry tags
    (opening or closing ones, either may be the damaged one), or no closing root tag (cut
    short). A feed that is loose in other ways (an HTML entity such as &nbsp; that XML does not
    define) is read whole by the lenient parser."""
    tags = max(len(_ENTRY_OPEN.findall(data)), len(_ENTRY_CLOSE.findall(data)))
    return tags > entries or not _ROOT_END.search(data[-256:])
