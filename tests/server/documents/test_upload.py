"""Uploads: PDFs as they are, office files through LibreOffice, limits, damage, versions."""

from __future__ import annotations

import hashlib
import subprocess

import pytest

from meeting_client.sync.documents import TransferError
from tests.server.documents.conftest import MAX_UPLOAD, PAPERS, stored_state
from tests.support.wsclient import Failed


async def test_a_clerk_uploads_a_pdf_and_every_participant_hears_of_it(
        docs_server, terminal, tmp_path) -> None:
    clerk = await terminal("clerk")
    d1 = await terminal("d001")
    sub = await d1.ws.call("meeting.subscribe", meeting_id=1, since=0)
    before = {d["id"] for d in sub["snapshot"]["documents"]}
    paper = PAPERS / "du-thao-nghi-quyet.pdf"
    result = await clerk.upload(paper, title="Dự thảo Nghị quyết (bản trình kỳ họp)",
                                agenda_item_id=3)
    digest = hashlib.sha256(paper.read_bytes()).hexdigest()
    assert result["sha256"] == digest and result["version"] == 1
    event = await d1.ws.next_event("document.added")
    doc = event["data"]["document"]
    assert doc["id"] == result["document_id"] not in before
    assert doc["title"] == "Dự thảo Nghị quyết (bản trình kỳ họp)"
    assert doc["agenda_item_id"] == 3 and doc["size"] == paper.stat().st_size
    # Stored as is: the bytes the delegate fetches are the uploaded ones.
    dest = tmp_path / "got.pdf"
    moved = await d1.channel.download(digest, dest)
    assert moved == paper.stat().st_size and dest.read_bytes() == paper.read_bytes()


async def test_a_download_resumes_from_the_bytes_already_held(docs_server, terminal,
                                                              tmp_path) -> None:
    clerk = await terminal("clerk")
    paper = PAPERS / "tai-lieu-60-trang.pdf"
    result = await clerk.upload(paper)
    data = paper.read_bytes()
    dest = tmp_path / "part.pdf"
    dest.write_bytes(data[:50_000])  # a transfer cut off after 50 kB
    d1 = await terminal("d001")
    moved = await d1.channel.download(result["sha256"], dest)
    assert moved == len(data) - 50_000
    assert dest.read_bytes() == data


