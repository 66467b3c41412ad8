"""Who may read which paper — the one place that decides.

A paper is readable by the chair and the clerk of its meeting (and admins)
always; by other participants when its access is ``all``, or ``users`` and
they are on its list; by nobody else. Removed papers stay readable to chair
and clerk only, for the record. Whatever a user may not read is, to them,
indistinguishable from what does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select, union_all
from sqlalchemy.engine import Connection

from meeting_protocol.roles import CHAIR, CLERK
from server.errors import NotFound
from server.modules.documents.tables import document_access, document_versions, documents
from server.modules.meetings.queries import role_in_meeting

NOT_FOUND_VI = "Không tìm thấy tài liệu."
NOT_FOUND_EN = "No such document."


def not_found() -> NotFound:
    return NotFound(NOT_FOUND_VI, en=NOT_FOUND_EN)


def may_read(doc: Any, role: str | None, is_admin: bool, user_id: int,
             listed: Iterable[int] | None = None) -> bool:
    """``doc`` is a ``documents`` row; ``listed`` its access list (for ``users``)."""
    if is_admin or role in (CHAIR, CLERK):
        return True
    if role is None or doc.removed_at is not None:
        return False
    if doc.access == "all":
        return True
    if doc.access == "users":
        return user_id in set(listed or ())
    return False


def access_list(conn: Connection, document_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        select(document_access.c.user_id).where(document_access.c.document_id == document_id)
        .order_by(document_access.c.user_id))]


def readable_document(conn: Connection, document_id: int, meeting_id: int, user_id: int,
                      role: str | None, is_admin: bool) -> Any:
    """The row of a paper of ``meeting_id`` this user may read.

    Raises:
        NotFound: no such paper in that meeting, or not for this user.
    """
    doc = conn.execute(select(documents).where(
        documents.c.id == document_id, documents.c.meeting_id == meeting_id)).first()
    if doc is None:
        raise not_found()
    listed = access_list(conn, doc.id) if doc.access == "users" else None
    if not may_read(doc, role, is_admin, user_id, listed):
        raise not_found()
    return doc


def hash_readable(conn: Connection, sha256: str, user_id: int, is_admin: bool) -> bool:
    """Whether any paper (any version, PDF or original) with this hash is readable."""
    current = select(documents.c.id).where(
        or_(documents.c.sha256 == sha256, documents.c.original_sha256 == sha256))
    older = select(document_versions.c.document_id).where(
        or_(document_versions.c.sha256 == sha256,
            document_versions.c.original_sha256 == sha256))
    ids = {r[0] for r in conn.execute(union_all(current, older))}
    for doc_id in sorted(ids):
        doc = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if doc is None:
            continue
        role = role_in_meeting(conn, doc.meeting_id, user_id)
        listed = access_list(conn, doc.id) if doc.access == "users" else None
        if may_read(doc, role, is_admin, user_id, listed):
            return True
    return False
