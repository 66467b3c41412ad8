"""``GET /documents/<sha256>`` on the WebSocket port: downloads over plain HTTP with
``Range``, authorised by the session token (``Authorization: Bearer …``).

Why HTTP beside the binary frames: measured on this stack, a terminal spends
~4.4 ms of CPU per MiB receiving WebSocket frames (websockets parses and
copies each frame three times) against ~2.0 ms reading an HTTP body, and the
client side is what runs out first when a hundred terminals fetch at once.
websockets answers ``process_request`` with whole bodies and one request per
connection, so each request carries one range of at most ``RANGE_LIMIT``
bytes, read off the loop, with a bound on how many bodies are in memory at
once. A hash this user may not read gets exactly the 404 of a missing one.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from server.modules.accounts import service as accounts
from server.modules.documents.store import is_sha256
from server.storage.committer import Tx

if TYPE_CHECKING:
    from server.services import Services

PREFIX = "/documents/"
RANGE_LIMIT = 8 << 20
"""Largest body of one response; clients ask range by range (most papers fit in one)."""
BODIES_IN_MEMORY = 16
"""Responses being read or written at once (×RANGE_LIMIT bounds the memory: 128 MiB)."""
DECISION_TTL_S = 5.0
"""How long a "this session may read this hash" answer is reused for the next ranges
of the same file, sparing the database thread one unit per range. Only a yes is
kept (a paper made readable is readable at once); a paper made unreadable may go
on serving a download already under way for these few seconds. A session that
ends (logout, expiry) loses its answers at once (``forget_session``)."""
_RANGE = re.compile(r"^bytes=(\d{1,18})-(\d{0,18})$")
"""Bounded digits: a 5000-digit offset is not a number worth converting (→ 416)."""


def _reply(status: HTTPStatus, text: str, extra: list[tuple[str, str]] | None = None
           ) -> Response:
    body = text.encode()
    headers = Headers([("Content-Type", "text/plain; charset=utf-8"),
                       ("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
                       *(extra or [])])
    return Response(status.value, status.phrase, headers, body)


class DocumentHttp:
    """Serves document ranges; one per server."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._bodies = asyncio.Semaphore(BODIES_IN_MEMORY)
        # Reads get threads of their own: conversions may hold the domain's executor
        # for minutes, and a download must never wait behind LibreOffice.
        self._reader = ThreadPoolExecutor(max_workers=4, thread_name_prefix="document-read")
        # (token hash, blob hash) → (when decided, session expiry as Unix time)
        self._decisions: dict[tuple[str, str], tuple[float, float]] = {}
        self.bytes_sent = 0
        if services.connections is not None:
            services.connections.on_session_end.append(self.forget_session)

    def forget_session(self, token_hash: str) -> None:
        """A session ended: no cached "yes" of it may serve another range."""
        self._decisions = {k: v for k, v in self._decisions.items() if k[0] != token_hash}

    async def _may_read(self, token: str, digest: str) -> bool | None:
        """True/False for a live session, None for an unknown or expired one."""
        now = time.monotonic()
        key = (accounts.token_hash(token), digest)
        cached = self._decisions.get(key)
        if cached is not None and now - cached[0] < DECISION_TTL_S and cached[1] > time.time():
            return True

        def check(tx: Tx) -> tuple[bool, float] | None:
            found = accounts.session_user(tx.conn, token, tx.now)
            if found is None:
                return None
            user = found[0]
            expires = accounts.expires_epoch(user["expires_at"])
            runtime = self.services.documents
            readable = runtime is not None and runtime.hash_readable(
                tx.conn, digest, user["id"], bool(user["is_admin"]))
            return readable, expires

        decision = await self.services.committer.run(check)
        if len(self._decisions) > 10_000:
            self._decisions = {k: v for k, v in self._decisions.items()
                               if now - v[0] < DECISION_TTL_S}
        if decision is None:
            return None
        if decision[0]:
            self._decisions[key] = (now, decision[1])
        return decision[0]

    async def get(self, request: Request, connection: ServerConnection | None = None
                  ) -> Response:
        runtime = self.services.documents
        path = request.path.split("?", 1)[0]
        digest = path[len(PREFIX):]
        auth = request.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.startswith("Bearer ") else ""
        if runtime is None or not is_sha256(digest):
            return _reply(HTTPStatus.NOT_FOUND, "Không tìm thấy tài liệu.\n")
        if not token:
            return _reply(HTTPStatus.UNAUTHORIZED, "Cần đăng nhập.\n",
                          [("WWW-Authenticate", "Bearer")])

        visible = await self._may_read(token, digest)
        if visible is None:
            return _reply(HTTPStatus.UNAUTHORIZED, "Phiên làm việc đã hết hạn.\n",
                          [("WWW-Authenticate", "Bearer")])
        blob = runtime.blobs.path(digest)
        if not visible or not blob.is_file():
            return _reply(HTTPStatus.NOT_FOUND, "Không tìm thấy tài liệu.\n")
        size = blob.stat().st_size
        wanted = request.headers.get("Range")
        if wanted is None:
            start, end = 0, size - 1
            if size > RANGE_LIMIT:
                return _reply(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                              f"Tệp lớn: hãy yêu cầu từng đoạn tối đa {RANGE_LIMIT} byte.\n",
                              [("Content-Range", f"bytes */{size}"),
                               ("Accept-Ranges", "bytes")])
        else:
            match = _RANGE.match(wanted.strip())
            start = int(match.group(1)) if match else size
            end = int(match.group(2)) if match and match.group(2) else size - 1
            end = min(end, size - 1, start + RANGE_LIMIT - 1)
            if not match or start >= size or end < start:
                return _reply(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Đoạn không hợp lệ.\n",
                              [("Content-Range", f"bytes */{size}")])
        status = HTTPStatus.OK if wanted is None else HTTPStatus.PARTIAL_CONTENT
        if request.method == "HEAD":
            return self._head(status, digest, start, end, size)
        if connection is not None and await self._sendfile(
                connection, blob, digest, status, start, end, size):
            return _reply(HTTPStatus.OK, "")  # never sent: the connection is closed
        async with self._bodies:
            body = await asyncio.get_running_loop().run_in_executor(
                self._reader, _read, str(blob), start, end - start + 1)
        self.bytes_sent += len(body)
        headers = Headers([
            ("Content-Type", "application/pdf"), ("Content-Length", str(len(body))),
            ("Accept-Ranges", "bytes"), ("ETag", f'"{digest}"'),
            ("Cache-Control", "private, no-transform"),
        ])
        if wanted is None:
            return Response(HTTPStatus.OK.value, "OK", headers, body)
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return Response(HTTPStatus.PARTIAL_CONTENT.value, "Partial Content", headers, body)


    @staticmethod
    def _head(status: HTTPStatus, digest: str, start: int, end: int, size: int) -> Response:
        """The headers a GET would get, without the body."""
        headers = Headers([
            ("Content-Type", "application/pdf"), ("Content-Length", str(end - start + 1)),
            ("Accept-Ranges", "bytes"), ("ETag", f'"{digest}"'),
            ("Cache-Control", "private, no-transform"),
        ])
        if status is HTTPStatus.PARTIAL_CONTENT:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return Response(status.value, status.phrase, headers, b"")

    async def _sendfile(self, connection: ServerConnection, blob: Path, digest: str,
                        status: HTTPStatus, start: int, end: int, size: int) -> bool:
        """Answer with ``sendfile(2)``: the kernel moves the bytes, Python touches none.

        websockets only knows whole-body responses (one more copy of every byte
        in Python, which is what a busy server runs short of); so the response
        is written to the socket here and the connection closed, after which
        websockets has nothing left to send. False when that cannot be done
        (TLS, or a transport without ``sendfile``): the caller answers the
        ordinary way.
        """
        transport = connection.transport
        if transport is None or transport.get_extra_info("sslcontext") is not None or (
                transport.is_closing()):
            return False
        length = end - start + 1
        lines = [f"HTTP/1.1 {status.value} {status.phrase}",
                 "Content-Type: application/pdf", f"Content-Length: {length}",
                 "Accept-Ranges: bytes", f'ETag: "{digest}"',
                 "Cache-Control: private, no-transform", "Connection: close"]
        if status is HTTPStatus.PARTIAL_CONTENT:
            lines.append(f"Content-Range: bytes {start}-{end}/{size}")
        loop = asyncio.get_running_loop()
        try:
            with blob.open("rb") as f:
                transport.write(("\r\n".join(lines) + "\r\n\r\n").encode())
                await loop.sendfile(transport, f, start, length, fallback=True)
        except (ConnectionError, OSError):
            transport.abort()
            return True
        self.bytes_sent += length
        transport.close()
        await asyncio.shield(connection.connection_lost_waiter)
        return True


def _read(path: str, offset: int, length: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.pread(fd, length, offset)
    finally:
        os.close(fd)
