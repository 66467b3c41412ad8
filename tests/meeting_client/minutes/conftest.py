"""The minutes editor against a real server: a real bridge thread, account and session."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.models.session import MeetingSession
from meeting_client.ui.minutes_editor import MinutesEditor
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient

WAIT = 20_000


@dataclass
class Terminal:
    editor: MinutesEditor
    session: MeetingSession
    bridge: Bridge
    account: Account  # owns the session: keep it alive
    server: LiveServer


def protocol(url: str, user: str, *steps: tuple[str, dict[str, Any]]) -> list[Any]:
    """Run commands as ``user`` with a plain client (other terminals, delegates)."""
    async def go() -> list[Any]:
        client = await WsClient.signed_in(url, user)
        try:
            return [await client.act(type_, **fields) for type_, fields in steps]
        finally:
            await client.close()

    return asyncio.run(go())


@pytest.fixture
def open_editor(qtbot, live_server: LiveServer) -> Iterator[Callable[[str], Terminal]]:
    """``open_editor("clerk")``: signed in, meeting 1 open, editor loaded."""
    bridges: list[Bridge] = []

    def start(user: str = "clerk") -> Terminal:
        bridge = Bridge()
        bridge.start()
        bridges.append(bridge)
        account = Account(bridge)
        with qtbot.waitSignal(account.signed_in, timeout=WAIT):
            account.sign_in(live_server.url, user, "demo")
        with qtbot.waitSignal(account.meetings_loaded, timeout=WAIT):
            account.load_meetings()
        with qtbot.waitSignal(account.meeting_opened, timeout=WAIT) as opened:
            account.open_meeting(1)
        session: MeetingSession = opened.args[0]
        qtbot.waitUntil(lambda: session.online, timeout=WAIT)
        editor = MinutesEditor(session, bridge)
        qtbot.addWidget(editor)
        editor.resize(1600, 900)
        editor.show()
        qtbot.waitUntil(lambda: editor.current_key() is not None, timeout=WAIT)
        return Terminal(editor, session, bridge, account, live_server)

    yield start
    for bridge in bridges:
        bridge.stop()

