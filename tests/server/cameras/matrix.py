"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for
``camera.*``: operators and admins only (the meeting roles of the matrix get
``forbidden``; the global roles are covered in ``test_health.py``)."""

from __future__ import annotations

from typing import Any


def camera_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    return {
        "camera.list": ({"admin"}, {}),
        "camera.subscribe": ({"admin"}, {"since": 0}),
    }
