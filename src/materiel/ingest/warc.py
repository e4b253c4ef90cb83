"""WARC / ARC archives (plain or gzipped) through warcio: one Document per HTML response and
per HTML or text resource."""

from __future__ import annotations

import gzip
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from typing import IO, cast

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from materiel.models import Document, ReadError

from .common import Source, normalize_date, rewindable
from .html import html_to_document
from .options import ReaderOptions
from .text import text_to_document

# warcio logs the repairs it makes (spaces in a WARC-Target-URI become %20); the record is
# read as repaired, so the message asks nothing of the user and would only clutter the output.
logging.getLogger("warcio").setLevel(logging.ERROR)

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Comments before the tag read as one ("(<!--.*?-->\s*)*" backtracked exponentially).
_HTML_START = re.compile(rb"^\s*+(<!--.*?-->\s*+)?<(!doctype\s+html|html|head|body)", re.I | re.S)
_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


class _Records(ArchiveIterator):
    """warcio's iterator, noting whether the archive ended inside a gzip member (warcio
    stops there silently, as if the archive were complete)."""

    cut_short = False
    gzipped: bool | None = None  # whether the first record came out of a gzip member
    unreadable = False
    ended_in_headers = False

    def _next_record(self, next_line: bytes | None) -> ArcWarcRecord:
        """warcio takes a record whose headers the input ends in (EOFError) for the clean end
        of the archive: tell the two apart by the record's first line, already read."""
        try:
            return super()._next_record(next_line)
        except EOFError:
            self.ended_in_headers = bool(next_line and next_line.strip())
            raise

    def member_unreadable(self) -> bool:
        """Whether a gzip member failed to decompress: warcio then reads the compressed bytes
        as plain records, without a warning, and may find a record or two in them."""
        compressed = self.reader is not None and self.reader.decompressor is not None
        if self.gzipped is None:
            self.gzipped = compressed
        self.unreadable = self.gzipped and not compressed
        return self.unreadable

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        self.cut_short = decompressor is not None and not decompressor.eof
        super().close()


@contextmanager
def _warnings_into(notes: list[str]) -> Iterator[None]:
    """warcio writes its warnings (bad Content-Length, broken compression) straight to
    stderr: collect their first lines instead, to become rejection reasons."""
    buffer = io.StringIO()
    try:
        with redirect_stderr(buffer):
            yield
    finally:
        lines = (line.strip() for line in buffer.getvalue().splitlines())
        notes.extend(line.removeprefix("WARNING: ") for line in lines if line)


def _kind(rec: ArcWarcRecord) -> tuple[str | None, str]:
    """("html" | "text" | "sniff" | None for a record not read, its Content-Type)."""
    if rec.rec_type == "response" and rec.http_headers is not None:
        if not (rec.http_headers.get_statuscode() or "").startswith("2"):
            return None, ""
        content_type = rec.http_headers.get_header("Content-Type") or ""
    elif rec.rec_type == "resource":  # a file archived as such: its type is the record's
        content_type = rec.rec_headers.get_header("Content-Type") or ""
    else:
        return None, ""
    if not content_type:
        return "sniff", ""
    kind = _KINDS.get(content_type.split(";")[0].strip().lower())
    if kind == "text" and rec.rec_type == "response":
        return None, content_type  # plain-text responses are robots.txt and the like
    return kind, content_type


def _truncation(rec: ArcWarcRecord) -> str | None:
    """How the record is cut short: bytes its Content-Length promised that the archive does
    not hold, or headers that stop before their Content-Length (the archive ends there)."""
    if rec.rec_headers.get_header("Content-Length") is None:
        return "its headers are cut short"
    stream = rec.raw_stream
    missing = stream.limit if isinstance(stream, LimitReader) else 0
    return f"{missing} bytes missing" if missing else None


def _nothing_left(records: _Records, stream: IO[bytes]) -> bool:
    """Whether the input is used up: a record that fails to parse there was cut short."""
    try:
        return not (records.reader and records.reader.rem_length()) and not stream.read(1)
    except Exception:  # a broken stream under the failure: not a clean end either
        return False


def _named(uri: str | None) -> str:
    return f"{uri}: " if uri else ""


