"""The entry point: paths (files, directories, archives, stdin) to Documents."""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from collections.abc import Generator, Iterable, Iterator
from typing import IO

from materiel.models import Document, ReadError

from .archives import read_gzip, read_zip
from .common import Source, prepend, rewindable
from .csv_reader import read_csv
from .encoding import looks_binary, sniff_encoding
from .feeds import read_feed
from .files import Target, open_regular, targets
from .html import read_html
from .jsonl import read_json, read_jsonl
from .options import ReaderOptions
from .tar import read_tar
from .text import read_text
from .warc import read_warc

Item = Document | ReadError

_DEFAULTS = ReaderOptions()
_HEAD = 8192
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
}
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_JSON_FEED = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/')


def sniff_format(head: bytes) -> str:
    """Format of a stream from its first bytes."""
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    text = head.decode(sniff_encoding(head) or "utf-8", errors="ignore")
    start = text.lstrip("\ufeff \t\r\n").lower()[:4096]
    if start.startswith(("warc/1.", "warc/0.", "filedesc://")):
        return "warc"
    if start.startswith("{"):
        return "json" if _JSON_FEED.search(start) else "jsonl"
    if start.startswith("["):
        return "json"
    if not start.startswith("<"):
        return "text"
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if _FEED_ROOT.search(start):
        return "feed"
    return "feed" if start.startswith("<?xml") and "<html" not in start else "html"


def _choose_format(name: str, head: bytes, options: ReaderOptions) -> str:
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")) or options.reader == "warc":
        return "warc"  # warcio reads gzipped archives itself
    ext = os.path.splitext(lower)[1]
    sniffed = sniff_format(head)
    if ext in (".gz", ".zip"):
        return ext[1:]
    if sniffed == "gz" or (sniffed == "zip" and (name == "-" or not ext)):
        return sniffed  # a compressed body under another name (stdin, no extension)
    if ext == ".tar" or sniffed == "tar":
        return "tar"
    if sniffed == "zip":
        return "binary"  # .docx, .xlsx, .jar...: zips, but not archives of news
    return options.reader or _EXTENSIONS.get(ext) or sniffed


def _read_head(stream: IO[bytes]) -> bytes:
    head = b""
    while len(head) < _HEAD:
        chunk = stream.read(_HEAD - len(head))
        if not chunk:
            break
        head += chunk
    return head


def _capped(
    items: Generator[Item, None, None], src: Source, options: ReaderOptions
) -> Iterator[Item]:
    """Stop a stream after max_rejections_in_a_row rejections in a row, saying so."""
    limit = options.max_rejections_in_a_row
    in_a_row = 0
    try:
        for item in items:
            yield item
            in_a_row = in_a_row + 1 if isinstance(item, ReadError) else 0
            if limit is not None and in_a_row >= limit:
                yield src.error(f"{in_a_row} rejections in a row: the rest is not read")
                return
    finally:
        items.close()


_RECORD_FORMATS = ("jsonl", "json", "csv", "tsv", "feed")  # a lone NUL costs one record there


def _read_records(
    stream: IO[bytes], src: Source, options: ReaderOptions, fmt: str, head: bytes
) -> Generator[Item, None, None]:
    if fmt == "warc":
        yield from read_warc(stream, src, options)
    elif fmt == "binary" or looks_binary(head, records=fmt in _RECORD_FORMATS):
        yield src.error("binary content")
    elif fmt == "jsonl":
        yield from read_jsonl(stream, src, options, sniff_encoding(head))
    elif fmt == "json":
        yield from read_json(stream, src, options, sniff_encoding(head))
    elif fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else None
        yield from read_csv(stream, src, options, sniff_encoding(head), delimiter)
    elif fmt == "html":
        yield from read_html(stream, src, options)
    elif fmt == "feed":
        yield from read_feed(stream, src, options)
    else:
        yield from read_text(stream, src, options)


def _dispatch(stream: IO[bytes], src: Source, options: ReaderOptions) -> Iterator[Item]:
    start = stream.tell() if rewindable(stream) else None
    head = _read_head(stream)
    if not head:
        yield src.error("empty file")
        return
    fmt = _choose_format(src.name, head, options)
    if start is not None:
        stream.seek(start)
    else:
        stream = prepend(head, stream)
    if fmt == "gz":
        yield from read_gzip(stream, src, options, _read_stream)
    elif fmt == "zip":
        yield from read_zip(stream, src, options, _read_stream)
    elif fmt == "tar":
        yield from read_tar(stream, src, options, _read_stream)
    else:
        yield from _capped(_read_records(stream, src, options, fmt, head), src, options)


def _read_stream(stream: IO[bytes], src: Source, options: ReaderOptions) -> Iterator[Item]:
    try:
        yield from _dispatch(stream, src, options)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield src.error(f"corrupt compressed data ({exc})")
    except Exception as exc:  # one bad file must not stop the batch
        yield src.error(f"read failed ({type(exc).__name__}: {exc})")


def _read_file(target: Target, options: ReaderOptions) -> Iterator[Item]:
    opened = open_regular(target)
    if isinstance(opened, ReadError):
        yield opened
        return
    stream, size = opened
    with stream:
        src = Source(target.path, os.path.basename(target.path), size=size)
        yield from _read_stream(stream, src, options)


def read_paths(
    paths: Iterable[str], options: ReaderOptions = _DEFAULTS
) -> Iterator[Document | ReadError]:
    """Documents from regular files, directories (recursive, sorted, hidden entries skipped),
    .gz, .zip and tar archives, and "-" for stdin, lazily; anything unreadable becomes a
    ReadError. FIFOs, sockets and devices are refused, never opened; so are symbolic links
    in a folder that lead out of it, unless options.follow_symlinks."""
    if isinstance(paths, str):  # one path, not an iterable of one-letter paths
        paths = [paths]
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stream(sys.stdin.buffer, Source("-", "-"), options)
            continue
        for target in targets(path, options.follow_symlinks):
            if isinstance(target, ReadError):
                yield target
            else:
                yield from _read_file(target, options)
