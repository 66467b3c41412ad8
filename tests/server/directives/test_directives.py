"""Directives against a real server: from a conclusion to completion, visibility, the
extension history, reminders fired once across restarts, the dashboard's figures."""

from __future__ import annotations

import base64
import io
import subprocess
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from tests.support.wsclient import Failed, WsClient

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def today() -> date:
    return datetime.now(LOCAL).date()


def day(offset: int) -> str:
    return (today() + timedelta(days=offset)).isoformat()


async def directory(url: str) -> tuple[dict[str, dict], dict[str, int]]:
    admin = await WsClient.signed_in(url, "admin")
    users = {u["username"]: u for u in (await admin.call("org.users"))["users"]}
    units = {u["code"]: u["id"] for u in (await admin.call("org.units"))["units"]}
    await admin.close()
    return users, units


async def test_a_conclusion_becomes_a_directive_with_its_source(live_server, clients) -> None:
    users, units = await directory(live_server.url)
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    snap = await chair.call("meeting.subscribe", meeting_id=1, since=0)
    item = snap["snapshot"]["agenda"][1]["id"]
    made = await chair.act("directive.create", content="Hoàn thiện đề án chợ biên giới",
                           deadline=day(10), assignee_id=users["cv003"]["id"],
                           source={"meeting_id": 1, "item_id": item}, priority="urgent")
    got = await chair.call("directive.get", directive_id=made["directive_id"])
    assert got["source"] == {"meeting_id": 1, "item_id": item}
    assert got["assignee_unit_id"] == units["TCKH"] == users["cv003"]["unit_id"]
    assert got["status"] == "assigned" and got["priority"] == "urgent"
    assert [h["kind"] for h in got["history"]] == ["created"]
    listed = await chair.call("directive.list", meeting_id=1)
    assert [d["directive_id"] for d in listed["directives"]] == [made["directive_id"]]
    # The assignee sees it among theirs, live: directive.changed reached their user topic.
    cv003 = clients(await WsClient.signed_in(live_server.url, "cv003"))
    mine = await cv003.call("directive.list", scope="mine")
    assert [d["directive_id"] for d in mine["directives"]] == [made["directive_id"]]
    # A clerk (not the chair) may not issue from the meeting.
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    reply = await clerk.raw("directive.create", key="k", content="Không được",
                            deadline=day(3), assignee_id=users["cv003"]["id"],
                            source={"meeting_id": 1})
    assert reply["code"] == "forbidden"


async def test_report_return_report_complete_and_on_time(live_server, clients) -> None:
    users, _ = await directory(live_server.url)
    leader = clients(await WsClient.signed_in(live_server.url, "lanhdao"))
    cv003 = clients(await WsClient.signed_in(live_server.url, "cv003"))
    await cv003.call("user.subscribe", since=0)
    due_today = (await leader.act("directive.create", content="Báo cáo thu ngân sách quý IV",
                                  deadline=day(0), assignee_id=users["cv003"]["id"]))
    did = due_today["directive_id"]
    ev = await cv003.next_event("directive.changed")
    assert ev["data"] == {"directive_id": did, "status": "assigned", "change": "created"}
    assert (await cv003.act("directive.report", directive_id=did, status="in_progress",
                            note="Đang tổng hợp", percent=40)) == {
        "directive_id": did, "status": "in_progress"}
    await cv003.act("directive.report", directive_id=did, status="reported",
                    note="Đã gửi báo cáo", percent=100)
    assert (await leader.act("directive.return", directive_id=did,
                             note="Bổ sung số liệu xã"))["status"] == "returned"
    # Only a submitted report can be returned; the assignee cannot complete.
    assert (await leader.raw("directive.return", key="r2", directive_id=did))["code"] == \
        "conflict"
    assert (await cv003.raw("directive.complete", key="c", directive_id=did))["code"] == \
        "forbidden"
    await cv003.act("directive.report", directive_id=did, status="reported",
                    note="Đã bổ sung", percent=100)
    done = await leader.act("directive.complete", directive_id=did)
    assert done["status"] == "completed" and done["on_time"] is True
    got = await cv003.call("directive.get", directive_id=did)
    assert [h["kind"] for h in got["history"]] == [
        "created", "report", "report", "returned", "report", "completed"]
    assert got["history"][3]["note"] == "Bổ sung số liệu xã"
    assert got["on_time"] is True and got["overdue"] is False
    assert (await leader.raw("directive.complete", key="c2", directive_id=did))["code"] == \
        "conflict"

    # The other side of the deadline: due yesterday, overdue until completed late.
    late = (await leader.act("directive.create", content="Rà soát hồ sơ đất đai",
                             deadline=day(-1), assignee_id=users["cv003"]["id"]))
    lid = late["directive_id"]
    overdue = await cv003.call("directive.list", overdue=True)
    assert [d["directive_id"] for d in overdue["directives"]] == [lid]
    assert overdue["directives"][0]["overdue"] is True
    done = await leader.act("directive.complete", directive_id=lid)
    assert done["on_time"] is False
    assert (await cv003.call("directive.list", overdue=True))["directives"] == []


