"""Create or edit a person: name, unit, position, roles (and for a new one: password)."""

from __future__ import annotations

import re
import secrets
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from meeting_client.models.org import (
    GLOBAL_ROLES,
    OrgDirectory,
    UserRow,
    global_role_label,
    indented_units,
)
from meeting_client.models.password import MIN_PASSWORD
from meeting_client.ui.admin.frame import framed_form

USERNAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
POSITIONS = ("Chủ tịch", "Phó Chủ tịch", "Chánh Văn phòng", "Phó Chánh Văn phòng",
             "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Đại biểu HĐND thành phố")
TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class UserDialog(QDialog):
    """Stays open until the server accepts; its errors are shown here."""

    submitted = Signal(dict)
    """The command's fields (``org.user.create``, or the changes for ``org.user.update``)."""

    def __init__(self, directory: OrgDirectory, user: UserRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.user = user
        self.setWindowTitle(self.tr("Sửa người dùng") if user else self.tr("Thêm người dùng"))
        self.setMinimumWidth(620)
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)  # a user name never changes
        self.full_name = QLineEdit(user.full_name if user else "")
        self.unit = QComboBox()
        scope = directory.scope()
        if scope is None:
            self.unit.addItem(self.tr("(Không thuộc đơn vị nào)"), None)
        for unit_id, name in indented_units(directory.units, scope):
            self.unit.addItem(name, unit_id)
        if user is not None:
            at = self.unit.findData(user.unit_id)
            self.unit.setCurrentIndex(max(at, 0))
        self.position = QComboBox()
        self.position.setEditable(True)
        self.position.addItems(list(POSITIONS))
        self.position.setCurrentText(user.position or "" if user else "")
        self.roles: dict[str, QCheckBox] = {}
        roles_row = QHBoxLayout()
        roles_row.setSpacing(20)
        for role in GLOBAL_ROLES:
            box = QCheckBox(global_role_label(role))
            box.setChecked(bool(user and role in user.roles))
            box.setEnabled(role != "admin" or directory.is_admin)
            self.roles[role] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.email = QLineEdit(user.email or "" if user else "")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ và tên"), self.full_name)
        form.addRow(self.tr("Đơn vị"), self.unit)
        form.addRow(self.tr("Chức vụ"), self.position)
        form.addRow(self.tr("Vai trò"), roles_row)
        form.addRow(self.tr("Email"), self.email)
        self.password = QLineEdit()
        self.must_change = QCheckBox(self.tr("Bắt buộc đổi mật khẩu khi đăng nhập lần đầu"))
        self.must_change.setChecked(True)
        self.generate_button = QPushButton(self.tr("Tạo mật khẩu tạm"))
        if user is None:
            pw_row = QHBoxLayout()
            pw_row.addWidget(self.password, 1)
            pw_row.addWidget(self.generate_button)
            form.addRow(self.tr("Mật khẩu"), pw_row)
            form.addRow("", self.must_change)
        self.message, self.ok_button, self.cancel_button = framed_form(
            self, form, ok_text=self.tr("Lưu"), cancel_text=self.tr("Hủy"))
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.generate_button.clicked.connect(self.on_generate_clicked)

    def on_generate_clicked(self) -> None:
        self.password.setText("".join(secrets.choice(TEMP_ALPHABET) for _ in range(10)))

    def problem(self) -> str:
        if self.user is None and not USERNAME.match(self.username.text().strip()):
            return self.tr("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang "
                           "hoặc gạch dưới.")
        if not self.full_name.text().strip():
            return self.tr("Hãy nhập họ và tên.")
        if self.user is None and len(self.password.text()) < MIN_PASSWORD:
            return self.tr("Mật khẩu phải có ít nhất %1 ký tự.").replace("%1",
                                                                          str(MIN_PASSWORD))
        return ""

    def fields(self) -> dict[str, Any]:
        roles = [r for r, box in self.roles.items() if box.isChecked()]
        fields: dict[str, Any] = {
            "full_name": self.full_name.text().strip(),
            "unit_id": self.unit.currentData(),
            "position": self.position.currentText().strip() or None,
            "roles": roles,
            "email": self.email.text().strip() or None,
        }
        if self.user is None:
            fields["username"] = self.username.text().strip()
            fields["password"] = self.password.text()
            fields["must_change_password"] = self.must_change.isChecked()
            return {k: v for k, v in fields.items() if v is not None}
        before = {"full_name": self.user.full_name, "unit_id": self.user.unit_id,
                  "position": self.user.position, "roles": list(self.user.roles),
                  "email": self.user.email}
        return {k: v for k, v in fields.items() if v != before[k]}

    def on_ok_clicked(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
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
