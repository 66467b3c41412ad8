"""The file attached to an entry: stored by SHA-256 in the documents module's blob store,
its text extracted with ``pdftotext`` (poppler-utils) for search.

Hashing, extraction and disk I/O run in an executor: neither the event loop nor the
database thread waits for them. Office files need the documents module's LibreOffice
conversion, which it does not export yet: only PDFs are taken here.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import update

from server.errors import BadRequest, NotFound
from server.modules.documents.store import BlobStore
from server.modules.registry import service
from server.modules.registry.search import Viewer
from server.modules.registry.tables import registry_entries as E
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


async def read_file(services: Any, viewer: Viewer, entry_id: int) -> dict[str, Any]:
    row = await services.committer.run(lambda tx: service.load(tx.conn, viewer, entry_id))
    if row.file_sha256 is None:
        raise NotFound("Văn bản chưa có tệp đính kèm.", en="No file attached.")
    blobs = blobs_of(services)
    data = await asyncio.get_running_loop().run_in_executor(None, blobs.get, row.file_sha256)
    return {"registry_id": row.id, "filename": row.file_name, "size": len(data),
            "sha256": row.file_sha256,
            "content_base64": base64.b64encode(data).decode("ascii")}
