"""The minutes commands over real WebSockets against a real server process."""

from __future__ import annotations

import asyncio
import base64
import io
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tests.server.minutes.live_session import run_session
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import Failed, WsClient

EDITOR_COMMANDS = {
    "minutes.get": {"meeting_id": 1},
    "minutes.save": {"meeting_id": 1, "item_id": 1, "opinions": "x", "conclusions": "",
                     "base_version": 0},
    "minutes.render": {"meeting_id": 1, "format": "pdf"},
    "minutes.issue": {"meeting_id": 1},
    "minutes.notice": {"meeting_id": 1},
}


def _add_user(db: Path, username: str, full_name: str, role: str) -> None:
    subprocess.run([sys.executable, "-m", "server.cli", "create-user", "--db", f"sqlite:///{db}",
                    "--username", username, "--full-name", full_name],
                   input="minutes-pass\n", text=True, check=True, capture_output=True)
    con = sqlite3.connect(db)
    uid = con.execute("SELECT id FROM users WHERE username=?", (username,)).fetchone()[0]
    con.execute("INSERT INTO participants (meeting_id, user_id, role, present) "
                "VALUES (1, ?, ?, 0)", (uid, role))
    con.commit()
    con.close()


@pytest.fixture
def server(tmp_path: Path, demo_db_template) -> Iterator[LiveServer]:
    """The demo meeting plus an observer and a second clerk ("Trần Minh Thư")."""
    db = tmp_path / "minutes.sqlite3"
    copy_db(demo_db_template(30), db)
    _add_user(db, "observer", "Khách mời Quan Sát", "observer")
    _add_user(db, "clerk2", "Trần Minh Thư", "clerk")
    live = LiveServer(db)
    live.start()
    yield live
    live.stop()


async def sign_in(url: str, username: str) -> WsClient:
    password = "minutes-pass" if username in ("observer", "clerk2") else "demo"
    return await WsClient.signed_in(url, username, password)


# ----------------------------------------------------------------------- authorization


@pytest.mark.parametrize("username", ["d001", "observer"])
async def test_delegates_and_observers_are_refused_every_minutes_command(
        server: LiveServer, clients, username: str) -> None:
    client = clients(await sign_in(server.url, username))
    for name, fields in EDITOR_COMMANDS.items():
        reply = await client.raw(name, key=f"k-{name}", **fields)
        assert reply["type"] == "error" and reply["code"] == "forbidden", (name, reply)


async def test_outsiders_do_not_see_the_meeting_and_anonymous_must_sign_in(
        server: LiveServer, clients, tmp_path: Path) -> None:
    anonymous = clients(await WsClient.open(server.url))
    for name, fields in EDITOR_COMMANDS.items():
        reply = await anonymous.raw(name, **fields)
        assert reply["code"] == "unauthenticated", (name, reply)
    chair = clients(await sign_in(server.url, "chair"))
    for name, fields in EDITOR_COMMANDS.items():
        reply = await chair.raw(name, key=f"k2-{name}", **{**fields, "meeting_id": 99})
        assert reply["code"] == "not_found", (name, reply)


async def test_chair_clerk_and_admin_may_use_them(server: LiveServer, clients) -> None:
    for username in ("chair", "clerk", "admin"):
        client = clients(await sign_in(server.url, username))
        got = await client.call("minutes.get", meeting_id=1)
        assert [i["position"] for i in got["items"]] == list(range(1, 9))
        rendered = await client.call("minutes.render", meeting_id=1, format="pdf")
        assert base64.b64decode(rendered["content_base64"]).startswith(b"%PDF")
        # Before the meeting ends there is nothing to number: a conflict, not a refusal.
        for name in ("minutes.issue", "minutes.notice"):
            reply = await client.raw(name, key=f"{username}-{name}", meeting_id=1)
            assert reply["code"] == "conflict", reply
            assert "sau khi cuộc họp kết thúc" in reply["message"]


