"""SIGTERM: stop accepting, answer what was received, close terminals with 1001."""

from __future__ import annotations

import asyncio
import json
import signal

from tests.support.wsclient import WsClient, delegate_names, sign_in_many


async def test_sigterm_answers_in_flight_commands_then_closes_with_1001(live_server) -> None:
    people = await sign_in_many(live_server.url, delegate_names(20))
    # Twenty check-ins written at once, then SIGTERM before their replies are read.
    for i, p in enumerate(people):
        await p.send_text(json.dumps({"id": 500 + i, "type": "attendance.check_in",
                                      "meeting_id": 1, "key": f"k{i}"}))
    assert live_server.proc is not None
    live_server.proc.send_signal(signal.SIGTERM)
    replies = await asyncio.gather(*(p.raw_reply(500 + i) for i, p in enumerate(people)),
                                   return_exceptions=True)
    answered = [r for r in replies if isinstance(r, dict)]
    assert all(r["type"] == "result" for r in answered)
    await asyncio.gather(*(asyncio.wait_for(p.ws.wait_closed(), 20) for p in people))
    assert {p.ws.close_code for p in people} == {1001}
    assert live_server.proc.wait(20) == 0
    # Whatever was answered is on disk: restart and count.
    live_server.start()
    clerk = await WsClient.signed_in(live_server.url, "clerk")
    snap = await clerk.call("meeting.subscribe", meeting_id=1, since=0)
    await clerk.close()
    assert snap["snapshot"]["attendance"]["present"] >= len(answered)
    assert len(answered) == 20  # every frame received before SIGTERM was answered
