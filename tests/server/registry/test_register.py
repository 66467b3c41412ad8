"""Registering documents: numbers per register and year, cancellation, duplicates,
routing with history, "Văn bản cần xử lý", links — against a real server."""

from __future__ import annotations

import asyncio

import pytest

from tests.server.registry.helpers import entry, login
from tests.support.wsclient import Failed


async def test_numbers_are_consecutive_per_register_and_restart_on_1_january(
        live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    made = [await admin.act("registry.create", **entry(received_on=day, symbol=f"{i}/UBND"))
            for i, day in enumerate(["2025-12-30", "2025-12-31", "2025-12-31"], start=1)]
    assert [m["number"] for m in made] == [1, 2, 3]
    assert {m["year"] for m in made} == {2025}
    # The outgoing register counts on its own.
    out = await admin.act("registry.create", **entry(direction="out", symbol="7/QĐ-UBND",
                                                     registered_on="2025-12-31"))
    assert out["number"] == 1
    # A cancelled entry keeps its number: the next one is never a reuse.
    cancelled = await admin.act("registry.cancel", registry_id=made[2]["registry_id"],
                                reason="Đăng ký nhầm")
    assert cancelled == {"registry_id": made[2]["registry_id"], "number": 3,
                         "status": "cancelled"}
    nxt = await admin.act("registry.create", **entry(received_on="2025-12-31", symbol="4/UBND"))
    assert nxt["number"] == 4
    # 1 January: both registers start again at 1.
    new_year = await admin.act("registry.create", **entry(received_on="2026-01-01"))
    assert (new_year["number"], new_year["year"]) == (1, 2026)
    out_new = await admin.act("registry.create", **entry(direction="out",
                                                         registered_on="2026-01-01"))
    assert out_new["number"] == 1
    # A number given by hand must be free in that register and year.
    with pytest.raises(Failed) as taken:
        await admin.act("registry.create", **entry(received_on="2025-06-01", number=2))
    assert taken.value.reply["code"] == "conflict"
    hand = await admin.act("registry.create", **entry(received_on="2025-06-01", number=10))
    assert hand["number"] == 10
    after = await admin.act("registry.create", **entry(received_on="2025-06-02"))
    assert after["number"] == 11
    listed = await admin.call("registry.search", query="", direction="in", year=2025,
                              sort="number", limit=50)
    assert [i["number"] for i in listed["items"]] == [1, 2, 3, 4, 10, 11]
    assert listed["items"][2]["status"] == "cancelled"


async def test_concurrent_registrations_never_share_a_number(live_server, clients) -> None:
    offices = [clients((await login(live_server.url, "admin"))[0]) for _ in range(4)]
    replies = await asyncio.gather(*(
        offices[i % 4].act("registry.create", **entry(received_on="2026-02-03",
                                                      symbol=f"{i}/SXD"))
        for i in range(40)))
    assert sorted(r["number"] for r in replies) == list(range(1, 41))


async def test_bad_registrations_are_refused_and_change_nothing(live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    for bad, code in ((entry(direction="sideways"), "bad_request"),
                      (entry(issued_on="2026-13-40"), "bad_request"),
                      (entry(summary="   "), "bad_request"),
                      (entry(reader_ids=[999_999], confidential=True), "not_found"),
                      (entry(urgency="very"), "bad_request")):
        reply = await admin.raw("registry.create", key=str(id(bad)), **bad)
        assert reply["type"] == "error" and reply["code"] == code, (bad, reply)
        assert reply.get("message")
    assert (await admin.call("registry.search", query=""))["total"] == 0
    # Staff may search but not register.
    d001, _ = await login(live_server.url, "d001")
    clients(d001)
    reply = await d001.raw("registry.create", key="k", **entry())
    assert reply["code"] == "forbidden"


async def test_check_warns_about_a_likely_duplicate(live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    first = await admin.act("registry.create", **entry(symbol="125/QĐ-UBND",
                                                       issuer="UBND thành phố Quy Nhơn",
                                                       received_on="2026-04-01"))
    check = await admin.call("registry.check", direction="in", registered_on="2026-04-02",
                             number=1, symbol="125/qd-ubnd", issuer="ubnd thanh pho quy nhon")
    assert check["next_number"] == 2 and check["number_taken"] is True
    assert [d["registry_id"] for d in check["duplicates"]] == [first["registry_id"]]
    other = await admin.call("registry.check", direction="in", symbol="125/QĐ-UBND",
                             issuer="Sở Tài chính")
    assert other["duplicates"] == []


async def test_routing_keeps_its_history_and_fills_the_handlers_todo(
        live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    d001, id1 = await login(live_server.url, "d001")
    d002, id2 = await login(live_server.url, "d002")
    for c in (admin, d001, d002):
        clients(c)
    await d002.call("user.subscribe", since=0)
    made = await admin.act("registry.create", **entry(received_on="2026-05-04",
                                                      confidential=True))
    rid = made["registry_id"]
    await admin.act("registry.route", registry_id=rid, handler_id=id1,
                    instruction="Giao Phòng Tài chính chủ trì, báo cáo trước ngày 15/5.",
                    deadline="2026-05-15")
    await admin.act("registry.route", registry_id=rid, handler_id=id2,
                    instruction="Chuyển Phòng Kế hoạch xử lý.", deadline="2026-05-20")
    routed = await d002.next_event("registry.routed")
    assert routed["data"] == {"registry_id": rid, "deadline": "2026-05-20"}
    todo1 = await d001.call("registry.todo")
    todo2 = await d002.call("registry.todo")
    assert todo1["items"] == [] and [i["registry_id"] for i in todo2["items"]] == [rid]
    assert todo2["items"][0]["deadline"] == "2026-05-20" and todo2["items"][0]["overdue"]
    # The earlier handler is no longer the handler.
    assert (await d001.raw("registry.handled", key="h1", registry_id=rid))["code"] == "forbidden"
    done = await d002.act("registry.handled", registry_id=rid, note="Đã trả lời")
    assert done["status"] == "handled"
    assert (await d002.call("registry.todo"))["items"] == []
    got = await d002.call("registry.get", registry_id=rid)
    hist = [(h["action"], h["handler_id"], h["instruction"], h["deadline"])
            for h in got["history"]]
    assert hist == [
        ("created", None, None, None),
        ("routed", id1, "Giao Phòng Tài chính chủ trì, báo cáo trước ngày 15/5.", "2026-05-15"),
        ("routed", id2, "Chuyển Phòng Kế hoạch xử lý.", "2026-05-20"),
        ("handled", None, None, None)]
    # Outgoing documents are not routed.
    out = await admin.act("registry.create", **entry(direction="out"))
    reply = await admin.raw("registry.route", key="r", registry_id=out["registry_id"],
                            handler_id=id1)
    assert reply["code"] == "bad_request"


async def test_an_entry_links_to_a_meetings_agenda_item(live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    made = await admin.act("registry.create", **entry())
    sub = await admin.call("meeting.subscribe", meeting_id=1, since=0)
    item_id = sub["snapshot"]["agenda"][0]["id"]
    linked = await admin.act("registry.link", registry_id=made["registry_id"], meeting_id=1,
                             item_id=item_id)
    assert linked["links"][0]["kind"] == "agenda_item"
    assert linked["links"][0]["item_id"] == item_id
    got = await admin.call("registry.get", registry_id=made["registry_id"])
    assert got["links"] == linked["links"]
    reply = await admin.raw("registry.link", key="x", registry_id=made["registry_id"],
                            meeting_id=1, item_id=987654)
    assert reply["code"] == "not_found"


async def test_update_changes_what_search_finds(live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    made = await admin.act("registry.create", **entry(summary="Kế hoạch phòng chống bão lũ"))
    await admin.act("registry.update", registry_id=made["registry_id"],
                    summary="Kế hoạch phòng chống hạn hán", symbol="88/KH-UBND")
    assert (await admin.call("registry.search", query="bao lu"))["total"] == 0
    found = await admin.call("registry.search", query="han han")
    assert [i["registry_id"] for i in found["items"]] == [made["registry_id"]]
    assert (await admin.call("registry.search", query="88/KH"))["total"] == 1




async def test_a_document_routed_to_a_unit_is_on_its_members_todo(live_server, clients) -> None:
    leader, _ = await login(live_server.url, "lanhdao")
    office, _ = await login(live_server.url, "vanphong")
    for c in (leader, office):
        clients(c)
    people = (await office.call("org.users"))["users"]
    unit_id = next(u["unit_id"] for u in people if u["username"] == "cv001")
    member = next(u["username"] for u in people
                  if u["unit_id"] == unit_id and u["username"] != "cv001")
    outsider = next(u["username"] for u in people
                    if u["unit_id"] not in (unit_id, None) and u["username"].startswith("cv"))
    made = await office.act("registry.create", **entry())
    await leader.act("registry.route", registry_id=made["registry_id"], unit_id=unit_id,
                     instruction="Đơn vị nghiên cứu, tham mưu.", deadline="2027-01-15")
    inside, _ = await login(live_server.url, member, "demo")
    other, _ = await login(live_server.url, outsider, "demo")
    for c in (inside, other):
        clients(c)
    assert [i["registry_id"] for i in (await inside.call("registry.todo"))["items"]] == [
        made["registry_id"]]
    assert (await other.call("registry.todo"))["items"] == []
    assert (await other.raw("registry.handled", key="o", registry_id=made["registry_id"])
            )["code"] == "forbidden"
    done = await inside.act("registry.handled", registry_id=made["registry_id"])
    assert done["status"] == "handled"
    missing = await leader.raw("registry.route", key="m", registry_id=made["registry_id"],
                               unit_id=99_999)
    assert missing["code"] == "not_found"
