"""Events with their arguments, and quoted statements, linked to documents and sentences.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("status", sa.String(12)),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("sentence_idx", sa.Integer),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
    )
    op.create_index("ix_events_document", "events", ["document_id"])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_table(
        "event_args",
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("entity_id", sa.String(128)),
        sa.Column("value", sa.Float),
        sa.Column("currency", sa.String(3)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("ix_event_args_entity", "event_args", ["entity_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_id", sa.String(128)),
    )
    op.create_index("ix_quotes_document", "quotes", ["document_id"])


def downgrade() -> None:
    for table in ("quotes", "event_args", "events"):
        op.drop_table(table)
