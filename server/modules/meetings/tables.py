from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from server.storage.schema import metadata

meetings = Table(
    "meetings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(500), nullable=False),
    Column("body", String(300), nullable=False, default=""),
    Column("location", String(300), nullable=False, default=""),
    Column("starts_at", String(32), nullable=False),
    Column("status", String(16), nullable=False, default="scheduled"),
    Column("quorum", Integer, nullable=False),
    Column("majority", String(16), nullable=False, default="absolute"),
    Column("speech_limit_s", Integer, nullable=False, default=300),
    Column("started_at", String(32), nullable=True),
    Column("ended_at", String(32), nullable=True),
    Column("presentation_document_id", Integer, nullable=True),
    Column("presentation_page", Integer, nullable=True),
    Column("presenter_id", Integer, nullable=True),
    # Preparing meetings (migration mt01).
    Column("kind", String(32), nullable=False, server_default="hdnd_session"),
    Column("ends_at", String(32), nullable=True),
    Column("quorum_rule", String(16), nullable=False, server_default="half"),
    Column("created_by", Integer, nullable=True),
    Column("cancel_reason", Text, nullable=True),
)

participants = Table(
    "participants",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True,
           index=True),
    Column("role", String(16), nullable=False),
    Column("seat", String(20), nullable=True),
    Column("present", Boolean, nullable=False, default=False),
    Column("checked_in_at", String(32), nullable=True),
    Column("absence_reason", Text, nullable=True),
    # The invitation's answer: ``attend`` or ``absent`` (reason in ``absence_reason``).
    Column("reply", String(16), nullable=True),
    Column("replied_at", String(32), nullable=True),
)

agenda_items = Table(
    "agenda_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("title", String(500), nullable=False),
    Column("active", Boolean, nullable=False, default=False),
    Column("taken_up_at", String(32), nullable=True),
    Column("duration_min", Integer, nullable=True),
    Column("presenter_id", Integer, nullable=True),  # a user; kept when that user goes
    # A directive brought back to the meeting ("việc chưa hoàn thành"); no foreign key:
    # directives is a later module (checked through the hook of ``queries.on_agenda_link``).
    Column("directive_id", Integer, nullable=True, index=True),
    UniqueConstraint("meeting_id", "position"),
)

meeting_defaults = Table(
    "meeting_defaults",
    metadata,
    Column("kind", String(32), primary_key=True),
    Column("quorum_rule", String(16), nullable=False),
    Column("majority", String(16), nullable=False),
)
"""The admin's rules per kind of meeting (``meeting.defaults``)."""

seat_plans = Table(
    "seat_plans",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("layout", Text, nullable=False),
)
"""The chamber layout of a meeting: JSON blocks of rows of seat labels."""