class _WarcReader:
    def __init__(self, src: Source, options: ReaderOptions) -> None:
        self.src = src
        self.limit = options.max_document_bytes
        self.done = 0  # records handled, kept when a single-stream .warc.gz is read again
        self.single_gzip_stream = False
        self.last_truncated = False

    def read(self, stream: IO[bytes]) -> Iterator[Document | ReadError]:
        records = _Records(stream, arc2warc=True)
        index = 0
        while True:
            notes: list[str] = []
            try:
                with _warnings_into(notes):
                    rec = next(records, None)
                    if rec is None or records.member_unreadable():
                        break
                    kind, content_type = _kind(rec) if index >= self.done else (None, "")
                    payload = self._payload(rec, kind, index)
                    offset = records.get_record_offset()  # reads the record to its end
            except ArchiveLoadFailed as exc:
                if records.member_unreadable():
                    break
                if "non-chunked gzip" in str(exc):
                    self.single_gzip_stream = True
                else:
                    yield self.src.error(f"corrupt WARC record ({exc})", index)
                return
            except Exception as exc:  # warcio raises many kinds on damaged input
                if records.member_unreadable():
                    break
                if _nothing_left(records, stream):
                    yield self.src.error("truncated WARC record (the file ends in it)", index)
                else:
                    reason = notes[0] if notes else f"{type(exc).__name__}: {exc}"
                    yield self.src.error(f"corrupt WARC record ({reason})", index)
                return
            if index >= self.done:
                self.last_truncated = False
                result = self._result(rec, kind, content_type, payload, notes, index, offset)
                if result is not None:
                    yield result
                self.done = index + 1
            index += 1
        if records.unreadable:
            yield self.src.error("corrupt WARC record (its gzip data does not decompress)", index)
        elif records.ended_in_headers or index == 0:
            yield self.src.error("truncated WARC record (the file ends in its headers)", index)
        elif records.cut_short and not self.last_truncated:
            yield self.src.error("truncated WARC record (the gzip data ends early)", index)

    def _payload(self, rec: ArcWarcRecord, kind: str | None, index: int) -> bytes | ReadError:
        if kind is None:
            return b""
        try:
            return cast(bytes, rec.content_stream().read(self.limit + 1))
        except Exception as exc:  # bad chunked or compressed HTTP body
            return self.src.error(f"unreadable WARC payload ({type(exc).__name__}: {exc})", index)

    def _result(
        self,
        rec: ArcWarcRecord,
        kind: str | None,
        content_type: str,
        payload: bytes | ReadError,
        notes: list[str],
        index: int,
        offset: int,
    ) -> Document | ReadError | None:
        uri = rec.rec_headers.get_header("WARC-Target-URI")
        if truncation := _truncation(rec):
            self.last_truncated = True
            return self.src.error(f"{_named(uri)}truncated WARC record ({truncation})", index)
        if isinstance(payload, ReadError):
            return payload
        if kind is None:  # a warning about a record not read says nothing about what is kept
            return None
        if notes:
            return self.src.error(f"{_named(uri)}damaged WARC record ({notes[0]})", index)
        if kind == "sniff":
            kind = "html" if _HTML_START.match(payload[:1024]) else None
            if kind is None:
                return None
        if len(payload) > self.limit:
            too_large = f"too large for one document (over {self.limit} bytes)"
            return self.src.error(f"{_named(uri)}{too_large}", index)
        charset = _CHARSET.search(content_type)
        member = uri if self.src.member is None else f"{self.src.member}!{uri}"
        date = rec.rec_headers.get_header("WARC-Date")
        if kind == "text":
            inner = Source(self.src.path, uri or self.src.name, member, depth=self.src.depth)
            return text_to_document(
                payload, inner, doc_id=f"{self.src.stem}-{index}", record=index, offset=offset,
                charset=charset.group(1) if charset else None, url=uri,
                published=normalize_date(date),
            )
        return html_to_document(
            payload, path=self.src.path, record=index, url=uri, doc_id=f"{self.src.stem}-{index}",
            member=member, offset=offset, published=date,
            charset=charset.group(1) if charset else None,
        )


def read_warc(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    """Successful HTML responses and HTML or text resources become Documents; other records
    are skipped silently. A truncated record, and one warcio warns about, is rejected; a
    corrupt one ends the file with a ReadError. Offsets are those of the records in the file
    as stored (compressed offsets for .warc.gz, as in CDX indexes), except for a .warc.gz
    compressed as one gzip stream, read again decompressed: offsets in the decompressed data."""
    start = stream.tell() if rewindable(stream) else None
    reader = _WarcReader(src, options)
    yield from reader.read(stream)
    if not reader.single_gzip_stream:
        return
    if start is None:
        yield src.error("WARC gzipped as one stream, not record by record: decompress it first")
        return
    stream.seek(start)
    with gzip.GzipFile(fileobj=stream, mode="rb") as body:
        yield from reader.read(cast(IO[bytes], body))
