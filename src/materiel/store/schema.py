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
    Table,
    UniqueConstraint,
)

from materiel.store.types import BoundedString, NulFreeText

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
    Column("doc_key", BoundedString(512, key=True), nullable=False, index=True),
    Column("title", NulFreeText),
    Column("url", NulFreeText),
    Column("published", BoundedString(40)),
    Column("outlet", BoundedString(255)),
    Column("author", BoundedString(255)),
    Column("language", BoundedString(16)),
    Column("raw_text", NulFreeText, nullable=False),
    Column("clean_text", NulFreeText, nullable=False),
    Column("content_hash", BoundedString(64), nullable=False, unique=True),
    Column("is_feed", Boolean, nullable=False, default=False),
    # JSON lists: stories as [index, start, end, heading], segments as [kind, start, end, story]
    Column("stories", NulFreeText, nullable=False, default="[]"),
    Column("segments", NulFreeText, nullable=False, default="[]"),
    Column("cluster_id", Integer, ForeignKey("clusters.id"), nullable=True, index=True),
    Column("ingested_at", BoundedString(40), nullable=False),
    Column("flags", NulFreeText, nullable=False, server_default="[]"),  # JSON list of strings
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("path", NulFreeText, nullable=False),
    Column("record", Integer, nullable=False, default=-1),  # -1: the whole file
    Column("member", NulFreeText, nullable=False, default=""),
    Column("byte_offset", Integer, nullable=True),
    Column("raw_hash", BoundedString(64), nullable=False),
    Column("url", NulFreeText),
    Column("outlet", BoundedString(255)),
    Column("published", BoundedString(40)),
    Column("seen_at", BoundedString(40), nullable=False),
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
    Column("reason", BoundedString(80), nullable=False),
    Column("text", NulFreeText, nullable=False),
    Index("ix_removals_document", "document_id"),
)

# MinHash signatures and their LSH band keys, for documents ("doc") and feed items ("item").
signatures = Table(
    "signatures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", BoundedString(8), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("item", Integer, nullable=False, default=-1),
    Column("content_hash", BoundedString(64), nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_signatures_hash", "kind", "content_hash"),
    Index("ix_signatures_document", "document_id"),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band_key", BoundedString(40), primary_key=True),  # "<kind>:<band>:<hash>"
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
    Column("type", BoundedString(16), nullable=False),
    Column("date", BoundedString(10)),
    Column("status", BoundedString(12)),
    Column("evidence", NulFreeText, nullable=False),
    Column("evidence_start", Integer),  # offsets into documents.clean_text
    Column("evidence_end", Integer),
    Column("sentence_idx", Integer),  # sentences.idx of the evidence sentence
    Column("summary", NulFreeText, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("flags", NulFreeText, nullable=False),  # JSON list of strings
    # review (migration 0006): unreviewed | accepted | rejected | edited
    Column("review_state", BoundedString(10), nullable=False, server_default="unreviewed"),
    Column("reviewed_by", BoundedString(64)),
    Column("reviewed_at", BoundedString(40)),
    Index("ix_events_document", "document_id"),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_review_queue", "review_state", "confidence", "id"),
)

event_args = Table(
    "event_args",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", BoundedString(16), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", NulFreeText, nullable=False),
    Column("name", NulFreeText),
    Column("entity_id", BoundedString(128, key=True)),
    Column("value", Float),
    Column("currency", BoundedString(3)),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_event_args_entity", "entity_id"),
)

# The other sentences that mention an event (migration 0009), in document order: the
# first mention is the event's own `evidence`.
event_evidence = Table(
    "event_evidence",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", NulFreeText, nullable=False),
    Column("start", Integer),  # offsets into documents.clean_text
    Column("end", Integer),
    Column("sentence_idx", Integer),  # sentences.idx of the sentence
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("text", NulFreeText, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("speaker", NulFreeText),
    Column("speaker_id", BoundedString(128, key=True)),
    Index("ix_quotes_document", "document_id"),
)

# Full-text search (migration 0004), outside the tables above since each back end keeps it
# its own way: on SQLite, FTS5 tables whose rowid is the indexed row's id, filled by triggers
# (a later migration that rebuilds `documents` or `events` in batch mode must re-create them);
# on PostgreSQL, a generated tsvector column `search` on both tables, with a GIN index.
DOCUMENTS_FTS = "documents_fts"  # columns: title, clean_text
EVENTS_FTS = "events_fts"  # columns: evidence, summary
SEARCH_COLUMN = "search"

# Review and access (migration 0006).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(64), nullable=False, unique=True),
    Column("password_hash", NulFreeText, nullable=False),  # argon2id, never the password
    Column("created_at", BoundedString(40), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", BoundedString(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", BoundedString(64), nullable=False, unique=True),  # SHA-256, hex
    Column("created_at", BoundedString(40), nullable=False),
    Column("revoked_at", BoundedString(40)),
)

# Append-only (triggers refuse UPDATE and DELETE). Rows written by one action share `change`;
# an undo is a new change whose `undoes` names the change it reverses.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change", BoundedString(32), nullable=False),
    Column("event_id", Integer, nullable=False),  # no foreign key: the log outlives events
    Column("user_name", BoundedString(64), nullable=False),
    Column("at", BoundedString(40), nullable=False),
    Column("action", BoundedString(16), nullable=False),
    Column("field", BoundedString(16), nullable=False),
    Column("before", NulFreeText),  # JSON
    Column("after", NulFreeText),  # JSON
    Column("reason", NulFreeText),
    Column("undoes", BoundedString(32)),
    Index("ix_audit_log_event", "event_id", "id"),
    Index("ix_audit_log_change", "change"),
)

