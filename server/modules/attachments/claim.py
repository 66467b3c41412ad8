"""What other modules call inside their own transaction: claim staged attachments for
an owner object, and list the attachments of owner objects.

A staged attachment belongs to its uploader and to nothing else until the owner's
command (``message.send``, ``directive.report``…) claims it; claiming someone else's
upload, or one already claimed, is refused and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from meeting_protocol.attachments import MAX_ATTACHMENTS, AttachmentInfo
from server.errors import BadRequest
from server.modules.attachments.tables import attachments as A


def info_of(row: Any) -> AttachmentInfo:
    return AttachmentInfo(attachment_id=row.id, filename=row.filename, size=row.size,
                          sha256=row.sha256, pdf_sha256=row.pdf_sha256, mime=row.mime)


def staged(conn: Connection, user_id: int, attachment_id: int) -> Any:
    """The row of this user's own unclaimed attachment.

    Raises:
        BadRequest: not theirs, already claimed, or no such attachment.
    """
    row = conn.execute(select(A).where(A.c.id == attachment_id)).first()
    if row is None or row.uploader_id != user_id or row.owner_kind is not None:
        raise BadRequest("Tệp đính kèm không tồn tại, không phải của bạn hoặc đã được dùng.",
                         en="The attachment does not exist, is not yours or is already used.")
    return row


def claim(conn: Connection, user_id: int, attachment_ids: Iterable[int], owner_kind: str,
          owner_id: int, now: str) -> list[AttachmentInfo]:
    """Give ``user_id``'s staged attachments to an owner object; their infos, in order.

    Call it inside the owner's transaction: a refusal raises before anything is
    written, and the owner's own failure rolls the claim back with it.

    Raises:
        BadRequest: a duplicate id, too many, or an attachment that is not a staged
            one of this user.
    """
    ids = list(attachment_ids)
    if len(set(ids)) != len(ids) or len(ids) > MAX_ATTACHMENTS:
        raise BadRequest(f"Danh sách tệp đính kèm trùng lặp hoặc quá {MAX_ATTACHMENTS} tệp.",
                         en=f"Duplicate attachments or more than {MAX_ATTACHMENTS}.")
    rows = [staged(conn, user_id, i) for i in ids]
    for row in rows:
        done = conn.execute(update(A).where(A.c.id == row.id, A.c.owner_kind.is_(None)).values(
            owner_kind=owner_kind, owner_id=owner_id, claimed_at=now))
        if done.rowcount != 1:  # claimed by a concurrent unit between the read and now
            raise BadRequest("Tệp đính kèm đã được dùng.", en="The attachment is already used.")
    return [info_of(r) for r in rows]


def of_owners(conn: Connection, owner_kind: str,
              owner_ids: Iterable[int]) -> dict[int, list[AttachmentInfo]]:
    """Owner id → its attachments in upload order (owners without any are absent)."""
    wanted = sorted(set(owner_ids))
    out: dict[int, list[AttachmentInfo]] = {}
    if not wanted:
        return out
    for row in conn.execute(select(A).where(A.c.owner_kind == owner_kind,
                                            A.c.owner_id.in_(wanted)).order_by(A.c.id)):
        out.setdefault(row.owner_id, []).append(info_of(row))
    return out
