"""Create a unit, or rename, recode and move one (to another parent)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from meeting_client.models.org import OrgDirectory, UnitRow, indented_units, subtree
from meeting_client.ui.admin.frame import framed_form


class UnitDialog(QDialog):
    """Name, code and parent; a unit cannot be moved under itself (not offered)."""

    submitted = Signal(dict)

    def __init__(self, directory: OrgDirectory, unit: UnitRow | None = None,
                 parent_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.unit = unit
        self.setWindowTitle(self.tr("Sửa đơn vị") if unit else self.tr("Thêm đơn vị"))
        self.setMinimumWidth(560)
        self.name = QLineEdit(unit.name if unit else "")
        self.code = QLineEdit(unit.code or "" if unit else "")
        self.parent_unit = QComboBox()
        self.parent_unit.addItem(self.tr("(Cấp cao nhất)"), None)
        excluded = subtree(directory.units, unit.id) if unit else set()
        for unit_id, name in indented_units(directory.units):
            if unit_id not in excluded:
                self.parent_unit.addItem(name, unit_id)
        chosen = unit.parent_id if unit else parent_id
        self.parent_unit.setCurrentIndex(max(self.parent_unit.findData(chosen), 0))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Tên đơn vị"), self.name)
        form.addRow(self.tr("Mã"), self.code)
        form.addRow(self.tr("Trực thuộc"), self.parent_unit)
        self.message, self.ok_button, self.cancel_button = framed_form(
            self, form, ok_text=self.tr("Lưu"), cancel_text=self.tr("Hủy"))
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"name": self.name.text().strip(),
                                  "code": self.code.text().strip() or None,
                                  "parent_id": self.parent_unit.currentData()}
        if self.unit is None:
            return fields
        before = {"name": self.unit.name, "code": self.unit.code,
                  "parent_id": self.unit.parent_id}
        return {k: v for k, v in fields.items() if v != before[k]}

    def on_ok_clicked(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Hãy nhập tên đơn vị."))
            return
        fields = self.fields()
        if not fields:
            self.accept()
            return
        self.ok_button.setEnabled(False)
        self.message.hide()
        self.submitted.emit(fields)

    def show_error(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(message)
        self.message.show()
