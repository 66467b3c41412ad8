"""``meeting-server users import``: a good file imports everyone (forced to change their
password); a file with bad rows imports nothing and reports each bad row."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

HEADER = ["Tên đăng nhập", "Họ và tên", "Đơn vị", "Chức vụ", "Vai trò", "Email"]
GOOD = [
    ["dbhd01", "Nguyễn Văn Hải", "HDND", "Đại biểu HĐND thành phố", "", "hai@mongcai.gov.vn"],
    ["dbhd02", "Trần Thị Ngọc Lan", "Phòng Tư pháp", "Chuyên viên", "văn phòng", ""],
    ["dbhd03", "Phạm Quang Vinh", "TNMT", "Phó Trưởng phòng", "leader, operator", ""],
]


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)


def run_import(db: Path, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "users", "import", "--db",
                           f"sqlite:///{db}", str(file)], capture_output=True, text=True,
                          timeout=120)


def usernames(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT username FROM users")}
    finally:
        con.close()


async def test_a_good_file_imports_everyone(tmp_path: Path, demo_db_template) -> None:
    db = tmp_path / "import.sqlite3"
    copy_db(demo_db_template(30), db)
    file = tmp_path / "hdnd.xlsx"
    write_xlsx(file, GOOD)
    done = run_import(db, file)
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 3 người dùng" in done.stdout
    passwords = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].startswith("dbhd"):
            passwords[parts[0]] = parts[1]
    assert set(passwords) == {"dbhd01", "dbhd02", "dbhd03"}
    server = LiveServer(db)
    server.start()
    try:
        c = await WsClient.open(server.url)
        user = (await c.call("auth.login", username="dbhd03",
                             password=passwords["dbhd03"]))["user"]
        assert user["must_change_password"] is True
        assert user["roles"] == ["leader", "operator"]
        assert user["position"] == "Phó Trưởng phòng"
        await c.act("auth.change_password", old_password=passwords["dbhd03"],
                    new_password="mat-khau-cua-toi")
        units = {u["code"]: u["id"] for u in (await c.call("org.units"))["units"]}
        people = {u["username"]: u for u in (await c.call("org.users"))["users"]}
        assert people["dbhd01"]["unit_id"] == units["HDND"]
        assert people["dbhd01"]["email"] == "hai@mongcai.gov.vn"
        assert people["dbhd02"]["unit_id"] == units["TP"]
        assert people["dbhd02"]["roles"] == ["office"]
        await c.close()
    finally:
        server.stop()


def test_a_bad_file_imports_nothing_and_names_the_bad_rows(tmp_path: Path,
                                                           demo_db_template) -> None:
    db = tmp_path / "import.sqlite3"
    copy_db(demo_db_template(30), db)
    before = usernames(db)
    file = tmp_path / "hdnd.csv"
    rows = [
        GOOD[0],
        ["cv001", "Trùng tên đăng nhập", "VP", "", "", ""],            # 3: taken
        ["dbhd09", "", "VP", "", "", ""],                              # 4: no name
        ["dbhd10", "Lê Văn Mười", "Phòng Không Có", "", "", ""],       # 5: no such unit
        GOOD[1],
        ["dbhd11", "Hồ Thị Mai", "VP", "", "thủ quỹ", "mai@"],         # 7: role, email
        ["dbhd01", "Lặp lại dòng 2", "VP", "", "", ""],                # 8: repeated
        ["Nguyễn Văn", "Tên có dấu", "VP", "", "", ""],                # 9: bad user name
    ]
    with file.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    done = run_import(db, file)
    assert done.returncode == 1
    report = done.stderr
    assert "Không nhập người dùng nào: 6 dòng bị từ chối" in report
    lines = [line for line in report.splitlines() if line.startswith("Dòng")]
    assert [line.split(":")[0] for line in lines] == [
        "Dòng 3", "Dòng 4", "Dòng 5", "Dòng 7", "Dòng 8", "Dòng 9"]
    assert "đã có người dùng" in lines[0]
    assert "thiếu họ và tên" in lines[1]
    assert "không có đơn vị “Phòng Không Có”" in lines[2]
    assert "vai trò “thủ quỹ”" in lines[3] and "email" in lines[3]
    assert "trùng với dòng 2" in lines[4]
    assert "chữ không dấu" in lines[5]
    assert usernames(db) == before  # nothing half-imported
    assert hashlib.sha256(file.read_bytes()).hexdigest() == digest  # the file untouched


def test_a_file_without_the_required_columns_is_refused(tmp_path: Path,
                                                        demo_db_template) -> None:
    db = tmp_path / "import.sqlite3"
    copy_db(demo_db_template(30), db)
    file = tmp_path / "x.csv"
    file.write_text("Đơn vị,Chức vụ\nVP,Chuyên viên\n", encoding="utf-8")
    done = run_import(db, file)
    assert done.returncode == 2
    assert "thiếu cột" in done.stderr and "tên đăng nhập" in done.stderr
