"""Meeting documents: the database side (list, add, replace, remove, read receipts,
annotations) and the ingest pipeline (check the file, convert it, store it).

Database functions take a :class:`~sqlalchemy.engine.Connection` and run in
the committer's thread (or in the CLI's own transaction). Ingesting blocks
(hashing, LibreOffice) and runs in an executor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import documents as dp
from meeting_protocol import events as ev
from meeting_protocol.documents import Annotation, DocumentInfo, Quad
from meeting_protocol.envelope import Event
from meeting_protocol.roles import CHAIR, CLERK
from server.errors import BadRequest, NotFound
from server.modules.accounts.tables import users
from server.modules.documents import convert
from server.modules.documents.access import access_list, may_read, not_found
from server.modules.documents.store import BlobStore, file_sha256
from server.modules.documents.tables import (
    annotations,
    document_access,
    document_reads,
    document_versions,
    documents,
)
from server.modules.meetings.tables import agenda_items, participants

Emit = Callable[[str, ev.EventData], Event]
"""``tx.emit``-like: ``(topic, payload) -> Event``."""


# --- ingest ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ingested:
    """A checked upload: the PDF to serve and, for office files, the original."""

    pdf_sha256: str
    pdf_size: int
    original_sha256: str | None
    original_size: int | None
    mime: str
    """Of what was uploaded."""
    new_blobs: tuple[str, ...]
    """Blobs this ingest created (to remove again if the database refuses the row)."""


def ingest_file(blobs: BlobStore, source: Path, filename: str, *,
                timeout: float = convert.DEFAULT_TIMEOUT_S,
                expected_sha256: str | None = None) -> Ingested:
    """Check ``source``, convert it when it is an office file, and store the blob(s).

    ``source`` is consumed (moved into the store or deleted). Nothing is
    stored when anything fails.

    Raises:
        BadRequest: not a PDF/office file, damaged, conversion failed, hash mismatch.
    """
    created: list[str] = []
    pdf_path: Path | None = None
    try:
        digest = file_sha256(source)
        if expected_sha256 is not None and digest != expected_sha256:
            raise BadRequest("Tệp tải lên không khớp mã băm SHA-256 đã khai báo.",
                             en="The uploaded bytes do not match the declared SHA-256.")
        try:
            kind = convert.sniff(source, filename)
            if not kind.is_pdf:
                pdf_path = convert.convert_to_pdf(source, kind.extension, blobs.scratch_dir(),
                                                  timeout=timeout)
        except convert.UnsupportedFile as exc:
            raise BadRequest(str(exc), en="The file is not a readable PDF or office file."
                             ) from exc
        size = source.stat().st_size
        if kind.is_pdf:
            if blobs.put_file(source, digest):
                created.append(digest)
            return Ingested(digest, size, None, None, kind.mime, tuple(created))
        assert pdf_path is not None
        pdf_digest = file_sha256(pdf_path)
        pdf_size = pdf_path.stat().st_size
        if blobs.put_file(pdf_path, pdf_digest):
            created.append(pdf_digest)
        if blobs.put_file(source, digest):
            created.append(digest)
        return Ingested(pdf_digest, pdf_size, digest, size, kind.mime, tuple(created))
    except BaseException:
        for blob in created:
            blobs.remove(blob)
        raise
    finally:
        source.unlink(missing_ok=True)
        if pdf_path is not None:
            pdf_path.unlink(missing_ok=True)


def pdf_filename(filename: str) -> str:
    return str(Path(filename).with_suffix(".pdf").name)


# --- reading ---------------------------------------------------------------------


def info_of(row: Any) -> DocumentInfo:
    return DocumentInfo(
        id=row.id, title=row.title, filename=row.filename, sha256=row.sha256, size=row.size,
        version=row.version, agenda_item_id=row.agenda_item_id, access=row.access,
        mime=row.mime, original_sha256=row.original_sha256, original_size=row.original_size,
        original_filename=row.original_filename, added_at=row.updated_at or row.created_at,
    )


def visible_documents(conn: Connection, meeting_id: int, user_id: int, role: str | None,
                      is_admin: bool) -> list[DocumentInfo]:
    """The meeting's current papers this user may read, in agenda then upload order."""
    rows = conn.execute(
        select(documents, agenda_items.c.position)
        .outerjoin(agenda_items, agenda_items.c.id == documents.c.agenda_item_id)
        .where(documents.c.meeting_id == meeting_id, documents.c.removed_at.is_(None))
        .order_by(agenda_items.c.position.is_(None), agenda_items.c.position, documents.c.id)
    ).all()
    listed: dict[int, set[int]] = {}
    restricted = [r.id for r in rows if r.access == "users"]
    if restricted:
        for doc_id, uid in conn.execute(select(document_access.c.document_id,
                                               document_access.c.user_id)
                                        .where(document_access.c.document_id.in_(restricted))):
            listed.setdefault(doc_id, set()).add(uid)
    return [info_of(r) for r in rows
            if may_read(r, role, is_admin, user_id, listed.get(r.id, set()))]


