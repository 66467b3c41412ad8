"""Paints a cell's matched words highlighted (ranges from ``registry.search``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from meeting_client.models.registry_model import HIGHLIGHT_ROLE

MARK = "#ffe58a"


def marked_html(text: str, ranges: list[list[int]]) -> str:
    out, at = [], 0
    for a, b in sorted(ranges):
        if a < at:
            continue
        out.append(escape(text[at:a]))
        out.append(f'<span style="background:{MARK}">{escape(text[a:b])}</span>')
        at = b
    out.append(escape(text[at:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Cells with highlight ranges are drawn as rich text; others as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        ranges = index.data(HIGHLIGHT_ROLE)
        if not ranges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(marked_html(text, ranges))  # one line, clipped like the other cells
        painter.save()
        painter.translate(opt.rect.left(),
                          opt.rect.top() + max(0.0, (opt.rect.height() - doc.size().height()) / 2))
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
