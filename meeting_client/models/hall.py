"""What the hall screen shows, decided from the meeting state (and the clock) alone.

The hall display is a separate, read-only terminal. By default it follows the
session by itself, in this order: a vote in progress; the result of the vote
just closed (for :data:`RESULT_HOLD_S`, or until the chair gives someone the
floor or moves to another item); the page of the paper being presented; the
person holding the floor; the result of the latest vote (until the chair moves
on); else the current item. The chair may pin a view (``hall.show``: the item,
the speaker, a vote result, the attendance); a vote in progress still takes
over, so the chamber always sees it live. Because this is a pure function of
the Snapshot and the server's time, every hall screen — and the preview on the
chair's console — agrees, also right after a reconnect.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from meeting_client.models.labels import parse_time
from meeting_protocol.state import AgendaItem, Poll, Presentation, Snapshot, Speaker

RESULT_HOLD_S = 60
"""How long a result just closed stays on the hall screen over a speaker or a paper."""


class HallFocus(StrEnum):
    ITEM = "item"
    SPEAKER = "speaker"
    VOTING = "voting"
    RESULT = "result"
    ATTENDANCE = "attendance"
    PRESENTATION = "presentation"


@dataclass(frozen=True, slots=True)
class HallView:
    focus: HallFocus
    item: AgendaItem | None
    speaker: Speaker | None
    poll: Poll | None
    presentation: Presentation | None = None


def latest_closed_poll(snapshot: Snapshot) -> Poll | None:
    closed = [p for p in snapshot.polls if p.status == "closed"]
    return max(closed, key=lambda p: (p.closed_at or "", p.poll_id), default=None)


def hall_view(snapshot: Snapshot, now: datetime | None = None) -> HallView:
    """``now`` is the server's time; None treats the latest result as just closed."""
    item = next((a for a in snapshot.agenda if a.active), None)
    speaker = next((s for s in snapshot.speakers if s.status == "speaking"), None)
    open_poll = next((p for p in reversed(snapshot.polls) if p.status == "open"), None)
    if open_poll is not None:
        return HallView(HallFocus.VOTING, item, speaker, open_poll)
    pinned = snapshot.hall
    if pinned is not None:
        if pinned.view == "attendance":
            return HallView(HallFocus.ATTENDANCE, item, None, None)
        if pinned.view == "result":
            poll = next((p for p in snapshot.polls if p.poll_id == pinned.poll_id), None)
            poll = poll or latest_closed_poll(snapshot)
            if poll is not None:
                return HallView(HallFocus.RESULT, item, None, poll)
        if pinned.view == "speaker" and speaker is not None:  # the chair's choice wins
            return HallView(HallFocus.SPEAKER, item, speaker, None)
        if pinned.view == "item" or pinned.view == "speaker":
            return HallView(HallFocus.ITEM, item, None, None)
    closed = _result_of_this_item(snapshot, item)
    if closed is not None and _just_closed(closed, speaker, now):
        return HallView(HallFocus.RESULT, item, speaker, closed)
    if snapshot.presentation is not None:
        return HallView(HallFocus.PRESENTATION, item, speaker, None, snapshot.presentation)
    if speaker is not None:
        return HallView(HallFocus.SPEAKER, item, speaker, None)
    if closed is not None:
        return HallView(HallFocus.RESULT, item, None, closed)
    return HallView(HallFocus.ITEM, item, None, None)


def _result_of_this_item(snapshot: Snapshot, item: AgendaItem | None) -> Poll | None:
    """The latest result, unless the chair moved to another item since it closed."""
    closed = latest_closed_poll(snapshot)
    if closed is None:
        return None
    closed_at = parse_time(closed.closed_at)
    item_at = parse_time(item.taken_up_at) if item else None
    if closed_at is None or (item_at is not None and closed_at < item_at):
        return None
    return closed


def _just_closed(poll: Poll, speaker: Speaker | None, now: datetime | None) -> bool:
    """Within the hold time, and the floor was not given to someone after the close."""
    closed_at = parse_time(poll.closed_at)
    if closed_at is None:
        return False
    granted = parse_time(speaker.granted_at) if speaker is not None else None
    if granted is not None and granted > closed_at:
        return False
    return now is None or (now - closed_at).total_seconds() < RESULT_HOLD_S
