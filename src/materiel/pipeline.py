"""The main job: read documents, clean them, drop duplicates and store them.

A library function first (`ingest`); the CLI is a thin layer over it.  Documents are written
in batches, each batch one transaction, so a run killed halfway keeps every batch it
committed and a re-run skips them as already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Protocol

from materiel.clean import clean
from materiel.ingest import ReaderOptions, read_paths
from materiel.models import CleanDocument, Document, Event, ReadError
from materiel.store import Store
from materiel.store.repository import DUPLICATE, NEAR_DUPLICATE_STATUS, NEW, AddResult

BATCH_SIZE = 200


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    rejected: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def clean_records(
    records: Iterable[Document | ReadError], summary: IngestSummary
) -> Iterator[CleanDocument]:
    """Clean each document; read errors and documents left empty are counted as rejected."""
    for record in records:
        if isinstance(record, ReadError):
            summary.rejected += 1
            summary.errors.append(str(record))
            continue
        summary.read += 1
        cleaned = clean(record)
        if not cleaned.text.strip():
            summary.rejected += 1
            summary.errors.append(f"{_where(record)}: no text left after cleaning")
            continue
        yield cleaned


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


def make_extractor(kb_path: str | None = None, use_kb: bool = True) -> EventSink:
    """The extractor the commands use: events, with office-term flags when the KB is on."""
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    extractor = Extractor(PipelineConfig(use_kb=use_kb, kb_path=kb_path))
    return OfficeTermChecker(extractor, kb_path) if use_kb else extractor


def _store_one_batch(
    store: Store, batch: list[CleanDocument], extractor: EventSink | None
) -> tuple[list[AddResult], int]:
    """Documents and their events in one transaction, so they commit (or not) together."""
    with store.transaction() as conn:
        results = [store.add(conn, doc) for doc in batch]
        n_events = 0
        if extractor is not None:
            fresh = [
                (r, doc)
                for r, doc in zip(results, batch, strict=True)
                if r.status in (NEW, NEAR_DUPLICATE_STATUS)
            ]
            found = extractor.extract_many([doc for _r, doc in fresh])
            for (result, _doc), (clean_doc, events) in zip(fresh, found, strict=True):
                n_events += store.add_events(conn, result.document_id, clean_doc, events)
                store.add_quotes(conn, result.document_id, quotes_of(clean_doc))
    return results, n_events


def store_batch(
    store: Store,
    batch: list[CleanDocument],
    summary: IngestSummary,
    extractor: EventSink | None = None,
) -> None:
    """Write a batch in one transaction; if it fails, retry one document at a time so that
    one bad record does not cost the others."""
    try:
        results, n_events = _store_one_batch(store, batch, extractor)
    except Exception:  # noqa: BLE001 - any error: isolate the record that caused it
        results, n_events = [], 0
        for doc in batch:
            try:
                one, n = _store_one_batch(store, [doc], extractor)
            except Exception as exc:  # noqa: BLE001
                summary.rejected += 1
                summary.errors.append(
                    f"{_where(doc.doc)}: not stored ({type(exc).__name__}: "
                    f"{(str(exc).splitlines() or [''])[0][:160]})"
                )
                continue
            results += one
            n_events += n
    summary.events += n_events
    for result in results:
        if result.status == NEW:
            summary.new += 1
        elif result.status == DUPLICATE:
            summary.duplicate += 1
        elif result.status == NEAR_DUPLICATE_STATUS:
            summary.near_duplicate += 1


def _where(doc: Document) -> str:
    prov = doc.provenance
    return prov.path if prov.record is None else f"{prov.path}:{prov.record}"


def ingest(
    paths: Iterable[str],
    store: Store,
    options: ReaderOptions | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    extractor: EventSink | None = None,
    on_document: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read, clean, deduplicate and store everything under `paths`; with an `extractor`,
    the events of each new document are stored with it."""
    summary = IngestSummary()
    records = read_paths(paths, options or ReaderOptions())
    for batch in _batches(clean_records(records, summary), batch_size):
        store_batch(store, batch, summary, extractor)
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
) -> Iterator[tuple[CleanDocument, list[Event]]]:
    """Read and clean everything under `paths` and extract its events; nothing is stored."""
    summary = summary if summary is not None else IngestSummary()
    extractor = make_extractor(kb_path, use_kb)
    records = read_paths(paths, options or ReaderOptions())
    yield from extractor.extract_many(clean_records(records, summary))
