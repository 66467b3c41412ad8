"""Documents and HTTP paths that hold up against odd input (issue 12, findings 6 and 7).

- A poll title with ``\\x0b`` (Word's soft line break) or ``\\x01`` made every later DOCX
  of the meeting fail: commands now store clean text, and text stored before is
  cleaned when rendering.
- ``Range`` with a 5000-digit number → 500 and a traceback; other methods than GET
  were served like GET.
- A non-member learnt from the wording of ``not_found`` whether a poll or floor request
  id exists; a delegate holding the floor could present a paper it may not read; two
  delegates could check in on one seat.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import io
import sqlite3
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.resilience.support import add_users, user_ids
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

DIRTY_TITLE = "Dòng một\x0bdòng hai\x01 kết thúc"
SECRET_READER = "d005"


def dirty_old_data(db: Path) -> None:
    """What an older version stored: control characters in a closed poll, a reason, a text."""
    con = sqlite3.connect(db)
    try:
        cur = con.execute(
            "INSERT INTO polls (meeting_id, agenda_item_id, title, secret, options, majority, "
            "status, eligible, created_at, opened_at, closed_at, outcome) VALUES (1, NULL, ?, 0,"
            " '[\"yes\",\"no\",\"abstain\"]', 'absolute', 'closed', 30, "
            "'2026-12-01T08:00:00.000Z', '2026-12-01T08:01:00.000Z', "
            "'2026-12-01T08:02:00.000Z', 'rejected')", (DIRTY_TITLE,))
        for option in ("yes", "no", "abstain"):
            con.execute("INSERT INTO poll_tallies (poll_id, option, count) VALUES (?, ?, 0)",
                        (cur.lastrowid, option))
        con.execute("UPDATE participants SET absence_reason=? WHERE meeting_id=1 AND "
                    "user_id=(SELECT id FROM users WHERE username='d030')", ("Ốm\x0cđau\x02",))
        con.execute("INSERT INTO minutes_texts (meeting_id, item_id, opinions, conclusions, "
                    "version, updated_at) VALUES (1, 0, ?, '', 1, '2026-12-01T08:03:00.000Z')",
                    ("<p>Ý kiến\x0bxuống dòng\x03</p>",))
        # A confidential paper: only d005 (and the chair and clerk) may read it.
        doc_id = con.execute("SELECT MIN(id) FROM documents WHERE meeting_id=1").fetchone()[0]
        con.execute("UPDATE documents SET access='users' WHERE id=?", (doc_id,))
        reader = user_ids(con, [SECRET_READER])[SECRET_READER]
        con.execute("INSERT INTO document_access (document_id, user_id) VALUES (?, ?)",
                    (doc_id, reader))
        con.commit()
    finally:
        con.close()


@pytest.fixture
def server(tmp_path: Path, demo_db_template: Any) -> Any:
    db = tmp_path / "docs.sqlite3"
    copy_db(demo_db_template(30), db)
    add_users(db, ["nguoi-ngoai"])
    dirty_old_data(db)
    live = LiveServer(db)
    live.start()
    yield live
    live.stop()


def docx_text(reply: dict[str, Any]) -> str:
    data = base64.b64decode(reply["content_base64"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode()


def test_docx_renders_old_dirty_text_and_commands_store_clean_text(server: LiveServer) -> None:
    con = sqlite3.connect(server.db_path)
    d029 = user_ids(con, ["d029"])["d029"]
    con.close()

    async def run() -> tuple[str, dict[str, Any]]:
        clerk = await WsClient.signed_in(server.url, "clerk")
        chair = await WsClient.signed_in(server.url, "chair")
        old = await clerk.call("minutes.render", meeting_id=1, format="docx")
        created = await chair.act("poll.create", meeting_id=1, title="Mới\x0btiêu đề\x01")
        await clerk.act("attendance.set_absence", meeting_id=1, user_id=d029,
                        reason="Công tác\x0bxa\x1f")
        saved = await clerk.act("minutes.save", meeting_id=1, item_id=None,
                                opinions="Ý kiến\x0bmới\x01", base_version=1)
        await asyncio.gather(clerk.close(), chair.close())
        return docx_text(old), {"poll": created["poll_id"], "saved": saved}

    text, new = asyncio.run(run())
    assert "Dòng một dòng hai kết thúc" in text
    assert "Ốm đau" in text
    con = sqlite3.connect(server.db_path)
    title = con.execute("SELECT title FROM polls WHERE id=?", (new["poll"],)).fetchone()[0]
    reason = con.execute("SELECT absence_reason FROM participants WHERE meeting_id=1 AND "
                         "user_id=(SELECT id FROM users WHERE username='d029')").fetchone()[0]
    con.close()
    assert title == "Mới tiêu đề"
    assert reason == "Công tác xa"
    assert "\x01" not in new["saved"]["opinions"] and "\x0b" not in new["saved"]["opinions"]


def request(server: LiveServer, method: str, path: str, headers: dict[str, str]
         ) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, path, headers=headers)
        reply = conn.getresponse()
        return reply.status, dict(reply.getheaders()), reply.read()
    finally:
        conn.close()


def test_range_and_methods_are_checked(server: LiveServer) -> None:
    async def login() -> tuple[str, str]:
        c = await WsClient.open(server.url)
        data = await c.call("auth.login", username="chair", password="demo")
        listed = await c.call("document.list", meeting_id=1)
        await c.close()
        return data["token"], listed["documents"][0]["sha256"]

    token, sha256 = asyncio.run(login())
    path = f"/documents/{sha256}"
    auth = {"Authorization": f"Bearer {token}"}
    status, _h, _b = request(server, "GET", path, {**auth, "Range": "bytes=" + "9" * 5000 + "-"})
    assert status == 416
    status, _h, _b = request(server, "GET", path, {**auth, "Range": "bytes=0-" + "9" * 5000})
    assert status == 416
    status, headers, _b = request(server, "POST", path, auth)
    assert status == 405 and headers.get("Allow") == "GET, HEAD"
    assert request(server, "DELETE", "/healthz", {})[0] == 405
    status, headers, body = request(server, "HEAD", path, {**auth, "Range": "bytes=0-99"})
    assert status == 206 and headers["Content-Length"] == "100" and body == b""
    assert request(server, "GET", path, {**auth, "Range": "bytes=0-99"})[0] == 206
    assert "Traceback" not in server.log()


def test_hidden_objects_presenting_and_seats(server: LiveServer) -> None:
    async def run() -> None:
        chair = await WsClient.signed_in(server.url, "chair")
        outsider = await WsClient.signed_in(server.url, "nguoi-ngoai")
        d001 = await WsClient.signed_in(server.url, "d001")
        d002 = await WsClient.signed_in(server.url, "d002")
        # One delegate per seat.
        await d001.act("attendance.check_in", meeting_id=1, seat="A-01")
        taken = await d002.raw("attendance.check_in", key=str(uuid.uuid4()), meeting_id=1,
                               seat="A-01")
        assert taken["code"] == "conflict", taken
        await d002.act("attendance.check_in", meeting_id=1, seat="A-02")
        poll = await chair.act("poll.create", meeting_id=1, title="Có thật")
        request = await d001.act("speaker.request", meeting_id=1)
        # A non-member cannot tell an existing id from a missing one.
        for type_, field, real in (("poll.close", "poll_id", poll["poll_id"]),
                                   ("speaker.grant", "request_id", request["request_id"])):
            hidden = await outsider.raw(type_, key=str(uuid.uuid4()), **{field: real})
            missing = await outsider.raw(type_, key=str(uuid.uuid4()), **{field: 987654})
            assert hidden["code"] == missing["code"] == "not_found"
            assert hidden["message"] == missing["message"]
        # The delegate holding the floor may present only what it may read itself.
        await chair.act("speaker.grant", request_id=request["request_id"])
        listed = await chair.call("document.list", meeting_id=1)
        secret = next(d for d in listed["documents"] if d["access"] == "users")
        public = next(d for d in listed["documents"] if d["access"] == "all")
        await chair.call("meeting.subscribe", meeting_id=1)
        refused = await d001.raw("presentation.page", key=str(uuid.uuid4()), meeting_id=1,
                                 document_id=secret["id"], page=1)
        assert refused["code"] == "not_found", refused
        assert await d001.act("presentation.page", meeting_id=1, document_id=public["id"],
                              page=2) == {"document_id": public["id"], "page": 2}
        shown = await chair.next_event("presentation.page")
        assert shown["data"]["document_id"] == public["id"]  # the refused one never showed
        await asyncio.gather(*(c.close() for c in (chair, outsider, d001, d002)))

    asyncio.run(run())
