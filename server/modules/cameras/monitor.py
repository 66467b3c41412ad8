"""The camera health monitor: probes every camera at an interval, off the event loop.

States (PROTOCOL.md "Cameras"; docs/protocol.md tells the story):

- ``idle``: registered, not probed yet;
- ``connecting``: its first probe is under way (a camera already ``live`` or ``down``
  keeps that state while it is probed again, so a dead camera does not fill the log
  with ``connecting``/``down`` pairs every round);
- ``live``: the last probe read its streams;
- ``down``: the last probe failed or timed out.

A camera being watched (its ``camera.watch`` relay read from it lately) counts as
``live`` without a probe.

Each change is one ``camera.state`` event on the operators' topic ``cameras``. A
camera down for longer than ``down_after`` raises one critical alert to the
operators through the alerts module, in the same transaction as the firing; the
outage is named by ``down_since`` (kept in the table across restarts, cleared
when the camera is live again), so a restart in between raises nothing new and a
later outage raises a new alert.

Settings (environment, seconds): ``MEETING_CAMERA_PROBE_S`` (interval, default
10), ``MEETING_CAMERA_PROBE_TIMEOUT_S`` (default 8), ``MEETING_CAMERA_DOWN_S``
(threshold, default 60).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from meeting_protocol.cameras import CAMERA_TOPIC, CameraStateChanged
from server.modules.alerts.queries import camera_down
from server.modules.cameras.probe import probe
from server.modules.cameras.tables import cameras

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

PARALLEL = 8
"""Probes at once (each is an ffprobe process)."""


def _seconds(name: str, default: float, least: float) -> float:
    try:
        return max(least, float(os.environ.get(name, str(default))))
    except ValueError:
        return default


@dataclass(frozen=True)
class MonitorSettings:
    interval: float = 10.0
    timeout: float = 8.0
    down_after: float = 60.0

    @classmethod
    def from_env(cls) -> MonitorSettings:
        return cls(interval=_seconds("MEETING_CAMERA_PROBE_S", 10.0, 0.2),
                   timeout=_seconds("MEETING_CAMERA_PROBE_TIMEOUT_S", 8.0, 0.5),
                   down_after=_seconds("MEETING_CAMERA_DOWN_S", 60.0, 0.0))


def _set_state(tx: Tx, row: Any, state: str) -> None:
    if state == "down":
        down_since = row.down_since or tx.now_iso
    elif state == "live":
        down_since = None
    else:
        down_since = row.down_since
    tx.conn.execute(update(cameras).where(cameras.c.id == row.id).values(
        state=state, state_since=tx.now_iso, down_since=down_since))
    tx.emit(CAMERA_TOPIC, CameraStateChanged(camera_id=row.id, state=state, since=tx.now_iso))


def _long_down(tx: Tx, down_after: timedelta) -> None:
    """Raise the camera-down alert for each outage older than ``down_after`` (once each)."""
    rows = tx.conn.execute(select(cameras.c.id, cameras.c.name, cameras.c.down_since)
                           .where(cameras.c.state == "down",
                                  cameras.c.down_since.is_not(None))).all()
    for row in rows:
        since = datetime.fromisoformat(row.down_since.replace("Z", "+00:00"))
        if tx.now - since >= down_after:
            camera_down(tx, row.id, row.name, row.down_since)


class CameraMonitor:
    """Probes every camera each ``interval``; stops with the server."""

    def __init__(self, services: Services, settings: MonitorSettings,
                 streaming: Callable[[int, float], bool] = lambda _c, _w: False) -> None:
        self.services = services
        self.settings = settings
        self.streaming = streaming
        """``(camera_id, within)``: a watch relay read this camera lately (then it is live
        without a probe: some cameras take few sessions, and a UDP source one reader)."""
        self.rounds = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._loop())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.round()
            except RuntimeError:
                return  # the committer has stopped: the server is shutting down
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("camera probe round failed")
            await asyncio.sleep(self.settings.interval)

    async def round(self) -> None:
        """Probe every camera once and record what changed."""
        run = self.services.committer.run
        rows = await run(lambda tx: tx.conn.execute(
            select(cameras.c.id, cameras.c.url, cameras.c.state)).all())
        if not rows:
            self.rounds += 1
            return
        if any(r.state == "idle" for r in rows):
            await run(self._connecting)
        gate = asyncio.Semaphore(PARALLEL)

        async def one(row: Any) -> bool:
            if self.streaming(row.id, max(5.0, 2 * self.settings.interval)):
                return True
            async with gate:
                return await probe(row.url, self.settings.timeout)

        results = await asyncio.gather(*(one(r) for r in rows))
        verdict = {r.id: ok for r, ok in zip(rows, results, strict=True)}
        await run(lambda tx: self._record(tx, verdict))
        self.rounds += 1

    @staticmethod
    def _connecting(tx: Tx) -> None:
        for row in tx.conn.execute(select(cameras).where(cameras.c.state == "idle")).all():
            _set_state(tx, row, "connecting")

    def _record(self, tx: Tx, verdict: dict[int, bool]) -> None:
        rows = tx.conn.execute(select(cameras).where(cameras.c.id.in_(list(verdict)))).all()
        for row in rows:  # a camera removed meanwhile is simply gone
            state = "live" if verdict[row.id] else "down"
            if state != row.state:
                log.info("camera %s (%d) is %s", row.name, row.id, state)
                _set_state(tx, row, state)
        _long_down(tx, timedelta(seconds=self.settings.down_after))

