"""The navigation rail: one entry per module, icon above title, a badge with a count."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from meeting_client.models.workspace import BADGE_ROLE, ICON_ROLE, ModuleRailModel
from meeting_client.ui.look import icon

Index = QModelIndex | QPersistentModelIndex


class RailDelegate(QStyledItemDelegate):
    """Paints an entry: selection pill, icon, title, and a red badge when the count is > 0."""

    ENTRY = QSize(112, 92)

    def sizeHint(self, _option: QStyleOptionViewItem, _index: Index) -> QSize:
        return self.ENTRY

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r: QRect = option.rect.adjusted(8, 4, -8, -4)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)  # type: ignore[attr-defined]
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2f4a8a" if selected else "#2b3a52"))
            painter.drawRoundedRect(r, 12, 12)
        name = index.data(ICON_ROLE)
        if name:
            icon(str(name)).paint(painter, QRect(r.center().x() - 16, r.top() + 10, 32, 32))
        font = QFont(painter.font())
        font.setPixelSize(15)
        font.setBold(selected)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff" if selected else "#d0d5dd"))
        painter.drawText(QRect(r.left(), r.top() + 48, r.width(), 28),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        badge = int(index.data(BADGE_ROLE) or 0)
        if badge > 0:
            text = str(badge) if badge < 100 else "99+"
            font.setPixelSize(13)
            font.setBold(True)
            painter.setFont(font)
            width = max(24, painter.fontMetrics().horizontalAdvance(text) + 12)
            pill = QRect(r.center().x() + 8, r.top() + 4, width, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#d92d20"))
            painter.drawRoundedRect(pill, 11, 11)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class Rail(QListView):
    """A vertical list of modules over the rail model; selecting one shows its page."""

    def __init__(self, model: ModuleRailModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceRail")
        self.setModel(model)
        self.setItemDelegate(RailDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(RailDelegate.ENTRY.width() + 4)
