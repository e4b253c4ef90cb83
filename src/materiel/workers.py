"""Extraction in worker processes, with this process as the one writer.

`ingest_parallel` hands batches of cleaned documents to a pool of worker processes, each of
which builds its extractor once, while this process reads and cleans ahead and writes the
results in input order, one transaction a batch.  At most two batches a worker are out at
once, so memory does not grow with the input.  The per-document time limit applies inside
the workers (each runs extraction in its main thread, where SIGALRM works).

A worker that dies (killed, out of memory, a crash in native code) breaks the pool: the pool
is started again and the unfinished batches are sent again.  If a retried batch breaks the
pool a second time, the unfinished documents are extracted one at a time, so that only the
document that brings a worker down is rejected.

The loop that keeps batches in flight, recovers and writes in order (`write_in_order`) and
the step that stores a batch with what was found in it (`write_batch`) serve any pool of
workers: `materiel.scale.ray_ingest` runs the same job on the actors of a Ray cluster.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from materiel.dedup.fingerprint import body_text, signature
from materiel.models import CleanDocument
from materiel.pipeline import (
    EventSink,
    Extracted,
    IngestSummary,
    Limits,
    extract_guarded,
    fresh_documents,
    where,
    with_found,
    write_items,
)
from materiel.store import Store

IN_FLIGHT_PER_WORKER = 2  # batches out per worker: enough to keep each busy while we write

_extractor: EventSink | None = None  # the extractor of this worker process

Unit = TypeVar("Unit")  # what is sent to a worker
Unit_contra = TypeVar("Unit_contra", contravariant=True)
Result = TypeVar("Result")  # what comes back


@dataclass
class BatchResult:
    """What a worker found in a batch: results by position, the document extras extraction
    set (office-term flags), and the rejections as (line, reason)."""

    found: Extracted = field(default_factory=dict)
    extras: dict[int, dict[str, Any]] = field(default_factory=dict)
    rejections: list[tuple[str, str]] = field(default_factory=list)
    fingerprints: dict[int, bytes] = field(default_factory=dict)  # by position, for the store


@dataclass
class CleanBatch:
    """A batch of cleaned documents, and those of them to extract (`fresh`: not stored yet,
    or all with re-extraction), the same objects."""

    documents: list[CleanDocument]
    fresh: list[CleanDocument]


@dataclass
class RejectionList(IngestSummary):
    """A summary that keeps every rejection with its reason, to send back to the writer."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def reject(self, line: str, reason: str) -> None:
        self.pairs.append((line, reason))


def load_extractor(factory: Callable[[], EventSink]) -> None:
    """Build this worker's extractor, and the parser quotes need, once."""
    global _extractor
    from materiel import pipeline
    from materiel.clean import clean
    from materiel.models import Document

    _extractor = factory()
    # Quotes need a parser of their own: loaded now rather than on the first document,
    # where the load would count against that document's time limit.
    pipeline.quotes_of(clean(Document(id="warm-up", text="A sentence to warm up.")))


def extract_batch(docs: list[CleanDocument], limits: Limits) -> BatchResult:
    """Events and quotes of `docs` with this worker's extractor (see `load_extractor`)."""
    assert _extractor is not None, "the worker's extractor was not loaded"
    rejections = RejectionList()
    found = extract_guarded(_extractor, docs, rejections, limits)
    extras = {k: docs[k].doc.extra for k in found if docs[k].doc.extra}
    # the writer is the one process that cannot be doubled: it gets the signatures made
    fingerprints = {k: signature(body_text(docs[k])).to_bytes() for k in found}
    return BatchResult(found, extras, rejections.pairs, fingerprints)


def write_batch(store: Store, summary: IngestSummary, batch: CleanBatch, result: BatchResult,
                reextract: bool = False) -> None:
    """Store a batch with what extraction found in it, in one transaction."""
    for line, reason in result.rejections:
        summary.reject(line, reason)
    for k, extra in result.extras.items():
        batch.fresh[k].doc.extra.update(extra)
    for k, fingerprint in result.fingerprints.items():
        batch.fresh[k].fingerprint = fingerprint
    write_items(store, with_found(batch.documents, batch.fresh, result.found), summary,
                reextract)


class ExtractionPool(Protocol[Unit_contra, Result]):
    """Workers that turn a unit of work into a result, and can be started again."""

    def submit(self, unit: Unit_contra) -> Future[Result]: ...

    def restart(self) -> None:
        """Bring the workers back after one died; the failed units are then sent again."""

    def one_by_one(self, unit: Unit_contra) -> Result:
        """The unit's result, each document done alone: one that brings its worker down, or
        fails, is rejected."""
        ...

    def shutdown(self) -> None: ...


