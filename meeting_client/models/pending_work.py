"""A meeting's "việc chưa hoàn thành": overdue directives of its participants, read with
``directive.pending_for_meeting``, and put on the agenda in one action (``agenda.add``
with each directive's id, so the item and the directive's page keep the link)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_client.models.port import CommandPort
from meeting_protocol import directives as dp
from meeting_protocol import preparation as pp

TITLE_MAX = 500


@dataclass(frozen=True, slots=True)
class PendingRow:
    directive_id: int
    content: str
    deadline: str
    status: str
    agenda_item_id: int | None

    def days_late(self, today: date) -> int:
        return (today - date.fromisoformat(self.deadline[:10])).days


def pending_rows(data: Any) -> list[PendingRow]:
    items = data.get("directives", []) if isinstance(data, dict) else []
    return [PendingRow(int(d["directive_id"]), str(d["content"]), str(d.get("deadline") or ""),
                       str(d["status"]), d.get("agenda_item_id")) for d in items]


class PendingWork(QObject):
    """Reads the list for one meeting; puts chosen directives on its agenda."""

    loaded = Signal(list)
    """(list[PendingRow]) — the meeting's overdue directives, oldest deadline first."""
    done = Signal(str)
    """(sentence) — every chosen directive is on the agenda."""
    failed = Signal(str)
    """(the server's Vietnamese sentence) — that directive was not added."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.meeting_id: int | None = None
        self.rows: list[PendingRow] = []
        self._read: int | None = None
        """The latest read's token: an older answer (another meeting) is dropped."""
        self._adds: set[int] = set()
        self._added = 0
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    @property
    def busy(self) -> bool:
        return bool(self._adds)

    def load(self, meeting_id: int | None = None) -> None:
        if meeting_id is not None:
            self.meeting_id = meeting_id
        if self.meeting_id is not None:
            self._read = self._port.send_request(
                dp.DirectivePendingForMeeting(meeting_id=self.meeting_id))

    def put_on_agenda(self, directive_ids: list[int]) -> None:
        """One ``agenda.add`` per directive, titled with its content; the list is re-read
        once all have answered."""
        if self.meeting_id is None or self._adds:
            return
        by_id = {r.directive_id: r for r in self.rows}
        self._added = 0
        for directive_id in directive_ids:
            row = by_id.get(directive_id)
            if row is None or row.agenda_item_id is not None:
                continue
            title = self.tr("Việc chưa hoàn thành: %1").replace("%1", " ".join(
                row.content.split()))[:TITLE_MAX]
            self._adds.add(self._port.send_command(pp.AgendaAdd(
                meeting_id=self.meeting_id, title=title, directive_id=directive_id)))

    def on_port_command_finished(self, token: int, data: object) -> None:
        if token == self._read:
            self._read = None
            self.rows = pending_rows(data)
            self.loaded.emit(self.rows)
        elif token in self._adds:
            self._adds.discard(token)
            self._added += 1
            self._settled()

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token == self._read:
            self._read = None
            self.failed.emit(message)
        elif token in self._adds:
            self._adds.discard(token)
            self.failed.emit(message)
            self._settled()

    def _settled(self) -> None:
        if self._adds:
            return
        if self._added:
            self.done.emit(self.tr("Đã đưa %1 việc vào chương trình họp.").replace(
                "%1", str(self._added)))
        self.load()
