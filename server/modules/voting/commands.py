"""poll.create, poll.open, poll.cast, poll.close."""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec import UNSET
from sqlalchemy import bindparam, exists, func, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from meeting_protocol.commands import PollCast, PollClose, PollCreate, PollOpen
from meeting_protocol.rules import outcome
from server.dispatch import CHAIR, CLERK, DELEGATE, CommandSet, Context, Reply, meeting_roles
from server.errors import BadRequest, Conflict, NotFound
from server.modules.meetings.queries import attendance, ensure_not_ended
from server.modules.meetings.tables import agenda_items, participants
from server.modules.voting.queries import named_ballots, tally_of
from server.modules.voting.tables import open_ballots, poll_tallies, poll_voters, polls
from server.storage.committer import Tx
from server.storage.prepared import Prepared

commands = CommandSet()


# The ballot path runs once per delegate per vote, a thousand at once: its
# statements are prepared once (see ``server.storage.prepared``).
_MEETING_OF_POLL = Prepared(select(polls.c.meeting_id).where(polls.c.id == bindparam("poll")))
_CAST_CHECK = Prepared(
    select(polls.c.meeting_id, polls.c.status, polls.c.options, polls.c.secret,
           participants.c.present,
           exists().where(poll_voters.c.poll_id == polls.c.id,
                          poll_voters.c.user_id == bindparam("user")).label("voted"))
    .select_from(polls.join(participants, (participants.c.meeting_id == polls.c.meeting_id)
                            & (participants.c.user_id == bindparam("user"))))
    .where(polls.c.id == bindparam("poll"))
)
_ADD_VOTER = Prepared(insert(poll_voters).values(poll_id=bindparam("poll"),
                                                 user_id=bindparam("user")))
_COUNT_CHOICE = Prepared(update(poll_tallies)
                         .where(poll_tallies.c.poll_id == bindparam("poll"),
                                poll_tallies.c.option == bindparam("b_option"))
                         .values(count=poll_tallies.c.count + 1))
_OPEN_BALLOT = Prepared(insert(open_ballots).values(
    poll_id=bindparam("poll"), user_id=bindparam("user"), choice=bindparam("b_choice"),
    cast_at=bindparam("b_at")))


def meeting_of_poll(conn: Connection, payload: Any) -> int:
    mid = _MEETING_OF_POLL.scalar(conn, {"poll": payload.poll_id})
    if mid is None:
        raise NotFound("Không tìm thấy phiên biểu quyết.", en="No such poll.")
    return int(mid)


def _poll(tx: Tx, poll_id: int) -> Any:
    return tx.conn.execute(select(polls).where(polls.c.id == poll_id)).first()


def _delegates(conn: Connection, meeting_id: int) -> int:
    return int(conn.execute(select(func.count()).where(
        participants.c.meeting_id == meeting_id, participants.c.role == DELEGATE)).scalar_one())


def cast_count(conn: Connection, poll_id: int) -> int:
    return int(conn.execute(select(func.count()).where(poll_voters.c.poll_id == poll_id))
               .scalar_one())


@commands.command("poll.create", access=meeting_roles(CHAIR, CLERK))
def create(ctx: Context, tx: Tx, p: PollCreate) -> dict[str, Any]:
    meeting = ensure_not_ended(tx.conn, p.meeting_id)
    options = [o.strip() for o in p.options]
    if len(set(options)) != len(options) or not all(options):
        raise BadRequest("Các phương án biểu quyết phải khác nhau và không để trống.",
                         en="Options must be distinct and non-empty.")
    if p.agenda_item_id is not None and tx.conn.execute(select(agenda_items.c.id).where(
            agenda_items.c.id == p.agenda_item_id,
            agenda_items.c.meeting_id == p.meeting_id)).first() is None:
        raise NotFound("Không tìm thấy nội dung trong chương trình.", en="No such agenda item.")
    majority = p.majority or meeting["majority"]
    eligible = _delegates(tx.conn, p.meeting_id)
    result = tx.conn.execute(insert(polls).values(
        meeting_id=p.meeting_id, agenda_item_id=p.agenda_item_id, title=p.title.strip(),
        secret=p.secret, options=msgspec.json.encode(options).decode(), majority=majority,
        status="draft", eligible=eligible, created_at=tx.now_iso))
    poll_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    tx.conn.execute(insert(poll_tallies), [
        {"poll_id": poll_id, "option": o, "count": 0} for o in options])
    tx.emit(ev.meeting_topic(p.meeting_id), ev.PollCreated(
        poll_id=poll_id, title=p.title.strip(), agenda_item_id=p.agenda_item_id,
        secret=p.secret, options=options, majority=majority, eligible=eligible))
    return {"poll_id": poll_id}


