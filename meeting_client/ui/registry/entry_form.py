"""Registering a document: the form checks the number and warns about a likely duplicate.

While the office types, ``registry.check`` (debounced) tells the next number of the
register and whether a number typed by hand is taken, and lists entries with the same
number and symbol from the same issuer — the usual sign that a document came twice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.port import CommandPort
from meeting_client.models.registry_model import URGENCY, typed, vn_date
from meeting_client.ui.registry.entry_actions import date_edit

DOC_TYPES = ["Công văn", "Quyết định", "Tờ trình", "Báo cáo", "Kế hoạch", "Thông báo",
             "Giấy mời", "Chỉ thị", "Nghị quyết", "Hướng dẫn", "Công điện"]
CHECK_MS = 300


class EntryForm(QWidget):
    """The registration form (one register at a time)."""

    registered = Signal(dict)
    """``{registry_id, number, year}`` once the server committed it."""
    cancelled = Signal()
    updated = Signal(int)
    """(registry_id) — a correction was committed (the form in edit mode)."""

    def __init__(self, port: CommandPort, direction: str = "in",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.direction = direction
        self._check_token: int | None = None
        self._save_token: int | None = None
        self.editing: int | None = None
        """The entry being corrected (``registry.update``); None: a new registration."""
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600")
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText("125/QĐ-UBND")
        self.issued_on = date_edit()
        self.issuer = QLineEdit()
        self.doc_type = QComboBox()
        self.doc_type.setEditable(True)
        self.doc_type.addItems(DOC_TYPES)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(90)
        self.received_on = date_edit()
        self.number = QSpinBox()
        self.number.setRange(0, 10_000_000)
        self.number.setSpecialValueText(self.tr("Tự động"))
        self.urgency = QComboBox()
        for key, label in URGENCY.items():
            self.urgency.addItem(self.tr(label), key)
        self.confidential = QCheckBox(self.tr("Văn bản mật"))
        self.recipients = QLineEdit()
        self.signer = QLineEdit()
        self.note = QLineEdit()
        self.number_hint = QLabel()
        self.duplicate_warning = QLabel()
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.setStyleSheet("color: #8a5300; font-weight: 600")
        self.duplicate_warning.hide()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e")
        self.save_button = QPushButton(self.tr("Vào sổ"))
        self.cancel_button = QPushButton(self.tr("Hủy bỏ"))

        form = QFormLayout()
        form.addRow(self.tr("Số, ký hiệu"), self.symbol)
        form.addRow(self.tr("Ngày tháng văn bản"), self.issued_on)
        form.addRow(self.tr("Cơ quan ban hành"), self.issuer)
        form.addRow(self.tr("Tên loại"), self.doc_type)
        form.addRow(self.tr("Trích yếu nội dung"), self.summary)
        self.received_label = QLabel(self.tr("Ngày đến"))
        form.addRow(self.received_label, self.received_on)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.number_hint, 1)
        form.addRow(self.tr("Số đến / số đi"), number_row)
        form.addRow(self.tr("Độ khẩn"), self.urgency)
        form.addRow("", self.confidential)
        form.addRow(self.tr("Nơi nhận / người nhận"), self.recipients)
        self.signer_label = QLabel(self.tr("Người ký"))
        form.addRow(self.signer_label, self.signer)
        form.addRow(self.tr("Ghi chú"), self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        inner = QWidget()
        inner.setMaximumWidth(960)  # a form, not a spreadsheet: lines the eye can follow
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(inner, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_warning)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_MS)
        self._check_timer.timeout.connect(self.check)
        for edit in (self.symbol, self.issuer):
            edit.textChanged.connect(self._check_timer.start)
        self.number.valueChanged.connect(self._check_timer.start)
        self.received_on.dateChanged.connect(self._check_timer.start)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.cancelled)
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        self.set_direction(direction)

    def edit(self, entry: dict[str, Any]) -> None:
        """Correct a registered entry: its fields filled in, its number fixed (a number is
        never given twice nor changed once in the book)."""
        self.editing = int(entry["registry_id"])
        self.set_direction(entry["direction"])
        self.heading.setText(self.tr("Sửa thông tin văn bản số %1").replace(
            "%1", str(entry["number"])))
        self.save_button.setText(self.tr("Lưu thay đổi"))
        self.symbol.setText(entry["symbol"])
        self.issued_on.setDate(QDate.fromString(entry["issued_on"], "yyyy-MM-dd"))
        self.issuer.setText(entry["issuer"])
        self.doc_type.setCurrentText(entry["doc_type"])
        self.summary.setPlainText(entry["summary"])
        received = entry.get("received_on") or entry.get("registered_on")
        if received:
            self.received_on.setDate(QDate.fromString(received, "yyyy-MM-dd"))
        self.number.setValue(int(entry["number"]))
        self.number.setEnabled(False)
        self.received_on.setEnabled(entry["direction"] == "in")
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(entry["urgency"])))
        self.confidential.setChecked(bool(entry.get("confidential")))
        for key, edit in (("recipients", self.recipients), ("signer", self.signer),
                          ("note", self.note)):
            edit.setText(entry.get(key) or "")
        self.error.clear()

    def new(self, direction: str) -> None:
        """Back to registering (after a correction)."""
        self.editing = None
        self.save_button.setText(self.tr("Vào sổ"))
        self.number.setEnabled(True)
        self.received_on.setEnabled(True)
        self.number.setValue(0)
        for edit in (self.symbol, self.issuer, self.recipients, self.signer, self.note):
            edit.clear()
        self.summary.clear()
        self.set_direction(direction)

    def set_direction(self, direction: str) -> None:
        self.direction = direction
        incoming = direction == "in"
        self.heading.setText(self.tr("Đăng ký văn bản đến") if incoming
                             else self.tr("Đăng ký văn bản đi"))
        self.received_label.setText(self.tr("Ngày đến") if incoming
                                    else self.tr("Ngày vào sổ"))
        self.signer.setVisible(not incoming)
        self.signer_label.setVisible(not incoming)
        self.check()

    def _registered_on(self) -> str:
        return self.received_on.date().toString("yyyy-MM-dd")

    def check(self) -> None:
        if self.editing is not None:
            return  # its number is its own: nothing to check while correcting
        payload: dict[str, Any] = {"direction": self.direction,
                                   "registered_on": self._registered_on()}
        if self.number.value():
            payload["number"] = self.number.value()
        if self.symbol.text().strip() and self.issuer.text().strip():
            payload["symbol"] = self.symbol.text().strip()
            payload["issuer"] = self.issuer.text().strip()
        self._check_token = self._port.send_request(typed("registry.check", payload))

    def payload(self) -> dict[str, Any]:
        p: dict[str, Any] = {
            "direction": self.direction, "symbol": self.symbol.text().strip(),
            "issued_on": self.issued_on.date().toString("yyyy-MM-dd"),
            "issuer": self.issuer.text().strip(), "doc_type": self.doc_type.currentText(),
            "summary": self.summary.toPlainText().strip(),
            "urgency": self.urgency.currentData(),
            "confidential": self.confidential.isChecked()}
        if self.direction == "in":
            p["received_on"] = self._registered_on()
        else:
            p["registered_on"] = self._registered_on()
        if self.number.value():
            p["number"] = self.number.value()
        for key, edit in (("recipients", self.recipients), ("signer", self.signer),
                          ("note", self.note)):
            if edit.text().strip():
                p[key] = edit.text().strip()
        return p

    def on_save_button_clicked(self) -> None:
        p = self.payload()
        if not (p["symbol"] and p["issuer"] and p["summary"]):
            self.error.setText(self.tr("Cần nhập số ký hiệu, cơ quan ban hành và trích yếu."))
            return
        self.error.clear()
        self.save_button.setEnabled(False)
        if self.editing is not None:
            fields = {k: v for k, v in p.items()
                      if k not in ("direction", "number", "registered_on")}
            if self.direction != "in":
                fields.pop("received_on", None)
            self._save_token = self._port.send_command(typed("registry.update", {
                "registry_id": self.editing, **fields}))
            return
        self._save_token = self._port.send_command(typed("registry.create", p))

    def on_port_command_finished(self, token: int, data: Any) -> None:
        if token == self._check_token:
            self._show_check(data)
        elif token == self._save_token:
            self._save_token = None
            self.save_button.setEnabled(True)
            if self.editing is not None:
                self.updated.emit(self.editing)
            else:
                self.registered.emit(dict(data))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token == self._save_token:
            self._save_token = None
            self.save_button.setEnabled(True)
            self.error.setText(message)

    def _show_check(self, data: dict[str, Any]) -> None:
        if data.get("number_taken"):
            self.number_hint.setText(self.tr("Số %1 đã được dùng trong sổ năm %2.")
                                     .replace("%1", str(self.number.value()))
                                     .replace("%2", str(data["year"])))
            self.number_hint.setStyleSheet("color: #b3261e")
        else:
            self.number_hint.setText(self.tr("Số tiếp theo của sổ năm %1: %2")
                                     .replace("%1", str(data["year"]))
                                     .replace("%2", str(data["next_number"])))
            self.number_hint.setStyleSheet("")
        dups = data.get("duplicates") or []
        if dups:
            d = dups[0]
            self.duplicate_warning.setText(self.tr(
                "Có thể trùng: văn bản %1 của %2 đã vào sổ ngày %3 (số %4).")
                .replace("%1", d["symbol"]).replace("%2", d["issuer"])
                .replace("%3", vn_date(d["registered_on"])).replace("%4", str(d["number"])))
            self.duplicate_warning.show()
        else:
            self.duplicate_warning.hide()
