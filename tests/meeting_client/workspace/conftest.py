"""The real client window signed in against the live server, landing on the workspace."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_client.app import build
from meeting_client.ui.main_window import ClientOptions
from tests.support.wsclient import WsClient

WAIT = 20_000


def protocol_call(url: str, user: str, type_: str, user_password: str = "demo",
                  **fields: Any) -> Any:
    """One command through a plain protocol client (the server's view of things)."""
    async def go() -> Any:
        client = await WsClient.signed_in(url, user, user_password)
        try:
            return await client.act(type_, **fields)
        finally:
            await client.close()

    return asyncio.run(go())


@pytest.fixture
def workspace_window(qtbot: Any, live_server: Any, tmp_path: Any) -> Any:
    """``workspace_window(user, password="demo", size=(1280, 800), wait=True)``."""
    bridges: list[Any] = []

    def start(user: str, password: str = "demo", *, size: tuple[int, int] = (1280, 800),
              wait: bool = True) -> Any:
        settings = QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat)
        options = ClientOptions(server=live_server.url, user=user, password=password)
        window, bridge, _account = build(options, settings=settings)
        bridges.append(bridge)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.start()
        if wait:
            qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace
                            and bool(window.workspace.module_keys()), timeout=WAIT)
        return window

    yield start
    for bridge in bridges:
        bridge.stop()
