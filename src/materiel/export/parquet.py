"""Parquet (pyarrow): one row per event, its arguments as a list of structs, written in row
groups; the manifest sits in the file's key-value metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from materiel.export.options import ExportOptions

MEDIA_TYPE = "application/vnd.apache.parquet"
SUFFIX = ".parquet"
MANIFEST_KEY = b"materiel.manifest"

ARGUMENT = pa.struct([("role", pa.string()), ("text", pa.string()), ("name", pa.string()),
                      ("id", pa.string()), ("value", pa.float64()), ("currency", pa.string())])
SCHEMA = pa.schema([
    ("event_id", pa.int64()), ("doc", pa.string()), ("date", pa.string()),
    ("type", pa.string()), ("status", pa.string()), ("confidence", pa.float64()),
    ("args", pa.list_(ARGUMENT)), ("summary", pa.string()), ("evidence", pa.string()),
    ("outlet", pa.string()), ("published", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("flags", pa.list_(pa.string())),
])


class _Drain:
    """A write-only file whose bytes are taken out as they come (for streaming)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def _column_values(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in SCHEMA.names}
    row["args"] = [{"role": role, "text": v.get("text"), "name": v.get("name"),
                    "id": v.get("id"), "value": v.get("value"), "currency": v.get("currency")}
                   for role, values in record["args"].items() for v in values]
    return row


def chunks(records: Iterable[dict[str, Any]], manifest: dict[str, Any],
           options: ExportOptions) -> Iterator[bytes]:
    sink = _Drain()
    writer = pq.ParquetWriter(sink, SCHEMA)
    n = 0
    rows = iter(records)
    while group := [_column_values(r) for r in islice(rows, options.flush_rows)]:
        writer.write_table(pa.Table.from_pylist(group, schema=SCHEMA))
        n += len(group)
        yield sink.take()
    manifest["rows"] = n
    writer.add_key_value_metadata({MANIFEST_KEY: json.dumps(manifest).encode()})
    writer.close()
    yield sink.take()
