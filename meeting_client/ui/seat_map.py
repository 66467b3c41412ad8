"""The chamber's seats: present, absent, asking for the floor, speaking."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.participant_model import SEAT_ROLE, STATUS_ROLE, VOTED_ROLE
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label
from meeting_client.ui.seat_plan_view import SeatPlanView, SeatState
from meeting_protocol.commands import PollVoters

STATUS_COLOURS = {
    "present": ("#d7f0de", "#1b7f3b"),
    "absent": ("#f2f4f7", "#98a2b3"),
    "excused": ("#f2f4f7", "#667085"),
    "waiting": ("#fff1cc", "#b26a00"),
    "speaking": ("#dbe8ff", "#1d4ed8"),
}
VOTED_COLOUR = "#1b7f3b"
SEAT = QSize(104, 76)


def short_name(full_name: str) -> str:
    """Vietnamese names are called by the last word(s): "Nguyễn Văn An" → "Văn An"."""
    parts = full_name.split()
    return " ".join(parts[-2:]) if len(parts) > 2 else full_name


class SeatDelegate(QStyledItemDelegate):
    """Paints one seat: number, short name, and a coloured state."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return SEAT

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        status = index.data(STATUS_ROLE) or "absent"
        fill, edge = STATUS_COLOURS.get(status, STATUS_COLOURS["absent"])
        rect = QRect(option.rect).adjusted(4, 4, -4, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(fill))
        painter.setPen(QColor(edge))
        painter.drawRoundedRect(rect, 8, 8)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 6, 6)
        font = QFont(option.font)
        font.setBold(True)
        font.setPixelSize(18)
        painter.setFont(font)
        painter.setPen(QColor(edge if status != "absent" else "#667085"))
        painter.drawText(rect.adjusted(0, 4, 0, -rect.height() // 2),
                         Qt.AlignmentFlag.AlignCenter, str(index.data(SEAT_ROLE) or "–"))
        font.setBold(False)
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(QColor("#344054"))
        name = short_name(str(index.sibling(index.row(), 1).data() or ""))
        painter.drawText(rect.adjusted(4, rect.height() // 2, -4, -4),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                          rect.width() - 8))
        if index.data(VOTED_ROLE):
            badge = QRect(rect.right() - 22, rect.top() + 4, 18, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(VOTED_COLOUR))
            painter.drawEllipse(badge)
            painter.setPen(QColor("#ffffff"))
            font.setBold(True)
            font.setPixelSize(12)
            painter.setFont(font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "✓")
        painter.restore()


class VotedTracker(QObject):
    """Asks ``poll.voters`` whenever the open poll's count moves (chair and clerk only):
    the seat map marks who has voted, never what."""

    def __init__(self, session: MeetingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._asked: tuple[int, int] | None = None
        self._token: int | None = None
        session.snapshot_changed.connect(self.on_session_snapshot_changed)
        session.port.command_finished.connect(self.on_port_command_finished)
        self.on_session_snapshot_changed()

    def on_session_snapshot_changed(self, *_args: object) -> None:
        poll = self._session.open_poll()
        if poll is None or not (self._session.is_chair or self._session.is_clerk):
            self._asked = None
            self._session.seat_model.set_voted(frozenset())
            return
        key = (poll.poll_id, poll.cast)
        if key != self._asked:
            self._asked = key
            self._token = self._session.port.send_request(PollVoters(poll_id=poll.poll_id))

    def on_port_command_finished(self, token: int, data: object) -> None:
        if token != self._token or not isinstance(data, dict):
            return
        self._token = None
        poll = self._session.open_poll()
        if poll is not None and data.get("poll_id") == poll.poll_id:
            self._session.seat_model.set_voted(frozenset(int(u) for u in data["voted"]))


class SeatMap(QFrame):
    """A grid of seats in seat order, with a legend."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.view = QListView()
        self.view.setObjectName("seatMap")
        self.view.setModel(session.seat_model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setGridSize(SEAT)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(SeatDelegate(self.view))
        self.voted = VotedTracker(session, self)
        chips: list[QWidget] = []
        for status, text in (("present", self.tr("Có mặt")), ("absent", self.tr("Vắng mặt")),
                             ("waiting", self.tr("Đăng ký phát biểu")),
                             ("speaking", self.tr("Đang phát biểu"))):
            chip = label(text, "legendChip", wrap=False)
            fill, edge = STATUS_COLOURS[status]
            chip.setStyleSheet(f"background:{fill}; border:1px solid {edge}; color:#1d2939;")
            chips.append(chip)
        if session.is_chair or session.is_clerk:  # who voted is theirs to watch
            voted = label("✓ " + self.tr("Đã biểu quyết"), "legendChip", wrap=False)
            voted.setStyleSheet(f"background:#ffffff; border:1px solid {VOTED_COLOUR}; "
                                f"color:{VOTED_COLOUR};")
            chips.append(voted)
        # Three to a row: the chair's seat tab is a narrow column on a 1280-px screen.
        legend = QGridLayout()
        for i, chip in enumerate(chips):
            legend.addWidget(chip, i // 3, i % 3)
        legend.setColumnStretch(3, 1)
        # With a seat plan (``seatplan.save``) the chamber is drawn as laid out.
        self._session = session
        self.plan_view = SeatPlanView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.plan_view)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Sơ đồ hội trường"), "panelTitle"))
        layout.addLayout(legend)
        layout.addWidget(self.stack, 1)
        session.snapshot_changed.connect(self.on_session_snapshot_changed)
        model = session.seat_model
        for signal in (model.dataChanged, model.modelReset, model.rowsInserted,
                       model.rowsRemoved):
            signal.connect(self.plan_view.update)
        self.on_session_snapshot_changed()

    def on_session_snapshot_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        plan = snap.seat_plan if snap is not None else None
        if plan:
            self.plan_view.set_plan(plan, self.seat_state)
        self.stack.setCurrentWidget(self.plan_view if plan else self.view)

    def seat_state(self, seat: str) -> SeatState:
        """Who sits at ``seat`` and their state, from the shared meeting state."""
        snap = self._session.snapshot
        if snap is None:
            return SeatState()
        who = next((p for p in snap.participants if p.seat == seat), None)
        if who is None:
            return SeatState()
        floor = next((s.status for s in snap.speakers if s.user_id == who.user_id), "")
        status = floor or ("present" if who.present else
                           "excused" if who.absence_reason else "absent")
        return SeatState(status, short_name(who.full_name),
                         self._session.seat_model.voted(who.user_id))
