"""Messages drawn as bubbles: one's own on the right in blue, others' on the left."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from meeting_client.models.base import ROW_ROLE
from meeting_client.models.labels import clock_text
from meeting_client.models.messages_model import MessageRow, files_label, ref_label

PAD = 10
SHARE = 0.68
"""Widest a bubble gets, as a share of the view."""
MINE, THEIRS = QColor("#dbe7ff"), QColor("#ffffff")
BORDER = QColor("#d0d5dd")
MUTED = QColor("#475467")
FLAGS = int(Qt.TextFlag.TextWordWrap)

Index = QModelIndex | QPersistentModelIndex


class BubbleDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPixelSize(max(11, option.font.pixelSize() - 3))
        return option.font, small

    def _parts(self, row: MessageRow) -> tuple[str, str]:
        head = f"{row.sender} · {clock_text(row.sent_at)}"
        tail = f"\n↪ {ref_label(row.ref)}" if row.ref else ""
        return head, row.text + tail + files_label(row.attachments)

    def _text_rects(self, option: QStyleOptionViewItem, row: MessageRow) -> tuple[QRect, QRect]:
        font, small = self._fonts(option)
        width = int(self.view.width() * SHARE)
        head, body = self._parts(row)
        head_r = QFontMetrics(small).boundingRect(QRect(0, 0, width, 10_000), FLAGS, head)
        body_r = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), FLAGS, body)
        return head_r, body_r

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(ROW_ROLE)
        if row is None:
            return super().sizeHint(option, index)
        head_r, body_r = self._text_rects(option, row)
        return QSize(self.view.width() - 20, head_r.height() + body_r.height() + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        font, small = self._fonts(option)
        head, body = self._parts(row)
        head_r, body_r = self._text_rects(option, row)
        inner = max(head_r.width(), body_r.width())
        w, h = inner + 2 * PAD, head_r.height() + body_r.height() + 2 * PAD
        r = option.rect
        x = r.right() - w - 8 if row.mine else r.left() + 8
        bubble = QRect(x, r.top() + PAD // 2, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(BORDER)
        painter.setBrush(MINE if row.mine else THEIRS)
        painter.drawRoundedRect(bubble, 10, 10)
        painter.setFont(small)
        painter.setPen(MUTED)
        painter.drawText(QRect(x + PAD, bubble.top() + PAD, inner, head_r.height()), FLAGS, head)
        painter.setFont(font)
        painter.setPen(QColor("#101828"))
        painter.drawText(QRect(x + PAD, bubble.top() + PAD + head_r.height(), inner,
                               body_r.height()), FLAGS, body)
        painter.restore()
