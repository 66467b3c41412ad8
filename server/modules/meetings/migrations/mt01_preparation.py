"""meetings: preparing meetings (kind, planned end, quorum rule, replies, seat plans)

Revision ID: mt01
Revises: 0001

A branch of its own ("meetings"). Existing meetings keep their rules: kind
``hdnd_session``, quorum rule ``half`` (meeting 1 of the demo data).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "mt01"
down_revision = "0001"
branch_labels = ("meetings",)
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=32), nullable=False,
                                      server_default="hdnd_session"))
        batch_op.add_column(sa.Column("ends_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("quorum_rule", sa.String(length=16), nullable=False,
                                      server_default="half"))
        batch_op.add_column(sa.Column("created_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("participants") as batch_op:
        batch_op.add_column(sa.Column("reply", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("replied_at", sa.String(length=32), nullable=True))
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(sa.Column("duration_min", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("presenter_id", sa.Integer(), nullable=True))
    op.create_table(
        "meeting_defaults",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("quorum_rule", sa.String(length=16), nullable=False),
        sa.Column("majority", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_meeting_defaults")),
    )
    op.create_table(
        "seat_plans",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_seat_plans_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_seat_plans")),
    )


def downgrade() -> None:
    op.drop_table("seat_plans")
    op.drop_table("meeting_defaults")
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.drop_column("presenter_id")
        batch_op.drop_column("duration_min")
    with op.batch_alter_table("participants") as batch_op:
        batch_op.drop_column("replied_at")
        batch_op.drop_column("reply")
    with op.batch_alter_table("meetings") as batch_op:
        for col in ("cancel_reason", "created_by", "quorum_rule", "ends_at", "kind"):
            batch_op.drop_column(col)
