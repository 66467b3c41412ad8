"""Attachments on the terminal side (no Qt): upload a file as a staged attachment and
get an attachment's PDF into the document cache for the reader.

Uses the meeting papers' transfer connection (:class:`TransferChannel`) and cache
(:class:`DocumentCache`): the same binary upload frames, the same HTTP range
downloads, the same content-addressed files on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from meeting_client.sync.documents import DocumentCache, Progress, TransferChannel, TransferError
from meeting_protocol.attachments import AttachmentInfo


def decode_attachments(data: Any) -> list[AttachmentInfo]:
    """``[AttachmentInfo]`` from a reply's ``attachments`` (absent → empty)."""
    return msgspec.convert(data or [], list[AttachmentInfo])


class AttachmentTransfers:
    """One terminal's attachment uploads and openings; runs on the networking thread."""

    def __init__(self, client: Any, cache: DocumentCache) -> None:
        self.client = client
        self.cache = cache
        self._channel: TransferChannel | None = None

    async def channel(self) -> TransferChannel:
        """The transfer connection for the current session, made again after a new sign-in."""
        token = self.client.token
        if token is None:
            raise TransferError("unauthenticated", "Cần đăng nhập lại.")
        if self._channel is None or self._channel.token != token:
            if self._channel is not None:
                await self._channel.close()
            self._channel = TransferChannel(self.client.url, token, tls=self.client.tls)
        return self._channel

    async def upload(self, path: Path, progress: Progress | None = None) -> AttachmentInfo:
        """Upload and commit ``path``; the staged attachment (not yet anybody's)."""
        channel = await self.channel()
        data = await channel.upload_attachment(path, progress=progress)
        return msgspec.convert(data, AttachmentInfo)

    async def local_pdf(self, info: AttachmentInfo) -> Path:
        """The attachment's PDF in the cache, downloaded when missing.

        Raises:
            TransferError: ``not_found`` (not readable by this user), the network…
        """
        if info.pdf_sha256 is None:
            raise TransferError("not_found", "Tệp này không có bản PDF để đọc.")
        path, _ = await self.cache.ensure(await self.channel(), info.pdf_sha256)
        return path

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None