# Canonical events (migration 0008): one row per real event, the events of every document
# that reports it as members, candidate keys to find it by, and links between the stages of
# one story (an order, then its delivery). Values are recomputed from the members.
canonical_events = Table(
    "canonical_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", BoundedString(16), nullable=False),
    Column("date", BoundedString(10)),
    Column("status", BoundedString(12)),
    Column("args", NulFreeText, nullable=False, default="{}"),  # JSON: role -> [values]
    Column("conflicts", NulFreeText, nullable=False, default="{}"),  # JSON: field -> [values]
    Column("updated_at", BoundedString(40), nullable=False),
    Index("ix_canonical_events_type_date", "type", "date"),
)

canonical_members = Table(
    "canonical_members",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("canonical_id", Integer, ForeignKey("canonical_events.id", ondelete="CASCADE"),
           nullable=False),
    # a reviewer placed the event: automatic linking never moves it again
    Column("pinned", Boolean, nullable=False, default=False),
    # its matches with the mentions stored before it are in link_relations
    Column("compared", Boolean, nullable=False, default=False),
    Index("ix_canonical_members_canonical", "canonical_id"),
)

# What the matcher found between two mentions (first_id < second_id), kept so that a new
# mention is compared with its candidates only, not each mention of its group again.
link_relations = Table(
    "link_relations",
    metadata,
    Column("first_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("second_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", BoundedString(5), nullable=False),  # "same" or "story"
    Column("strength", Integer, nullable=False, default=0),
    Column("exact", Integer, nullable=False, default=0),
    Index("ix_link_relations_second", "second_id"),
)

canonical_keys = Table(
    "canonical_keys",
    metadata,
    Column("key", BoundedString(200, key=True), primary_key=True),  # "type|party|period"
    Column("canonical_id", Integer, ForeignKey("canonical_events.id", ondelete="CASCADE"),
           primary_key=True),
    Index("ix_canonical_keys_canonical", "canonical_id"),
)

story_links = Table(
    "story_links",
    metadata,
    Column("earlier_id", Integer, ForeignKey("canonical_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("later_id", Integer, ForeignKey("canonical_events.id", ondelete="CASCADE"),
           primary_key=True),
)
