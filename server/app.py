"""Composition root: builds the server's objects and runs it."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from websockets.asyncio.server import ServerConnection, serve

from server.config import Settings
from server.dispatch import Registry
from server.gc_tuning import tune_gc
from server.module import Module
from server.modules import all_modules, upgrade_schema
from server.modules.accounts import service as accounts_service
from server.modules.accounts.passwords import LoginThrottle, Passwords
from server.modules.meetings.queries import MeetingMembership
from server.modules.meetings.snapshot import SnapshotCache
from server.paperwork import workdays
from server.services import Services
from server.storage.committer import Committer
from server.storage.db import blob_dir_for, make_engine
from server.storage.sidestore import make_side_engine, restrict_files
from server.storage.sidestore import metadata as side_metadata
from server.transport.api import HttpApi
from server.transport.connection import ClientConnection, make_process_request
from server.transport.fanout import Hub
from server.transport.limits import Connections, connection_limit, raise_file_limit
from server.transport.tls import server_context

log = logging.getLogger(__name__)


def build_registry(modules: tuple[Module, ...] | None = None) -> Registry:
    return Registry(m.commands for m in (modules or all_modules()) if m.commands is not None)


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class DemoPasswordsExposed(RuntimeError):
    pass


class MeetingServer:
    """One server process: database thread, hub, WebSocket listener."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.tls = (server_context(Path(settings.tls_cert), Path(settings.tls_key or ""))
                    if settings.tls_cert else None)
        """None: plain ``ws://`` (loopback, or a network the council already trusts)."""
        self.engine = engine or make_engine(settings.db_url)
        upgrade_schema(self.engine)
        self.modules = all_modules()
        self.side_engine = make_side_engine(settings.db_url)
        side_metadata.create_all(self.side_engine)
        restrict_files(settings.db_url, blob_dir_for(settings.db_url))
        self.hub = Hub()
        self.committer = Committer(self.engine, self.hub.publish, side=self.side_engine,
                                   mix_min=settings.ballot_batch_min,
                                   mix_window_s=settings.ballot_batch_window_s)
        self.registry = build_registry(self.modules)
        self.services = Services(
            settings=settings, committer=self.committer, hub=self.hub,
            passwords=Passwords(time_cost=settings.argon2_time_cost,
                                memory_kib=settings.argon2_memory_kib),
            throttle=LoginThrottle(settings.login_free_failures,
                                   base=settings.login_base_delay_s,
                                   max_delay=settings.login_max_delay_s),
            cpu=ThreadPoolExecutor(max_workers=2, thread_name_prefix="argon2"),
            membership=MeetingMembership(),
            snapshots=SnapshotCache({field: part for m in self.modules
                                     for field, part in m.snapshot.items()}),
            meeting_end_guards=tuple(g for m in self.modules for g in m.meeting_end_guards),
        )
        soft, hard = raise_file_limit()
        limit = connection_limit(soft, settings.max_connections)
        log.info("file descriptors: soft limit %d (hard %s); at most %d connections",
                 soft, "unlimited" if hard < 0 else hard, limit)
        self.services.connections = Connections(settings, limit)
        self.services.on_shutdown.append(lambda: self.services.cpu.shutdown(wait=False))
        workdays.warm_up(datetime.now(UTC).date())  # before descriptors can run short
        for module in self.modules:
            if module.setup is not None:
                module.setup(self.services)
        self.http_routes = {prefix: route(self.services) for m in self.modules
                            for prefix, route in m.http.items()}
        """Path prefix → handler, for plain HTTP on the WebSocket port."""
        self.port: int | None = None

    def check_demo_exposure(self) -> None:
        if self.settings.allow_demo or is_loopback(self.settings.host):
            return
        with self.engine.connect() as conn:
            if accounts_service.has_demo_users(conn):
                raise DemoPasswordsExposed(
                    "The database holds demo accounts (password 'demo'); refusing to listen on "
                    f"{self.settings.host}. Use --allow-demo to do it anyway."
                )

    async def _handler(self, ws: ServerConnection) -> None:
        await ClientConnection(ws, self.services, self.registry).serve()

    def _api(self) -> HttpApi:
        s = self.settings
        port = s.api_port if s.api_port is not None else (s.port + 1 if s.port else 0)
        routes = [r for m in self.modules if m.api is not None for r in m.api(self.services)]
        return HttpApi(routes, host=s.host, port=port, tls=self.tls)

    async def run(self, stop: asyncio.Event, on_ready: Callable[[int], None] | None = None,
                  on_api: Callable[[str], None] | None = None) -> None:
        """Serve until ``stop`` is set, then shut down gracefully.

        Shutdown stops accepting, finishes every queued commit (so every
        command already received is answered), then closes terminals with 1001.
        """
        self.check_demo_exposure()
        s = self.settings
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(OnceLogger(loop.default_exception_handler))
        self.committer.start(loop)
        for start_module in self.services.on_start:
            start_module()
        api = self._api()
        await api.start()
        self.services.api_url = api.url
        if on_api:
            on_api(api.url)
        async with serve(
            self._handler, s.host, s.port,
            process_request=make_process_request(self.services, self.http_routes),
            max_size=s.max_text_frame, compression=None,
            ping_interval=s.ping_interval_s, ping_timeout=s.ping_timeout_s,
            max_queue=64, backlog=s.listen_backlog, ssl=self.tls,
        ) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            connections = self.services.connections
            assert connections is not None
            connections.server = server
            sweeper = loop.create_task(self._sweep(connections))
            if on_ready:
                on_ready(self.port)
            await stop.wait()
            sweeper.cancel()
            log.info("shutting down")
            server.server.close()  # stop listening; terminals stay connected for now
            await loop.run_in_executor(None, self.committer.stop, s.shutdown_timeout_s)
            await asyncio.sleep(0)  # let the last completion callbacks write their replies
            server.close(close_connections=True)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(server.wait_closed(), s.shutdown_timeout_s)
        await api.stop()
        for stop_module in self.services.on_shutdown:
            stop_module()
        self.engine.dispose()
        self.side_engine.dispose()


    async def _sweep(self, connections: Connections) -> None:
        """Close connections that never signed in and sessions that expired."""
        every = max(0.2, min(5.0, self.settings.auth_timeout_s / 4))
        while True:
            await asyncio.sleep(every)
            try:
                connections.sweep()
            except Exception:
                log.exception("connection sweep failed")


