"""Following feeds: poll feeds, URL lists and pages on an interval and ingest new items.

Each pass asks every feed whether it changed (If-None-Match / If-Modified-Since with the
validators of its last good response), reads the items of those that did, and fetches,
reads (the HTML reader), cleans, deduplicates and stores each item not seen before, with its
events, through the same pipeline as `materiel ingest`. A feed that fails waits before its
next try, exponentially longer with each failure in a row (with jitter, capped), and never
less than a 429 or 503 asked with Retry-After; the other feeds go on. A feed's validators
are kept only once every one of its items is done, so an item left over (a failure that
may mend, the per-pass cap, a stop) is found again on the next pass.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from materiel.models import Document, ReadError
from materiel.pipeline import EventSink, IngestSummary, Limits, clean_records, store_batch
from materiel.store import Store
from materiel.store.repository import content_hash
from materiel.store.schema import documents

from .common import one_line
from .html import html_to_document
from .http_fetch import Fetcher, FetchError, HttpLimits, Response, is_web_url
from .watch_items import HTML_TYPES, Item, items_of
from .watch_state import FeedState, WatchState, now_utc

RATE_LIMITED = (429, 503)  # the server asks us to slow down: the whole feed waits


@dataclass(frozen=True)
class WatchOptions:
    interval: float = 900.0  # seconds from the start of one pass to the start of the next
    once: bool = False  # one pass, then return
    max_items: int | None = None  # new items fetched per pass, over all feeds
    http: HttpLimits = field(default_factory=HttpLimits)
    backoff_base: float = 60.0  # seconds before the first retry of a failed feed
    backoff_cap: float = 6 * 3600.0
    limits: Limits = field(default_factory=Limits)


@dataclass
class PassReport:
    """Counts of one pass; `summary` counts the items ingested as `materiel ingest` does."""

    number: int = 0
    feeds: int = 0
    not_modified: int = 0
    failed: int = 0
    waiting: int = 0  # feeds skipped: still backing off
    seen: int = 0  # items met before, not fetched again
    item_failures: int = 0
    summary: IngestSummary = field(default_factory=IngestSummary)

    def to_json(self) -> dict[str, object]:
        return {"pass": self.number, "feeds": self.feeds, "not_modified": self.not_modified,
                "failed": self.failed, "waiting": self.waiting, "seen": self.seen,
                "item_failures": self.item_failures, **self.summary.to_json()}


class StopFlag:
    """Set from a signal handler (nothing that takes a lock there); checked between items."""

    def __init__(self) -> None:
        self._set = False

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._set and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))


@contextmanager
def stop_on_signals(stop: StopFlag) -> Iterator[None]:
    """Ctrl-C or SIGTERM sets `stop` (the item being written is finished); a second one
    stops at once."""
    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, handler) for sig in wanted}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def read_feed_list(path: str | Path) -> list[str]:
    """The URLs of a feeds file: one a line, # starts a comment. Raises ValueError naming
    every line that is not an http(s) URL."""
    urls, bad = [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        url = line.split(" #", 1)[0].strip()
        if not url or url.startswith("#"):
            continue
        if not is_web_url(url) or " " in url:
            bad.append(f"line {number}: not an http(s) URL: {url[:80]}")
        elif url not in urls:
            urls.append(url)
    if bad:
        raise ValueError("; ".join(bad))
    return urls


def backoff_delay(failures: int, base: float, cap: float,
                  rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait after `failures` failures in a row: base * 2^(failures-1), capped,
    of which a random half is taken off so that feeds that failed together spread out."""
    delay = min(cap, base * 2 ** min(max(failures - 1, 0), 32))
    return delay / 2 + rng() * delay / 2


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 120:
        return f"{seconds} s"
    return f"{seconds // 60} min" if seconds < 7200 else f"{seconds / 3600:.1f} h"


