"""What `materiel watch` remembers between passes and runs, kept in the store (migration 0007).

Kept in the database rather than in a file beside it: the state then follows the data it
describes (a copied or restored database knows which items it holds), works the same on
PostgreSQL, where there is no "beside", and two watchers on one store share it.

`feed_state`: per feed, the validators of its last good response (ETag, Last-Modified) and
its run of failures (when to try again). `feed_items`: every item handled, by key (its guid
or URL) and by URL, so an item met again, in this feed or another, is not fetched again. An
item is marked only after its document is committed: a run killed in between fetches the
page again on the next pass, and the store's content hash keeps it from being stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, Integer, MetaData, Table, inspect, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from materiel.store import Store, db
from materiel.store.types import BoundedString, NulFreeText

feed_metadata = MetaData()

feed_state = Table(
    "feed_state",
    feed_metadata,
    Column("url", BoundedString(1024, key=True), primary_key=True),
    Column("etag", BoundedString(512)),
    Column("last_modified", BoundedString(64)),
    Column("failures", Integer, nullable=False, default=0),
    Column("retry_at", BoundedString(40)),  # ISO time in UTC; None: due now
    Column("last_error", NulFreeText),
    Column("checked_at", BoundedString(40)),
)

feed_items = Table(
    "feed_items",
    feed_metadata,
    Column("key", BoundedString(1024, key=True), primary_key=True),
    Column("url", BoundedString(1024, key=True), index=True),
    Column("feed_url", BoundedString(1024, key=True), nullable=False),
    Column("document_id", Integer),  # None when nothing was stored (no text, gone)
    Column("outcome", BoundedString(16), nullable=False),  # new | duplicate | ... | gone
    Column("seen_at", BoundedString(40), nullable=False),
)


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: datetime | None = None
    last_error: str | None = None


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


class WatchState:
    def __init__(self, store: Store):
        self.store = store
        self.engine = store.engine
        if not inspect(self.engine).has_table("feed_items"):  # opened before migration 0007
            db.migrate(self.engine)

    def feed(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(feed_state).where(feed_state.c.url == url)).first()
        if row is None:
            return FeedState(url)
        retry_at = datetime.fromisoformat(row.retry_at) if row.retry_at else None
        return FeedState(url, row.etag, row.last_modified, row.failures, retry_at,
                         row.last_error)

    def save_feed(self, state: FeedState) -> None:
        values: dict[str, object] = {"etag": state.etag, "last_modified": state.last_modified,
                  "failures": state.failures, "retry_at": _iso(state.retry_at),
                  "last_error": state.last_error, "checked_at": _iso(now_utc())}
        self._upsert(feed_state, {"url": state.url}, values)

    def seen(self, key: str, url: str | None) -> bool:
        """Whether an item with this key, or at this URL, was handled already."""
        condition = feed_items.c.key == key
        if url:
            condition = or_(condition, feed_items.c.url == url)
        with self.engine.connect() as conn:
            return conn.execute(select(feed_items.c.key).where(condition).limit(1)).first() \
                is not None

    def mark(self, key: str, url: str | None, feed_url: str, outcome: str,
             document_id: int | None = None) -> None:
        self._upsert(feed_items, {"key": key},
                     {"url": url, "feed_url": feed_url, "outcome": outcome,
                      "document_id": document_id, "seen_at": _iso(now_utc())})

    def _upsert(self, table: Table, key: dict[str, object], values: dict[str, object]) -> None:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table).values(**key, **values)
        statement = statement.on_conflict_do_update(index_elements=list(key), set_=values)
        self.store.write(lambda conn: conn.execute(statement))
