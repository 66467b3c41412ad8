"""The chair's floor control: the timer, the queue, grant / finish / withdraw."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import icon, label, wrap_rows
from meeting_client.ui.speaking_timer import SpeakingTimer

DEFAULT_LIMIT_MIN = 3


class SpeakerQueuePanel(QFrame):
    """Select a waiting delegate and give the floor with a time limit."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        self.timer = SpeakingTimer(session)
        self.table = QTableView()
        self.table.setObjectName("speakerQueue")
        self.table.setModel(session.speaker_model)
        wrap_rows(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.limit = QSpinBox()
        self.limit.setRange(1, 30)
        self.limit.setValue(DEFAULT_LIMIT_MIN)
        self.limit.setSuffix(self.tr(" phút"))
        self.limit.setAccessibleName(self.tr("Thời gian phát biểu"))
        self.grant_button = QPushButton(self.tr("Mời phát biểu"))
        self.grant_button.setObjectName("primary")
        self.grant_button.setIcon(icon("mic"))
        self.finish_button = QPushButton(self.tr("Kết thúc phát biểu"))
        self.finish_button.setObjectName("danger")
        self.withdraw_button = QPushButton(self.tr("Rút đăng ký"))
        self.empty = label(self.tr("Chưa có đại biểu đăng ký phát biểu."), "muted")
        controls = QHBoxLayout()
        controls.addWidget(label(self.tr("Thời gian phát biểu:"), "", wrap=False))
        controls.addWidget(self.limit, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Điều hành phát biểu"), "panelTitle"))
        layout.addWidget(self.timer)
        layout.addWidget(label(self.tr("Danh sách đăng ký phát biểu"), "panelSubtitle"))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.grant_button)
        layout.addLayout(actions)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self.table.selectionModel().selectionChanged.connect(self.on_session_changed)
        self.grant_button.clicked.connect(self.on_grant_clicked)
        self.finish_button.clicked.connect(self.on_finish_clicked)
        self.withdraw_button.clicked.connect(self.on_withdraw_clicked)

    def select_request(self, request_id: int) -> None:
        row = self._session.speaker_model.row_of_key(request_id)
        if row >= 0:
            self.table.selectRow(row)

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def _selected_waiting(self) -> int | None:
        """The selected request, or the first waiting one when none is selected."""
        model = self._session.speaker_model
        selected = self._selected()
        if selected is not None:
            row = model.row_of_key(selected)
            if row >= 0 and model.row_at(row).status == "waiting":
                return selected
            return None
        return next((r.request_id for r in model.rows() if r.status == "waiting"), None)

    def on_session_changed(self, *_args: object) -> None:
        online = self._session.online and not self._session.ended()
        model = self._session.speaker_model
        self.empty.setVisible(model.rowCount() == 0)
        speaking = self._session.current_speaker()
        self.grant_button.setEnabled(online and speaking is None
                                     and self._selected_waiting() is not None)
        self.finish_button.setEnabled(online and speaking is not None)
        self.withdraw_button.setEnabled(online and self._selected() is not None
                                        and self._selected_waiting() is not None)
        self.limit.setEnabled(online)

    def on_grant_clicked(self) -> None:
        request_id = self._selected_waiting()
        if request_id is not None:
            self._session.grant(request_id, self.limit.value() * 60)

    def on_finish_clicked(self) -> None:
        speaker = self._session.current_speaker()
        if speaker is not None:
            self._session.finish(speaker.request_id)

    def on_withdraw_clicked(self) -> None:
        """Withdraw on a delegate's behalf: only the row the chair selected."""
        request_id = self._selected_waiting() if self._selected() is not None else None
        if request_id is not None:
            self._session.withdraw(request_id)
