"""Table definitions of the store (SQLAlchemy Core).

The migrations in `migrations/versions/` create these tables; this module is what the
code queries against.  Keep both in step: `tests/store/test_migrations.py` checks it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

clusters = Table(
    "clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("canonical_document_id", Integer, nullable=True),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_key", String(512), nullable=False, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("published", String(40)),
    Column("outlet", String(255)),
    Column("author", String(255)),
    Column("language", String(16)),
    Column("raw_text", Text, nullable=False),
    Column("clean_text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("is_feed", Boolean, nullable=False, default=False),
    # JSON lists: stories as [index, start, end, heading], segments as [kind, start, end, story]
    Column("stories", Text, nullable=False, default="[]"),
    Column("segments", Text, nullable=False, default="[]"),
    Column("cluster_id", Integer, ForeignKey("clusters.id"), nullable=True, index=True),
    Column("ingested_at", String(40), nullable=False),
    Column("flags", Text, nullable=False, server_default="[]"),  # JSON list of strings
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("path", Text, nullable=False),
    Column("record", Integer, nullable=False, default=-1),  # -1: the whole file
    Column("member", Text, nullable=False, default=""),
    Column("byte_offset", Integer, nullable=True),
    Column("raw_hash", String(64), nullable=False),
    Column("url", Text),
    Column("outlet", String(255)),
    Column("published", String(40)),
    Column("seen_at", String(40), nullable=False),
    UniqueConstraint("document_id", "raw_hash", "path", "record", "member", name="uq_source"),
    Index("ix_sources_document", "document_id"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("story", Integer, nullable=False, default=0),
    Column("segment", Integer, nullable=False, default=0),
    Column("truncated", Boolean, nullable=False, default=False),
    Column("is_heading", Boolean, nullable=False, default=False),
)

removals = Table(
    "removals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("reason", String(80), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_removals_document", "document_id"),
)

# MinHash signatures and their LSH band keys, for documents ("doc") and feed items ("item").
signatures = Table(
    "signatures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("item", Integer, nullable=False, default=-1),
    Column("content_hash", String(64), nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_signatures_hash", "kind", "content_hash"),
    Index("ix_signatures_document", "document_id"),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band_key", String(40), primary_key=True),  # "<kind>:<band>:<hash>"
    Column("signature_id", Integer, ForeignKey("signatures.id", ondelete="CASCADE"),
           primary_key=True),
)

item_links = Table(
    "item_links",
    metadata,
    Column("signature_id", Integer, ForeignKey("signatures.id", ondelete="CASCADE"),
           primary_key=True),
    Column("duplicate_of", Integer, ForeignKey("signatures.id", ondelete="CASCADE"),
           nullable=False),
    Column("similarity", Float, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("date", String(10)),
    Column("status", String(12)),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),  # offsets into documents.clean_text
    Column("evidence_end", Integer),
    Column("sentence_idx", Integer),  # sentences.idx of the evidence sentence
    Column("summary", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("flags", Text, nullable=False),  # JSON list of strings
    Index("ix_events_document", "document_id"),
    Index("ix_events_type_date", "type", "date"),
)

event_args = Table(
    "event_args",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("entity_id", String(128)),
    Column("value", Float),
    Column("currency", String(3)),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_event_args_entity", "entity_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("speaker", Text),
    Column("speaker_id", String(128)),
    Index("ix_quotes_document", "document_id"),
)
