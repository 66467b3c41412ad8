"""Attachments of directive reports, calendar events and registry entries: each owner
claims them in its own command and decides who reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting_client.sync.documents import TransferError
from tests.server.attachments.conftest import make_docx, make_pdf, pdf_text
from tests.server.registry.helpers import entry


async def _ids(terminal_admin) -> dict[str, dict]:
    return {u["username"]: u for u in (await terminal_admin.ws.call("org.users"))["users"]}


async def test_a_directive_report_shows_its_attachment_in_the_history(
        terminal, tmp_path: Path) -> None:
    leader, cv003, cv005 = [await terminal(n) for n in ("lanhdao", "cv003", "cv005")]
    users = await _ids(leader)
    assert users["cv003"]["unit_id"] != users["cv005"]["unit_id"]
    made = await leader.ws.act("directive.create", content="Báo cáo thu ngân sách quý IV",
                               deadline="2026-12-31", assignee_id=cv003.user_id)
    did = made["directive_id"]
    staged = await cv003.attach(make_pdf(tmp_path, "bao-cao-thu.pdf", "Số thu quý IV"))
    await cv003.ws.act("directive.report", directive_id=did, status="reported",
                       note="Đã gửi báo cáo kèm số liệu", percent=100,
                       attachment_ids=[staged["attachment_id"]])
    got = await leader.ws.call("directive.get", directive_id=did)
    report = [h for h in got["history"] if h["kind"] == "report"]
    assert [h["attachments"] for h in report] == [[staged]]
    assert all(h["attachments"] == [] for h in got["history"] if h["kind"] != "report")
    listed = await leader.ws.call("attachment.list", owner_kind="directive_report",
                                  owner_id=report[0]["history_id"])
    assert listed["attachments"] == [staged]
    assert pdf_text(await leader.http_get(staged["pdf_sha256"]), tmp_path).count("IV")
    # Someone of another unit, who does not see the directive, reads none of it.
    assert (await cv005.ws.raw("attachment.list", owner_kind="directive_report",
                               owner_id=report[0]["history_id"]))["code"] == "not_found"
    assert (await cv005.ws.raw("attachment.fetch", attachment_id=staged["attachment_id"])
            )["code"] == "not_found"
    with pytest.raises(TransferError):
        await cv005.http_get(staged["pdf_sha256"])


async def test_a_private_calendar_events_attachment_is_unreadable_to_another_units_staff(
        terminal, tmp_path: Path) -> None:
    cv003, cv005 = await terminal("cv003"), await terminal("cv005")
    first = await cv003.attach(make_pdf(tmp_path, "giay-moi.pdf", "Giấy mời họp tổ"))
    made = await cv003.ws.act("calendar.create", title="Họp tổ chuyên môn",
                              starts_at="2026-12-15T08:00:00+07:00",
                              ends_at="2026-12-15T09:00:00+07:00",
                              attachment_ids=[first["attachment_id"]])
    second = await cv003.attach(make_pdf(tmp_path, "chuong-trinh.pdf", "Chương trình"))
    await cv003.ws.act("calendar.update", event_id=made["event_id"], title="Họp tổ",
                       attachment_ids=[second["attachment_id"]])
    got = await cv003.ws.call("calendar.get", event_id=made["event_id"])
    assert got["attachments"] == [first, second] and got["title"] == "Họp tổ"
    # cv005 (another unit, no role that sees all) sees neither the event nor its files.
    assert (await cv005.ws.raw("calendar.get", event_id=made["event_id"]))["code"] == \
        "not_found"
    for reply in (await cv005.ws.raw("attachment.list", owner_kind="calendar_event",
                                     owner_id=made["event_id"]),
                  await cv005.ws.raw("attachment.fetch", attachment_id=first["attachment_id"])):
        assert reply["code"] == "not_found"
    for digest in (first["pdf_sha256"], second["pdf_sha256"]):
        with pytest.raises(TransferError) as refused:
            await cv005.http_get(digest)
        assert refused.value.code == "not_found"


async def test_a_registry_entry_given_an_office_file_is_found_by_its_text(
        terminal, tmp_path: Path) -> None:
    office = await terminal("vanphong")
    made = await office.ws.act("registry.create", **entry(summary="Công văn về đê biển"))
    source = make_docx(tmp_path, "Phương án.docx", "Phương án gia cố kè chắn sóng Tam Quan")
    staged = await office.attach(source)
    done = await office.ws.act("registry.attach", registry_id=made["registry_id"],
                               filename="bo-qua.docx", attachment_id=staged["attachment_id"])
    assert done["sha256"] == staged["pdf_sha256"] and done["text_chars"] > 20
    found = await office.ws.call("registry.search", query="ke chan song tam quan")
    assert [i["registry_id"] for i in found["items"]] == [made["registry_id"]]
    got = await office.ws.call("registry.file", registry_id=made["registry_id"])
    assert got["filename"] == "Phương án.pdf" and got["sha256"] == staged["pdf_sha256"]
    listed = await office.ws.call("attachment.list", owner_kind="registry",
                                  owner_id=made["registry_id"])
    assert listed["attachments"] == [staged]
    # Both fields, or neither: refused; the base64 path still works (its own test).
    both = await office.ws.raw("registry.attach", key="both", registry_id=made["registry_id"],
                               filename="x.pdf", content_base64="eA==",
                               attachment_id=staged["attachment_id"])
    assert both["code"] == "bad_request"
    used = await office.ws.raw("registry.attach", key="used", registry_id=made["registry_id"],
                               filename="x.pdf", attachment_id=staged["attachment_id"])
    assert used["code"] == "bad_request"
