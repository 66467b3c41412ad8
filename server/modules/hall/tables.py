from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from server.storage.schema import metadata

hall_choices = Table(
    "hall_choices",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("view", String(16), nullable=False),
    Column("poll_id", Integer, nullable=True),
)
