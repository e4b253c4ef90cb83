"""XLSX (openpyxl, write-only: rows go to a temporary file, not memory); a second sheet
holds the manifest."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from materiel.export.options import ExportOptions
from materiel.export.rows import table

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUFFIX = ".xlsx"
CHUNK = 1 << 16
MAX_CELL = 32_767  # characters a spreadsheet cell holds


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL])
    cell.data_type = "s"  # text, even when it starts with "=": never a formula
    return cell


def chunks(records: Iterable[dict[str, Any]], manifest: dict[str, Any],
           options: ExportOptions) -> Iterator[bytes]:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("events")
    header, rows = table(records, options.rows)
    sheet.append(header)
    n = 0
    for row in rows:
        sheet.append([_cell(sheet, v) for v in row])
        n += 1
    manifest["rows"] = n
    about = book.create_sheet("manifest")
    for key, value in manifest.items():
        shown = value if isinstance(value, str | int | float) else json.dumps(value)
        about.append([key, _cell(about, shown)])
    with tempfile.TemporaryFile() as fh:
        book.save(fh)
        fh.seek(0)
        while data := fh.read(CHUNK):
            yield data
