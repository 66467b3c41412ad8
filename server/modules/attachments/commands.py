"""attachment.upload / commit / list / fetch.

Anyone signed in uploads (a staged attachment belongs to its uploader until an
owner's command claims it). Listing and fetching ask the owner's rule: an
attachment a user may not read answers exactly like a missing one (``not_found``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from meeting_protocol import attachments as ap
from server.dispatch import AUTHENTICATED, CommandSet, Context, Reply
from server.errors import BadRequest, NotFound
from server.module import Reader
from server.modules.attachments.claim import info_of
from server.modules.attachments.runtime import AttachmentRuntime, runtime_of
from server.modules.attachments.tables import attachments as A
from server.modules.documents import service as documents
from server.modules.documents.transfer import DocumentRuntime
from server.storage.committer import Tx

commands = CommandSet()


def not_found() -> NotFound:
    return NotFound("Không tìm thấy tệp đính kèm.", en="No such attachment.")


def _runtimes(ctx: Context) -> tuple[DocumentRuntime, AttachmentRuntime]:
    docs = ctx.services.documents
    if docs is None or "attachments" not in ctx.services.extra:
        raise BadRequest("Máy chủ chưa bật chức năng tệp đính kèm.",
                         en="Attachments are not enabled on this server.")
    return docs, runtime_of(ctx.services)


def _reader(ctx: Context) -> Reader:
    session = ctx.session
    assert session is not None  # AUTHENTICATED
    return Reader(user_id=session.user_id, is_admin=session.is_admin, roles=session.roles,
                  unit_id=session.unit_id)


@commands.command("attachment.upload", access=AUTHENTICATED, payload=ap.AttachmentUpload,
                  is_async=True)
async def upload(ctx: Context, p: ap.AttachmentUpload) -> dict[str, Any]:
    """Reserve an upload; the bytes follow as ``U`` frames on this connection."""
    docs, _ = _runtimes(ctx)
    return docs.transfers.begin_upload(ctx.conn, ctx.user_id, p)


@commands.command("attachment.commit", access=AUTHENTICATED, payload=ap.AttachmentCommit,
                  is_async=True)
async def commit(ctx: Context, p: ap.AttachmentCommit) -> dict[str, Any]:
    """Check, convert (office → PDF, off the loop, in the conversion slot) and store the
    upload as a staged attachment of its uploader. Nothing is kept when anything fails."""
    docs, _ = _runtimes(ctx)
    up = docs.transfers.take_upload(ctx.conn, p.upload, None)
    fields: ap.AttachmentUpload = up.fields
    if fields.sha256 is not None and up.hasher.hexdigest() != fields.sha256:
        up.discard()
        raise BadRequest("Tệp tải lên không khớp mã băm SHA-256 đã khai báo.",
                         en="The uploaded bytes do not match the declared SHA-256.")
    is_pdf = Path(fields.filename).suffix.lower() == ".pdf"
    slot = None if is_pdf else docs.conversion_slot()
    loop = asyncio.get_running_loop()
    try:
        if slot is not None:
            await slot.acquire()
        ingested = await loop.run_in_executor(docs.executor, lambda: documents.ingest_file(
            docs.blobs, up.path, fields.filename, timeout=docs.convert_timeout_s))
    finally:
        up.discard()
        if slot is not None:
            slot.release()
    uploader = ctx.user_id

    def store(tx: Tx) -> ap.AttachmentInfo:
        original = ingested.original_sha256
        attachment_id = int(tx.conn.execute(insert(A).values(
            uploader_id=uploader, filename=fields.filename,
            size=ingested.original_size if original else ingested.pdf_size,
            sha256=original or ingested.pdf_sha256, pdf_sha256=ingested.pdf_sha256,
            mime=ingested.mime, created_at=tx.now_iso)).inserted_primary_key[0])
        return info_of(tx.conn.execute(select(A).where(A.c.id == attachment_id)).one())

    try:
        return await ctx.services.committer.run(store)  # type: ignore[no-any-return]
    except BaseException:
        for blob in ingested.new_blobs:
            docs.blobs.remove(blob)
        raise


@commands.command("attachment.list", access=AUTHENTICATED, payload=ap.AttachmentList,
                  read_only=True)
def list_attachments(ctx: Context, tx: Tx, p: ap.AttachmentList) -> dict[str, Any]:
    """The attachments of one owner object the user may read."""
    _, runtime = _runtimes(ctx)
    if not runtime.may_read_owner(tx.conn, _reader(ctx), p.owner_kind, p.owner_id):
        raise not_found()
    rows = tx.conn.execute(select(A).where(A.c.owner_kind == p.owner_kind,
                                           A.c.owner_id == p.owner_id).order_by(A.c.id))
    return {"owner_kind": p.owner_kind, "owner_id": p.owner_id,
            "attachments": [info_of(r) for r in rows]}


@commands.command("attachment.fetch", access=AUTHENTICATED, payload=ap.AttachmentFetch,
                  is_async=True, read_only=True)
async def fetch(ctx: Context, p: ap.AttachmentFetch) -> Reply:
    """Send the file (or its PDF) from ``offset``; ``D`` frames follow the reply."""
    docs, runtime = _runtimes(ctx)
    reader = _reader(ctx)

    def readable(tx: Tx) -> Any:
        row = tx.conn.execute(select(A).where(A.c.id == p.attachment_id)).first()
        if row is None or not runtime.may_read(tx.conn, reader, row):
            raise not_found()
        return row

    row = await ctx.services.committer.run(readable)
    digest = row.pdf_sha256 if p.pdf else row.sha256
    if digest is None or not docs.blobs.exists(digest):
        raise not_found()
    data = docs.transfers.start_download(ctx.conn, digest, p.offset, p.window)
    data["attachment_id"] = row.id
    conn = ctx.conn
    return Reply(data, after=lambda: docs.transfers.begin(conn, data["transfer"]))
