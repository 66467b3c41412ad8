"""The attached file (its text found by search) and the printed register, checked with
``pdftotext``."""

from __future__ import annotations

import base64
import subprocess

from tests.server.registry.helpers import entry, login
from tests.server.registry.matrix import tiny_pdf


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


async def test_an_attached_pdf_is_searchable_and_read_back(live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    made = await admin.act("registry.create", **entry())
    pdf = tiny_pdf("Phương án bồi thường giải phóng mặt bằng đường ven biển")
    done = await admin.act("registry.attach", registry_id=made["registry_id"],
                           filename="phuong-an.pdf",
                           content_base64=base64.b64encode(pdf).decode("ascii"))
    assert done["size"] == len(pdf) and done["text_chars"] > 20
    found = await admin.call("registry.search", query="giai phong mat bang duong ven bien")
    assert [i["registry_id"] for i in found["items"]] == [made["registry_id"]]
    assert found["items"][0]["has_file"] is True
    got = await admin.call("registry.file", registry_id=made["registry_id"])
    assert base64.b64decode(got["content_base64"]) == pdf
    assert got["filename"] == "phuong-an.pdf"
    not_pdf = await admin.raw("registry.attach", key="np", registry_id=made["registry_id"],
                              filename="x.pdf", content_base64=base64.b64encode(
                                  b"hello").decode())
    assert not_pdf["code"] == "bad_request"


async def test_the_printed_register_lists_the_period_with_its_columns(
        live_server, clients, tmp_path) -> None:
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    await admin.act("registry.create", **entry(
        symbol="125/QĐ-UBND", doc_type="Quyết định", issuer="UBND tỉnh Bình Định",
        summary="Quyết định đầu tư dự án xây dựng Trường THPT Nguyễn Huệ",
        received_on="2026-03-10", recipients="Phòng Kế hoạch - Tài chính"))
    cancelled = await admin.act("registry.create", **entry(symbol="126/UBND",
                                                           received_on="2026-03-11"))
    await admin.act("registry.cancel", registry_id=cancelled["registry_id"])
    await admin.act("registry.create", **entry(symbol="999/UBND", received_on="2026-05-01"))
    printed = await admin.call("registry.print", direction="in",
                               **{"from": "2026-03-01", "to": "2026-03-31"})
    assert printed["entries"] == 2
    text = pdf_text(base64.b64decode(printed["content_base64"]), tmp_path)
    for expected in ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Từ ngày 01/03/2026 đến ngày 31/03/2026",
                     "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ghi chú",
                     "125/QĐ-UBND", "10/03/2026", "Đã hủy", "126/UBND"):
        assert expected in text, expected
    assert "Quyết định đầu tư" in " ".join(text.split())
    assert "999/UBND" not in text
    out = await admin.call("registry.print", direction="out",
                           **{"from": "2026-01-01", "to": "2026-12-31"})
    out_text = pdf_text(base64.b64decode(out["content_base64"]), tmp_path)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in out_text and "Người ký" in out_text