def event_data(info: DocumentInfo, kind: type[ev.DocumentAdded]) -> ev.DocumentAdded:
    """What everyone subscribed to the meeting receives about a paper.

    Only papers open to all travel whole; of a restricted one the event tells
    its id and version (the terminals allowed to read it ask ``document.list``).
    """
    if info.access == "all":
        return kind(document_id=info.id, version=info.version, document=info)
    return kind(document_id=info.id, version=info.version, restricted=True)


def versions(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    current = conn.execute(select(documents).where(documents.c.id == document_id)).one()
    rows = [
        {"version": r.version, "title": r.title, "filename": r.filename, "sha256": r.sha256,
         "size": r.size, "original_sha256": r.original_sha256, "created_at": r.created_at,
         "superseded_at": r.superseded_at}
        for r in conn.execute(select(document_versions)
                              .where(document_versions.c.document_id == document_id)
                              .order_by(document_versions.c.version))
    ]
    rows.append({"version": current.version, "title": current.title,
                 "filename": current.filename, "sha256": current.sha256, "size": current.size,
                 "original_sha256": current.original_sha256,
                 "created_at": current.updated_at or current.created_at,
                 "superseded_at": None})
    return rows


# --- writing ---------------------------------------------------------------------


def check_placement(conn: Connection, meeting_id: int, agenda_item_id: int | None,
                    access: str, listed: list[int]) -> list[int]:
    """Validate the agenda item and the access list; return the list to store."""
    if agenda_item_id is not None and conn.execute(select(agenda_items.c.id).where(
            agenda_items.c.id == agenda_item_id,
            agenda_items.c.meeting_id == meeting_id)).first() is None:
        raise NotFound("Không tìm thấy nội dung trong chương trình.", en="No such agenda item.")
    if access != "users":
        return []
    members = {r[0] for r in conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id))}
    wanted = sorted(set(listed))
    if not wanted:
        raise BadRequest("Cần chọn ít nhất một người được xem tài liệu.",
                         en="Name at least one reader.")
    if any(uid not in members for uid in wanted):
        raise BadRequest("Danh sách người xem có người không dự cuộc họp.",
                         en="Some readers are not participants of the meeting.")
    return wanted


