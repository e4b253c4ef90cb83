"""Canonical events: one record per real event, with the events of every document that
reports it, candidate keys to find it by, and links between the stages of one story.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("status", sa.String(12), nullable=True),
        sa.Column("args", sa.Text, nullable=False),
        sa.Column("conflicts", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_canonical_events_type_date", "canonical_events", ["type", "date"])
    op.create_table(
        "canonical_members",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("canonical_id", sa.Integer,
                  sa.ForeignKey("canonical_events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_canonical_members_canonical", "canonical_members", ["canonical_id"])
    op.create_table(
        "canonical_keys",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("canonical_id", sa.Integer,
                  sa.ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_canonical_keys_canonical", "canonical_keys", ["canonical_id"])
    op.create_table(
        "story_links",
        sa.Column("earlier_id", sa.Integer,
                  sa.ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("later_id", sa.Integer,
                  sa.ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("story_links")
    op.drop_index("ix_canonical_keys_canonical", table_name="canonical_keys")
    op.drop_table("canonical_keys")
    op.drop_index("ix_canonical_members_canonical", table_name="canonical_members")
    op.drop_table("canonical_members")
    op.drop_index("ix_canonical_events_type_date", table_name="canonical_events")
    op.drop_table("canonical_events")
