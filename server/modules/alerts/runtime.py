"""The alerts module's runtime objects: ingest rate limits and the rule scheduler."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from server.modules.alerts.ingest import RateLimits
from server.modules.alerts.rules import RuleScheduler, scan_interval

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