async def test_a_docx_is_converted_to_pdf_and_the_original_kept(docs_server, terminal,
                                                               tmp_path) -> None:
    from tests.fixtures.papers.make import DOCX_PHRASE

    clerk = await terminal("clerk")
    source = PAPERS / "to-trinh-cho-bien-gioi.docx"
    result = await clerk.upload(source, title="Tờ trình chợ biên giới")
    assert result["original_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    d1 = await terminal("d001")
    pdf = tmp_path / "converted.pdf"
    await d1.channel.download(result["sha256"], pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert DOCX_PHRASE in " ".join(text.split())
    assert "85.000 triệu đồng" in " ".join(text.split())
    original = tmp_path / "original.docx"
    await d1.channel.download(result["original_sha256"], original)
    assert original.read_bytes() == source.read_bytes()
    listed = await d1.ws.call("document.list", meeting_id=1)
    entry = next(d for d in listed["documents"] if d["id"] == result["document_id"])
    assert entry["filename"] == "to-trinh-cho-bien-gioi.pdf"
    assert entry["original_filename"] == "to-trinh-cho-bien-gioi.docx"


async def test_an_oversize_upload_is_refused_and_nothing_is_kept(docs_server, terminal,
                                                                tmp_path) -> None:
    clerk = await terminal("clerk")
    before = stored_state(docs_server)
    big = tmp_path / "qua-lon.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * MAX_UPLOAD + b"\nstartxref\n0\n%%EOF\n")
    with pytest.raises(TransferError) as refused:
        await clerk.upload(big)
    assert refused.value.code == "too_large"
    assert "MiB" in refused.value.message
    # Lying about the size does not help: the extra bytes end the upload.
    reply = await clerk.channel.request("document.upload", {
        "meeting_id": 1, "filename": "nho.pdf", "size": 10})
    from meeting_protocol import documents as dp

    ws = clerk.channel._ws  # the raw socket, to send what a broken client would
    assert ws is not None
    await ws.send(dp.pack_frame(dp.KIND_UPLOAD, reply["upload"], 0, b"%PDF-" + b"x" * 100))
    with pytest.raises(TransferError) as refused:
        await clerk.channel.request("document.commit", {"meeting_id": 1,
                                                        "upload": reply["upload"]})
    assert refused.value.code == "too_large"
    assert stored_state(docs_server) == before


@pytest.mark.parametrize("name, body", [
    ("hong.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),  # cut off
    ("anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 500),
    ("ghi-chu.txt", "Không phải tài liệu họp".encode()),
    pytest.param("hong.docx", b"PK\x03\x04" + b"\x00garbage" * 300),
    ("hong.doc", b"This is not an OLE file at all" * 10),
])
async def test_a_damaged_or_foreign_file_is_refused_in_vietnamese_and_nothing_is_kept(
        docs_server, terminal, tmp_path, name, body) -> None:
    clerk = await terminal("clerk")
    before = stored_state(docs_server)
    path = tmp_path / name
    path.write_bytes(body)
    with pytest.raises(TransferError) as refused:
        await clerk.upload(path)
    assert refused.value.code == "bad_request"
    assert any(word in refused.value.message for word in ("hỏng", "Chỉ nhận", "định dạng"))
    assert stored_state(docs_server) == before


async def test_replacing_keeps_the_id_and_every_earlier_version(docs_server, terminal,
                                                               tmp_path) -> None:
    clerk = await terminal("clerk")
    chair = await terminal("chair")
    await chair.ws.call("meeting.subscribe", meeting_id=1, since=0)
    v1 = await clerk.upload(PAPERS / "du-thao-nghi-quyet.pdf", title="Dự thảo Nghị quyết")
    v2 = await clerk.upload(PAPERS / "bao-cao-tham-tra.pdf", replaces=v1["document_id"])
    assert v2["document_id"] == v1["document_id"] and v2["version"] == 2
    replaced = await chair.ws.next_event("document.replaced")
    assert replaced["data"]["document"]["sha256"] == v2["sha256"]
    assert replaced["data"]["document"]["title"] == "Dự thảo Nghị quyết"
    versions = await clerk.ws.call("document.versions", meeting_id=1,
                                   document_id=v1["document_id"])
    assert [(v["version"], v["sha256"]) for v in versions["versions"]] == [
        (1, v1["sha256"]), (2, v2["sha256"])]
    # The snapshot shows the current version; the old one is still fetchable.
    fresh = await terminal("d002")
    snap = (await fresh.ws.call("meeting.subscribe", meeting_id=1, since=0))["snapshot"]
    entry = next(d for d in snap["documents"] if d["id"] == v1["document_id"])
    assert entry["sha256"] == v2["sha256"] and entry["version"] == 2
    assert await fresh.channel.download(v1["sha256"], tmp_path / "v1.pdf") > 0


async def test_removing_a_paper_hides_it_from_delegates(docs_server, terminal,
                                                       tmp_path) -> None:
    clerk = await terminal("clerk")
    d1 = await terminal("d001")
    added = await clerk.upload(PAPERS / "bao-cao-tham-tra.pdf", title="Bản cũ")
    await d1.ws.call("meeting.subscribe", meeting_id=1, since=0)
    await clerk.ws.act("document.remove", meeting_id=1, document_id=added["document_id"])
    event = await d1.ws.next_event("document.removed")
    assert event["data"] == {"document_id": added["document_id"]}
    listed = await d1.ws.call("document.list", meeting_id=1)
    assert added["document_id"] not in {d["id"] for d in listed["documents"]}
    with pytest.raises(Failed) as refused:
        await d1.ws.call("document.versions", meeting_id=1, document_id=added["document_id"])
    assert refused.value.code == "not_found"
    # Removing twice changes nothing and says so calmly.
    assert (await clerk.ws.act("document.remove", meeting_id=1,
                               document_id=added["document_id"]))["removed"] is True
