from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from server.storage.schema import metadata

speaker_requests = Table(
    "speaker_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("agenda_item_id", Integer, nullable=True),
    # waiting → speaking → finished, or waiting → withdrawn
    Column("status", String(16), nullable=False),
    Column("requested_at", String(32), nullable=False),
    Column("granted_at", String(32), nullable=True),
    Column("finished_at", String(32), nullable=True),
    Column("limit_s", Integer, nullable=True),
    Column("seat", String(20), nullable=True),
    Column("duration_s", Integer, nullable=True),
)
