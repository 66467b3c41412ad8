"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for
``camera.*``: operators and admins only (the meeting roles of the matrix get
``forbidden``; the global roles are covered in ``test_health.py``).

:func:`prepare` registers camera 1 (a source nobody serves: the rows only ask for
its state and a watch URL).
"""

from __future__ import annotations

from typing import Any

from tests.server.cameras.support import cameras_cli
from tests.support.live import LiveServer


def camera_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    return {
        "camera.list": ({"admin"}, {}),
        "camera.subscribe": ({"admin"}, {"since": 0}),
        "camera.watch": ({"admin"}, {"camera_id": 1}),
    }


def prepare(server: LiveServer) -> None:
    added = cameras_cli(server.db_path, "add", "--name", "Ma trận", "--group", "A",
                        "--url", "rtsp://127.0.0.1:9/matrix")
    assert added.returncode == 0, added.stderr