async def test_an_extension_moves_the_deadline_and_stays_in_the_history(
        live_server, clients) -> None:
    users, units = await directory(live_server.url)
    office = clients(await WsClient.signed_in(live_server.url, "vanphong"))
    cv004 = clients(await WsClient.signed_in(live_server.url, "cv004"))  # TCKH, not named
    did = (await office.act("directive.create", content="Lập dự toán 2027",
                            deadline=day(2), assignee_unit_id=units["TCKH"]))["directive_id"]
    ext = await cv004.act("directive.extend_request", directive_id=did,
                          new_deadline=day(9), reason="Chờ số liệu của Sở")
    second = await cv004.raw("directive.extend_request", key="x2", directive_id=did,
                             new_deadline=day(12))
    assert second["code"] == "conflict"
    assert (await cv004.raw("directive.extend_decide", key="d", extension_id=ext[
        "extension_id"], decision="granted"))["code"] == "forbidden"
    decided = await office.act("directive.extend_decide", extension_id=ext["extension_id"],
                               decision="granted", note="Đồng ý")
    assert decided["deadline"] == day(9)
    got = await cv004.call("directive.get", directive_id=did)
    assert got["deadline"] == day(9)
    assert [(h["kind"], h["deadline_from"], h["deadline_to"]) for h in got["history"]] == [
        ("created", None, day(2)), ("extend_request", day(2), day(9)),
        ("extend_granted", day(2), day(9))]
    assert got["extensions"][0]["decision"] == "granted"
    # A refused request leaves the deadline where it was, and is kept too.
    ext2 = await cv004.act("directive.extend_request", directive_id=did, new_deadline=day(20))
    await office.act("directive.extend_decide", extension_id=ext2["extension_id"],
                     decision="refused", note="Không gia hạn thêm")
    got = await cv004.call("directive.get", directive_id=did)
    assert got["deadline"] == day(9)
    assert [e["decision"] for e in got["extensions"]] == ["granted", "refused"]
    # Bad input changes nothing.
    bad = await cv004.raw("directive.extend_request", key="b", directive_id=did,
                          new_deadline=day(1))
    assert bad["code"] == "bad_request"
    assert users["cv004"]["unit_id"] == units["TCKH"]


async def test_another_units_staff_get_not_found(live_server, clients) -> None:
    users, units = await directory(live_server.url)
    leader = clients(await WsClient.signed_in(live_server.url, "lanhdao"))
    did = (await leader.act("directive.create", content="Kiểm tra an toàn thực phẩm",
                            deadline=day(5), assignee_id=users["cv003"]["id"],
                            coordinating=[{"unit_id": units["TNMT"],
                                           "part": "Lấy mẫu nước"}]))["directive_id"]
    cv005 = clients(await WsClient.signed_in(live_server.url, "cv005"))  # Phòng Tư pháp
    for name, fields in (("directive.get", {}), ("directive.complete", {}),
                         ("directive.return", {}),
                         ("directive.report", {"status": "reported"}),
                         ("directive.extend_request", {"new_deadline": day(9)})):
        reply = await cv005.raw(name, key=name, directive_id=did, **fields)
        assert reply["code"] == "not_found", (name, reply)
    assert (await cv005.call("directive.list"))["directives"] == []
    # A coordinating unit sees it and reports its own part; the state stays the lead's.
    cv006 = clients(await WsClient.signed_in(live_server.url, "cv006"))  # TNMT
    assert (await cv006.call("directive.get", directive_id=did))["coordinating"][0][
        "part"] == "Lấy mẫu nước"
    assert (await cv006.raw("directive.report", key="r", directive_id=did,
                            status="reported"))["code"] == "forbidden"
    await cv006.act("directive.report", directive_id=did, status="in_progress",
                    unit_id=units["TNMT"], percent=50, note="Đã lấy 3 mẫu")
    got = await leader.call("directive.get", directive_id=did)
    assert got["status"] == "assigned"
    assert got["coordinating"][0]["percent"] == 50
    # Staff may not see the dashboard.
    assert (await cv005.raw("directive.dashboard"))["code"] == "forbidden"


