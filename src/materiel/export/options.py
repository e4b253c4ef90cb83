"""How an export is written (beyond which events it holds)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportOptions:
    rows: str = "event"  # CSV, Parquet-free formats: one row per "event" or per "arg"
    bom: bool = False  # CSV: start with a UTF-8 byte-order mark (for Excel)
    base_url: str = "http://127.0.0.1:8000"  # Atom: where the links of entries point
    title: str = "Materiel events"  # Atom: the feed's title
    flush_rows: int = 500  # rows buffered before a chunk is handed on

    def __post_init__(self) -> None:
        if self.rows not in ("event", "arg"):
            raise ValueError(f"rows are per 'event' or per 'arg', not {self.rows!r}")
