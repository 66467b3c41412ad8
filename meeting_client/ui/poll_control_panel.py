"""The chair's voting control: create, open (one confirmation), close, and results."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import attendance_text
from meeting_client.models.session import MeetingSession
from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.look import icon, label, scrolling, set_state, wrap_rows
from meeting_client.ui.poll_dialog import PollDialog
from meeting_client.ui.result_view import ResultView


class PollControlPanel(QFrame):
    """Poll list and actions; opening is blocked (and says why) without quorum."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        self._dialog: PollDialog | None = None
        self.quorum = label("", "quorumIndicator")
        self.table = QTableView()
        self.table.setObjectName("pollList")
        self.table.setModel(session.poll_model)
        wrap_rows(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 3):  # "Đang biểu quyết", "Không thông qua": two short lines
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 112)
        self.table.setMinimumHeight(150)  # three rows stay visible under a result card
        self.table.setMaximumHeight(260)
        self.create_button = QPushButton(self.tr("Tạo biểu quyết…"))
        self.open_button = QPushButton(self.tr("Mở biểu quyết"))
        self.open_button.setObjectName("primary")
        self.open_button.setIcon(icon("vote"))
        self.close_button = QPushButton(self.tr("Kết thúc biểu quyết"))
        self.close_button.setObjectName("danger")
        self.blocked = label("", "warnText")
        self.confirm = ConfirmBar()
        self.live_title = label("", "pollTitle")
        self.progress = QProgressBar()
        self.progress.setObjectName("voteProgress")
        self.result = ResultView(session)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Biểu quyết"), "panelTitle"))
        layout.addWidget(self.quorum)
        layout.addWidget(self.table)
        layout.addWidget(self.create_button)
        layout.addLayout(buttons)
        layout.addWidget(self.blocked)
        layout.addWidget(self.confirm)
        layout.addWidget(self.live_title)
        layout.addWidget(self.progress)
        self.result_area = scrolling(self.result)
        layout.addWidget(self.result_area, 1)
        layout.addStretch(0)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self._session.command_succeeded.connect(self.on_session_command_succeeded)
        self.table.selectionModel().selectionChanged.connect(self.on_session_changed)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.confirm.confirmed.connect(self.on_confirm_confirmed)

    # --- public handles --------------------------------------------------------------

    def poll_dialog(self) -> PollDialog | None:
        """The creation dialog while it is open."""
        return self._dialog

    def select_poll(self, poll_id: int) -> None:
        row = self._session.poll_model.row_of_key(poll_id)
        if row >= 0:
            self.table.selectRow(row)

    def _target_draft(self) -> int | None:
        """The selected draft poll, else the newest draft."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            poll = self._session.poll(rows[0].data(KEY_ROLE))
            return poll.poll_id if poll and poll.status == "draft" else None
        drafts = [p for p in self._session.poll_model.rows() if p.status == "draft"]
        return drafts[-1].poll_id if drafts else None

    # --- state ------------------------------------------------------------------------

    def on_session_changed(self, *_args: object) -> None:
        s = self._session
        snap = s.snapshot
        if snap is None:
            return
        a = snap.attendance
        self.quorum.setText(attendance_text(a.present, a.expected, a.quorum_met))
        set_state(self.quorum, "ok" if a.quorum_met else "warn")
        online = s.online and not s.ended()
        draft = self._target_draft()
        open_poll = s.open_poll()
        self.create_button.setEnabled(online)
        can_open = online and draft is not None and s.can_open_poll(s.poll(draft))
        self.open_button.setEnabled(can_open and not s.is_pending("poll.open"))
        self.close_button.setEnabled(online and open_poll is not None
                                     and not s.is_pending("poll.close"))
        if s.ended():
            self.blocked.setText(self.tr("Kỳ họp đã bế mạc — không thể tạo hay mở biểu quyết."))
        elif not s.quorum_met():
            self.blocked.setText(self.tr("Chưa đủ số lượng đại biểu có mặt — chưa thể mở "
                                         "biểu quyết."))
        elif open_poll is not None and draft is not None:
            self.blocked.setText(self.tr("Đang có một biểu quyết mở — kết thúc trước khi mở "
                                         "biểu quyết khác."))
        else:
            self.blocked.setText("")
        self.blocked.setVisible(bool(self.blocked.text()))
        pending = self.confirm.pending()
        if (isinstance(pending, tuple) and pending[0] == "open" and not can_open) or (
                isinstance(pending, tuple) and pending[0] == "close" and open_poll is None):
            self.confirm.on_cancel_clicked()
        if open_poll is not None:
            self.live_title.setText(self.tr("Đang biểu quyết: %1").replace("%1", open_poll.title))
            self.progress.setRange(0, max(open_poll.eligible, 1))
            self.progress.setValue(min(open_poll.cast, max(open_poll.eligible, 1)))
            self.progress.setFormat(self.tr("Đã biểu quyết %1/%2").replace(
                "%1", str(open_poll.cast)).replace("%2", str(open_poll.eligible)))
        self.live_title.setVisible(open_poll is not None)
        self.progress.setVisible(open_poll is not None)
        result = s.result_poll()
        newer_draft = result is not None and any(
            p.status == "draft" and p.poll_id > result.poll_id for p in s.poll_model.rows())
        # A poll prepared after the last result is the chair's next step: the old
        # result card steps aside instead of sitting over it.
        shown = open_poll is None and result is not None and not newer_draft
        self.result.setVisible(shown)
        self.result_area.setVisible(shown)

    # --- actions ----------------------------------------------------------------------

    def on_create_clicked(self) -> None:
        s = self._session
        snap = s.snapshot
        if snap is None:
            return
        item = s.active_item()
        self._dialog = PollDialog(sorted(snap.agenda, key=lambda a: a.position),
                                  item.id if item else None, snap.meeting.majority, self)
        self._dialog.accepted.connect(self.on_dialog_accepted)
        self._dialog.finished.connect(self.on_dialog_finished)
        self._dialog.open()

    def on_dialog_accepted(self) -> None:
        if self._dialog is None:
            return
        f = self._dialog.form()
        self._session.create_poll(f.title, options=f.options, secret=f.secret,
                                  majority=f.majority, agenda_item_id=f.agenda_item_id)

    def on_dialog_finished(self, _result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
            self._dialog = None

    def on_session_command_succeeded(self, type_: str, data: object) -> None:
        if type_ == "poll.create" and isinstance(data, dict) and "poll_id" in data:
            self.select_poll(int(data["poll_id"]))
        self.on_session_changed()

    def on_open_clicked(self) -> None:
        poll_id = self._target_draft()
        poll = self._session.poll(poll_id) if poll_id is not None else None
        if poll is None:
            return
        self.confirm.ask(self.tr("Mở biểu quyết «%1»? Đại biểu sẽ bỏ phiếu ngay.")
                         .replace("%1", poll.title), ("open", poll.poll_id),
                         self.tr("Mở biểu quyết"))

    def on_close_clicked(self) -> None:
        poll = self._session.open_poll()
        if poll is None:
            return
        question = self.tr("Kết thúc biểu quyết «%1» và công bố kết quả?").replace(
            "%1", poll.title)
        state = ""
        if poll.cast < poll.eligible:
            missing = self.tr("Mới có %1/%2 đại biểu biểu quyết.").replace(
                "%1", str(poll.cast)).replace("%2", str(poll.eligible))
            if 2 * poll.cast < poll.eligible:  # fewer than half: say so loudly
                missing = self.tr("Chú ý: chỉ mới có %1/%2 đại biểu biểu quyết.").replace(
                    "%1", str(poll.cast)).replace("%2", str(poll.eligible))
                state = "warn"
            question = f"{missing} {question}"
        self.confirm.ask(question, ("close", poll.poll_id), self.tr("Kết thúc biểu quyết"), state)

    def on_confirm_confirmed(self, payload: object) -> None:
        action, poll_id = payload  # type: ignore[misc]
        if action == "open" and self._session.can_open_poll(self._session.poll(poll_id)):
            self._session.open_poll_now(poll_id)
        elif action == "close":
            self._session.close_poll(poll_id)
        self.on_session_changed()
