"""The registry module's page in the workspace: register, document, form, to-do, print.

One stacked widget: the register (with search as you type) is home; a line opens the
document's page; "Đăng ký văn bản" the form; "In sổ" asks the server for the bound book
(``registry.print``) and writes the PDF off the GUI thread.
"""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.port import CommandPort
from meeting_client.models.registry_model import typed
from meeting_client.ui.minutes.file_writer import FileWriter
from meeting_client.ui.registry.entry_actions import PrintRangeDialog
from meeting_client.ui.registry.entry_form import EntryForm
from meeting_client.ui.registry.entry_page import EntryPage
from meeting_client.ui.registry.register_page import RegisterPage
from meeting_client.ui.registry.todo_page import TodoPage


class RegistryPage(QWidget):
    """Sổ văn bản: the register and "Văn bản cần xử lý" in tabs, pages stacked over them."""

    printed = Signal(str)
    """(path) — the register's PDF was written."""
    message = Signal(str)

    def __init__(self, port: CommandPort, *, office: bool = False, user_id: int | None = None,
                 leader: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._print_tokens: dict[int, str] = {}
        self.register = RegisterPage(port, office=office)
        self.todo = TodoPage(port)
        self.entry = EntryPage(port, office=office, user_id=user_id, leader=leader)
        self.form = EntryForm(port)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("Sổ văn bản"))
        self.tabs.addTab(self.todo, self.tr("Văn bản cần xử lý"))
        self.stack = QStackedWidget()
        for w in (self.tabs, self.entry, self.form):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)
        self._writer = FileWriter(self)
        self._writer.written.connect(self.printed)
        self._writer.failed.connect(lambda _p, why: self.message.emit(why))

        self.register.entry_activated.connect(self.open_entry)
        self.todo.entry_activated.connect(self.open_entry)
        self.register.register_requested.connect(self.open_form)
        self.register.print_requested.connect(self.on_register_print_requested)
        self.entry.back_requested.connect(self.show_home)
        self.entry.changed.connect(lambda _id: (self.register.model.refresh(),
                                                self.todo.refresh()))
        self.form.cancelled.connect(self.show_home)
        self.form.registered.connect(self.on_form_registered)
        self.form.updated.connect(self.on_form_updated)
        self.entry.edit_requested.connect(self.edit_entry)
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    def start(self) -> None:
        self.register.start()
        self.entry.load_people()
        self.todo.refresh()

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.tabs)

    def open_entry(self, registry_id: int) -> None:
        self.entry.open_entry(registry_id)
        self.stack.setCurrentWidget(self.entry)

    def open_form(self, direction: str) -> None:
        self.form.new(direction)
        self.stack.setCurrentWidget(self.form)

    def edit_entry(self, entry: dict[str, Any]) -> None:
        """"Sửa…" on a document's page: the form, filled in, saves with ``registry.update``."""
        self.form.edit(entry)
        self.stack.setCurrentWidget(self.form)

    def on_form_updated(self, registry_id: int) -> None:
        self.register.model.refresh()
        self.open_entry(registry_id)
        self.entry.message.setText(self.tr("Đã lưu thay đổi."))

    def on_form_registered(self, data: dict[str, Any]) -> None:
        self.message.emit(self.tr("Đã vào sổ, số %1.").replace("%1", str(data["number"])))
        self.register.model.refresh()
        self.show_home()

    # --- printing ----------------------------------------------------------------------

    def on_register_print_requested(self, direction: str) -> None:
        """Ask for the period (``PrintRangeDialog``), then where to save the book."""
        self.print_dialog = PrintRangeDialog(self)
        self.print_dialog.accepted.connect(lambda: self.on_print_dialog_accepted(direction))
        self.print_dialog.open()

    def on_print_dialog_accepted(self, direction: str) -> None:
        date_from, date_to = self.print_dialog.period()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("In sổ văn bản"), f"so-van-ban-{direction}-{date_from}-{date_to}.pdf",
            self.tr("Tệp PDF (*.pdf)"))
        if path:
            self.print_register(direction, date_from, date_to, path)

    def print_register(self, direction: str, date_from: str, date_to: str, path: str) -> None:
        token = self._port.send_request(typed("registry.print", {
            "direction": direction, "from": date_from, "to": date_to}))
        self._print_tokens[token] = path

    def on_port_command_finished(self, token: int, data: Any) -> None:
        path = self._print_tokens.pop(token, None)
        if path is not None:
            self._writer.write(path, base64.b64decode(data["content_base64"]))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if self._print_tokens.pop(token, None) is not None:
            self.message.emit(message)


