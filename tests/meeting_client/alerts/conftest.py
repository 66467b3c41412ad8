"""A signed-in bridge with the user's feed, alert and message centres, on a live server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from meeting_client.bridge import Bridge
from meeting_client.models.alerts_model import AlertCenter
from meeting_client.models.messages_model import MessagesCenter
from meeting_client.models.user_feed import UserFeed, attach
from tests.meeting_client.workspace.conftest import workspace_window  # noqa: F401  (re-export)

WAIT = 20_000


@dataclass
class Terminal:
    bridge: Bridge
    feed: UserFeed
    alerts: AlertCenter
    messages: MessagesCenter
    user_id: int


@pytest.fixture
def terminal(qtbot: Any, live_server: Any) -> Iterator[Callable[[str], Terminal]]:
    bridges: list[Bridge] = []

    def start(username: str) -> Terminal:
        bridge = Bridge()
        bridge.start()
        bridges.append(bridge)
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT) as signed:
            bridge.sign_in(live_server.url, username, "demo")
        user_id = int(signed.args[1].id)
        feed = UserFeed(bridge)
        attach(feed, bridge)
        alerts = AlertCenter(bridge, feed)
        messages = MessagesCenter(bridge, feed, user_id)
        feed.start()
        alerts.refresh()
        messages.refresh()
        with qtbot.waitSignal(messages.directory_changed, timeout=WAIT):
            messages.load_directory()  # org.users
        qtbot.waitUntil(lambda: feed.topic is not None, timeout=WAIT)
        return Terminal(bridge, feed, alerts, messages, user_id)

    yield start
    for bridge in bridges:
        bridge.stop()
