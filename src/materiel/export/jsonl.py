"""JSONL in the output contract of EVENTS.md: one event a line (with where it is stored)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from materiel.export.options import ExportOptions

MEDIA_TYPE = "application/x-ndjson"
SUFFIX = ".jsonl"


def chunks(records: Iterable[dict[str, Any]], manifest: dict[str, Any],
           options: ExportOptions) -> Iterator[bytes]:
    lines: list[str] = []
    n = 0
    for record in records:
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
        if len(lines) >= options.flush_rows:
            yield "".join(lines).encode("utf-8")
            lines.clear()
    yield "".join(lines).encode("utf-8")
    manifest["rows"] = n
