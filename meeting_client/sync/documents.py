"""The terminal's document cache and the connection that fills it (plain asyncio, no Qt).

Papers are cached on disk by SHA-256 (the platform's user cache folder unless
told otherwise), verified after every download and before being trusted on a
later entry, and readable with the server unreachable. Transfers run on a
WebSocket of their own (:class:`TransferChannel`), signed in with the
session's token, so a 20 MB pack never delays a vote event on the main
connection. The wire format is in ``meeting_protocol.documents`` and
``docs/protocol.md`` (Meeting documents).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import logging
import os
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import msgspec
import platformdirs
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed

from meeting_client.sync.client import typed_call
from meeting_client.sync.tls import tls_argument
from meeting_protocol import documents as dp
from meeting_protocol import events as ev
from meeting_protocol.commands import AuthResume, Payload
from meeting_protocol.documents import DocumentInfo
from meeting_protocol.envelope import Error, Result, command_frame, decode_server_frame

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""``(bytes done, bytes total)``."""


class TransferError(Exception):
    """A transfer failed. ``code`` is a protocol error code or ``unavailable``/``corrupt``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


CACHE_ENV = "HOP_THONG_MINH_DOCUMENT_CACHE"
"""Overrides the cache folder (tests, kiosks with a data partition)."""


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("hop-thong-minh", "smart-meeting")) / "documents"


def sha256_of(path: Path, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(block):
            digest.update(chunk)
    return digest.hexdigest()


# --- HTTP ranges ---------------------------------------------------------------------------

HTTP_RANGE = 8 << 20
"""Bytes asked per request (the server answers at most 8 MiB per range)."""


HttpBase = tuple[str, int, "ssl.SSLContext | bool"]


def http_base(ws_url: str, tls: ssl.SSLContext | None = None) -> HttpBase:
    """``ws://host:port/ws`` → (host, port, ssl) of the same server's HTTP side.

    ``ssl`` is False for ``ws://``; for ``wss://`` the terminal's context (the
    pinned certificate), or True for the system's authorities.
    """
    parts = urlsplit(ws_url)
    secure = parts.scheme == "wss"
    return (parts.hostname or "127.0.0.1", parts.port or (443 if secure else 80),
            (tls or True) if secure else False)


async def http_range(base: HttpBase, token: str, sha256: str, start: int,
                     end: int, sink: Callable[[bytes], None]) -> tuple[int, int]:
    """Fetch bytes ``start..end`` (inclusive) of a file; (bytes received, file size).

    Raises:
        TransferError: ``not_found`` (missing, or not for this user),
            ``unauthenticated``, ``unavailable`` (the connection broke),
            ``untrusted_server`` (not the pinned certificate).
    """
    host, port, tls = base
    try:
        reader, writer = await asyncio.open_connection(host, port, ssl=tls or None,
                                                       limit=1 << 20)
    except ssl.SSLCertVerificationError as exc:
        raise TransferError("untrusted_server", "Chứng chỉ của máy chủ không đúng.") from exc
    except OSError as exc:
        raise TransferError("unavailable", "Không kết nối được máy chủ.") from exc
    try:
        writer.write((f"GET /documents/{sha256} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                      f"Authorization: Bearer {token}\r\nRange: bytes={start}-{end}\r\n"
                      "Connection: close\r\n\r\n").encode())
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("iso-8859-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(":") for line in lines[1:] if line)}
        length = int(headers.get("content-length", "0"))
        if status not in (200, 206):
            text = (await reader.readexactly(length)).decode(errors="replace").strip()
            code = {404: "not_found", 401: "unauthenticated", 416: "bad_request"}.get(
                status, "internal")
            raise TransferError(code, text or f"HTTP {status}")
        total = int(headers.get("content-range", f"/{length}").rsplit("/", 1)[1])
        left = length
        while left:
            chunk = await reader.read(min(left, 1 << 20))
            if not chunk:
                raise TransferError("unavailable", "Mất kết nối khi đang tải tài liệu.")
            sink(chunk)
            left -= len(chunk)
        return length, total
    except (asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError) as exc:
        raise TransferError("unavailable", "Mất kết nối khi đang tải tài liệu.") from exc
    finally:
        writer.close()


# --- the transfer connection -----------------------------------------------------------


@dataclass(eq=False)
class _Download:
    transfer: int
    file: Any
    hasher: Any
    received: int
    size: int
    progress: Progress | None
    done: asyncio.Future[None]
    acked: int = 0
    ack_every: int = dp.DOWNLOAD_CHUNK


@dataclass(eq=False)
class _Upload:
    acked: int = 0
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    error: TransferError | None = None


class TransferChannel:
    """One WebSocket for bulk transfers, resumed from the main session's token.

    Args:
        url: ``ws://host:port/ws`` (or ``wss://``).
        token: the session token (``SyncClient.token``).
        tls: the ``wss://`` context (``SyncClient.tls``).
        downloads: ``http`` fetches papers as HTTP ranges on the same port
            (cheapest for the terminal: see ``server/modules/documents/http.py``);
            ``frames`` uses binary frames on this WebSocket.
        window: download credit in bytes beyond the last acknowledgement.
        ack_every: acknowledge after this many new bytes (default: half the
            window). Each acknowledgement is a small frame and a wake-up of
            the server; once per chunk cost as much CPU as hashing the bytes.
    """

    def __init__(self, url: str, token: str, *, window: int = dp.DEFAULT_WINDOW,
                 ack_every: int | None = None, open_timeout: float = 10.0,
                 request_timeout: float = 60.0,
                 downloads: Literal["http", "frames"] = "http",
                 tls: ssl.SSLContext | None = None) -> None:
        self._url = url
        self._tls = tls
        self.downloads = downloads
        self._token = token
        self._window = window
        self._ack_every = ack_every or max(dp.DOWNLOAD_CHUNK, window // 2)
        self._open_timeout = open_timeout
        self._request_timeout = request_timeout
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[Any]] = {}
        self._downloads: dict[int, _Download] = {}
        self._early: dict[int, list[bytes]] = {}
        self._uploads: dict[int, _Upload] = {}
        self.bytes_received = 0

    @property
    def is_open(self) -> bool:
        return self._ws is not None

    @property
    def token(self) -> str:
        return self._token

    async def open(self) -> None:
        """Connect and resume the session.

        Raises:
            OSError: the server cannot be reached.
            TransferError: the token was refused.
        """
        ws = await ws_connect(self._url, compression=None, max_size=dp.DOWNLOAD_CHUNK * 2,
                              open_timeout=self._open_timeout, ping_interval=20,
                              ping_timeout=60, close_timeout=2,
                              **tls_argument(self._url, self._tls))
        self._ws = ws
        self._reader = asyncio.create_task(self._read(ws), name="document-transfer-reader")
        try:
            await self.request(AuthResume(token=self._token))
        except BaseException:
            await self.close()
            raise

    async def _open_or_fail(self) -> None:
        """Open the WebSocket on first need (HTTP downloads never need it)."""
        try:
            await self.open()
        except OSError as exc:
            raise TransferError("unavailable", "Không kết nối được máy chủ.") from exc

    async def close(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            await ws.close()
        if self._reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self._reader
        self._fail_all(TransferError("unavailable", "Kết nối truyền tài liệu đã đóng."))

    async def request(self, type_: str | Payload,
                      payload: Payload | dict[str, Any] | None = None) -> Any:
        """A text command on this connection (a payload struct alone names it); its result.

        Raises:
            TransferError: the server's error reply, or the connection is gone.
        """
        if self._ws is None:
            await self._open_or_fail()
        ws = self._ws
        assert ws is not None
        type_, payload = typed_call(type_, payload)
        frame_id = next(self._ids)
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[frame_id] = fut
        try:
            await ws.send(command_frame(frame_id, type_, payload))
        except ConnectionClosed as exc:
            self._waiting.pop(frame_id, None)
            raise TransferError("unavailable", "Mất kết nối tới máy chủ.") from exc
        try:
            return await asyncio.wait_for(fut, self._request_timeout)
        finally:
            self._waiting.pop(frame_id, None)

    async def download(self, sha256: str, dest: Path, *, expected_size: int | None = None,
                       progress: Progress | None = None) -> int:
        """Fetch a file into ``dest`` (appending to what ``dest`` already holds: resume).

        Returns:
            Bytes transferred now (0 when ``dest`` was already complete).

        Raises:
            TransferError: ``not_found`` (no such file, or not for this user),
                ``unavailable`` (connection lost: call again to resume).
        """
        have = dest.stat().st_size if dest.exists() else 0
        if expected_size is not None and have > expected_size:
            dest.unlink()
            have = 0
        hasher = hashlib.sha256()
        if have:
            with dest.open("rb") as f:
                while chunk := f.read(1 << 20):
                    hasher.update(chunk)
        if self.downloads == "http":
            return await self._download_http(sha256, dest, hasher, have, expected_size,
                                             progress)
        reply = await self.request(dp.DocumentFetch(sha256=sha256, offset=have,
                                                    window=self._window))
        transfer, size = int(reply["transfer"]), int(reply["size"])
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        file = dest.open("ab")
        # The server may grant less than asked: acknowledge at least twice per window.
        granted = int(reply.get("window") or self._window)
        ack_every = min(self._ack_every, max(1, granted // 2))
        d = _Download(transfer, file, hasher, have, size, progress, fut, acked=have,
                      ack_every=ack_every)
        try:
            if progress is not None:
                progress(have, size)
            # Frames read before this point wait in _early; replay them in order, and
            # only then let the reader deliver directly (no await in between).
            while early := self._early.pop(transfer, []):
                for frame in early:
                    await self._on_data(d, frame)
            self._downloads[transfer] = d
            await fut
        finally:
            self._downloads.pop(transfer, None)
            file.close()
        if d.hasher.hexdigest() != sha256:
            raise TransferError("corrupt", "Tài liệu tải về bị sai mã băm.")
        return size - have

    async def _download_http(self, sha256: str, dest: Path, hasher: Any, have: int,
                             size: int | None, progress: Progress | None) -> int:
        base = http_base(self._url, self._tls)
        received = have
        total = size if size is not None else have + 1
        with dest.open("ab") as file:

            def sink(chunk: bytes) -> None:
                nonlocal received
                file.write(chunk)
                hasher.update(chunk)
                received += len(chunk)
                self.bytes_received += len(chunk)
                if progress is not None:
                    progress(received, total)

            if progress is not None:
                progress(have, total)
            while received < total:
                end = received + HTTP_RANGE - 1
                if size is not None:
                    end = min(end, size - 1)
                _n, total = await http_range(base, self._token, sha256, received, end, sink)
                if size is not None and total != size:
                    raise TransferError("corrupt", "Kích thước tài liệu không khớp.")
        if hasher.hexdigest() != sha256:
            raise TransferError("corrupt", "Tài liệu tải về bị sai mã băm.")
        return received - have

    async def upload(self, path: Path, *, meeting_id: int, filename: str | None = None,
                     progress: Progress | None = None, **fields: Any) -> dict[str, Any]:
        """Upload a file and commit it as a paper of the meeting; the commit's result.

        ``fields`` are the optional ``document.upload`` fields (``title``,
        ``agenda_item_id``, ``access``, ``users``, ``replaces``).

        Raises:
            TransferError: ``too_large``, ``bad_request`` (not a readable PDF or
                office file), ``forbidden``… — nothing was stored.
        """
        if self._ws is None:
            await self._open_or_fail()
        size = path.stat().st_size
        digest = await asyncio.to_thread(sha256_of, path)
        body = {"meeting_id": meeting_id, "filename": filename or path.name, "size": size,
                "sha256": digest, **{k: v for k, v in fields.items() if v is not None}}
        upload_id = await self._send_file(path, size, "document.upload", body, progress)
        result: dict[str, Any] = await self.request(
            dp.DocumentCommit(meeting_id=meeting_id, upload=upload_id))
        return result

    async def upload_attachment(self, path: Path, *, filename: str | None = None,
                                progress: Progress | None = None) -> dict[str, Any]:
        """Upload a file as a staged attachment (``attachment.upload``/``commit``); the
        commit's ``{attachment_id, filename, size, sha256, pdf_sha256, mime}``. The owner's
        command (``message.send``…) then claims it by id.

        Raises:
            TransferError: as :meth:`upload`.
        """
        if self._ws is None:
            await self._open_or_fail()
        size = path.stat().st_size
        digest = await asyncio.to_thread(sha256_of, path)
        body = {"filename": filename or path.name, "size": size, "sha256": digest}
        upload_id = await self._send_file(path, size, "attachment.upload", body, progress)
        result: dict[str, Any] = await self.request("attachment.commit", {"upload": upload_id})
        return result

    async def _send_file(self, path: Path, size: int, command: str, body: dict[str, Any],
                         progress: Progress | None) -> int:
        """Reserve an upload with ``command`` and send the bytes within the window."""
        ws = self._ws
        assert ws is not None
        reply = await self.request(command, body)
        upload_id, chunk, window = int(reply["upload"]), int(reply["chunk"]), int(
            reply["window"])
        state = _Upload()
        self._uploads[upload_id] = state
        try:
            with path.open("rb") as f:
                sent = 0
                while sent < size:
                    while sent >= state.acked + window:
                        state.wake.clear()
                        await state.wake.wait()
                        if state.error is not None:
                            raise state.error
                        if self._ws is None:
                            raise TransferError("unavailable", "Mất kết nối tới máy chủ.")
                    data = f.read(chunk)
                    await ws.send(dp.pack_frame(dp.KIND_UPLOAD, upload_id, sent, data))
                    sent += len(data)
                    if progress is not None:
                        progress(sent, size)
        except ConnectionClosed as exc:
            raise TransferError("unavailable", "Mất kết nối tới máy chủ.") from exc
        finally:
            self._uploads.pop(upload_id, None)
        return upload_id

    # --- reading ---------------------------------------------------------------------

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                if isinstance(raw, bytes):
                    await self._on_binary(raw)
                    continue
                frame = decode_server_frame(raw)
                if isinstance(frame, Result | Error) and frame.id is not None:
                    fut = self._waiting.get(frame.id)
                    if fut is None or fut.done():
                        continue
                    if isinstance(frame, Error):
                        fut.set_exception(TransferError(frame.code, frame.message))
                    else:
                        fut.set_result(frame.data)
                elif isinstance(frame, Error):
                    logger.warning("transfer refused: %s: %s", frame.code, frame.message)
                    self._fail_uploads(TransferError(frame.code, frame.message))
        except ConnectionClosed:
            pass
        except Exception:
            logger.exception("transfer reader failed")
        finally:
            if self._ws is ws:
                self._ws = None
            self._fail_all(TransferError("unavailable", "Mất kết nối tới máy chủ."))

    async def _on_binary(self, raw: bytes) -> None:
        header = dp.unpack_header(raw)
        if header.kind == dp.KIND_DATA:
            d = self._downloads.get(header.transfer)
            if d is None:  # arrived before download() registered it
                self._early.setdefault(header.transfer, []).append(raw)
                return
            await self._on_data(d, raw)
        elif header.kind == dp.KIND_UPLOAD_ACK:
            up = self._uploads.get(header.transfer)
            if up is not None:
                up.acked = max(up.acked, header.offset)
                up.wake.set()

    async def _on_data(self, d: _Download, raw: bytes) -> None:
        header = dp.unpack_header(raw)
        if header.offset != d.received or d.done.done():
            d.done.set_exception(TransferError("corrupt", "Dữ liệu tài liệu đến sai thứ tự."))
            return
        payload = memoryview(raw)[dp.HEADER_SIZE:]
        d.file.write(payload)
        d.hasher.update(payload)
        d.received += len(payload)
        self.bytes_received += len(payload)
        last = bool(header.flags & dp.FLAG_LAST) or d.received >= d.size
        if not last and d.received - d.acked >= d.ack_every and self._ws is not None:
            d.acked = d.received
            with contextlib.suppress(ConnectionClosed):
                await self._ws.send(dp.pack_frame(dp.KIND_ACK, d.transfer, d.received))
        if d.progress is not None:
            d.progress(d.received, d.size)
        if last and not d.done.done():
            d.done.set_result(None)

    def _fail_uploads(self, exc: TransferError) -> None:
        """A refusal without an id stops the upload under way (one per channel)."""
        for up in self._uploads.values():
            up.error = exc
            up.wake.set()

    def _fail_all(self, exc: TransferError) -> None:
        for fut in self._waiting.values():
            if not fut.done():
                fut.set_exception(exc)
        for d in self._downloads.values():
            if not d.done.done():
                d.done.set_exception(exc)
        for up in self._uploads.values():
            up.wake.set()


# --- the cache -------------------------------------------------------------------------


@dataclass
class PrefetchReport:
    transferred: int = 0
    """Bytes that came over the network."""
    fetched: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    refetched: list[str] = field(default_factory=list)
    """Cached files whose hash no longer matched: deleted and fetched again."""
    failed: dict[str, str] = field(default_factory=dict)
    """sha256 → message."""


class DocumentCache:
    """Files by SHA-256 under ``root``; a file is there only once verified.

    Downloads go to ``<sha>.part`` (kept across drops, so the next attempt
    resumes) and are renamed into place after their hash checked out. One
    download per file at a time: a second request for a file on its way (the
    reader opening a paper the prefetch is fetching) waits for it instead of
    writing the same ``.part`` file.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_cache_dir()
        self.root.mkdir(parents=True, exist_ok=True)
        self._downloading: dict[str, asyncio.Future[None]] = {}

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def cached(self, sha256: str) -> Path | None:
        """The file when it is on disk (not re-verified: see :meth:`verify`)."""
        path = self.path(sha256)
        return path if path.is_file() else None

    def verify(self, sha256: str) -> bool:
        """Hash the cached file; a mismatch deletes it. False when absent or deleted."""
        path = self.path(sha256)
        if not path.is_file():
            return False
        if sha256_of(path) == sha256:
            return True
        logger.warning("cached %s is corrupt; deleting it", sha256)
        path.unlink(missing_ok=True)
        return False

    async def ensure(self, channel: TransferChannel, sha256: str, size: int | None = None,
                     progress: Progress | None = None) -> tuple[Path, int]:
        """The verified file, downloading it when needed; (path, bytes transferred)."""
        path = self.path(sha256)
        while (running := self._downloading.get(sha256)) is not None:
            await asyncio.wait([running])  # its outcome is for its own caller to report
        if path.is_file() and await asyncio.to_thread(self.verify, sha256):
            return path, 0
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._downloading[sha256] = done
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_suffix(".part")
            try:
                moved = await channel.download(sha256, part, expected_size=size,
                                               progress=progress)
            except TransferError as exc:
                if exc.code == "corrupt":
                    part.unlink(missing_ok=True)
                raise
            os.replace(part, path)
            return path, moved
        finally:
            del self._downloading[sha256]
            done.set_result(None)

    async def prefetch(self, channel: TransferChannel, documents: Iterable[DocumentInfo],
                       progress: Progress | None = None, *,
                       parallel: int = 2) -> PrefetchReport:
        """Make every paper available offline; never raises per paper.

        Two papers travel at once by default, so the round trip that opens each
        transfer hides behind the other's bytes (the server caps what one
        connection has in flight, so this does not take more of its memory).
        ``progress`` sees the bytes of the whole set (cached papers count as
        done at once), so one bar can show the pack.
        """
        docs = list({d.sha256: d for d in documents}.values())
        total = sum(d.size for d in docs)
        report = PrefetchReport()
        done: dict[str, int] = {}
        stop = asyncio.Event()
        queue: asyncio.Queue[DocumentInfo] = asyncio.Queue()
        for doc in docs:
            queue.put_nowait(doc)

        def tell() -> None:
            if progress is not None:
                progress(sum(done.values()), total)

        async def one(doc: DocumentInfo) -> None:
            was_there = self.cached(doc.sha256) is not None

            def each(n: int, _size: int) -> None:
                done[doc.sha256] = n
                tell()

            try:
                _path, moved = await self.ensure(channel, doc.sha256, doc.size, each)
            except TransferError as exc:
                report.failed[doc.sha256] = exc.message
                if exc.code == "unavailable":
                    stop.set()
                return
            except (TimeoutError, OSError) as exc:
                report.failed[doc.sha256] = str(exc)
                stop.set()
                return
            report.transferred += moved
            if moved == 0:
                report.cached.append(doc.sha256)
            elif was_there:
                report.refetched.append(doc.sha256)
            else:
                report.fetched.append(doc.sha256)
            done[doc.sha256] = doc.size
            tell()

        async def worker() -> None:
            while not stop.is_set():
                try:
                    doc = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await one(doc)

        await asyncio.gather(*(worker() for _ in range(max(1, parallel))))
        for doc in docs:  # papers never tried because the connection went away
            if doc.sha256 not in done and doc.sha256 not in report.failed:
                report.failed[doc.sha256] = "Mất kết nối tới máy chủ."
        return report


