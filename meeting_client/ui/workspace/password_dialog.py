"""Change one's password; in the forced form (first sign-in) the only way out is signing out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.password import PasswordChange
from meeting_client.ui.look import label


class PasswordDialog(QDialog):
    """Current password, new password twice; errors shown in the dialog in Vietnamese."""

    sign_out_requested = Signal()
    """Forced form only: the user would rather sign out than choose a password now."""

    def __init__(self, change: PasswordChange, *, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Đổi mật khẩu"))
        self.setModal(True)
        self.setMinimumWidth(520)
        self._change = change
        self.forced = forced
        self.intro = label(
            self.tr("Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới của riêng bạn "
                    "để tiếp tục.") if forced else
            self.tr("Mật khẩu mới cần ít nhất 8 ký tự. Các phiên đăng nhập khác của bạn "
                    "sẽ kết thúc."), "muted")
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setObjectName("oldPassword")
        self.new.setObjectName("newPassword")
        self.again.setObjectName("againPassword")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Mật khẩu hiện tại"), self.old)
        form.addRow(self.tr("Mật khẩu mới"), self.new)
        form.addRow(self.tr("Nhập lại mật khẩu mới"), self.again)
        self.message = label("", "warnText")
        self.message.hide()
        self.ok_button = QPushButton(self.tr("Đổi mật khẩu"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Đăng xuất") if forced else self.tr("Hủy"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.setSpacing(14)
        layout.addWidget(label(self.tr("Đổi mật khẩu"), "panelTitle"))
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self._change.succeeded.connect(self.on_change_succeeded)
        self._change.failed.connect(self.on_change_failed)

    def on_ok_clicked(self) -> None:
        self.message.hide()
        if self._change.submit(self.old.text(), self.new.text(), self.again.text()):
            self.ok_button.setEnabled(False)

    def on_cancel_clicked(self) -> None:
        self.reject()

    def reject(self) -> None:
        """Escape in the forced form signs out too: there is no way around the change."""
        if self.forced and not self._change.busy:
            self.sign_out_requested.emit()
        super().reject()

    def on_change_succeeded(self) -> None:
        self.accept()

    def on_change_failed(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(message)
        self.message.show()
