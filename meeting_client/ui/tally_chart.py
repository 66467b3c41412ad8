"""A painted horizontal bar chart of a poll's tally.

Painted rather than QtCharts: it loads instantly (cold start matters on the
terminals), scales its type for the hall screen, and draws the pass line of
the majority rule, which is what people look for first.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from meeting_client.models.tally_model import COUNT_ROLE, OPTION_ROLE

COLOURS = {"yes": "#1b7f3b", "no": "#b3261e", "abstain": "#b26a00"}
OTHER = "#2f5d9b"
NOT_CAST = "#8a8f98"


class TallyChart(QWidget):
    """Bars per option of a :class:`~meeting_client.models.tally_model.TallyModel`.

    Bar lengths are counts over ``eligible`` (all delegates), the base of the
    council's majority rules; ``threshold`` draws the votes needed to pass.
    """

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyChart")
        self._model = model
        self._eligible = 0
        self._threshold: int | None = None
        self._scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        for sig in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            sig.connect(self.update)

    def set_scale(self, scale: float) -> None:
        """Larger type and bars for the hall screen."""
        self._scale = scale
        self.updateGeometry()
        self.update()

    def set_poll_numbers(self, eligible: int, threshold: int | None) -> None:
        self._eligible = eligible
        self._threshold = threshold
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(self._model.rowCount(), 3)
        return QSize(480, int(rows * 56 * self._scale))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, int(max(self._model.rowCount(), 3) * 40 * self._scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        rows = self._model.rowCount()
        if rows == 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(int(18 * self._scale))
        p.setFont(font)
        metrics = p.fontMetrics()
        labels = [self._model.index(r, 0).data() or "" for r in range(rows)]
        label_w = max(metrics.horizontalAdvance(t) for t in labels) + int(16 * self._scale)
        count_w = metrics.horizontalAdvance("000 (100,0%)") + int(12 * self._scale)
        row_h = min(self.height() / rows, 64 * self._scale)
        bar_h = row_h * 0.62
        left = label_w
        width = max(self.width() - label_w - count_w, 10)
        total = max(self._eligible, 1, *(self._model.index(r, 0).data(COUNT_ROLE) or 0
                                         for r in range(rows)))
        text_colour = self.palette().windowText().color()
        for r in range(rows):
            count = self._model.index(r, 0).data(COUNT_ROLE) or 0
            option = self._model.index(r, 0).data(OPTION_ROLE) or ""
            top = r * row_h + (row_h - bar_h) / 2
            p.setPen(text_colour)
            p.drawText(QRectF(0, r * row_h, label_w - 8, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, labels[r])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#e4e7ec"))
            p.drawRoundedRect(QRectF(left, top, width, bar_h), 4, 4)
            colour = COLOURS.get(option, NOT_CAST if option.startswith("__") else OTHER)
            p.setBrush(QColor(colour))
            if count:
                p.drawRoundedRect(QRectF(left, top, max(width * count / total, 6), bar_h), 4, 4)
            share = f"{count} ({count * 100 / max(self._eligible, 1):.1f}%)".replace(".", ",")
            p.setPen(text_colour)
            p.drawText(QRectF(left + width + 8, r * row_h, count_w, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, share)
        if self._threshold and self._eligible:
            x = left + width * self._threshold / total
            pen = QPen(text_colour, max(2, int(2 * self._scale)), Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(int(x), 0, int(x), int(rows * row_h))
        p.end()
