"""Review: users, API tokens, an append-only audit log, and each event's review state.

The audit log's event id is a plain column, not a foreign key: the log outlives the events
it speaks of (re-extraction replaces unreviewed events). Triggers refuse to change or delete
its rows, on both back ends. The new event columns are added in place (no batch rebuild,
which would drop the full-text triggers of 0004).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_APPEND_ONLY = "audit log rows cannot be changed or deleted"


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("change", sa.String(32), nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("undoes", sa.String(32), nullable=True),
    )
    op.create_index("ix_audit_log_event", "audit_log", ["event_id", "id"])
    op.create_index("ix_audit_log_change", "audit_log", ["change"])
    op.add_column("events", sa.Column("review_state", sa.String(10), nullable=False,
                                      server_default="unreviewed"))
    op.add_column("events", sa.Column("reviewed_by", sa.String(64), nullable=True))
    op.add_column("events", sa.Column("reviewed_at", sa.String(40), nullable=True))
    op.create_index("ix_events_review_queue", "events", ["review_state", "confidence", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
                   f"BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$ LANGUAGE plpgsql")
        op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    else:
        for when in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_log_no_{when.lower()} BEFORE {when} ON audit_log "
                       f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END")


def downgrade() -> None:
    op.drop_index("ix_events_review_queue", table_name="events")
    for column in ("reviewed_at", "reviewed_by", "review_state"):
        op.drop_column("events", column)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table("audit_log")
    op.drop_table("api_tokens")
    op.drop_table("users")
