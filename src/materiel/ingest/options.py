"""Settings shared by all readers."""

from __future__ import annotations

from dataclasses import dataclass

# Names accepted by `ReaderOptions.format`, mapped to the reader that handles them.
FORMATS: dict[str, str] = {
    "text": "text",
    "txt": "text",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "json": "json",
    "csv": "csv",
    "tsv": "tsv",
    "html": "html",
    "feed": "feed",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",
    "warc": "warc",
    "arc": "warc",
}


@dataclass(frozen=True)
class ReaderOptions:
    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    outlet_field: str = "outlet"
    format: str | None = None  # force a format (see FORMATS) instead of extension/sniffing
    # The most bytes one record may take once decompressed (a JSONL line, a CSV row, a page,
    # a text file, a WARC payload): a larger one is rejected without being held in memory.
    max_document_bytes: int = 20_000_000
    # Read symbolic links inside an input folder that lead out of it (refused otherwise).
    follow_symlinks: bool = False
    # A stream that gives this many rejections in a row (a zip bomb of bad lines, a file
    # read with the wrong field names) is abandoned with one more line saying so; None: never.
    max_rejections_in_a_row: int | None = None

    def __post_init__(self) -> None:
        if self.format is not None and self.format.lower() not in FORMATS:
            known = ", ".join(sorted(FORMATS))
            raise ValueError(f"unknown format {self.format!r} (known: {known})")
        if self.max_document_bytes <= 0:
            raise ValueError("max_document_bytes must be positive")
        if self.max_rejections_in_a_row is not None and self.max_rejections_in_a_row <= 0:
            raise ValueError("max_rejections_in_a_row must be positive (or None)")

    @property
    def reader(self) -> str | None:
        """The canonical reader name for a forced format, or None."""
        return None if self.format is None else FORMATS[self.format.lower()]