async def test_bad_payloads_are_bad_requests(server: LiveServer, clients) -> None:
    clerk = clients(await sign_in(server.url, "clerk"))
    for fields in ({"meeting_id": 1, "format": "odt"}, {"meeting_id": "1"}):
        assert (await clerk.raw("minutes.render", **fields))["code"] == "bad_request"
    reply = await clerk.raw("minutes.save", key="b1", meeting_id=1, item_id=1, opinions=5)
    assert reply["code"] == "bad_request"
    reply = await clerk.raw("minutes.save", key="b2", meeting_id=1, item_id=1,
                            opinions="x" * 200_001)
    assert reply["code"] == "bad_request"
    reply = await clerk.raw("minutes.save", key="b3", meeting_id=1, item_id=12345,
                            opinions="x", base_version=0)
    assert reply["code"] == "not_found"


# ------------------------------------------------------------------------------- saving


async def test_save_sanitises_versions_and_announces_without_the_text(
        server: LiveServer, clients) -> None:
    clerk = clients(await sign_in(server.url, "clerk"))
    watcher = clients(await sign_in(server.url, "chair"))
    await watcher.call("meeting.subscribe", meeting_id=1, since=0)
    dirty = ('<p style="color:red" onclick="steal()">Ý kiến <span style=" font-weight:700;">'
             'quan trọng</span> <a href="javascript:x()">xem</a></p><script>alert(1)</script>'
             '<img src="http://tracker/x.png"><ul><li class="q">một</li></ul>')
    saved = await clerk.act("minutes.save", meeting_id=1, item_id=3, opinions=dirty,
                            conclusions="Kết luận <em>tạm</em>", base_version=0)
    assert saved["version"] == 1
    assert saved["opinions"] == "<p>Ý kiến <b>quan trọng</b> xem</p><ul><li>một</li></ul>"
    assert saved["conclusions"] == "<p>Kết luận <i>tạm</i></p>"
    assert saved["updated_by_name"] == "Phạm Thu Hà"
    event = await watcher.next_event("minutes.saved")
    assert event["data"] == {"item_id": 3, "version": 1, "updated_by": saved["updated_by"]}
    got = await clerk.call("minutes.get", meeting_id=1)
    item = next(i for i in got["items"] if i["item_id"] == 3)
    assert item["opinions"] == saved["opinions"] and item["version"] == 1
    assert item["updated_by_name"] == "Phạm Thu Hà"
    # Saving the same text again changes nothing and announces nothing.
    again = await clerk.act("minutes.save", meeting_id=1, item_id=3, opinions=dirty,
                            conclusions="Kết luận <em>tạm</em>", base_version=1)
    assert again["version"] == 1
    general = await clerk.act("minutes.save", meeting_id=1, item_id=None, opinions="",
                              conclusions="Kết luận chung", base_version=0)
    assert general["item_id"] is None and general["version"] == 1
    event = await watcher.next_event("minutes.saved")
    assert event["data"]["item_id"] is None  # the repeated save above sent no event


async def test_a_stale_save_is_refused_and_says_who_changed_it(
        server: LiveServer, clients) -> None:
    """Two clerks load the same item; the second to save must reload first."""
    first = clients(await sign_in(server.url, "clerk"))
    second = clients(await sign_in(server.url, "clerk2"))
    loaded = [(await c.call("minutes.get", meeting_id=1))["items"][1] for c in (first, second)]
    assert [x["version"] for x in loaded] == [0, 0]
    await first.act("minutes.save", meeting_id=1, item_id=2, opinions="Bản của Hà",
                    conclusions="", base_version=0)
    with pytest.raises(Failed) as refused:
        await second.act("minutes.save", meeting_id=1, item_id=2, opinions="Bản của Thư",
                         conclusions="", base_version=0)
    assert refused.value.code == "conflict"
    assert refused.value.message.startswith("Biên bản đã được Phạm Thu Hà sửa lúc ")
    assert refused.value.message.endswith("; hãy tải lại trước khi lưu.")
    # After reloading, the second clerk saves over version 1.
    fresh = (await second.call("minutes.get", meeting_id=1))["items"][1]
    assert fresh["opinions"] == "<p>Bản của Hà</p>" and fresh["version"] == 1
    saved = await second.act("minutes.save", meeting_id=1, item_id=2,
                             opinions=fresh["opinions"] + "<p>Bổ sung của Thư</p>",
                             conclusions="", base_version=1)
    assert saved["version"] == 2
    # Now the first clerk is the stale one.
    with pytest.raises(Failed) as refused:
        await first.act("minutes.save", meeting_id=1, item_id=2, opinions="Ghi đè",
                        conclusions="", base_version=1)
    assert "Trần Minh Thư" in refused.value.message
    # A version from the future is as stale as one from the past.
    with pytest.raises(Failed) as refused:
        await first.act("minutes.save", meeting_id=1, item_id=5, opinions="x",
                        conclusions="", base_version=3)
    assert refused.value.code == "conflict"


