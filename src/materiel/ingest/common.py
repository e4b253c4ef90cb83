"""Pieces shared by the readers: where a record comes from, dates, record mapping."""

from __future__ import annotations

import codecs
import email.utils
import gzip
import hashlib
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import IO, Any, cast

from materiel.models import Document, Provenance, ReadError

from .options import ReaderOptions

# Extensions dropped from a file name to make a document id ("x.warc.gz" -> "x").
_COMPRESSED = (".gz",)


def stem_of(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in _COMPRESSED:
        if base.lower().endswith(ext) and len(base) > len(ext):
            base = base[: -len(ext)]
    head, dot, _ = base.rpartition(".")
    return head if dot and head else base


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(text: str, limit: int = 200) -> str:
    """Collapse whitespace so a reason fits on one line, and keep it short; control
    characters from the input (a terminal escape in a CSV header) are shown escaped."""
    flat = _CONTROL.sub(lambda m: ascii(m.group())[1:-1], " ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Source:
    """One input stream: the path given by the user and where inside it we are."""

    path: str  # as given ("-" for stdin)
    name: str  # the stream's own file name, used for format and ids (inner name of x.gz)
    member: str | None = None  # "!"-joined location inside `path` (zip members)
    size: int | None = None  # bytes, when known before reading
    depth: int = 0  # how many archives or compressed streams this one is nested in

    @property
    def where(self) -> str:
        return self.path if self.member is None else f"{self.path}!{self.member}"

    @property
    def stem(self) -> str:
        return "stdin" if self.name == "-" else stem_of(self.name)

    def inner(self, name: str, *, member: bool, size: int | None) -> Source:
        """A stream nested in this one: a zip member (`member`) or a decompressed body."""
        if not member:
            return Source(self.path, name, self.member, size, self.depth + 1)
        location = name if self.member is None else f"{self.member}!{name}"
        return Source(self.path, name, location, size, self.depth + 1)

    def provenance(
        self, content_hash: str, record: int | None = None, offset: int | None = None
    ) -> Provenance:
        return Provenance(self.path, record, offset, content_hash, self.member)

    def error(self, reason: str, index: int | None = None) -> ReadError:
        """A ReadError for the record at 0-based `index`. ReadError.record counts from 1, like
        the "line N" of reasons, so that str(error) reads "path:N: ..." as compilers do."""
        return ReadError(self.where, one_line(reason), None if index is None else index + 1)


def read_whole(stream: IO[bytes], src: Source, limit: int) -> bytes | ReadError:
    """Read a single-document stream, refusing (unread, when the size is known) one over `limit`."""
    if src.size is not None and src.size > limit:
        return src.error(f"too large for one document ({src.size} bytes)")
    data = stream.read(limit + 1)
    if len(data) > limit:
        return src.error(f"too large for one document (over {limit} bytes)")
    return data


def iter_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(byte offset, raw line with its end of line); None for a line over `limit`, skipped
    without holding it in memory."""
    offset = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        start = offset
        offset += len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(1 << 20)
                offset += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield start, None
        else:
            yield start, line


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMATS = (
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d %B %Y %H:%M",
)


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


@lru_cache(maxsize=8192)
def _normalize_date_text(text: str) -> str | None:
    text = text.strip()
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return _iso(datetime.fromisoformat(text))
    except ValueError:
        pass
    try:
        return _iso(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if "%H" not in fmt else _iso(parsed)
    return None


def normalize_date(value: Any) -> str | None:
    """ISO 8601 for a date string in a common format or a Unix timestamp; None otherwise."""
    if isinstance(value, str):
        return _normalize_date_text(value) if value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds
        try:
            return _iso(datetime.fromtimestamp(seconds, tz=UTC))
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def record_to_document(
    rec: Mapping[str, Any],
    *,
    src: Source,
    index: int,
    label: str,
    options: ReaderOptions,
    content_hash: str,
    offset: int | None = None,
) -> Document | ReadError:
    """Map one JSON object / CSV row to a Document. `label` names it in errors ("line 3")."""
    o = options
    text = rec.get(o.text_field)
    if text is None:
        return src.error(f"{label}: no {o.text_field!r} field", index)
    if not isinstance(text, str):
        return src.error(f"{label}: {o.text_field!r} is not a string", index)
    if not text.strip():
        return src.error(f"{label}: empty {o.text_field!r}", index)
    raw_id = rec.get(o.id_field)
    doc_id = _text_or_none(raw_id) if isinstance(raw_id, str | int) else None
    raw_date = rec.get(o.published_field)
    published = normalize_date(raw_date)
    mapped = {o.id_field, o.text_field, o.title_field, o.url_field, o.published_field}
    mapped.add(o.outlet_field)
    extra = {k: v for k, v in rec.items() if k not in mapped and v is not None}
    author, language = (
        extra.pop(key) if isinstance(extra.get(key), str) and extra[key].strip() else None
        for key in ("author", "language")
    )
    if published is None and _text_or_none(raw_date) is not None:
        extra["published_raw"] = raw_date
    return Document(
        id=doc_id or f"{src.stem}-{index}",
        text=text,
        title=_text_or_none(rec.get(o.title_field)),
        url=_text_or_none(rec.get(o.url_field)),
        published=published,
        outlet=_text_or_none(rec.get(o.outlet_field)),
        author=author,
        language=language,
        provenance=src.provenance(content_hash, index, offset),
        extra=extra,
    )


def rewindable(stream: IO[bytes]) -> bool:
    """Whether seeking back is cheap and safe. A GzipFile says it is seekable, but rewinding
    restarts decompression and needs a seekable file under it."""
    return stream.seekable() and not isinstance(stream, gzip.GzipFile)


class _Chain(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prepend(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A stream that yields `head` and then the rest of `rest` (to un-read a peeked head)."""
    return cast(IO[bytes], io.BufferedReader(_Chain(head, rest), buffer_size=1 << 16))


def utf8_stream(stream: IO[bytes], encoding: str | None) -> tuple[IO[bytes], bool]:
    """Re-encode a UTF-16/32 stream as UTF-8 for line readers; says whether offsets still hold."""
    if encoding is None or not encoding.startswith(("utf-16", "utf-32")):
        return stream, True
    return cast(IO[bytes], codecs.EncodedFile(stream, "utf-8", encoding, errors="replace")), False
