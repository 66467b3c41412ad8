"""Fixtures shared by every test: a real server process on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.live import LiveServer, copy_db, init_demo_db


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """Demo databases by number of delegates, built once per test session."""
    made: dict[int, Path] = {}

    def get(delegates: int) -> Path:
        if delegates not in made:
            path = tmp_path_factory.mktemp(f"demo{delegates}") / "demo.sqlite3"
            init_demo_db(path, delegates)
            made[delegates] = path
        return made[delegates]

    return get


@pytest.fixture
def make_server(tmp_path: Path, demo_db_template: Callable[[int], Path]
                ) -> Iterator[Callable[..., LiveServer]]:
    """Start servers on private copies of the demo database."""
    servers: list[LiveServer] = []

    def make(delegates: int = 30, extra_args: list[str] | None = None) -> LiveServer:
        db = tmp_path / f"server{len(servers)}.sqlite3"
        copy_db(demo_db_template(delegates), db)
        server = LiveServer(db, extra_args=extra_args)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def live_server(make_server: Callable[..., LiveServer]) -> LiveServer:
    """A running server on the 30-delegate demo database (meeting 1)."""
    return make_server(30)


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a Qt test, as in the app: Python's cycle collector runs on the GUI thread only
    (``meeting_client.collector`` says why), never on a bridge's networking thread."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from meeting_client.collector import GuiThreadCollector

    request.getfixturevalue("qapp")
    collector = GuiThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()
