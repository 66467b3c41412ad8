"""message.send / list / conversations / read (PROTOCOL.md "Internal messages").

Only members read a conversation; to anyone else it does not exist
(``not_found``). Events carry ids only, so no message text enters the
hash-chained log.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import messages as mp
from meeting_protocol.documents import user_topic
from server.dispatch import AUTHENTICATED, CommandSet, Context
from server.errors import BadRequest, NotFound
from server.module import Reader
from server.modules.accounts.tables import users
from server.modules.attachments.claim import claim, of_owners
from server.modules.meetings.tables import meetings
from server.modules.messages.tables import conversation_members, conversations, messages
from server.storage.committer import Tx

commands = CommandSet()


def _not_found() -> NotFound:
    return NotFound("Không tìm thấy cuộc trao đổi.", en="Conversation not found.")


def member_key(member_ids: set[int]) -> str:
    return hashlib.sha256(",".join(map(str, sorted(member_ids))).encode()).hexdigest()


def _members(tx: Tx, conversation_id: int) -> list[int]:
    return list(tx.conn.execute(select(conversation_members.c.user_id).where(
        conversation_members.c.conversation_id == conversation_id
    ).order_by(conversation_members.c.user_id)).scalars())


def _member_conversation(tx: Tx, user_id: int, conversation_id: int) -> list[int]:
    """The members of a conversation ``user_id`` belongs to; ``not_found`` otherwise."""
    member_ids = _members(tx, conversation_id)
    if user_id not in member_ids:
        raise _not_found()
    return member_ids


def _conversation_for(tx: Tx, sender: int, to: list[int]) -> tuple[int, list[int]]:
    """The conversation of exactly ``to`` plus the sender: found, or created."""
    people = set(to) | {sender}
    if len(people) < 2:
        raise BadRequest("Chọn ít nhất một người nhận khác.",
                         en="Choose at least one other recipient.")
    known = set(tx.conn.execute(select(users.c.id).where(users.c.id.in_(people))).scalars())
    if known != people:
        raise NotFound("Không tìm thấy người nhận.", en="Recipient not found.")
    key = member_key(people)
    found = tx.conn.execute(select(conversations.c.id).where(
        conversations.c.member_key == key)).scalar_one_or_none()
    if found is not None:
        return int(found), sorted(people)
    conversation_id = int(tx.conn.execute(insert(conversations).values(
        member_key=key, created_at=tx.now_iso)).inserted_primary_key[0])
    tx.conn.execute(insert(conversation_members), [
        {"conversation_id": conversation_id, "user_id": u, "last_read_id": 0}
        for u in sorted(people)])
    return conversation_id, sorted(people)


def _check_ref(tx: Tx, ref: mp.MessageRef | None) -> tuple[str, int] | None:
    if ref is None:
        return None
    kind_id = ref.kind_and_id()
    if kind_id is None:
        raise BadRequest("Tham chiếu phải là đúng một trong directive_id, meeting_id, "
                         "registry_id.", en="ref must hold exactly one id.")
    if kind_id[0] == "meeting" and tx.conn.execute(select(meetings.c.id).where(
            meetings.c.id == kind_id[1])).first() is None:
        raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
    return kind_id


@commands.command("message.send", access=AUTHENTICATED, payload=mp.MessageSend)
def send(ctx: Context, tx: Tx, p: mp.MessageSend) -> dict[str, Any]:
    if (p.to is None) == (p.conversation_id is None):
        raise BadRequest("Cần đúng một trong hai trường to hoặc conversation_id.",
                         en="Give exactly one of to and conversation_id.")
    if not p.text.strip():
        raise BadRequest("Tin nhắn trống.", en="The message is empty.")
    if p.conversation_id is not None:
        conversation_id = p.conversation_id
        member_ids = _member_conversation(tx, ctx.user_id, conversation_id)
    else:
        assert p.to is not None
        conversation_id, member_ids = _conversation_for(tx, ctx.user_id, p.to)
    ref = _check_ref(tx, p.ref)
    message_id = int(tx.conn.execute(insert(messages).values(
        conversation_id=conversation_id, from_id=ctx.user_id, text=p.text, sent_at=tx.now_iso,
        ref_kind=ref[0] if ref else None, ref_id=ref[1] if ref else None,
    )).inserted_primary_key[0])
    if p.attachment_ids:
        claim(tx.conn, ctx.user_id, p.attachment_ids, "message", message_id, tx.now_iso)
    tx.conn.execute(update(conversations).where(conversations.c.id == conversation_id)
                    .values(last_message_at=tx.now_iso))
    tx.conn.execute(update(conversation_members).where(
        conversation_members.c.conversation_id == conversation_id,
        conversation_members.c.user_id == ctx.user_id).values(last_read_id=message_id))
    tx.emit_many([user_topic(u) for u in member_ids], mp.MessageReceived(
        conversation_id=conversation_id, message_id=message_id, from_id=ctx.user_id))
    return {"conversation_id": conversation_id, "message_id": message_id,
            "sent_at": tx.now_iso}


def _ref(row: Any) -> dict[str, int] | None:
    return {f"{row.ref_kind}_id": row.ref_id} if row.ref_kind else None


@commands.command("message.list", access=AUTHENTICATED, payload=mp.MessageList,
                  read_only=True)
def list_messages(ctx: Context, tx: Tx, p: mp.MessageList) -> dict[str, Any]:
    """The latest ``limit`` messages before ``before`` (all when absent), oldest first."""
    _member_conversation(tx, ctx.user_id, p.conversation_id)
    query = select(messages).where(messages.c.conversation_id == p.conversation_id)
    if p.before is not None:
        query = query.where(messages.c.id < p.before)
    rows = tx.conn.execute(query.order_by(messages.c.id.desc()).limit(p.limit)).all()
    files = of_owners(tx.conn, "message", [r.id for r in rows])
    return {"messages": [{"message_id": r.id, "from_id": r.from_id, "text": r.text,
                          "sent_at": r.sent_at, "ref": _ref(r),
                          "attachments": files.get(r.id, [])} for r in reversed(rows)]}


def may_read_attachments(conn: Connection, reader: Reader, message_id: int) -> bool:
    """A message's attachments: the members of its conversation (admins too: no)."""
    return conn.execute(select(conversation_members.c.user_id).join(
        messages, messages.c.conversation_id == conversation_members.c.conversation_id
    ).where(messages.c.id == message_id,
            conversation_members.c.user_id == reader.user_id)).first() is not None


