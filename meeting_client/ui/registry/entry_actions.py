"""What a registered document can become in one action: a directive (its source is the
document) or an item on a meeting's agenda (linked both ways); and the period of the
register to print. Small dialogs: they only gather fields, the entry page sends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

OPEN_MEETINGS = ("draft", "scheduled", "running")
"""Meetings whose agenda can still take an item."""


def date_edit(day: QDate | None = None) -> QDateEdit:
    """A date field as the registry's screens show dates (dd/MM/yyyy, calendar popup)."""
    edit = QDateEdit(day if day is not None else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b42318")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)


class DirectiveDialog(_Form):
    """"Giao thành chỉ đạo": the content (the document's summary to start with), the lead
    unit and the deadline (the routing deadline when there is one)."""

    def __init__(self, entry: dict[str, Any], units: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Giao thành chỉ đạo"), parent)
        self.content = QPlainTextEdit(f"{entry['doc_type']} {entry['symbol']}: "
                                      f"{entry['summary']}")
        self.unit = QComboBox()
        self.unit.addItem(self.tr("(chọn đơn vị chủ trì)"), None)
        for u in units:
            self.unit.addItem(u["name"], int(u["id"]))
        due = QDate.fromString(entry.get("deadline") or "", "yyyy-MM-dd")
        self.deadline = date_edit(due if due.isValid() else QDate.currentDate().addDays(7))
        self.form.addRow(self.tr("Nội dung chỉ đạo"), self.content)
        self.form.addRow(self.tr("Đơn vị chủ trì"), self.unit)
        self.form.addRow(self.tr("Hạn hoàn thành"), self.deadline)
        self.registry_id = int(entry["registry_id"])

    def accept(self) -> None:
        if not self.content.toPlainText().strip() or self.unit.currentData() is None:
            self.problem.setText(self.tr("Hãy nhập nội dung và chọn đơn vị chủ trì."))
            return
        super().accept()

    def payload(self) -> dict[str, Any]:
        return {"content": self.content.toPlainText().strip(),
                "deadline": self.deadline.date().toString("yyyy-MM-dd"),
                "assignee_unit_id": self.unit.currentData(),
                "source": {"registry_id": self.registry_id}}


class AgendaDialog(_Form):
    """"Đưa vào chương trình họp": a meeting still being prepared or under way, and the
    item's title (the document's type and summary to start with)."""

    def __init__(self, entry: dict[str, Any], meetings: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đưa vào chương trình họp"), parent)
        self.meeting = QComboBox()
        for m in meetings:
            if m.get("status") in OPEN_MEETINGS:
                day = QDate.fromString((m.get("starts_at") or "")[:10], "yyyy-MM-dd")
                self.meeting.addItem(f"{day.toString('dd/MM/yyyy')} — {m['title']}",
                                     int(m["id"]))
        self.title = QPlainTextEdit(f"{entry['doc_type']} {entry['symbol']}: "
                                    f"{entry['summary']}")
        self.form.addRow(self.tr("Cuộc họp"), self.meeting)
        self.form.addRow(self.tr("Nội dung mục"), self.title)
        if self.meeting.count() == 0:
            self.problem.setText(self.tr("Không có cuộc họp nào đang chuẩn bị."))

    def accept(self) -> None:
        if self.meeting.currentData() is None or not self.title.toPlainText().strip():
            self.problem.setText(self.tr("Hãy chọn cuộc họp và nhập nội dung mục."))
            return
        super().accept()

    def meeting_id(self) -> int:
        return int(self.meeting.currentData())

    def item_title(self) -> str:
        return " ".join(self.title.toPlainText().split())[:500]


class PrintRangeDialog(_Form):
    """"In sổ": the period of the bound book (from the first of January to today)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("In sổ văn bản"), parent)
        today = QDate.currentDate()
        self.date_from = date_edit(QDate(today.year(), 1, 1))
        self.date_to = date_edit(today)
        self.form.addRow(self.tr("Từ ngày"), self.date_from)
        self.form.addRow(self.tr("Đến ngày"), self.date_to)

    def accept(self) -> None:
        if self.date_from.date() > self.date_to.date():
            self.problem.setText(self.tr("Ngày bắt đầu phải trước ngày kết thúc."))
            return
        super().accept()

    def period(self) -> tuple[str, str]:
        return (self.date_from.date().toString("yyyy-MM-dd"),
                self.date_to.date().toString("yyyy-MM-dd"))
