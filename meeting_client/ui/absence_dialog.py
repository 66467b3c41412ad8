"""The clerk records why a delegate is absent (attendance.set_absence)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from meeting_client.ui.look import label, plain_buttons


class AbsenceDialog(QDialog):
    """One line of reason; empty means absent without a reason given."""

    def __init__(self, name: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ghi nhận vắng mặt"))
        self.setMinimumWidth(520)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(self.tr("Ví dụ: Đi công tác, ốm, việc gia đình"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ghi nhận"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        plain_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Đại biểu: %1").replace("%1", name), "panelSubtitle"))
        layout.addWidget(label(self.tr("Lý do vắng mặt"), ""))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.reason.text().strip()
