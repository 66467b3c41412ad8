"""Attachments for the views: upload a picked file, get an attachment's PDF to read.

The work runs on the networking thread through :meth:`CommandPort.submit`; results
come back as signals emitted on the GUI thread (through a :class:`GuiPost`). One object
per screen that attaches files (a conversation, a report dialog, an event dialog, a registry entry).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_client.models.gui_post import GuiPost
from meeting_client.models.port import CommandPort
from meeting_client.sync.attachments import AttachmentTransfers, decode_attachments
from meeting_client.sync.documents import DocumentCache
from meeting_protocol import attachments as ap
from meeting_protocol.attachments import AttachmentInfo

log = logging.getLogger(__name__)


class AttachmentsCenter(QObject):
    uploaded = Signal(object)
    """(AttachmentInfo) — a staged attachment, to name in the owner's command."""
    progress = Signal(int, int)
    """(bytes sent, file size) while uploading."""
    ready = Signal(object, str)
    """(AttachmentInfo, local PDF path) — open it in the reader."""
    failed = Signal(str)
    """(Vietnamese sentence) — nothing was stored / nothing to open."""
    listed = Signal(str, int, list)
    """(owner kind, owner id, [AttachmentInfo]) — the answer to :meth:`list_of`."""

    def __init__(self, port: CommandPort, cache: DocumentCache | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._cache = cache
        self._transfers: AttachmentTransfers | None = None
        self._gui = GuiPost(self)  # the networking thread reports only through it

    @property
    def available(self) -> bool:
        """Whether the port runs transfer work (a recording port does not)."""
        return self._port.carries_documents

    def _run(self, work: Any) -> None:
        async def go(client: Any) -> None:
            try:
                if self._transfers is None:
                    self._transfers = AttachmentTransfers(client, self._cache or DocumentCache())
                await work(self._transfers)
            except Exception as exc:
                log.warning("attachments: %s", exc)
                message = getattr(exc, "message", None) or str(exc)
                self._gui(lambda: self.failed.emit(message))

        self._port.submit(go)

    def upload(self, path: str) -> None:
        """Send the file; ``uploaded`` (or ``failed``) follows."""
        async def go(transfers: AttachmentTransfers) -> None:
            info = await transfers.upload(Path(path), progress=lambda sent, size: self._gui(
                lambda: self.progress.emit(sent, size)))
            self._gui(lambda: self.uploaded.emit(info))

        self._run(go)

    def open(self, info: AttachmentInfo) -> None:
        """Get the attachment's PDF; ``ready`` (or ``failed``) follows."""
        async def go(transfers: AttachmentTransfers) -> None:
            path = str(await transfers.local_pdf(info))
            self._gui(lambda: self.ready.emit(info, path))

        self._run(go)

    def list_of(self, owner_kind: str, owner_id: int) -> None:
        """The files an object already has; ``listed`` (or ``failed``) follows."""
        async def go(client: Any) -> None:
            try:
                data = await client.request(ap.AttachmentList(
                    owner_kind=owner_kind, owner_id=owner_id))  # type: ignore[arg-type]
            except Exception as exc:
                message = getattr(exc, "message", None) or str(exc)
                self._gui(lambda: self.failed.emit(message))
                return
            files = decode_attachments(data["attachments"])
            self._gui(lambda: self.listed.emit(owner_kind, owner_id, files))

        if self.available:
            self._port.submit(go)

    def close(self) -> int | None:
        """Close the transfer connection (before the bridge stops); the port's token of
        that work (``command_finished`` follows), None when there is nothing to close."""
        async def go(_client: Any) -> None:
            if self._transfers is not None:
                await self._transfers.close()
                self._transfers = None

        return self._port.submit(go) if self.available else None
