"""CSV / TSV with a header row: one Document per row, streamed."""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator
from typing import IO

from materiel.models import Document, ReadError

from .common import Source, iter_lines, record_to_document, sha256, utf8_stream
from .encoding import LineDecoder
from .options import ReaderOptions


class _Lines:
    """Feeds decoded lines to csv.reader and keeps the raw bytes of the row being read."""

    def __init__(self, stream: IO[bytes], decode: LineDecoder, limit: int) -> None:
        self._lines = iter_lines(stream, limit)
        self._decode = decode
        self._raw: list[bytes] = []
        self._start = 0
        self.too_long = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        offset, raw = next(self._lines)
        if not self._raw:
            self._start = offset
            if offset == 0 and raw is not None and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
        if raw is None:
            self.too_long, raw = True, b"\n"
        self._raw.append(raw)
        return self._decode(raw)

    def take(self) -> tuple[bytes, int, bool]:
        """The raw bytes, start offset and over-long flag of the row just read; resets."""
        taken = b"".join(self._raw).rstrip(b"\r\n"), self._start, self.too_long
        self._raw, self.too_long = [], False
        return taken


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])  # "," first: wins ties
    return best if counts[best] else ","


def read_csv(
    stream: IO[bytes],
    src: Source,
    options: ReaderOptions,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Iterator[Document | ReadError]:
    """The header names the columns (see ReaderOptions); the delimiter is guessed from it
    unless given. Records are 0-based data rows; reasons say "row N" counting from 1."""
    limit = options.max_document_bytes
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    stream, exact_offsets = utf8_stream(stream, encoding)
    lines = _Lines(stream, LineDecoder(encoding), limit)
    first = next(lines, None)
    if first is None:
        yield src.error("no header row")
        return
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter or _delimiter(first))
    try:
        header = next(reader)
    except csv.Error as exc:
        yield src.error(f"invalid CSV header ({exc})")
        return
    lines.take()
    fields = [name.strip() for name in header]
    if options.text_field not in fields:
        yield src.error(f"no {options.text_field!r} column (columns: {', '.join(fields)})")
        return
    index = 0
    while True:
        label = f"row {index + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            lines.take()
            yield src.error(f"{label}: invalid CSV ({exc})", index)
            index += 1
            continue
        raw, offset, too_long = lines.take()
        if not any(cell.strip() for cell in row):
            continue
        if too_long:
            yield src.error(f"{label}: line too long (over {limit} bytes)", index)
        else:
            rec = {k: v for k, v in zip(fields, row, strict=False) if v or k == options.text_field}
            yield record_to_document(
                rec,
                src=src,
                index=index,
                label=label,
                options=options,
                content_hash=sha256(raw),
                offset=offset if exact_offsets else None,
            )
        index += 1
