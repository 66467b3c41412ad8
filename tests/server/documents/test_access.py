"""Confidential and named-list papers: nobody fetches what they may not read, by any id or
hash, and a hidden paper answers exactly like one that does not exist."""

from __future__ import annotations

import hashlib

import pytest

from meeting_client.sync.documents import TransferError
from tests.server.documents.conftest import PAPERS, unique_pdf, user_id
from tests.support.wsclient import Failed

UNKNOWN_HASH = "0" * 64


async def refusal(coro) -> tuple[str, str]:
    with pytest.raises((TransferError, Failed)) as refused:
        await coro
    return refused.value.code, refused.value.message


async def test_a_confidential_paper_is_refused_to_a_delegate_by_id_and_by_hash(
        docs_server, terminal, tmp_path) -> None:
    clerk = await terminal("clerk")
    d1 = await terminal("d001")
    await d1.ws.call("meeting.subscribe", meeting_id=1, since=0)
    paper = PAPERS / "tai-lieu-60-trang.pdf"  # bytes no open paper carries
    secret = await clerk.upload(paper, title="Báo cáo mật về nhân sự", access="confidential")
    doc_id, digest = secret["document_id"], secret["sha256"]

    # The event everyone receives tells neither the title nor the hash.
    event = await d1.ws.next_event("document.added")
    assert event["data"] == {"document_id": doc_id, "version": 1, "restricted": True}
    assert "mật" not in str(event) and digest not in str(event)

    listed = await d1.ws.call("document.list", meeting_id=1)
    assert doc_id not in {d["id"] for d in listed["documents"]}
    # By hash: exactly the answer a hash that does not exist gets.
    hidden = await refusal(d1.channel.download(digest, tmp_path / "x.pdf"))
    missing = await refusal(d1.channel.download(UNKNOWN_HASH, tmp_path / "y.pdf"))
    assert hidden == missing and hidden[0] == "not_found"
    assert not (tmp_path / "x.pdf").exists() or (tmp_path / "x.pdf").stat().st_size == 0
    # By id, through every command that takes one.
    for name in ("document.versions", "document.opened", "annotation.list"):
        hidden = await refusal(d1.ws.call(name, meeting_id=1, document_id=doc_id))
        missing = await refusal(d1.ws.call(name, meeting_id=1, document_id=99_999))
        assert hidden == missing and hidden[0] == "not_found", name
    hidden = await refusal(d1.ws.call("annotation.save", meeting_id=1, document_id=doc_id,
                                      page=1, kind="note", text="thử"))
    assert hidden[0] == "not_found"
    # Chair and clerk read it.
    chair = await terminal("chair")
    assert doc_id in {d["id"] for d in (await chair.ws.call("document.list", meeting_id=1)
                                        )["documents"]}
    await chair.channel.download(digest, tmp_path / "chair.pdf")
    assert (tmp_path / "chair.pdf").read_bytes() == paper.read_bytes()


async def test_a_named_list_paper_is_visible_only_to_the_named(docs_server, terminal,
                                                              tmp_path) -> None:
    clerk = await terminal("clerk")
    d1, d2 = await terminal("d001"), await terminal("d002")
    shared = await clerk.upload(unique_pdf(tmp_path, 5), title="Tài liệu Tổ 1",
                                access="users", users=[d1.user_id])
    got = await d1.ws.call("document.list", meeting_id=1)
    entry = next(d for d in got["documents"] if d["id"] == shared["document_id"])
    assert entry["access"] == "users"
    assert await d1.channel.download(shared["sha256"], tmp_path / "d1.pdf") > 0
    others = await d2.ws.call("document.list", meeting_id=1)
    assert shared["document_id"] not in {d["id"] for d in others["documents"]}
    code, _ = await refusal(d2.channel.download(shared["sha256"], tmp_path / "d2.pdf"))
    assert code == "not_found"
    code, _ = await refusal(d2.ws.call("document.opened", meeting_id=1,
                                       document_id=shared["document_id"]))
    assert code == "not_found"


async def test_the_same_bytes_in_an_open_paper_are_readable_by_everyone(
        docs_server, terminal, tmp_path) -> None:
    """Content addressing: a hash is readable when any paper carrying it is."""
    clerk = await terminal("clerk")
    paper = PAPERS / "tai-lieu-60-trang.pdf"
    await clerk.upload(paper, title="Bản mật", access="confidential")
    d1 = await terminal("d001")
    digest = hashlib.sha256(paper.read_bytes()).hexdigest()
    assert (await refusal(d1.channel.download(digest, tmp_path / "a.pdf")))[0] == "not_found"
    await clerk.upload(paper, title="Bản công khai")
    assert await d1.channel.download(digest, tmp_path / "b.pdf") == paper.stat().st_size


async def test_an_access_list_must_name_participants(docs_server, terminal) -> None:
    clerk = await terminal("clerk")
    admin = user_id(docs_server, "admin")  # not a participant of meeting 1
    code, message = await refusal(clerk.upload(PAPERS / "du-thao-nghi-quyet.pdf",
                                               access="users", users=[admin]))
    assert code == "bad_request" and "không dự cuộc họp" in message
