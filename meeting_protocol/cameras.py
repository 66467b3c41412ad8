"""Cameras on the wire: ``camera.list``, ``camera.subscribe``, ``camera.watch`` and the
``camera.state`` event.

PROTOCOL.md "Cameras" is binding; ``docs/protocol.md`` (Cameras) tells the whole
story. Nothing here ever carries a source URL: those stay on the server.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events

CameraState = Literal["idle", "connecting", "live", "down"]
STATES: tuple[str, ...] = ("idle", "connecting", "live", "down")

CAMERA_TOPIC = "cameras"
"""The operators' topic: every camera's state changes (``camera.subscribe``)."""


class CameraList(Payload):
    TYPE: ClassVar[str] = "camera.list"


class CameraSubscribe(Payload):
    """Follow ``cameras`` like ``user.subscribe``: the missed events, then live ones."""

    TYPE: ClassVar[str] = "camera.subscribe"
    since: Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] = 0


class CameraWatch(Payload):
    """→ ``{url, expires_at}``: an ``http(s)://`` URL on the server streaming MPEG-TS."""

    TYPE: ClassVar[str] = "camera.watch"
    camera_id: Id
    sub: bool = False


CAMERA_STATE = "camera.state"


class CameraStateChanged(EventData):
    """On ``cameras``: a camera's health changed (``since``: when it entered ``state``)."""

    NAME: ClassVar[str] = CAMERA_STATE
    camera_id: int
    state: str
    since: str


register_events(CameraStateChanged)

CAMERA_PAYLOADS: dict[str, type[Payload]] = {
    "camera.list": CameraList,
    "camera.subscribe": CameraSubscribe,
    "camera.watch": CameraWatch,
}
