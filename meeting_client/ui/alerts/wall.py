"""The operations room's big screen ("Màn hình lớn"): critical alerts only, newest first,
in type readable from across the room, live from the operator's :class:`AlertCenter`.

Unacknowledged alerts stand out (red, with "CHƯA XÁC NHẬN"); acknowledged ones stay,
dimmed, until newer ones push them off the screen. It reads the same model as the alerts
page, so it needs no command of its own and updates with every ``alert.raised`` /
``alert.acknowledged`` on the user's topic.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from meeting_client.models.alerts_model import AlertFilter, AlertRow, source_label
from meeting_client.models.base import ROW_ROLE
from meeting_client.models.labels import date_time_text
from meeting_client.ui.look import label

if TYPE_CHECKING:
    from meeting_client.models.alerts_model import AlertCenter

SHOWN = 4
"""Cards on the screen at once: at this type size four fill a 16:9 or 16:10 screen."""
BODY_CHARS = 90
"""About one line of the body at the wall's size; the rest is on the alerts page."""
DESIGN = (1920, 1080)
TYPE_SIZES = {"wallHeading": 52, "wallClock": 52, "wallCount": 34, "wallTime": 34,
              "wallSource": 34, "wallTitle": 54, "wallBody": 32, "wallFlag": 30,
              "wallEmpty": 52}
STYLE = """
QWidget#alertWall { background: #10151c; }
QLabel { color: #e8edf3; }
QLabel#wallCount, QLabel#wallSource, QLabel#wallTime { color: #b8c4d2; }
QFrame#wallCard { background: #1d2530; border-radius: 10px; }
QFrame#wallCardNew { background: #8c1d18; border: 4px solid #ff8a80; border-radius: 10px; }
QLabel#wallFlag { color: #ffffff; background: #b3261e; padding: 2px 12px;
                  border-radius: 6px; font-weight: bold; }
QLabel#wallTitle { font-weight: bold; }
QLabel#wallHeading { font-weight: bold; color: #ff8a80; }
"""


def scaled_style(width: int, height: int) -> str:
    """The colours, and type sizes scaled from the 1920×1080 design to this screen."""
    scale = max(0.45, min(width / DESIGN[0], height / DESIGN[1], 2.5))
    return STYLE + "\n".join(f"QLabel#{name} {{ font-size: {round(px * scale)}px; }}"
                             for name, px in TYPE_SIZES.items())


class AlertCard(QFrame):
    """One critical alert: time and source, the title, the body's first lines."""

    def __init__(self, row: AlertRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert_id = row.alert_id
        self.pending = row.acknowledged_at is None
        self.setObjectName("wallCardNew" if self.pending else "wallCard")
        self.time = label(date_time_text(row.raised_at), "wallTime", wrap=False)
        self.source = label(source_label(row.source), "wallSource", wrap=False)
        self.flag = label(self.tr("CHƯA XÁC NHẬN") if self.pending
                          else self.tr("Đã xác nhận"), "wallFlag" if self.pending
                          else "wallSource", wrap=False)
        self.title = label(row.title, "wallTitle")
        body = " ".join(row.body.split())
        self.body = label(body[:BODY_CHARS] + ("…" if len(body) > BODY_CHARS else ""),
                          "wallBody", wrap=False)
        self.body.setVisible(bool(body))
        top = QHBoxLayout()
        top.addWidget(self.time)
        top.addSpacing(24)
        top.addWidget(self.source)
        top.addStretch(1)
        top.addWidget(self.flag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.body)


class AlertWall(QWidget):
    """Full screen on the room's wall; Esc (or F11) leaves full screen / closes it."""

    def __init__(self, center: AlertCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertWall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Màn hình lớn — Cảnh báo khẩn cấp"))
        self.center = center
        self.critical = AlertFilter(self)
        self.critical.setSourceModel(center.model)
        self.critical.set_filter(level="critical")
        self.heading = label(self.tr("CẢNH BÁO KHẨN CẤP"), "wallHeading", wrap=False)
        self.clock = label("", "wallClock", wrap=False)
        self.count = label("", "wallCount", wrap=False)
        self.empty = label(self.tr("Không có cảnh báo khẩn cấp."), "wallEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more = label("", "wallCount", wrap=False)
        self.cards: list[AlertCard] = []
        self._cards = QVBoxLayout()
        self._cards.setSpacing(18)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(32)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        # The screen's size wins over the content's: type is scaled to the screen instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(24)
        layout.addLayout(top)
        layout.addLayout(self._cards)
        layout.addWidget(self.more)
        layout.addWidget(self.empty, 1)
        layout.addStretch(0)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start()
        model = self.critical
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.dataChanged, model.layoutChanged):
            signal.connect(self.rebuild)
        self.setStyleSheet(scaled_style(*DESIGN))
        self._show_clock()
        self.rebuild()

    def rows(self) -> list[AlertRow]:
        """The critical alerts, newest first (the centre keeps its model in that order)."""
        model: QSortFilterProxyModel = self.critical
        rows = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
        return sorted(rows, key=lambda r: (r.raised_at, r.alert_id), reverse=True)

    def rebuild(self, *_args: object) -> None:
        rows = self.rows()
        for card in self.cards:
            self._cards.removeWidget(card)
            card.hide()  # gone from the picture now, not at the next turn of the loop
            card.deleteLater()
        self.cards = [AlertCard(row) for row in rows[:SHOWN]]
        for card in self.cards:
            self._cards.addWidget(card)
        pending = sum(1 for r in rows if r.acknowledged_at is None)
        self.count.setText(self.tr("%n chưa xác nhận", "", pending) if pending else "")
        self.empty.setVisible(not rows)
        hidden = len(rows) - len(self.cards)
        self.more.setText(self.tr("… và %n cảnh báo khẩn cấp cũ hơn", "", hidden)
                          if hidden > 0 else "")
        self.more.setVisible(hidden > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        self.setStyleSheet(scaled_style(size.width(), size.height()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def _show_clock(self) -> None:
        self.clock.setText(datetime.now().strftime("%H:%M:%S  %d/%m/%Y"))
