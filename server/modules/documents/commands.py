"""presentation.page: follow-the-presenter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from meeting_protocol import events as ev
from meeting_protocol.commands import PresentationPage
from server.dispatch import CHAIR, DELEGATE, CommandSet, Context, meeting_roles
from server.errors import Forbidden, NotFound
from server.modules.documents.tables import documents
from server.modules.meetings.tables import meetings
from server.modules.speakers.tables import speaker_requests
from server.storage.committer import Tx

commands = CommandSet()


@commands.command("presentation.page", access=meeting_roles(CHAIR, DELEGATE))
def page(ctx: Context, tx: Tx, p: PresentationPage) -> dict[str, Any]:
    """The chair, or the delegate holding the floor, turns everyone's page."""
    if ctx.role != CHAIR and not ctx.is_admin:
        speaking = tx.conn.execute(select(speaker_requests.c.id).where(
            speaker_requests.c.meeting_id == p.meeting_id,
            speaker_requests.c.user_id == ctx.user_id,
            speaker_requests.c.status == "speaking")).first()
        if speaking is None:
            raise Forbidden("Chỉ chủ tọa hoặc đại biểu đang phát biểu được trình chiếu.",
                            en="Only the chair or the speaker may present.")
    doc = tx.conn.execute(select(documents.c.id).where(
        documents.c.id == p.document_id, documents.c.meeting_id == p.meeting_id)).first()
    if doc is None:
        raise NotFound("Không tìm thấy tài liệu.", en="No such document.")
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id).values(
        presentation_document_id=p.document_id, presentation_page=p.page,
        presenter_id=ctx.user_id))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.PRESENTATION_PAGE,
            {"document_id": p.document_id, "page": p.page, "presenter_id": ctx.user_id})
    return {"document_id": p.document_id, "page": p.page}
