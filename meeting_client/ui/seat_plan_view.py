"""A chamber drawn from its seat plan: the presidium on top, then each block's rows.

Each seat shows its label and the short name of whoever sits there, coloured by state
(present / absent / asking for the floor / speaking) with a ✓ once they voted in the open
poll (never what they chose). Used by the chair's seat map and the plan editor's preview.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

STATUS_COLOURS = {
    "present": ("#d7f0de", "#1b7f3b"),
    "absent": ("#f2f4f7", "#98a2b3"),
    "excused": ("#f2f4f7", "#667085"),
    "waiting": ("#fff1cc", "#b26a00"),
    "speaking": ("#dbe8ff", "#1d4ed8"),
    "empty": ("#ffffff", "#d0d5dd"),
}
VOTED_COLOUR = "#1b7f3b"


@dataclass(frozen=True, slots=True)
class SeatState:
    status: str = "empty"
    name: str = ""
    voted: bool = False


StateOf = Callable[[str], SeatState]


class SeatPlanView(QWidget):
    CELL = QSize(92, 60)
    GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatPlanView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._plan: list[dict[str, Any]] = []
        self._state_of: StateOf = lambda _label: SeatState()
        self._cells: dict[str, QRect] = {}

    def set_plan(self, plan: list[dict[str, Any]] | None, state_of: StateOf | None = None
                 ) -> None:
        self._plan = list(plan or [])
        if state_of is not None:
            self._state_of = state_of
        self.updateGeometry()
        self.update()

    def state(self, seat: str) -> SeatState:
        return self._state_of(seat)

    def seats(self) -> list[str]:
        return [s for b in self._plan for row in b.get("seats", []) for s in row if s]

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def _scale(self) -> float:
        widest = max((len(row) for b in self._plan for row in b.get("seats", [])), default=1)
        rows = sum(len(b.get("seats", [])) for b in self._plan) or 1
        need_w = widest * (self.CELL.width() + self.GAP)
        need_h = rows * (self.CELL.height() + self.GAP)
        room_h = self.height() - 4 - len(self._plan) * 32  # block titles and spacing
        return max(0.35, min(1.0, self.width() / max(1, need_w), room_h / max(1, need_h)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = self._scale()
        cw, ch = int(self.CELL.width() * scale), int(self.CELL.height() * scale)
        gap = max(2, int(self.GAP * scale))
        font = QFont(self.font())
        y = 4
        self._cells.clear()
        for block in self._plan:
            font.setPixelSize(max(10, int(14 * scale)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#344054"))
            painter.drawText(QRect(0, y, self.width(), 22), Qt.AlignmentFlag.AlignHCenter,
                             str(block.get("name") or ""))
            y += 24
            for row in block.get("seats", []):
                x = (self.width() - len(row) * (cw + gap)) // 2
                for seat in row:
                    if seat:
                        rect = QRect(x, y, cw, ch)
                        self._cells[seat] = rect
                        self._paint_seat(painter, rect, seat, scale)
                    x += cw + gap
                y += ch + gap
            y += 8
        painter.end()

    def _paint_seat(self, painter: QPainter, rect: QRect, seat: str, scale: float) -> None:
        state = self._state_of(seat)
        fill, edge = STATUS_COLOURS.get(state.status, STATUS_COLOURS["absent"])
        painter.setBrush(QColor(fill))
        painter.setPen(QColor(edge))
        painter.drawRoundedRect(rect, 6, 6)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(9, int(15 * scale)))
        painter.setFont(font)
        painter.drawText(rect.adjusted(0, 2, 0, -rect.height() // 2),
                         Qt.AlignmentFlag.AlignCenter, seat)
        font.setBold(False)
        font.setPixelSize(max(8, int(12 * scale)))
        painter.setFont(font)
        painter.setPen(QColor("#344054"))
        painter.drawText(rect.adjusted(3, rect.height() // 2, -3, -2),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         painter.fontMetrics().elidedText(state.name,
                                                          Qt.TextElideMode.ElideRight,
                                                          rect.width() - 6))
        if state.voted:
            size = max(10, int(16 * scale))
            badge = QRect(rect.right() - size - 2, rect.top() + 2, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(VOTED_COLOUR))
            painter.drawEllipse(badge)
            painter.setPen(QColor("#ffffff"))
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "✓")
