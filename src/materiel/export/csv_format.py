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


def _cell(value: Any) -> Any:
    if type(value) is str and value[:1] in _FORMULA_START:
        return "'" + value
    return value


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
        writer.writerow([_cell(v) for v in row])
        n += 1
        if n % options.flush_rows == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
    manifest["rows"] = n
