"""Alerts on the wire: the HTTP ingest body, the commands and the event.

PROTOCOL.md "Alerts" is binding; ``docs/protocol.md`` (Alerts) tells the
whole story. The ingest body is decoded strictly (unknown fields refused):
it comes from other systems, not from our terminals, and a typo there should
fail loudly rather than raise a half-empty alert.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events

AlertLevel = Literal["info", "warning", "critical"]
LEVELS: tuple[str, ...] = ("info", "warning", "critical")
AudienceRole = Literal["admin", "office", "leader", "operator"]
AlertTitle = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
AlertBody = Annotated[str, msgspec.Meta(max_length=4000)]
Link = Annotated[str, msgspec.Meta(
    max_length=2000,
    pattern=r"^((meeting|directive|registry|camera):[1-9][0-9]{0,15}|https?://\S+)$")]
"""``meeting:12``, ``directive:3``, ``registry:5``, ``camera:2`` or an outside URL."""
IdList = Annotated[list[Id], msgspec.Meta(max_length=10_000)]

INGEST_LIMIT = 64 << 10
"""Largest ``POST /api/alerts`` body (bytes); more → 413."""


class Audience(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    user_ids: IdList = msgspec.field(default_factory=list)
    unit_ids: IdList = msgspec.field(default_factory=list)
    roles: Annotated[list[AudienceRole], msgspec.Meta(max_length=4)] = msgspec.field(
        default_factory=list)

    def empty(self) -> bool:
        return not (self.user_ids or self.unit_ids or self.roles)


DEFAULT_AUDIENCE = Audience(roles=["operator", "leader"])
"""Who gets a posted alert that names no audience (PROTOCOL.md)."""


class AlertPost(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """The body of ``POST /api/alerts``."""

    level: AlertLevel
    title: AlertTitle
    body: AlertBody = ""
    link: Link | None = None
    audience: Audience | None = None


class AlertList(Payload, kw_only=True):
    TYPE: ClassVar[str] = "alert.list"
    unacknowledged: bool = False
    limit: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 200


class AlertAck(Payload, kw_only=True):
    TYPE: ClassVar[str] = "alert.ack"
    alert_id: Id


ALERT_RAISED = "alert.raised"
ALERT_ACKNOWLEDGED = "alert.acknowledged"


class AlertRaised(EventData):
    """On each recipient's ``user:<id>``."""

    NAME: ClassVar[str] = ALERT_RAISED
    alert_id: int
    level: str
    title: str
    body: str
    link: str | None
    source: str
    raised_at: str


class AlertAcknowledged(EventData):
    """On the user's own topic: their other terminals update the badge."""

    NAME: ClassVar[str] = ALERT_ACKNOWLEDGED
    alert_id: int
    acknowledged_at: str


register_events(AlertRaised, AlertAcknowledged)

ALERT_PAYLOADS: dict[str, type[Payload]] = {
    "alert.list": AlertList,
    "alert.ack": AlertAck,
}
