"""Floor requests: request → (withdraw | grant → finish)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from meeting_protocol.commands import SpeakerFinish, SpeakerGrant, SpeakerRequest, SpeakerWithdraw
from server.dispatch import CHAIR, DELEGATE, CommandSet, Context, meeting_roles
from server.errors import Conflict, Forbidden, NotFound
from server.modules.meetings.queries import ensure_not_ended
from server.modules.meetings.tables import agenda_items, participants
from server.modules.speakers.tables import speaker_requests
from server.storage.committer import Tx

commands = CommandSet()


def meeting_of_request(conn: Connection, payload: Any) -> int:
    mid = conn.execute(select(speaker_requests.c.meeting_id)
                       .where(speaker_requests.c.id == payload.request_id)).scalar_one_or_none()
    if mid is None:
        raise NotFound("Không tìm thấy yêu cầu phát biểu.", en="No such floor request.")
    return int(mid)


def _request(tx: Tx, request_id: int) -> Any:
    return tx.conn.execute(select(speaker_requests)
                           .where(speaker_requests.c.id == request_id)).first()


@commands.command("speaker.request", access=meeting_roles(DELEGATE))
def request(ctx: Context, tx: Tx, p: SpeakerRequest) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    me = tx.conn.execute(select(participants.c.present).where(
        participants.c.meeting_id == p.meeting_id,
        participants.c.user_id == ctx.user_id)).scalar_one()
    if not me:
        raise Conflict("Đại biểu cần điểm danh trước khi đăng ký phát biểu.",
                       en="Check in before asking for the floor.")
    active = tx.conn.execute(select(speaker_requests.c.id).where(
        speaker_requests.c.meeting_id == p.meeting_id,
        speaker_requests.c.user_id == ctx.user_id,
        speaker_requests.c.status.in_(("waiting", "speaking")))).first()
    if active is not None:
        raise Conflict("Đại biểu đã đăng ký phát biểu.", en="You have already asked for the floor.")
    item_id = tx.conn.execute(select(agenda_items.c.id).where(
        agenda_items.c.meeting_id == p.meeting_id, agenda_items.c.active.is_(True))
    ).scalar_one_or_none()
    result = tx.conn.execute(insert(speaker_requests).values(
        meeting_id=p.meeting_id, user_id=ctx.user_id, agenda_item_id=item_id, status="waiting",
        requested_at=tx.now_iso))
    request_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    tx.emit(ev.meeting_topic(p.meeting_id), ev.SpeakerRequested(
        request_id=request_id, user_id=ctx.user_id, requested_at=tx.now_iso))
    return {"request_id": request_id}


@commands.command("speaker.withdraw", access=meeting_roles(DELEGATE, CHAIR),
                  meeting_of=meeting_of_request)
def withdraw(ctx: Context, tx: Tx, p: SpeakerWithdraw) -> dict[str, Any]:
    """A delegate withdraws their own request; the chair may withdraw any."""
    req = _request(tx, p.request_id)
    is_chair = ctx.role == CHAIR or ctx.is_admin
    if req.user_id != ctx.user_id and not is_chair:
        raise Forbidden("Chỉ được rút yêu cầu phát biểu của chính mình.",
                        en="You can only withdraw your own request.")
    if req.status != "waiting":
        raise Conflict("Yêu cầu phát biểu không còn chờ.", en="The request is not waiting.")
    tx.conn.execute(update(speaker_requests).where(speaker_requests.c.id == p.request_id)
                    .values(status="withdrawn", finished_at=tx.now_iso))
    tx.emit(ev.meeting_topic(req.meeting_id), ev.SpeakerWithdrawn(
        request_id=p.request_id, user_id=req.user_id, by=ctx.user_id))
    return {"request_id": p.request_id}


@commands.command("speaker.grant", access=meeting_roles(CHAIR), meeting_of=meeting_of_request)
def grant(ctx: Context, tx: Tx, p: SpeakerGrant) -> dict[str, Any]:
    req = _request(tx, p.request_id)
    meeting = ensure_not_ended(tx.conn, req.meeting_id)
    if req.status != "waiting":
        raise Conflict("Yêu cầu phát biểu không còn chờ.", en="The request is not waiting.")
    speaking = tx.conn.execute(select(speaker_requests.c.id).where(
        speaker_requests.c.meeting_id == req.meeting_id,
        speaker_requests.c.status == "speaking")).first()
    if speaking is not None:
        raise Conflict("Đang có đại biểu phát biểu; hãy kết thúc lượt đó trước.",
                       en="Someone is speaking; finish that speech first.")
    seat = tx.conn.execute(select(participants.c.seat).where(
        participants.c.meeting_id == req.meeting_id,
        participants.c.user_id == req.user_id)).scalar_one_or_none()
    limit_s = p.limit_s or meeting["speech_limit_s"]
    tx.conn.execute(update(speaker_requests).where(speaker_requests.c.id == p.request_id)
                    .values(status="speaking", granted_at=tx.now_iso, limit_s=limit_s, seat=seat))
    tx.emit(ev.meeting_topic(req.meeting_id), ev.SpeakerGranted(
        request_id=p.request_id, user_id=req.user_id, seat=seat, limit_s=limit_s,
        granted_at=tx.now_iso))
    return {"request_id": p.request_id, "limit_s": limit_s}


@commands.command("speaker.finish", access=meeting_roles(CHAIR, DELEGATE),
                  meeting_of=meeting_of_request)
def finish(ctx: Context, tx: Tx, p: SpeakerFinish) -> dict[str, Any]:
    """The chair ends a speech, or the speaker ends their own."""
    req = _request(tx, p.request_id)
    if req.user_id != ctx.user_id and not (ctx.role == CHAIR or ctx.is_admin):
        raise Forbidden("Chỉ chủ tọa hoặc người đang phát biểu được kết thúc lượt phát biểu.",
                        en="Only the chair or the speaker can end a speech.")
    if req.status != "speaking":
        raise Conflict("Đại biểu không đang phát biểu.", en="This request is not speaking.")
    started = datetime.fromisoformat(req.granted_at.replace("Z", "+00:00"))
    duration_s = max(0, round((tx.now - started).total_seconds()))
    tx.conn.execute(update(speaker_requests).where(speaker_requests.c.id == p.request_id)
                    .values(status="finished", finished_at=tx.now_iso, duration_s=duration_s))
    tx.emit(ev.meeting_topic(req.meeting_id), ev.SpeakerFinished(
        request_id=p.request_id, user_id=req.user_id, duration_s=duration_s))
    return {"request_id": p.request_id, "duration_s": duration_s}
