"""Bad input gets a PROTOCOL.md error, changes nothing, and disturbs no one."""

from __future__ import annotations

import asyncio
import json
import urllib.request

from tests.support.wsclient import WsClient

BAD_FRAMES = [
    ("not json", None),
    ("[1, 2, 3]", None),
    ('"a string"', None),
    ("{}", None),
    ('{"type": "meeting.list"}', None),
    ('{"id": "7", "type": "meeting.list"}', None),
    ('{"id": -1, "type": "meeting.list"}', None),
    ('{"id": 1e400, "type": "meeting.list"}', None),
    ('{"id": 99999999999999999999999, "type": "meeting.list"}', None),
    ('{"id": 5, "type": 7}', 5),
    ('{"id": 6, "type": "poll.cast", "poll_id": "3", "choice": "yes"}', 6),
    ('{"id": 7, "type": "poll.cast", "poll_id": 3}', 7),
    ('{"id": 8, "type": "poll.cast", "poll_id": 99999999999999999999, "choice": "yes"}', 8),
    ('{"id": 9, "type": "poll.cast", "poll_id": true, "choice": "yes"}', 9),
    ('{"id": 10, "type": "attendance.check_in", "meeting_id": 1, "key": 12}', 10),
    ('{"id": 11, "type": "poll.create", "meeting_id": 1, "title": ""}', 11),
    ('{"id": 12, "type": "poll.create", "meeting_id": 1, "title": "x", "options": ["a"]}', 12),
    ("{" * 5000 + "}" * 5000, None),
    ('{"id": 13, "type": "meeting.subscribe", "meeting_id": 1, "x": ' + "[" * 3000
     + "]" * 3000 + "}", None),  # too deep to read even the id
]


async def test_bad_frames_get_bad_request_and_change_nothing(live_server, clients) -> None:
    bystander = clients(await WsClient.signed_in(live_server.url, "clerk"))
    before = await bystander.call("meeting.subscribe", meeting_id=1, since=0)
    attacker = clients(await WsClient.signed_in(live_server.url, "d001"))
    for frame, frame_id in BAD_FRAMES:
        await attacker.send_text(frame)
        if frame_id is None:
            reply = await attacker.null_error()
        else:
            reply = await attacker.raw_reply(frame_id)
        assert reply["type"] == "error" and reply["id"] == frame_id, (frame[:60], reply)
        assert reply["code"] in ("bad_request", "not_found"), (frame[:60], reply)
        assert reply["message"]
    # Unknown command, binary frame.
    assert (await attacker.raw("meeting.explode"))["code"] == "unknown_type"
    await attacker.send_text(b"\x00\x01binary")
    assert (await attacker.null_error())["code"] == "bad_request"
    # Nothing changed, and both connections still work.
    after = await bystander.call("meeting.subscribe", meeting_id=1, since=0)
    assert after == before
    assert bystander.events.empty()
    assert (await attacker.call("meeting.list"))["meetings"][0]["id"] == 1


async def test_unauthenticated_commands_are_refused(live_server, clients) -> None:
    anon = clients(await WsClient.open(live_server.url))
    for name, fields in [("meeting.list", {}), ("poll.cast", {"poll_id": 1, "choice": "yes"}),
                         ("attendance.check_in", {"meeting_id": 1})]:
        reply = await anon.raw(name, **fields)
        assert reply["code"] == "unauthenticated"


async def test_wrong_credentials_do_not_say_which_part(live_server, clients) -> None:
    c = clients(await WsClient.open(live_server.url))
    wrong_pw = await c.raw("auth.login", username="d001", password="nope")
    no_user = await c.raw("auth.login", username="ghost", password="demo")
    assert wrong_pw["code"] == no_user["code"] == "unauthenticated"
    assert wrong_pw["message"] == no_user["message"]
    expired = await c.raw("auth.resume", token="x" * 43)
    assert expired["code"] == "unauthenticated" and "hết hạn" in expired["message"]


async def test_oversized_frame_closes_with_1009_and_others_live_on(live_server, clients) -> None:
    other = clients(await WsClient.signed_in(live_server.url, "d002"))
    big = clients(await WsClient.signed_in(live_server.url, "d001"))
    await big.send_text(json.dumps({"id": 1, "type": "meeting.list", "pad": "x" * (1 << 20)}))
    await asyncio.wait_for(big.ws.wait_closed(), 10)
    assert big.ws.close_code == 1009
    assert (await other.call("meeting.list"))["meetings"]


async def test_a_flood_is_rate_limited_without_disturbing_others(live_server, clients) -> None:
    other = clients(await WsClient.signed_in(live_server.url, "d002"))
    flood = clients(await WsClient.signed_in(live_server.url, "d001"))
    frames = [json.dumps({"id": 1000 + i, "type": "meeting.list"}) for i in range(600)]
    await asyncio.gather(*(flood.send_text(f) for f in frames))
    replies = [await flood.raw_reply(1000 + i) for i in range(600)]
    codes = {r.get("code", "ok") for r in replies}
    assert "rate_limited" in codes and "ok" in codes
    assert (await other.call("meeting.list"))["meetings"]


async def test_wrong_passwords_are_slowed_down(live_server, clients) -> None:
    c = clients(await WsClient.open(live_server.url))
    loop = asyncio.get_running_loop()
    times = []
    for _ in range(8):
        start = loop.time()
        await c.raw("auth.login", username="d003", password="wrong")
        times.append(loop.time() - start)
    # The first five answer at argon2 speed; later ones wait 0.5 s, 1 s, 2 s.
    assert times[-1] >= 1.5 > max(times[:4])


def test_healthz_answers_without_upgrade(live_server) -> None:
    with urllib.request.urlopen(f"{live_server.http}/healthz", timeout=10) as r:
        assert r.status == 200
        body = json.loads(r.read())
    assert body["status"] == "ok" and body["version"]
