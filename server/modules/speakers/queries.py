"""The speakers module's part of a meeting snapshot."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from meeting_protocol.state import Speaker
from server.modules.speakers.tables import speaker_requests


def open_requests(conn: Connection, meeting_id: int) -> list[Speaker]:
    """Requests still waiting or speaking, in the order they were made."""
    return [
        Speaker(request_id=r.id, user_id=r.user_id, status=r.status,
                requested_at=r.requested_at, granted_at=r.granted_at, limit_s=r.limit_s,
                seat=r.seat)
        for r in conn.execute(
            select(speaker_requests).where(
                speaker_requests.c.meeting_id == meeting_id,
                speaker_requests.c.status.in_(("waiting", "speaking")),
            ).order_by(speaker_requests.c.id)
        )
    ]
