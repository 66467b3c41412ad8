"""The delegate's ballot: big option buttons, a confirmation, then "Đã biểu quyết".

The choice is shown only here, on this terminal: the Snapshot never carries
it (secret polls), so :class:`MeetingSession` remembers what this terminal sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.labels import majority_label, option_label
from meeting_client.models.session import UNKNOWN_CHOICE, MeetingSession
from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.look import label, scrolling, set_state
from meeting_client.ui.result_view import ResultView
from meeting_protocol.state import Poll

PAGES = ("idle", "choose", "confirm", "voted", "result")


class VotePanel(QFrame):
    """Pages: idle, choose, confirm, voted, result — see :meth:`page`."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votePanel")
        self._session = session
        self._poll_id: int | None = None
        self._chosen: str | None = None
        self._buttons: dict[str, QPushButton] = {}

        self.heading = label(self.tr("Biểu quyết"), "panelTitle")
        self.poll_title = label("", "pollTitle")
        self.poll_rule = label("", "muted")
        self.progress = QProgressBar()
        self.progress.setObjectName("voteProgress")
        self.progress.setTextVisible(True)

        self.pages = QStackedWidget()
        idle = QWidget()
        idle_layout = QVBoxLayout(idle)
        self.idle_text = label(self.tr("Hiện chưa có nội dung biểu quyết."), "idleText")
        idle_layout.addStretch(1)
        idle_layout.addWidget(self.idle_text)
        idle_layout.addStretch(1)

        choose = QWidget()
        choose_layout = QVBoxLayout(choose)
        self.choose_hint = label("", "hint")
        self.options_grid = QGridLayout()
        self.options_grid.setSpacing(16)
        choose_layout.addWidget(self.choose_hint)
        choose_layout.addLayout(self.options_grid)
        choose_layout.addStretch(1)

        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        self.confirm_text = label("", "confirmText")
        self.confirm_button = GuardedButton(self.tr("Xác nhận biểu quyết"))
        self.confirm_button.setObjectName("primary")
        self.back_button = QPushButton(self.tr("Chọn lại"))
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.confirm_button, 2)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(row)
        confirm_layout.addStretch(1)

        voted = QWidget()
        voted_layout = QVBoxLayout(voted)
        self.voted_text = label("", "votedText")
        self.voted_note = label(self.tr("Lựa chọn của bạn chỉ hiển thị trên máy này."), "muted")
        voted_layout.addWidget(self.voted_text)
        voted_layout.addWidget(self.voted_note)
        voted_layout.addStretch(1)

        result_page = QWidget()
        result_layout = QVBoxLayout(result_page)
        result_layout.setContentsMargins(0, 0, 0, 0)
        self.my_choice = label("", "myChoice")
        self.result = ResultView(session)
        result_layout.addWidget(self.my_choice)
        result_layout.addWidget(self.result, 1)
        for page in (idle, choose, confirm, voted, scrolling(result_page)):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.poll_title)
        layout.addWidget(self.poll_rule)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self._session.ballot_changed.connect(self.on_session_changed)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.back_button.clicked.connect(self.on_back_clicked)

    # --- public handles for tests and the room --------------------------------------

    def page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def option_button(self, option: str) -> QPushButton:
        return self._buttons[option]

    # --- building -------------------------------------------------------------------

    def _rebuild_buttons(self, poll: Poll) -> None:
        for button in self._buttons.values():
            self.options_grid.removeWidget(button)
            button.deleteLater()
        self._buttons = {}
        columns = 3 if len(poll.options) in (3, 5, 6) else 2
        for i, option in enumerate(poll.options):
            button = GuardedButton(option_label(option))
            button.setObjectName("voteOption")
            button.setProperty("option", option)
            button.clicked.connect(lambda _=False, o=option: self.on_option_clicked(o))
            self.options_grid.addWidget(button, i // columns, i % columns)
            self._buttons[option] = button

    def _show(self, page: str) -> None:
        """Switch page; hidden pages stop counting towards the panel's minimum size,
        so the tall result page does not push a 1280×800 screen past its height."""
        index = PAGES.index(page)
        for i in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if i == index
                      else QSizePolicy.Policy.Ignored)
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)

    def on_session_changed(self, *_args: object) -> None:
        s = self._session
        poll = s.open_poll()
        if poll is None:
            self._poll_id, self._chosen = None, None
            self.progress.hide()
            result = s.result_poll()
            if result is not None:
                mine = s.my_ballot(result.poll_id)
                self.my_choice.setVisible(mine is not None)
                self.my_choice.setText(
                    self.tr("Bạn đã biểu quyết") if mine == UNKNOWN_CHOICE
                    else self.tr("Bạn đã chọn: %1").replace("%1", option_label(mine or "")))
                self.heading.setText(self.tr("Kết quả biểu quyết"))
                self.poll_title.hide()
                self.poll_rule.hide()
                self._show("result")
            else:
                self.heading.setText(self.tr("Biểu quyết"))
                self.poll_title.hide()
                self.poll_rule.hide()
                self._show("idle")
            set_state(self, "")
            return
        if poll.poll_id != self._poll_id:
            self._poll_id, self._chosen = poll.poll_id, None
            self._rebuild_buttons(poll)
        set_state(self, "open")
        self.heading.setText(self.tr("Đang biểu quyết"))
        self.poll_title.setText(poll.title)
        self.poll_title.show()
        kind = self.tr("Bỏ phiếu kín") if poll.secret else self.tr("Biểu quyết công khai")
        self.poll_rule.setText(f"{kind} · {majority_label(poll.majority)}")
        self.poll_rule.show()
        self.progress.show()
        self.progress.setRange(0, max(poll.eligible, 1))
        self.progress.setValue(min(poll.cast, max(poll.eligible, 1)))
        self.progress.setFormat(self.tr("Đã biểu quyết %1/%2").replace("%1", str(poll.cast))
                                .replace("%2", str(poll.eligible)))
        mine = s.my_ballot(poll.poll_id)
        sending = s.ballot_in_flight(poll.poll_id)
        if mine is not None or sending is not None:
            if sending is not None:
                text = self.tr("Đang gửi phiếu: %1…").replace("%1", option_label(sending))
                set_state(self.voted_text, "sending")
            elif mine == UNKNOWN_CHOICE:
                text = self.tr("✓ Đã biểu quyết (phiếu đã được ghi nhận trước đó)")
                set_state(self.voted_text, "ok")
            else:
                text = self.tr("✓ Đã biểu quyết: %1").replace("%1", option_label(mine or ""))
                set_state(self.voted_text, "ok")
            self.voted_text.setText(text)
            self._show("voted")
            return
        can_vote = s.can_vote(poll)
        for button in self._buttons.values():
            button.setEnabled(can_vote)
        if self._chosen is not None and can_vote:
            self.confirm_text.setText(self.tr("Bạn chọn: «%1». Xác nhận biểu quyết?")
                                      .replace("%1", option_label(self._chosen)))
            self._show("confirm")
            return
        if not s.is_delegate:
            hint = self.tr("Chỉ đại biểu được biểu quyết. Theo dõi tiến độ ở trên.")
        elif not s.online:
            hint = self.tr("Mất kết nối — chờ kết nối lại để biểu quyết.")
        elif not s.checked_in():
            hint = self.tr("Bạn cần điểm danh trước khi biểu quyết.")
        else:
            hint = self.tr("Chọn một phương án, sau đó xác nhận.")
        self.choose_hint.setText(hint)
        self._show("choose")

    # --- clicks -----------------------------------------------------------------------

    def on_option_clicked(self, option: str) -> None:
        self._chosen = option
        self.on_session_changed()

    def on_back_clicked(self) -> None:
        self._chosen = None
        self.on_session_changed()

    def on_confirm_clicked(self) -> None:
        if self._poll_id is not None and self._chosen is not None:
            self._session.cast(self._poll_id, self._chosen)
        self._chosen = None
        self.on_session_changed()
