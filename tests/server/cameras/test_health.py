"""The camera health monitor against a real ffmpeg source and a real server: live, down,
one alert per outage across a restart, live again; no URL ever leaves the server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.cameras.support import SECRET, TestSource, cameras_cli, free_udp_port
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


@pytest.fixture
def fast_monitor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETING_CAMERA_PROBE_S", "0.3")
    monkeypatch.setenv("MEETING_CAMERA_PROBE_TIMEOUT_S", "3")
    monkeypatch.setenv("MEETING_CAMERA_DOWN_S", "2")


@pytest.fixture
def source() -> Iterator[TestSource]:
    src = TestSource()
    src.start()
    yield src
    src.kill()


def rows(db: Path, statement: str) -> list[Any]:
    con = sqlite3.connect(db)
    try:
        return con.execute(statement).fetchall()
    finally:
        con.close()


async def state_of(client: WsClient, camera_id: int, state: str) -> dict[str, Any]:
    """Wait for ``camera.state`` of this camera reaching ``state`` (already, or live)."""
    listed = {c["camera_id"]: c for c in (await client.call("camera.list"))["cameras"]}
    if listed[camera_id]["state"] == state:
        return listed[camera_id]
    while True:
        ev = await client.next_event("camera.state", timeout=30)
        if ev["data"]["camera_id"] == camera_id and ev["data"]["state"] == state:
            return ev["data"]


async def camera_alerts(client: WsClient, camera_id: int, count: int) -> list[dict[str, Any]]:
    """The operator's alerts about this camera, once there are ``count`` of them."""
    while True:
        mine = [a for a in (await client.call("alert.list"))["alerts"]
                if a["link"] == f"camera:{camera_id}"]
        if len(mine) >= count:
            return mine
        await client.next_event("alert.raised", timeout=30)


async def operator(server: LiveServer) -> WsClient:
    client = await WsClient.signed_in(server.url, "vanhanh")
    await client.call("camera.subscribe")
    await client.call("user.subscribe")
    return client


async def test_live_down_one_alert_across_restart_and_live_again(
        fast_monitor, make_server, source: TestSource, clients) -> None:
    server: LiveServer = make_server(30)
    db = server.db_path
    added = cameras_cli(db, "add", "--name", "Phòng họp A", "--group", "Hội trường",
                        "--url", source.url, "--seats", "A01,A02", "--overview")
    assert added.returncode == 0, added.stderr
    op = clients(await operator(server))
    listed = (await op.call("camera.list"))["cameras"]
    assert listed[0] == {"camera_id": 1, "name": "Phòng họp A", "group": "Hội trường",
                         "state": listed[0]["state"]}
    assert listed[0]["state"] in ("idle", "connecting", "live")
    await state_of(op, 1, "live")

    source.kill()
    down = await state_of(op, 1, "down")
    alerts = await camera_alerts(op, 1, 1)
    assert alerts[0]["level"] == "critical" and "Phòng họp A" in alerts[0]["title"]
    assert alerts[0]["source"] == "server"

    # Restart with the camera still down, plus a second (dead) camera: once that one's
    # alert is in, the monitor has run past the threshold for camera 1 again.
    server.stop()
    dead = f"udp://127.0.0.1:{free_udp_port()}"
    assert cameras_cli(db, "add", "--name", "Cổng", "--group", "Ngoài trời",
                       "--url", dead).returncode == 0
    server.start()
    op = clients(await operator(server))
    await camera_alerts(op, 2, 1)
    again = await camera_alerts(op, 1, 1)
    assert [a["alert_id"] for a in again] == [alerts[0]["alert_id"]]
    assert (await op.call("camera.list"))["cameras"][0]["state"] == "down"
    assert rows(db, "SELECT down_since FROM cameras WHERE id = 1")[0][0] <= down["since"]

    source.start()
    await state_of(op, 1, "live")
    assert rows(db, "SELECT down_since FROM cameras WHERE id = 1") == [(None,)]
    source.kill()  # a new outage is a new occasion
    await state_of(op, 1, "down")
    assert len(await camera_alerts(op, 1, 2)) == 2

    # The URL and its password never left the server: not in a reply, an event, a log line.
    assert SECRET not in repr(await op.call("camera.list"))
    assert not rows(db, f"SELECT seq FROM event_log WHERE data LIKE '%{SECRET}%' "
                        "OR data LIKE '%127.0.0.1%'")
    assert not rows(db, f"SELECT id FROM alerts WHERE body LIKE '%{SECRET}%' "
                        f"OR title LIKE '%{SECRET}%'")
    assert SECRET not in "".join(server.output)
    listing = cameras_cli(db, "list")
    assert "Phòng họp A" in listing.stdout and SECRET not in listing.stdout
    assert "***@127.0.0.1" in listing.stdout


async def test_other_users_get_neither_the_list_nor_the_events(
        live_server: LiveServer, clients) -> None:
    assert cameras_cli(live_server.db_path, "add", "--name", "Sảnh", "--group", "Tòa nhà",
                       "--url", f"rtsp://u:{SECRET}@127.0.0.1:9/cam").returncode == 0
    for name in ("cv001", "lanhdao", "vanphong", "chair"):
        user = clients(await WsClient.signed_in(live_server.url, name))
        for command in ("camera.list", "camera.subscribe"):
            reply = await user.raw(command, key=None)
            assert reply["type"] == "error" and reply["code"] == "forbidden", (name, reply)
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    listed = (await admin.call("camera.list"))["cameras"]
    assert [c["name"] for c in listed] == ["Sảnh"] and SECRET not in repr(listed)


def test_cli_refuses_bad_cameras(tmp_path: Path, demo_db_template) -> None:
    from tests.support.live import copy_db

    db = tmp_path / "c.sqlite3"
    copy_db(demo_db_template(30), db)
    bad = cameras_cli(db, "add", "--name", "X", "--group", "G", "--url", "file:///etc/passwd")
    assert bad.returncode == 2 and "--url" in bad.stderr
    bad = cameras_cli(db, "add", "--name", "X", "--group", "G", "--url", "rtsp://h/x",
                      "--seats", "A01,bad seat")
    assert bad.returncode == 2 and "--seats" in bad.stderr
    assert cameras_cli(db, "add", "--name", "X", "--group", "G",
                       "--url", "rtsp://h/x").returncode == 0
    assert cameras_cli(db, "add", "--name", "X", "--group", "G",
                       "--url", "rtsp://h/y").returncode == 2
    assert rows(db, "SELECT name, url FROM cameras") == [("X", "rtsp://h/x")]
    assert cameras_cli(db, "remove", "X").returncode == 0
    assert cameras_cli(db, "remove", "X").returncode == 2
    assert rows(db, "SELECT name FROM cameras") == []


async def test_bad_input_from_an_operator_is_refused_and_changes_nothing(
        live_server: LiveServer, clients) -> None:
    op = clients(await WsClient.signed_in(live_server.url, "vanhanh"))
    for since in (-1, "x", 2**64, 1.5, None, [1]):
        reply = await op.raw("camera.subscribe", key=None, since=since)
        assert reply["type"] == "error" and reply["code"] == "bad_request", (since, reply)
        assert reply["message"] and reply["message"] != reply.get("message_en")
    assert (await op.call("camera.subscribe", since=0)) == {"topic": "cameras", "seq": 0}
    assert (await op.call("camera.list", extra=1)) == {"cameras": []}
