"""directives: directives, coordinating units, history, extensions, fired reminders

Revision ID: d01
Revises: 0001
Create Date: 2026-12-04 11:10:00

A branch of its own ("directives").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "d01"
down_revision = "0001"
branch_labels = ("directives",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.Column("source_meeting_id", sa.Integer(), nullable=True),
        sa.Column("source_item_id", sa.Integer(), nullable=True),
        sa.Column("source_registry_id", sa.Integer(), nullable=True),
        sa.Column("source_notice", sa.Boolean(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("assignee_unit_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("deadline", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.String(length=32), nullable=True),
        sa.Column("on_time", sa.Boolean(), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("due_alerted", sa.String(length=10), nullable=True),
        sa.Column("overdue_alerted", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["issued_by"], ["users.id"],
                                name=op.f("fk_directives_issued_by_users")),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"],
                                name=op.f("fk_directives_assignee_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directives")),
    )
    op.create_index("ix_directives_status_deadline", "directives", ["status", "deadline"])
    op.create_index("ix_directives_status_unit_deadline", "directives",
                    ["status", "assignee_unit_id", "deadline"])
    op.create_index("ix_directives_unit_status_deadline", "directives",
                    ["assignee_unit_id", "status", "deadline"])
    for occasion in ("overdue", "due"):
        where = sa.text(f"status != 'completed' AND {occasion}_alerted IS NULL")
        op.create_index(f"ix_directives_{occasion}_pending", "directives", ["deadline"],
                        sqlite_where=where, postgresql_where=where)
    op.create_table(
        "directive_done_counts",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("on_time", sa.Integer(), nullable=False),
        sa.Column("late", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_directive_done_counts")),
    )
    op.create_index("ix_directives_assignee", "directives", ["assignee_id"])
    op.create_index("ix_directives_issued_by", "directives", ["issued_by"])
    op.create_index("ix_directives_source_meeting", "directives", ["source_meeting_id"])
    op.create_table(
        "directive_units",
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.Text(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directives.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_units_directive_id_directives")),
        sa.PrimaryKeyConstraint("directive_id", "unit_id", name=op.f("pk_directive_units")),
    )
    op.create_index("ix_directive_units_unit", "directive_units", ["unit_id"])
    op.create_table(
        "directive_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("by", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("deadline_from", sa.String(length=10), nullable=True),
        sa.Column("deadline_to", sa.String(length=10), nullable=True),
        sa.Column("extension_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["directive_id"], ["directives.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_history_directive_id_directives")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directive_history")),
    )
    op.create_index("ix_directive_history_directive", "directive_history",
                    ["directive_id", "id"])
    op.create_table(
        "directive_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.String(length=32), nullable=False),
        sa.Column("old_deadline", sa.String(length=10), nullable=True),
        sa.Column("new_deadline", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directives.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_extensions_directive_id_directives")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directive_extensions")),
    )
    op.create_index("ix_directive_extensions_directive", "directive_extensions",
                    ["directive_id"])
    op.create_table(
        "directive_alerts",
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("occasion", sa.String(length=40), nullable=False),
        sa.Column("fired_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directives.id"], ondelete="CASCADE",
                                name=op.f("fk_directive_alerts_directive_id_directives")),
        sa.PrimaryKeyConstraint("directive_id", "occasion", name=op.f("pk_directive_alerts")),
    )


def downgrade() -> None:
    for table in ("directive_done_counts", "directive_alerts", "directive_extensions",
                  "directive_history", "directive_units", "directives"):
        op.drop_table(table)
