"""document.*, annotation.*, presentation.* and user.subscribe.

Who may do what: chair and clerk (and admins) upload, replace and remove
papers and see who has read them; every participant lists, fetches and
annotates the papers they may read (``access``); the chair, the delegate
holding the floor or the presenter the chair named turns everyone's pages.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update

from meeting_protocol import documents as dp
from meeting_protocol import events as ev
from meeting_protocol.commands import COMMAND_PAYLOADS, PresentationPage
from server.dispatch import (
    AUTHENTICATED,
    CHAIR,
    CLERK,
    DELEGATE,
    MEMBERS,
    Access,
    CommandSet,
    CommandSpec,
    Context,
    Reply,
    check_access,
    check_subscription_room,
    follow_topic,
    meeting_from_payload,
    meeting_roles,
)
from server.errors import BadRequest, Forbidden, NotFound
from server.modules.documents import service
from server.modules.documents.access import not_found, readable_document
from server.modules.documents.tables import documents, presenters
from server.modules.documents.transfer import DocumentRuntime, Upload
from server.modules.meetings.tables import meetings, participants
from server.modules.speakers.tables import speaker_requests
from server.storage.committer import Tx

commands = CommandSet()
CHAIR_CLERK = meeting_roles(CHAIR, CLERK)


def _runtime(ctx: Context) -> DocumentRuntime:
    runtime = getattr(ctx.services, "documents", None)
    if runtime is None:
        raise BadRequest("Máy chủ chưa bật chức năng tài liệu.",
                         en="Documents are not enabled on this server.")
    return runtime


async def _check(ctx: Context, name: str, access: Access, payload: Any) -> None:
    """The dispatcher checks sync commands; async ones call this first."""
    spec = CommandSpec(name=name, payload=type(payload), access=access, handler=_check,
                       is_async=True, meeting_of=meeting_from_payload)
    await ctx.services.committer.run(lambda tx: check_access(spec, ctx, tx.conn, payload))


# --- presentation -------------------------------------------------------------------


def _designated(tx: Tx, meeting_id: int) -> int | None:
    return tx.conn.execute(select(presenters.c.user_id).where(
        presenters.c.meeting_id == meeting_id)).scalar_one_or_none()


def _may_present(ctx: Context, tx: Tx, meeting_id: int) -> bool:
    if ctx.role == CHAIR or ctx.is_admin:
        return True
    if _designated(tx, meeting_id) == ctx.user_id:
        return True
    return ctx.role == DELEGATE and tx.conn.execute(select(speaker_requests.c.id).where(
        speaker_requests.c.meeting_id == meeting_id,
        speaker_requests.c.user_id == ctx.user_id,
        speaker_requests.c.status == "speaking")).first() is not None


NOT_PRESENTER = ("Chỉ chủ tọa, người trình bày được chỉ định hoặc đại biểu đang phát biểu "
                 "được trình chiếu.")


@commands.command("presentation.page", access=meeting_roles(CHAIR, CLERK, DELEGATE),
                  payload=COMMAND_PAYLOADS["presentation.page"])
def page(ctx: Context, tx: Tx, p: PresentationPage) -> dict[str, Any]:
    """The chair, the named presenter, or the delegate holding the floor turns everyone's page."""
    if not _may_present(ctx, tx, p.meeting_id):
        raise Forbidden(NOT_PRESENTER, en="Only the chair, the presenter or the speaker may "
                                          "present.")
    # Only a paper the presenter may read itself (a confidential one answers like a
    # missing one); everybody's terminal then shows what it may read of it.
    doc = readable_document(tx.conn, p.document_id, p.meeting_id, ctx.user_id, ctx.role,
                            ctx.is_admin)
    if doc.removed_at is not None:
        raise not_found()
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id).values(
        presentation_document_id=p.document_id, presentation_page=p.page,
        presenter_id=ctx.user_id))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.PresentationPageTurned(
        document_id=p.document_id, page=p.page, presenter_id=ctx.user_id))
    return {"document_id": p.document_id, "page": p.page}


@commands.command("presentation.presenter", access=meeting_roles(CHAIR),
                  payload=dp.PresentationPresenter)
def name_presenter(ctx: Context, tx: Tx, p: dp.PresentationPresenter) -> dict[str, Any]:
    """The chair names who presents (a committee head, a department director…)."""
    if p.user_id is not None and tx.conn.execute(select(participants.c.user_id).where(
            participants.c.meeting_id == p.meeting_id,
            participants.c.user_id == p.user_id)).first() is None:
        raise NotFound("Người này không dự cuộc họp.", en="Not a participant.")
    if _designated(tx, p.meeting_id) == p.user_id:
        return {"user_id": p.user_id}
    tx.conn.execute(delete(presenters).where(presenters.c.meeting_id == p.meeting_id))
    if p.user_id is not None:
        tx.conn.execute(insert(presenters).values(meeting_id=p.meeting_id, user_id=p.user_id))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.PresenterNamed(user_id=p.user_id))
    return {"user_id": p.user_id}


