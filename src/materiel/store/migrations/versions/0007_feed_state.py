"""Feed watching: what each feed's server last said (validators, failures) and the items seen.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_state",
        sa.Column("url", sa.String(1024), primary_key=True),
        sa.Column("etag", sa.String(512), nullable=True),
        sa.Column("last_modified", sa.String(64), nullable=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("retry_at", sa.String(40), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("checked_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "feed_items",
        sa.Column("key", sa.String(1024), primary_key=True),
        sa.Column("url", sa.String(1024), nullable=True),
        sa.Column("feed_url", sa.String(1024), nullable=False),
        sa.Column("document_id", sa.Integer, nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_feed_items_url", "feed_items", ["url"])


def downgrade() -> None:
    op.drop_index("ix_feed_items_url", table_name="feed_items")
    op.drop_table("feed_items")
    op.drop_table("feed_state")
