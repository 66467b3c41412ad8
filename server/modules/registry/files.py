"""The file attached to an entry: stored by SHA-256 in the documents module's blob store,
its text extracted with ``pdftotext`` (poppler-utils) for search.

Hashing, extraction and disk I/O run in an executor: neither the event loop nor the
database thread waits for them. A PDF comes base64 in ``registry.attach``; any file the
meeting papers take (office files converted to PDF by the documents module) comes as a
staged attachment (``attachment_id``), which the entry then owns.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from server.errors import BadRequest, NotFound
from server.module import Reader
from server.modules.attachments.claim import claim, staged
from server.modules.attachments.runtime import runtime_of
from server.modules.documents.store import BlobStore
from server.modules.registry import service
from server.modules.registry.search import Viewer
from server.modules.registry.tables import registry_entries as E
from server.storage.committer import Tx
from server.storage.db import blob_dir_for

TEXT_LIMIT = 200_000
EXTRACT_TIMEOUT_S = 60.0


def blobs_of(services: Any) -> BlobStore:
    runtime = getattr(services, "documents", None)
    if runtime is not None:
        return runtime.blobs  # type: ignore[no-any-return]
    return BlobStore(blob_dir_for(services.settings.db_url))


def extract_text(pdf: bytes) -> str:
    """The PDF's text (``pdftotext -layout``-free, UTF-8); empty for a scan without text."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return ""
    with tempfile.TemporaryDirectory(prefix="registry-") as tmp:
        src = Path(tmp) / "f.pdf"
        src.write_bytes(pdf)
        done = subprocess.run([exe, "-enc", "UTF-8", str(src), "-"], capture_output=True,
                              timeout=EXTRACT_TIMEOUT_S, check=False)
        if done.returncode != 0:
            raise BadRequest("Tệp PDF bị hỏng hoặc không đọc được.",
                             en="The PDF is damaged or unreadable.")
        return done.stdout.decode("utf-8", "replace")[:TEXT_LIMIT]


def _store(blobs: BlobStore, filename: str, data: bytes) -> tuple[str, str]:
    if not data.startswith(b"%PDF-"):
        raise BadRequest("Chỉ nhận tệp PDF (tệp văn phòng: chuyển sang PDF trước).",
                         en="Only PDF files are accepted (convert office files first).")
    text = extract_text(data)
    return blobs.put(data), text


def attach_sync(conn: Any, viewer: Viewer, by_id: int | None, entry_id: int,
                filename: str, digest: str, size: int, text: str, now: str) -> dict[str, Any]:
    row = service.load(conn, viewer, entry_id)
    conn.execute(update(E).where(E.c.id == row.id).values(
        file_sha256=digest, file_name=filename, file_size=size, file_text=text,
        updated_at=now))
    service.reindex(conn, row.id)
    service.record(conn, row.id, "attached", now, by_id, note=filename)
    return {"registry_id": row.id, "sha256": digest, "size": size,
            "text_chars": len(text)}


async def attach_bytes(services: Any, viewer: Viewer, by_id: int, entry_id: int,
                       filename: str, data: bytes) -> dict[str, Any]:
    # Refuse an entry the user may not see before any work on the file.
    await services.committer.run(lambda tx: service.load(tx.conn, viewer, entry_id))
    blobs = blobs_of(services)
    loop = asyncio.get_running_loop()
    digest, text = await loop.run_in_executor(None, _store, blobs, filename, data)
    return await services.committer.run(lambda tx: attach_sync(
        tx.conn, viewer, by_id, entry_id, filename, digest, len(data), text, tx.now_iso))


async def attach_staged(services: Any, viewer: Viewer, by_id: int, entry_id: int,
                        attachment_id: int) -> dict[str, Any]:
    """Make the uploader's staged attachment the entry's file: its PDF is what the
    register serves and searches (the text is extracted before the transaction)."""

    def check(tx: Tx) -> Any:
        service.load(tx.conn, viewer, entry_id)
        return staged(tx.conn, by_id, attachment_id)

    row = await services.committer.run(check)
    if row.pdf_sha256 is None:
        raise BadRequest("Tệp đính kèm không có bản PDF để lưu vào sổ.",
                         en="The attachment has no PDF to register.")
    blobs = blobs_of(services)

    def read() -> tuple[int, str]:
        data = blobs.get(row.pdf_sha256)
        return len(data), extract_text(data)

    size, text = await asyncio.get_running_loop().run_in_executor(None, read)
    filename = str(Path(row.filename).with_suffix(".pdf").name)

    def unit(tx: Tx) -> dict[str, Any]:
        claim(tx.conn, by_id, [attachment_id], "registry", entry_id, tx.now_iso)
        out = attach_sync(tx.conn, viewer, by_id, entry_id, filename, row.pdf_sha256, size,
                          text, tx.now_iso)
        return {**out, "attachment_id": attachment_id}

    return await services.committer.run(unit)  # type: ignore[no-any-return]


def may_read_entry_files(conn: Any, reader: Reader, entry_id: int) -> bool:
    """An entry's attachments: whoever may see the entry (attachments owner rule)."""
    try:
        service.load(conn, Viewer(reader.user_id, reader.has_role("office")), entry_id)
    except NotFound:
        return False
    return True


def blob_in_use(conn: Any, sha256: str) -> bool:
    """An entry's file (a base64 one too): never swept with stale attachments."""
    return conn.execute(select(E.c.id).where(E.c.file_sha256 == sha256)).first() is not None


def setup_registry(services: Any) -> None:
    """Tell the attachments sweep which blobs the register keeps."""
    if "attachments" in services.extra:
        runtime_of(services).blob_in_use.append(blob_in_use)


async def read_file(services: Any, viewer: Viewer, entry_id: int) -> dict[str, Any]:
    row = await services.committer.run(lambda tx: service.load(tx.conn, viewer, entry_id))
    if row.file_sha256 is None:
        raise NotFound("Văn bản chưa có tệp đính kèm.", en="No file attached.")
    blobs = blobs_of(services)
    data = await asyncio.get_running_loop().run_in_executor(None, blobs.get, row.file_sha256)
    return {"registry_id": row.id, "filename": row.file_name, "size": len(data),
            "sha256": row.file_sha256,
            "content_base64": base64.b64encode(data).decode("ascii")}