@commands.command("presentation.stop", access=meeting_roles(CHAIR, CLERK, DELEGATE),
                  payload=dp.PresentationStop)
def stop(ctx: Context, tx: Tx, p: dp.PresentationStop) -> dict[str, Any]:
    """End the presentation: terminals in follow mode stay where they are."""
    if not _may_present(ctx, tx, p.meeting_id):
        raise Forbidden(NOT_PRESENTER, en="Only the chair or the presenter may stop it.")
    current = tx.conn.execute(select(meetings.c.presentation_document_id).where(
        meetings.c.id == p.meeting_id)).scalar_one_or_none()
    if current is None:
        return {"stopped": False}
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id).values(
        presentation_document_id=None, presentation_page=None, presenter_id=None))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.PresentationStopped())
    return {"stopped": True}


# --- papers ------------------------------------------------------------------------


@commands.command("document.list", access=MEMBERS, payload=dp.DocumentList, read_only=True)
def list_documents(ctx: Context, tx: Tx, p: dp.DocumentList) -> dict[str, Any]:
    """Every current paper of the meeting this user may read, restricted ones included."""
    return {"documents": service.visible_documents(tx.conn, p.meeting_id, ctx.user_id,
                                                   ctx.role, ctx.is_admin)}


@commands.command("document.versions", access=MEMBERS, payload=dp.DocumentRef,
                  read_only=True)
def list_versions(ctx: Context, tx: Tx, p: dp.DocumentRef) -> dict[str, Any]:
    doc = readable_document(tx.conn, p.document_id, p.meeting_id, ctx.user_id, ctx.role,
                            ctx.is_admin)
    if doc.removed_at is not None:
        raise not_found()
    return {"document_id": p.document_id, "versions": service.versions(tx.conn, p.document_id)}


@commands.command("document.remove", access=CHAIR_CLERK, payload=dp.DocumentRef)
def remove(ctx: Context, tx: Tx, p: dp.DocumentRef) -> dict[str, Any]:
    return service.remove_document(tx.conn, tx.emit, tx.now_iso, p.meeting_id, p.document_id)


@commands.command("document.opened", access=MEMBERS, payload=dp.DocumentRef)
def opened(ctx: Context, tx: Tx, p: dp.DocumentRef) -> dict[str, Any]:
    """A terminal opened the paper; only the first time counts."""
    doc = readable_document(tx.conn, p.document_id, p.meeting_id, ctx.user_id, ctx.role,
                            ctx.is_admin)
    if doc.removed_at is not None:
        raise not_found()
    first = service.mark_opened(tx.conn, p.document_id, ctx.user_id, tx.now_iso)
    return {"document_id": p.document_id, "first_opened_at": first}


@commands.command("document.readers", access=CHAIR_CLERK, payload=dp.DocumentReaders,
                  read_only=True)
def who_read(ctx: Context, tx: Tx, p: dp.DocumentReaders) -> dict[str, Any]:
    return {"documents": service.readers(tx.conn, p.meeting_id, p.document_id)}


@commands.command("document.upload", access=CHAIR_CLERK, payload=dp.DocumentUpload,
                  is_async=True)
async def upload(ctx: Context, p: dp.DocumentUpload) -> dict[str, Any]:
    """Reserve an upload; the bytes follow as ``U`` frames on this connection."""
    runtime = _runtime(ctx)
    await _check(ctx, "document.upload", CHAIR_CLERK, p)

    def placement(tx: Tx) -> None:
        service.check_placement(tx.conn, p.meeting_id, p.agenda_item_id, p.access, p.users)
        if p.replaces is not None and tx.conn.execute(select(documents.c.id).where(
                documents.c.id == p.replaces, documents.c.meeting_id == p.meeting_id,
                documents.c.removed_at.is_(None))).first() is None:
            raise not_found()

    await ctx.services.committer.run(placement)
    return runtime.transfers.begin_upload(ctx.conn, ctx.user_id, p)


@commands.command("document.commit", access=CHAIR_CLERK, payload=dp.DocumentCommit,
                  is_async=True)
async def commit(ctx: Context, p: dp.DocumentCommit) -> dict[str, Any]:
    """Check, convert and store an uploaded file, then add (or replace) the paper.

    Nothing is stored when anything fails: no blob, no row, no event.
    """
    runtime = _runtime(ctx)
    await _check(ctx, "document.commit", CHAIR_CLERK, p)
    up = runtime.transfers.take_upload(ctx.conn, p.upload, p.meeting_id)
    return await commit_upload(ctx, runtime, up)


