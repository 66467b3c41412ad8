"""Changing one's own password: checks a person can be told before anything is sent."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from meeting_client.models.port import CommandPort
from meeting_protocol.org import AuthChangePassword

MIN_PASSWORD = 8
"""As the server's rule (meeting_protocol.org.MIN_PASSWORD)."""


class PasswordChange(QObject):
    """Sends ``auth.change_password`` once the new password is acceptable."""

    succeeded = Signal()
    failed = Signal(str)
    """(Vietnamese sentence) — from the checks here or from the server."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._token: int | None = None
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    @property
    def busy(self) -> bool:
        return self._token is not None

    def problem(self, old: str, new: str, again: str) -> str:
        """Why these passwords cannot be sent ("" when they can)."""
        if not old:
            return self.tr("Hãy nhập mật khẩu hiện tại.")
        if len(new) < MIN_PASSWORD:
            return self.tr("Mật khẩu mới phải có ít nhất %1 ký tự.").replace(
                "%1", str(MIN_PASSWORD))
        if new != again:
            return self.tr("Hai lần nhập mật khẩu mới không khớp nhau.")
        if new == old:
            return self.tr("Mật khẩu mới phải khác mật khẩu hiện tại.")
        return ""

    def submit(self, old: str, new: str, again: str) -> bool:
        """Send the change if the passwords pass the checks; False (and ``failed``) if not."""
        problem = self.problem(old, new, again)
        if problem:
            self.failed.emit(problem)
            return False
        if self.busy:
            return False
        self._token = self._port.send_command(
            AuthChangePassword(old_password=old, new_password=new))
        return True

    def on_port_command_finished(self, token: int, _data: object) -> None:
        if token == self._token:
            self._token = None
            self.succeeded.emit()

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token == self._token:
            self._token = None
            self.failed.emit(message)
