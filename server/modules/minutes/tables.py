"""Tables of the minutes domain: the clerk's texts, the number registers, issued notices.

``minutes_texts`` holds what people wrote (the timeline is in the event log and the other
domains' tables); ``version`` makes saves optimistic: two clerks editing the same item
cannot silently overwrite each other. ``item_id`` 0 is the meeting's general part (a NULL
would not be unique in SQL).

Numbers are registered per agency abbreviation and year, as Decree 30 numbers documents
("Số: 07/BB-HĐND"); minutes (BB) and conclusion notices (TB) have their own registers.
``conclusion_notices`` keeps each notice's items and due date for the directives module.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from server.storage.schema import metadata

GENERAL_ITEM = 0
"""``minutes_texts.item_id`` of the general part (overall conclusions)."""

minutes_texts = Table(
    "minutes_texts",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("item_id", Integer, primary_key=True),
    Column("opinions", Text, nullable=False, default=""),
    Column("conclusions", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("updated_at", String(32), nullable=False),
)

minutes_numbers = Table(
    "minutes_numbers",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("agency_abbrev", String(50), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("issued_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("issued_at", String(32), nullable=False),
    UniqueConstraint("agency_abbrev", "year", "number"),
)

conclusion_notices = Table(
    "conclusion_notices",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("agency_abbrev", String(50), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("issued_on", String(10), nullable=False),  # ISO date, local
    Column("due_on", String(10), nullable=False),  # five working days after the meeting
    Column("items", Text, nullable=False),  # JSON [{item_id, title, conclusions}]
    Column("general", Text, nullable=False, default=""),
    Column("issued_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    UniqueConstraint("agency_abbrev", "year", "number"),
)
