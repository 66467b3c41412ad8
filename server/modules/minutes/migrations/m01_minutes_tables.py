"""minutes: clerk's texts, number registers, conclusion notices

Revision ID: m01
Revises: 0001
Create Date: 2026-11-24 23:00:00

A branch of its own ("minutes"): the server upgrades to every head, so this does not
have to be ordered against the other domains' revisions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "m01"
down_revision = "0001"
branch_labels = ("minutes",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "minutes_texts",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("opinions", sa.Text(), nullable=False),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE",
                                name=op.f("fk_minutes_texts_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"],
                                name=op.f("fk_minutes_texts_updated_by_users")),
        sa.PrimaryKeyConstraint("meeting_id", "item_id", name=op.f("pk_minutes_texts")),
    )
    op.create_table(
        "minutes_numbers",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agency_abbrev", sa.String(length=50), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE",
                                name=op.f("fk_minutes_numbers_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["issued_by"], ["users.id"],
                                name=op.f("fk_minutes_numbers_issued_by_users")),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_minutes_numbers")),
        sa.UniqueConstraint("agency_abbrev", "year", "number",
                            name=op.f("uq_minutes_numbers_agency_abbrev")),
    )
    op.create_table(
        "conclusion_notices",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agency_abbrev", sa.String(length=50), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.String(length=10), nullable=False),
        sa.Column("due_on", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("general", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE",
                                name=op.f("fk_conclusion_notices_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["issued_by"], ["users.id"],
                                name=op.f("fk_conclusion_notices_issued_by_users")),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_conclusion_notices")),
        sa.UniqueConstraint("agency_abbrev", "year", "number",
                            name=op.f("uq_conclusion_notices_agency_abbrev")),
    )


def downgrade() -> None:
    op.drop_table("conclusion_notices")
    op.drop_table("minutes_numbers")
    op.drop_table("minutes_texts")
