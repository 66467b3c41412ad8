"""One open meeting: banner, header, notices, and the body for the user's role."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from meeting_client.models.document_model import DocumentCenter, DocumentListModel
from meeting_client.models.session import MeetingSession
from meeting_client.ui.agenda_panel import AgendaPanel
from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.clerk_view import ClerkView
from meeting_client.ui.connection_banner import ConnectionBanner
from meeting_client.ui.delegate_room import DelegateRoom
from meeting_client.ui.hall_display import HallDisplay
from meeting_client.ui.look import only_current_counts
from meeting_client.ui.minutes_editor import MinutesEditor
from meeting_client.ui.notice_bar import NoticeBar
from meeting_client.ui.reader.documents_page import DocumentsPage
from meeting_client.ui.room_header import RoomHeader
from meeting_protocol.roles import HALL
from meeting_protocol.state import Snapshot


class MeetingRoom(QWidget):
    """Chair console, clerk view, hall display or delegate room, by role and mode."""

    def __init__(self, session: MeetingSession, *, hall: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        hall = hall or session.role == HALL  # a hall device account always shows the hall
        self.setObjectName("meetingRoom")
        self.session = session
        self._documents_started = False
        self._joining = False
        self._presentation_seen = False
        self.banner = ConnectionBanner()
        self.notices = NoticeBar()
        self.header = RoomHeader(session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.banner)
        self.body: QWidget
        if hall:
            self.header.hide()
            submit = getattr(session.port, "submit", None)
            center = (DocumentCenter(submit, session.meeting_id, parent=self)
                      if callable(submit) else None)  # the presented paper's pages
            self.body = HallDisplay(session, documents=center)
            layout.setContentsMargins(0, 0, 0, 0)
        elif session.is_chair:
            self.body = ChairConsole(session)
        elif session.is_clerk:
            self.body = ClerkView(session)
        else:
            self.body = DelegateRoom(session)
        layout.addWidget(self.header)
        layout.addWidget(self.notices)
        self.documents: DocumentsPage | None = None
        if hall or not session.port.carries_documents:  # the hall, or a recording port
            layout.addWidget(self.body, 1)
        else:
            self._add_documents(layout)
        self._connect_signals()
        self.banner.on_session_connection_state_changed(session.connection_state)

    def _add_documents(self, layout: QVBoxLayout) -> None:
        """The meeting's papers: a page beside the room, reached by one button."""
        session = self.session
        self.documents = DocumentsPage(session.port, session.meeting_id,
                                       session.me.id, can_present=session.is_chair,
                                       can_upload=session.is_chair or session.is_clerk,
                                       can_name_presenter=session.is_chair)
        self.documents_button = QPushButton(self.tr("Tài liệu kỳ họp"))
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.setCheckable(True)
        self.documents_button.setMinimumHeight(44)
        self.item_documents = DocumentListModel(self)
        row = QHBoxLayout()
        row.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.body)
        self.stack.addWidget(self.documents)
        if session.is_chair:  # the clerk has the editor in a tab of the clerk view
            self._add_minutes(row)
        only_current_counts(self.stack)
        row.addWidget(self.documents_button)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        agenda = getattr(self.body, "agenda", None)
        if isinstance(agenda, AgendaPanel):
            agenda.attach_documents(self.item_documents, self.on_agenda_document_clicked)

    def _add_minutes(self, row: QHBoxLayout) -> None:
        """The chair's page for the minutes: reads the draft, writes the conclusions.

        A page of its own, not a tab of the console: the editor and its live PDF
        preview need the whole width. Built on first use (it loads and renders).
        """
        self.minutes: MinutesEditor | None = None
        self.minutes_button = QPushButton(self.tr("Biên bản"))
        self.minutes_button.setObjectName("documentsButton")
        self.minutes_button.setCheckable(True)
        self.minutes_button.setMinimumHeight(44)
        self._minutes_page = QWidget()
        page_layout = QVBoxLayout(self._minutes_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self._minutes_page)
        row.addWidget(self.minutes_button)

    def _connect_signals(self) -> None:
        self.session.connection_state_changed.connect(
            self.banner.on_session_connection_state_changed)
        self.session.notice.connect(self.notices.on_notice)
        if self.documents is not None:
            self.session.snapshot_changed.connect(self.on_session_snapshot_changed)
            self.documents.center.documents_changed.connect(self.item_documents.set_documents)
            self.documents.center.prefetched.connect(self.on_documents_prefetched)
            self.documents.follow.open_requested.connect(self.on_follow_open_requested)
            self.documents.notice.connect(self.notices.on_notice)
            self.documents.center.elsewhere.connect(self.on_signed_in_elsewhere)
            self.documents_button.toggled.connect(self.on_documents_button_toggled)
            if self.session.is_chair:
                self.minutes_button.toggled.connect(self.on_minutes_button_toggled)
            if self.session.snapshot is not None:  # the room may come after the snapshot
                self.on_session_snapshot_changed(self.session.snapshot)

    def on_session_snapshot_changed(self, snapshot: Snapshot) -> None:
        """Feed the papers page; start it with the first snapshot (we are subscribed)."""
        assert self.documents is not None
        joining = not self._documents_started
        if joining:
            self._documents_started = True
            self.documents.start()
        self._joining = joining
        try:
            self.documents.on_snapshot(snapshot)
        finally:
            self._joining = False
        started = snapshot.presentation is not None and not self._presentation_seen
        self._presentation_seen = snapshot.presentation is not None
        follow = self.documents.follow
        if started and follow.following and not follow.presenting and (
                snapshot.presentation.presenter_id != self.session.me.id):
            self.on_follow_open_requested(snapshot.presentation.document_id, joining)
        self.documents.set_can_present(self.session.is_chair or (
            snapshot.designated_presenter == self.session.me.id))
        item = self.session.active_item()
        self.item_documents.set_agenda_item(item.id if item is not None else -1)

    def on_documents_prefetched(self, _moved: int) -> None:
        assert self.documents is not None
        self.item_documents.set_cached({d.sha256 for d in self.documents.center.documents()})

    def on_agenda_document_clicked(self, document_id: int) -> None:
        assert self.documents is not None
        self.show_documents()
        self.documents.open_document(document_id)

    def on_follow_open_requested(self, _document_id: int, joining: bool = False) -> None:
        """A presentation began: show the paper. Not when this terminal joined one already
        running: it opens in the room (a late delegate must find "Điểm danh" there) and
        is told where the paper is."""
        if self.stack.currentWidget() is self.documents:
            return
        if joining or self._joining:
            self.notices.on_notice(self.tr("Đang trình chiếu tài liệu — bấm «Tài liệu kỳ họp» "
                                           "để theo dõi."))
            return
        self.show_documents()

    def on_signed_in_elsewhere(self, terminals: int) -> None:
        """One person, several terminals: each of them says so (a lost badge, a shared
        password, or a terminal left signed in)."""
        self.notices.on_notice(self.tr(
            "Cảnh báo: tài khoản %1 đang đăng nhập trên %2 máy cùng lúc. Nếu không phải "
            "bạn, hãy báo ngay cho thư ký.").replace("%1", self.session.me.username)
            .replace("%2", str(terminals)))

    def show_documents(self, *_args: object) -> None:
        self.documents_button.setChecked(True)

    def on_documents_button_toggled(self, checked: bool) -> None:
        if checked and self.session.is_chair:
            self.minutes_button.setChecked(False)  # one page beside the room at a time
        self.stack.setCurrentIndex(1 if checked else 0)
        self.documents_button.setText(self.tr("◀ Về phòng họp") if checked
                                      else self.tr("Tài liệu kỳ họp"))

    def open_minutes(self) -> MinutesEditor:
        """Show the chair's minutes page, building the editor on first use."""
        self.minutes_button.setChecked(True)
        assert self.minutes is not None
        return self.minutes

    def on_minutes_button_toggled(self, checked: bool) -> None:
        if checked:
            self.documents_button.setChecked(False)
            if self.minutes is None:
                self.minutes = MinutesEditor(self.session, self.session.port)
                self._minutes_page.layout().addWidget(self.minutes)
            self.stack.setCurrentWidget(self._minutes_page)
        elif self.stack.currentWidget() is self._minutes_page:
            self.stack.setCurrentIndex(0)
        self.minutes_button.setText(self.tr("◀ Về phòng họp") if checked
                                    else self.tr("Biên bản"))
