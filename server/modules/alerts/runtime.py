"""The alerts module's runtime objects: ingest rate limits and the rule scheduler; and the
invitation rule, registered as the meetings module's hook.

Invitations go through a hook rather than a scan: the alert is raised in the very unit of
work that published the meeting or added the participant (so it is exactly as durable as
the invitation, and live at once), no event log is re-read, and nothing published before
the server ran with alerts (the demo's meeting 1, created by ``init``) raises anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from server.modules.alerts.ingest import RateLimits
from server.modules.alerts.queries import meeting_invitation
from server.modules.alerts.rules import RuleScheduler, scan_interval
from server.modules.meetings.queries import on_invited

if TYPE_CHECKING:
    from server.services import Services


@dataclass
class AlertsRuntime:
    limits: RateLimits
    scheduler: RuleScheduler


def setup_alerts(services: Services) -> None:
    runtime = AlertsRuntime(RateLimits(), RuleScheduler(services, scan_interval()))
    services.extra["alerts"] = runtime
    services.on_start.append(runtime.scheduler.start)
    services.on_shutdown.append(runtime.scheduler.stop)
    on_invited(services, meeting_invitation)
