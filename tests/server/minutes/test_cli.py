"""A real session over the real protocol, then ``meeting-server minutes`` on its database.

The oracle is poppler: ``pdftotext`` must give back every name, title and count with its
diacritics, ``pdffonts`` must show only embedded fonts, ``pdfinfo`` an A4 page. The DOCX is
read back with python-docx.
"""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from server.modules.minutes.model import option_label, percent_label
from tests.server.minutes.live_session import (
    AGENDA_POLL,
    OPEN_POLL,
    SECRET_POLL,
    SessionFacts,
    run_session,
)
from tests.support.live import LiveServer, copy_db


def flat(text: str) -> str:
    """Whitespace-normalised text: line breaks of justified paragraphs do not matter."""
    return " ".join(text.split())


def minutes_cli(db_url: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "minutes", "--db", db_url, "--meeting", "1",
         "--out", str(out), *extra],
        capture_output=True, text=True, timeout=120)


@pytest.fixture
async def played(live_server: LiveServer) -> tuple[LiveServer, SessionFacts]:
    facts = await run_session(live_server.url)
    return live_server, facts


def expected_lines(facts: SessionFacts) -> list[str]:
    """Sentences the minutes must contain, exactly, whatever the layout."""
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI ĐỒNG NHÂN DÂN",
        "THÀNH PHỐ MÓNG CÁI",
        "BIÊN BẢN",
        f"Có mặt: {facts.present}/{facts.expected} đại biểu",
        f"Vắng mặt: {len(facts.absent)} đại biểu",
        f"Chủ tọa: {facts.chair}",
        f"Thư ký: {facts.clerk}",
        "tăng cường chống thất thu",
        "Kỳ họp đã hoàn thành toàn bộ nội dung chương trình đề ra.",
    ]
    lines += facts.speakers
    for name, reason in facts.absent.items():
        lines.append(f"{name} - Đại biểu HĐND thành phố "
                     + (f"(có lý do: {reason})" if reason else "(không có lý do)"))
    for title, closed in facts.polls.items():
        lines.append(title)
        for option, count in closed["tally"].items():
            share = percent_label(count, closed["eligible"])
            lines.append(f"{option_label(option)}: {count} phiếu, bằng {share}")
        lines.append(f"Số đại biểu tham gia biểu quyết: {closed['cast']}/{closed['eligible']}")
    return lines


async def test_minutes_of_a_real_session_as_pdf(
        played, tmp_path: Path, pdftotext: Callable[..., str],
        pdffonts: Callable[[bytes], list[list[str]]], pdfinfo: Callable[[bytes], dict[str, str]],
) -> None:
    server, facts = played
    out = tmp_path / "bien-ban.pdf"
    done = minutes_cli(server.db_url, out, "--format", "pdf")  # the server still runs: WAL
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    text = flat(pdftotext(data))
    missing = [line for line in expected_lines(facts) if line not in text]
    assert not missing, f"missing from the PDF: {missing}\n\n{text[:3000]}"
    assert "<script>" not in text and "alert" not in text
    # Secret ballot: counts only, no names; the open votes list every delegate in the annex.
    assert facts.polls[SECRET_POLL]["cast"] == 25
    assert "PHỤ LỤC" in text and "Danh sách biểu quyết công khai" in text
    assert "bỏ phiếu kín" in text and "Thông qua" in text
    fonts = pdffonts(data)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the "emb" column
    info = pdfinfo(data)
    assert "(A4)" in info["Page size"], info
    assert int(info["Pages"]) >= 2


