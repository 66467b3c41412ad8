"""The top-level window: sign-in → workspace (meetings, administration…) → room, and the
hall window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from meeting_client.models.account import Account
from meeting_client.models.session import Me, MeetingSession
from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.hall_display import HallDisplay
from meeting_client.ui.look import icon
from meeting_client.ui.meeting_room import MeetingRoom
from meeting_client.ui.sign_in_page import SignInPage
from meeting_client.ui.workspace.shell import Workspace

DEFAULT_SERVER = "ws://127.0.0.1:8765/ws"


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """What the command line asked for; every field is optional."""

    server: str | None = None
    user: str | None = None
    password: str | None = None
    meeting: int | None = None
    hall: bool = False
    lang: str = "vi"
    kiosk: bool = False
    server_cert: str | None = None
    """The pinned copy of the server's certificate (``wss://``)."""


class MainWindow(QMainWindow):
    """Switches pages as the account signs in, lists meetings and opens one."""

    def __init__(self, account: Account, options: ClientOptions, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Họp thông minh"))
        self.setWindowIcon(icon("app"))
        self._account = account
        self._options = options
        self._settings = settings
        self._auto_open = options.meeting
        self._hall_picks = options.meeting is None
        """Until the first list: a hall screen (``--hall``, or a hall device account)
        without ``--meeting`` opens its meeting by itself."""
        self.room: MeetingRoom | None = None
        self.hall_window: HallDisplay | None = None
        self.sign_in = SignInPage()
        self.workspace = Workspace(account)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self.quit_action = QAction(self.tr("Thoát"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.addAction(self.quit_action)
        server = options.server or str(settings.value("server", DEFAULT_SERVER))
        self.sign_in.fill(server, options.user or "", options.password or "")
        self._connect_signals()

    def _connect_signals(self) -> None:
        a = self._account
        a.signed_in.connect(self.on_account_signed_in)
        a.sign_in_failed.connect(self.on_account_sign_in_failed)
        a.meetings_loaded.connect(self.on_account_meetings_loaded)
        a.meeting_opened.connect(self.on_account_meeting_opened)
        a.session_expired.connect(self.on_account_session_expired)
        self.sign_in.sign_in_requested.connect(self.on_sign_in_requested)
        self.workspace.ready.connect(self._account.load_meetings)
        self.workspace.sign_out_requested.connect(self.on_sign_out_requested)
        self.quit_action.triggered.connect(self.close)

    def start(self) -> None:
        """Sign in at once when the command line gave a user and a password."""
        if self._options.user and self._options.password is not None:
            self.sign_in.on_submit_clicked()

    # --- account -------------------------------------------------------------------

    def on_sign_in_requested(self, url: str, username: str, password: str) -> None:
        self._settings.setValue("server", url)
        self.sign_in.set_busy(True)
        self._account.sign_in(url, username, password)

    def on_account_signed_in(self, me: Me) -> None:
        self.sign_in.set_busy(False)
        self.sign_in.password.clear()
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.enter(me)  # loads the meetings once the user may work

    def on_account_sign_in_failed(self, code: str, message: str) -> None:
        self.sign_in.set_busy(False)
        self.stack.setCurrentWidget(self.sign_in)
        self.sign_in.show_failure(code, message)

    def on_account_meetings_loaded(self) -> None:
        if self._hall_picks and (self._options.hall or self._account.is_hall_device()):
            self._auto_open = self._account.hall_meeting()
        self._hall_picks = False
        if self._auto_open is not None:
            meeting_id, self._auto_open = self._auto_open, None
            self._account.open_meeting(meeting_id)

    def on_account_meeting_opened(self, session: MeetingSession) -> None:
        self._drop_room()
        self.room = MeetingRoom(session, hall=self._options.hall)
        if isinstance(self.room.body, ChairConsole):
            self.room.body.hall_window_requested.connect(self.on_chair_hall_window_requested)
        self.stack.addWidget(self.room)
        self.stack.setCurrentWidget(self.room)
        if session.snapshot is not None:
            self.setWindowTitle(self.tr("Họp thông minh — %1").replace(
                "%1", session.snapshot.meeting.title))

    def on_account_session_expired(self, message: str) -> None:
        self._drop_room()
        self.sign_in.set_busy(False)
        self.sign_in.show_message(message, "warn")
        self.stack.setCurrentWidget(self.sign_in)

    def on_sign_out_requested(self) -> None:
        self._drop_room()
        self._account.sign_out()
        self.stack.setCurrentWidget(self.sign_in)

    def _drop_room(self) -> None:
        if self.hall_window is not None:
            self.hall_window.close()
            self.hall_window.deleteLater()
            self.hall_window = None
        if self.room is not None:
            self.stack.removeWidget(self.room)
            self.room.deleteLater()
            self.room = None

    # --- the hall screen on the chair's computer ------------------------------------

    def on_chair_hall_window_requested(self) -> None:
        """Show the hall display full screen on a second screen (or a window here)."""
        if self.room is None:
            return
        if self.hall_window is None:
            documents = self.room.documents.center if self.room.documents else None
            self.hall_window = HallDisplay(self.room.session, documents=documents)
            self.hall_window.setWindowTitle(self.tr("Màn hình hội trường"))
            self.hall_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        screens = QGuiApplication.screens()
        here = self.screen()
        other = next((s for s in screens if s is not here), None)
        if other is not None:
            self.hall_window.setGeometry(other.geometry())
            self.hall_window.showFullScreen()
        else:
            self.hall_window.resize(1280, 720)
            self.hall_window.show()
        self.hall_window.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hall_window is not None:
            self.hall_window.close()
        super().closeEvent(event)
