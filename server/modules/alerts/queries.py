"""What other modules may ask of the alerts module: raise an alert inside their own
unit of work, and add a rule to the scheduler.

``raise_alert`` runs inside the caller's transaction, so the alert, its
recipients, its ``alert.raised`` events and the caller's own change commit
together or not at all. A ``rule_key`` makes the firing unique: the same key
again (after a restart too) raises nothing.

Hooks for modules that do not exist yet (their helpers call these):

- meeting preparation: :func:`meeting_invitation` when a participant is added
  to a published meeting (or when a meeting with participants is published),
  registered by ``runtime.setup_alerts`` as the meetings module's ``on_invited`` hook;
- cameras: :func:`camera_down` once a camera has been down for a minute;
- directives: :func:`directive_due` (due tomorrow) and :func:`directive_overdue`
  from a rule they register with :func:`add_rule` (checked every scan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, select

from meeting_protocol.alerts import AlertRaised
from meeting_protocol.documents import user_topic
from meeting_protocol.roles import OPERATOR
from server.modules.alerts import audience
from server.modules.alerts.tables import alert_recipients, alerts
from server.storage.prepared import Prepared

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

SERVER_SOURCE = "server"
"""``source`` of the alerts the server's own rules raise."""

Rule = Callable[["Tx"], None]

_FIRED = Prepared(select(alerts.c.id).where(alerts.c.rule_key == bindparam("key")))
_ALERT = Prepared(insert(alerts).values(
    {c: bindparam(c) for c in ("level", "title", "body", "link", "source", "raised_at",
                               "source_id", "idempotency_key", "rule_key")}
).returning(alerts.c.id))
_RECIPIENT = Prepared(insert(alert_recipients).values(
    alert_id=bindparam("alert_id"), user_id=bindparam("user_id")))


def raise_alert(tx: Tx, *, level: str, title: str, body: str = "", link: str | None = None,
                source: str = SERVER_SOURCE, user_ids: Iterable[int] = (),
                unit_ids: Iterable[int] = (), roles: Iterable[str] = (),
                rule_key: str | None = None, source_id: int | None = None,
                idempotency_key: str | None = None,
                recipients: list[int] | None = None) -> int | None:
    """Store an alert, resolve its recipients and emit ``alert.raised`` to each.

    Returns the alert's id, or None when ``rule_key`` has already fired.
    Recipients are resolved now (``recipients``: already resolved by the caller);
    an alert with none is still stored (it fired).
    """
    if rule_key is not None and _FIRED.first(tx.conn, {"key": rule_key}) is not None:
        return None
    if recipients is None:
        recipients = audience.resolve(tx.conn, user_ids=user_ids, unit_ids=unit_ids,
                                      roles=roles)
    alert_id = int(_ALERT.scalar(tx.conn, {
        "level": level, "title": title, "body": body, "link": link, "source": source,
        "raised_at": tx.now_iso, "source_id": source_id, "idempotency_key": idempotency_key,
        "rule_key": rule_key}))
    if recipients:
        _RECIPIENT.many(tx.conn, [{"alert_id": alert_id, "user_id": u} for u in recipients])
    tx.emit_many([user_topic(u) for u in recipients], AlertRaised(
        alert_id=alert_id, level=level, title=title, body=body, link=link, source=source,
        raised_at=tx.now_iso))
    return alert_id


def add_rule(services: Services, rule: Rule) -> None:
    """Run ``rule(tx)`` in its own unit of work at every scan (``MEETING_ALERT_SCAN_S``)."""
    services.extra["alerts"].scheduler.rules.append(rule)


# --- hooks for other modules --------------------------------------------------------------


def meeting_invitation(tx: Tx, meeting_id: int, title: str, starts_at: str,
                       user_ids: Iterable[int]) -> list[int]:
    """Invite each user to a published meeting, once per user and meeting."""
    raised = []
    for user_id in user_ids:
        alert_id = raise_alert(
            tx, level="info", title=f"Giấy mời họp: {title}",
            body=f"Thời gian: {_local_time(starts_at)}", link=f"meeting:{meeting_id}",
            user_ids=[user_id],
            rule_key=f"invited:{meeting_id}:{user_id}")
        if alert_id is not None:
            raised.append(alert_id)
    return raised


def _local_time(iso: str) -> str:
    """"08:00 ngày 07/12/2026" (Asia/Ho_Chi_Minh) from a stored ISO time; as is if odd."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is None:
        return iso
    local = when.astimezone(LOCAL)
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def camera_down(tx: Tx, camera_id: int, name: str, down_since: str) -> int | None:
    """A camera down for more than a minute (to operators); once per outage."""
    return raise_alert(tx, level="critical", title=f"Mất tín hiệu camera: {name}",
                       body=f"Mất tín hiệu từ {down_since}.", link=f"camera:{camera_id}",
                       roles=[OPERATOR], rule_key=f"camera-down:{camera_id}:{down_since}")


def directive_due(tx: Tx, directive_id: int, content: str, deadline: str,
                  user_ids: Iterable[int] = (), unit_ids: Iterable[int] = ()) -> int | None:
    """A directive due soon (to its assignee, or its unit); once per directive and deadline."""
    return raise_alert(tx, level="warning", title="Chỉ đạo sắp đến hạn",
                       body=f"{content[:300]} — hạn {deadline}", link=f"directive:{directive_id}",
                       user_ids=user_ids, unit_ids=unit_ids,
                       rule_key=f"directive-due:{directive_id}:{deadline}")


def directive_overdue(tx: Tx, directive_id: int, content: str, deadline: str,
                      user_ids: Iterable[int] = (), unit_ids: Iterable[int] = ()
                      ) -> int | None:
    """A directive past its deadline; once per directive and deadline."""
    return raise_alert(tx, level="critical", title="Chỉ đạo quá hạn",
                       body=f"{content[:300]} — hạn {deadline}", link=f"directive:{directive_id}",
                       user_ids=user_ids, unit_ids=unit_ids,
                       rule_key=f"directive-overdue:{directive_id}:{deadline}")



def alert_row(row: Any) -> dict[str, Any]:
    return {"alert_id": row.id, "level": row.level, "title": row.title, "body": row.body,
            "link": row.link, "source": row.source, "raised_at": row.raised_at,
            "acknowledged_at": row.acknowledged_at}
