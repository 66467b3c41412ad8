"""A document's page: its register line, the file in the reader, routing history, links.

The file comes with ``registry.file`` and is written to a private temporary folder off
the GUI thread (``FileWriter``) before the QtPdf reader opens it.
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.models.port import CommandPort
from meeting_client.models.registry_model import URGENCY, typed, vn_date
from meeting_client.ui.attachments.box import AttachmentBox
from meeting_client.ui.minutes.file_writer import FileWriter
from meeting_client.ui.reader.reader_widget import ReaderWidget
from meeting_client.ui.registry.entry_actions import AgendaDialog, DirectiveDialog, date_edit

ACTIONS = {"created": "Vào sổ", "imported": "Nhập từ sổ cũ", "routed": "Chuyển xử lý",
           "handled": "Đã xử lý", "updated": "Sửa thông tin", "attached": "Đính kèm tệp",
           "cancelled": "Hủy", "linked": "Liên kết"}


class EntryPage(QWidget):
    """One entry, loaded with ``registry.get``; route it or mark it handled from here."""

    back_requested = Signal()
    loaded = Signal(dict)
    edit_requested = Signal(dict)
    """(entry) — "Sửa…": correct its fields in the form."""
    changed = Signal(int)
    """(registry_id) — routed or handled: lists should refresh."""

    def __init__(self, port: CommandPort, *, office: bool = False, user_id: int | None = None,
                 leader: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._office = office
        self._leader = leader
        self.dialog: QDialog | None = None
        """The open action dialog (a directive, an agenda item), for tests and touch."""
        self._agenda_meeting: int | None = None
        self.units: list[dict[str, Any]] | None = None
        """The units (``org.units``), read once: the routing choice and the directive's."""
        self._user_id = user_id
        self._tokens: dict[int, str] = {}
        self.entry: dict[str, Any] | None = None
        self._files = Path(tempfile.mkdtemp(prefix="registry-files-"))
        self._writer = FileWriter(self)
        self._writer.written.connect(self.on_writer_written)

        self.back = QPushButton(self.tr("← Sổ văn bản"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 18px; font-weight: 600")
        self.form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (("register", "Sổ"), ("number", "Số đến / số đi"),
                           ("symbol", "Số, ký hiệu"), ("issued_on", "Ngày tháng"),
                           ("issuer", "Cơ quan ban hành"), ("doc_type", "Tên loại"),
                           ("received_on", "Ngày đến"), ("urgency", "Độ khẩn"),
                           ("recipients", "Nơi nhận / người nhận"), ("status", "Tình trạng"),
                           ("deadline", "Hạn xử lý")):
            value = QLabel()
            value.setWordWrap(True)
            self.fields[key] = value
            self.form.addRow(self.tr(label), value)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.links = QListWidget()
        self.links.setMaximumHeight(80)
        self.reader = ReaderWidget()
        self.no_file = QLabel(self.tr("Văn bản chưa có tệp đính kèm."))
        # The office attaches the scanned or electronic file (PDF or office file, any size).
        self.attachments = AttachmentsCenter(port, parent=self)
        self.attach_box = AttachmentBox(self.attachments)
        self.attach_box.setVisible(office)
        self.attachments.uploaded.connect(self.on_attachment_uploaded)

        # Routing (office, leaders) and "handled" (the handler).
        self.handler_box = QComboBox()
        self.handler_box.setEditable(True)  # type a few letters of the name
        self.handler_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.names: dict[int, str] = {}
        self.instruction = QLineEdit()
        self.instruction.setPlaceholderText(self.tr("Ý kiến chỉ đạo của lãnh đạo"))
        self.deadline = date_edit(QDate.currentDate().addDays(7))
        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("(hoặc chọn đơn vị)"), None)
        self.route_button = QPushButton(self.tr("Chuyển xử lý"))
        # What the document becomes, in one action each.
        self.directive_button = QPushButton(self.tr("Giao thành chỉ đạo…"))
        self.agenda_button = QPushButton(self.tr("Đưa vào chương trình họp…"))
        self.cancel_button = QPushButton(self.tr("Hủy văn bản…"))
        self.edit_button = QPushButton(self.tr("Sửa…"))
        for button in (self.edit_button, self.directive_button, self.agenda_button,
                       self.cancel_button):
            button.setMinimumHeight(40)
            button.hide()
        self.handled_button = QPushButton(self.tr("Đánh dấu đã xử lý"))
        self.message = QLabel()
        route_box = QGroupBox(self.tr("Chuyển xử lý"))
        route_form = QFormLayout(route_box)
        route_form.addRow(self.tr("Người xử lý"), self.handler_box)
        route_form.addRow(self.tr("Đơn vị xử lý"), self.unit_box)
        route_form.addRow(self.tr("Ý kiến chỉ đạo"), self.instruction)
        route_form.addRow(self.tr("Hạn xử lý"), self.deadline)
        route_form.addRow(self.route_button)
        self.route_box = route_box
        route_box.hide()
        self.handled_button.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.title)
        left_layout.addLayout(self.form)
        left_layout.addWidget(QLabel(self.tr("Quá trình xử lý")))
        left_layout.addWidget(self.history, 1)
        left_layout.addWidget(QLabel(self.tr("Liên kết")))
        left_layout.addWidget(self.links)
        left_layout.addWidget(route_box)
        left_layout.addWidget(self.handled_button)
        actions = QHBoxLayout()
        for button in (self.edit_button, self.directive_button, self.agenda_button,
                       self.cancel_button):
            actions.addWidget(button)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.message)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.no_file)
        right_layout.addWidget(self.attach_box)
        right_layout.addWidget(self.reader, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 900])
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.back.clicked.connect(self.back_requested)
        self.route_button.clicked.connect(self.on_route_button_clicked)
        self.handled_button.clicked.connect(self.on_handled_button_clicked)
        self.directive_button.clicked.connect(self.on_directive_button_clicked)
        self.agenda_button.clicked.connect(
            lambda: self._send("meetings", "meeting.list", {}, read=True))
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.edit_button.clicked.connect(
            lambda: self.entry is not None and self.edit_requested.emit(self.entry))
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    def load_people(self) -> None:
        """The directory (``org.users``): names in the history and the handler choice."""
        self._send("people", "org.users", {}, read=True)
        self._send("route_units", "org.units", {}, read=True)

    def set_handler(self, user_id: int) -> None:
        index = self.handler_box.findData(user_id)
        if index >= 0:
            self.handler_box.setCurrentIndex(index)

    def _person(self, user_id: int) -> str:
        return self.names.get(user_id, str(user_id))

    def open_entry(self, registry_id: int) -> None:
        self.entry = None
        self.message.clear()
        self.route_box.hide()  # until the entry says what this user may do with it
        self.handled_button.hide()
        self._send("get", "registry.get", {"registry_id": registry_id}, read=True)

    def _send(self, what: str, type_: str, payload: dict[str, Any], *, read: bool = False
              ) -> None:
        send = self._port.send_request if read else self._port.send_command
        self._tokens[send(typed(type_, payload))] = what

    # --- replies ---------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: Any) -> None:
        what = self._tokens.pop(token, None)
        if what == "people":
            people = [u for u in data.get("users", []) if u.get("active", True)]
            self.names = {int(u["id"]): u["full_name"] for u in people}
            self.handler_box.clear()
            self.handler_box.addItem(self.tr("(chọn người)"), None)
            for u in sorted(people, key=lambda u: u["full_name"]):
                label = u["full_name"] + (f" — {u['position']}" if u.get("position") else "")
                self.handler_box.addItem(label, int(u["id"]))
            if self.entry is not None:
                self._show(self.entry)
        elif what in ("route_units", "units"):
            self.units = data.get("units", [])
            self.unit_box.clear()
            self.unit_box.addItem(self.tr("(hoặc chọn đơn vị)"), None)
            for u in self.units:
                self.unit_box.addItem(u["name"], int(u["id"]))
            if what == "units":
                self.on_directive_button_clicked()
        elif what == "meetings" and self.entry is not None:
            self._open_dialog(AgendaDialog(self.entry, data.get("meetings", []), self),
                              self.on_agenda_dialog_accepted)
        elif what == "directive":
            self._reload()
            self.message.setText(self.tr("Đã giao chỉ đạo số %1.").replace(
                "%1", str(data["directive_id"])))
        elif what == "agenda" and self.entry is not None:
            self._send("link", "registry.link", {
                "registry_id": self.entry["registry_id"], "meeting_id": self._agenda_meeting,
                "item_id": data["item_id"]})
        elif what == "link":
            self._reload()
            self.message.setText(self.tr("Đã đưa văn bản vào chương trình họp."))
        elif what == "cancel":
            self._reload()
            self.message.setText(self.tr("Đã hủy văn bản (số vẫn giữ trong sổ)."))
        elif what == "get":
            self._show(data)
        elif what == "file":
            name = f"{data['sha256']}.pdf"
            self._writer.write(str(self._files / name), base64.b64decode(
                data["content_base64"]))
        elif what == "attach":
            assert self.entry is not None
            self.attach_box.clear()
            self.changed.emit(int(self.entry["registry_id"]))
            self.open_entry(int(self.entry["registry_id"]))
            self.message.setText(self.tr("Đã đính kèm tệp vào văn bản."))
        elif what in ("route", "handled"):
            self._reload()
            self.message.setText(self.tr("Đã chuyển xử lý.") if what == "route"
                                 else self.tr("Đã đánh dấu đã xử lý."))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if self._tokens.pop(token, None) is not None:
            self.message.setText(message)

    def on_writer_written(self, path: str) -> None:
        if self.entry is not None:
            self.reader.open_file(path, document_id=int(self.entry["registry_id"]),
                                  title=self.entry.get("file", {}).get("filename") or "")
            self.reader.show()

    def _show(self, e: dict[str, Any]) -> None:
        self.entry = e
        direction = self.tr("Sổ văn bản đến") if e["direction"] == "in" else self.tr(
            "Sổ văn bản đi")
        self.title.setText(f"{e['doc_type']}: {e['summary']}")
        status = {"registered": self.tr("Đã vào sổ"), "routed": self.tr("Đang xử lý"),
                  "handled": self.tr("Đã xử lý"), "cancelled": self.tr("Đã hủy")}
        values = {"register": f"{direction} {e['year']}", "number": str(e["number"]),
                  "symbol": e["symbol"], "issued_on": vn_date(e["issued_on"]),
                  "issuer": e["issuer"], "doc_type": e["doc_type"],
                  "received_on": vn_date(e.get("received_on")),
                  "urgency": self.tr(URGENCY.get(e["urgency"], e["urgency"])),
                  "recipients": e.get("recipients") or "",
                  "status": status.get(e["status"], e["status"]),
                  "deadline": vn_date(e.get("deadline"))}
        for key, label in self.fields.items():
            label.setText(values[key])
        self.history.clear()
        for h in e.get("history", []):
            action = self.tr(ACTIONS.get(h["action"], h["action"]))
            at = QDateTime.fromString(h["at"], Qt.DateFormat.ISODateWithMs).toLocalTime()
            line = f"{at.toString('dd/MM/yyyy HH:mm')} — {action}"
            if h.get("handler_id"):
                line += self.tr(" → người xử lý %1").replace("%1", self._person(h["handler_id"]))
            if h.get("deadline"):
                line += self.tr(", hạn %1").replace("%1", vn_date(h["deadline"]))
            if h.get("instruction"):
                line += f": “{h['instruction']}”"
            if h.get("note"):
                line += f" ({h['note']})"
            self.history.addItem(line)
        self.links.clear()
        for link in e.get("links", []):
            if link["kind"] == "directive":
                self.links.addItem(self.tr("Chỉ đạo số %1").replace("%1",
                                                                    str(link["directive_id"])))
            else:
                text = self.tr("Cuộc họp %1").replace("%1", str(link["meeting_id"]))
                if link.get("item_id"):
                    text += self.tr(", mục %1").replace("%1", str(link["item_id"]))
                self.links.addItem(text)
        self.route_box.setVisible(self._office and e["direction"] == "in"
                                  and e["status"] != "cancelled")
        live = e["status"] != "cancelled"
        self.directive_button.setVisible(live and (self._office or self._leader))
        self.agenda_button.setVisible(live and self._office)
        self.cancel_button.setVisible(live and self._office)
        self.edit_button.setVisible(live and self._office)
        self.handled_button.setVisible(e["status"] == "routed" and (
            self._office or e.get("handler_id") == self._user_id))
        has_file = bool(e.get("file"))
        self.no_file.setVisible(not has_file)
        self.reader.setVisible(False)
        if has_file:
            self._send("file", "registry.file", {"registry_id": e["registry_id"]}, read=True)
        self.loaded.emit(e)

    # --- actions ---------------------------------------------------------------------

    def on_attachment_uploaded(self, info: Any) -> None:
        """The file is on the server: make it the entry's (converted, its text indexed)."""
        if self.entry is not None:
            self._send("attach", "registry.attach", {
                "registry_id": self.entry["registry_id"], "filename": info.filename,
                "attachment_id": info.attachment_id})

    def on_route_button_clicked(self) -> None:
        handler, unit = self.handler_box.currentData(), self.unit_box.currentData()
        if self.entry is None or (handler is None and unit is None):
            self.message.setText(self.tr("Hãy chọn người hoặc đơn vị xử lý."))
            return
        to = {"handler_id": int(handler)} if handler is not None else {"unit_id": int(unit)}
        self._send("route", "registry.route", {
            "registry_id": self.entry["registry_id"], **to,
            "instruction": self.instruction.text().strip(),
            "deadline": self.deadline.date().toString("yyyy-MM-dd")})

    def _reload(self) -> None:
        if self.entry is not None:
            self.changed.emit(int(self.entry["registry_id"]))
            self.open_entry(int(self.entry["registry_id"]))

    def _open_dialog(self, dialog: QDialog, on_accepted: Any) -> None:
        """Window-modal and not blocking: the reply loop goes on while it is open."""
        if self.dialog is not None:  # a second tap while the first was opening
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.open()

    def on_directive_button_clicked(self) -> None:
        if self.entry is None:
            return
        if self.units is None:  # not read yet: ask, and come back with the reply
            self._send("units", "org.units", {}, read=True)
            return
        self._open_dialog(DirectiveDialog(self.entry, self.units, self),
                          self.on_directive_dialog_accepted)

    def on_directive_dialog_accepted(self) -> None:
        assert isinstance(self.dialog, DirectiveDialog)
        self._send("directive", "directive.create", self.dialog.payload())

    def on_agenda_dialog_accepted(self) -> None:
        assert isinstance(self.dialog, AgendaDialog)
        self._agenda_meeting = self.dialog.meeting_id()
        self._send("agenda", "agenda.add", {"meeting_id": self._agenda_meeting,
                                            "title": self.dialog.item_title()})

    def on_cancel_button_clicked(self) -> None:
        if self.entry is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Hủy văn bản"))
        dialog.setLabelText(self.tr("Lý do hủy (số của văn bản vẫn giữ trong sổ):"))
        self._open_dialog(dialog, self.on_cancel_dialog_accepted)

    def on_cancel_dialog_accepted(self) -> None:
        assert isinstance(self.dialog, QInputDialog) and self.entry is not None
        self._send("cancel", "registry.cancel", {
            "registry_id": self.entry["registry_id"],
            "reason": self.dialog.textValue().strip()})

    def on_handled_button_clicked(self) -> None:
        if self.entry is not None:
            self._send("handled", "registry.handled",
                       {"registry_id": self.entry["registry_id"]})
