"""hall screen choices

Revision ID: h01
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h01"
down_revision = "0001"
branch_labels = ("hall",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall_choices",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("view", sa.String(length=16), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_hall_choices_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_hall_choices")),
    )


def downgrade() -> None:
    op.drop_table("hall_choices")
