"""calendar: events, participants and units, exceptions, rooms, published weeks, reminders

Revision ID: c01
Revises: 0001
Create Date: 2026-12-04 10:50:00

A branch of its own ("calendar"); the server upgrades to every head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c01"
down_revision = "0001"
branch_labels = ("calendar",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cal_reminders_sent",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_utc", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind", "ref_id", "occurrence_utc", "user_id", name=op.f("pk_cal_reminders_sent")
        ),
    )
    op.create_table(
        "cal_rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cal_rooms")),
        sa.UniqueConstraint("name", name=op.f("uq_cal_rooms_name")),
    )
    op.create_table(
        "cal_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("starts_at", sa.String(length=40), nullable=False),
        sa.Column("ends_at", sa.String(length=40), nullable=False),
        sa.Column("start_utc", sa.String(length=20), nullable=False),
        sa.Column("end_utc", sa.String(length=20), nullable=False),
        sa.Column("rrule", sa.String(length=500), nullable=True),
        sa.Column("until_utc", sa.String(length=20), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("delegate_id", sa.Integer(), nullable=True),
        sa.Column("preparing_unit_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_cal_events_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["delegate_id"], ["users.id"], name=op.f("fk_cal_events_delegate_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["host_id"], ["users.id"], name=op.f("fk_cal_events_host_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["cal_rooms.id"], name=op.f("fk_cal_events_room_id_cal_rooms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cal_events")),
    )
    op.create_index("ix_cal_events_single", "cal_events", ["rrule", "start_utc"], unique=False)
    endless = sa.text("rrule IS NOT NULL AND until_utc IS NULL")
    op.create_index("ix_cal_events_endless", "cal_events", ["start_utc"], unique=False,
                    sqlite_where=endless, postgresql_where=endless)
    op.create_table(
        "cal_publications",
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.String(length=32), nullable=False),
        sa.Column("published_by", sa.Integer(), nullable=False),
        sa.Column("superseded_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["published_by"], ["users.id"], name=op.f("fk_cal_publications_published_by_users")
        ),
        sa.PrimaryKeyConstraint("week", name=op.f("pk_cal_publications")),
    )
    op.create_table(
        "cal_reminder_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_cal_reminder_settings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_cal_reminder_settings")),
    )
    op.create_table(
        "cal_exceptions",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("recurrence_utc", sa.String(length=20), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("starts_at", sa.String(length=40), nullable=True),
        sa.Column("ends_at", sa.String(length=40), nullable=True),
        sa.Column("start_utc", sa.String(length=20), nullable=True),
        sa.Column("end_utc", sa.String(length=20), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["cal_events.id"],
            name=op.f("fk_cal_exceptions_event_id_cal_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "recurrence_utc", name=op.f("pk_cal_exceptions")),
    )
    op.create_index(
        op.f("ix_cal_exceptions_start_utc"), "cal_exceptions", ["start_utc"], unique=False
    )
    op.create_table(
        "cal_series_months",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["cal_events.id"],
            name=op.f("fk_cal_series_months_event_id_cal_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "month", name=op.f("pk_cal_series_months")),
    )
    op.create_index(
        "ix_cal_series_months_month", "cal_series_months", ["month", "event_id"], unique=False
    )
    op.create_table(
        "cal_participants",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["cal_events.id"],
            name=op.f("fk_cal_participants_event_id_cal_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_cal_participants_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "user_id", name=op.f("pk_cal_participants")),
    )
    op.create_index(
        op.f("ix_cal_participants_user_id"), "cal_participants", ["user_id"], unique=False
    )
    op.create_table(
        "cal_units",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["cal_events.id"],
            name=op.f("fk_cal_units_event_id_cal_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "unit_id", name=op.f("pk_cal_units")),
    )
    op.create_index(op.f("ix_cal_units_unit_id"), "cal_units", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cal_series_months_month", table_name="cal_series_months")
    op.drop_table("cal_series_months")
    op.drop_index(op.f("ix_cal_units_unit_id"), table_name="cal_units")
    op.drop_table("cal_units")
    op.drop_index(op.f("ix_cal_participants_user_id"), table_name="cal_participants")
    op.drop_table("cal_participants")
    op.drop_index(op.f("ix_cal_exceptions_start_utc"), table_name="cal_exceptions")
    op.drop_table("cal_exceptions")
    op.drop_table("cal_reminder_settings")
    op.drop_table("cal_publications")
    op.drop_index("ix_cal_events_endless", table_name="cal_events")
    op.drop_index("ix_cal_events_single", table_name="cal_events")
    op.drop_table("cal_events")
    op.drop_table("cal_rooms")
    op.drop_table("cal_reminders_sent")
