"""The chamber's seats: present, absent, asking for the floor, speaking."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.participant_model import SEAT_ROLE, STATUS_ROLE
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label

STATUS_COLOURS = {
    "present": ("#d7f0de", "#1b7f3b"),
    "absent": ("#f2f4f7", "#98a2b3"),
    "excused": ("#f2f4f7", "#667085"),
    "waiting": ("#fff1cc", "#b26a00"),
    "speaking": ("#dbe8ff", "#1d4ed8"),
}
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
        painter.restore()


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
        legend = QHBoxLayout()
        for status, text in (("present", self.tr("Có mặt")), ("absent", self.tr("Vắng mặt")),
                             ("waiting", self.tr("Đăng ký phát biểu")),
                             ("speaking", self.tr("Đang phát biểu"))):
            chip = label(text, "legendChip", wrap=False)
            fill, edge = STATUS_COLOURS[status]
            chip.setStyleSheet(f"background:{fill}; border:1px solid {edge}; color:#1d2939;")
            legend.addWidget(chip)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Sơ đồ hội trường"), "panelTitle"))
        layout.addLayout(legend)
        layout.addWidget(self.view, 1)
