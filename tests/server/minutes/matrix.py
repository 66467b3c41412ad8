"""Rows of the authorization matrix (tests/server/test_authorization.py) for ``minutes.*``.

Chair, clerk and admin may use every minutes command; in the matrix run the meeting has
not ended, so ``minutes.issue`` and ``minutes.notice`` answer ``conflict`` to them, which
is not an access error.
"""

from __future__ import annotations

EDITORS = {"chair", "clerk", "admin"}


def minutes_rows() -> dict[str, tuple[set[str], dict]]:
    return {
        "minutes.get": (set(EDITORS), {"meeting_id": 1}),
        "minutes.save": (set(EDITORS), {"meeting_id": 1, "item_id": 1, "opinions": "Thử",
                                        "base_version": 0}),
        "minutes.render": (set(EDITORS), {"meeting_id": 1, "format": "pdf"}),
        "minutes.issue": (set(EDITORS), {"meeting_id": 1}),
        "minutes.notice": (set(EDITORS), {"meeting_id": 1}),
    }
