"""Coalesced ``poll.progress``: at most one event per poll every 250 ms.

Ballots only mark the poll dirty (on the loop, after their commit); a timer
then writes one progress event with the count read at that moment. The last
ballot is always followed by a progress event carrying the final count.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import TYPE_CHECKING, Any

from meeting_protocol import events as ev
from server.storage.committer import Committer, Tx

if TYPE_CHECKING:
    from server.services import Services


class ProgressCoalescer:
    def __init__(self, committer: Committer, interval: float = 0.25) -> None:
        self._committer = committer
        self._interval = interval
        self._last: dict[int, float] = {}
        self._pending: dict[int, asyncio.TimerHandle] = {}

    def mark(self, meeting_id: int, poll_id: int) -> None:
        if poll_id in self._pending:
            return
        loop = asyncio.get_running_loop()
        due = self._last.get(poll_id, 0.0) + self._interval
        delay = max(0.0, due - time.monotonic())
        self._pending[poll_id] = loop.call_later(delay, self._emit, meeting_id, poll_id)

    def _emit(self, meeting_id: int, poll_id: int) -> None:
        self._pending.pop(poll_id, None)
        self._last[poll_id] = time.monotonic()

        def unit(tx: Tx) -> None:
            from server.modules.voting.commands import cast_count
            from server.modules.voting.tables import polls

            row: Any = tx.conn.execute(
                polls.select().where(polls.c.id == poll_id)).first()
            if row is None or row.status != "open":
                return
            tx.emit(ev.meeting_topic(meeting_id), ev.PollProgress(
                poll_id=poll_id, cast=cast_count(tx.conn, poll_id), eligible=row.eligible))

        with contextlib.suppress(RuntimeError):  # shutting down
            self._committer.submit(unit, lambda _r, _e: None)

    def close(self) -> None:
        for handle in self._pending.values():
            handle.cancel()
        self._pending.clear()


def setup_progress(services: Services) -> None:
    """The voting module's runtime: one coalescer per server (manifest ``setup``)."""
    services.progress = ProgressCoalescer(services.committer,
                                          services.settings.progress_interval_s)
    services.on_shutdown.append(services.progress.close)
