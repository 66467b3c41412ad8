from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from server.storage.schema import metadata

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("agenda_item_id", Integer, nullable=True),
    Column("title", String(500), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("mime", String(100), nullable=False),
    Column("created_at", String(32), nullable=False),
)
