"""CSV / TSV with a header row: one Document per row, streamed.

A stray quote (a field that opens with '"' and is never closed where it should be) makes
the csv module run the following lines into one field, silently. A row that spans several
lines is therefore checked, and rejected when it looks like rows run together: it does not
parse under strict quoting rules, its field count differs from the header's, or one of its
continuation lines reads as a row of its own (the header's field count, and a first field
shaped like the row's own, e.g. "c7" after "c6").
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from materiel.models import Document, ReadError

from .common import Source, iter_lines, record_to_document, sha256, utf8_stream
from .encoding import LineDecoder
from .options import ReaderOptions


class _RowTooLong(Exception):
    pass


@dataclass
class _Row:
    raw_lines: list[bytes]
    decode: LineDecoder
    offset: int
    first_line: int  # 1-based line numbers in the file
    last_line: int
    line_too_long: bool

    @property
    def raw(self) -> bytes:
        return b"".join(self.raw_lines).rstrip(b"\r\n")

    def texts(self) -> list[str]:
        """The physical lines, decoded again (only rows over several lines need them)."""
        return [self.decode(line) for line in self.raw_lines]

    def cut_short(self, cells: list[str], width: int) -> bool:
        """The file ends inside this row: no line ending after it, and a quote left open or
        fewer fields than the header's (the csv module reads such a row without a word)."""
        ends_line = bool(self.raw_lines) and self.raw_lines[-1].endswith((b"\n", b"\r"))
        return not ends_line and (self.raw.count(b'"') % 2 == 1 or len(cells) < width)

    @property
    def lines(self) -> str:
        if self.first_line == self.last_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}-{self.last_line}"


class _Lines:
    """Feeds decoded lines to csv.reader and keeps the raw bytes of the row being read."""

    def __init__(self, stream: IO[bytes], decode: LineDecoder, limit: int) -> None:
        self._lines = iter_lines(stream, limit)
        self._decode = decode
        self._limit = limit
        self._raw: list[bytes] = []
        self._size = 0
        self._start = 0
        self._line = 0
        self._first = 1
        self._too_long = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        offset, raw = next(self._lines)
        self._line += 1
        if not self._raw:
            self._start, self._first = offset, self._line
            if offset == 0 and raw is not None and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
        if raw is None:
            self._too_long, raw = True, b"\n"
        self._size += len(raw)
        if self._size > self._limit:  # a quote never closed: the row would grow to the end
            raise _RowTooLong
        self._raw.append(raw)
        return self._decode(raw)

    def take(self) -> _Row:
        """The row just read; resets."""
        row = _Row(self._raw, self._decode, self._start, self._first, self._line, self._too_long)
        self._raw, self._size, self._too_long = [], 0, False
        return row


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])  # "," first: wins ties
    return best if counts[best] else ","


def _shape(value: str) -> str:
    """Letters -> "a", digits -> "9", runs collapsed: "c17" and "c2" share the shape "a9"."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "a", value)))


def _first_field_like(line: str, first: str, width: int, delimiter: str) -> bool:
    try:
        fields = next(csv.reader([line], delimiter=delimiter, strict=True), [])
    except csv.Error:
        return False
    return (
        len(fields) == width
        and bool(fields[0])
        and not any(ch.isspace() for ch in fields[0])
        and _shape(fields[0]) == _shape(first)
    )


def _run_together(fields: list[str], row: _Row, width: int, delimiter: str) -> str | None:
    """Why a row read over several lines looks like several rows merged by a stray quote."""
    if len(row.raw_lines) < 2:
        return None
    texts = row.texts()
    try:
        list(csv.reader(texts, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return f"a quote is not closed where it should be (csv: {exc})"
    if len(fields) != width:
        return f"it has {len(fields)} fields and the header {width}"
    if width > 1 and any(
        _first_field_like(line, fields[0], width, delimiter) for line in texts[1:]
    ):
        return "a quoted field holds what reads as further rows"
    return None


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
    try:
        first = next(lines, None)
    except _RowTooLong:
        first = None
    if first is None:
        yield src.error("no header row")
        return
    delimiter = delimiter or _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield src.error(f"invalid CSV header ({exc})")
        return
    except _RowTooLong:
        yield src.error(f"invalid CSV header (over {limit} bytes)")
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
            cells = next(reader)
        except StopIteration:
            return
        except _RowTooLong:
            row = lines.take()
            yield src.error(
                f"{label}: from line {row.first_line}, over {limit} bytes without the row "
                "ending (a quote never closed?): the rest of the file is not read",
                index,
            )
            return
        except csv.Error as exc:
            yield src.error(f"{label}: invalid CSV on {lines.take().lines} ({exc})", index)
            index += 1
            continue
        row = lines.take()
        if row.line_too_long:
            yield src.error(f"{label}: line too long (over {limit} bytes)", index)
        elif not any(cell.strip() for cell in cells):
            continue
        elif why := _run_together(cells, row, len(fields), delimiter):
            reason = f"{row.lines} read as one row, but {why} (a stray quote?)"
            yield src.error(f"{label}: {reason}", index)
        elif any("\x00" in cell for cell in cells):
            yield src.error(f"{label}: a NUL byte in {row.lines} (damaged data)", index)
        elif row.cut_short(cells, len(fields)):
            yield src.error(f"{label}: the file ends inside this row (cut short?)", index)
        elif len(cells) > len(fields) and any(c.strip() for c in cells[len(fields) :]):
            yield src.error(f"{label}: {len(cells)} fields, the header has {len(fields)}", index)
        else:
            pairs = zip(fields, cells, strict=False)
            rec = {k: v for k, v in pairs if v or k == options.text_field}
            yield record_to_document(
                rec,
                src=src,
                index=index,
                label=label,
                options=options,
                content_hash=sha256(row.raw),
                offset=row.offset if exact_offsets else None,
            )
        index += 1
