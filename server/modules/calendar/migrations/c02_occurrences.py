"""calendar: the occurrences of bounded series kept in cal_occurrences

Revision ID: c02
Revises: c01
Create Date: 2026-12-04 14:10:00

A week's query read every bounded series of its month through cal_series_months and
expanded each (monthly rules mostly to nothing); it now reads the occurrences that touch
the week. cal_series_months keeps only the series too long to keep.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c02"
down_revision = "c01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cal_occurrences",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.String(length=20), nullable=False),
        sa.Column("end_utc", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["cal_events.id"],
                                name=op.f("fk_cal_occurrences_event_id_cal_events"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "start_utc", name=op.f("pk_cal_occurrences")),
    )
    op.create_index("ix_cal_occurrences_start", "cal_occurrences",
                    ["start_utc", "end_utc", "event_id"], unique=False)
    # The series that exist: re-index each by the module's own expansion.
    from server.modules.calendar.service import series_index

    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, starts_at, ends_at, start_utc, rrule, until_utc FROM cal_events "
        "WHERE rrule IS NOT NULL AND until_utc IS NOT NULL")).all()
    for row in rows:
        occurrences, months = series_index(*row)
        conn.execute(sa.text("DELETE FROM cal_series_months WHERE event_id = :id"),
                     {"id": row[0]})
        if occurrences:
            conn.execute(sa.text("INSERT INTO cal_occurrences (event_id, start_utc, end_utc) "
                                 "VALUES (:event_id, :start_utc, :end_utc)"), occurrences)
        if months:
            conn.execute(sa.text("INSERT INTO cal_series_months (event_id, month) "
                                 "VALUES (:event_id, :month)"), months)


def downgrade() -> None:
    conn = op.get_bind()
    from server.modules.calendar.service import months_between

    rows = conn.execute(sa.text(
        "SELECT DISTINCT e.id, e.start_utc, e.until_utc FROM cal_events e "
        "JOIN cal_occurrences o ON o.event_id = e.id")).all()
    for event_id, start_utc, until_utc in rows:
        conn.execute(sa.text("INSERT INTO cal_series_months (event_id, month) "
                             "VALUES (:event_id, :month)"),
                     [{"event_id": event_id, "month": m}
                      for m in months_between(start_utc, until_utc)])
    op.drop_index("ix_cal_occurrences_start", table_name="cal_occurrences")
    op.drop_table("cal_occurrences")
