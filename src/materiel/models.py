"""Typed records passed between the stages of the pipeline.

Readers produce `Document`s (or `ReadError`s), the cleaner turns a `Document` into a
`CleanDocument`, extraction turns a `CleanDocument` into `Event`s.  Offsets are character
offsets into `CleanDocument.text`, which is stored as-is so evidence can be highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Provenance:
    """Where a document came from: the file, the record inside it, the raw content's hash."""

    path: str
    record: int | None = None  # 0-based: JSONL line, CSV row, feed entry, WARC record
    offset: int | None = None  # byte offset of the record in the (decompressed) stream, when known
    content_hash: str = ""  # sha256 hex of the record's raw bytes as read
    member: str | None = None  # member name inside an archive (.zip/.tar) or a WARC target URI

    @property
    def location(self) -> str:
        """Where the document was read, as printed for people: "path[!member][:N]", N
        counting from 1 (the 0-based `record` plus one), as in `ReadError` lines."""
        where = self.path if self.member is None else f"{self.path}!{self.member}"
        return format_location(where, None if self.record is None else self.record + 1)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def format_location(where: str, number: int | None = None) -> str:
    """A place in the input as printed in rejection lines: "where" or "where:N", with N the
    1-based line, row, entry or record number (never Provenance.record, which is 0-based).
    Control characters in names (a file called "a\\nb") are escaped to keep it one line."""
    where = _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], where)
    return where if number is None else f"{where}:{number}"


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601: YYYY-MM-DD, or a full timestamp
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    provenance: Provenance = field(default_factory=lambda: Provenance(path="-"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadError:
    """A record that could not be read; the batch goes on without it."""

    path: str  # with "!member" inside archives
    reason: str
    record: int | None = None  # 1-based, unlike Provenance.record

    def __str__(self) -> str:
        return f"{format_location(self.path, self.record)}: {self.reason}"


@dataclass(frozen=True)
class Removal:
    """A span taken out of the raw text by cleaning, and why."""

    text: str
    reason: str
    start: int  # offsets into the raw (pre-cleaning) text
    end: int


@dataclass(frozen=True)
class Segment:
    """A block of the cleaned text: a heading, a paragraph, or one item of a teaser feed."""

    kind: str  # "title" | "heading" | "paragraph" | "item"
    start: int
    end: int
    story: int = 0


@dataclass(frozen=True)
class Story:
    """One story of a document that glues several together (or one item of a feed)."""

    index: int
    start: int
    end: int
    heading: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    story: int = 0
    segment: int = 0
    truncated: bool = False  # the text stops mid-sentence (feed teasers)
    is_heading: bool = False


@dataclass
class CleanDocument:
    doc: Document
    text: str
    segments: list[Segment] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    is_feed: bool = False  # one item per line (teaser feed): items carry their own date context
    # the relevance filter's verdict, set when extraction looks at the document (None: not yet,
    # or no filter); quotes are only looked for in documents about defense
    about_defense: bool | None = None
    # the near-duplicate signature (MinHash bytes), computed where cores are spare (a worker)
    # so that the one writer does not; None: the store computes it
    fingerprint: bytes | None = None
    # the exact-duplicate key (`materiel.store.content_hash`), kept once computed
    content_hash: str | None = None


EVENT_TYPES = (
    "production", "procurement", "aid", "agreement", "sanction", "meeting", "spending", "strike",
)
ROLES = {
    "production": ("producer", "item", "location", "partner", "quantity", "value"),
    "procurement": ("buyer", "seller", "item", "quantity", "value"),
    "aid": ("donor", "recipient", "item", "quantity", "value"),
    "agreement": ("party", "item"),
    "sanction": ("imposer", "target"),
    "meeting": ("participant", "location"),
    "spending": ("spender", "value"),
    "strike": ("attacker", "target", "location"),
}


@dataclass
class Argument:
    """One value of an event role, as written (`text`) and as resolved."""

    text: str
    name: str | None = None  # canonical name from the knowledge base
    id: str | None = None  # knowledge-base id (or a cluster id for unlinked entities)
    value: float | None = None  # for quantity and value
    currency: str | None = None  # ISO 4217, for value
    start: int | None = None  # offsets into CleanDocument.text
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        for key in ("name", "id", "value", "currency"):
            val = getattr(self, key)
            if val is not None:
                out[key] = val
        return out


@dataclass(frozen=True)
class Evidence:
    """A sentence that mentions an event, with its offsets in CleanDocument.text."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass
class Event:
    doc: str
    type: str
    args: dict[str, list[Argument]] = field(default_factory=dict)
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    status: str | None = None  # planned | announced | done
    evidence: str = ""
    evidence_start: int | None = None  # offsets of the evidence sentence in CleanDocument.text
    evidence_end: int | None = None
    summary: str = ""
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)  # e.g. office-term warnings
    # the other sentences that mention the same event (merged mentions), in document order
    other_evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The output contract of `--format jsonl` (spec/EVENTS.md section 3)."""
        out: dict[str, Any] = {
            "doc": self.doc,
            "type": self.type,
            "date": self.date,
            "status": self.status,
            "args": {role: [a.to_json() for a in vals] for role, vals in self.args.items() if vals},
            "evidence": self.evidence,
            "summary": self.summary,
            "confidence": round(self.confidence, 3),
        }
        if self.flags:
            out["flags"] = list(self.flags)
        if self.other_evidence:
            out["other_evidence"] = [e.text for e in self.other_evidence]
        return out
