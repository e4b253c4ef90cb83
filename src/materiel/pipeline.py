"""The main job: read documents, clean them, drop duplicates and store them.

A library function first (`ingest`); the CLI is a thin layer over it.  Documents are written
in batches, each batch one transaction, so a run killed halfway keeps every batch it
committed and a re-run skips them as already stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from materiel.clean import clean
from materiel.deadline import DeadlineExceeded, deadline
from materiel.ingest import ReaderOptions, read_paths
from materiel.link import canonical_around, link_document
from materiel.models import CleanDocument, Document, Event, ReadError
from materiel.store import Store, reviewed
from materiel.store.repository import (
    DUPLICATE,
    NEAR_DUPLICATE_STATUS,
    NEW,
    AddResult,
    PendingRows,
    content_hash,
)
from materiel.store.types import strip_nul

if TYPE_CHECKING:
    from sqlalchemy import Connection

BATCH_SIZE = 200
EXTRACT_GROUP = 32  # documents parsed together; a group that fails is redone one by one
MAX_KEPT_ERRORS = 20


@dataclass
class Limits:
    """What one document may cost: a document over a limit is rejected with a line saying
    so, and the batch goes on."""

    max_chars: int = 1_000_000  # characters of text (news articles are far shorter)
    seconds: float | None = 30.0  # for cleaning, and per document for extraction


@dataclass
class IngestSummary:
    """Counts of a run.  Rejections are counted by reason and handed to `on_reject` as they
    happen; only the first MAX_KEPT_ERRORS lines are kept, so memory does not grow with
    the number of bad records."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    rejected: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    on_reject: Callable[[str], None] | None = field(default=None, repr=False, compare=False)

    def reject(self, line: str, reason: str) -> None:
        self.rejected += 1
        key = reason_key(reason)
        if key not in self.rejected_by_reason and len(self.rejected_by_reason) >= MAX_REASONS:
            key = "other"
        self.rejected_by_reason[key] = self.rejected_by_reason.get(key, 0) + 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(line)
        if self.on_reject is not None:
            self.on_reject(line)

    def to_json(self) -> dict[str, object]:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "near_duplicate": self.near_duplicate, "rejected": self.rejected,
                "events": self.events, "rejected_by_reason": self.rejected_by_reason,
                "errors": self.errors}


_PLACE = re.compile(r"^(?:line|row|record|entry|item|member|lines)\s+[\d-]+:\s*")
MAX_REASONS = 100  # distinct kinds counted; the rest are counted as "other"


def reason_key(reason: str) -> str:
    """The kind of a rejection: no place ("line 12:"), no detail after ':' or '(', no
    numbers, so that counting kinds takes the same memory for 10 or 10 million records."""
    kind = re.split(r"[:(]", _PLACE.sub("", reason), maxsplit=1)[0]
    return re.sub(r"\d+", "N", kind).strip()[:80] or "unknown"


def clean_records(
    records: Iterable[Document | ReadError], summary: IngestSummary, limits: Limits | None = None
) -> Iterator[CleanDocument]:
    """Clean each document; read errors, documents over a limit, and documents left empty
    are rejected."""
    limits = limits or Limits()
    for record in records:
        if isinstance(record, ReadError):
            summary.reject(str(record), record.reason)
            continue
        summary.read += 1
        if len(record.text) > limits.max_chars:
            summary.reject(f"{where(record)}: text too long ({len(record.text):,} characters; "
                           f"the limit is {limits.max_chars:,})", "text too long")
            continue
        try:
            with deadline(limits.seconds):
                cleaned = clean(without_nul(record))
        except DeadlineExceeded as exc:
            summary.reject(f"{where(record)}: cleaning {exc}", "cleaning took too long")
            continue
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            summary.reject(f"{where(record)}: cleaning failed ({_brief(exc)})", "cleaning failed")
            continue
        if not cleaned.text.strip():
            summary.reject(f"{where(record)}: no text left after cleaning",
                           "no text left after cleaning")
            continue
        yield cleaned


