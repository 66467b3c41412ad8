""""Việc chưa hoàn thành" of a meeting: its participants' overdue directives, ticked and put
on the agenda with one button. Shown in the preparation page and the chair's console."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.directives import status_label, vn_date
from meeting_client.models.pending_work import PendingRow, PendingWork
from meeting_client.models.port import CommandPort
from meeting_client.ui.look import label

DIRECTIVE_ID = Qt.ItemDataRole.UserRole + 20


class PendingWorkPanel(QWidget):
    """Args: ``port`` for the reads and ``agenda.add``; :meth:`show_meeting` picks the
    meeting. :meth:`set_allowed` disables the button with a reason (e.g. the chair before
    the session starts: the server only lets the chair add items during it)."""

    def __init__(self, port: CommandPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingWork")
        self.work = PendingWork(port, self)
        self.heading = label(self.tr("Việc chưa hoàn thành"), "panelTitle")
        self.hint = label(self.tr("Nhiệm vụ quá hạn của các thành phần dự họp. Chọn các việc "
                                  "cần đưa ra cuộc họp rồi bấm \u201cĐưa vào chương trình "
                                  "họp\u201d."), "muted")
        self.list = QListWidget()
        self.list.setObjectName("pendingList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(6)  # rows tall enough to tick by touch
        self.empty = label(self.tr("Không có việc quá hạn nào của thành phần dự họp."),
                           "muted")
        self.message = label("", "muted")
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.add_button = QPushButton(self.tr("Đưa vào chương trình họp"))
        self.add_button.setObjectName("primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._allowed = True
        self._stale = False
        self.empty.hide()
        self.work.loaded.connect(self.on_loaded)
        self.work.done.connect(lambda s: self._say(s, "muted"))
        self.work.failed.connect(lambda s: self._say(s, "warnText"))
        self.refresh_button.clicked.connect(lambda: self.work.load())
        self.add_button.clicked.connect(self.on_add_clicked)
        self.list.itemChanged.connect(lambda _item: self._update_buttons())
        self._update_buttons()

    def show_meeting(self, meeting_id: int) -> None:
        """Read the list now if the panel is on screen, else when it is first shown (a
        tab nobody opens costs nothing)."""
        if meeting_id != self.work.meeting_id:
            self.list.clear()
            self.message.clear()
        self.work.meeting_id = meeting_id
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.work.load()

    def set_allowed(self, allowed: bool, reason: str = "") -> None:
        self._allowed = allowed
        self.add_button.setToolTip("" if allowed else reason)
        if not allowed and reason:
            self._say(reason, "muted")
        elif allowed and self.message.text() == self.add_button.toolTip():
            self.message.clear()
        self._update_buttons()

    def row_text(self, row: PendingRow, today: date) -> str:
        late = row.days_late(today)
        text = self.tr("%1 — hạn %2 (quá hạn %3 ngày) — %4").replace("%1", row.content) \
            .replace("%2", vn_date(row.deadline)).replace("%3", str(late)) \
            .replace("%4", status_label(row.status))
        if row.agenda_item_id is not None:
            text += " — " + self.tr("đã đưa vào chương trình")
        return text

    def on_loaded(self, rows: list[PendingRow]) -> None:
        ticked = set(self.checked_ids())
        today = date.today()
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.row_text(row, today))
            item.setData(DIRECTIVE_ID, row.directive_id)
            if row.agenda_item_id is None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.directive_id in ticked
                                   else Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_buttons()

    def checked_ids(self) -> list[int]:
        out = []
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.checkState() == Qt.CheckState.Checked and (
                    item.flags() & Qt.ItemFlag.ItemIsEnabled):
                out.append(int(item.data(DIRECTIVE_ID)))
        return out

    def on_add_clicked(self) -> None:
        chosen = self.checked_ids()
        if chosen and self._allowed:
            self.work.put_on_agenda(chosen)
            self._update_buttons()

    def _say(self, sentence: str, look: str) -> None:
        self.message.setObjectName(look)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(sentence)

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._allowed and not self.work.busy
                                   and bool(self.checked_ids()))
