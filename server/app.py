"""Composition root: builds the server's objects and runs it."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import signal
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy.engine import Engine
from websockets.asyncio.server import ServerConnection, serve

from server.config import Settings
from server.dispatch import Registry
from server.fanout import Hub
from server.gc_tuning import tune_gc
from server.minutes.commands import commands as minutes_commands
from server.modules.accounts import service as accounts_service
from server.modules.accounts.commands import commands as accounts_commands
from server.modules.accounts.passwords import LoginThrottle, Passwords
from server.modules.documents.commands import commands as documents_commands
from server.modules.documents.store import BlobStore
from server.modules.documents.transfer import DocumentRuntime, Transfers
from server.modules.hall.commands import commands as hall_commands
from server.modules.meetings.commands import commands as meetings_commands
from server.modules.org.commands import commands as org_commands
from server.modules.speakers.commands import commands as speakers_commands
from server.modules.voting.commands import commands as voting_commands
from server.modules.voting.progress import ProgressCoalescer
from server.services import Services
from server.storage.committer import Committer
from server.storage.db import blob_dir_for, make_engine
from server.storage.migrate import upgrade
from server.tls import server_context
from server.transport import ClientConnection, make_process_request

log = logging.getLogger(__name__)


def build_registry() -> Registry:
    return Registry([accounts_commands, meetings_commands, speakers_commands, voting_commands,
                     documents_commands, minutes_commands, hall_commands, org_commands])


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
        upgrade(self.engine)
        self.hub = Hub()
        self.committer = Committer(self.engine, self.hub.publish)
        self.registry = build_registry()
        self.services = Services(
            settings=settings, committer=self.committer, hub=self.hub,
            passwords=Passwords(time_cost=settings.argon2_time_cost,
                                memory_kib=settings.argon2_memory_kib),
            throttle=LoginThrottle(settings.login_free_failures),
            progress=ProgressCoalescer(self.committer, settings.progress_interval_s),
            cpu=ThreadPoolExecutor(max_workers=2, thread_name_prefix="argon2"),
        )
        blobs = BlobStore(blob_dir_for(settings.db_url))
        self.services.documents = DocumentRuntime(
            blobs=blobs,
            transfers=Transfers(blobs, max_upload=settings.max_upload,
                                max_inflight=settings.max_write_buffer // 2),
            executor=ThreadPoolExecutor(max_workers=2, thread_name_prefix="documents"),
            convert_timeout_s=settings.convert_timeout_s,
        )
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

    async def run(self, stop: asyncio.Event, on_ready: Callable[[int], None] | None = None) -> None:
        """Serve until ``stop`` is set, then shut down gracefully.

        Shutdown stops accepting, finishes every queued commit (so every
        command already received is answered), then closes terminals with 1001.
        """
        self.check_demo_exposure()
        s = self.settings
        loop = asyncio.get_running_loop()
        self.committer.start(loop)
        async with serve(
            self._handler, s.host, s.port,
            process_request=make_process_request(self.services),
            max_size=s.max_text_frame, compression=None,
            ping_interval=s.ping_interval_s, ping_timeout=s.ping_timeout_s,
            max_queue=64, backlog=s.listen_backlog, ssl=self.tls,
        ) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            if on_ready:
                on_ready(self.port)
            await stop.wait()
            log.info("shutting down")
            server.server.close()  # stop listening; terminals stay connected for now
            self.services.progress.close()
            await loop.run_in_executor(None, self.committer.stop, s.shutdown_timeout_s)
            await asyncio.sleep(0)  # let the last completion callbacks write their replies
            server.close(close_connections=True)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(server.wait_closed(), s.shutdown_timeout_s)
        self.services.cpu.shutdown(wait=False)
        if self.services.documents is not None:
            self.services.documents.executor.shutdown(wait=False)
        self.engine.dispose()


def run_forever(settings: Settings, on_ready: Callable[[int], None] | None = None) -> None:
    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        server = MeetingServer(settings)
        tune_gc()
        await server.run(stop, on_ready)

    asyncio.run(main())