class OnceLogger:
    """The loop's exception handler, logging a repeated message once per minute.

    When descriptors run out asyncio reports every failed ``accept()``;
    issue 12 saw ~100 MB of log in 20 s. The first report of a message is
    logged in full; repeats within a minute are counted and summarised.
    """

    def __init__(self, default: Callable[[dict[str, object]], None]) -> None:
        self._default = default
        self._last: dict[str, tuple[float, int]] = {}

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        message = str(context.get("message", ""))
        now = loop.time()
        last, suppressed = self._last.get(message, (-1e9, 0))
        if now - last < 60.0:
            self._last[message] = (last, suppressed + 1)
            return
        if suppressed:
            log.warning("%s: %d more time(s) in the last minute", message, suppressed)
        self._last[message] = (now, 0)
        exc = context.get("exception")
        if isinstance(exc, OSError):  # descriptors ran out, a socket died: one line
            log.warning("%s: %s (repeats are counted for a minute)", message, exc)
            return
        self._default(context)


def run_forever(settings: Settings, on_ready: Callable[[int], None] | None = None,
                on_api: Callable[[str], None] | None = None) -> None:
    os.umask(0o077)  # database, journal, WAL and documents: the server's account only

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        server = MeetingServer(settings)
        tune_gc()
        await server.run(stop, on_ready, on_api)

    asyncio.run(main())
