"""attachments: files stored like meeting papers for other modules' objects

Revision ID: at01_attachments
Revises: 0001
Create Date: 2026-12-04 14:00:00

A branch of its own (``attachments``) off 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "at01_attachments"
down_revision = "0001"
branch_labels = ("attachments",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uploader_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("owner_kind", sa.String(length=32), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["uploader_id"], ["users.id"],
                                name=op.f("fk_attachments_uploader_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_uploader_id"), "attachments", ["uploader_id"])
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"])
    op.create_index(op.f("ix_attachments_pdf_sha256"), "attachments", ["pdf_sha256"])
    op.create_index("ix_attachments_owner", "attachments", ["owner_kind", "owner_id"])


def downgrade() -> None:
    op.drop_table("attachments")
