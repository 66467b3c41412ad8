"""The work calendar's tables: series, their people and units, exceptions, rooms.

Times are stored twice: ``starts_at``/``ends_at`` as given (ISO with the offset, in
Asia/Ho_Chi_Minh) and ``start_utc``/``end_utc`` as sortable UTC strings
(``YYYY-MM-DDTHH:MM:SSZ``) for range queries. A recurring series also keeps
``until_utc``, the end of its last occurrence (null: it never ends), so a week's
query reads only the series that can reach it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from server.storage.schema import metadata

cal_rooms = Table(
    "cal_rooms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("capacity", Integer, nullable=False),
    Column("location", String(300), nullable=False, default=""),
)

cal_events = Table(
    "cal_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(500), nullable=False),
    Column("starts_at", String(40), nullable=False),
    Column("ends_at", String(40), nullable=False),
    Column("start_utc", String(20), nullable=False),
    Column("end_utc", String(20), nullable=False),
    Column("rrule", String(500), nullable=True),
    Column("until_utc", String(20), nullable=True),
    Column("location", String(300), nullable=False, default=""),
    Column("room_id", Integer, ForeignKey("cal_rooms.id"), nullable=True),
    Column("host_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("delegate_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("preparing_unit_id", Integer, nullable=True),
    Column("notes", Text, nullable=False, default=""),
    Column("visibility", String(16), nullable=False, default="involved"),
    Column("cancelled", Boolean, nullable=False, default=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_cal_events_single", cal_events.c.rrule, cal_events.c.start_utc)
Index("ix_cal_events_endless", cal_events.c.start_utc,
      sqlite_where=cal_events.c.rrule.is_not(None) & cal_events.c.until_utc.is_(None),
      postgresql_where=cal_events.c.rrule.is_not(None) & cal_events.c.until_utc.is_(None))
"""Series that never end: few, and read by every query (singles have no until either)."""

cal_series_months = Table(
    "cal_series_months",
    metadata,
    # Each month (UTC, YYYY-MM) a bounded series too long to keep in ``cal_occurrences``
    # touches: a week's query reads those series of its month or two through this index
    # instead of every series ever started.
    Column("event_id", Integer, ForeignKey("cal_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("month", String(7), primary_key=True),
)
Index("ix_cal_series_months_month", cal_series_months.c.month, cal_series_months.c.event_id)

cal_occurrences = Table(
    "cal_occurrences",
    metadata,
    # Every occurrence of a bounded series of at most MATERIALIZED occurrences, as the
    # rule gives it (exceptions apply on reading): a week's query reads exactly the
    # occurrences that touch it instead of expanding every series of the month.
    Column("event_id", Integer, ForeignKey("cal_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("start_utc", String(20), primary_key=True),
    Column("end_utc", String(20), nullable=False),
)
Index("ix_cal_occurrences_start", cal_occurrences.c.start_utc, cal_occurrences.c.end_utc,
      cal_occurrences.c.event_id)

cal_participants = Table(
    "cal_participants",
    metadata,
    Column("event_id", Integer, ForeignKey("cal_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

cal_units = Table(
    "cal_units",
    metadata,
    Column("event_id", Integer, ForeignKey("cal_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("unit_id", Integer, primary_key=True, index=True),
)

cal_exceptions = Table(
    "cal_exceptions",
    metadata,
    Column("event_id", Integer, ForeignKey("cal_events.id", ondelete="CASCADE"),
           primary_key=True),
    # The occurrence's original start (RECURRENCE-ID), UTC.
    Column("recurrence_utc", String(20), primary_key=True),
    Column("cancelled", Boolean, nullable=False, default=False),
    Column("starts_at", String(40), nullable=True),
    Column("ends_at", String(40), nullable=True),
    Column("start_utc", String(20), nullable=True, index=True),
    Column("end_utc", String(20), nullable=True),
    Column("title", String(500), nullable=True),
    Column("location", String(300), nullable=True),
    Column("room_id", Integer, nullable=True),
    Column("notes", Text, nullable=True),
)

cal_publications = Table(
    "cal_publications",
    metadata,
    Column("week", String(10), primary_key=True),  # its Monday, YYYY-MM-DD
    Column("version", Integer, nullable=False),
    Column("published_at", String(32), nullable=False),
    Column("published_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("superseded_at", String(32), nullable=True),
)

cal_reminder_settings = Table(
    "cal_reminder_settings",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("minutes", Integer, nullable=False),
)

cal_reminders_sent = Table(
    "cal_reminders_sent",
    metadata,
    Column("kind", String(8), primary_key=True),  # event | meeting
    Column("ref_id", Integer, primary_key=True),
    Column("occurrence_utc", String(20), primary_key=True),
    Column("user_id", Integer, primary_key=True),
    Column("sent_at", String(32), nullable=False),
)
