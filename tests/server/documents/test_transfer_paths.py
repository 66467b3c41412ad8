"""Both download paths — HTTP ranges and binary frames — give the same bytes, resume, and
hide what a user may not read; the HTTP side refuses what it must."""

from __future__ import annotations

import asyncio
import hashlib
import json

import pytest
from websockets.asyncio.client import connect

from meeting_client.sync.documents import TransferChannel, TransferError
from meeting_protocol import documents as dp
from tests.server.documents.conftest import PAPERS, unique_pdf


@pytest.mark.parametrize("mode", ["http", "frames"])
async def test_each_path_delivers_resumes_and_hides(docs_server, terminal, tmp_path,
                                                   mode) -> None:
    clerk = await terminal("clerk")
    paper = unique_pdf(tmp_path, 40)
    data = paper.read_bytes()
    open_paper = await clerk.upload(paper)
    secret = await clerk.upload(unique_pdf(tmp_path, 41), access="confidential")
    d1 = await terminal("d001")
    channel = TransferChannel(docs_server.url, d1.token, downloads=mode)
    await channel.open()
    try:
        whole = tmp_path / f"{mode}.pdf"
        assert await channel.download(open_paper["sha256"], whole) == len(data)
        assert whole.read_bytes() == data
        part = tmp_path / f"{mode}-part.pdf"
        part.write_bytes(data[:12_345])
        assert await channel.download(open_paper["sha256"], part,
                                      expected_size=len(data)) == len(data) - 12_345
        assert part.read_bytes() == data
        errors = []
        for digest in (secret["sha256"], "f" * 64):
            with pytest.raises(TransferError) as refused:
                await channel.download(digest, tmp_path / f"{mode}-{digest[:4]}.pdf")
            errors.append((refused.value.code, refused.value.message))
        assert errors[0] == errors[1] and errors[0][0] == "not_found"
    finally:
        await channel.close()


async def _http(server, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str],
                                                                      bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n{lines}\r\n".encode())
    raw = await reader.read()
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in
              (line.partition(":") for line in head.decode().split("\r\n")[1:])}
    return status, fields, body


async def test_http_ranges_need_a_session_and_a_sane_range(docs_server, terminal) -> None:
    d1 = await terminal("d001")
    paper = (PAPERS / "du-thao-nghi-quyet.pdf").read_bytes()
    path = f"/documents/{hashlib.sha256(paper).hexdigest()}"
    status, _h, _b = await _http(docs_server, path, {})
    assert status == 401
    status, _h, _b = await _http(docs_server, path, {"Authorization": "Bearer sai"})
    assert status == 401
    auth = {"Authorization": f"Bearer {d1.token}"}
    status, headers, body = await _http(docs_server, path, auth)
    assert status == 200 and body == paper and headers["content-type"] == "application/pdf"
    assert "content-encoding" not in headers  # never compressed
    status, headers, body = await _http(docs_server, path, {**auth, "Range": "bytes=100-199"})
    assert status == 206 and body == paper[100:200]
    assert headers["content-range"] == f"bytes 100-199/{len(paper)}"
    status, _h, _b = await _http(docs_server, path, {**auth, "Range": f"bytes={len(paper)}-"})
    assert status == 416
    status, _h, body = await _http(docs_server, "/documents/..%2Fdemo.sqlite3", auth)
    assert status == 404


async def test_a_binary_frame_with_a_window_of_zero_waits_for_credit(docs_server,
                                                                     terminal) -> None:
    d1 = await terminal("d001")
    paper = (PAPERS / "du-thao-nghi-quyet.pdf").read_bytes()
    async with connect(docs_server.url, compression=None, max_size=None) as ws:
        await ws.send(json.dumps({"id": 1, "type": "auth.resume", "token": d1.token}))
        await ws.recv()
        await ws.send(json.dumps({"id": 2, "type": "document.fetch", "window": 0,
                                  "sha256": hashlib.sha256(paper).hexdigest()}))
        reply = await ws.recv()
        assert '"transfer":' in reply
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(ws.recv(), 0.3)  # no credit, no bytes
        transfer = int(reply.split('"transfer":')[1].split(",")[0])
        # "I hold nothing yet; let 1 MiB come": the window set in the acknowledgement.
        await ws.send(dp.pack_frame(dp.KIND_ACK, transfer, 0, extra=(1 << 20) // dp.WINDOW_UNIT))
        got = b""
        while len(got) < len(paper):
            frame = await asyncio.wait_for(ws.recv(), 10)
            assert isinstance(frame, bytes)
            header = dp.unpack_header(frame)
            assert header.kind == dp.KIND_DATA and header.offset == len(got)
            got += frame[dp.HEADER_SIZE:]
        assert got == paper and header.flags & dp.FLAG_LAST