@commands.command("poll.open", access=meeting_roles(CHAIR), meeting_of=meeting_of_poll)
def open_poll(ctx: Context, tx: Tx, p: PollOpen) -> dict[str, Any]:
    poll = _poll(tx, p.poll_id)
    ensure_not_ended(tx.conn, poll.meeting_id)
    if poll.status != "draft":
        raise Conflict("Phiên biểu quyết đã được mở trước đó.", en="The poll was already opened.")
    if not attendance(tx.conn, poll.meeting_id).quorum_met:
        raise Conflict("Chưa đủ số lượng đại biểu có mặt để biểu quyết.",
                       en="There is no quorum.")
    other = tx.conn.execute(select(polls.c.id).where(
        polls.c.meeting_id == poll.meeting_id, polls.c.status == "open")).first()
    if other is not None:
        raise Conflict("Đang có một phiên biểu quyết khác.", en="Another poll is open.")
    eligible = _delegates(tx.conn, poll.meeting_id)
    tx.conn.execute(update(polls).where(polls.c.id == p.poll_id).values(
        status="open", opened_at=tx.now_iso, eligible=eligible))
    tx.emit(ev.meeting_topic(poll.meeting_id), ev.PollOpened(
        poll_id=p.poll_id, eligible=eligible, options=msgspec.json.decode(poll.options),
        secret=bool(poll.secret)))
    return {"poll_id": p.poll_id}


@commands.command("poll.cast", access=meeting_roles(DELEGATE), meeting_of=meeting_of_poll)
def cast(ctx: Context, tx: Tx, p: PollCast) -> Reply:
    """One ballot per delegate, acknowledged only once committed.

    A secret ballot writes the voter to ``poll_voters`` and the choice to the
    option's counter, nothing else: the two cannot be joined afterwards.
    """
    row = _CAST_CHECK.first(tx.conn, {"poll": p.poll_id, "user": ctx.user_id})
    assert row is not None  # check_access found the poll and the voter's seat
    meeting_id, status, options, secret, present, voted = row
    if status != "open":
        raise Conflict("Phiên biểu quyết không mở.", en="The poll is not open.")
    if p.choice not in msgspec.json.decode(options):
        raise BadRequest("Phương án biểu quyết không hợp lệ.", en="Not an option of this poll.")
    if not present:
        raise Conflict("Đại biểu cần điểm danh trước khi biểu quyết.",
                       en="Check in before voting.")
    if voted:
        raise Conflict("Đại biểu đã bỏ phiếu trong lần biểu quyết này.",
                       en="You have already voted in this poll.")
    _ADD_VOTER.run(tx.conn, {"poll": p.poll_id, "user": ctx.user_id})
    _COUNT_CHOICE.run(tx.conn, {"poll": p.poll_id, "b_option": p.choice})
    if not secret:
        _OPEN_BALLOT.run(tx.conn, {"poll": p.poll_id, "user": ctx.user_id,
                                   "b_choice": p.choice, "b_at": tx.now_iso})
    progress = ctx.services.progress
    return Reply({"poll_id": p.poll_id},
                 after=lambda: progress.mark(meeting_id, p.poll_id))


@commands.command("poll.close", access=meeting_roles(CHAIR), meeting_of=meeting_of_poll)
def close(ctx: Context, tx: Tx, p: PollClose) -> Reply:
    poll = _poll(tx, p.poll_id)
    if poll.status != "open":
        raise Conflict("Phiên biểu quyết không mở.", en="The poll is not open.")
    options = msgspec.json.decode(poll.options)
    tally = tally_of(tx.conn, p.poll_id, options)
    cast_n = cast_count(tx.conn, p.poll_id)
    result = outcome(tally, poll.eligible, poll.majority)
    tx.conn.execute(update(polls).where(polls.c.id == p.poll_id).values(
        status="closed", closed_at=tx.now_iso, outcome=result))
    closed = tx.emit(ev.meeting_topic(poll.meeting_id), ev.PollClosed(
        poll_id=p.poll_id, tally=tally, cast=cast_n, eligible=poll.eligible, outcome=result,
        majority=poll.majority, secret=bool(poll.secret),
        ballots=UNSET if poll.secret else named_ballots(tx.conn, p.poll_id)))
    committer = ctx.services.committer
    return Reply(closed.data, after=committer.request_checkpoint if poll.secret else None)


def refuse_end_while_open(conn: Connection, meeting_id: int) -> None:
    """A meeting cannot end while one of its votes is open (meeting.end's guard)."""
    open_poll = conn.execute(select(polls.c.id).where(
        polls.c.meeting_id == meeting_id, polls.c.status == "open")).first()
    if open_poll is not None:
        raise Conflict("Còn phiên biểu quyết đang mở.", en="A vote is still open.")
