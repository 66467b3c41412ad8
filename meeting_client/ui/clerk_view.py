"""The clerk's view: attendance of every participant, absences, the event timeline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import attendance_text
from meeting_client.models.participant_model import ParticipantRow
from meeting_client.models.session import MeetingSession
from meeting_client.ui.absence_dialog import AbsenceDialog
from meeting_client.ui.look import label, set_state, wrap_rows
from meeting_client.ui.minutes_editor import MinutesEditor


class ClerkView(QFrame):
    """Participants (left) and the timeline, history then live (right)."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._dialog: AbsenceDialog | None = None
        self._dialog_user: int | None = None
        self.summary = label("", "attendanceSummary")
        self.people = QTableView()
        self.people.setObjectName("participantTable")
        self.people.setModel(session.participant_model)
        wrap_rows(self.people)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.people.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.absence_button = QPushButton(self.tr("Ghi nhận vắng mặt…"))
        self.timeline = QTableView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(session.timeline_model)
        wrap_rows(self.timeline)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        self.timeline.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        left = QFrame()
        left.setObjectName("panel")
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(label(self.tr("Điểm danh đại biểu"), "panelTitle"))
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.absence_button)
        left_layout.addLayout(row)
        right = QFrame()
        right.setObjectName("panel")
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(label(self.tr("Diễn biến kỳ họp"), "panelTitle"))
        right_layout.addWidget(self.timeline, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 600])
        # The minutes editor is built the first time its tab is shown: it loads and renders.
        self.minutes: MinutesEditor | None = None
        self._minutes_page = QWidget()
        self._minutes_layout = QVBoxLayout(self._minutes_page)
        self._minutes_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Điểm danh và diễn biến"))
        self.tabs.addTab(self._minutes_page, self.tr("Biên bản"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._connect_signals()
        self.on_session_changed()
        session.load_timeline()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self.people.selectionModel().selectionChanged.connect(self.on_session_changed)
        self.absence_button.clicked.connect(self.on_absence_clicked)
        self._session.timeline_model.rowsInserted.connect(self.on_timeline_rows_inserted)
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)

    def open_minutes(self) -> MinutesEditor:
        """Show the "Biên bản" tab, building the editor on first use."""
        if self.minutes is None:
            self.minutes = MinutesEditor(self._session, self._session.port)
            self._minutes_layout.addWidget(self.minutes)
        self.tabs.setCurrentWidget(self._minutes_page)
        return self.minutes

    def on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._minutes_page and self.minutes is None:
            self.open_minutes()

    def absence_dialog(self) -> AbsenceDialog | None:
        return self._dialog

    def select_user(self, user_id: int) -> None:
        row = self._session.participant_model.row_of_key(user_id)
        if row >= 0:
            self.people.selectRow(row)

    def _selected(self) -> ParticipantRow | None:
        rows = self.people.selectionModel().selectedRows()
        if not rows:
            return None
        model = self._session.participant_model
        return model.row_at(model.row_of_key(rows[0].data(KEY_ROLE)))

    def on_session_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        a = snap.attendance
        self.summary.setText(attendance_text(a.present, a.expected, a.quorum_met))
        set_state(self.summary, "ok" if a.quorum_met else "warn")
        row = self._selected()
        self.absence_button.setEnabled(self._session.online and row is not None
                                       and row.role == "delegate" and not row.present)

    def on_timeline_rows_inserted(self, *_args: object) -> None:
        self.timeline.scrollToBottom()

    def on_absence_clicked(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._dialog_user = row.user_id
        self._dialog = AbsenceDialog(row.full_name, row.absence_reason, self)
        self._dialog.accepted.connect(self.on_dialog_accepted)
        self._dialog.finished.connect(self.on_dialog_finished)
        self._dialog.open()

    def on_dialog_accepted(self) -> None:
        if self._dialog is not None and self._dialog_user is not None:
            self._session.set_absence(self._dialog_user, self._dialog.text())

    def on_dialog_finished(self, _result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None
        self._dialog_user = None
