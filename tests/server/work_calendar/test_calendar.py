"""The work calendar against a real server: recurrence, double bookings, visibility,
publishing, live updates, reminders, the weekly PDF and the .ics feed."""

from __future__ import annotations

import base64
import subprocess
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path

import recurring_ical_events
from icalendar import Calendar

from server.modules.calendar.recurrence import LOCAL_TZ, expand_library, parse_rrule
from tests.support.wsclient import WsClient

MONDAY = "2026-12-07"


def at(day: str, clock: str) -> str:
    return f"{day}T{clock}:00+07:00"


async def ids(url: str, *usernames: str) -> dict[str, int]:
    out = {}
    for name in usernames:
        c = await WsClient.open(url)
        data = await c.call("auth.login", username=name, password="demo")
        out[name] = data["user"]["id"]
        await c.close()
    return out


def get(url: str, token: str | None = None) -> tuple[int, bytes, str]:
    req = urllib.request.Request(url)
    if token is not None:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("Content-Type", "")


async def giao_ban(admin: WsClient, host: int) -> int:
    """Weekly Monday briefing 08:00–09:30 through December; the 14th moved to Tuesday 15
    afternoon, the 21st cancelled."""
    made = await admin.act("calendar.create", title="Họp giao ban Thường trực UBND",
                           starts_at=at(MONDAY, "08:00"), ends_at=at(MONDAY, "09:30"),
                           host_id=host, location="Phòng họp số 1",
                           rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231", visibility="public")
    event_id = made["event_id"]
    await admin.act("calendar.update", event_id=event_id, scope="occurrence",
                    occurrence=at("2026-12-14", "08:00"),
                    starts_at=at("2026-12-15", "14:00"), ends_at=at("2026-12-15", "15:30"))
    await admin.act("calendar.cancel", event_id=event_id, scope="occurrence",
                    occurrence=at("2026-12-21", "08:00"))
    return event_id


async def test_weekly_giao_ban_with_a_moved_and_a_cancelled_occurrence(live_server,
                                                                      clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    who = await ids(live_server.url, "d010")
    event_id = await giao_ban(admin, who["d010"])
    listed = await admin.call("calendar.list", **{"from": "2026-12-01", "to": "2026-12-31"})
    mine = [e for e in listed["events"] if e["event_id"] == event_id]
    assert [(e["starts_at"], e["ends_at"]) for e in mine] == [
        (at("2026-12-07", "08:00"), at("2026-12-07", "09:30")),
        (at("2026-12-15", "14:00"), at("2026-12-15", "15:30")),
        (at("2026-12-28", "08:00"), at("2026-12-28", "09:30")),
    ]
    assert [e["moved"] for e in mine] == [False, True, False]
    assert mine[1]["occurrence"] == at("2026-12-14", "08:00")
    # The library expander, given the same rule and exceptions, finds the same month.
    rule = parse_rrule("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231")
    start = datetime(2026, 12, 7, 8, 0, tzinfo=LOCAL_TZ)
    library = [s for s in expand_library(start, timedelta(minutes=90), rule,
                                         datetime(2026, 12, 1, tzinfo=LOCAL_TZ),
                                         datetime(2027, 1, 1, tzinfo=LOCAL_TZ))]
    assert [s.day for s in library] == [7, 14, 21, 28]
    kept = {7: 7, 14: 15, 28: 28}  # moved 14 → 15, cancelled 21
    assert [datetime.fromisoformat(e["starts_at"]).day for e in mine] == [
        kept[s.day] for s in library if s.day in kept]
    # One week only: the moved occurrence appears in its new week, not the old one.
    week = await admin.call("calendar.list", **{"from": "2026-12-14", "to": "2026-12-20"})
    assert [e["starts_at"] for e in week["events"] if e["event_id"] == event_id] == [
        at("2026-12-15", "14:00")]
    detail = await admin.call("calendar.get", event_id=event_id)
    assert detail["rrule"] == "FREQ=WEEKLY;UNTIL=20261231T165959Z;BYDAY=MO"
    assert [x["cancelled"] for x in detail["exceptions"]] == [False, True]


async def test_a_leader_booked_twice_is_flagged_with_the_other_event(live_server,
                                                                    clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    who = await ids(live_server.url, "d010", "d011")
    first = await admin.act("calendar.create", title="Tiếp công dân định kỳ",
                            starts_at=at("2026-12-08", "08:00"), ends_at=at("2026-12-08", "11:00"),
                            host_id=who["d010"], location="Trụ sở tiếp công dân")
    assert first["conflicts"] == []
    second = await admin.act("calendar.create", title="Làm việc với Sở Xây dựng",
                             starts_at=at("2026-12-08", "09:30"),
                             ends_at=at("2026-12-08", "10:30"), host_id=who["d011"],
                             participant_ids=[who["d010"]], location="Phòng họp số 2")
    assert second["conflicts"] == [{"event_id": first["event_id"],
                                    "title": "Tiếp công dân định kỳ", "kind": "participant",
                                    "starts_at": at("2026-12-08", "08:00")}]
    # Flagged on every view too, from each side; created all the same.
    listed = await admin.call("calendar.list", **{"from": "2026-12-08", "to": "2026-12-08"})
    by_id = {e["event_id"]: e for e in listed["events"]}
    assert [(c["event_id"], c["kind"]) for c in by_id[first["event_id"]]["conflicts"]] == [
        (second["event_id"], "host")]
    assert [(c["event_id"], c["kind"]) for c in by_id[second["event_id"]]["conflicts"]] == [
        (first["event_id"], "participant")]
    # Ủy quyền: the leader sends someone in their place; the double booking is resolved.
    d012 = (await ids(live_server.url, "d012"))["d012"]
    await admin.act("calendar.update", event_id=first["event_id"], delegate_id=d012)
    listed = await admin.call("calendar.list", **{"from": "2026-12-08", "to": "2026-12-08"})
    assert all(e["conflicts"] == [] for e in listed["events"])
    assert {e["event_id"]: e["delegate_id"] for e in listed["events"]}[
        first["event_id"]] == d012


async def test_a_room_booked_twice_is_flagged(live_server, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    room = await admin.act("calendar.room.create", name="Hội trường tầng 3", capacity=120)
    assert (await admin.call("calendar.rooms"))["rooms"] == [
        {"room_id": room["room_id"], "name": "Hội trường tầng 3", "capacity": 120,
         "location": ""}]
    with_room = {"room_id": room["room_id"]}
    a = await admin.act("calendar.create", title="Hội nghị tổng kết năm",
                        starts_at=at("2026-12-09", "14:00"), ends_at=at("2026-12-09", "17:00"),
                        **with_room)
    b = await admin.act("calendar.create", title="Tập huấn chuyển đổi số",
                        starts_at=at("2026-12-09", "16:00"), ends_at=at("2026-12-09", "17:30"),
                        **with_room)
    assert b["conflicts"] == [{"event_id": a["event_id"], "title": "Hội nghị tổng kết năm",
                               "kind": "location", "starts_at": at("2026-12-09", "14:00")}]
    listed = await admin.call("calendar.list", **{"from": "2026-12-09", "to": "2026-12-09",
                                                  "room_id": room["room_id"]})
    assert [e["location"] for e in listed["events"]] == ["Hội trường tầng 3"] * 2
    # Back to back is no clash.
    c = await admin.act("calendar.create", title="Họp chi bộ",
                        starts_at=at("2026-12-09", "17:30"), ends_at=at("2026-12-09", "18:30"),
                        **with_room)
    assert c["conflicts"] == []
    taken = await admin.raw("calendar.room.create", key="again", name="Hội trường tầng 3",
                            capacity=5)
    assert taken["code"] == "conflict"


async def test_visibility_own_and_involved_not_others_private(live_server, clients) -> None:
    url = live_server.url
    admin = clients(await WsClient.signed_in(url, "admin"))
    d1 = clients(await WsClient.signed_in(url, "d001"))
    d2 = clients(await WsClient.signed_in(url, "d002"))
    who = await ids(url, "d001", "d002", "d003")
    mine = await d1.act("calendar.create", title="Viết báo cáo tháng",
                        starts_at=at("2026-12-10", "08:00"), ends_at=at("2026-12-10", "10:00"))
    invited = await admin.act("calendar.create", title="Làm việc với phòng Tài chính",
                              starts_at=at("2026-12-10", "14:00"),
                              ends_at=at("2026-12-10", "15:00"), host_id=who["d003"],
                              participant_ids=[who["d002"]])
    public = await admin.act("calendar.create", title="Chào cờ đầu tháng",
                             starts_at=at("2026-12-10", "07:00"),
                             ends_at=at("2026-12-10", "07:30"), visibility="public")
    day = {"from": "2026-12-10", "to": "2026-12-10"}
    seen1 = {e["event_id"] for e in (await d1.call("calendar.list", **day))["events"]}
    seen2 = {e["event_id"] for e in (await d2.call("calendar.list", **day))["events"]}
    assert seen1 == {mine["event_id"], public["event_id"]}
    assert seen2 == {invited["event_id"], public["event_id"]}
    everything = {e["event_id"] for e in (await admin.call("calendar.list", **day))["events"]}
    assert everything >= {mine["event_id"], invited["event_id"], public["event_id"]}
    # Another's private event is exactly a missing one, for reads and writes alike.
    for reply in (await d2.raw("calendar.get", event_id=mine["event_id"]),
                  await d2.raw("calendar.cancel", key="c1", event_id=mine["event_id"]),
                  await d2.raw("calendar.get", event_id=999999)):
        assert reply["code"] == "not_found"
        assert reply["message"] == "Không tìm thấy lịch công tác."
    # Seen but not theirs to change: forbidden, and nothing changed.
    reply = await d2.raw("calendar.update", key="u1", event_id=public["event_id"], title="X")
    assert reply["code"] == "forbidden"
    # Staff host their own events only.
    reply = await d1.raw("calendar.create", key="k1", title="Giao việc",
                         starts_at=at("2026-12-11", "08:00"), ends_at=at("2026-12-11", "09:00"),
                         host_id=who["d002"])
    assert reply["code"] == "forbidden"
    # The user filter shows one person's week (the per-leader view).
    only = await admin.call("calendar.list", **day, user_id=who["d002"])
    assert [e["event_id"] for e in only["events"]] == [invited["event_id"]]


async def test_bad_input_gets_a_clear_error_and_changes_nothing(live_server, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    cases = [
        dict(title="Sai giờ", starts_at="2026-12-10T08:00:00", ends_at=at("2026-12-10", "09:00")),
        dict(title="Ngược", starts_at=at("2026-12-10", "09:00"), ends_at=at("2026-12-10", "08:00")),
        dict(title="Luật", starts_at=at("2026-12-10", "08:00"), ends_at=at("2026-12-10", "09:00"),
             rrule="FREQ=SECONDLY"),
        dict(title="Lệch ngày", starts_at=at("2026-12-10", "08:00"),
             ends_at=at("2026-12-10", "09:00"), rrule="FREQ=WEEKLY;BYDAY=MO"),
        dict(title="Người lạ", starts_at=at("2026-12-10", "08:00"),
             ends_at=at("2026-12-10", "09:00"), participant_ids=[987654]),
    ]
    for i, fields in enumerate(cases):
        reply = await admin.raw("calendar.create", key=f"bad{i}", **fields)
        assert reply["type"] == "error" and reply["code"] in ("bad_request", "not_found"), reply
        assert reply["message"]
    listed = await admin.call("calendar.list", **{"from": "2026-12-10", "to": "2026-12-10"})
    assert [e for e in listed["events"] if e["event_id"] is not None] == []
    reply = await admin.raw("calendar.list", **{"from": "2026-01-01", "to": "2028-01-01"})
    assert reply["code"] == "bad_request"


async def test_the_ics_feed_gives_the_same_occurrences(live_server, clients) -> None:
    url = live_server.url
    admin = clients(await WsClient.open(url))
    login = await admin.call("auth.login", username="admin", password="demo")
    who = await ids(url, "d010")
    event_id = await giao_ban(admin, who["d010"])
    single = await admin.act("calendar.create", title="Đón đoàn công tác tỉnh bạn",
                             starts_at=at("2026-12-17", "09:00"),
                             ends_at=at("2026-12-17", "11:00"), location="Cửa khẩu Bắc Luân")
    feed = f"{live_server.api}/calendar.ics?from=2026-12-01&to=2026-12-31"
    assert get(feed)[0] == 401
    assert get(feed, "not-a-token")[0] == 401
    status, body, ctype = get(feed, login["token"])
    assert status == 200 and ctype.startswith("text/calendar")
    cal = Calendar.from_ical(body)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    for vevent in cal.walk("VEVENT"):
        assert vevent["UID"].endswith("@hop-thong-minh")
        assert vevent["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        if "RRULE" in vevent:
            until = vevent["RRULE"]["UNTIL"][0]
            assert until.tzinfo is not None and until.utcoffset() == timedelta(0)
            assert b"UNTIL=20261231T165959Z" in body
    found = recurring_ical_events.of(cal).between(date(2026, 12, 1), date(2027, 1, 1))
    from_ics = sorted((str(e["UID"]), e.decoded("DTSTART").astimezone(LOCAL_TZ).isoformat())
                      for e in found)
    listed = await admin.call("calendar.list", **{"from": "2026-12-01", "to": "2026-12-31"})
    from_list = sorted((f"event-{e['event_id']}@hop-thong-minh" if e["event_id"] else
                        f"meeting-{e['meeting_id']}@hop-thong-minh",
                        datetime.fromisoformat(e["starts_at"]).isoformat())
                       for e in listed["events"])
    assert from_ics == from_list
    assert (f"event-{event_id}@hop-thong-minh", at("2026-12-15", "14:00")) in from_ics
    assert (f"event-{single['event_id']}@hop-thong-minh", at("2026-12-17", "09:00")) in from_ics
    status, body, _ = get(f"{live_server.api}/calendar.ics?from=bad&to=2026-12-31",
                          login["token"])
    assert status == 400


async def test_publishing_then_a_change_supersedes_the_week_and_tells_those_affected(
        live_server, clients) -> None:
    url = live_server.url
    admin = clients(await WsClient.signed_in(url, "admin"))
    d5 = clients(await WsClient.signed_in(url, "d005"))
    d6 = clients(await WsClient.signed_in(url, "d006"))
    who = await ids(url, "d005")
    made = await admin.act("calendar.create", title="Kiểm tra tiến độ dự án",
                           starts_at=at("2026-12-09", "08:00"), ends_at=at("2026-12-09", "11:00"),
                           participant_ids=[who["d005"]])
    published = await admin.act("calendar.publish", week="2026-12-10")
    assert published["week"] == MONDAY and published["version"] == 1
    await d5.call("user.subscribe", since=0)
    await d6.call("user.subscribe", since=0)
    await admin.act("calendar.update", event_id=made["event_id"],
                    starts_at=at("2026-12-09", "14:00"), ends_at=at("2026-12-09", "16:00"))
    told = await d5.next_event("calendar.superseded")
    assert told["data"] == {"week": MONDAY, "version": 1, "event_id": made["event_id"]}
    assert d6.drain_events() == []
    week = await admin.call("calendar.list", **{"from": MONDAY, "to": "2026-12-13"})
    assert week["weeks"][-1] == {"week": MONDAY, "version": 1,
                                 "published_at": week["weeks"][-1]["published_at"],
                                 "superseded": True}
    again = await admin.act("calendar.publish", week=MONDAY)
    assert again["version"] == 2
    pdf = await admin.call("calendar.week_pdf", week=MONDAY)
    assert pdf["version"] == 2 and not pdf["superseded"]
    refused = await d5.raw("calendar.publish", key="p", week=MONDAY)
    assert refused["code"] == "forbidden"


async def test_every_open_calendar_hears_of_a_change(live_server, clients) -> None:
    url = live_server.url
    admin = clients(await WsClient.signed_in(url, "admin"))
    watcher = clients(await WsClient.signed_in(url, "d007"))
    sub = await watcher.call("calendar.subscribe", since=0)
    assert sub["topic"] == "calendar"
    await admin.act("calendar.create", title="Họp bí mật", starts_at=at("2026-12-11", "08:00"),
                    ends_at=at("2026-12-11", "09:00"))
    event = await watcher.next_event("calendar.changed")
    assert event["topic"] == "calendar"
    assert event["data"] == {"from": "2026-12-11", "to": "2026-12-11"}  # dates, no content
    # Resume from the last seq replays nothing; from 0 asks for a refresh.
    again = clients(await WsClient.signed_in(url, "d007"))
    resumed = await again.call("calendar.subscribe", since=event["seq"])
    assert resumed == {"topic": "calendar", "seq": event["seq"]}


async def test_a_reminder_comes_once_before_the_event(live_server, clients) -> None:
    url = live_server.url
    admin = clients(await WsClient.signed_in(url, "admin"))
    d8 = clients(await WsClient.signed_in(url, "d008"))
    d9 = clients(await WsClient.signed_in(url, "d009"))
    who = await ids(url, "d008", "d009")
    assert await d9.act("calendar.reminder", minutes=0) == {"minutes": 0}
    assert await d8.act("calendar.reminder") == {"minutes": 30}
    await d8.call("user.subscribe", since=0)
    await d9.call("user.subscribe", since=0)
    soon = datetime.now(LOCAL_TZ).replace(microsecond=0) + timedelta(minutes=10)
    made = await admin.act("calendar.create", title="Họp khẩn phòng chống dịch",
                           starts_at=soon.isoformat(),
                           ends_at=(soon + timedelta(hours=1)).isoformat(),
                           participant_ids=[who["d008"], who["d009"]])
    reminder = await d8.next_event("calendar.reminder", timeout=20)
    assert reminder["data"] == {"event_id": made["event_id"], "meeting_id": None,
                                "starts_at": soon.isoformat(), "minutes": 30}
    # Once per occasion, across a restart too; d009 turned reminders off.
    live_server.stop()
    live_server.start()
    d8b = clients(await WsClient.signed_in(url, "d008"))
    sub = await d8b.call("user.subscribe", since=reminder["seq"])
    admin2 = clients(await WsClient.signed_in(url, "admin"))
    # A later event proves the timer ran again after the restart.
    later = await admin2.act("calendar.create", title="Họp tiếp",
                             starts_at=(soon + timedelta(minutes=5)).isoformat(),
                             ends_at=(soon + timedelta(minutes=50)).isoformat(),
                             participant_ids=[who["d008"]])
    nxt = await d8b.next_event("calendar.reminder", timeout=20)
    assert nxt["data"]["event_id"] == later["event_id"]
    # Nothing sent twice across the restart: after the first reminder only its alert
    # (alert.raised, the toast) and then the later event's reminder.
    assert nxt["seq"] == sub["seq"] + 1 == reminder["seq"] + 2
    d9b = clients(await WsClient.signed_in(url, "d009"))
    assert (await d9b.call("user.subscribe", since=0))["seq"] == 0


async def test_the_weekly_pdf(live_server, clients, tmp_path: Path) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    who = await ids(live_server.url, "d010", "d011")
    await giao_ban(admin, who["d010"])
    await admin.act("calendar.create", title="Kiểm tra công tác phòng cháy chữa cháy chợ "
                    "trung tâm", starts_at=at("2026-12-08", "14:00"),
                    ends_at=at("2026-12-08", "16:30"), host_id=who["d011"],
                    participant_ids=[who["d010"]], location="Chợ Trung tâm Móng Cái")
    reply = await admin.call("calendar.week_pdf", week="2026-12-09")
    assert reply["filename"] == "lich-cong-tac-tuan-2026-12-07.pdf"
    pdf = tmp_path / "week.pdf"
    pdf.write_bytes(base64.b64decode(reply["content_base64"]))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "LỊCH CÔNG TÁC TUẦN", "từ ngày 07/12/2026 đến ngày 13/12/2026",
                     "Thứ Hai", "07/12", "Thứ Ba", "08/12", "Sáng", "Chiều", "Nội dung",
                     "Chủ trì", "Thành phần", "Địa điểm", "Chuẩn bị",
                     "08h00: Họp giao ban Thường trực UBND", "Chợ Trung tâm Móng Cái",
                     "CHÁNH VĂN PHÒNG", "Nơi nhận"):
        assert expected in flat, expected
    # A long title wraps inside its cell: pdftotext may put the next column's text between
    # its lines, but its words come in order.
    words = iter(flat.split())
    wanted = "14h00: Kiểm tra công tác phòng cháy chữa cháy chợ trung tâm"
    assert all(w in words for w in wanted.split())


async def test_meetings_appear_by_themselves_and_move_with_their_row(live_server,
                                                                    clients) -> None:
    import sqlite3

    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    outsider = clients(await WsClient.signed_in(live_server.url, "d001"))
    db = live_server.db_path
    con = sqlite3.connect(db)
    con.execute("UPDATE meetings SET starts_at='2026-12-16T01:30:00.000Z' WHERE id=1")
    con.commit()
    week = {"from": "2026-12-14", "to": "2026-12-20"}
    listed = await chair.call("calendar.list", **week)
    meeting = [e for e in listed["events"] if e["meeting_id"] == 1]
    assert [(m["event_id"], m["starts_at"]) for m in meeting] == [
        (None, at("2026-12-16", "08:30"))]
    assert meeting[0]["host_id"] == (await ids(live_server.url, "chair"))["chair"]
    # d001 is a delegate of meeting 1: it is theirs to see too.
    assert any(e["meeting_id"] == 1 for e in (await outsider.call("calendar.list",
                                                                  **week))["events"])
    con.execute("UPDATE meetings SET starts_at='2026-12-18T07:00:00.000Z' WHERE id=1")
    con.commit()
    con.close()
    listed = await chair.call("calendar.list", **week)
    assert [e["starts_at"] for e in listed["events"] if e["meeting_id"] == 1] == [
        at("2026-12-18", "14:00")]


async def test_units_and_global_roles(live_server, clients) -> None:
    """Staff see their unit's events, not another unit's private ones; leaders and the
    office see all; only the office publishes; a unit's head is booked with the unit."""
    url = live_server.url
    office = clients(await WsClient.signed_in(url, "vanphong"))
    leader = clients(await WsClient.signed_in(url, "lanhdao"))
    cv003 = clients(await WsClient.signed_in(url, "cv003"))  # Phòng Tài chính - Kế hoạch
    cv005 = clients(await WsClient.signed_in(url, "cv005"))  # Phòng Tư pháp
    units = {u["code"]: u["id"] for u in (await office.call("org.units"))["units"]}
    who = await ids(url, "lanhdao", "tptckh")
    budget = await office.act("calendar.create", title="Rà soát dự toán ngân sách 2027",
                              starts_at=at("2026-12-10", "08:00"),
                              ends_at=at("2026-12-10", "11:00"), host_id=who["lanhdao"],
                              unit_ids=[units["TCKH"]], preparing_unit_id=units["TCKH"])
    assert budget["conflicts"] == []
    # The head of Tài chính - Kế hoạch is booked with the unit: a second event for them
    # at the same time is flagged, naming the first.
    other = await office.act("calendar.create", title="Đối thoại doanh nghiệp",
                             starts_at=at("2026-12-10", "09:00"),
                             ends_at=at("2026-12-10", "10:00"),
                             participant_ids=[who["tptckh"]])
    assert [(c["event_id"], c["kind"]) for c in other["conflicts"]] == [
        (budget["event_id"], "participant")]
    day = {"from": "2026-12-10", "to": "2026-12-10"}
    seen3 = {e["event_id"] for e in (await cv003.call("calendar.list", **day))["events"]}
    seen5 = {e["event_id"] for e in (await cv005.call("calendar.list", **day))["events"]}
    seen_leader = {e["event_id"] for e in (await leader.call("calendar.list", **day))["events"]}
    assert budget["event_id"] in seen3
    assert budget["event_id"] not in seen5 and other["event_id"] not in seen5
    assert seen_leader >= {budget["event_id"], other["event_id"]}
    assert (await cv005.raw("calendar.get", event_id=budget["event_id"]))["code"] == "not_found"
    by_unit = await office.call("calendar.list", **day, unit_id=units["TCKH"])
    assert [e["event_id"] for e in by_unit["events"]] == [budget["event_id"]]
    # Only the office publishes and adds rooms; a leader sees all but may not.
    assert (await leader.raw("calendar.publish", key="p", week=MONDAY))["code"] == "forbidden"
    assert (await office.act("calendar.publish", week=MONDAY))["version"] == 1
    assert (await cv003.raw("calendar.room.create", key="r", name="Phòng 5",
                            capacity=10))["code"] == "forbidden"
    # The weekly PDF is signed by the head of the office's unit.
    pdf = await office.call("calendar.week_pdf", week=MONDAY)
    data = base64.b64decode(pdf["content_base64"])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, check=True,
                          capture_output=True).stdout.decode()
    flat = " ".join(text.split())
    assert "VĂN PHÒNG HĐND VÀ UBND" in flat and "Bùi Đức Thịnh" in flat
    assert "Phòng Tài chính - Kế hoạch" in flat


async def test_kept_occurrences_follow_the_series_and_long_series_still_expand(
        live_server, clients) -> None:
    """Bounded series keep their occurrences for fast weeks; a change to the series rewrites
    them, a cancelled series leaves none, and a series too long to keep (a daily rule over
    years) is still expanded for whatever week is asked."""
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))

    async def starts(event_id: int, first: str, last: str) -> list[str]:
        listed = await admin.call("calendar.list", **{"from": first, "to": last})
        return [e["starts_at"] for e in listed["events"] if e["event_id"] == event_id]

    made = await admin.act("calendar.create", title="Tiếp công dân", location="Trụ sở",
                           starts_at=at(MONDAY, "14:00"), ends_at=at(MONDAY, "16:00"),
                           rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=3", visibility="public")
    weekly = made["event_id"]
    assert await starts(weekly, "2026-12-01", "2027-01-31") == [
        at("2026-12-07", "14:00"), at("2026-12-14", "14:00"), at("2026-12-21", "14:00")]
    await admin.act("calendar.update", event_id=weekly, scope="series",
                    rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=5")
    assert await starts(weekly, "2027-01-01", "2027-01-31") == [at("2027-01-04", "14:00")]
    await admin.act("calendar.cancel", event_id=weekly)
    assert await starts(weekly, "2026-12-01", "2027-01-31") == []

    made = await admin.act("calendar.create", title="Trực ban", location="Phòng trực",
                           starts_at=at(MONDAY, "07:00"), ends_at=at(MONDAY, "07:30"),
                           rrule="FREQ=DAILY;UNTIL=20311231", visibility="public")
    daily = made["event_id"]
    assert await starts(daily, "2031-06-02", "2031-06-04") == [
        at("2031-06-02", "07:00"), at("2031-06-03", "07:00"), at("2031-06-04", "07:00")]
