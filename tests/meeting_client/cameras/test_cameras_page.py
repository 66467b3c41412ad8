"""The Camera page against a real server and a real ffmpeg camera: live states, the
player showing decoded frames of the watch URL, a camera going down while shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.models.cameras import CameraStore
from meeting_client.ui.cameras.page import CamerasPage
from tests.server.cameras.support import HttpSource, cameras_cli
from tests.support.live import LiveServer

WAIT = 30_000


@pytest.fixture
def camera_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("MEETING_CAMERA_PROBE_S", "0.5")
    monkeypatch.setenv("MEETING_CAMERA_PROBE_TIMEOUT_S", "3")
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))


@pytest.fixture
def source() -> Iterator[HttpSource]:
    src = HttpSource()
    src.start()
    yield src
    src.kill()


@pytest.fixture
def bridge() -> Iterator[Bridge]:
    b = Bridge()
    b.start()
    yield b
    b.stop()


def cell(page: CamerasPage, row: int, col: int) -> str:
    item = page.table.item(row, col)
    return item.text() if item is not None else ""


def test_live_states_and_the_player(qtbot, camera_env, make_server, source: HttpSource,
                                    bridge: Bridge) -> None:
    server: LiveServer = make_server(30)
    assert cameras_cli(server.db_path, "add", "--name", "Hội trường tầng 2", "--group",
                       "Trụ sở", "--url", source.url).returncode == 0
    account = Account(bridge)
    with qtbot.waitSignal(account.signed_in, timeout=WAIT):
        account.sign_in(server.url, "vanhanh", "demo")
    store = CameraStore(bridge)
    page = CamerasPage(store)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    store.start()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert (cell(page, 0, 0), cell(page, 0, 1)) == ("Trụ sở", "Hội trường tầng 2")
    qtbot.waitUntil(lambda: cell(page, 0, 2) == "Đang có tín hiệu", timeout=WAIT)

    page.select(1)
    page.watch_button.click()
    qtbot.waitUntil(lambda: page.player.frames >= 5, timeout=WAIT)
    assert page.player.url is not None and page.player.url.startswith(server.api)
    assert page.title.text() == "Hội trường tầng 2"
    image = page.player.picture.pixmap().toImage()
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 8)}) > 3

    source.kill()
    qtbot.waitUntil(lambda: cell(page, 0, 2) == "Mất tín hiệu", timeout=WAIT)
    assert page.status.text() == "Camera đang mất tín hiệu."
    # Back up while still chosen: a new watch URL, and the picture moves again.
    first_url, shown = page.player.url, page.player.frames
    source.start()
    qtbot.waitUntil(lambda: cell(page, 0, 2) == "Đang có tín hiệu", timeout=WAIT)
    qtbot.waitUntil(lambda: page.player.url != first_url
                    and page.player.frames >= shown + 5, timeout=WAIT)
    assert page.status.text() == ""
    page.stop()
    assert page.player.url is None

    # Another page brought forward (the page hidden): the stream is not pulled for no one.
    page.watch_selected()
    qtbot.waitUntil(lambda: page.player.frames >= shown + 10, timeout=WAIT)
    page.hide()
    assert page.watching is None and page.player.url is None
    # A player deleted with its window while playing stops libVLC first (its threads
    # would otherwise call callbacks being freed).
    page.show()
    page.watch_selected()
    qtbot.waitUntil(lambda: page.player.frames >= shown + 15, timeout=WAIT)
    live = page.player._live
    assert live
    gone: list[bool] = []
    page.player.destroyed.connect(lambda *_: gone.append(True))
    page.player.deleteLater()
    qtbot.waitUntil(lambda: gone == [True], timeout=WAIT)
    assert live == []


def test_a_camera_nobody_registered_yet_and_a_refusal(qtbot, camera_env, make_server,
                                                      bridge: Bridge) -> None:
    server: LiveServer = make_server(30)
    account = Account(bridge)
    with qtbot.waitSignal(account.signed_in, timeout=WAIT):
        account.sign_in(server.url, "vanhanh", "demo")
    store = CameraStore(bridge)
    page = CamerasPage(store)
    qtbot.addWidget(page)
    page.show()
    store.start()
    qtbot.waitUntil(lambda: store.loaded, timeout=WAIT)
    assert page.empty.isVisible() and not page.table.isVisible()
    # A camera registered later appears through its first camera.state event.
    assert cameras_cli(server.db_path, "add", "--name", "Cổng", "--group", "Ngoài",
                       "--url", "http://127.0.0.1:9/none.ts").returncode == 0
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: cell(page, 0, 2) == "Mất tín hiệu", timeout=WAIT)
    store.watch(99)
    qtbot.waitUntil(lambda: page.status.text() != "", timeout=WAIT)
    assert "camera" in page.status.text().lower()