async def test_simultaneous_saves_of_one_version_let_exactly_one_through(
        server: LiveServer, clients) -> None:
    editors = [clients(await sign_in(server.url, u)) for u in ("clerk", "clerk2", "chair")]
    replies = await asyncio.gather(*(
        e.raw("minutes.save", key=f"race-{n}", meeting_id=1, item_id=4,
              opinions=f"Bản {n}", conclusions="", base_version=0)
        for n, e in enumerate(editors)))
    assert sorted(r["type"] for r in replies) == ["error", "error", "result"]
    assert {r.get("code") for r in replies if r["type"] == "error"} == {"conflict"}


async def test_a_retried_save_with_the_same_key_acts_once(server: LiveServer, clients) -> None:
    clerk = clients(await sign_in(server.url, "clerk"))
    fields = {"meeting_id": 1, "item_id": 6, "opinions": "Một lần", "conclusions": "",
              "base_version": 0}
    first = await clerk.call("minutes.save", key="same-key", **fields)
    again = await clerk.call("minutes.save", key="same-key", **fields)
    assert first == again and first["version"] == 1


# ---------------------------------------------------------- render, issue and notice


async def test_render_issue_and_notice_after_a_real_session(server: LiveServer,
                                                            clients) -> None:
    facts = await run_session(server.url, speech_s=0)
    clerk = clients(await sign_in(server.url, "clerk"))
    chair = clients(await sign_in(server.url, "chair"))
    await chair.call("meeting.subscribe", meeting_id=1, since=0)

    pdf = await clerk.call("minutes.render", meeting_id=1, format="pdf")
    assert pdf["filename"].startswith("bien-ban-hop-1-") and pdf["filename"].endswith(".pdf")
    data = base64.b64decode(pdf["content_base64"])
    assert data.startswith(b"%PDF") and pdf["size"] == len(data) and pdf["pages"] >= 2

    issued = await clerk.act("minutes.issue", meeting_id=1)
    assert issued["number"] == 1 and issued["label"] == "Số: 01/BB-HĐND"
    event = await chair.next_event("minutes.issued")
    assert event["data"]["label"] == "Số: 01/BB-HĐND"
    assert await chair.act("minutes.issue", meeting_id=1) == issued  # idempotent per meeting

    word = await chair.call("minutes.render", meeting_id=1, format="docx")
    assert word["filename"] == f"bien-ban-01-BB-HDND-{issued['year']}.docx"
    assert "pages" not in word
    document = docx.Document(io.BytesIO(base64.b64decode(word["content_base64"])))
    text = "\n".join(p.text for p in document.paragraphs)
    for name in facts.speakers:
        assert name in text

    tb = await clerk.act("minutes.notice", meeting_id=1)
    assert tb["label"] == "Số: 01/TB-HĐND" and tb["pages"] == 1
    assert base64.b64decode(tb["content_base64"]).startswith(b"%PDF")
    assert tb["due_on"] > tb["issued_on"]
    assert [i["title"] for i in tb["items"]] == [
        "Tờ trình về dự toán ngân sách thành phố năm 2027",
        "Biểu quyết thông qua các nghị quyết"]
    assert "tiếp thu ý kiến đại biểu" in tb["items"][0]["conclusions"]
    assert (await chair.next_event("minutes.notice_issued"))["data"]["due_on"] == tb["due_on"]
    # Asked again (after the chair's conclusions changed): same number, refreshed text.
    got = await clerk.call("minutes.get", meeting_id=1)
    item = next(i for i in got["items"] if i["title"] == tb["items"][0]["title"])
    await clerk.act("minutes.save", meeting_id=1, item_id=item["item_id"],
                    opinions=item["opinions"], conclusions="<p>Kết luận đã sửa.</p>",
                    base_version=item["version"])
    again = await chair.act("minutes.notice", meeting_id=1)
    assert again["number"] == 1 and again["issued_on"] == tb["issued_on"]
    assert again["items"][0]["conclusions"] == "Kết luận đã sửa."
    got = await clerk.call("minutes.get", meeting_id=1)
    assert got["number"]["label"] == "Số: 01/BB-HĐND"
    assert got["notice"]["items"][0]["conclusions"] == "Kết luận đã sửa."


