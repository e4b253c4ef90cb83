"""Exports of a selection of events, streamed: CSV, JSONL, Parquet, XLSX, gold, Atom.

Each format module turns records into chunks of bytes (`chunks(records, manifest, options)`)
and fills in the manifest's row count when it is done, so the same code writes a file from
the CLI and a streamed HTTP response from the API.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from materiel.export import atom, csv_format, gold, jsonl, parquet, xlsx
from materiel.export.manifest import make_manifest
from materiel.export.options import ExportOptions
from materiel.store.query import EventQuery, iter_events, iter_reviewed
from materiel.store.repository import Store

FORMATS: dict[str, ModuleType] = {
    "csv": csv_format, "jsonl": jsonl, "parquet": parquet, "xlsx": xlsx, "gold": gold,
    "atom": atom,
}
# Where the format has room for it, the manifest also travels inside the file.
MANIFEST_INSIDE = {"parquet": "key-value metadata", "xlsx": "sheet 'manifest'",
                   "atom": "feed subtitle and updated"}


def _module(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def media_type(fmt: str) -> str:
    return str(_module(fmt).MEDIA_TYPE)


def suffix(fmt: str) -> str:
    return str(_module(fmt).SUFFIX)


def export_stream(store: Store, q: EventQuery, fmt: str,
                  options: ExportOptions | None = None) -> tuple[dict[str, Any], Iterator[bytes]]:
    """The manifest (its "rows" set once the stream is used up) and the bytes of the export."""
    module = _module(fmt)
    options = options or ExportOptions()
    details: dict[str, Any] = {}
    if fmt in ("csv", "xlsx"):
        details["rows_per"] = options.rows
    if fmt == "gold":
        details["reviewed_only"] = True
        details["note"] = ("documents whose every event has been reviewed, each with its "
                           "accepted and edited events (none where all were rejected)")
    if fmt == "atom":
        q = replace(q, sort="newest")
    manifest = make_manifest(store, q, fmt, **details)
    if fmt == "gold":
        return manifest, gold.chunks(iter_reviewed(store, q), manifest, options)
    limit = atom.MAX_ENTRIES if fmt == "atom" else None
    records = iter_events(store, q, limit=limit)
    return manifest, module.chunks(records, manifest, options)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".manifest.json")


def export_file(store: Store, q: EventQuery, fmt: str, path: Path,
                options: ExportOptions | None = None) -> dict[str, Any]:
    """Write the export to `path` (through a temporary file: a failed export leaves no
    half file) and its manifest next to it as NAME.manifest.json."""
    manifest, stream = export_stream(store, q, fmt, options)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as fh:
            for chunk in stream:
                fh.write(chunk)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    if fmt in MANIFEST_INSIDE:
        manifest["also_in_file"] = MANIFEST_INSIDE[fmt]
    sidecar_path(path).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                  encoding="utf-8")
    return manifest


__all__ = ["FORMATS", "ExportOptions", "export_file", "export_stream", "media_type",
           "sidecar_path", "suffix"]
