"""The hall screen: what the chair shows to the chamber (extension)."""

from __future__ import annotations

from typing import ClassVar, Literal

from meeting_protocol.commands import Id, Payload

HallView = Literal["auto", "item", "speaker", "result", "attendance"]
HALL_VIEW = "hall.view"


class HallShow(Payload):
    TYPE: ClassVar[str] = "hall.show"
    meeting_id: Id
    view: HallView
    poll_id: Id | None = None
    """With ``result``: which closed poll (default: the latest)."""
