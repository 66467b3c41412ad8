"""``meeting-server registry import``: CSV and XLSX, all rows or none, a report of the
rejected rows in Vietnamese."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from tests.server.registry.helpers import login
from tests.support.live import LiveServer, copy_db

HEADER = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại",
          "Trích yếu", "Đơn vị hoặc người nhận", "Độ khẩn"]
GOOD = [
    ["05/01/2025", "1", "UBND tỉnh Bình Định", "15/QĐ-UBND", "03/01/2025", "Quyết định",
     "Quyết định phê duyệt dự án đầu tư xây dựng cầu Thị Nại 2", "Phòng Quản lý đô thị",
     "Khẩn"],
    ["06/01/2025", "", "Sở Tài chính", "20/STC-NS", "2025-01-04", "Công văn",
     "Về việc thẩm định dự toán ngân sách năm 2025", "Phòng Tài chính", ""],
    ["2025-01-07", "", "Sở Xây dựng", "31/SXD-QLN", "2025-01-06", "Công văn",
     "Về việc kiểm tra an toàn nhà chung cư cũ", "", "hỏa tốc"],
]


def run_import(path: Path, db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "registry", "import", str(path),
                           "--direction", "in", "--db", f"sqlite:///{db}", *extra],
                          capture_output=True, text=True, timeout=120)


def count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM registry_entries").fetchone()[0])
    finally:
        con.close()


async def test_a_csv_register_is_imported_and_found(tmp_path, demo_db_template,
                                                    clients) -> None:
    db = tmp_path / "db.sqlite3"
    copy_db(demo_db_template(30), db)
    path = tmp_path / "so-den.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADER, *GOOD])
    done = run_import(path, db)
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 3 văn bản" in done.stdout
    server = LiveServer(db)
    server.start()
    try:
        admin, _ = await login(server.url, "admin")
        clients(admin)
        found = await admin.call("registry.search", query="cau thi nai")
        assert [i["symbol"] for i in found["items"]] == ["15/QĐ-UBND"]
        assert found["items"][0]["urgency"] == "urgent"
        listed = await admin.call("registry.search", query="", sort="number")
        assert [(i["number"], i["year"]) for i in listed["items"]] == [
            (1, 2025), (2, 2025), (3, 2025)]
        assert listed["items"][2]["urgency"] == "flash"
        # The server goes on numbering after the imported entries.
        made = await admin.act("registry.create", direction="in", symbol="40/UBND",
                               issued_on="2025-01-08", issuer="UBND", doc_type="Công văn",
                               summary="Thử", received_on="2025-01-09")
        assert made["number"] == 4
        got = await admin.call("registry.get", registry_id=made["registry_id"] - 1)
        assert [h["action"] for h in got["history"]] == ["imported"]
    finally:
        server.stop()
    # Importing the same numbers again is refused as a whole.
    again = run_import(path, db)
    assert again.returncode == 1
    assert "Dòng 2: số 1 của sổ năm 2025 đã có" in again.stderr
    assert count(db) == 4


def test_a_bad_file_imports_nothing_and_says_why(tmp_path, demo_db_template) -> None:
    db = tmp_path / "db.sqlite3"
    copy_db(demo_db_template(30), db)
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in GOOD:
        ws.append(row)
    ws.append(["31/02/2025", "", "UBND", "1/X", "2025-01-01", "Công văn", "Thử", "", ""])
    ws.append(["2025-01-09", "", "UBND", "", "2025-01-01", "Công văn", "Thử", "", ""])
    ws.append(["2025-01-09", "1", "UBND", "2/X", "2025-01-01", "Công văn", "Thử", "", ""])
    ws.append(["2025-01-09", "", "UBND", "3/X", "2025-01-01", "Công văn", "Thử", "", "gấp"])
    path = tmp_path / "so-den.xlsx"
    wb.save(path)
    done = run_import(path, db)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == "Không nhập gì: 4 dòng bị từ chối."
    assert lines[1].startswith("Dòng 5: ngày đến không hợp lệ")
    assert lines[2] == "Dòng 6: thiếu số, ký hiệu"
    assert lines[3] == "Dòng 7: số 1 trùng với dòng 2"
    assert lines[4].startswith("Dòng 8: độ khẩn không hợp lệ")
    assert count(db) == 0
