"""The operators' cameras: their list and live states (``camera.subscribe``), and watch URLs.

No source URL ever reaches the terminal: ``camera.watch`` answers with an expiring
URL on the server, which the player opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_protocol import cameras as cp
from meeting_protocol.commands import Payload

from .port import CommandPort


@dataclass(slots=True)
class Camera:
    camera_id: int
    name: str
    group: str
    state: str


class CameraStore(QObject):
    """What the cameras page shows; follows the ``cameras`` topic once started."""

    changed = Signal()
    watch_ready = Signal(int, str)
    """(camera_id, url) — a URL streaming that camera until it expires."""
    failed = Signal(str)

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.cameras: list[Camera] = []
        self.loaded = False
        self._pending: dict[int, tuple[str, int]] = {}
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        port.events_received.connect(self.on_port_events)
        state = getattr(port, "connection_state_changed", None)
        if state is not None:
            state.connect(self.on_port_connection_state_changed)

    def _request(self, kind: str, payload: Payload, camera_id: int = 0) -> None:
        self._pending[self._port.send_request(payload)] = (kind, camera_id)

    def start(self) -> None:
        self._request("subscribe", cp.CameraSubscribe(since=0))
        self.reload()

    def reload(self) -> None:
        self._request("list", cp.CameraList())

    def watch(self, camera_id: int, *, sub: bool = False) -> None:
        self._request("watch", cp.CameraWatch(camera_id=camera_id, sub=sub), camera_id)

    def camera(self, camera_id: int) -> Camera | None:
        return next((c for c in self.cameras if c.camera_id == camera_id), None)

    def on_port_command_finished(self, token: int, data: Any) -> None:
        kind, camera_id = self._pending.pop(token, ("", 0))
        if kind == "list":
            self.cameras = [Camera(c["camera_id"], c["name"], c["group"], c["state"])
                            for c in data.get("cameras", [])]
            self.loaded = True
            self.changed.emit()
        elif kind == "watch":
            self.watch_ready.emit(camera_id, data["url"])

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        kind, _ = self._pending.pop(token, ("", 0))
        if kind:
            self.failed.emit(message)

    def on_port_events(self, events: list[Any]) -> None:
        touched = False
        for e in events:
            if getattr(e, "topic", None) != cp.CAMERA_TOPIC or e.event != cp.CAMERA_STATE:
                continue
            camera = self.camera(int(e.data["camera_id"]))
            if camera is None:
                self.reload()  # a camera registered since the list was fetched
                return
            camera.state = str(e.data["state"])
            touched = True
        if touched:
            self.changed.emit()

    def on_port_connection_state_changed(self, state: str) -> None:
        if state == "connected" and self.loaded:
            self.start()  # a dropped connection's subscription is gone
