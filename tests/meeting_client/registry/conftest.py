"""The registry pages against a real server: a real bridge thread and account."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.registry_data import write_csv
from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.ui.registry.registry_page import RegistryPage
from tests.meeting_client.workspace.conftest import workspace_window  # noqa: F401 (fixture)
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient

WAIT = 20_000
SEEDED = 300


@dataclass
class Terminal:
    page: RegistryPage
    bridge: Bridge
    account: Account
    user_id: int


def protocol(url: str, user: str, *steps: tuple[str, dict[str, Any]]) -> list[Any]:
    """Run commands as ``user`` with a plain client (another terminal)."""
    async def go() -> list[Any]:
        client = await WsClient.signed_in(url, user)
        try:
            return [await client.act(type_, **fields) for type_, fields in steps]
        finally:
            await client.close()

    return asyncio.run(go())


def read(url: str, user: str, type_: str, **fields: Any) -> Any:
    async def go() -> Any:
        client = await WsClient.signed_in(url, user)
        try:
            return await client.call(type_, **fields)
        finally:
            await client.close()

    return asyncio.run(go())


@pytest.fixture
def seeded_server(live_server: LiveServer, tmp_path: Path) -> LiveServer:
    """The demo server with a register of ``SEEDED`` generated entries (imported beside it)."""
    path = write_csv(tmp_path / "register.csv", SEEDED)
    subprocess.run([sys.executable, "-m", "server.cli", "registry", "import", str(path),
                    "--db", live_server.db_url], check=True, capture_output=True, timeout=120)
    return live_server


@pytest.fixture
def open_registry(qtbot, seeded_server: LiveServer) -> Iterator[Callable[[str], Terminal]]:
    bridges: list[Bridge] = []

    def start(user: str = "admin") -> Terminal:
        bridge = Bridge()
        bridge.start()
        bridges.append(bridge)
        account = Account(bridge)
        with qtbot.waitSignal(account.signed_in, timeout=WAIT) as signed:
            account.sign_in(seeded_server.url, user, "demo")
        me = signed.args[0]
        user_id = int(me.id)
        page = RegistryPage(bridge, office=user == "admin", user_id=user_id)
        qtbot.addWidget(page)
        page.resize(1600, 900)
        page.show()
        page.start()
        qtbot.waitUntil(lambda: page.register.model.total > 0, timeout=WAIT)
        return Terminal(page, bridge, account, user_id)

    yield start
    for bridge in bridges:
        bridge.stop()