async def test_minutes_of_a_real_session_as_docx(played, tmp_path: Path) -> None:
    server, facts = played
    server.stop()  # and after the server stopped, from the file alone
    out = tmp_path / "bien-ban.docx"
    done = minutes_cli(server.db_url, out, "--format", "docx")
    assert done.returncode == 0, done.stderr
    document = docx.Document(io.BytesIO(out.read_bytes()))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    text = flat("\n".join(parts))
    missing = [line for line in expected_lines(facts) if line not in text]
    assert not missing, f"missing from the DOCX: {missing}\n\n{text[:3000]}"
    assert OPEN_POLL in text and AGENDA_POLL in text
    assert re.search(r"meeting:1@\d+=[0-9a-f]{64}", text)  # the audit anchor, as in the PDF


async def test_conclusion_notice_from_the_command_line(
        played, tmp_path: Path, pdftotext: Callable[..., str]) -> None:
    server, _facts = played
    out = tmp_path / "thong-bao.pdf"
    done = minutes_cli(server.db_url, out, "--notice")
    assert done.returncode == 0, done.stderr
    text = flat(pdftotext(out.read_bytes()))
    assert "THÔNG BÁO" in text
    assert "tiếp thu ý kiến đại biểu" in text
    assert "biểu quyết thông qua Nghị quyết về dự toán ngân sách năm 2027" in text


def test_before_the_session_unknown_meeting_and_docx_notice(
        tmp_path: Path, demo_db_template, pdftotext: Callable[..., str]) -> None:
    db = tmp_path / "fresh.sqlite3"
    copy_db(demo_db_template(30), db)
    url = f"sqlite:///{db}"
    # Before the session: the outline, with blanks for what has not happened yet.
    done = minutes_cli(url, tmp_path / "x.pdf")
    assert done.returncode == 0, done.stderr
    text = flat(pdftotext((tmp_path / "x.pdf").read_bytes()))
    assert "BIÊN BẢN" in text and "Có mặt: 0/30 đại biểu" in text
    assert "Cuộc họp kết thúc vào lúc ...... giờ" in text
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "minutes", "--db", url, "--meeting", "99",
         "--out", str(tmp_path / "y.pdf")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "no meeting 99" in done.stderr
    done = minutes_cli(url, tmp_path / "z.docx", "--notice", "--format", "docx")
    assert done.returncode == 2


def verify_audit(db: Path, *anchors: str) -> subprocess.CompletedProcess[str]:
    args = [a for anchor in anchors for a in ("--anchor", anchor)]
    return subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                           f"sqlite:///{db}", *args], capture_output=True, text=True, timeout=120)


async def test_the_printed_anchor_catches_what_the_chain_alone_cannot(
        played, tmp_path: Path, pdftotext: Callable[..., str]) -> None:
    """The minutes end with the meeting log's head; checked against it, deleting the last
    events (which leaves a valid, shorter chain) is named."""
    server, _facts = played
    out = tmp_path / "bien-ban.pdf"
    assert minutes_cli(server.db_url, out, "--format", "pdf").returncode == 0
    text = flat(pdftotext(out.read_bytes()))
    assert "Mã kiểm chứng nhật ký điện tử" in text
    found = re.search(r"meeting:1@(\d+)=[0-9a-f]{64}", text)
    assert found, text[-500:]
    anchor, seq = found.group(0), int(found.group(1))
    server.stop()
    db = tmp_path / "copy.sqlite3"
    copy_db(server.db_path, db)
    ok = verify_audit(db, anchor)
    assert ok.returncode == 0 and "1 anchor(s) match" in ok.stdout, ok.stdout + ok.stderr

    con = sqlite3.connect(db)
    con.execute("DELETE FROM event_log WHERE topic = 'meeting:1' AND seq >= ?", (seq - 1,))
    con.commit()
    con.close()
    assert verify_audit(db).returncode == 0  # a shorter chain is still a valid chain
    cut = verify_audit(db, anchor)
    assert cut.returncode == 1
    assert f"meeting:1 seq {seq}" in cut.stdout and "events deleted from the end" in cut.stdout
    bad = verify_audit(db, "meeting:1@12=nothex")
    assert bad.returncode == 2 and "not an anchor" in bad.stderr
