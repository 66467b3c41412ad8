"""The invitation (giấy mời) PDF: its text read back with pdftotext, from a real server."""

from __future__ import annotations

import base64
import subprocess

from tests.server.meetings.helpers import prepare, snapshot
from tests.support.wsclient import WsClient


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "giay-moi.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(out.split())


async def test_invitation_pdf_says_who_when_where_and_what(live_server, clients,
                                                           tmp_path) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    mid, _ids = await prepare(admin)
    await admin.act("meeting.publish", meeting_id=mid)
    people = {p["username"]: p for p in (await snapshot(admin, mid))["participants"]}
    d001 = clients(await WsClient.signed_in(live_server.url, "d001"))
    reply = await d001.call("invitation.render", meeting_id=mid)
    assert reply["filename"] == f"giay-moi-cuoc-hop-{mid}.pdf"
    data = base64.b64decode(reply["content_base64"])
    assert data.startswith(b"%PDF") and reply["size"] == len(data)
    text = pdf_text(data, tmp_path)
    for expected in [
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ MÓNG CÁI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "/GM-UBND", "Móng Cái, ngày", "GIẤY MỜI",
        f"trân trọng kính mời: Ông (Bà) {people['d001']['full_name']}",
        "Tới dự: Phiên họp thường kỳ tháng 12.",
        "Thời gian: 08 giờ 00 phút, thứ Hai, ngày 07 tháng 12 năm 2026 "
        "(dự kiến kết thúc lúc 11 giờ 30).",
        "Địa điểm: Phòng họp số 1.",
        "1. Báo cáo tình hình kinh tế - xã hội (trình bày: "
        f"{people['chair']['full_name']}; 30 phút).",
        "2. Thảo luận và kết luận (45 phút).",
        "Nơi nhận:", "CHỦ TỌA", "DANH SÁCH THÀNH PHẦN MỜI",
        f"{people['d002']['full_name']} (Đại biểu) — ghế A02",
    ]:
        assert expected in text, expected
    # The preparers' copy invites "the list attached"; a draft's stays invisible to delegates.
    general = pdf_text(base64.b64decode(
        (await admin.call("invitation.render", meeting_id=mid))["content_base64"]), tmp_path)
    assert "các thành phần theo danh sách kèm theo" in general
    draft, _ = await prepare(admin, title="Cuộc họp nháp")
    assert (await d001.raw("invitation.render", meeting_id=draft))["code"] == "not_found"
