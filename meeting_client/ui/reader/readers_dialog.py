"""Who has opened a paper (``document.readers``), for the chair and the clerk.

Before a vote the clerk wants to know which delegates have not opened the
report yet, to remind them; the server records each reader's first opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.labels import date_time_text
from meeting_client.models.port import CommandPort
from meeting_protocol.documents import DocumentReaders


@dataclass(frozen=True)
class Readers:
    """One paper's readers, with names, for display."""

    title: str
    opened: list[tuple[str, str]]
    """(name, when), earliest first."""
    not_opened: list[str]


def readers_of(entry: dict[str, Any], names: dict[int, str]) -> Readers:
    """The server's entry for one paper, with user ids turned into names."""
    def name(user_id: int) -> str:
        return names.get(user_id, f"#{user_id}")

    opened = sorted(entry.get("opened", []), key=lambda o: o.get("at") or "")
    return Readers(
        title=str(entry.get("title", "")),
        opened=[(name(int(o["user_id"])), date_time_text(o.get("at"))) for o in opened],
        not_opened=sorted((name(int(u)) for u in entry.get("not_opened", [])), key=str.lower),
    )


class ReadersQuery(QObject):
    """Asks the server for one paper's readers and answers with a signal."""

    ready = Signal(object)
    """(dict) — the server's entry for the paper."""
    failed = Signal(str)

    def __init__(self, port: CommandPort, meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._meeting_id = meeting_id
        self._pending: int | None = None
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    def ask(self, document_id: int) -> None:
        self._pending = self._port.send_request(
            DocumentReaders(meeting_id=self._meeting_id, document_id=document_id))

    def on_port_command_finished(self, token: int, data: object) -> None:
        if token != self._pending:
            return
        self._pending = None
        entries = data.get("documents", []) if isinstance(data, dict) else []
        if entries:
            self.ready.emit(entries[0])
        else:
            self.failed.emit(self.tr("Không tìm thấy tài liệu."))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token == self._pending:
            self._pending = None
            self.failed.emit(message or self.tr("Không lấy được danh sách người đã đọc."))


class ReadersDialog(QDialog):
    """Two lists side by side: opened (with the time), not opened yet."""

    def __init__(self, readers: Readers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tình hình đọc tài liệu"))
        total = len(readers.opened) + len(readers.not_opened)
        title = QLabel(readers.title)
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        self.summary = QLabel(self.tr("Đã mở: %1/%2 người được xem tài liệu")
                              .replace("%1", str(len(readers.opened))).replace("%2", str(total)))
        self.opened = QListWidget()
        self.opened.addItems([f"{name} — {when}" for name, when in readers.opened])
        self.not_opened = QListWidget()
        self.not_opened.addItems(readers.not_opened)
        columns = QHBoxLayout()
        for caption, widget in ((self.tr("Đã mở"), self.opened),
                                (self.tr("Chưa mở"), self.not_opened)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(widget, 1)
            columns.addLayout(column, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
