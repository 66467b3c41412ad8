"""Attachments of messages against a real server: upload, conversion, claim, who reads."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from meeting_client.sync.documents import TransferError
from tests.server.attachments.conftest import make_docx, make_pdf, pdf_text


def _count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


async def test_a_docx_message_attachment_is_converted_and_read_by_members_only(
        live_server, terminal, tmp_path: Path) -> None:
    a, b, c = [await terminal(n) for n in ("d001", "d002", "d003")]
    source = make_docx(tmp_path, "Báo cáo tiến độ.docx", "Tiến độ giải ngân quý ba",
                       "Hạng mục cầu Bến Lức")
    staged = await a.attach(source)
    assert staged["filename"] == "Báo cáo tiến độ.docx"
    assert staged["size"] == source.stat().st_size
    assert staged["pdf_sha256"] and staged["pdf_sha256"] != staged["sha256"]
    assert staged["mime"].endswith("wordprocessingml.document")
    # Staged: the uploader reads it, nobody else does.
    assert b"%PDF" in (await a.http_get(staged["pdf_sha256"]))[:8]
    with pytest.raises(TransferError) as refused:
        await b.http_get(staged["pdf_sha256"])
    assert refused.value.code == "not_found"

    sent = await a.ws.act("message.send", to=[b.user_id], text="Gửi anh báo cáo.",
                          attachment_ids=[staged["attachment_id"]])
    listed = await b.ws.call("message.list", conversation_id=sent["conversation_id"])
    assert listed["messages"][-1]["attachments"] == [staged]
    owned = await b.ws.call("attachment.list", owner_kind="message",
                            owner_id=sent["message_id"])
    assert owned["attachments"] == [staged]
    # The member reads the converted PDF; its text is the document's.
    pdf = await b.http_get(staged["pdf_sha256"])
    text = pdf_text(pdf, tmp_path)
    assert "giải ngân" in text and "Bến Lức" in text
    fetched = await b.ws.call("attachment.fetch", attachment_id=staged["attachment_id"],
                              pdf=True, window=0)
    assert (fetched["sha256"], fetched["size"]) == (staged["pdf_sha256"], len(pdf))
    original = await b.ws.call("attachment.fetch", attachment_id=staged["attachment_id"],
                               window=0)
    assert (original["sha256"], original["size"]) == (staged["sha256"], staged["size"])

    # A non-member: not_found from list and fetch, 404 over HTTP, for both hashes.
    for reply in (
            await c.ws.raw("attachment.list", owner_kind="message",
                           owner_id=sent["message_id"]),
            await c.ws.raw("attachment.fetch", attachment_id=staged["attachment_id"]),
            await c.ws.raw("attachment.fetch", attachment_id=staged["attachment_id"],
                           pdf=True),
            await c.ws.raw("attachment.fetch", attachment_id=9999)):
        assert reply["type"] == "error" and reply["code"] == "not_found", reply
    for digest in (staged["sha256"], staged["pdf_sha256"]):
        with pytest.raises(TransferError) as refused:
            await c.http_get(digest)
        assert refused.value.code == "not_found"
        assert (await c.ws.raw("document.fetch", sha256=digest, window=0))[
            "code"] == "not_found"
    # The event log holds ids only: neither the text nor the file name.
    con = sqlite3.connect(live_server.db_path)
    try:
        log = " ".join(r[0] for r in con.execute("SELECT data FROM event_log"))
    finally:
        con.close()
    assert "Báo cáo tiến độ" not in log and "Gửi anh" not in log


async def test_claiming_another_users_or_a_used_upload_is_refused_and_changes_nothing(
        live_server, terminal, tmp_path: Path) -> None:
    a, b = await terminal("d001"), await terminal("d002")
    theirs = await a.attach(make_pdf(tmp_path, "to-trinh.pdf", "Tờ trình số 12"))
    before = _count(live_server.db_path, "SELECT count(*) FROM messages")
    reply = await b.ws.raw("message.send", key="steal", to=[a.user_id], text="Của tôi",
                           attachment_ids=[theirs["attachment_id"]])
    assert reply["type"] == "error" and reply["code"] == "bad_request"
    assert "đính kèm" in reply["message"]
    assert _count(live_server.db_path, "SELECT count(*) FROM messages") == before
    assert _count(live_server.db_path,
                  "SELECT count(*) FROM attachments WHERE owner_kind IS NOT NULL") == 0
    # Its owner uses it once; a second use is refused and sends nothing.
    sent = await a.ws.act("message.send", to=[b.user_id], text="Tờ trình",
                          attachment_ids=[theirs["attachment_id"]])
    again = await a.ws.raw("message.send", key="twice", to=[b.user_id], text="Lần nữa",
                           attachment_ids=[theirs["attachment_id"]])
    assert again["code"] == "bad_request"
    assert _count(live_server.db_path, "SELECT count(*) FROM messages") == before + 1
    # The same id twice in one message, and an unknown id: refused too.
    other = await a.attach(make_pdf(tmp_path, "phu-luc.pdf", "Phụ lục"))
    for ids in ([other["attachment_id"]] * 2, [other["attachment_id"], 9999]):
        reply = await a.ws.raw("message.send", key=f"k{ids}", conversation_id=sent[
            "conversation_id"], text="x", attachment_ids=ids)
        assert reply["code"] == "bad_request"
    assert _count(live_server.db_path, "SELECT count(*) FROM messages") == before + 1


async def test_a_file_that_is_neither_pdf_nor_office_is_refused_and_nothing_is_kept(
        live_server, terminal, tmp_path: Path) -> None:
    a = await terminal("d001")
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("không phải PDF")
    with pytest.raises(TransferError) as refused:
        await a.attach(bad)
    assert refused.value.code == "bad_request"
    assert _count(live_server.db_path, "SELECT count(*) FROM attachments") == 0
    # A meeting paper's upload cannot be committed as an attachment, nor the reverse.
    chair = await terminal("chair")
    paper = await chair.channel.request("document.upload", {
        "meeting_id": 1, "filename": "x.pdf", "size": 10})
    with pytest.raises(TransferError) as refused:
        await chair.channel.request("attachment.commit", {"upload": paper["upload"]})
    assert refused.value.code == "bad_request"
    staged = await chair.channel.request("attachment.upload", {"filename": "y.pdf", "size": 10})
    with pytest.raises(TransferError) as refused:
        await chair.channel.request("document.commit", {"meeting_id": 1,
                                                        "upload": staged["upload"]})
    assert refused.value.code == "bad_request"
    assert _count(live_server.db_path, "SELECT count(*) FROM attachments") == 0


async def test_unclaimed_uploads_older_than_a_day_are_removed_at_start_up(
        live_server, terminal, tmp_path: Path) -> None:
    a = await terminal("d001")
    old = await a.attach(make_pdf(tmp_path, "bo-quen.pdf", "Tệp bỏ quên"))
    fresh = await a.attach(make_pdf(tmp_path, "moi.pdf", "Tệp mới tải"))
    used = await a.attach(make_pdf(tmp_path, "da-gui.pdf", "Tệp đã gửi"))
    b = await terminal("d002")
    await a.ws.act("message.send", to=[b.user_id], text="Kèm tệp",
                   attachment_ids=[used["attachment_id"]])
    live_server.stop()
    con = sqlite3.connect(live_server.db_path)
    con.execute("UPDATE attachments SET created_at = '2020-01-01T00:00:00.000Z' "
                "WHERE id IN (?, ?)", (old["attachment_id"], used["attachment_id"]))
    con.commit()
    con.close()
    blobs = live_server.db_path.parent / (live_server.db_path.stem + "-files")
    assert (blobs / old["sha256"][:2] / old["sha256"]).is_file()
    live_server.start()

    def left() -> set[int]:
        con = sqlite3.connect(live_server.db_path)
        try:
            return {r[0] for r in con.execute("SELECT id FROM attachments")}
        finally:
            con.close()

    for _ in range(100):
        if old["attachment_id"] not in left():
            break
        await asyncio.sleep(0.1)  # the sweep runs once the server is up; no signal to wait on
    assert left() == {fresh["attachment_id"], used["attachment_id"]}
    assert not (blobs / old["sha256"][:2] / old["sha256"]).exists()
    assert (blobs / used["sha256"][:2] / used["sha256"]).is_file()