def _unread(tx: Tx, user_id: int, conversation_id: int, last_read_id: int) -> int:
    return int(tx.conn.execute(select(func.count()).where(
        messages.c.conversation_id == conversation_id, messages.c.id > last_read_id,
        messages.c.from_id != user_id)).scalar_one())


@commands.command("message.conversations", access=AUTHENTICATED,
                  payload=mp.MessageConversations, read_only=True)
def list_conversations(ctx: Context, tx: Tx, _p: mp.MessageConversations) -> dict[str, Any]:
    """The user's conversations, latest activity first, with unread counts."""
    me = conversation_members.alias("me")
    unread = (select(func.count()).where(
        messages.c.conversation_id == me.c.conversation_id, messages.c.id > me.c.last_read_id,
        messages.c.from_id != ctx.user_id).scalar_subquery())
    rows = tx.conn.execute(
        select(conversations.c.id, conversations.c.last_message_at, unread.label("unread"))
        .join(me, and_(me.c.conversation_id == conversations.c.id,
                       me.c.user_id == ctx.user_id))
        .order_by(func.coalesce(conversations.c.last_message_at,
                                conversations.c.created_at).desc(), conversations.c.id.desc())
    ).all()
    members: dict[int, list[int]] = {}
    if rows:
        for cid, uid in tx.conn.execute(select(
                conversation_members.c.conversation_id, conversation_members.c.user_id).where(
                conversation_members.c.conversation_id.in_([r.id for r in rows])
        ).order_by(conversation_members.c.user_id)):
            members.setdefault(cid, []).append(uid)
    return {"conversations": [
        {"conversation_id": r.id, "member_ids": members.get(r.id, []),
         "last_message_at": r.last_message_at, "unread": int(r.unread)} for r in rows]}


@commands.command("message.read", access=AUTHENTICATED, payload=mp.MessageRead)
def mark_read(ctx: Context, tx: Tx, p: mp.MessageRead) -> dict[str, Any]:
    """Everything up to ``message_id`` is read; never moves backwards."""
    _member_conversation(tx, ctx.user_id, p.conversation_id)
    found = tx.conn.execute(select(messages.c.id).where(
        messages.c.id == p.message_id,
        messages.c.conversation_id == p.conversation_id)).first()
    if found is None:
        raise NotFound("Không tìm thấy tin nhắn.", en="Message not found.")
    mine = (conversation_members.c.conversation_id == p.conversation_id) & (
        conversation_members.c.user_id == ctx.user_id)
    last = int(tx.conn.execute(select(conversation_members.c.last_read_id).where(mine))
               .scalar_one())
    if p.message_id > last:
        tx.conn.execute(update(conversation_members).where(mine)
                        .values(last_read_id=p.message_id))
        last = p.message_id
    return {"unread": _unread(tx, ctx.user_id, p.conversation_id, last)}