def add_document(conn: Connection, emit: Emit, now: str, *, meeting_id: int, title: str,
                 filename: str, ingested: Ingested, agenda_item_id: int | None,
                 access: str, listed: list[int]) -> DocumentInfo:
    listed = check_placement(conn, meeting_id, agenda_item_id, access, listed)
    result = conn.execute(insert(documents).values(
        meeting_id=meeting_id, agenda_item_id=agenda_item_id, title=title,
        filename=pdf_filename(filename), sha256=ingested.pdf_sha256, size=ingested.pdf_size,
        mime="application/pdf",
        created_at=now, updated_at=now, version=1, access=access,
        original_sha256=ingested.original_sha256, original_size=ingested.original_size,
        original_filename=filename if ingested.original_sha256 else None))
    doc_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    if listed:
        conn.execute(insert(document_access), [{"document_id": doc_id, "user_id": u}
                                               for u in listed])
    info = info_of(conn.execute(select(documents).where(documents.c.id == doc_id)).one())
    emit(ev.meeting_topic(meeting_id), event_data(info, ev.DocumentAdded))
    return info


def replace_document(conn: Connection, emit: Emit, now: str, *, meeting_id: int,
                     document_id: int, title: str | None, filename: str, ingested: Ingested,
                     agenda_item_id: int | None, access: str,
                     listed: list[int]) -> DocumentInfo:
    """Give a paper a new version; the old one moves to ``document_versions``."""
    old = conn.execute(select(documents).where(
        documents.c.id == document_id, documents.c.meeting_id == meeting_id,
        documents.c.removed_at.is_(None))).first()
    if old is None:
        raise not_found()
    if agenda_item_id is None:
        agenda_item_id = old.agenda_item_id
    listed = check_placement(conn, meeting_id, agenda_item_id, access, listed)
    conn.execute(insert(document_versions).values(
        document_id=old.id, version=old.version, title=old.title, filename=old.filename,
        sha256=old.sha256, size=old.size, mime=old.mime, original_sha256=old.original_sha256,
        original_size=old.original_size, original_filename=old.original_filename,
        created_at=old.updated_at or old.created_at, superseded_at=now))
    conn.execute(update(documents).where(documents.c.id == old.id).values(
        title=title or old.title, filename=pdf_filename(filename),
        sha256=ingested.pdf_sha256, size=ingested.pdf_size, mime="application/pdf",
        version=old.version + 1, access=access, agenda_item_id=agenda_item_id,
        original_sha256=ingested.original_sha256, original_size=ingested.original_size,
        original_filename=filename if ingested.original_sha256 else None, updated_at=now))
    conn.execute(delete(document_access).where(document_access.c.document_id == old.id))
    if listed:
        conn.execute(insert(document_access), [{"document_id": old.id, "user_id": u}
                                               for u in listed])
    info = info_of(conn.execute(select(documents).where(documents.c.id == old.id)).one())
    emit(ev.meeting_topic(meeting_id), event_data(info, ev.DocumentReplaced))
    return info


def remove_document(conn: Connection, emit: Emit, now: str, meeting_id: int,
                    document_id: int) -> dict[str, Any]:
    """Withdraw a paper from the meeting (its versions stay, for the record); idempotent."""
    doc = conn.execute(select(documents).where(
        documents.c.id == document_id, documents.c.meeting_id == meeting_id)).first()
    if doc is None:
        raise not_found()
    if doc.removed_at is None:
        conn.execute(update(documents).where(documents.c.id == document_id)
                     .values(removed_at=now))
        emit(ev.meeting_topic(meeting_id), ev.DocumentRemoved(document_id=document_id))
    return {"document_id": document_id, "removed": True}


def mark_opened(conn: Connection, document_id: int, user_id: int, now: str) -> str:
    """Record the first opening; later ones change nothing. Returns the first time."""
    row = conn.execute(select(document_reads.c.first_opened_at).where(
        document_reads.c.document_id == document_id,
        document_reads.c.user_id == user_id)).first()
    if row is not None:
        return str(row[0])
    conn.execute(insert(document_reads).values(document_id=document_id, user_id=user_id,
                                               first_opened_at=now))
    return now


