"""``meeting-server documents add`` against a real database, then served to terminals."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from tests.server.documents.conftest import PAPERS
from tests.support.live import LiveServer, copy_db


def add(db, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "documents", "add", "--db",
                           f"sqlite:///{db}", *args], capture_output=True, text=True,
                          timeout=180)


async def test_papers_added_from_the_command_line_reach_the_named_readers(
        tmp_path, demo_db_template, terminal_factory) -> None:
    db = tmp_path / "cli.sqlite3"
    copy_db(demo_db_template(5), db)
    done = add(db, "--meeting", "1", "--item", "3", "--access", "d001,d002",
               str(PAPERS / "to-trinh-cho-bien-gioi.docx"),
               str(PAPERS / "du-thao-nghi-quyet.pdf"))
    assert done.returncode == 0, done.stderr
    assert "converted from office file" in done.stdout
    bad = add(db, "--meeting", "1", str(PAPERS / "make.py"))
    assert bad.returncode == 2 and "Chỉ nhận tệp PDF" in bad.stderr
    assert add(db, "--meeting", "1", "--access", "nobody", str(PAPERS / "make.py")
               ).returncode == 2
    con = sqlite3.connect(db)
    rows = con.execute("SELECT title, access, agenda_item_id FROM documents WHERE id > 3 "
                       "ORDER BY id").fetchall()
    con.close()
    assert rows == [("to-trinh-cho-bien-gioi", "users", 3),
                    ("du-thao-nghi-quyet", "users", 3)]
    server = LiveServer(db)
    server.start()
    try:
        d1 = await terminal_factory(server, "d001")
        d3 = await terminal_factory(server, "d003")
        seen = {d["title"] for d in (await d1.ws.call("document.list", meeting_id=1)
                                     )["documents"]}
        assert "to-trinh-cho-bien-gioi" in seen
        hidden = {d["title"] for d in (await d3.ws.call("document.list", meeting_id=1)
                                       )["documents"]}
        assert "to-trinh-cho-bien-gioi" not in hidden
    finally:
        server.stop()


async def test_adding_beside_a_running_server_keeps_one_unbroken_chain(live_server) -> None:
    """The CLI appends to the chain where it stands on disk; the server carries on
    after it, and a terminal that resumes gets both, in order."""
    from tests.support.wsclient import WsClient

    clerk = await WsClient.signed_in(live_server.url, "clerk")
    await clerk.call("meeting.subscribe", meeting_id=1, since=0)
    d2 = await WsClient.signed_in(live_server.url, "d002")
    await d2.act("attendance.check_in", meeting_id=1)
    first = await clerk.next_event("attendance.changed")
    done = add(live_server.db_path, "--meeting", "1", str(PAPERS / "du-thao-nghi-quyet.pdf"))
    assert done.returncode == 0, done.stderr
    d1 = await WsClient.signed_in(live_server.url, "d001")
    await d1.act("attendance.check_in", meeting_id=1)  # the server's next event
    live = await clerk.next_event("attendance.changed")
    assert live["seq"] == first["seq"] + 2  # a gap: the CLI's event came in between
    resumed = await clerk.call("meeting.subscribe", meeting_id=1, since=first["seq"])
    missed = [await clerk.next_event() for _ in range(resumed["seq"] - first["seq"])]
    assert [e["event"] for e in missed] == ["document.added", "attendance.changed"]
    await clerk.close()
    await d1.close()
    await d2.close()
    live_server.stop()
    audit = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                            live_server.db_url], capture_output=True, text=True, timeout=60)
    assert audit.returncode == 0, audit.stdout
