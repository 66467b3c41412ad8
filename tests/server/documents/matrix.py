"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for the
documents domain: who may run each command, and fields that refer to demo objects.

Document 1 is the demo budget proposal; its hash is known because the demo
papers are generated deterministically. Document 3 is the one removed.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

MEMBERS = {"chair", "clerk", "delegate", "observer", "admin"}
CHAIR_CLERK = {"chair", "clerk", "admin"}


@cache
def budget_hash() -> str:
    from server.demo_papers import demo_papers

    return hashlib.sha256(demo_papers()[0][1]).hexdigest()


def document_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    return {
        "document.list": (MEMBERS, {"meeting_id": 1}),
        "document.versions": (MEMBERS, {"meeting_id": 1, "document_id": 1}),
        "document.opened": (MEMBERS, {"meeting_id": 1, "document_id": 1}),
        "document.readers": (CHAIR_CLERK, {"meeting_id": 1}),
        "document.upload": (CHAIR_CLERK, {"meeting_id": 1, "filename": "thu-quyen.pdf",
                                          "size": 1000}),
        # No upload 99 on that connection: bad_request for those allowed.
        "document.commit": (CHAIR_CLERK, {"meeting_id": 1, "upload": 99}),
        # window 0: the transfer opens but sends nothing (the matrix client reads JSON).
        "document.fetch": (MEMBERS, {"sha256": budget_hash(), "window": 0}),
        "document.remove": (CHAIR_CLERK, {"meeting_id": 1, "document_id": 3}),
        "presentation.presenter": ({"chair", "admin"}, {"meeting_id": 1, "user_id": None}),
        "presentation.stop": ({"chair", "admin"}, {"meeting_id": 1}),
        "annotation.list": (MEMBERS, {"meeting_id": 1, "document_id": 1}),
        "annotation.save": (MEMBERS, {"meeting_id": 1, "document_id": 1, "page": 1,
                                      "kind": "note", "text": "Ghi chú thử quyền"}),
        "annotation.delete": (MEMBERS, {"meeting_id": 1, "annotation_id": 1}),
        "user.subscribe": (MEMBERS | {"outsider"}, {}),
    }