async def test_an_overdue_directive_raises_one_reminder_across_restarts(
        make_server, clients) -> None:
    server = make_server(30, ["--directive-scan-s", "0.2"])
    users, _ = await directory(server.url)
    cv003 = await WsClient.signed_in(server.url, "cv003")
    assert (await cv003.call("user.subscribe", since=0))["seq"] == 0
    leader = await WsClient.signed_in(server.url, "lanhdao")
    first = (await leader.act("directive.create", content="Nộp báo cáo tổng kết",
                              deadline=day(-1), assignee_id=users["cv003"]["id"]))
    await leader.close()
    ev = await cv003.next_event("directive.reminder")
    assert ev["data"] == {"directive_id": first["directive_id"], "kind": "overdue",
                          "deadline": day(-1)}
    await cv003.close()
    server.stop()
    server.start()
    leader = clients(await WsClient.signed_in(server.url, "lanhdao"))
    # A second directive's reminder shows that scans have run since the restart; a scan
    # fires in id order, so a second firing of the first would come before it.
    second = (await leader.act("directive.create", content="Nộp báo cáo quý",
                               deadline=day(-2), assignee_id=users["cv003"]["id"]))
    cv003 = clients(await WsClient.signed_in(server.url, "cv003"))
    await cv003.call("user.subscribe", since=1)  # event 1: the first's creation
    seen = []
    while not seen or seen[-1] != second["directive_id"]:
        seen.append((await cv003.next_event("directive.reminder"))["data"]["directive_id"])
    assert seen == [first["directive_id"], second["directive_id"]]
    got = await leader.call("directive.get", directive_id=first["directive_id"])
    assert [h["kind"] for h in got["history"]].count("reminder_overdue") == 1
    # The lead unit's head got both reminders too.
    head = clients(await WsClient.signed_in(server.url, "tptckh"))
    await head.call("user.subscribe", since=1)
    reminders = [(await head.next_event("directive.reminder"))["data"]["directive_id"]
                 for _ in range(2)]
    assert reminders == [first["directive_id"], second["directive_id"]]


