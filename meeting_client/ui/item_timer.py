"""The running item timer: time used by the item under discussion against its plan.

Used time counts from when the item was first taken up (``taken_up_at``) by the
server's clock; the plan is the agenda's ``duration_min``. Shown on the chair's console
and at the foot of the hall display; it turns to a warning once the plan is used up.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from meeting_client.models.labels import duration_text, parse_time
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label, set_state


def item_times(session: MeetingSession) -> tuple[float, float | None] | None:
    """(seconds used, seconds planned or None) of the active item; None when there is none."""
    item = session.active_item()
    started = parse_time(item.taken_up_at) if item is not None else None
    if item is None or started is None:
        return None
    used = max(0.0, (session.server_now() - started).total_seconds())
    planned = item.duration_min * 60.0 if item.duration_min else None
    return used, planned


class ItemTimer(QWidget):
    def __init__(self, session: MeetingSession, *, object_name: str = "itemTimer",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.text: QLabel = label("", object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        session.snapshot_changed.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self, *_args: object) -> None:
        times = item_times(self._session)
        self.setVisible(times is not None)
        if times is None:
            return
        used, planned = times
        if planned is None:
            self.text.setText(self.tr("Nội dung đang thảo luận: %1").replace(
                "%1", duration_text(used)))
            set_state(self.text, "")
            return
        self.text.setText(self.tr("Nội dung đang thảo luận: %1 / dự kiến %2")
                          .replace("%1", duration_text(used))
                          .replace("%2", duration_text(planned)))
        set_state(self.text, "over" if used > planned else
                  "warning" if used > planned - 60 else "")
