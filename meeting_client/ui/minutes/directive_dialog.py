"""Turn a conclusion paragraph into a directive in one action: the paragraph is the
content, the meeting and agenda item its source; the chair picks the lead unit (or a
person) and the deadline. The server decides who may (the chair, leaders, office)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from meeting_client.models.port import CommandPort
from meeting_protocol import directives as dp
from meeting_protocol import org as op

DEFAULT_DAYS = 15


class DirectiveFromConclusion(QDialog):
    """Pre-filled from the conclusion; ``created(directive_id)`` once committed."""

    created = Signal(int)

    def __init__(self, port: CommandPort, meeting_id: int, item_id: int | None, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giao nhiệm vụ từ kết luận"))
        self._port = port
        self._meeting_id = meeting_id
        self._item_id = item_id
        self._tokens: dict[int, str] = {}
        self.content = QPlainTextEdit(text.strip())
        self.unit = QComboBox()
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("(Cả đơn vị)"), None)
        self.deadline = QDateEdit(QDate.currentDate().addDays(DEFAULT_DAYS))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Giao nhiệm vụ"))
        self.ok_button.setMinimumHeight(44)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("Nội dung"), self.content)
        form.addRow(self.tr("Đơn vị chủ trì"), self.unit)
        form.addRow(self.tr("Người được giao"), self.assignee)
        form.addRow(self.tr("Hạn xử lý"), self.deadline)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self.unit.currentIndexChanged.connect(self.on_unit_changed)
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        self._users: list[dict[str, Any]] = []
        for request in (op.OrgUnits(), op.OrgUsers()):
            self._tokens[port.send_request(request)] = request.TYPE

    def on_unit_changed(self, _index: int) -> None:
        unit_id = self.unit.currentData()
        self.assignee.clear()
        self.assignee.addItem(self.tr("(Cả đơn vị)"), None)
        for u in self._users:
            if u.get("unit_id") == unit_id and u.get("active", True):
                self.assignee.addItem(str(u["full_name"]), int(u["id"]))

    def on_ok_clicked(self) -> None:
        content = self.content.toPlainText().strip()
        if not content or self.unit.currentData() is None:
            self.message.setText(self.tr("Cần nội dung và đơn vị chủ trì."))
            return
        source = dp.DirectiveSource(meeting_id=self._meeting_id, item_id=self._item_id)
        payload = dp.DirectiveCreate(content=content,
                                     deadline=self.deadline.date().toString("yyyy-MM-dd"),
                                     assignee_unit_id=self.unit.currentData(),
                                     assignee_id=self.assignee.currentData(), source=source)
        self.ok_button.setEnabled(False)
        self._tokens[self._port.send_command(payload)] = payload.TYPE

    def on_port_command_finished(self, token: int, data: object) -> None:
        kind = self._tokens.pop(token, None)
        body: dict[str, Any] = data if isinstance(data, dict) else {}
        if kind == "org.units":
            for u in body.get("units", []):
                self.unit.addItem(str(u["name"]), int(u["id"]))
        elif kind == "org.users":
            self._users = list(body.get("users", []))
            self.on_unit_changed(self.unit.currentIndex())
        elif kind == "directive.create":
            self.created.emit(int(body["directive_id"]))
            self.accept()

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if self._tokens.pop(token, None) == "directive.create":
            self.ok_button.setEnabled(True)
        self.message.setText(message)
