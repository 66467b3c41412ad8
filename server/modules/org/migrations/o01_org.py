"""organisation: units, people's unit and account state, global roles

Revision ID: o01
Revises: 0001
Create Date: 2026-12-04 10:30:00

A branch of its own ("org"); the server upgrades to every head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "o01"
down_revision = "0001"
branch_labels = ("org",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("head_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["org_units.id"],
                                name=op.f("fk_org_units_parent_id_org_units")),
        sa.ForeignKeyConstraint(["head_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_org_units_head_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_units")),
        sa.UniqueConstraint("code", name=op.f("uq_org_units_code")),
    )
    op.create_index(op.f("ix_org_units_parent_id"), "org_units", ["parent_id"])
    op.create_table(
        "org_people",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_org_people_user_id_users")),
        sa.ForeignKeyConstraint(["unit_id"], ["org_units.id"],
                                name=op.f("fk_org_people_unit_id_org_units")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_org_people")),
    )
    op.create_index(op.f("ix_org_people_unit_id"), "org_people", ["unit_id"])
    op.create_table(
        "org_user_roles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_org_user_roles_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_org_user_roles")),
    )


def downgrade() -> None:
    op.drop_table("org_user_roles")
    op.drop_index(op.f("ix_org_people_unit_id"), table_name="org_people")
    op.drop_table("org_people")
    op.drop_index(op.f("ix_org_units_parent_id"), table_name="org_units")
    op.drop_table("org_units")
