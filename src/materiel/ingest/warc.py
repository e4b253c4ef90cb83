"""WARC / ARC archives (plain or gzipped) through warcio: one Document per HTML response."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from materiel.models import Document, ReadError

from .common import Source
from .html import html_to_document
from .options import ReaderOptions

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)", re.I | re.S)


def _is_html(content_type: str) -> bool | None:
    """True/False from the Content-Type; None when absent (the payload decides)."""
    if not content_type:
        return None
    return content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")


def _convert(
    rec: ArcWarcRecord, records: ArchiveIterator, index: int, src: Source, limit: int
) -> Document | ReadError | None:
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    if not (rec.http_headers.get_statuscode() or "").startswith("2"):
        return None
    content_type = rec.http_headers.get_header("Content-Type") or ""
    if _is_html(content_type) is False:
        return None
    payload = rec.content_stream().read(limit + 1)
    if not content_type and not _HTML_START.match(payload[:1024]):
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI")
    if len(payload) > limit:
        return src.error(f"{uri}: too large for one document (over {limit} bytes)", index)
    charset = _CHARSET.search(content_type)
    return html_to_document(
        payload,
        path=src.path,
        record=index,
        url=uri,
        doc_id=f"{src.stem}-{index}",
        member=uri if src.member is None else f"{src.member}!{uri}",
        offset=records.get_record_offset(),
        published=rec.rec_headers.get_header("WARC-Date"),
        charset=charset.group(1) if charset else None,
    )


def read_warc(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    """Records other than successful HTML responses are skipped silently; a corrupt record
    ends the file with a ReadError. Offsets are those of the records in the file as stored
    (compressed offsets for .warc.gz, as in CDX indexes)."""
    records = ArchiveIterator(stream, arc2warc=True)
    index = 0
    try:
        for rec in records:
            result = _convert(rec, records, index, src, options.max_document_bytes)
            if result is not None:
                yield result
            index += 1
    except Exception as exc:  # warcio raises many kinds on damaged input
        yield src.error(f"corrupt WARC record ({type(exc).__name__}: {exc})", index)
