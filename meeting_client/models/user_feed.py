"""Following the signed-in user's own topic (``user:<id>``) for alerts and messages.

``user.subscribe`` with the last ``seq`` seen replays what was missed while the
terminal was away; a ``reset`` answer means "refresh instead" (``alert.list``,
``message.conversations``). Events arrive through the bridge's
``events_received`` (wired by :func:`attach`); each is passed on once, in
order — the documents engine may subscribe the same topic on the same
connection, so a replayed event can come twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from meeting_client.models.port import CommandPort
from meeting_protocol.documents import UserSubscribe

if TYPE_CHECKING:
    from meeting_client.bridge import Bridge


class UserFeed(QObject):
    event_received = Signal(object)
    """(Event) — one event of the user's topic, each seq once."""
    reset = Signal()
    """The server could not replay what was missed: refresh from lists."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.topic: str | None = None
        self.seq = 0
        self._token: int | None = None
        self._was_connected = True
        port.command_finished.connect(self.on_port_command_finished)

    def detach(self) -> None:
        """Stop listening to the port (before this object is deleted)."""
        self._port.command_finished.disconnect(self.on_port_command_finished)

    def start(self) -> None:
        """Subscribe (again) from the last seq seen."""
        self._token = self._port.send_request(UserSubscribe(since=self.seq))

    def on_port_command_finished(self, token: int, data: Any) -> None:
        if token != self._token:
            return
        self._token = None
        self.topic = str(data["topic"])
        if data.get("reset"):
            self.seq = int(data["seq"])
            self.reset.emit()

    def on_events(self, events: list[Any]) -> None:
        for event in events:
            if self.topic is None or event.topic != self.topic or event.seq <= self.seq:
                continue
            self.seq = event.seq
            self.event_received.emit(event)

    def on_connection_state(self, state: str) -> None:
        """After a reconnect the server has forgotten the subscription: renew it."""
        if state == "connected" and not self._was_connected:
            self.start()
        self._was_connected = state == "connected"


def attach(feed: UserFeed, bridge: Bridge) -> None:
    bridge.events_received.connect(feed.on_events)
    bridge.connection_state_changed.connect(feed.on_connection_state)