async def commit_upload(ctx: Context, runtime: DocumentRuntime, up: Upload) -> dict[str, Any]:
    fields: dp.DocumentUpload = up.fields
    loop = asyncio.get_running_loop()
    declared = fields.sha256
    if declared is not None and up.hasher.hexdigest() != declared:
        up.discard()
        raise BadRequest("Tệp tải lên không khớp mã băm SHA-256 đã khai báo.",
                         en="The uploaded bytes do not match the declared SHA-256.")
    is_pdf = Path(fields.filename).suffix.lower() == ".pdf"
    slot = runtime.conversion_slot() if not is_pdf else None
    try:
        if slot is not None:
            await slot.acquire()
        ingested = await loop.run_in_executor(
            runtime.executor, lambda: service.ingest_file(
                runtime.blobs, up.path, fields.filename, timeout=runtime.convert_timeout_s))
    finally:
        up.discard()
        if slot is not None:
            slot.release()
    title = (fields.title or Path(fields.filename).stem).strip() or fields.filename

    def store(tx: Tx) -> dp.DocumentInfo:
        if fields.replaces is not None:
            return service.replace_document(
                tx.conn, tx.emit, tx.now_iso, meeting_id=fields.meeting_id,
                document_id=fields.replaces, title=fields.title, filename=fields.filename,
                ingested=ingested, agenda_item_id=fields.agenda_item_id,
                access=fields.access, listed=fields.users)
        return service.add_document(
            tx.conn, tx.emit, tx.now_iso, meeting_id=fields.meeting_id, title=title,
            filename=fields.filename, ingested=ingested, agenda_item_id=fields.agenda_item_id,
            access=fields.access, listed=fields.users)

    try:
        info = await ctx.services.committer.run(store)
    except BaseException:
        for blob in ingested.new_blobs:
            runtime.blobs.remove(blob)
        raise
    return {"document_id": info.id, "version": info.version, "sha256": info.sha256,
            "size": info.size, "original_sha256": info.original_sha256}


@commands.command("document.fetch", access=AUTHENTICATED, payload=dp.DocumentFetch,
                  is_async=True, read_only=True)
async def fetch(ctx: Context, p: dp.DocumentFetch) -> Reply:
    """Start sending a file by its hash, from ``offset``; ``D`` frames follow the reply.

    A hash this user may not read answers exactly like one that does not exist.
    """
    runtime = _runtime(ctx)
    user_id, is_admin = ctx.user_id, ctx.is_admin
    visible = await ctx.services.committer.run(
        lambda tx: runtime.hash_readable(tx.conn, p.sha256, user_id, is_admin))
    if not visible or not runtime.blobs.exists(p.sha256):
        raise not_found()
    data = runtime.transfers.start_download(ctx.conn, p.sha256, p.offset, p.window)
    conn = ctx.conn
    return Reply(data, after=lambda: runtime.transfers.begin(conn, data["transfer"]))


# --- annotations ---------------------------------------------------------------------


@commands.command("annotation.list", access=MEMBERS, payload=dp.AnnotationList,
                  read_only=True)
def annotation_list(ctx: Context, tx: Tx, p: dp.AnnotationList) -> dict[str, Any]:
    """This user's own highlights and notes on a paper; nobody else's, ever."""
    doc = readable_document(tx.conn, p.document_id, p.meeting_id, ctx.user_id, ctx.role,
                            ctx.is_admin)
    if doc.removed_at is not None:
        raise not_found()
    return {"document_id": p.document_id,
            "annotations": service.list_annotations(tx.conn, ctx.user_id, p.document_id)}


@commands.command("annotation.save", access=MEMBERS, payload=dp.AnnotationSave)
def annotation_save(ctx: Context, tx: Tx, p: dp.AnnotationSave) -> dp.Annotation:
    doc = readable_document(tx.conn, p.document_id, p.meeting_id, ctx.user_id, ctx.role,
                            ctx.is_admin)
    return service.save_annotation(tx.conn, tx.emit, tx.now_iso, ctx.user_id, doc, p)


@commands.command("annotation.delete", access=MEMBERS, payload=dp.AnnotationDelete)
def annotation_delete(ctx: Context, tx: Tx, p: dp.AnnotationDelete) -> dict[str, Any]:
    deleted = service.delete_annotation(tx.conn, tx.emit, ctx.user_id, p.meeting_id,
                                        p.annotation_id)
    return {"annotation_id": p.annotation_id, "deleted": deleted}


# --- the user's own topic ---------------------------------------------------------------


@commands.command("user.subscribe", access=AUTHENTICATED, payload=dp.UserSubscribe,
                  read_only=True)
def user_subscribe(ctx: Context, tx: Tx, p: dp.UserSubscribe) -> Reply:
    """Follow ``user:<own id>``: the missed events after ``since``, then live ones.

    Without a usable ``since`` the reply says ``reset``: refresh what you show
    (e.g. ``annotation.list``) instead of replaying.
    """
    topic = dp.user_topic(ctx.user_id)
    check_subscription_room(ctx, topic)
    conn = ctx.conn
    # The same person on another terminal too (a lost badge, a shared password): every
    # one of their terminals is told, the others by this event, this one by the reply.
    others = [c for c in ctx.services.hub.members(topic) if c is not conn]
    if others:
        tx.emit(topic, ev.SessionElsewhere(terminals=len(others) + 1))
    return follow_topic(ctx, tx, topic, p.since,
                        {"terminals": len(others) + 1} if others else None)
