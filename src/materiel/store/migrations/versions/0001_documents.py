"""Documents, their sources, sentences, removals and near-duplicate signatures.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("canonical_document_id", sa.Integer, nullable=True),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_key", sa.String(512), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("outlet", sa.String(255)),
        sa.Column("author", sa.String(255)),
        sa.Column("language", sa.String(16)),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("clean_text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("is_feed", sa.Boolean, nullable=False),
        sa.Column("stories", sa.Text, nullable=False),
        sa.Column("segments", sa.Text, nullable=False),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=True),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_documents_doc_key", "documents", ["doc_key"])
    op.create_index("ix_documents_cluster_id", "documents", ["cluster_id"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("record", sa.Integer, nullable=False),
        sa.Column("member", sa.Text, nullable=False),
        sa.Column("byte_offset", sa.Integer, nullable=True),
        sa.Column("raw_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(255)),
        sa.Column("published", sa.String(40)),
        sa.Column("seen_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("document_id", "raw_hash", "path", "record", "member",
                            name="uq_source"),
    )
    op.create_index("ix_sources_document", "sources", ["document_id"])
    op.create_table(
        "sentences",
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("story", sa.Integer, nullable=False),
        sa.Column("segment", sa.Integer, nullable=False),
        sa.Column("truncated", sa.Boolean, nullable=False),
        sa.Column("is_heading", sa.Boolean, nullable=False),
    )
    op.create_table(
        "removals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(80), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_removals_document", "removals", ["document_id"])
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_signatures_hash", "signatures", ["kind", "content_hash"])
    op.create_index("ix_signatures_document", "signatures", ["document_id"])
    op.create_table(
        "lsh_bands",
        sa.Column("band_key", sa.String(40), primary_key=True),
        sa.Column("signature_id", sa.Integer,
                  sa.ForeignKey("signatures.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "item_links",
        sa.Column("signature_id", sa.Integer,
                  sa.ForeignKey("signatures.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("duplicate_of", sa.Integer,
                  sa.ForeignKey("signatures.id", ondelete="CASCADE"), nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for table in ("item_links", "lsh_bands", "signatures", "removals", "sentences", "sources",
                  "documents", "clusters"):
        op.drop_table(table)
