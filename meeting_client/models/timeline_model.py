"""The session's event timeline for the clerk: history first, then live events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import EventContext, clock_text, event_text
from meeting_protocol import events as ev
from meeting_protocol.envelope import Event

EVENT_ROLE = Qt.ItemDataRole.UserRole + 60


@dataclass(frozen=True, slots=True)
class TimelineRow:
    seq: int
    at: str
    name: str
    text: str


class TimelineModel(KeyedTableModel[TimelineRow]):
    """Rows keyed by ``seq``; appends are O(1) per batch, duplicates ignored.

    ``poll.progress`` events are left out: during a vote they would drown the
    rest, and the final count is in ``poll.closed``.
    """

    column_count = 2
    SKIPPED = frozenset({"poll.progress"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._last_seq = 0
        self._requesters: dict[int, int] = {}
        self._polls: dict[int, str] = {}

    def row_key(self, row: TimelineRow) -> int:
        return row.seq

    def display(self, row: TimelineRow, column: int) -> str:
        return clock_text(row.at) if column == 0 else row.text

    def role_data(self, row: TimelineRow, column: int, role: int) -> Any:
        if role == EVENT_ROLE:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.text  # the whole line, where the column elides it
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Thời gian"), self.tr("Diễn biến"))[section]

    @property
    def last_seq(self) -> int:
        return self._last_seq

    def append_events(self, events: Iterable[Event], ctx: EventContext) -> None:
        """Add events newer than the last one seen, in order.

        Floor requests and poll titles seen in earlier events are remembered,
        so "finished" and "closed" lines can name who and what, even after
        the request or poll has left the meeting state.
        """
        self._requesters.update(ctx.requesters)
        self._polls.update(ctx.polls)
        ctx = EventContext(ctx.names, ctx.items, self._polls, self._requesters)
        fresh: list[TimelineRow] = []
        for e in events:
            if e.seq <= self._last_seq:
                continue
            self._last_seq = e.seq
            try:
                d = ev.decode_data(e)
            except ev.MalformedEvent:
                d = None
            if isinstance(d, ev.SpeakerRequested):
                self._requesters[d.request_id] = d.user_id
            elif isinstance(d, ev.PollCreated):
                self._polls[d.poll_id] = d.title
            if e.event in self.SKIPPED:
                continue
            fresh.append(TimelineRow(e.seq, e.at, e.event, event_text(e, ctx)))
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._keys.extend(r.seq for r in fresh)
        self.endInsertRows()
