"""Fixtures of the preparation GUI tests: the clerk's page on a real bridge, and the
workspace window (shared with the workspace tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meeting_client.bridge import Bridge
from meeting_client.ui.preparation.page import PreparationPage
from tests.meeting_client.workspace.conftest import workspace_window

__all__ = ["clerk_page", "workspace_window"]
WAIT = 30_000


@pytest.fixture
def clerk_page(qtbot: Any, live_server: Any, tmp_path: Path) -> Iterator[PreparationPage]:
    bridge = Bridge()
    bridge.start()
    try:
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT) as signed:
            bridge.sign_in(live_server.url, "clerk", "demo")
        page = PreparationPage(bridge, me_id=signed.args[1].id,
                               cache_dir=tmp_path / "clerk-cache")
        qtbot.addWidget(page)
        page.resize(1600, 900)
        page.show()
        with qtbot.waitSignal(page.preparation.meetings_loaded, timeout=WAIT):
            page.start()
        yield page
        if page.papers is not None:
            with qtbot.waitSignal(bridge.command_finished, timeout=WAIT):
                page.papers.stop()
    finally:
        bridge.stop()
