"""Rows of the authorization matrix (tests/server/test_authorization.py) for ``registry.*``.

Office and admins register, correct, cancel, attach, check and print (the matrix has no
office user before the org module: ``admin`` stands for both); everyone signed in searches
and reads open entries; the handler (d001, the matrix's ``delegate``) marks entry 1 handled
and links it. :func:`prepare_registry` makes entry 1 (incoming, routed to d001, with a
file) and entry 2 (outgoing, cancelled by the admin's row).
"""

from __future__ import annotations

import base64
import io
from typing import Any

from tests.support.wsclient import WsClient

SIGNED_IN = {"chair", "clerk", "delegate", "observer", "admin", "outsider"}
OFFICE = {"admin"}
HANDLER = {"admin", "delegate"}


def tiny_pdf(text: str = "Văn bản thử quyền") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from server.paperwork.fonts import REGULAR, register_fonts

    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont(REGULAR, 14)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def registry_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    new = {"direction": "in", "symbol": "1/TQ", "issued_on": "2026-01-05",
           "issuer": "Sở Nội vụ", "doc_type": "Công văn", "summary": "Thử quyền"}
    return {
        "registry.create": (OFFICE, new),
        "registry.check": (OFFICE, {"direction": "in", "symbol": "1/TQ", "issuer": "Sở"}),
        "registry.search": (SIGNED_IN, {"query": "thu quyen"}),
        "registry.get": (SIGNED_IN, {"registry_id": 1}),
        "registry.todo": (SIGNED_IN, {}),
        "registry.file": (SIGNED_IN, {"registry_id": 1}),
        "registry.update": (OFFICE, {"registry_id": 1, "note": "Đã sửa"}),
        "registry.link": (HANDLER, {"registry_id": 1, "meeting_id": 1}),
        "registry.handled": (HANDLER, {"registry_id": 1}),
        # handler_id: d001, filled in by prepare_registry.
        "registry.route": (OFFICE | {"leader"}, {"registry_id": 1, "handler_id": 0}),
        "registry.cancel": (OFFICE, {"registry_id": 2}),
        # Not a PDF: bad_request for the office, not an access error.
        "registry.attach": (OFFICE, {"registry_id": 1, "filename": "a.pdf",
                                     "content_base64": "eA=="}),
        "registry.print": (OFFICE, {"direction": "in", "from": "2026-01-01",
                                    "to": "2026-12-31"}),
    }


async def prepare_registry(url: str, matrix: dict[str, tuple[set[str], dict[str, Any]]]
                           ) -> None:
    d001 = await WsClient.open(url)
    d001_id = (await d001.call("auth.login", username="d001", password="demo"))["user"]["id"]
    await d001.close()
    admin = await WsClient.signed_in(url, "admin")
    first = await admin.act("registry.create", direction="in", symbol="1/TQ",
                            issued_on="2026-01-05", issuer="Sở Nội vụ", doc_type="Công văn",
                            summary="Thử quyền", handler_id=d001_id)
    assert first["registry_id"] == 1
    await admin.act("registry.attach", registry_id=1, filename="thu-quyen.pdf",
                    content_base64=base64.b64encode(tiny_pdf()).decode("ascii"))
    second = await admin.act("registry.create", direction="out", symbol="2/TQ",
                             issued_on="2026-01-05", issuer="UBND", doc_type="Công văn",
                             summary="Thử quyền đi")
    assert second["registry_id"] == 2
    await admin.close()
    matrix["registry.route"][1]["handler_id"] = d001_id


GLOBAL_ACCOUNTS = {"admin": "admin", "office": "vanphong", "leader": "lanhdao",
                   "operator": "vanhanh", "staff": "cv001"}
"""The demo organisation's people by global role (cv001 holds none)."""


def global_rows(handler_id: int) -> dict[str, tuple[set[str], dict[str, Any]]]:
    """``registry.*`` × the global roles; entry 1 is routed to ``staff`` (cv001)."""
    everyone = set(GLOBAL_ACCOUNTS)
    office = {"admin", "office"}
    rows = registry_rows()
    allowed = {"registry.create": office, "registry.check": office,
               "registry.update": office, "registry.cancel": office,
               "registry.attach": office, "registry.print": office,
               "registry.route": office | {"leader"},
               "registry.link": office | {"leader", "staff"},
               "registry.handled": office | {"staff"}}
    out = {name: (allowed.get(name, everyone), dict(fields))
           for name, (_who, fields) in rows.items()}
    out["registry.route"][1]["handler_id"] = handler_id
    # Handled before anyone re-routes it, and by the handler first.
    return dict(sorted(out.items(), key=lambda kv: kv[0] != "registry.handled"))


REGISTRY_SEEN_BY_ALL = {"registry.handled", "registry.link"}
"""Refused to an outsider with ``forbidden``: entry 1 is open, so it exists for them, but
it is not theirs to handle or link."""
