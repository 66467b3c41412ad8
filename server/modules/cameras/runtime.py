"""The cameras module's runtime objects: the health monitor and the watch relays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web

from server.modules.cameras.monitor import CameraMonitor, MonitorSettings
from server.modules.cameras.watch import PATH, Watching, watch_ttl

if TYPE_CHECKING:
    from server.services import Services


@dataclass
class CamerasRuntime:
    monitor: CameraMonitor
    watching: Watching


def setup_cameras(services: Services) -> None:
    watching = Watching(watch_ttl())
    runtime = CamerasRuntime(
        CameraMonitor(services, MonitorSettings.from_env(), watching.streaming), watching)
    services.extra["cameras"] = runtime
    services.on_start.append(runtime.monitor.start)
    services.on_shutdown.append(runtime.monitor.stop)
    services.on_shutdown.append(runtime.watching.stop)


def api_routes(services: Services) -> list[web.RouteDef]:
    return [web.get(PATH, services.extra["cameras"].watching.handle)]
