"""cameras: the cameras table

Revision ID: cm01_cameras
Revises: 0001
Create Date: 2026-12-04 14:15:00

A branch of its own (``cameras``) off 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cm01_cameras"
down_revision = "0001"
branch_labels = ("cameras",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cameras",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("sub_url", sa.String(length=2000), nullable=True),
        sa.Column("seats", sa.String(length=2000), nullable=False),
        sa.Column("overview", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("state_since", sa.String(length=32), nullable=False),
        sa.Column("down_since", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameras")),
        sa.UniqueConstraint("name", name=op.f("uq_cameras_name")),
    )


def downgrade() -> None:
    op.drop_table("cameras")
