"""``registry.*`` × the global roles of the demo organisation: office (vanphong) registers
and prints, a leader (lanhdao) routes, the handler (cv001, staff) marks handled, everyone
signed in searches; the rest are refused with ``forbidden``."""

from __future__ import annotations

import base64

from server.app import build_registry
from tests.server.registry.helpers import login
from tests.server.registry.matrix import GLOBAL_ACCOUNTS, global_rows, tiny_pdf
from tests.support.wsclient import WsClient

ACCESS_ERRORS = {"forbidden", "not_found", "unauthenticated"}


async def test_registry_commands_by_global_role(live_server, clients) -> None:
    url = live_server.url
    office, _ = await login(url, "vanphong")
    _staff, staff_id = await login(url, "cv001")
    for c in (office, _staff):
        clients(c)
    first = await office.act("registry.create", direction="in", symbol="1/TQ",
                             issued_on="2026-01-05", issuer="Sở Nội vụ", doc_type="Công văn",
                             summary="Thử quyền", handler_id=staff_id)
    assert first["registry_id"] == 1
    await office.act("registry.attach", registry_id=1, filename="a.pdf",
                     content_base64=base64.b64encode(tiny_pdf()).decode())
    await office.act("registry.create", direction="out", symbol="2/TQ", issued_on="2026-01-05",
                     issuer="UBND", doc_type="Công văn", summary="Thử quyền đi")
    rows = global_rows(staff_id)
    assert set(rows) == {n for n in build_registry().names() if n.startswith("registry.")}
    failures = []
    for role in (*GLOBAL_ACCOUNTS, "anonymous"):
        if role == "anonymous":
            client = clients(await WsClient.open(url))
        else:
            client = clients(await WsClient.signed_in(url, GLOBAL_ACCOUNTS[role]))
        for name, (allowed, fields) in rows.items():
            reply = await client.raw(name, key=f"{role}-{name}", **fields)
            code = reply.get("code") if reply["type"] == "error" else None
            if role in allowed and code in ACCESS_ERRORS:
                failures.append(f"{role} refused {name}: {code} {reply.get('message')}")
            if role not in allowed:
                expected = "unauthenticated" if role == "anonymous" else "forbidden"
                if code != expected:
                    failures.append(f"{role} ran {name}: expected {expected}, got {reply}")
    assert not failures, "\n".join(failures)
