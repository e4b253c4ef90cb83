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
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

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


@dataclass
class BatchResult:
    """What a worker found in a batch: results by position, the document extras extraction
    set (office-term flags), and the rejections as (line, reason)."""

    found: Extracted = field(default_factory=dict)
    extras: dict[int, dict[str, Any]] = field(default_factory=dict)
    rejections: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Rejections(IngestSummary):
    """A summary that keeps every rejection with its reason, to send back to the writer."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def reject(self, line: str, reason: str) -> None:
        self.pairs.append((line, reason))


def _load(factory: Callable[[], EventSink]) -> None:
    global _extractor
    from materiel import pipeline
    from materiel.clean import clean
    from materiel.models import Document

    _extractor = factory()
    # Quotes need a parser of their own: loaded now rather than on the first document,
    # where the load would count against that document's time limit.
    pipeline.quotes_of(clean(Document(id="warm-up", text="A sentence to warm up.")))


def _extract(docs: list[CleanDocument], limits: Limits) -> BatchResult:
    assert _extractor is not None, "the worker's initializer did not run"
    rejections = _Rejections()
    found = extract_guarded(_extractor, docs, rejections, limits)
    extras = {k: docs[k].doc.extra for k in found if docs[k].doc.extra}
    return BatchResult(found, extras, rejections.pairs)


class WorkerPool:
    """A process pool whose workers each hold an extractor; started again when it breaks."""

    def __init__(self, factory: Callable[[], EventSink], workers: int):
        self.factory, self.workers = factory, workers
        self.context = multiprocessing.get_context("spawn")
        self.restarts = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context,
                                   initializer=_load, initargs=(self.factory,))

    def submit(self, docs: list[CleanDocument], limits: Limits) -> Future[BatchResult]:
        try:
            return self.executor.submit(_extract, docs, limits)
        except BrokenProcessPool as exc:  # the pool broke already: sent again in turn
            failed: Future[BatchResult] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        self.executor = self._start()

    def one_by_one(self, docs: list[CleanDocument], limits: Limits) -> BatchResult:
        """Extract each document alone; one that breaks the pool or fails is rejected."""
        merged = BatchResult()
        for k, doc in enumerate(docs):
            try:
                got = self.submit([doc], limits).result()
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


def _done(result: BatchResult) -> Future[BatchResult]:
    future: Future[BatchResult] = Future()
    future.set_result(result)
    return future


@dataclass
class _Pending:
    batch: list[CleanDocument]
    fresh: list[CleanDocument]  # the documents sent to extraction
    future: Future[BatchResult]
    attempts: int = 1
    result: BatchResult | None = None

    def finished(self) -> bool:
        return self.result is not None or (
            self.future.done() and not self.future.cancelled()
            and self.future.exception() is None)


def _collect(head: _Pending, behind: deque[_Pending], pool: WorkerPool,
             limits: Limits) -> BatchResult:
    """The result of the oldest batch, waiting for it; recovers from a broken pool."""
    while head.result is None:
        try:
            head.result = head.future.result()
        except Exception:  # noqa: BLE001 - BrokenProcessPool or a failure outside the guards
            pool.restart()
            unfinished = [p for p in (head, *behind) if not p.finished()]
            if head.attempts >= 2:
                for p in unfinished:
                    p.result = pool.one_by_one(p.fresh, limits)
            else:
                for p in unfinished:
                    p.attempts += 1
                    p.future = pool.submit(p.fresh, limits)
    return head.result


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
    pool = WorkerPool(extractor_factory, workers)
    pending: deque[_Pending] = deque()

    def write_oldest() -> None:
        head = pending.popleft()
        result = _collect(head, pending, pool, limits)
        for line, reason in result.rejections:
            summary.reject(line, reason)
        for k, extra in result.extras.items():
            head.fresh[k].doc.extra.update(extra)
        write_items(store, with_found(head.batch, head.fresh, result.found), summary,
                    reextract)
        if on_document is not None:
            on_document(summary)

    try:
        for batch in batches:
            fresh = fresh_documents(store, batch, reextract)
            pending.append(_Pending(batch, fresh, pool.submit(fresh, limits) if fresh
                                    else _done(BatchResult())))
            while len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                write_oldest()
        while pending:
            write_oldest()
    finally:
        pool.shutdown()
    return summary
