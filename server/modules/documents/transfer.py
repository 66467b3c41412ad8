"""Bulk transfer of documents in binary WebSocket frames, with credit-based flow control.

Downloads: ``document.fetch`` (a text command) checks access and opens a
transfer; the server then sends ``D`` frames of up to ``CHUNK_SIZE`` bytes
while the bytes it sent beyond the terminal's last ``A`` (acknowledgement)
stay within the window. The terminal acknowledges as it writes, which both
paces the server (a slow terminal never fills the server's memory) and tells
where to resume: after a drop, ``document.fetch`` again from the offset it
holds. Uploads mirror it: ``U`` frames from the terminal, ``u``
acknowledgements from the server, then ``document.commit``.

Frames are never compressed (PDFs are compressed already; STACK.md measured
deflate at ~19 MB/s against ~1 GB/s without). Everything here runs on the
event loop and never waits for the database; file reads and writes are page
cache operations of one chunk each.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import Connection

from meeting_protocol import documents as dp
from meeting_protocol.errors import ErrorCode
from server.errors import BadRequest, ProtocolError, RateLimited, TooLarge
from server.modules.documents.access import hash_readable
from server.modules.documents.store import BlobStore
from server.storage.db import blob_dir_for

if TYPE_CHECKING:
    from server.services import Services

log = logging.getLogger(__name__)

HashReadable = Callable[[Connection, str, int, bool], bool]
"""``(conn, sha256, user_id, is_admin) -> readable``."""


class BinaryPeer(Protocol):
    """What the transfer code needs of a connection (``server.transport.ClientConnection``)."""

    closed: bool

    @property
    def lang(self) -> str: ...

    def send_binary(self, data: bytes | bytearray | memoryview) -> None: ...
    def error(self, frame_id: int | None, code: str, message: str) -> None: ...


@dataclass(eq=False)
class Download:
    id: int
    path: Path
    end: int
    sent: int
    acked: int
    window: int
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None


@dataclass(eq=False)
class Upload:
    id: int
    meeting_id: int | None
    """None for an upload that is no meeting paper (an attachment)."""
    user_id: int
    filename: str
    size: int
    path: Path
    fields: Any
    """The ``document.upload`` payload."""
    received: int = 0
    failed: ProtocolError | None = None
    file: Any = None
    hasher: Any = field(default_factory=hashlib.sha256)

    def discard(self) -> None:
        if self.file is not None:
            with contextlib.suppress(OSError):
                self.file.close()
            self.file = None
        self.path.unlink(missing_ok=True)


@dataclass(eq=False)
class _PerConnection:
    user_id: int | None = None
    downloads: dict[int, Download] = field(default_factory=dict)
    uploads: dict[int, Upload] = field(default_factory=dict)
    ids: Any = field(default_factory=lambda: itertools.count(1))

    @property
    def unacked(self) -> int:
        return sum(d.sent - d.acked for d in self.downloads.values())


class Transfers:
    """Every connection's downloads and uploads.

    Args:
        blobs: where downloads are read from and uploads are assembled.
        max_upload: largest upload in bytes (``too_large`` beyond).
        max_inflight: most unacknowledged download bytes per connection,
            whatever the windows asked for; keep it below the transport's
            write-buffer limit, which drops a terminal that stops reading.
        max_downloads, max_uploads: open transfers per connection; ``per_user``
            times as many across one user's connections (``rate_limited``
            beyond). A download holds no file open while it waits for credit,
            an upload holds one: these caps bound memory and descriptors.
    """

    def __init__(self, blobs: BlobStore, *, max_upload: int, max_inflight: int,
                 max_downloads: int = 8, max_uploads: int = 4, per_user: int = 2) -> None:
        self.blobs = blobs
        self.max_upload = max_upload
        self.max_downloads = max_downloads
        self.max_uploads = max_uploads
        self.per_user = per_user
        # Whatever an earlier run left half-assembled (a crash mid-upload) is garbage.
        for stale in blobs.scratch_dir().glob("upload-*"):
            stale.unlink(missing_ok=True)
        self.max_inflight = max(dp.DOWNLOAD_CHUNK, max_inflight)
        self._conns: dict[Any, _PerConnection] = {}
        self.bytes_sent = 0

    def _state(self, conn: Any) -> _PerConnection:
        state = self._conns.get(conn)
        if state is None:
            state = self._conns[conn] = _PerConnection()
        session = getattr(conn, "session", None)
        if session is not None:
            state.user_id = session.user_id
        return state

    def _check_room(self, state: _PerConnection, kind: str) -> None:
        """Refuse one more transfer of ``kind`` beyond the connection's or the user's cap."""
        limit = self.max_downloads if kind == "downloads" else self.max_uploads
        if len(getattr(state, kind)) >= limit:
            mine = True
        elif state.user_id is None:
            return
        else:
            mine = False
            total = sum(len(getattr(s, kind)) for s in self._conns.values()
                        if s.user_id == state.user_id)
            if total < limit * self.per_user:
                return
        what, what_en = (("tải tài liệu", "downloads") if kind == "downloads"
                         else ("tải lên", "uploads"))
        scope, scope_en = ("kết nối này", "this connection") if mine else (
            "tài khoản này", "this account")
        raise RateLimited(f"Quá nhiều lượt {what} đang mở trên {scope}; hãy chờ hoặc hủy bớt.",
                          en=f"Too many open {what_en} on {scope_en}; wait or cancel some.")

    # --- downloads ---------------------------------------------------------------

    def start_download(self, conn: BinaryPeer, sha256: str, offset: int,
                       window: int) -> dict[str, Any]:
        """Open a download of a blob the caller may read; the reply data.

        The pump starts with :meth:`begin` once the reply has been written, so
        the reply always precedes the first data frame.
        """
        path = self.blobs.path(sha256)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            log.error("blob %s is in the database but not on disk", sha256)
            raise
        if offset > size:
            raise BadRequest("Vị trí tiếp tục vượt quá kích thước tệp.",
                             en="The resume offset is past the end of the file.")
        state = self._state(conn)
        self._check_room(state, "downloads")
        transfer = next(state.ids) & 0xFFFFFFFF
        window = min(window, self.max_inflight)
        state.downloads[transfer] = Download(transfer, path, size, offset, offset, window)
        return {"transfer": transfer, "sha256": sha256, "size": size, "offset": offset,
                "chunk": dp.DOWNLOAD_CHUNK, "window": window}

    def begin(self, conn: BinaryPeer, transfer: int) -> None:
        state = self._conns.get(conn)
        download = state.downloads.get(transfer) if state else None
        if state is None or download is None:
            return
        download.task = asyncio.get_running_loop().create_task(
            self._pump(conn, state, download), name=f"download-{transfer}")

    async def _pump(self, conn: BinaryPeer, state: _PerConnection, d: Download) -> None:
        """Send while credit lasts. The file is opened per chunk: a download waiting
        for credit (``window: 0``, a reader that stopped) holds no descriptor."""
        try:
            if d.sent == d.end:  # an empty rest: one final frame says so
                conn.send_binary(dp.pack_frame(dp.KIND_DATA, d.id, d.sent, b"", dp.FLAG_LAST))
                return
            while d.sent < d.end and not conn.closed:
                if d.sent >= d.acked + d.window or state.unacked >= self.max_inflight:
                    d.wake.clear()
                    await d.wake.wait()
                    continue
                n = min(dp.DOWNLOAD_CHUNK, d.end - d.sent)
                # Read straight behind the header: the frame is built without a copy.
                frame = bytearray(dp.HEADER_SIZE + n)
                if _read_at(d.path, memoryview(frame)[dp.HEADER_SIZE:], d.sent) != n:
                    log.error("%s shrank or vanished while being sent", d.path)
                    return
                last = dp.FLAG_LAST if d.sent + n == d.end else 0
                dp.HEADER.pack_into(frame, 0, dp.KIND_DATA, last, 0, d.id, d.sent)
                conn.send_binary(frame)
                d.sent += n
                self.bytes_sent += n
        finally:
            # Finished (or failed) transfers would linger until the last
            # acknowledgement and count against the caps; drop them now.
            state.downloads.pop(d.id, None)
            self._wake_all(state)

    def _ack(self, state: _PerConnection, transfer: int, offset: int, extra: int) -> None:
        d = state.downloads.get(transfer)
        if d is None:
            return  # finished or cancelled: late acknowledgements are normal
        if extra:
            d.window = min(extra * dp.WINDOW_UNIT, self.max_inflight)
        if offset > d.acked:
            d.acked = min(offset, d.sent)
        self._wake_all(state)

    @staticmethod
    def _wake_all(state: _PerConnection) -> None:
        for d in state.downloads.values():
            d.wake.set()

    def _cancel(self, state: _PerConnection, transfer: int) -> None:
        d = state.downloads.pop(transfer, None)
        if d is not None and d.task is not None:
            d.task.cancel()
        self._wake_all(state)

    # --- uploads -------------------------------------------------------------------

    def begin_upload(self, conn: BinaryPeer, user_id: int, fields: Any) -> dict[str, Any]:
        """Reserve an upload slot for a ``document.upload`` (or ``attachment.upload``,
        whose ``fields`` have no ``meeting_id``) whose access was checked."""
        if fields.size > self.max_upload:
            raise TooLarge(
                f"Tệp quá lớn: tối đa {self.max_upload // (1 << 20)} MiB.",
                en=f"The file is too large: at most {self.max_upload // (1 << 20)} MiB.")
        state = self._state(conn)
        self._check_room(state, "uploads")
        upload_id = next(state.ids) & 0xFFFFFFFF
        fd, tmp = tempfile.mkstemp(prefix="upload-", dir=self.blobs.scratch_dir())
        upload = Upload(upload_id, getattr(fields, "meeting_id", None), user_id,
                        fields.filename, fields.size, Path(tmp), fields,
                        file=os.fdopen(fd, "wb"))
        state.uploads[upload_id] = upload
        return {"upload": upload_id, "chunk": dp.CHUNK_SIZE, "window": dp.DEFAULT_WINDOW}

    def _upload_bytes(self, conn: BinaryPeer, state: _PerConnection, transfer: int,
                      offset: int, payload: memoryview) -> None:
        up = state.uploads.get(transfer)
        if up is None or up.failed is not None:
            return  # cancelled or failed: the commit tells why
        if offset != up.received:
            self._fail(conn, up, BadRequest("Dữ liệu tải lên bị lệch vị trí.",
                                            en="Upload bytes out of order."))
            return
        if up.received + len(payload) > up.size:
            self._fail(conn, up, TooLarge("Dữ liệu tải lên dài hơn kích thước đã khai báo.",
                                          en="More bytes than the declared size."))
            return
        up.file.write(payload)
        up.hasher.update(payload)
        up.received += len(payload)
        conn.send_binary(dp.pack_frame(dp.KIND_UPLOAD_ACK, up.id, up.received))

    def _fail(self, conn: BinaryPeer, up: Upload, error: ProtocolError) -> None:
        up.failed = error
        up.discard()
        conn.error(None, error.code.value, error.text(conn.lang))

    def take_upload(self, conn: BinaryPeer, upload_id: int, meeting_id: int | None) -> Upload:
        """Hand a complete upload to its commit; it owns the file from now.

        ``meeting_id`` is None for an attachment: a paper's upload cannot be
        committed as an attachment, nor the other way round.

        Raises:
            ProtocolError: the upload failed (its error), is unknown on this
                connection, belongs to another meeting, or is incomplete.
        """
        state = self._conns.get(conn)
        up = state.uploads.pop(upload_id, None) if state else None
        if up is None or up.meeting_id != meeting_id:
            if up is not None:
                up.discard()
            raise BadRequest("Không có tệp đang tải lên với mã này trên kết nối này.",
                             en="No such upload on this connection.")
        if up.failed is not None:
            raise up.failed
        if up.received != up.size:
            up.discard()
            raise BadRequest("Tệp chưa tải lên đủ dữ liệu.", en="The upload is incomplete.")
        up.file.flush()
        up.file.close()
        up.file = None
        return up

    # --- frames and lifecycle ----------------------------------------------------------

    def on_binary(self, conn: BinaryPeer, frame: bytes) -> None:
        """Handle one binary frame from a terminal; never raises."""
        try:
            header = dp.unpack_header(frame)
        except dp.BinaryFrameError:
            conn.error(None, ErrorCode.BAD_REQUEST, "Khung nhị phân không hợp lệ.")
            return
        state = self._state(conn)
        if header.kind == dp.KIND_ACK:
            self._ack(state, header.transfer, header.offset, header.extra)
        elif header.kind == dp.KIND_UPLOAD:
            self._upload_bytes(conn, state, header.transfer, header.offset,
                               memoryview(frame)[dp.HEADER_SIZE:])
        elif header.kind == dp.KIND_CANCEL:
            self._cancel(state, header.transfer)
        else:
            conn.error(None, ErrorCode.BAD_REQUEST, "Loại khung nhị phân không được hỗ trợ.")

    def connection_closed(self, conn: Any) -> None:
        state = self._conns.pop(conn, None)
        if state is None:
            return
        for d in state.downloads.values():
            if d.task is not None:
                d.task.cancel()
        for up in state.uploads.values():
            up.discard()


def _read_at(path: Path, into: memoryview, offset: int) -> int:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return -1
    try:
        return os.preadv(fd, [into], offset)
    finally:
        os.close(fd)


@dataclass
class DocumentRuntime:
    """The documents domain's long-lived objects, built by ``server.app``."""

    blobs: BlobStore
    transfers: Transfers
    executor: ThreadPoolExecutor
    """For hashing and LibreOffice: never on the event loop."""
    convert_timeout_s: float = 120.0
    conversions: asyncio.Semaphore | None = None
    readable_hooks: list[HashReadable] = field(default_factory=list)
    """Other ways a blob may be readable (attachments), registered at setup: asked by
    ``document.fetch`` and ``GET /documents/<sha256>`` after the papers' own rule."""

    def hash_readable(self, conn: Connection, sha256: str, user_id: int,
                      is_admin: bool) -> bool:
        """Whether this user may read the blob: as a paper, or through a hook."""
        if hash_readable(conn, sha256, user_id, is_admin):
            return True
        return any(hook(conn, sha256, user_id, is_admin) for hook in self.readable_hooks)

    def conversion_slot(self) -> asyncio.Semaphore:
        """At most two conversions at once: LibreOffice takes a core and ~300 MB each."""
        if self.conversions is None:
            self.conversions = asyncio.Semaphore(2)
        return self.conversions


def setup_documents(services: Services) -> None:
    """The documents module's runtime (manifest ``setup``): blobs beside the database."""
    settings = services.settings
    blobs = BlobStore(blob_dir_for(settings.db_url))
    runtime = DocumentRuntime(
        blobs=blobs,
        transfers=Transfers(blobs, max_upload=settings.max_upload,
                            max_inflight=settings.max_write_buffer // 2),
        executor=ThreadPoolExecutor(max_workers=2, thread_name_prefix="documents"),
        convert_timeout_s=settings.convert_timeout_s,
    )
    services.documents = runtime
    services.on_shutdown.append(lambda: runtime.executor.shutdown(wait=False))
