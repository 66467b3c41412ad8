"""meetings: an agenda item may bring an overdue directive back to a meeting

Revision ID: mtd1
Revises: mt01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "mtd1"
down_revision = "mt01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(sa.Column("directive_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_agenda_items_directive_id"), ["directive_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_directive_id"))
        batch_op.drop_column("directive_id")
