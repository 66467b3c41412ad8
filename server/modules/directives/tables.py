"""Tables of the directives domain.

``directives`` holds the current state (status, deadline, percent) so that lists and the
dashboard are one indexed query; ``directive_history`` keeps every step (reports,
returns, extensions, completion) for ``directive.get``. ``overdue`` is never stored: it is
judged from ``deadline`` and today's date in Asia/Ho_Chi_Minh at each read. ``on_time`` is
stored at completion, when it is decided once and for all. ``directive_alerts`` records
each reminder fired (one row per directive and occasion) in the same transaction as the
alert, so a restart never fires one twice.
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
    text,
)

from server.storage.schema import metadata

directives = Table(
    "directives",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content", Text, nullable=False),
    Column("issued_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("issued_at", String(32), nullable=False),
    Column("source_meeting_id", Integer, nullable=True),
    Column("source_item_id", Integer, nullable=True),
    Column("source_registry_id", Integer, nullable=True),
    Column("source_notice", Boolean, nullable=False, default=False),
    Column("assignee_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("assignee_unit_id", Integer, nullable=True),
    Column("priority", String(10), nullable=False),
    Column("deadline", String(10), nullable=True),  # ISO date, local
    Column("status", String(16), nullable=False),
    Column("percent", Integer, nullable=False, default=0),
    Column("completed_at", String(32), nullable=True),
    Column("on_time", Boolean, nullable=True),
    Column("updated_at", String(32), nullable=False),
    # The deadline whose "due soon" / overdue reminder has fired (None: not yet); a
    # granted extension clears them. The partial indexes below hold only the unfired.
    Column("due_alerted", String(10), nullable=True),
    Column("overdue_alerted", String(10), nullable=True),
    Index("ix_directives_status_deadline", "status", "deadline"),
    Index("ix_directives_status_unit_deadline", "status", "assignee_unit_id", "deadline"),
    # covers the dashboard's count of open directives per unit
    Index("ix_directives_unit_status_deadline", "assignee_unit_id", "status", "deadline"),
    Index("ix_directives_overdue_pending", "deadline",
          sqlite_where=text("status != 'completed' AND overdue_alerted IS NULL"),
          postgresql_where=text("status != 'completed' AND overdue_alerted IS NULL")),
    Index("ix_directives_due_pending", "deadline",
          sqlite_where=text("status != 'completed' AND due_alerted IS NULL"),
          postgresql_where=text("status != 'completed' AND due_alerted IS NULL")),
    Index("ix_directives_assignee", "assignee_id"),
    Index("ix_directives_issued_by", "issued_by"),
    Index("ix_directives_source_meeting", "source_meeting_id"),
)

directive_done_counts = Table(
    "directive_done_counts",
    metadata,
    Column("unit_id", Integer, primary_key=True),  # 0: no lead unit
    Column("on_time", Integer, nullable=False, default=0),
    Column("late", Integer, nullable=False, default=0),
)
"""Completed directives per lead unit, kept at completion (a completion is final): the
dashboard then reads only the open directives, a fraction of the whole."""

directive_units = Table(
    "directive_units",
    metadata,
    Column("directive_id", Integer, ForeignKey("directives.id", ondelete="CASCADE"),
           primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("part", Text, nullable=False, default=""),
    Column("percent", Integer, nullable=False, default=0),
    Column("note", Text, nullable=False, default=""),
    Index("ix_directive_units_unit", "unit_id"),
)

directive_history = Table(
    "directive_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, ForeignKey("directives.id", ondelete="CASCADE"),
           nullable=False),
    Column("at", String(32), nullable=False),
    Column("by", Integer, nullable=True),  # None: the server (reminders)
    Column("kind", String(24), nullable=False),
    Column("status", String(16), nullable=True),
    Column("percent", Integer, nullable=True),
    Column("unit_id", Integer, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("deadline_from", String(10), nullable=True),
    Column("deadline_to", String(10), nullable=True),
    Column("extension_id", Integer, nullable=True),
    Index("ix_directive_history_directive", "directive_id", "id"),
)

directive_extensions = Table(
    "directive_extensions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, ForeignKey("directives.id", ondelete="CASCADE"),
           nullable=False),
    Column("requested_by", Integer, nullable=False),
    Column("requested_at", String(32), nullable=False),
    Column("old_deadline", String(10), nullable=True),
    Column("new_deadline", String(10), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("decision", String(10), nullable=True),  # None: pending; granted | refused
    Column("decided_by", Integer, nullable=True),
    Column("decided_at", String(32), nullable=True),
    Column("decision_note", Text, nullable=False, default=""),
    Index("ix_directive_extensions_directive", "directive_id"),
)

directive_alerts = Table(
    "directive_alerts",
    metadata,
    Column("directive_id", Integer, ForeignKey("directives.id", ondelete="CASCADE"),
           primary_key=True),
    Column("occasion", String(40), primary_key=True),  # "due:<deadline>" | "overdue:<deadline>"
    Column("fired_at", String(32), nullable=False),
)
