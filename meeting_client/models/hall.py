"""What the hall screen shows, decided from the meeting state alone.

The hall display is a separate, read-only terminal. By default it follows the
session by itself: a vote in progress comes first, then the person holding the
floor, then the result of the latest vote (until the chair moves to another
item or gives someone the floor), else the current item. The chair may pin a
view (``hall.show``: the item, the speaker, a vote result, the attendance);
a vote in progress still takes over, so the chamber always sees it live.
Because this is a pure function of the Snapshot, every hall screen — and the
preview on the chair's console — agrees, also right after a reconnect.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from meeting_client.models.labels import parse_time
from meeting_protocol.state import AgendaItem, Poll, Snapshot, Speaker


class HallFocus(StrEnum):
    ITEM = "item"
    SPEAKER = "speaker"
    VOTING = "voting"
    RESULT = "result"
    ATTENDANCE = "attendance"


@dataclass(frozen=True, slots=True)
class HallView:
    focus: HallFocus
    item: AgendaItem | None
    speaker: Speaker | None
    poll: Poll | None


def latest_closed_poll(snapshot: Snapshot) -> Poll | None:
    closed = [p for p in snapshot.polls if p.status == "closed"]
    return max(closed, key=lambda p: (p.closed_at or "", p.poll_id), default=None)


def hall_view(snapshot: Snapshot) -> HallView:
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
        if pinned.view == "item" or (pinned.view == "speaker" and speaker is None):
            return HallView(HallFocus.ITEM, item, None, None)
    if speaker is not None:
        return HallView(HallFocus.SPEAKER, item, speaker, None)
    closed = latest_closed_poll(snapshot)
    if closed is not None:
        closed_at = parse_time(closed.closed_at)
        item_at = parse_time(item.taken_up_at) if item else None
        if closed_at is not None and (item_at is None or closed_at >= item_at):
            return HallView(HallFocus.RESULT, item, None, closed)
    return HallView(HallFocus.ITEM, item, None, None)
