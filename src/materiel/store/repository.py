"""The store: documents with their provenance, cleaning record and duplicate links."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Insert, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from materiel.bounds import check_window
from materiel.dedup import NEAR_DUPLICATE, Signature, body_text, exact_hash, signature
from materiel.models import CleanDocument, Document, Event
from materiel.store import db
from materiel.store import events as event_store
from materiel.store.schema import (
    clusters,
    documents,
    events,
    item_links,
    lsh_bands,
    quotes,
    removals,
    sentences,
    signatures,
    sources,
)

NEW, DUPLICATE, NEAR_DUPLICATE_STATUS = "new", "duplicate", "near_duplicate"
WRITE_WAIT = 600.0  # seconds a write waits for other writers before giving up
T = TypeVar("T")

# Statements built once and run with parameters: building them per document costs more
# than running them.
_DOC_BY_HASH = select(documents.c.id, documents.c.cluster_id).where(
    documents.c.content_hash == bindparam("content_hash"))
_SOURCE_KEY = ("document_id", "raw_hash", "path", "record", "member")
_SOURCE_SEEN = select(sources.c.id).where(
    *[sources.c[k] == bindparam(k) for k in _SOURCE_KEY])
_BAND_MATCHES = (
    select(signatures.c.id, signatures.c.document_id, signatures.c.signature)
    .join(lsh_bands, lsh_bands.c.signature_id == signatures.c.id)
    .where(lsh_bands.c.band_key.in_(bindparam("keys", expanding=True)))
    .distinct()
)
_ITEM_TWIN = select(signatures.c.id).where(
    signatures.c.kind == "item", signatures.c.content_hash == bindparam("content_hash"),
    signatures.c.document_id != bindparam("document_id"))
# built once: a statement object keeps its cache key, so the hot path does not rebuild it
_INSERT_DOCUMENT = insert(documents)
_INSERT_SOURCE = insert(sources)
_INSERT_SENTENCES = insert(sentences)
_INSERT_REMOVALS = insert(removals)
_INSERT_SIGNATURE = insert(signatures)
_INSERT_BANDS = insert(lsh_bands)
_CLUSTER_OF = select(documents.c.cluster_id).where(documents.c.id == bindparam("id"))
_SET_CLUSTER = update(documents).where(documents.c.id == bindparam("doc_id")).values(
    cluster_id=bindparam("cluster"))


@dataclass(frozen=True)
class AddResult:
    status: str  # new | duplicate | near_duplicate
    document_id: int
    cluster_id: int | None = None
    similarity: float | None = None
    new_source: bool = True  # False when this very record was stored before (a re-run)


@dataclass
class StoredDocument:
    id: int
    doc_key: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    clean_text: str
    is_feed: bool
    cluster_id: int | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    removals: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    cluster: list[dict[str, Any]] = field(default_factory=list)  # other members of its cluster
    flags: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


def _insert(conn: Connection, statement: Insert, values: dict[str, Any]) -> int:
    """Run an INSERT of one row and return its primary key."""
    key = conn.execute(statement, values).inserted_primary_key
    assert key is not None
    return int(key[0])


def _as_store_id(key: str | int) -> int | None:
    """The numeric store id that `key` names, if it can be one (ids are 32-bit integers)."""
    text = str(key)
    if text.isascii() and text.isdigit() and len(text) <= 10 and int(text) < 2**31:
        return int(text)
    return None


def _source_row(doc_id: int, doc: Document) -> dict[str, Any]:
    prov = doc.provenance
    return {"document_id": doc_id, "raw_hash": prov.content_hash or "", "path": prov.path,
            "record": -1 if prov.record is None else prov.record,
            "member": prov.member or "", "byte_offset": prov.offset, "url": doc.url,
            "outlet": doc.outlet, "published": doc.published, "seen_at": _now()}


@dataclass
class PendingRows:
    """Rows of new documents that nothing reads before the batch's transaction ends, so
    that they are written in one statement per table."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    removals: list[dict[str, Any]] = field(default_factory=list)

    def flush(self, conn: Connection) -> None:
        for statement, rows in ((_INSERT_SOURCE, self.sources),
                                (_INSERT_SENTENCES, self.sentences),
                                (_INSERT_REMOVALS, self.removals)):
            if rows:
                conn.execute(statement, rows)
                rows.clear()


