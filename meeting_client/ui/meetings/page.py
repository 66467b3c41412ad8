"""The Họp page of the workspace: the meeting list, wired to the account."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from meeting_client.models.account import Account
from meeting_client.ui.meeting_list_page import MeetingListPage


class MeetingsPage(QWidget):
    """Today's meetings first; "Vào phòng họp" opens the room full screen.

    The list itself is the meeting list the terminal always had; this page
    connects it to the account and shows the account's errors on it.
    """

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._account = account
        self.list = MeetingListPage(account.meeting_list_model)
        self.list.sign_out_button.hide()  # the workspace's user menu signs out
        inner = self.list.layout()
        if inner is not None:  # the workspace already frames the page
            inner.setContentsMargins(0, 8, 0, 0)
        if account.me is not None:
            self.list.set_greeting(account.me.full_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.list.open_requested.connect(self._account.open_meeting)
        self.list.refresh_requested.connect(self._account.load_meetings)
        self._account.failed.connect(self.list.show_message)
        self._account.meetings_loaded.connect(self.on_account_meetings_loaded)

    def on_account_meetings_loaded(self) -> None:
        self.list.show_message("")
