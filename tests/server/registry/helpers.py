"""Small helpers shared by the registry tests."""

from __future__ import annotations

from typing import Any

from tests.support.wsclient import WsClient


async def login(url: str, username: str, password: str = "demo") -> tuple[WsClient, int]:
    """A signed-in client and the user's id."""
    client = await WsClient.open(url)
    me = await client.call("auth.login", username=username, password=password)
    return client, int(me["user"]["id"])


def entry(**fields: Any) -> dict[str, Any]:
    """A valid ``registry.create`` payload; ``fields`` override."""
    base: dict[str, Any] = {
        "direction": "in", "symbol": "12/UBND-VP", "issued_on": "2026-03-02",
        "issuer": "UBND tỉnh Bình Định", "doc_type": "Công văn",
        "summary": "Về việc báo cáo tình hình thực hiện nhiệm vụ quý I"}
    base.update(fields)
    return base