def decode_documents(data: Any) -> list[DocumentInfo]:
    """``document.list``'s reply as structs."""
    return msgspec.convert(data.get("documents", []), list[DocumentInfo])


# --- one meeting's papers on this terminal -----------------------------------------------

DocumentsListener = Callable[[list[DocumentInfo]], None]
AnnotationsListener = Callable[[int], None]


class MeetingDocuments:
    """The papers of one meeting for the signed-in user: list, offline cache, annotations.

    Runs on the :class:`~meeting_client.sync.client.SyncClient`'s loop. It
    lists with ``document.list`` on the main connection (restricted papers
    included), moves bytes on its own :class:`TransferChannel`, re-lists and
    prefetches when a ``document.*`` event arrives, and follows the user's own
    ``user:<id>`` topic so that annotations saved on another terminal show
    up here (``on_annotations(document_id)``; fetch them with
    :meth:`annotations`).

    Args:
        client: a signed-in client.
        meeting_id: the meeting.
        cache: where papers live on disk.
        on_documents: called with the new list whenever it changes.
        on_progress: prefetch progress ``(bytes done, bytes total)``.
        on_annotations: an annotation of this user changed elsewhere.
        on_elsewhere: this user is signed in on this many terminals at once (≥ 2).
    """

    def __init__(self, client: Any, meeting_id: int, cache: DocumentCache, *,
                 on_documents: DocumentsListener | None = None,
                 on_progress: Progress | None = None,
                 on_annotations: AnnotationsListener | None = None,
                 on_elsewhere: Callable[[int], None] | None = None) -> None:
        self.client = client
        self.meeting_id = meeting_id
        self.cache = cache
        self.documents: list[DocumentInfo] = []
        self.last_report: PrefetchReport | None = None
        self._on_documents = on_documents
        self._on_progress = on_progress
        self._on_annotations = on_annotations
        self._on_elsewhere = on_elsewhere
        self._channel: TransferChannel | None = None
        self._user_seq = 0
        self._user_topic: str | None = None
        self._refresh_task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._closed = False
        self._dirty = False

    async def start(self) -> PrefetchReport:
        """List, follow the user topic, and prefetch every readable paper."""
        self.client.add_event_listener(self._on_event)
        self.client.add_state_listener(self._on_state)
        await self._follow_user_topic()
        await self.refresh()
        return await self.prefetch()

    async def close(self) -> None:
        self._closed = True
        self.client.remove_event_listener(self._on_event)
        self.client.remove_state_listener(self._on_state)
        if self._refresh_task is not None:
            self._refresh_task.cancel()
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    async def settle(self) -> None:
        """Wait until no re-listing triggered by a paper event is under way."""
        while self._refresh_task is not None and not self._refresh_task.done():
            await asyncio.shield(self._refresh_task)

    async def refresh(self) -> list[DocumentInfo]:
        data = await self.client.request(dp.DocumentList(meeting_id=self.meeting_id))
        self.documents = decode_documents(data)
        if self._on_documents is not None:
            self._on_documents(list(self.documents))
        return self.documents

    async def channel(self) -> TransferChannel:
        """The transfer connection, opened (again) when needed."""
        token = self.client.token
        if token is None:
            raise TransferError("unauthenticated", "Cần đăng nhập lại.")
        if self._channel is None or self._channel.token != token:
            if self._channel is not None:
                await self._channel.close()
            # Not opened here: HTTP downloads need no WebSocket; uploads open it.
            self._channel = TransferChannel(self.client.url, token, tls=self.client.tls)
        return self._channel

    async def prefetch(self) -> PrefetchReport:
        """Fetch what is missing; papers already cached and intact move 0 bytes."""
        async with self._lock:
            try:
                channel = await self.channel()
            except (OSError, TransferError) as exc:
                report = PrefetchReport(failed={d.sha256: str(exc) for d in self.documents})
                self.last_report = report
                return report
            report = await self.cache.prefetch(channel, self.documents, self._on_progress)
            self.last_report = report
            return report

    async def path(self, doc: DocumentInfo) -> Path:
        """The verified local file of a paper, fetched now if it is not cached."""
        cached = self.cache.cached(doc.sha256)
        if cached is not None:
            return cached
        path, _moved = await self.cache.ensure(await self.channel(), doc.sha256, doc.size)
        return path

    async def opened(self, document_id: int) -> None:
        """Tell the server this user opened the paper (only the first time counts)."""
        await self.client.command(dp.DocumentOpened(meeting_id=self.meeting_id,
                                                    document_id=document_id))

    async def annotations(self, document_id: int) -> list[dp.Annotation]:
        data = await self.client.request(dp.AnnotationList(meeting_id=self.meeting_id,
                                                           document_id=document_id))
        return msgspec.convert(data["annotations"], list[dp.Annotation])

    async def save_annotation(self, document_id: int, **fields: Any) -> dp.Annotation:
        data = await self.client.command("annotation.save", {
            "meeting_id": self.meeting_id, "document_id": document_id, **fields})
        return msgspec.convert(data, dp.Annotation)

    async def delete_annotation(self, annotation_id: int) -> bool:
        data = await self.client.command(dp.AnnotationDelete(meeting_id=self.meeting_id,
                                                             annotation_id=annotation_id))
        return bool(data["deleted"])

    # --- events ----------------------------------------------------------------------------

    async def _follow_user_topic(self) -> None:
        data = await self.client.request(dp.UserSubscribe(since=self._user_seq))
        self._user_topic = data["topic"]
        if data.get("terminals") and self._on_elsewhere is not None:
            self._on_elsewhere(int(data["terminals"]))
        if data.get("reset") and self._user_seq and self._on_annotations is not None:
            self._on_annotations(0)  # 0: anything may have changed
        self._user_seq = max(self._user_seq, int(data["seq"]))

    def _on_state(self, state: Any) -> None:
        if str(state) == "connected" and not self._closed:
            # The main connection came back: its user topic subscription did not.
            self._spawn(self._after_reconnect())

    async def _after_reconnect(self) -> None:
        try:
            await self._follow_user_topic()
            await self.refresh()
            await self.prefetch()
        except Exception:
            logger.exception("documents: catching up after a reconnect failed")

    def _on_event(self, event: Any) -> None:
        if event.topic == self._user_topic:
            self._user_seq = max(self._user_seq, event.seq)
            if event.event == dp.ANNOTATION_CHANGED and self._on_annotations is not None:
                try:
                    changed = ev.decode_data(event)
                except ev.MalformedEvent:
                    return
                if isinstance(changed, ev.AnnotationChanged):
                    self._on_annotations(changed.document_id)
            elif event.event == ev.SessionElsewhere.NAME and self._on_elsewhere is not None:
                try:
                    elsewhere = ev.decode_data(event)
                except ev.MalformedEvent:
                    return
                if isinstance(elsewhere, ev.SessionElsewhere):
                    self._on_elsewhere(elsewhere.terminals)
            return
        if event.topic != f"meeting:{self.meeting_id}" or event.event not in (
                dp.DOCUMENT_ADDED, dp.DOCUMENT_REPLACED, dp.DOCUMENT_REMOVED):
            return
        self._dirty = True
        if self._refresh_task is None or self._refresh_task.done():
            self._refresh_task = self._spawn(self._refresh_while_dirty())

    async def _refresh_while_dirty(self) -> None:
        """Re-list and prefetch until no paper event arrived meanwhile."""
        while self._dirty and not self._closed:
            self._dirty = False
            try:
                await self.refresh()
                await self.prefetch()
            except Exception:
                logger.exception("documents: refreshing after an event failed")
                return

    def _spawn(self, coro: Any) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coro)
        return task