def without_nul(doc: Document) -> Document:
    """The document with NUL characters taken out of its text fields (PostgreSQL cannot
    store them); taken out before cleaning so that every offset holds."""
    fields: dict[str, Any] = {name: strip_nul(value) for name, value in vars(doc).items()
                              if isinstance(value, str) and "\x00" in value}
    return replace(doc, **fields) if fields else doc


def _brief(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:160]}"


def _batches(items: Iterable[CleanDocument], size: int) -> Iterator[list[CleanDocument]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class EventSink(Protocol):
    def extract_many(
        self, clean_docs: Iterable[CleanDocument]
    ) -> Iterator[tuple[CleanDocument, list[Event]]]: ...


class OfficeTermChecker:
    """Wraps an extractor: flags each document, and each event naming the person, when the
    text gives someone a title that does not fit its date ("former President" while in
    office, a minister after leaving office)."""

    def __init__(self, extractor: EventSink, kb_path: str | None = None):
        from materiel.kb import Resolver, load_kb

        self.extractor = extractor
        self.resolver = Resolver(load_kb([kb_path] if kb_path else []))

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        from materiel.kb.titles import office_flags

        for clean_doc, events in self.extractor.extract_many(clean_docs):
            flags = office_flags(clean_doc.text, clean_doc.doc.published, self.resolver)
            if flags:
                clean_doc.doc.extra["flags"] = [f"office term: {f.reason}" for f in flags]
                for event in events:
                    ids = {a.id for values in event.args.values() for a in values}
                    event.flags += [f"office term: {f.reason}" for f in flags
                                    if f.person_id in ids]
            yield clean_doc, events


def quotes_of(clean_doc: CleanDocument) -> list[dict[str, object]]:
    """Quoted statements with their speakers ("he said" resolved to the named speaker)."""
    from materiel.extract import extract_quotes

    return [{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker}
            for q in extract_quotes(clean_doc)]


class ConfidenceFloor:
    """Wraps an extractor: only events whose confidence reaches `floor` go on."""

    def __init__(self, extractor: EventSink, floor: float):
        self.extractor, self.floor = extractor, floor

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean_doc, events in self.extractor.extract_many(clean_docs):
            yield clean_doc, [e for e in events if e.confidence >= self.floor]


def make_extractor(kb_path: str | None = None, use_kb: bool = True,
                   min_confidence: float = 0.0) -> EventSink:
    """The extractor the commands use: events, with office-term flags when the KB is on,
    at least `min_confidence` likely to be right."""
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    extractor: EventSink = Extractor(PipelineConfig(use_kb=use_kb, kb_path=kb_path))
    if use_kb:
        extractor = OfficeTermChecker(extractor, kb_path)
    return ConfidenceFloor(extractor, min_confidence) if min_confidence > 0 else extractor


Extracted = dict[int, tuple[list[Event], list[dict[str, object]]]]


def _extract_group(extractor: EventSink, docs: list[CleanDocument]) -> Extracted:
    # Quotes need a parse of every sentence that may hold one: only for documents the
    # relevance filter kept (on a day of mostly general news they were 80% of the time).
    return {i: (events, quotes_of(clean_doc) if clean_doc.about_defense is not False else [])
            for i, (clean_doc, events) in enumerate(extractor.extract_many(docs))}


def extract_guarded(extractor: EventSink, docs: list[CleanDocument], summary: IngestSummary,
                    limits: Limits) -> Extracted:
    """Events and quotes of each document, by its position in `docs`.  A group that fails or
    runs out of time is redone one document at a time, so only the culprit is rejected."""
    found: Extracted = {}
    for first in range(0, len(docs), EXTRACT_GROUP):
        group = docs[first:first + EXTRACT_GROUP]
        seconds = limits.seconds * len(group) if limits.seconds else None
        try:
            with deadline(seconds):
                done = _extract_group(extractor, group)
        except Exception:  # noqa: BLE001 - DeadlineExceeded or any error: find the culprit
            done = {}
            for i, doc in enumerate(group):
                try:
                    with deadline(limits.seconds):
                        done[i] = _extract_group(extractor, [doc])[0]
                except DeadlineExceeded as exc:
                    summary.reject(f"{where(doc.doc)}: extraction {exc}",
                                   "extraction took too long")
                except Exception as exc:  # noqa: BLE001
                    summary.reject(f"{where(doc.doc)}: extraction failed ({_brief(exc)})",
                                   "extraction failed")
        found.update({first + i: result for i, result in done.items()})
    return found


Found = tuple[list[Event], list[dict[str, object]]] | None  # None: not extracted


def _write(store: Store, conn: Connection, items: list[tuple[CleanDocument, Found]],
           reextract: bool = False) -> tuple[list[AddResult], int]:
    """Store each document with its events; a document stored before gets its events
    replaced when it was extracted again (re-extraction), keeping the reviewed ones."""
    results = []
    n_events = 0
    pending = PendingRows()
    for clean_doc, found in items:
        result = store.add(conn, clean_doc, pending)
        results.append(result)
        if found is None or (result.status == DUPLICATE and not reextract):
            continue
        pending.flush(conn)
        events, quotes = found
        stale: set[int] = set()  # canonical events whose members re-extraction replaces
        if result.status == DUPLICATE:
            stale = canonical_around(conn, result.document_id)
            events = reviewed.replace_events(conn, result.document_id, events)
        n_events += store.add_events(conn, result.document_id, clean_doc, events)
        store.add_quotes(conn, result.document_id, quotes)
        if events or stale:
            link_document(conn, result.document_id, stale)  # cross-document merging
        if result.status == NEAR_DUPLICATE_STATUS and result.cluster_id is not None:
            reviewed.carry_rejections(conn, result.document_id, result.cluster_id)
    pending.flush(conn)
    return results, n_events


def store_batch(
    store: Store,
    batch: list[CleanDocument],
    summary: IngestSummary,
    extractor: EventSink | None = None,
    limits: Limits | None = None,
    reextract: bool = False,
) -> None:
    """Extract the events of the documents not stored yet (with `reextract`, of every
    document), outside any transaction, so the database is not held while the parser runs;
    then write documents and events in one transaction that waits for other writers.  If
    the write fails, each document is retried alone so that one bad record does not cost
    the others."""
    limits = limits or Limits()
    items: list[tuple[CleanDocument, Found]] = [(doc, None) for doc in batch]
    if extractor is not None:
        fresh = fresh_documents(store, batch, reextract)
        items = with_found(batch, fresh, extract_guarded(extractor, fresh, summary, limits))
    write_items(store, items, summary, reextract)


def fresh_documents(store: Store, batch: list[CleanDocument],
                    reextract: bool = False) -> list[CleanDocument]:
    """The documents of `batch` to extract: those not stored yet (with `reextract`, all)."""
    hashes = [content_hash(doc) for doc in batch]
    known = set() if reextract else store.stored_hashes(hashes)
    return [doc for doc, h in zip(batch, hashes, strict=True) if h not in known]


def with_found(batch: list[CleanDocument], fresh: list[CleanDocument],
               found: Extracted) -> list[tuple[CleanDocument, Found]]:
    """Each document of `batch` with what extraction found in it (`found` is by position in
    `fresh`); the fresh documents extraction rejected are left out."""
    by_doc = {id(fresh[k]): result for k, result in found.items()}
    rejected = {id(doc) for k, doc in enumerate(fresh) if k not in found}
    return [(doc, by_doc.get(id(doc))) for doc in batch if id(doc) not in rejected]


def write_items(store: Store, items: list[tuple[CleanDocument, Found]],
                summary: IngestSummary, reextract: bool = False) -> None:
    """Write documents with their events in one transaction (see `store_batch`)."""
    try:
        results, n_events = store.write(lambda conn: _write(store, conn, items, reextract))
    except Exception:  # noqa: BLE001 - any error: isolate the record that caused it
        results, n_events = [], 0
        for item in items:
            def write_one(conn: Connection, one: tuple[CleanDocument, Found] = item
                          ) -> tuple[list[AddResult], int]:
                return _write(store, conn, [one], reextract)

            try:
                got, n = store.write(write_one)
            except Exception as exc:  # noqa: BLE001
                summary.reject(f"{where(item[0].doc)}: not stored ({_brief(exc)})",
                               "not stored")
                continue
            results += got
            n_events += n
    summary.events += n_events
    for result in results:
        if result.status == NEW:
            summary.new += 1
        elif result.status == DUPLICATE:
            summary.duplicate += 1
        elif result.status == NEAR_DUPLICATE_STATUS:
            summary.near_duplicate += 1


def where(doc: Document) -> str:
    """The record a document came from, as rejection lines name it (numbers from 1)."""
    return doc.provenance.location


def ingest(
    paths: Iterable[str],
    store: Store,
    options: ReaderOptions | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    extractor: EventSink | None = None,
    limits: Limits | None = None,
    summary: IngestSummary | None = None,
    on_document: Callable[[IngestSummary], None] | None = None,
    reextract: bool = False,
    workers: int = 1,
    extractor_factory: Callable[[], EventSink] | None = None,
) -> IngestSummary:
    """Read, clean, deduplicate and store everything under `paths`; with an `extractor`,
    the events of each new document are stored with it, and with `reextract` the events of
    documents stored before are extracted again and replace their unreviewed ones.  Pass a
    `summary` with `on_reject` set to see rejections as they happen.

    With `workers` > 1, `extractor_factory` (a picklable callable, such as a `partial` of
    `make_extractor`) builds one extractor in each of that many worker processes, which
    extract while this process reads, cleans and writes (see `materiel.workers`)."""
    summary = summary if summary is not None else IngestSummary()
    limits = limits or Limits()
    if extractor is None and extractor_factory is not None and workers <= 1:
        extractor = extractor_factory()
    records = read_paths(paths, options or ReaderOptions())
    if workers > 1 and (extractor is not None or extractor_factory is not None):
        if extractor_factory is None:
            raise ValueError("workers > 1 needs an extractor_factory, not a built extractor")
        from materiel.workers import ingest_parallel

        batches = _batches(clean_records(records, summary, limits), batch_size)
        return ingest_parallel(batches, store, summary, extractor_factory, workers=workers,
                               limits=limits, reextract=reextract, on_document=on_document)
    for batch in _batches(clean_records(records, summary, limits), batch_size):
        store_batch(store, batch, summary, extractor, limits, reextract)
        if on_document is not None:
            on_document(summary)
    return summary


def extract_paths(
    paths: Iterable[str],
    options: ReaderOptions | None = None,
    *,
    kb_path: str | None = None,
    use_kb: bool = True,
    summary: IngestSummary | None = None,
    limits: Limits | None = None,
    min_confidence: float = 0.0,
    published: str | None = None,
) -> Iterator[tuple[CleanDocument, list[Event]]]:
    """Read and clean everything under `paths` and extract its events; nothing is stored.
    `published` is the publication date of the documents that give none (standard input,
    plain text), against which "on Friday" or "last month" are read."""
    summary = summary if summary is not None else IngestSummary()
    limits = limits or Limits()
    extractor = make_extractor(kb_path, use_kb, min_confidence)
    records = read_paths(paths, options or ReaderOptions())
    if published is not None:
        records = (replace(r, published=published)
                   if isinstance(r, Document) and not r.published else r for r in records)
    for batch in _batches(clean_records(records, summary, limits), EXTRACT_GROUP):
        found = extract_guarded(extractor, batch, summary, limits)
        for i, clean_doc in enumerate(batch):
            if i in found:
                yield clean_doc, found[i][0]
