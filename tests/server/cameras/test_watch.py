"""camera.watch: an expiring URL on the API port streaming MPEG-TS, one ffmpeg pull per
camera however many watch, real ffmpeg source, real server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.server.cameras.support import SECRET, HttpSource, cameras_cli
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


@pytest.fixture
def short_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETING_CAMERA_WATCH_S", "8")
    monkeypatch.setenv("MEETING_CAMERA_PROBE_S", "0.5")


@pytest.fixture
def source() -> Iterator[HttpSource]:
    src = HttpSource()
    src.start()
    yield src
    src.kill()


def ffmpeg_children(pid: int) -> list[str]:
    """Command lines of the ffmpeg processes the server started."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) == pid and cmdline[0].endswith(b"ffmpeg"):
            found.append(b" ".join(cmdline).decode(errors="replace"))
    return found


async def read_ts(response: aiohttp.ClientResponse, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = await response.content.read(size - len(data))
        assert chunk, "the stream ended early"
        data += chunk
    return data


def is_mpegts(data: bytes) -> bool:
    start = data.find(b"\x47")
    packets = data[start:start + 188 * 20]
    return len(packets) == 188 * 20 and all(packets[i] == 0x47 for i in range(0, 3760, 188))


async def test_two_watchers_share_one_pull_until_the_url_expires(
        short_watch, live_server: LiveServer, source: HttpSource, clients) -> None:
    assert cameras_cli(live_server.db_path, "add", "--name", "Hội trường", "--group", "A",
                       "--url", source.url).returncode == 0
    op = clients(await WsClient.signed_in(live_server.url, "vanhanh"))
    first = await op.call("camera.watch", camera_id=1)
    second = await op.call("camera.watch", camera_id=1, sub=True)  # no sub stream: the main
    for reply in (first, second):
        assert reply["url"].startswith(f"{live_server.api}/api/cameras/watch/")
        assert SECRET not in repr(reply) and "live.ts" not in reply["url"]
        assert reply["expires_at"].endswith("Z")
    assert first["url"] != second["url"]

    pid = live_server.proc.pid
    async with aiohttp.ClientSession() as http:
        a = await http.get(first["url"])
        b = await http.get(second["url"])
        assert a.status == 200 and a.headers["Content-Type"] == "video/mp2t"
        assert is_mpegts(await read_ts(a, 188 * 50)) and is_mpegts(await read_ts(b, 188 * 50))
        pulls = ffmpeg_children(pid)
        assert len(pulls) == 1 and "-c copy" in pulls[0], pulls
        listed = (await op.call("camera.list"))["cameras"]
        assert listed[0]["state"] in ("connecting", "live")
        # Both streams end when their URL expires; then the URL is refused.
        await asyncio.wait_for(a.read(), 30)
        await asyncio.wait_for(b.read(), 30)
        again = await http.get(first["url"])
        assert again.status == 404
        again.release()
        bogus = await http.get(f"{live_server.api}/api/cameras/watch/not-a-ticket")
        assert bogus.status == 404
        bogus.release()
    for _ in range(100):  # the relay stops with its last watcher
        if not ffmpeg_children(pid):
            break
        await asyncio.sleep(0.1)
    assert ffmpeg_children(pid) == []
    assert SECRET not in "".join(live_server.output)


async def test_watch_refusals(live_server: LiveServer, clients) -> None:
    assert cameras_cli(live_server.db_path, "add", "--name", "Sảnh", "--group", "A",
                       "--url", "rtsp://127.0.0.1:9/cam").returncode == 0
    staff = clients(await WsClient.signed_in(live_server.url, "cv001"))
    reply = await staff.raw("camera.watch", camera_id=1)
    assert reply["type"] == "error" and reply["code"] == "forbidden"
    op = clients(await WsClient.signed_in(live_server.url, "vanhanh"))
    reply = await op.raw("camera.watch", camera_id=2)
    assert reply["type"] == "error" and reply["code"] == "not_found"
    for bad in ({"camera_id": 0}, {"camera_id": "1"}, {}, {"camera_id": 1, "sub": "yes"}):
        reply = await op.raw("camera.watch", **bad)
        assert reply["type"] == "error" and reply["code"] == "bad_request", (bad, reply)
