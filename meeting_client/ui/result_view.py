"""A closed poll's result: outcome banner, tally chart, and who voted how when open."""

from __future__ import annotations

import math

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.labels import majority_label, outcome_label
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label, set_state, wrap_rows
from meeting_client.ui.tally_chart import TallyChart
from meeting_protocol.state import Poll


def pass_threshold(poll: Poll) -> int | None:
    """Votes "Đồng ý" needed to pass under the poll's rule (None for ``simple``)."""
    if poll.majority == "absolute":
        return poll.eligible // 2 + 1
    if poll.majority == "two_thirds":
        return math.ceil(2 * poll.eligible / 3)
    return None


class ResultView(QFrame):
    """Shows :meth:`MeetingSession.result_poll`; ``hall=True`` makes everything larger."""

    def __init__(self, session: MeetingSession, *, hall: bool = False,
                 show_ballots: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultView")
        self._session = session
        self.outcome = label("", "outcomeBanner")
        self.title = label("", "resultTitle")
        self.summary = label("", "muted")
        self.chart = TallyChart(session.tally_model)
        self.ballots_note = label("", "muted")
        self.ballots = QTableView()
        self.ballots.setModel(session.ballot_model)
        wrap_rows(self.ballots)
        self.ballots.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ballots.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.ballots.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._hall = hall
        if hall:
            self.setProperty("hall", "true")
            self.chart.set_scale(2.2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 2)
        self._show_ballots = show_ballots and not hall
        if self._show_ballots:
            layout.addWidget(self.ballots_note)
            layout.addWidget(self.ballots, 2)
        else:
            self.ballots_note.hide()
            self.ballots.hide()
        self._connect_signals()
        self.on_session_snapshot_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_snapshot_changed)

    def on_session_snapshot_changed(self, *_args: object) -> None:
        poll = self._session.result_poll()
        if self._hall:  # the hall shows the result the chair pinned, if any
            view = self._session.hall_view()
            poll = view.poll if view is not None and view.poll is not None else poll
        if poll is None:
            return
        text = outcome_label(poll.outcome)
        self.outcome.setText(text or self.tr("Kết quả biểu quyết"))
        set_state(self.outcome, poll.outcome or "none")
        self.title.setText(poll.title)
        summary = (self.tr("Đã biểu quyết %1/%2 đại biểu · %3").replace("%1", str(poll.cast))
                   .replace("%2", str(poll.eligible)).replace("%3", majority_label(poll.majority)))
        threshold = pass_threshold(poll)
        if threshold is not None and "yes" in poll.options:
            summary += "\n" + self.tr("Vạch đứt: cần %1 phiếu Đồng ý để thông qua").replace(
                "%1", str(threshold))
        self.summary.setText(summary)
        self.chart.set_poll_numbers(poll.eligible, threshold)
        if self._show_ballots:
            secret = poll.secret or poll.ballots is None
            self.ballots.setVisible(not secret)
            self.ballots_note.setText(
                self.tr("Bỏ phiếu kín — không hiển thị lựa chọn của từng đại biểu.") if secret
                else self.tr("Kết quả biểu quyết của từng đại biểu:"))
