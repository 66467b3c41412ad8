"""alerts: alerts, recipients, ingest sources, rule cursors

Revision ID: al01_alerts
Revises: 0001
Create Date: 2026-12-04 10:20:00

A branch of its own (``alerts``) off 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "al01_alerts"
down_revision = "0001"
branch_labels = ("alerts",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("rate_per_s", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("revoked_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_alert_sources_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_alert_sources_token_hash")),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=2000), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("raised_at", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=100), nullable=True),
        sa.Column("rule_key", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["alert_sources.id"],
                                name=op.f("fk_alerts_source_id_alert_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("rule_key", name=op.f("uq_alerts_rule_key")),
        sa.UniqueConstraint("source_id", "idempotency_key", name="uq_alerts_source_key"),
    )
    op.create_table(
        "alert_recipients",
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["alert_id"], ["alerts.id"],
                                name=op.f("fk_alert_recipients_alert_id_alerts"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_alert_recipients_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("alert_id", "user_id", name=op.f("pk_alert_recipients")),
    )
    op.create_index("ix_alert_recipients_user", "alert_recipients", ["user_id", "alert_id"])
    op.create_table(
        "alert_cursors",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("flag", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_alert_cursors")),
    )


def downgrade() -> None:
    op.drop_table("alert_cursors")
    op.drop_index("ix_alert_recipients_user", table_name="alert_recipients")
    op.drop_table("alert_recipients")
    op.drop_table("alerts")
    op.drop_table("alert_sources")
