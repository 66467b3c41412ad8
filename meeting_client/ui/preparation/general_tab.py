"""The meeting's general fields: title, kind, presiding body, times, room, rules."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.labels import majority_label, parse_time
from meeting_client.models.preparation import (
    KINDS,
    MAJORITIES,
    QUORUM_RULES,
    kind_label,
    quorum_rule_label,
)


def local_iso(value: QDateTime) -> str:
    """A QDateTimeEdit's local time as ISO 8601 with this computer's offset."""
    moment: datetime = value.toPython()  # type: ignore[assignment]
    return moment.astimezone().isoformat(timespec="minutes")


def to_qdatetime(text: str | None, fallback: datetime) -> QDateTime:
    moment = parse_time(text) or fallback
    return QDateTime(moment.astimezone().replace(tzinfo=None))


def combo(values: tuple[str, ...], label: Any) -> QComboBox:
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for value in values:
        box.addItem(label(value), value)
    return box


class GeneralTab(QWidget):
    """Edits the general fields; ``save_requested`` carries only what changed."""

    save_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: dict[str, Any] = {}
        self.title = QLineEdit()
        self.title.setObjectName("meetingTitle")
        self.title.setPlaceholderText(self.tr("Ví dụ: Kỳ họp thứ Tư, HĐND thành phố khóa XV"))
        self.kind = combo(KINDS, kind_label)
        self.body = QLineEdit()
        self.body.setPlaceholderText(self.tr("Ví dụ: HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"))
        self.starts = QDateTimeEdit()
        self.starts.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.starts.setCalendarPopup(True)
        self.ends = QDateTimeEdit()
        self.ends.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.ends.setCalendarPopup(True)
        self.location = QLineEdit()
        self.quorum_rule = combo(QUORUM_RULES, quorum_rule_label)
        self.majority = combo(MAJORITIES, majority_label)
        self.save_button = QPushButton(self.tr("Lưu thông tin chung"))
        self.save_button.setObjectName("primary")
        form = QFormLayout()
        form.addRow(self.tr("Tên cuộc họp"), self.title)
        form.addRow(self.tr("Loại cuộc họp"), self.kind)
        form.addRow(self.tr("Cơ quan chủ trì"), self.body)
        form.addRow(self.tr("Bắt đầu"), self.starts)
        form.addRow(self.tr("Dự kiến kết thúc"), self.ends)
        form.addRow(self.tr("Địa điểm"), self.location)
        form.addRow(self.tr("Số lượng tối thiểu có mặt"), self.quorum_rule)
        form.addRow(self.tr("Biểu quyết thông qua"), self.majority)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.on_save_clicked)

    def load(self, meeting: dict[str, Any]) -> None:
        start = parse_time(meeting.get("starts_at")) or datetime.now().astimezone()
        self.title.setText(meeting.get("title", ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.get("kind"))))
        self.body.setText(meeting.get("body") or "")
        self.starts.setDateTime(to_qdatetime(meeting.get("starts_at"), start))
        self.ends.setDateTime(to_qdatetime(meeting.get("ends_at"), start + timedelta(hours=3)))
        self.location.setText(meeting.get("location") or "")
        self.quorum_rule.setCurrentIndex(max(0, self.quorum_rule.findData(
            meeting.get("quorum_rule"))))
        self.majority.setCurrentIndex(max(0, self.majority.findData(meeting.get("majority"))))
        editable = meeting.get("status") in ("draft", "scheduled", "in_progress")
        self.setEnabled(editable)
        self._loaded = self.values()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(), "kind": self.kind.currentData(),
            "body": self.body.text().strip(), "starts_at": local_iso(self.starts.dateTime()),
            "ends_at": local_iso(self.ends.dateTime()), "location": self.location.text().strip(),
            "quorum_rule": self.quorum_rule.currentData(),
            "majority": self.majority.currentData(),
        }

    def on_save_clicked(self) -> None:
        now = self.values()
        changed = {k: v for k, v in now.items() if self._loaded.get(k) != v}
        if "starts_at" in changed or "ends_at" in changed:
            changed["ends_at"] = now["ends_at"]
        if changed:
            self.save_requested.emit(changed)