def readers(conn: Connection, meeting_id: int, document_id: int | None) -> list[dict[str, Any]]:
    """Per paper: who opened it (and when), and which readers have not yet."""
    people = conn.execute(
        select(participants.c.user_id, participants.c.role, users.c.full_name)
        .join(users, users.c.id == participants.c.user_id)
        .where(participants.c.meeting_id == meeting_id).order_by(participants.c.user_id)
    ).all()
    query = select(documents).where(documents.c.meeting_id == meeting_id,
                                    documents.c.removed_at.is_(None))
    if document_id is not None:
        query = query.where(documents.c.id == document_id)
    out = []
    for doc in conn.execute(query.order_by(documents.c.id)).all():
        listed = set(access_list(conn, doc.id)) if doc.access == "users" else set()
        opened = dict(conn.execute(select(document_reads.c.user_id,
                                          document_reads.c.first_opened_at)
                                   .where(document_reads.c.document_id == doc.id)).all())
        audience = [p for p in people if may_read(doc, p.role, False, p.user_id, listed)]
        out.append({
            "document_id": doc.id, "title": doc.title,
            "opened": [{"user_id": p.user_id, "at": opened[p.user_id]}
                       for p in audience if p.user_id in opened],
            "not_opened": [p.user_id for p in audience if p.user_id not in opened],
        })
    if document_id is not None and not out:
        raise not_found()
    return out


# --- annotations -------------------------------------------------------------------


def annotation_of(row: Any) -> Annotation:
    return Annotation(
        annotation_id=row.id, document_id=row.document_id, sha256=row.sha256, page=row.page,
        kind=row.kind, rects=msgspec.json.decode(row.rects, type=list[Quad]), text=row.text,
        color=row.color, updated_at=row.updated_at)


def list_annotations(conn: Connection, user_id: int, document_id: int) -> list[Annotation]:
    return [annotation_of(r) for r in conn.execute(
        select(annotations).where(annotations.c.user_id == user_id,
                                  annotations.c.document_id == document_id)
        .order_by(annotations.c.page, annotations.c.id))]


def save_annotation(conn: Connection, emit: Emit, now: str, user_id: int, doc: Any,
                    p: dp.AnnotationSave) -> Annotation:
    rects = msgspec.json.encode(p.rects).decode()
    if p.annotation_id is not None:
        result = conn.execute(update(annotations).where(
            annotations.c.id == p.annotation_id, annotations.c.user_id == user_id,
            annotations.c.document_id == doc.id,
        ).values(page=p.page, kind=p.kind, rects=rects, text=p.text, color=p.color,
                 updated_at=now))
        if result.rowcount == 0:
            raise NotFound("Không tìm thấy ghi chú.", en="No such annotation.")
        ann_id = p.annotation_id
    else:
        result = conn.execute(insert(annotations).values(
            user_id=user_id, meeting_id=doc.meeting_id, document_id=doc.id, sha256=doc.sha256,
            page=p.page, kind=p.kind, rects=rects, text=p.text, color=p.color,
            created_at=now, updated_at=now))
        ann_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    # The event names what changed, never the note itself: the log is an audit trail.
    emit(dp.user_topic(user_id), ev.AnnotationChanged(document_id=doc.id, annotation_id=ann_id,
                                                      deleted=False))
    return annotation_of(conn.execute(select(annotations)
                                      .where(annotations.c.id == ann_id)).one())


def delete_annotation(conn: Connection, emit: Emit, user_id: int, meeting_id: int,
                      annotation_id: int) -> bool:
    """Delete one's own annotation; someone else's answers exactly like a missing one."""
    row = conn.execute(select(annotations.c.document_id).where(
        annotations.c.id == annotation_id, annotations.c.user_id == user_id,
        annotations.c.meeting_id == meeting_id)).first()
    if row is None:
        return False
    conn.execute(delete(annotations).where(annotations.c.id == annotation_id))
    emit(dp.user_topic(user_id), ev.AnnotationChanged(
        document_id=row.document_id, annotation_id=annotation_id, deleted=True))
    return True


def is_chair_or_clerk(role: str | None, is_admin: bool) -> bool:
    return is_admin or role in (CHAIR, CLERK)