def content_hash(clean: CleanDocument) -> str:
    """The exact-duplicate key of a cleaned document, as the store computes it (once: the
    document keeps it)."""
    if clean.content_hash is None:
        clean.content_hash = exact_hash(body_text(clean))
    return clean.content_hash


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A database of documents; SQLite by default, PostgreSQL by URL."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        url = db.to_url(url) if url else db.default_db_url()
        engine = db.make_engine(url)
        if migrate and db.current_revision(engine) != db.SCHEMA_REVISION:
            db.migrate(engine)
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; on SQLite it takes the write lock at once (BEGIN IMMEDIATE),
        so two writers queue instead of failing halfway."""
        with self.engine.connect() as conn:
            conn.execution_options(**{db.WRITE_OPTION: True})
            with conn.begin():
                yield conn

    def write(self, work: Callable[[Connection], T], *, wait: float = WRITE_WAIT) -> T:
        """Run `work` in one write transaction.  While another writer holds the database
        (or, on PostgreSQL, a concurrent insert of the same content wins), wait and run it
        again, for up to `wait` seconds."""
        give_up = time.monotonic() + wait
        pause = 0.05
        conflicts = 0
        while True:
            try:
                with self.transaction() as conn:
                    return work(conn)
            except (OperationalError, IntegrityError) as exc:
                conflicts += isinstance(exc, IntegrityError)
                if (not db.is_contention(exc) or conflicts > 3
                        or time.monotonic() + pause > give_up):
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 2.0)

    def stored_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes are stored already (read-only, no write lock)."""
        if not hashes:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.content_hash).where(
                documents.c.content_hash.in_(sorted(set(hashes)))))
            return {row[0] for row in rows}

    # -- writing -----------------------------------------------------------------------------

    def add(self, conn: Connection, clean: CleanDocument,
            pending: PendingRows | None = None) -> AddResult:
        """Store one cleaned document, or link it to the copy already stored.  Its
        sentences, removals and source go into `pending` when given (written together by
        its `flush`, before the transaction ends), else at once."""
        if pending is None:
            pending = PendingRows()
            try:
                return self.add(conn, clean, pending)
            finally:
                pending.flush(conn)
        doc = clean.doc
        key = content_hash(clean)
        existing = conn.execute(_DOC_BY_HASH, {"content_hash": key}).first()
        if existing is not None:
            pending.flush(conn)  # its first source may be among them
            added = self._add_source(conn, existing.id, doc)
            return AddResult(DUPLICATE, existing.id, existing.cluster_id, 1.0, added)

        sig = Signature.from_bytes(clean.fingerprint) if clean.fingerprint is not None \
            else signature(body_text(clean))
        match = self._nearest(conn, "doc", sig, exclude_document=None)
        cluster_id = None
        status = NEW
        if match is not None:
            match_doc = match[1]
            cluster_id = self._cluster_of(conn, match_doc)
            status = NEAR_DUPLICATE_STATUS
        doc_id = _insert(conn, _INSERT_DOCUMENT, dict(
                doc_key=doc.id, title=doc.title, url=doc.url, published=doc.published,
                outlet=doc.outlet, author=doc.author, language=doc.language,
                raw_text=doc.text, clean_text=clean.text, content_hash=key,
                is_feed=clean.is_feed,
                stories=json.dumps([[s.index, s.start, s.end, s.heading]
                                    for s in clean.stories]),
                segments=json.dumps([[s.kind, s.start, s.end, s.story]
                                     for s in clean.segments]),
                cluster_id=cluster_id, ingested_at=_now(),
            ))
        pending.sources.append(_source_row(doc_id, doc))
        pending.sentences += [
            {"document_id": doc_id, "idx": i, "start": s.start, "end": s.end,
             "story": s.story, "segment": s.segment, "truncated": s.truncated,
             "is_heading": s.is_heading}
            for i, s in enumerate(clean.sentences)]
        pending.removals += [
            {"document_id": doc_id, "start": r.start, "end": r.end, "reason": r.reason,
             "text": r.text}
            for r in clean.removed]
        self._add_signature(conn, "doc", doc_id, -1, key, sig)
        if clean.is_feed:
            self._add_items(conn, doc_id, clean)
        return AddResult(status, doc_id, cluster_id, match[2] if match else None)

    def _add_source(self, conn: Connection, doc_id: int, doc: Document) -> bool:
        """Record where a copy of a stored document was read, unless it was already."""
        row = _source_row(doc_id, doc)
        if conn.execute(_SOURCE_SEEN, {k: row[k] for k in _SOURCE_KEY}).first() is not None:
            return False
        conn.execute(_INSERT_SOURCE, row)
        return True

    def _add_signature(self, conn: Connection, kind: str, doc_id: int, item: int,
                       content_hash: str, sig: Signature) -> int:
        sig_id = _insert(conn, _INSERT_SIGNATURE, dict(
            kind=kind, document_id=doc_id, item=item, content_hash=content_hash,
            signature=sig.to_bytes()))
        conn.execute(_INSERT_BANDS, [
            {"band_key": key, "signature_id": sig_id} for key in sig.band_keys(kind)])
        return sig_id

    def _nearest(self, conn: Connection, kind: str, sig: Signature,
                 exclude_document: int | None) -> tuple[int, int, float] | None:
        """(signature id, document id, similarity) of the closest stored near-duplicate."""
        best: tuple[int, int, float] | None = None
        for row in conn.execute(_BAND_MATCHES, {"keys": sig.band_keys(kind)}):
            if row.document_id == exclude_document:
                continue
            similarity = sig.jaccard(Signature.from_bytes(row.signature))
            if similarity >= NEAR_DUPLICATE and (best is None or similarity > best[2]):
                best = (row.id, row.document_id, similarity)
        return best

    def _cluster_of(self, conn: Connection, doc_id: int) -> int:
        cluster_id = conn.execute(_CLUSTER_OF, {"id": doc_id}).scalar()
        if cluster_id is None:
            cluster_id = _insert(conn, insert(clusters), {"canonical_document_id": doc_id})
            conn.execute(_SET_CLUSTER, {"doc_id": doc_id, "cluster": cluster_id})
        return int(cluster_id)

    def _add_items(self, conn: Connection, doc_id: int, clean: CleanDocument) -> None:
        for story in clean.stories:
            text = clean.text[story.start:story.end]
            if not text.strip():
                continue
            item_hash = exact_hash(text)
            sig = signature(text)
            twin = conn.execute(
                _ITEM_TWIN, {"content_hash": item_hash, "document_id": doc_id}).first()
            sig_id = self._add_signature(conn, "item", doc_id, story.index, item_hash, sig)
            if twin is not None:
                conn.execute(insert(item_links), dict(
                    signature_id=sig_id, duplicate_of=twin.id, similarity=1.0))
                continue
            near = self._nearest(conn, "item", sig, exclude_document=doc_id)
            if near is not None:
                conn.execute(insert(item_links), dict(
                    signature_id=sig_id, duplicate_of=near[0], similarity=near[2]))

    def add_events(
        self, conn: Connection, document_id: int, clean: CleanDocument, found: list[Event]
    ) -> int:
        flags = clean.doc.extra.get("flags")
        if flags:
            conn.execute(
                update(documents)
                .where(documents.c.id == document_id)
                .values(flags=json.dumps(flags))
            )
        return event_store.add_events(conn, document_id, clean, found)

    def add_quotes(self, conn: Connection, document_id: int,
                   found: list[dict[str, Any]]) -> None:
        event_store.add_quotes(conn, document_id, found)

    # -- reading -----------------------------------------------------------------------------

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar() or 0)

    def list_documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        check_window(limit, offset)
        n_sources = (select(func.count()).where(sources.c.document_id == documents.c.id)
                     .scalar_subquery())
        query = (
            select(documents.c.id, documents.c.doc_key, documents.c.published,
                   documents.c.outlet, documents.c.title, documents.c.cluster_id,
                   func.length(documents.c.clean_text).label("chars"),
                   n_sources.label("sources"))
            .order_by(documents.c.id).limit(limit).offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def get_document(self, key: str | int) -> StoredDocument | None:
        """By numeric store id, or by the input's own id (the latest stored with that id)."""
        with self.engine.connect() as conn:
            row = None
            store_id = _as_store_id(key)
            if store_id is not None:
                row = conn.execute(select(documents).where(documents.c.id == store_id)).first()
            if row is None:
                row = conn.execute(select(documents).where(documents.c.doc_key == str(key))
                                   .order_by(documents.c.id.desc())).first()
            if row is None:
                return None
            stored = StoredDocument(
                id=row.id, doc_key=row.doc_key, title=row.title, url=row.url,
                published=row.published, outlet=row.outlet, clean_text=row.clean_text,
                is_feed=bool(row.is_feed), cluster_id=row.cluster_id,
                flags=json.loads(row.flags or "[]"))
            stored.sources = [dict(r._mapping) for r in conn.execute(
                select(sources).where(sources.c.document_id == row.id).order_by(sources.c.id))]
            stored.removals = [dict(r._mapping) for r in conn.execute(
                select(removals.c.start, removals.c.end, removals.c.reason, removals.c.text)
                .where(removals.c.document_id == row.id).order_by(removals.c.start))]
            stored.sentences = [dict(r._mapping) for r in conn.execute(
                select(sentences).where(sentences.c.document_id == row.id)
                .order_by(sentences.c.idx))]
            stored.quotes = [dict(r._mapping) for r in conn.execute(
                select(quotes.c.text, quotes.c.speaker, quotes.c.start, quotes.c.end)
                .where(quotes.c.document_id == row.id).order_by(quotes.c.start))]
            if row.cluster_id is not None:
                stored.cluster = [dict(r._mapping) for r in conn.execute(
                    select(documents.c.id, documents.c.doc_key, documents.c.url,
                           documents.c.outlet, documents.c.published)
                    .where(documents.c.cluster_id == row.cluster_id, documents.c.id != row.id)
                    .order_by(documents.c.id))]
            return stored
