"""The documents part of a meeting's Snapshot (filled by ``meetings.snapshot``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from meeting_protocol.documents import DocumentInfo
from server.modules.documents.service import visible_documents
from server.modules.documents.tables import presenters


def shared_documents(conn: Connection, meeting_id: int) -> list[DocumentInfo]:
    """Papers open to every participant: the only ones in the shared, replicated state."""
    return [d for d in visible_documents(conn, meeting_id, 0, "observer", False)
            if d.access == "all"]


def designated_presenter(conn: Connection, meeting_id: int) -> int | None:
    return conn.execute(select(presenters.c.user_id).where(
        presenters.c.meeting_id == meeting_id)).scalar_one_or_none()
