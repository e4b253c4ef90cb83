"""The matches the linker found between mentions, kept: a new mention is compared with the
mentions its candidate keys find, and the groups around them are read back instead of
compared again (on a day of news linking had become the writer's bottleneck). Mentions
linked before this revision are compared again the first time a group reaches them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("canonical_members", sa.Column("compared", sa.Boolean, nullable=False,
                                                 server_default=sa.false()))
    op.create_table(
        "link_relations",
        sa.Column("first_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("second_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("kind", sa.String(5), nullable=False),
        sa.Column("strength", sa.Integer, nullable=False, server_default="0"),
        sa.Column("exact", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_link_relations_second", "link_relations", ["second_id"])


def downgrade() -> None:
    op.drop_index("ix_link_relations_second", table_name="link_relations")
    op.drop_table("link_relations")
    with op.batch_alter_table("canonical_members") as batch:
        batch.drop_column("compared")
