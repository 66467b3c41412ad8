"""The office's and clerk's page: the meetings to prepare and the meeting editor.

Left, the meetings (drafts first) with create / copy / publish / cancel; right, the open
meeting in tabs: general fields and rules, agenda, "việc chưa hoàn thành" (overdue directives
to put on the agenda), participants, papers, invitation. Tests
open the page directly against a real server; the workspace shell registers it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import meeting_status_label, parse_time
from meeting_client.models.port import CommandPort
from meeting_client.models.preparation import Preparation, kind_label
from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.directives.pending_panel import PendingWorkPanel
from meeting_client.ui.look import label
from meeting_client.ui.preparation.agenda_tab import AgendaTab
from meeting_client.ui.preparation.general_tab import GeneralTab
from meeting_client.ui.preparation.invitation_tab import InvitationTab
from meeting_client.ui.preparation.participants_tab import ParticipantsTab
from meeting_client.ui.preparation.seat_plan_tab import SeatPlanTab


class PreparationPage(QWidget):
    """Args: ``port`` for commands (with a live client, :attr:`carries_documents`, the
    papers tab uploads through the documents page); ``me_id`` and ``is_admin`` say whose
    papers tab it is; ``cache_dir`` is the papers' cache."""

    notice = Signal(str)

    def __init__(self, port: CommandPort, *, me_id: int = 0,
                 is_admin: bool = False, cache_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preparationPage")
        self.preparation = Preparation(port, self)
        self._port = port
        self._with_papers = bool(port.carries_documents)
        self._me_id = me_id
        self._is_admin = is_admin
        self._cache_dir = cache_dir
        self.papers: Any = None
        self.table = QTableView()
        self.table.setObjectName("preparedMeetings")
        self.table.setModel(self.preparation.meetings)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Tạo cuộc họp"))
        self.create_button.setObjectName("primary")
        self.copy_button = QPushButton(self.tr("Sao chép"))
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.heading = label(self.tr("Chọn hoặc tạo một cuộc họp để chuẩn bị."), "panelTitle")
        self.heading.setObjectName("editorHeading")
        self.state = label("", "muted")
        self.publish_button = QPushButton(self.tr("Công bố"))
        self.publish_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("Hủy cuộc họp"))
        self.confirm = ConfirmBar()
        self.message = label("", "muted")
        self.general = GeneralTab()
        self.agenda = AgendaTab()
        self.participants = ParticipantsTab(self.preparation.participants)
        self.invitation = InvitationTab()
        self.seat_plan = SeatPlanTab()
        self.pending = PendingWorkPanel(port)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("Thông tin chung"))
        self.tabs.addTab(self.agenda, self.tr("Chương trình"))
        self.tabs.addTab(self.pending, self.tr("Việc chưa hoàn thành"))
        self.tabs.addTab(self.participants, self.tr("Thành phần"))
        self.tabs.addTab(self.seat_plan, self.tr("Sơ đồ"))
        self.tabs.addTab(self.invitation, self.tr("Giấy mời"))
        # The papers page is wide (list beside the reader): it scrolls inside the tab.
        self.papers_holder = QScrollArea()
        self.papers_holder.setWidgetResizable(True)
        self.papers_holder.setFrameShape(QFrame.Shape.NoFrame)
        if self._with_papers:
            self.tabs.addTab(self.papers_holder, self.tr("Tài liệu"))
        self.tabs.setEnabled(False)
        self._build_layout()
        self._connect_signals()
        self._update_buttons()

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(label(self.tr("Danh sách cuộc họp"), "panelTitle"))
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.create_button)
        left_layout.addLayout(row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.heading)
        heading.addWidget(self.state)
        top.addLayout(heading, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.publish_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.confirm)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        p = self.preparation
        p.meeting_loaded.connect(self.on_meeting_loaded)
        p.meetings_loaded.connect(self.on_meetings_loaded)
        p.candidates_loaded.connect(self.participants.set_candidates)
        p.invitation_ready.connect(self.invitation.show_pdf)
        p.done.connect(self.on_done)
        p.failed.connect(self.on_failed)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.copy_button.clicked.connect(self.on_copy_clicked)
        self.refresh_button.clicked.connect(p.load_meetings)
        self.publish_button.clicked.connect(p.publish)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.confirm.confirmed.connect(self.on_confirm_confirmed)
        self.general.save_requested.connect(p.update)
        self.agenda.add_requested.connect(
            lambda t, d, who: p.add_item(t, d or None, who or None))
        self.agenda.update_requested.connect(
            lambda i, t, d, who: p.update_item(i, t, d or None, who or None))
        self.agenda.remove_requested.connect(p.remove_item)
        self.agenda.move_requested.connect(p.move_item)
        self.participants.add_requested.connect(p.add_participant)
        self.participants.update_requested.connect(p.update_participant)
        self.participants.remove_requested.connect(p.remove_participant)
        self.invitation.preview_requested.connect(p.render_invitation)
        self.seat_plan.save_requested.connect(p.save_seat_plan)
        self.pending.work.done.connect(self.on_pending_added)

    def start(self) -> None:
        self.preparation.load_meetings()

    # --- list ------------------------------------------------------------------------

    def selected_meeting(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(KEY_ROLE)) if rows else None

    def on_meetings_loaded(self) -> None:
        current = self.preparation.current_id
        row = self.preparation.meetings.row_of_key(current) if current is not None else -1
        if row >= 0 and self.selected_meeting() != current:
            self.table.selectRow(row)
        self._update_buttons()

    def on_selection_changed(self, *_args: object) -> None:
        if self.preparation.listing:  # rows moving under the selection: not the user
            return
        meeting_id = self.selected_meeting()
        if meeting_id is not None and meeting_id != self.preparation.current_id:
            self.preparation.open(meeting_id)
        self._update_buttons()

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        self.preparation.open(int(index.data(KEY_ROLE)))

    def on_create_clicked(self) -> None:
        start = (datetime.now().astimezone() + timedelta(days=1)).replace(
            hour=8, minute=0, second=0, microsecond=0)
        self.preparation.create({"title": self.tr("Cuộc họp mới"),
                                 "starts_at": start.isoformat(timespec="minutes"),
                                 "ends_at": (start + timedelta(hours=3)).isoformat(
                                     timespec="minutes")})

    def on_copy_clicked(self) -> None:
        """A week later, same time: the clerk adjusts the copy in the editor."""
        meeting_id = self.selected_meeting()
        if meeting_id is None:
            return
        row = self.preparation.meetings.row_at(self.preparation.meetings.row_of_key(meeting_id))
        start = parse_time(row.starts_at) or datetime.now().astimezone()
        self.preparation.copy(meeting_id, (start + timedelta(days=7)).astimezone().isoformat(
            timespec="minutes"))

    def on_cancel_clicked(self) -> None:
        if self.preparation.details is not None:
            title = self.preparation.details["meeting"]["title"]
            self.confirm.ask(self.tr("Hủy cuộc họp \u201c%1\u201d? Người được mời sẽ được "
                                     "báo tin.").replace("%1", title), "cancel",
                             self.tr("Hủy cuộc họp"))

    def on_confirm_confirmed(self, payload: object) -> None:
        if payload == "cancel":
            self.preparation.cancel()

    # --- editor ------------------------------------------------------------------------

    def on_meeting_loaded(self, details: dict[str, Any]) -> None:
        meeting = details["meeting"]
        self.heading.setText(meeting["title"])
        self.state.setText(f"{kind_label(meeting['kind'])} · "
                           f"{meeting_status_label(meeting['status'])}")
        self.tabs.setEnabled(True)
        self.general.load(meeting)
        self.agenda.load(details["agenda"], details["participants"])
        self.invitation.show_replies(details["participants"])
        self.seat_plan.load(details.get("seat_plan"), details["participants"])
        if self.pending.work.meeting_id != meeting["id"]:
            self.pending.show_meeting(int(meeting["id"]))
        if self._with_papers:
            self._papers_for(details)
        self.preparation.load_candidates()
        self._update_buttons()

    def _papers_for(self, details: dict[str, Any]) -> None:
        """Papers are uploaded by the meeting's chair or clerk (or an admin): the tab is
        there for them only (the documents module does not open papers to office)."""
        mine = next((p["role"] for p in details["participants"]
                     if p["user_id"] == self._me_id), None)
        index = self.tabs.indexOf(self.papers_holder)
        allowed = self._is_admin or mine in ("chair", "vice_chair", "clerk")
        self.tabs.setTabVisible(index, allowed)
        if allowed and (self.papers is None
                        or self.papers.center.meeting_id != details["meeting"]["id"]):
            self._show_papers(int(details["meeting"]["id"]))

    def _show_papers(self, meeting_id: int) -> None:
        """The documents page of the meeting, for attaching papers (upload)."""
        from meeting_client.ui.reader.documents_page import DocumentsPage

        if self.papers is not None:
            self.papers.stop()
            self.papers_holder.takeWidget()
            self.papers.deleteLater()
        self.papers = DocumentsPage(self._port, meeting_id, self._me_id,
                                    can_upload=True, cache_dir=self._cache_dir)
        self.papers_holder.setWidget(self.papers)
        self.papers.start()

    def on_pending_added(self, sentence: str) -> None:
        """Directives went on the agenda: the agenda tab re-reads the meeting."""
        if self.preparation.current_id is not None:
            self.preparation.open(self.preparation.current_id)
        self._say(sentence, "muted")

    def on_done(self, sentence: str) -> None:
        self._say(sentence, "muted")

    def on_failed(self, sentence: str) -> None:
        self._say(sentence, "warnText")

    def _say(self, sentence: str, look: str) -> None:
        """A committed change in grey, a refusal in the warning colour."""
        self.message.setObjectName(look)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(sentence)
        self.notice.emit(sentence)

    def _update_buttons(self) -> None:
        details = self.preparation.details
        status = details["meeting"]["status"] if details else None
        self.publish_button.setEnabled(status == "draft")
        self.cancel_button.setEnabled(status in ("draft", "scheduled"))
        self.copy_button.setEnabled(self.selected_meeting() is not None)