class Watcher:
    def __init__(self, feeds: list[str], store: Store, options: WatchOptions | None = None,
                 *, extractor: EventSink | None = None,
                 on_failure: Callable[[str], None] | None = None,
                 on_reject: Callable[[str], None] | None = None,
                 stop: StopFlag | None = None, rng: Callable[[], float] = random.random):
        self.feeds = feeds
        self.store = store
        self.options = options or WatchOptions()
        self.extractor = extractor
        self.on_failure = on_failure or (lambda line: None)
        self.on_reject = on_reject
        self.stop = stop or StopFlag()
        self.rng = rng
        self.state = WatchState(store)
        self.fetcher = Fetcher(self.options.http)
        self._budget: int | None = None
        self._report = PassReport()

    def run(self, on_pass: Callable[[PassReport], None] | None = None) -> PassReport:
        """Passes every `interval` seconds until stopped (one with `once`); the last report."""
        number = 0
        while True:
            number += 1
            started = time.monotonic()
            report = self.run_pass(number)
            if on_pass is not None:
                on_pass(report)
            if self.options.once or self.stop.is_set():
                return report
            self.stop.sleep(self.options.interval - (time.monotonic() - started))
            if self.stop.is_set():
                return report

    def run_pass(self, number: int = 1) -> PassReport:
        self._report = PassReport(number, summary=IngestSummary(on_reject=self.on_reject))
        self._budget = self.options.max_items
        for url in self.feeds:
            if self.stop.is_set() or self._budget == 0:
                break
            self._report.feeds += 1
            self._poll(url)
        return self._report

    def _poll(self, url: str) -> None:
        state = self.state.feed(url)
        if state.retry_at is not None and state.retry_at > now_utc():
            self._report.waiting += 1
            return
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self.fetcher.get(url, headers)
            if response.status == 304:
                self._report.not_modified += 1
                complete = True
            else:
                complete = self._ingest_items(url, response)
        except FetchError as exc:
            self._failed(state, exc)
            return
        except Exception as exc:  # noqa: BLE001 - one feed's trouble must not stop the others
            self._failed(state, FetchError(one_line(f"{type(exc).__name__}: {exc}")))
            return
        if response.status != 304 and complete:
            state.etag = response.headers.get("etag")
            state.last_modified = response.headers.get("last-modified")
        state.failures, state.retry_at, state.last_error = 0, None, None
        self.state.save_feed(state)

    def _failed(self, state: FeedState, exc: FetchError) -> None:
        state.failures += 1
        delay = backoff_delay(state.failures, self.options.backoff_base,
                              self.options.backoff_cap, self.rng)
        if exc.retry_after is not None:
            delay = max(delay, exc.retry_after)
        state.retry_at = now_utc() + timedelta(seconds=delay)
        state.last_error = exc.reason
        self.state.save_feed(state)
        self._report.failed += 1
        self.on_failure(f"{state.url}: {exc.reason}; next try in {_duration(delay)}")

    def _ingest_items(self, feed_url: str, response: Response) -> bool:
        """Ingest the new items; whether every item is done (none left for a later pass)."""
        try:
            items = list(items_of(feed_url, response))
        except ValueError as exc:
            raise FetchError(str(exc)) from None
        complete = True
        for item in items:
            if isinstance(item, ReadError):
                self._report.summary.reject(str(item), item.reason)
                continue
            if self.stop.is_set() or self._budget == 0:
                return False
            if self.state.seen(item.key, item.url):
                self._report.seen += 1
                continue
            if self._budget is not None:
                self._budget -= 1
            try:
                record = self._read(item)
            except FetchError as exc:
                if exc.status in RATE_LIMITED:
                    raise
                self._report.item_failures += 1
                self.on_failure(f"{feed_url}: item {item.url}: {exc.reason}")
                if exc.permanent:
                    self.state.mark(item.key, item.url, feed_url, "gone")
                else:
                    complete = False
                continue
            complete = self._store(feed_url, item, record) and complete
        return complete

    def _read(self, item: Item) -> Document | ReadError:
        if item.url is None:
            assert item.fallback is not None
            return item.fallback
        response = item.page or self.fetcher.get(item.url)
        head = response.body[:1024].lstrip().lower()
        if response.content_type not in (*HTML_TYPES, "") and not head.startswith(b"<"):
            doc: Document | ReadError = ReadError(
                item.url, f"not an HTML page ({response.content_type})")
        else:
            doc = html_to_document(response.body, path=item.url, record=None, url=item.url,
                                   doc_id=item.key, published=item.published,
                                   charset=response.charset)
        if isinstance(doc, ReadError):
            return item.fallback or doc  # the feed's own text of the entry, if it has some
        return replace(doc, title=doc.title or item.title, outlet=doc.outlet or item.outlet)

    def _store(self, feed_url: str, item: Item, record: Document | ReadError) -> bool:
        """Clean and store one item in its own transaction, then mark it seen; False when it
        could not be written (left for the next pass)."""
        summary = self._report.summary
        before = (summary.new, summary.duplicate, summary.near_duplicate,
                  summary.rejected_by_reason.get("not stored", 0))
        cleaned = list(clean_records([record], summary, self.options.limits))
        if not cleaned:
            self.state.mark(item.key, item.url, feed_url, "rejected")
            return True
        store_batch(self.store, cleaned, summary, self.extractor, self.options.limits)
        if summary.rejected_by_reason.get("not stored", 0) > before[3]:
            return False
        outcomes = ("new", "duplicate", "near-duplicate")
        after = (summary.new, summary.duplicate, summary.near_duplicate)
        outcome = next((name for name, a, b in zip(outcomes, after, before, strict=False)
                        if a > b), "rejected")
        self.state.mark(item.key, item.url, feed_url, outcome, self._document_id(cleaned[0]))
        return True

    def _document_id(self, cleaned: Any) -> int | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(
                documents.c.content_hash == content_hash(cleaned))).scalar()