def _done(result: Result) -> Future[Result]:
    future: Future[Result] = Future()
    future.set_result(result)
    return future


class WorkerPool:
    """A process pool whose workers each hold an extractor; started again when it breaks."""

    def __init__(self, factory: Callable[[], EventSink], workers: int, limits: Limits):
        self.factory, self.workers, self.limits = factory, workers, limits
        self.context = multiprocessing.get_context("spawn")
        self.restarts = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context,
                                   initializer=load_extractor, initargs=(self.factory,))

    def submit(self, unit: CleanBatch) -> Future[BatchResult]:
        return self._submit(unit.fresh) if unit.fresh else _done(BatchResult())

    def _submit(self, docs: list[CleanDocument]) -> Future[BatchResult]:
        try:
            return self.executor.submit(extract_batch, docs, self.limits)
        except BrokenProcessPool as exc:  # the pool broke already: sent again in turn
            failed: Future[BatchResult] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        self.executor = self._start()

    def one_by_one(self, unit: CleanBatch) -> BatchResult:
        merged = BatchResult()
        for k, doc in enumerate(unit.fresh):
            try:
                got = self._submit([doc]).result()
            except BrokenProcessPool:
                self.restart()
                merged.rejections.append((f"{where(doc.doc)}: extraction crashed its worker "
                                          "process", "extraction crashed its worker process"))
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                merged.rejections.append((f"{where(doc.doc)}: extraction failed "
                                          f"({type(exc).__name__})", "extraction failed"))
                continue
            if 0 in got.found:  # position 0 of the one-document batch is position k here
                merged.found[k] = got.found[0]
            if 0 in got.extras:
                merged.extras[k] = got.extras[0]
            merged.rejections += got.rejections
        return merged

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Pending(Generic[Unit, Result]):
    unit: Unit
    future: Future[Result]
    attempts: int = 1
    result: Result | None = None

    def failed(self) -> bool:
        return self.result is None and self.future.done() and (
            self.future.cancelled() or self.future.exception() is not None)


def _collect(head: _Pending[Unit, Result], behind: deque[_Pending[Unit, Result]],
             pool: ExtractionPool[Unit, Result]) -> Result:
    """The result of the oldest unit, waiting for it; recovers from dead workers.  The units
    whose work failed are sent again once; after a second failure, one document at a
    time."""
    while head.result is None:
        try:
            head.result = head.future.result()
        except Exception:  # noqa: BLE001 - a dead worker, or a failure outside the guards
            pool.restart()
            failed = [p for p in (head, *behind) if p.failed()]
            if head.attempts >= 2:
                for p in failed:
                    p.result = pool.one_by_one(p.unit)
            else:
                for p in failed:
                    p.attempts += 1
                    p.future = pool.submit(p.unit)
    return head.result


def write_in_order(units: Iterable[Unit], pool: ExtractionPool[Unit, Result],
                   write: Callable[[Unit, Result], None], in_flight: int) -> None:
    """Send each unit to `pool` as `units` yields it, at most `in_flight` out at once, and
    hand the results to `write` in input order."""
    pending: deque[_Pending[Unit, Result]] = deque()

    def write_oldest() -> None:
        head = pending.popleft()
        write(head.unit, _collect(head, pending, pool))

    for unit in units:
        pending.append(_Pending(unit, pool.submit(unit)))
        while len(pending) >= in_flight:
            write_oldest()
    while pending:
        write_oldest()


def ingest_parallel(
    batches: Iterable[list[CleanDocument]],
    store: Store,
    summary: IngestSummary,
    extractor_factory: Callable[[], EventSink],
    *,
    workers: int,
    limits: Limits,
    reextract: bool = False,
    on_document: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Extract `batches` in `workers` processes and store them here, in input order."""
    pool = WorkerPool(extractor_factory, workers, limits)

    def write(batch: CleanBatch, result: BatchResult) -> None:
        write_batch(store, summary, batch, result, reextract)
        if on_document is not None:
            on_document(summary)

    units = (CleanBatch(batch, fresh_documents(store, batch, reextract)) for batch in batches)
    try:
        write_in_order(units, pool, write, IN_FLIGHT_PER_WORKER * workers)
    finally:
        pool.shutdown()
    return summary
