"""One directive: what, who, until when, its whole history, and the actions the user may
take (the server decides; buttons only follow what it would allow)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.models.directives import (
    DirectivesStore,
    history_label,
    status_label,
    vn_date,
)
from meeting_client.models.session import Me
from meeting_client.sync.attachments import decode_attachments
from meeting_client.ui.attachments.box import AttachmentBox, AttachmentsDialog

TOUCH = 44
"""Least height of a button, in pixels, for a finger."""


class DirectiveDetail(QWidget):
    """The open directive; empty until one is chosen."""

    def __init__(self, store: DirectivesStore, me: Me, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.me = me
        self.title = QLabel(self.tr("Chọn một chỉ đạo trong danh sách."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.facts = QFormLayout()
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setSpacing(4)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Nội dung báo cáo, ý kiến…"))
        self.new_deadline = QDateEdit()
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("dd/MM/yyyy")
        self.report_button = self._button(self.tr("Báo cáo tiến độ"))
        self.submit_button = self._button(self.tr("Gửi báo cáo hoàn thành"))
        self.return_button = self._button(self.tr("Trả lại"))
        self.complete_button = self._button(self.tr("Xác nhận hoàn thành"))
        self.extend_button = self._button(self.tr("Xin gia hạn"))
        self.grant_button = self._button(self.tr("Đồng ý gia hạn"))
        self.refuse_button = self._button(self.tr("Không đồng ý"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.attachments = AttachmentsCenter(store.port, parent=self)
        self.attach_box = AttachmentBox(self.attachments)
        self._build()
        self._connect_signals()
        self.show_directive(None)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH)
        return button

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        actions = QGroupBox(self.tr("Thao tác"))
        form = QFormLayout(actions)
        form.addRow(self.tr("Tiến độ"), self.percent)
        form.addRow(self.tr("Ghi chú"), self.note)
        form.addRow(self.tr("Tệp kèm báo cáo"), self.attach_box)
        grid = QGridLayout()  # two columns: narrow enough to leave the list its room
        for n, b in enumerate((self.report_button, self.submit_button, self.return_button,
                               self.complete_button)):
            grid.addWidget(b, n // 2, n % 2)
        form.addRow(grid)
        form.addRow(self.tr("Hạn mới"), self.new_deadline)
        ext = QHBoxLayout()
        for b in (self.extend_button, self.grant_button, self.refuse_button):
            ext.addWidget(b)
        form.addRow(ext)
        layout.addWidget(actions)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Quá trình xử lý")))
        layout.addWidget(self.history, 1)

    def _connect_signals(self) -> None:
        self.store.detail_loaded.connect(self.show_directive)
        self.store.failed.connect(self.on_store_failed)
        self.store.succeeded.connect(self.on_store_succeeded)
        self.report_button.clicked.connect(self.on_report_clicked)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.return_button.clicked.connect(self.on_return_clicked)
        self.complete_button.clicked.connect(self.on_complete_clicked)
        self.extend_button.clicked.connect(self.on_extend_clicked)
        self.grant_button.clicked.connect(self.on_grant_clicked)
        self.refuse_button.clicked.connect(self.on_refuse_clicked)
        self.history.itemDoubleClicked.connect(self.on_history_double_clicked)

    # --- showing ------------------------------------------------------------------------

    def _pending_extension(self, d: dict[str, Any]) -> dict[str, Any] | None:
        return next((e for e in d.get("extensions", []) if e.get("decision") is None), None)

    def show_directive(self, d: dict[str, Any] | None) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.history.clear()
        self.message.clear()
        buttons = (self.report_button, self.submit_button, self.return_button,
                   self.complete_button, self.extend_button, self.grant_button,
                   self.refuse_button)
        if not d:
            for b in buttons:
                b.setEnabled(False)
            return
        self.title.setText(d["content"])
        store = self.store
        status = status_label(d["status"])
        if d.get("overdue"):
            status += self.tr(" — quá hạn")
        if d.get("on_time") is not None:
            status += self.tr(" (đúng hạn)") if d["on_time"] else self.tr(" (quá hạn)")
        facts = [
            (self.tr("Trạng thái"), status),
            (self.tr("Hạn xử lý"), vn_date(d.get("deadline")) or self.tr("Không hạn")),
            (self.tr("Đơn vị chủ trì"), store.units.get(d.get("assignee_unit_id") or 0, "")),
            (self.tr("Người được giao"), store.users.get(d.get("assignee_id") or 0, "")),
            (self.tr("Người giao"), store.users.get(d["issued_by"], "")),
            (self.tr("Tiến độ"), f"{d.get('percent', 0)}%"),
        ]
        for part in d.get("coordinating", []):
            facts.append((self.tr("Phối hợp"),
                          f"{store.units.get(part['unit_id'], '')}: {part['part']} "
                          f"({part['percent']}%)"))
        for taken in d.get("on_agenda", []):
            facts.append((self.tr("Đưa vào chương trình họp"), self.tr(
                "%1 — nội dung số %2").replace("%1", taken["title"]).replace(
                "%2", str(taken["position"]))))
        for label, value in facts:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, text)
        for h in d.get("history", []):
            who = store.users.get(h.get("by") or 0, self.tr("Hệ thống"))
            line = f"{vn_date(h['at'])} · {history_label(h['kind'])} · {who}"
            if h.get("percent") is not None:
                line += f" · {h['percent']}%"
            if h.get("deadline_to") and h["kind"].startswith("extend"):
                line += self.tr(" · hạn {0}").format(vn_date(h["deadline_to"]))
            if h.get("note"):
                line += f"\n{h['note']}"
            files = decode_attachments(h.get("attachments"))
            line += "".join(f"\n• {f.filename}" for f in files)
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, files)
            self.history.addItem(item)
        done = d["status"] == "completed"
        mine = d.get("assignee_id") == self.me.id or (
            self.me.unit_id is not None and d.get("assignee_unit_id") == self.me.unit_id)
        decides = d["issued_by"] == self.me.id or bool(
            {"admin", "leader", "office"} & set(self.me.roles))
        pending = self._pending_extension(d)
        self.percent.setValue(int(d.get("percent") or 0))
        self.report_button.setEnabled(mine and not done)
        self.submit_button.setEnabled(mine and not done)
        self.extend_button.setEnabled(mine and not done and pending is None)
        self.return_button.setEnabled(decides and d["status"] == "reported")
        self.complete_button.setEnabled(decides and not done)
        self.grant_button.setEnabled(decides and pending is not None and not done)
        self.refuse_button.setEnabled(decides and pending is not None and not done)
        start = QDate.fromString(d.get("deadline") or "", "yyyy-MM-dd")
        self.new_deadline.setDate((start if start.isValid() else QDate.currentDate())
                                  .addDays(7))

    # --- actions ------------------------------------------------------------------------

    def on_report_clicked(self) -> None:
        self.store.report("in_progress", self.percent.value(), self.note.text().strip(),
                          self.attach_box.ids())

    def on_submit_clicked(self) -> None:
        self.store.report("reported", self.percent.value(), self.note.text().strip(),
                          self.attach_box.ids())

    def on_history_double_clicked(self, item: QListWidgetItem) -> None:
        """A step with files (a report's): list them to read."""
        files = item.data(Qt.ItemDataRole.UserRole)
        if files:
            AttachmentsDialog(self.attachments, list(files), self).show()

    def on_return_clicked(self) -> None:
        self.store.give_back(self.note.text().strip())

    def on_complete_clicked(self) -> None:
        self.store.complete(self.note.text().strip())

    def on_extend_clicked(self) -> None:
        self.store.request_extension(self.new_deadline.date().toString("yyyy-MM-dd"),
                                     self.note.text().strip())

    def _decide(self, granted: bool) -> None:
        pending = self._pending_extension(self.store.current or {})
        if pending is not None:
            self.store.decide_extension(int(pending["extension_id"]), granted,
                                        self.note.text().strip())

    def on_grant_clicked(self) -> None:
        self._decide(True)

    def on_refuse_clicked(self) -> None:
        self._decide(False)

    def on_store_failed(self, _kind: str, message: str) -> None:
        self.message.setText(message)

    def on_store_succeeded(self, _kind: str, _data: object) -> None:
        self.note.clear()
        self.attach_box.clear()