async def test_numbers_follow_the_register_of_the_agency_and_year(
        server: LiveServer, clients) -> None:
    """Two ended meetings of the same council share the register: 01, then 02."""
    server.stop()
    con = sqlite3.connect(server.db_path)
    for mid, day in ((1, "2026-11-20"), (2, "2026-11-27")):
        if mid == 2:
            con.execute("INSERT INTO meetings (id, title, body, location, starts_at, status, "
                        "quorum, majority, speech_limit_s) SELECT 2, 'Phiên họp chuyên đề', "
                        "body, location, starts_at, status, quorum, majority, speech_limit_s "
                        "FROM meetings WHERE id = 1")
            con.execute("INSERT INTO participants (meeting_id, user_id, role, present) "
                        "SELECT 2, user_id, role, 0 FROM participants WHERE meeting_id = 1")
        con.execute("UPDATE meetings SET status='ended', started_at=?, ended_at=? WHERE id=?",
                    (f"{day}T01:00:00.000Z", f"{day}T04:00:00.000Z", mid))
    con.commit()
    con.close()
    server.start()
    clerk = clients(await sign_in(server.url, "clerk"))
    second = await clerk.act("minutes.issue", meeting_id=2)
    first = await clerk.act("minutes.issue", meeting_id=1)
    assert (second["label"], first["label"]) == ("Số: 01/BB-HĐND", "Số: 02/BB-HĐND")
    assert first["year"] == second["year"] == 2026
    # No conclusions yet: there is nothing to announce.
    reply = await clerk.raw("minutes.notice", key="n", meeting_id=2)
    assert reply["code"] == "conflict" and "Chưa có kết luận" in reply["message"]


async def test_a_preview_renders_unsaved_drafts_without_storing_them(
        server: LiveServer, clients, tmp_path: Path) -> None:
    clerk = clients(await sign_in(server.url, "clerk"))
    await clerk.act("minutes.save", meeting_id=1, item_id=3, opinions="Đã lưu trên máy chủ",
                    conclusions="", base_version=0)
    preview = await clerk.call(
        "minutes.render", meeting_id=1, format="pdf",
        drafts=[{"item_id": 3, "opinions": "<p>Bản nháp <b>chưa lưu</b></p><script>x</script>",
                 "conclusions": ""},
                {"item_id": None, "opinions": "", "conclusions": "Kết luận chung nháp"}])
    pdf = tmp_path / "preview.pdf"
    pdf.write_bytes(base64.b64decode(preview["content_base64"]))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode()
    flat = " ".join(text.split())
    assert "Bản nháp chưa lưu" in flat and "Kết luận chung nháp" in flat
    assert "Đã lưu trên máy chủ" not in flat and "<script>" not in flat
    got = await clerk.call("minutes.get", meeting_id=1)
    assert got["items"][2]["opinions"] == "<p>Đã lưu trên máy chủ</p>"
    assert got["general"]["version"] == 0


async def test_get_lists_who_spoke_under_each_item(server: LiveServer, clients) -> None:
    facts = await run_session(server.url, speech_s=0)
    clerk = clients(await sign_in(server.url, "clerk"))
    got = await clerk.call("minutes.get", meeting_id=1)
    by_title = {i["title"]: i for i in got["items"]}
    budget = by_title["Tờ trình về dự toán ngân sách thành phố năm 2027"]
    assert budget["speakers"] == facts.speakers[:2]
    assert budget["taken_up_at"] is not None
    assert by_title["Thảo luận tại hội trường"]["speakers"] == facts.speakers[2:]
