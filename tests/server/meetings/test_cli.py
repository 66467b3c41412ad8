"""``meeting-server meetings create FILE``: a whole meeting from YAML or XLSX, all or nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

YAML = """\
title: Phiên họp chuyên đề về chuyển đổi số
kind: thematic
starts_at: "2026-12-09T14:00:00+07:00"
ends_at: "2026-12-09T17:00:00+07:00"
location: Phòng họp số 2
body: ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI
quorum_rule: two_thirds
publish: true
agenda:
  - {title: Báo cáo tiến độ chuyển đổi số, duration_min: 20, presenter: clerk}
  - {title: Thảo luận, duration_min: 60}
participants:
  - {username: chair, role: chair, seat: CT}
  - {username: clerk, role: clerk, seat: TK}
  - {username: d001, role: delegate, seat: A01}
  - {username: d002, role: delegate, seat: A02}
  - {username: d003, role: guest, seat: K01}
"""


def run_cli(db: Path, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "meetings", "create", "--db",
                           f"sqlite:///{db}", str(file)], capture_output=True, text=True)


def count_meetings(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM meetings").fetchone()[0])
    finally:
        con.close()


async def test_a_yaml_file_prepares_and_publishes_a_whole_meeting(
        tmp_path, demo_db_template) -> None:
    db = tmp_path / "cli.sqlite3"
    copy_db(demo_db_template(30), db)
    file = tmp_path / "hop.yaml"
    file.write_text(YAML, encoding="utf-8")
    done = run_cli(db, file)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "meeting 2 (published): 5 participants, 2 agenda items"
    server = LiveServer(db)
    server.start()
    try:
        d001 = await WsClient.signed_in(server.url, "d001")
        snap = (await d001.call("meeting.subscribe", meeting_id=2))["snapshot"]
        await d001.close()
    finally:
        server.stop()
    assert snap["meeting"]["status"] == "scheduled" and snap["meeting"]["kind"] == "thematic"
    assert snap["meeting"]["quorum_rule"] == "two_thirds" and snap["meeting"]["quorum"] == 2
    assert [(a["title"], a["duration_min"]) for a in snap["agenda"]] == [
        ("Báo cáo tiến độ chuyển đổi số", 20), ("Thảo luận", 60)]
    roles = {p["username"]: (p["role"], p["seat"]) for p in snap["participants"]}
    assert roles["d003"] == ("guest", "K01") and roles["chair"] == ("chair", "CT")


def test_bad_rows_are_all_reported_and_nothing_is_created(tmp_path, demo_db_template) -> None:
    db = tmp_path / "cli.sqlite3"
    copy_db(demo_db_template(30), db)
    bad = (YAML.replace("username: d002", "username: d999")
           .replace("role: guest", "role: boss")
           .replace('{title: Thảo luận, duration_min: 60}', '{title: "", duration_min: 60}'))
    file = tmp_path / "bad.yaml"
    file.write_text(bad, encoding="utf-8")
    done = run_cli(db, file)
    assert done.returncode == 2
    assert "agenda row 2: a title is required" in done.stderr
    assert "participants row 4: unknown user 'd999'" in done.stderr
    assert "participants row 5: unknown role 'boss'" in done.stderr
    assert "nothing was created" in done.stderr
    # A seat taken twice is found while writing: the whole file is rolled back.
    twice = YAML.replace("seat: A02", "seat: A01")
    file.write_text(twice, encoding="utf-8")
    done = run_cli(db, file)
    assert done.returncode == 2
    assert "participants row 4: Ghế A01 đã có người ngồi." in done.stderr
    ends_first = YAML.replace('ends_at: "2026-12-09T17:00:00+07:00"',
                              'ends_at: "2026-12-09T13:00:00+07:00"')
    file.write_text(ends_first, encoding="utf-8")
    done = run_cli(db, file)
    assert "Thời gian kết thúc phải sau thời gian bắt đầu." in done.stderr
    assert count_meetings(db) == 1


def test_an_xlsx_file_with_vietnamese_sheets(tmp_path, demo_db_template) -> None:
    db = tmp_path / "cli.sqlite3"
    copy_db(demo_db_template(30), db)
    book = Workbook()
    sheet = book.active
    sheet.title = "Cuộc họp"
    for row in [("title", "Họp giao ban tuần"), ("kind", "briefing"),
                ("starts_at", "2026-12-08T07:30:00+07:00"), ("location", "Phòng giao ban")]:
        sheet.append(row)
    agenda = book.create_sheet("Chương trình")
    agenda.append(("Nội dung", "Thời lượng (phút)", "Người trình bày"))
    agenda.append(("Điểm lại công việc tuần", 15, "clerk"))
    people = book.create_sheet("Thành phần")
    people.append(("Tài khoản", "Vai trò", "Ghế"))
    people.append(("chair", "chair", "CT"))
    people.append(("d001", "delegate", None))
    file = tmp_path / "giao-ban.xlsx"
    book.save(file)
    done = run_cli(db, file)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "meeting 2 (draft): 2 participants, 1 agenda items"
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT status, kind FROM meetings WHERE id=2").fetchone() == (
            "draft", "briefing")
        assert con.execute("SELECT title, duration_min FROM agenda_items WHERE meeting_id=2"
                           ).fetchall() == [("Điểm lại công việc tuần", 15)]
    finally:
        con.close()
