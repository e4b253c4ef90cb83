"""The entry point: paths (files, directories, archives, stdin) to Documents."""

from __future__ import annotations

import errno
import gzip
import os
import re
import shutil
import stat
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, cast

from materiel.models import Document, ReadError

from .common import Source, prepend
from .csv_reader import read_csv
from .encoding import looks_binary, sniff_encoding
from .feeds import read_feed
from .html import read_html
from .jsonl import read_json, read_jsonl
from .options import ReaderOptions
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


def sniff_format(head: bytes) -> str:
    """Format of a stream from its first bytes."""
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    text = head.decode(sniff_encoding(head) or "utf-8", errors="ignore")
    start = text.lstrip("\ufeff \t\r\n").lower()[:4096]
    if start.startswith(("warc/1.", "warc/0.", "filedesc://")):
        return "warc"
    if start.startswith("{"):
        return "jsonl"
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


def _read_zip(stream: IO[bytes], src: Source, options: ReaderOptions) -> Iterator[Item]:
    if not stream.seekable():  # zipfile needs to seek: spool a piped archive to disk
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            yield from _read_zip(spool, src, options)
        return
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile as exc:
        yield src.error(f"corrupt zip archive ({exc})")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            parts = info.filename.rstrip("/").split("/")
            if info.is_dir() or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts):
                continue
            member = src.inner(info.filename, member=True, size=info.file_size)
            if info.flag_bits & 0x1:
                yield member.error("encrypted zip member")
                continue
            try:
                with archive.open(info) as body:
                    yield from _read_stream(body, member, options)
            except Exception as exc:  # unsupported compression, bad CRC...
                yield member.error(f"read failed ({type(exc).__name__}: {exc})")


def _rewindable(stream: IO[bytes]) -> bool:
    # A GzipFile says it is seekable, but rewinding restarts decompression and needs a
    # seekable file under it: un-read its head instead.
    return stream.seekable() and not isinstance(stream, gzip.GzipFile)


def _dispatch(stream: IO[bytes], src: Source, options: ReaderOptions) -> Iterator[Item]:
    start = stream.tell() if _rewindable(stream) else None
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
        name = src.name[:-3] if src.name.lower().endswith(".gz") else src.name
        with gzip.GzipFile(fileobj=stream, mode="rb") as inner:
            body = cast(IO[bytes], inner)
            yield from _read_stream(body, src.inner(name, member=False, size=None), options)
    elif fmt == "zip":
        yield from _read_zip(stream, src, options)
    elif fmt == "warc":
        yield from read_warc(stream, src, options)
    elif fmt == "binary" or looks_binary(head):
        yield src.error("binary content")
    elif fmt in ("jsonl", "json", "csv", "tsv"):
        encoding = sniff_encoding(head)
        if fmt == "jsonl":
            yield from read_jsonl(stream, src, options, encoding)
        elif fmt == "json":
            yield from read_json(stream, src, options, encoding)
        else:
            yield from read_csv(stream, src, options, encoding, "\t" if fmt == "tsv" else None)
    elif fmt == "html":
        yield from read_html(stream, src, options)
    elif fmt == "feed":
        yield from read_feed(stream, src, options)
    else:
        yield from read_text(stream, src, options)


def _read_stream(stream: IO[bytes], src: Source, options: ReaderOptions) -> Iterator[Item]:
    try:
        yield from _dispatch(stream, src, options)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield src.error(f"corrupt compressed data ({exc})")
    except Exception as exc:  # one bad file must not stop the batch
        yield src.error(f"read failed ({type(exc).__name__}: {exc})")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _read_file(path: str, options: ReaderOptions) -> Iterator[Item]:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            yield from _read_dir(path, options)
            return
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield ReadError(path, _os_reason(exc))
        return
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    with stream:
        yield from _read_stream(stream, Source(path, os.path.basename(path), size=size), options)


def _read_dir(root: str, options: ReaderOptions) -> Iterator[Item]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            yield ReadError(exc.filename or dirpath, _os_reason(exc))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield from _read_file(os.path.join(dirpath, name), options)
    for exc in errors:
        yield ReadError(exc.filename or root, _os_reason(exc))


def read_paths(
    paths: Iterable[str], options: ReaderOptions = _DEFAULTS
) -> Iterator[Document | ReadError]:
    """Documents from files, directories (recursive, sorted, hidden entries skipped), .gz and
    .zip archives, and "-" for stdin, lazily; anything unreadable becomes a ReadError."""
    if isinstance(paths, str):  # one path, not an iterable of one-letter paths
        paths = [paths]
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stream(sys.stdin.buffer, Source("-", "-"), options)
        else:
            yield from _read_file(path, options)
