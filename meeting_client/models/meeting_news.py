"""News of one's meetings on the user's own topic: published, changed, cancelled.

Follows ``user:<id>`` (``user.subscribe``, again after every reconnect) and reports each
``meeting.changed``. When a meeting is published, its papers start downloading into the
document cache at once (a :class:`DocumentCenter` without opening the room), so the
delegate has them before the day, offline too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from meeting_client.models.document_model import DocumentCenter
from meeting_protocol.documents import UserSubscribe

if TYPE_CHECKING:
    from meeting_client.bridge import Bridge


class MeetingNews(QObject):
    changed = Signal(dict)
    """(``meeting.changed`` data: meeting_id, title, starts_at, status, change)."""
    prefetched = Signal(int, int)
    """(meeting id, bytes transferred) — every paper of a published meeting is cached."""

    def __init__(self, bridge: Bridge, *, cache_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._cache_dir = cache_dir
        self._topic: str | None = None
        self._user_id: int | None = None
        self._centers: dict[int, DocumentCenter] = {}
        bridge.events_received.connect(self.on_bridge_events_received)
        bridge.connection_state_changed.connect(self.on_bridge_connection_state_changed)

    def start(self, user_id: int) -> None:
        self._user_id = user_id
        self._topic = f"user:{user_id}"
        self._bridge.send_request(UserSubscribe())

    def stop(self) -> None:
        self._topic = self._user_id = None
        for center in self._centers.values():
            center.stop()
            center.deleteLater()
        self._centers.clear()

    def center(self, meeting_id: int) -> DocumentCenter | None:
        """The papers of a meeting being (or already) prefetched."""
        return self._centers.get(meeting_id)

    def prefetch(self, meeting_id: int) -> None:
        if meeting_id in self._centers:
            return
        center = DocumentCenter(self._bridge.submit, meeting_id, cache_dir=self._cache_dir,
                                parent=self)
        center.prefetched.connect(lambda moved: self.prefetched.emit(meeting_id, moved))
        self._centers[meeting_id] = center
        center.start()

    def on_bridge_connection_state_changed(self, state: str) -> None:
        if state == "connected" and self._user_id is not None:
            self._bridge.send_request(UserSubscribe())

    def on_bridge_events_received(self, events: list[Any]) -> None:
        for event in events:
            if event.topic != self._topic or event.event != "meeting.changed":
                continue
            data = dict(event.data)
            self.changed.emit(data)
            if data.get("change") == "published":
                self.prefetch(int(data["meeting_id"]))