async def test_the_dashboard_counts_the_four_groups(live_server, clients, tmp_path) -> None:
    _, units = await directory(live_server.url)
    leader = clients(await WsClient.signed_in(live_server.url, "lanhdao"))

    async def make(deadline: str | None, unit: str) -> int:
        return (await leader.act("directive.create", content=f"Việc {unit} {deadline}",
                                 deadline=deadline, assignee_unit_id=units[unit]))[
            "directive_id"]

    on_time = await make(day(3), "TCKH")
    late = await make(day(-2), "TCKH")
    await make(day(4), "TCKH")  # not yet due
    await make(day(-40), "TCKH")  # overdue > 30 days
    await make(day(-1), "TP")  # overdue
    await make(None, "TP")  # no deadline
    for did in (on_time, late):
        await leader.act("directive.complete", directive_id=did)
    board = await leader.call("directive.dashboard")
    by_unit = {u["unit_id"]: u for u in board["units"]}
    tckh, tp = by_unit[units["TCKH"]], by_unit[units["TP"]]
    assert (tckh["completed_on_time"], tckh["completed_late"], tckh["not_due"],
            tckh["overdue"], tckh["overdue_30"], tckh["total"]) == (1, 1, 1, 1, 1, 4)
    assert tckh["on_time_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert (tp["overdue"], tp["no_deadline"], tp["total"]) == (1, 1, 2)
    assert board["totals"]["overdue"] == 2 and board["totals"]["total"] == 6
    # A date range counts every directive in it: the same figures here.
    ranged = await leader.call("directive.dashboard", issued_from=day(-1), issued_to=day(0))
    assert ranged["units"] == board["units"] and ranged["totals"] == board["totals"]
    assert (await leader.call("directive.dashboard", issued_to=day(-1)))["units"] == []
    office = clients(await WsClient.signed_in(live_server.url, "vanphong"))
    assert (await office.call("directive.dashboard"))["totals"] == board["totals"]

    # The XLSX: one sheet of directives, one of the per-unit summary, the same counts.
    xlsx = await office.call("directive.export", format="xlsx")
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx["content_base64"])))
    assert book.sheetnames == ["Nhiệm vụ", "Tổng hợp theo đơn vị"]
    listed = list(book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    assert len(listed) == 6
    assert sum(1 for r in listed if r[6] == "Có") == 2  # overdue (the late one is done)
    summary = {r[0]: r for r in book["Tổng hợp theo đơn vị"].iter_rows(min_row=2,
                                                                        values_only=True)}
    assert summary["Phòng Tài chính - Kế hoạch"][1:8] == (1, 1, 1, 1, 0, 1, 4)
    assert summary["Phòng Tư pháp"][1:8] == (0, 0, 0, 1, 1, 0, 2)
    assert summary["Tổng cộng"][7] == 6
    # The PDF report, read back with pdftotext.
    pdf = await leader.call("directive.export", format="pdf")
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(base64.b64decode(pdf["content_base64"]))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "BÁO CÁO" in text and "Tình hình thực hiện nhiệm vụ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "tổng số nhiệm vụ được giao là 6" in text
    assert "hoàn thành đúng hạn 1; hoàn thành quá hạn 1" in text
    assert "Phòng Tài chính - Kế hoạch" in text and "33.3%" in text
    # The Decree-30 page of the minutes and invitations: number line, motto, date, the
    # recipients and the agency's signature block after the table.
    assert "Độc lập - Tự do - Hạnh phúc" in text and "/BC-UBND" in text
    today = datetime.now(LOCAL).date()
    assert f"ngày {today.day:02d} tháng" in text
    assert text.index("Tổng cộng") < text.index("Nơi nhận:") < text.index(
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")
    assert "Lưu: VT." in text


async def test_overdue_work_of_participants_comes_back_to_the_meeting(
        live_server, clients) -> None:
    users, _ = await directory(live_server.url)
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    d005 = users["d005"]["id"]
    late = (await admin.act("directive.create", content="Trả lời kiến nghị cử tri",
                            deadline=day(-3), assignee_id=d005))["directive_id"]
    await admin.act("directive.create", content="Chưa đến hạn", deadline=day(3),
                    assignee_id=d005)
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    pending = await chair.call("directive.pending_for_meeting", meeting_id=1)
    assert [d["directive_id"] for d in pending["directives"]] == [late]
    d001 = clients(await WsClient.signed_in(live_server.url, "d001"))
    assert (await d001.raw("directive.pending_for_meeting", meeting_id=1))["code"] == \
        "forbidden"
    with pytest.raises(Failed):
        await chair.call("directive.pending_for_meeting", meeting_id=999)

    # The clerk puts it on the agenda: the item keeps the directive, the directive shows it.
    assert pending["directives"][0]["agenda_item_id"] is None
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    item = (await clerk.act("agenda.add", meeting_id=1, title="Trả lời kiến nghị cử tri",
                            directive_id=late))["item_id"]
    again = await chair.call("directive.pending_for_meeting", meeting_id=1)
    assert again["directives"][0]["agenda_item_id"] == item
    snap = (await clerk.call("meeting.subscribe", meeting_id=1))["snapshot"]
    assert [a["directive_id"] for a in snap["agenda"] if a["id"] == item] == [late]
    shown = await admin.call("directive.get", directive_id=late)
    assert [(m["meeting_id"], m["item_id"]) for m in shown["on_agenda"]] == [(1, item)]
    # Twice on one agenda, or a directive that does not exist: refused, nothing added.
    before = len(snap["agenda"])
    assert (await clerk.raw("agenda.add", key="twice", meeting_id=1, title="Lại",
                            directive_id=late))["code"] == "conflict"
    assert (await clerk.raw("agenda.add", key="none", meeting_id=1, title="Không có",
                            directive_id=987654))["code"] == "not_found"
    snap = (await clerk.call("meeting.subscribe", meeting_id=1))["snapshot"]
    assert len(snap["agenda"]) == before


async def test_global_roles_see_all_and_staff_only_their_units(live_server, clients) -> None:
    """leader, office and admin see and decide every directive; the operator and staff of
    another unit see none of it; only leaders, office and admins issue without a meeting."""
    users, units = await directory(live_server.url)
    leader = clients(await WsClient.signed_in(live_server.url, "lanhdao"))
    did = (await leader.act("directive.create", content="Cải tạo vỉa hè", deadline=day(7),
                            assignee_unit_id=units["TNMT"]))["directive_id"]
    for name in ("admin", "vanphong", "lanhdao", "pct1"):
        c = clients(await WsClient.signed_in(live_server.url, name))
        assert (await c.call("directive.get", directive_id=did))["directive_id"] == did
        assert did in [d["directive_id"] for d in
                       (await c.call("directive.list"))["directives"]]
        assert "totals" in await c.call("directive.dashboard")
    for name in ("vanhanh", "cv001"):
        c = clients(await WsClient.signed_in(live_server.url, name))
        assert (await c.raw("directive.get", directive_id=did))["code"] == "not_found"
        assert (await c.call("directive.list"))["directives"] == []
        assert (await c.raw("directive.dashboard"))["code"] == "forbidden"
        assert (await c.raw("directive.create", key="k", content="x", deadline=day(1),
                            assignee_unit_id=units["TNMT"]))["code"] == "forbidden"
    office = clients(await WsClient.signed_in(live_server.url, "vanphong"))
    assert (await office.act("directive.create", content="Chuẩn bị hội nghị",
                             assignee_id=users["cv006"]["id"]))["directive_id"] > did
    cv007 = clients(await WsClient.signed_in(live_server.url, "cv007"))  # TNMT
    assert len((await cv007.call("directive.list", scope="mine"))["directives"]) == 2
    assert (await cv007.call("directive.list", scope="issued"))["directives"] == []


async def test_a_near_deadline_reminds_and_an_extension_rearms_it(make_server, clients) -> None:
    """Due within the configured working days: one "due" reminder; a granted extension
    makes a new deadline, whose own reminder fires once more when it comes near."""
    server = make_server(30, ["--directive-scan-s", "0.2", "--directive-remind-days", "30"])
    users, _ = await directory(server.url)
    cv003 = clients(await WsClient.signed_in(server.url, "cv003"))
    await cv003.call("user.subscribe", since=0)
    leader = clients(await WsClient.signed_in(server.url, "lanhdao"))
    did = (await leader.act("directive.create", content="Chuẩn bị báo cáo sơ kết",
                            deadline=day(3), assignee_id=users["cv003"]["id"]))["directive_id"]
    ev = await cv003.next_event("directive.reminder")
    assert ev["data"] == {"directive_id": did, "kind": "due", "deadline": day(3)}
    ext = await cv003.act("directive.extend_request", directive_id=did, new_deadline=day(5))
    await leader.act("directive.extend_decide", extension_id=ext["extension_id"],
                     decision="granted")
    ev = await cv003.next_event("directive.reminder")
    assert ev["data"] == {"directive_id": did, "kind": "due", "deadline": day(5)}
    got = await leader.call("directive.get", directive_id=did)
    assert [h["kind"] for h in got["history"]].count("reminder_due") == 2


def test_a_range_of_local_dates_bounds_utc_issue_times() -> None:
    """Hà Nội's day runs from 17:00 UTC the day before: a directive issued at 00:30 local on
    the 5th (17:30 UTC on the 4th) belongs to the 5th (CI met this after 17:00 UTC)."""
    from server.modules.directives.service import issued_between

    assert issued_between("2026-12-05", "2026-12-05") == ("2026-12-04T17:00:00.000Z",
                                                          "2026-12-05T17:00:00.000Z")
    assert issued_between(None, "2026-12-31") == (None, "2026-12-31T17:00:00.000Z")
    start, end = issued_between("2026-12-05", None)
    assert end is None and start is not None and start <= "2026-12-04T17:30:00.000Z"
