"""The Ray actor that does the work of the job on the cluster: clean a partition of raw
records, leave out the documents the store holds already, and extract the events of the
rest with the pipeline it loaded once (spaCy is loaded once per actor, not per partition).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from materiel.models import Document, ReadError
from materiel.pipeline import EventSink, Limits, clean_records, fresh_documents
from materiel.store import Store
from materiel.workers import (
    BatchResult,
    CleanBatch,
    RejectionList,
    extract_batch,
    load_extractor,
)

RawRecord = Document | ReadError


@dataclass
class Partition:
    """What became of a partition of raw records: how many documents were read, the
    cleaned batch, and what extraction found (rejections of cleaning included)."""

    read: int = 0
    batch: CleanBatch = field(default_factory=lambda: CleanBatch([], []))
    result: BatchResult = field(default_factory=BatchResult)

    def absorb(self, other: Partition) -> None:
        """Append `other` (the partition of the records after this one's)."""
        offset = len(self.batch.fresh)
        self.read += other.read
        self.batch.documents += other.batch.documents
        self.batch.fresh += other.batch.fresh
        self.result.found.update({offset + k: v for k, v in other.result.found.items()})
        self.result.extras.update({offset + k: v for k, v in other.result.extras.items()})
        self.result.rejections += other.result.rejections


class PartitionWorker:
    """One worker of the job (a Ray actor).  `store_url` is the store's, to skip the
    documents stored already, or None where this worker cannot reach it (then all are
    extracted, and the writer still stores each document once)."""

    def __init__(self, factory: Callable[[], EventSink] | None, limits: Limits,
                 store_url: str | None, reextract: bool):
        if factory is not None:
            load_extractor(factory)
        self.extracts = factory is not None
        self.limits, self.reextract = limits, reextract
        self.store = Store.open(store_url, migrate=False) if store_url else None

    def ready(self) -> int:
        """The process id, once the pipeline is loaded."""
        return os.getpid()

    def process(self, records: list[RawRecord]) -> Partition:
        cleaning = RejectionList()
        documents = list(clean_records(records, cleaning, self.limits))
        if not self.extracts:
            fresh = []
        elif self.store is not None:
            fresh = fresh_documents(self.store, documents, self.reextract)
        else:
            fresh = documents
        result = extract_batch(fresh, self.limits) if fresh else BatchResult()
        result.rejections[:0] = cleaning.pairs
        return Partition(cleaning.read, CleanBatch(documents, fresh), result)
