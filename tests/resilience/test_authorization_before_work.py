"""Who may run a command is decided before any expensive work on its payload.

Issue 12, finding 4: ``minutes.render`` sanitised the ``drafts`` HTML — quadratic on
nested tags — before the role check, so a non-member cost the server 3.5 s of CPU
per frame before ``not_found``, and 12 such frames delayed the clerk's own render by
38 s; ``minutes.save`` ran the same sanitiser on the database thread, stalling
everyone behind a clerk's pasted document.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.resilience.support import add_users
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

NESTED = "<ul><li>" * 10_000 + "x"  # 20,000 nested tags


@pytest.fixture
def server(tmp_path: Path, demo_db_template: Any) -> Any:
    db = tmp_path / "work.sqlite3"
    copy_db(demo_db_template(30), db)
    add_users(db, ["nguoi-ngoai"])  # signed in, member of no meeting
    live = LiveServer(db)
    live.start()
    yield live
    live.stop()


def render(client: WsClient, drafts: list[dict[str, Any]]) -> Any:
    return client.raw("minutes.render", meeting_id=1, format="pdf", drafts=drafts,
                      timeout=120)


async def refused_in(client: WsClient) -> tuple[float, str]:
    started = time.monotonic()
    reply = await render(client, [{"item_id": None, "opinions": NESTED}])
    return time.monotonic() - started, reply.get("code", "ok")


def test_a_non_member_render_with_nested_tags_is_refused_at_once(server: LiveServer) -> None:
    async def run() -> dict[str, Any]:
        outsider = await WsClient.signed_in(server.url, "nguoi-ngoai")
        delegate = await WsClient.signed_in(server.url, "d001")
        clerk = await WsClient.signed_in(server.url, "clerk")
        out: dict[str, Any] = {}
        out["outsider"] = await refused_in(outsider)
        out["delegate"] = await refused_in(delegate)
        # Twelve hostile frames at once do not hold up the clerk's own render.
        started = time.monotonic()
        hostile = [render(outsider, [{"item_id": None, "opinions": NESTED}])
                   for _ in range(12)]
        results = await asyncio.gather(render(clerk, []), *hostile)
        out["clerk"] = (time.monotonic() - started, results[0].get("code", "ok"))
        out["hostile"] = {r.get("code") for r in results[1:]}
        await asyncio.gather(outsider.close(), delegate.close(), clerk.close())
        return out

    got = asyncio.run(run())
    print({k: (round(v[0] * 1000), v[1]) if isinstance(v, tuple) else v
           for k, v in got.items()}, "(ms, code)")
    assert got["outsider"][1] == "not_found"
    assert got["delegate"][1] == "forbidden"
    assert got["hostile"] == {"not_found"}
    assert got["clerk"][1] == "ok"
    # 50 ms on an idle machine; the margin is for a loaded CI runner.
    assert got["outsider"][0] < 0.5
    assert got["delegate"][0] < 0.5
    assert got["clerk"][0] < 10


def test_a_pasted_document_is_sanitised_off_the_database_thread(server: LiveServer) -> None:
    pasted = ("<p><span style='font-weight:700'>Ý kiến</span> đại biểu</p>" * 4000)[:199_000]

    async def run() -> list[str]:
        clerk = await WsClient.signed_in(server.url, "clerk")
        chair = await WsClient.signed_in(server.url, "chair")
        order: list[str] = []
        # The save is on the wire before the chair's read is sent.
        await clerk.send_text(json.dumps({
            "id": 900, "type": "minutes.save", "key": str(uuid.uuid4()), "meeting_id": 1,
            "item_id": None, "opinions": pasted, "base_version": 0}))

        async def save() -> None:
            reply = await clerk.raw_reply(900, timeout=60)
            assert reply["type"] == "result", reply
            assert reply["data"]["opinions"].startswith("<p><b>Ý kiến</b> đại biểu</p>")
            order.append("save")

        async def other() -> None:
            assert (await chair.raw("minutes.get", meeting_id=1))["type"] == "result"
            order.append("other")

        await asyncio.gather(save(), other())
        await asyncio.gather(clerk.close(), chair.close())
        return order

    # Sanitising ~200 KB of markup takes far longer than a read: run on the database
    # thread it would answer the chair's command after the save.
    assert asyncio.run(run()) == ["other", "save"]
