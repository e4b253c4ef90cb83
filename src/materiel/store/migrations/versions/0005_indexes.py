"""Indexes for the workbench: the feed's sort, its filters, the facets and freshness.

The feed sorts on `coalesce(date, '')` (undated events last on both back ends), so the sort
indexes hold that expression: a page is then read in order and stops after its rows instead
of sorting every filtered event. `materiel.store.query` writes the same expression.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEWEST = sa.text("coalesce(date, '')")

# (name, table, columns): columns are names or SQL expressions
INDEXES: tuple[tuple[str, str, list[str | sa.TextClause]], ...] = (
    # the feed, newest first: unfiltered, and by type
    ("ix_events_newest", "events", [NEWEST, "id"]),
    ("ix_events_type_newest", "events", ["type", NEWEST, "id"]),
    # facet counts by type, status and confidence, read from the index alone (the
    # document is there for the one-event-per-story condition, the date for date ranges)
    ("ix_events_facets", "events", ["type", "status", "confidence", "document_id", "date"]),
    # least confident first (the review queue, the API's sort)
    ("ix_events_confidence", "events", ["confidence", "id"]),
    # a party, item or country by knowledge-base id, and the facets over them: covering,
    # no table lookup
    ("ix_event_args_entity_role", "event_args", ["entity_id", "role", "event_id"]),
    # the outlet filter (any case) and its facet
    ("ix_documents_outlet", "documents", [sa.text("lower(outlet)")]),
    ("ix_sources_outlet", "sources", ["outlet", "document_id"]),
    # freshness: the newest document and source, read from the index's end
    ("ix_documents_ingested_at", "documents", ["ingested_at"]),
    ("ix_sources_seen_at", "sources", ["seen_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
