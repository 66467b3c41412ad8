"""A hall PC signs in as the meeting's hall device account, not as the chair.

The demo's ``hall`` account has the meeting role ``hall``: its terminal opens
the hall display of its meeting by itself (no ``--meeting``), it may act on
nothing, and it is no person (not in the attendance, not among the presenters).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_client.app import build
from meeting_client.ui.hall_display import HallDisplay
from meeting_client.ui.main_window import ClientOptions
from tests.support.wsclient import WsClient


def test_the_hall_account_opens_its_meeting_on_the_hall_display(
        qtbot: Any, live_server: Any, tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "hall.ini"), QSettings.Format.IniFormat)
    window, bridge, _account = build(
        ClientOptions(server=live_server.url, user="hall", password="demo", hall=False),
        settings=settings)
    qtbot.addWidget(window)
    try:
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.room is not None
                        and window.room.session.snapshot is not None, timeout=20_000)
        assert window.room.session.meeting_id == 1
        assert isinstance(window.room.body, HallDisplay)  # by its role, without --hall
        people = window.room.session.snapshot.participants
        assert "hall" in {p.role for p in people}
        assert window.room.session.snapshot.attendance.expected == 30  # not a delegate
    finally:
        bridge.stop()


@pytest.mark.parametrize("command,fields", [
    ("attendance.check_in", {"meeting_id": 1}),
    ("speaker.request", {"meeting_id": 1}),
    ("poll.create", {"meeting_id": 1, "title": "Thử"}),
    ("meeting.start", {"meeting_id": 1}),
    ("hall.show", {"meeting_id": 1, "view": "attendance"}),
])
async def test_the_hall_account_acts_on_nothing(live_server: Any, command: str,
                                                fields: dict[str, Any]) -> None:
    hall = await WsClient.signed_in(live_server.url, "hall")
    try:
        assert (await hall.call("meeting.subscribe", meeting_id=1, since=0))["seq"] >= 0
        reply = await hall.raw(command, **fields)
        assert reply["type"] == "error" and reply["code"] == "forbidden", reply
    finally:
        await hall.close()
