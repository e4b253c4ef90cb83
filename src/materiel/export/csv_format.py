"""CSV: UTF-8, a header row, a column per role (or a row per argument)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from materiel.export.options import ExportOptions
from materiel.export.rows import table

MEDIA_TYPE = "text/csv; charset=utf-8"
SUFFIX = ".csv"
# A spreadsheet runs a cell that starts with one of these as a formula; a leading
# apostrophe makes it text (the OWASP advice for CSV injection).
_FORMULA_START = frozenset("=+-@\t\r")


def _cells(row: list[Any]) -> list[Any]:
    # written inline, not a call per cell: an export holds some millions of cells
    return [("'" + v if type(v) is str and v and v[0] in _FORMULA_START else v) for v in row]


def chunks(records: Iterable[dict[str, Any]], manifest: dict[str, Any],
           options: ExportOptions) -> Iterator[bytes]:
    header, rows = table(records, options.rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    n = 0
    if options.bom:
        yield "\ufeff".encode()
    for row in rows:
        writer.writerow(_cells(row))
        n += 1
        if n % options.flush_rows == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
    manifest["rows"] = n
