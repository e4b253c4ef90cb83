"""`materiel ingest --ray`: the ingest job on the actors of a Ray cluster.

This process (the driver) reads the input lazily and cuts it into partitions of raw
records; each actor (`materiel.scale.actors`) cleans a partition, filters and extracts it
with the pipeline it loaded once, and sends the cleaned documents and their events back.
The driver keeps at most four partitions an actor in flight, so it never holds the whole
input, and stores the results in input order, one transaction a partition, with the same
loop and writer as `ingest --workers` (`materiel.workers`).  It is the only writer, so the
store may be PostgreSQL or a SQLite file, and the job stores exactly what one process
would.

A killed actor loses nothing: Ray starts it again (it loads its pipeline anew), and the
partitions that were on it are sent again, to whichever actor is free.  Storing is
idempotent (a document is known by the hash of its content, a source by its place in the
input), so a partition sent twice, or a re-run after a crash, stores nothing twice.  A
partition that brings an actor down twice is redone one record at a time, so that only the
record that kills its worker is rejected.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import islice
from typing import Any

import ray
from ray.exceptions import ActorUnavailableError, GetTimeoutError, RayActorError

from materiel.ingest import ReaderOptions, read_paths
from materiel.models import Document, ReadError
from materiel.pipeline import BATCH_SIZE, EventSink, IngestSummary, Limits, where
from materiel.scale.actors import Partition, PartitionWorker, RawRecord
from materiel.scale.cluster import ClusterError, ray_cluster, single_machine
from materiel.store import Store
from materiel.workers import write_batch, write_in_order

# Results are stored in input order: while the oldest partition is still on one actor, the
# others work ahead on what is queued for them, so each gets more than it needs to stay busy.
IN_FLIGHT_PER_ACTOR = 4
READY_SECONDS = 600.0  # for an actor to load its pipeline (a busy machine takes long)


def partitions(records: Iterable[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    it = iter(records)
    while part := list(islice(it, size)):
        yield part


def _place(record: RawRecord) -> str:
    return str(record) if isinstance(record, ReadError) else where(record)


class RayPool:
    """Actors that each hold a loaded pipeline; partitions go to the least busy one.  Ray
    starts a dead actor again; one that cannot come back is replaced."""

    def __init__(self, workers: int, factory: Callable[[], EventSink] | None, limits: Limits,
                 store_url: str | None, reextract: bool):
        self.actor_class = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(
            PartitionWorker)
        self.args = (factory, limits, store_url, reextract)
        self.run = uuid.uuid4().hex[:8]
        self.started = 0
        self.actors = [self._start() for _ in range(workers)]
        self.out = [0] * workers  # partitions in flight on each actor
        self.suspects: set[int] = set()  # actors whose work failed since the last restart
        self.lock = threading.Lock()
        self.restarts = 0
        try:
            ray.get([actor.ready.remote() for actor in self.actors], timeout=READY_SECONDS)
        except (RayActorError, GetTimeoutError) as exc:
            self.shutdown()
            raise ClusterError(f"the workers could not start: {exc}") from exc

    def _start(self) -> Any:
        self.started += 1  # a name per actor, so that `ray list actors` shows the job's
        name = f"materiel-ingest-{self.run}-{self.started}"
        return self.actor_class.options(name=name).remote(*self.args)

    def submit(self, unit: list[RawRecord]) -> Future[Partition]:
        with self.lock:
            i = min(range(len(self.actors)), key=self.out.__getitem__)
            self.out[i] += 1
        outcome: Future[Partition] = Future()
        self.actors[i].process.remote(unit).future().add_done_callback(
            lambda done: self._settle(i, done, outcome))
        return outcome

    def _settle(self, i: int, done: Future[Partition], outcome: Future[Partition]) -> None:
        """Count the partition off actor `i`, then hand its result on: whoever waits for it
        sees a dead actor as a suspect already."""
        error = done.exception()
        with self.lock:
            self.out[i] -= 1
            if isinstance(error, RayActorError):
                self.suspects.add(i)
        if error is None:
            outcome.set_result(done.result())
        else:
            outcome.set_exception(error)

    def restart(self) -> None:
        self.restarts += 1
        with self.lock:
            suspects, self.suspects = self.suspects, set()
        for i in sorted(suspects):
            self._wait_until_ready(i)

    def _wait_until_ready(self, i: int) -> None:
        """Wait while Ray starts actor `i` again and it loads its pipeline; an actor that is
        gone for good, or does not come back in time, is replaced."""
        give_up = time.monotonic() + READY_SECONDS
        while True:
            try:
                ray.get(self.actors[i].ready.remote(),
                        timeout=max(give_up - time.monotonic(), 1.0))
                return
            except ActorUnavailableError:  # being started again
                if time.monotonic() < give_up:
                    time.sleep(0.2)
                    continue
            except (RayActorError, GetTimeoutError):  # gone for good, or stuck
                pass
            ray.kill(self.actors[i])
            self.actors[i] = self._start()
            give_up = time.monotonic() + READY_SECONDS

    def one_by_one(self, unit: list[RawRecord]) -> Partition:
        merged = Partition()
        for record in unit:
            try:
                merged.absorb(self._alone(record))
                continue
            except RayActorError:
                line, reason = "crashed its worker process", "extraction crashed its worker"
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                line, reason = f"failed ({type(exc).__name__})", "extraction failed"
            merged.read += isinstance(record, Document)
            merged.result.rejections.append((f"{_place(record)}: extraction {line}", reason))
        return merged

    def _alone(self, record: RawRecord) -> Partition:
        """A partition of one record; sent a second time if its worker died, which may have
        been of something else."""
        for attempt in (1, 2):
            try:
                return self.submit([record]).result()
            except RayActorError:
                self.restart()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def shutdown(self) -> None:
        for actor in self.actors:
            ray.kill(actor)


def actor_store_url(store: Store) -> str | None:
    """The store's URL for the actors to read, or None where they cannot reach it: a SQLite
    file, unless the whole cluster is this machine."""
    if not store.url.startswith("sqlite"):
        return store.url
    return store.url if ":memory:" not in store.url and single_machine() else None


def ingest_on_ray(
    paths: Iterable[str],
    store: Store,
    options: ReaderOptions | None = None,
    *,
    address: str | None = None,
    workers: int | None = None,
    extractor_factory: Callable[[], EventSink] | None = None,
    batch_size: int = BATCH_SIZE,
    limits: Limits | None = None,
    summary: IngestSummary | None = None,
    reextract: bool = False,
    on_document: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read everything under `paths` here and clean, filter and extract it on the Ray
    cluster at `address` (None: one started on this machine), with `workers` actors (None:
    one per CPU of the cluster), each building its extractor with `extractor_factory`
    (None: documents are stored without extraction); store the results here, as
    `materiel.pipeline.ingest` would."""
    summary = summary if summary is not None else IngestSummary()
    limits = limits or Limits()

    def write(_records: list[RawRecord], part: Partition) -> None:
        summary.read += part.read
        write_batch(store, summary, part.batch, part.result, reextract)
        if on_document is not None:
            on_document(summary)

    with ray_cluster(address, workers) as actors:
        pool = RayPool(actors, extractor_factory, limits, actor_store_url(store), reextract)
        try:
            records = read_paths(paths, options or ReaderOptions())
            write_in_order(partitions(records, batch_size), pool, write,
                           IN_FLIGHT_PER_ACTOR * actors)
        finally:
            pool.shutdown()
    return summary
