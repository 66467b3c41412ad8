"""Internal messages against a real server: members only, ids only in the event log."""

from __future__ import annotations

import sqlite3

from tests.support.wsclient import WsClient


async def signed(url: str, name: str) -> tuple[WsClient, int]:
    client = await WsClient.open(url)
    data = await client.call("auth.login", username=name, password="demo")
    await client.call("user.subscribe", since=0)
    return client, data["user"]["id"]


SECRET = "Đề nghị rà soát gấp hồ sơ dự án cầu Bến Lức trước 15 giờ."


async def test_one_to_one_reaches_members_only_and_keeps_text_out_of_the_log(
        live_server, clients) -> None:
    (a, a_id), (b, b_id), (c, _c_id) = [await signed(live_server.url, n)
                                        for n in ("d001", "d002", "d003")]
    for x in (a, b, c):
        clients(x)
    sent = await a.act("message.send", to=[b_id], text=SECRET, ref={"meeting_id": 1})
    cid = sent["conversation_id"]
    for x in (a, b):
        ev = await x.next_event("message.received")
        assert ev["data"] == {"conversation_id": cid, "message_id": sent["message_id"],
                              "from_id": a_id}
    listed = await b.call("message.list", conversation_id=cid)
    assert listed["messages"] == [{"message_id": sent["message_id"], "from_id": a_id,
                                   "text": SECRET, "sent_at": sent["sent_at"],
                                   "ref": {"meeting_id": 1}, "attachments": []}]
    # The third user: nothing pushed, nothing listed, the conversation does not exist.
    reply = await c.raw("message.list", conversation_id=cid)
    assert reply["type"] == "error" and reply["code"] == "not_found"
    reply = await c.raw("message.send", key="x", conversation_id=cid, text="chen vao")
    assert reply["code"] == "not_found"
    reply = await c.raw("message.read", key="y", conversation_id=cid,
                        message_id=sent["message_id"])
    assert reply["code"] == "not_found"
    assert (await c.call("message.conversations"))["conversations"] == []
    own = await c.act("message.send", to=[a_id], text="Riêng")
    assert (await c.next_event())["data"]["message_id"] == own["message_id"]
    # Unread: the receiver's only, never one's own.
    convs = {x["conversation_id"]: x for x in
             (await b.call("message.conversations"))["conversations"]}
    assert convs[cid]["unread"] == 1 and convs[cid]["member_ids"] == sorted([a_id, b_id])
    mine = (await a.call("message.conversations"))["conversations"]
    assert {x["conversation_id"]: x["unread"] for x in mine} == {cid: 0,
                                                                  own["conversation_id"]: 1}
    assert await b.act("message.read", conversation_id=cid,
                       message_id=sent["message_id"]) == {"unread": 0}
    # The same two people again: the same conversation.
    again = await b.act("message.send", to=[a_id], text="Đã nhận.")
    assert again["conversation_id"] == cid
    # Inspect the database file: the text is in the messages table, never in the log.
    con = sqlite3.connect(live_server.db_path)
    try:
        logged = con.execute("SELECT data FROM event_log WHERE event = 'message.received'"
                             ).fetchall()
        assert len(logged) >= 5
        assert con.execute("SELECT count(*) FROM event_log WHERE data LIKE ? OR data LIKE ?",
                           ("%Bến Lức%", "%Ben Luc%")).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM messages WHERE text = ?",
                           (SECRET,)).fetchone()[0] == 1
    finally:
        con.close()


async def test_group_conversation_and_paging(live_server, clients) -> None:
    people = [await signed(live_server.url, f"d{i:03d}") for i in range(1, 6)]
    for x, _ in people:
        clients(x)
    ids = [uid for _, uid in people]
    sender = people[0][0]
    first = await sender.act("message.send", to=ids[1:], text="Tin 1")
    cid = first["conversation_id"]
    for n in range(2, 6):
        await sender.act("message.send", conversation_id=cid, text=f"Tin {n}")
    for x, _ in people:
        got = [(await x.next_event("message.received"))["data"]["message_id"]
               for _ in range(5)]
        assert len(set(got)) == 5
    reader = people[3][0]
    page = (await reader.call("message.list", conversation_id=cid, limit=2))["messages"]
    assert [m["text"] for m in page] == ["Tin 4", "Tin 5"]
    older = (await reader.call("message.list", conversation_id=cid,
                               before=page[0]["message_id"], limit=10))["messages"]
    assert [m["text"] for m in older] == ["Tin 1", "Tin 2", "Tin 3"]
    # A one-to-one between two of them is another conversation.
    pair = await sender.act("message.send", to=[ids[1]], text="Riêng")
    assert pair["conversation_id"] != cid
    convs = (await people[1][0].call("message.conversations"))["conversations"]
    assert [c["conversation_id"] for c in convs] == [pair["conversation_id"], cid]
    assert [c["unread"] for c in convs] == [1, 5]
    # Reading never moves backwards.
    assert await people[1][0].act("message.read", conversation_id=cid,
                                  message_id=page[1]["message_id"]) == {"unread": 0}
    assert await people[1][0].act("message.read", conversation_id=cid,
                                  message_id=first["message_id"]) == {"unread": 0}


async def test_bad_messages_change_nothing(live_server, clients) -> None:
    (a, a_id), (b, b_id) = [await signed(live_server.url, n) for n in ("d001", "d002")]
    clients(a), clients(b)
    cases = [
        ({"to": [a_id], "text": "một mình"}, "bad_request"),
        ({"to": [b_id], "conversation_id": 1, "text": "cả hai"}, "bad_request"),
        ({"text": "không ai"}, "bad_request"),
        ({"to": [b_id], "text": "   "}, "bad_request"),
        ({"to": [b_id], "text": "x" * 8001}, "bad_request"),
        ({"to": [999999], "text": "ai đó"}, "not_found"),
        ({"to": [b_id], "text": "hai ref", "ref": {"meeting_id": 1, "directive_id": 2}},
         "bad_request"),
        ({"to": [b_id], "text": "họp ma", "ref": {"meeting_id": 999}}, "not_found"),
    ]
    for i, (fields, code) in enumerate(cases):
        reply = await a.raw("message.send", key=f"bad-{i}", **fields)
        assert reply["type"] == "error" and reply["code"] == code, (fields, reply)
    assert (await a.call("message.conversations"))["conversations"] == []
    assert a.drain_events() == [] and b.drain_events() == []
