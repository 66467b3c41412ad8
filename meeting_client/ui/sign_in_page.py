"""Sign-in: server address (remembered), user name, password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLineEdit, QPushButton, QVBoxLayout, QWidget

from meeting_client.ui.look import label, set_state

NETWORK_CODES = frozenset({"not_connected", "unreachable", "untrusted_server",
                           "bad_server_cert_file"})
"""Failures that say nothing about the password: it is kept."""


class SignInPage(QWidget):
    """A centred card; the window decides what signing in means."""

    sign_in_requested = Signal(str, str, str)
    """(server url, user name, password)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPage")
        card = QFrame()
        card.setObjectName("signInCard")
        card.setMinimumWidth(560)
        card.setMaximumWidth(640)
        self.server = QLineEdit()
        self.server.setPlaceholderText("ws://127.0.0.1:8765/ws")
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Ví dụ: d001"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = label("", "signInMessage")
        self.message.hide()
        self.submit_button = QPushButton(self.tr("Đăng nhập"))
        self.submit_button.setObjectName("primary")
        self.submit_button.setDefault(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Địa chỉ máy chủ"), self.server)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(40, 32, 40, 32)
        card_layout.setSpacing(16)
        card_layout.addWidget(label(self.tr("Họp thông minh"), "appTitle"))
        card_layout.addWidget(label(self.tr("Đăng nhập để vào phòng họp"), "muted"))
        card_layout.addLayout(form)
        card_layout.addWidget(self.message)
        card_layout.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._connect_signals()
        self.on_field_changed()

    def _connect_signals(self) -> None:
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.password.returnPressed.connect(self.on_submit_clicked)
        self.username.returnPressed.connect(self.password.setFocus)
        for field in (self.server, self.username):
            field.textChanged.connect(self.on_field_changed)

    def fill(self, server: str, username: str = "", password: str = "") -> None:
        self.server.setText(server)
        if username:
            self.username.setText(username)
        if password:
            self.password.setText(password)

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setText(self.tr("Đang đăng nhập…") if busy
                                   else self.tr("Đăng nhập"))
        for w in (self.server, self.username, self.password):
            w.setEnabled(not busy)
        self.on_field_changed()
        self.submit_button.setEnabled(self.submit_button.isEnabled() and not busy)

    def show_message(self, text: str, kind: str = "error") -> None:
        self.message.setText(text)
        set_state(self.message, kind)
        self.message.setVisible(bool(text))

    def focus_first_empty(self) -> None:
        """The cursor where typing starts: the server and the name are usually remembered,
        so most of the time that is the password."""
        for field in (self.server, self.username, self.password):
            if not field.text().strip():
                field.setFocus()
                return
        self.password.setFocus()

    def show_failure(self, code: str, message: str) -> None:
        """Say why; a refused password is cleared so that it is typed afresh."""
        self.show_message(message)
        if code not in NETWORK_CODES:
            self.password.clear()
        self.focus_first_empty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_first_empty()

    def on_field_changed(self, *_args: object) -> None:
        self.submit_button.setEnabled(bool(self.server.text().strip()
                                           and self.username.text().strip()))

    def on_submit_clicked(self) -> None:
        if not self.submit_button.isEnabled():
            return
        self.show_message("")
        self.sign_in_requested.emit(self.server.text().strip(), self.username.text().strip(),
                                    self.password.text())
