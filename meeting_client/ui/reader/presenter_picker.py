"""The chair names who may turn everyone's pages (``presentation.presenter``).

A committee head presenting a report, a department director answering
questions: the chair picks the person here, and that terminal gets the
"Trình chiếu cho cả phòng" button. The choice shown always comes from the
snapshot, so every chair terminal agrees and a refused command reverts.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from meeting_client.models.labels import role_label
from meeting_client.models.port import CommandPort
from meeting_client.ui.reader.reader_widget import TOUCH
from meeting_protocol.documents import PresentationPresenter
from meeting_protocol.roles import HALL
from meeting_protocol.state import Snapshot


class PresenterPicker(QWidget):
    """A labelled list: nobody (the chair and the speaker only) or one participant."""

    failed = Signal(str)
    """(sentence) — the server refused the choice."""

    def __init__(self, port: CommandPort, meeting_id: int, me_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._meeting_id = meeting_id
        self._me_id = me_id
        self._people: list[tuple[int, str]] = []
        self._seen: object = None
        """The participants list the choices were built from (snapshots share it until
        someone joins or leaves)."""
        self._designated: int | None = None
        self._pending: int | None = None
        self.combo = QComboBox()
        self.combo.setMinimumHeight(TOUCH)
        # Long "name — role" entries must not widen the papers column past the screen.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.combo.setAccessibleName(self.tr("Người trình bày"))
        caption = QLabel(self.tr("Người trình bày:"))
        caption.setBuddy(self.combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.combo)
        self._fill()
        self.combo.activated.connect(self.on_combo_activated)
        port.command_failed.connect(self.on_port_command_failed)

    def designated(self) -> int | None:
        """The user chosen in the list (None: nobody named)."""
        return self.combo.currentData()  # type: ignore[no-any-return]

    def on_snapshot(self, snapshot: Snapshot) -> None:
        if snapshot.participants is not self._seen:
            self._seen = snapshot.participants
            people = [(p.user_id, f"{p.full_name} — {role_label(p.role)}")
                      for p in snapshot.participants
                      if p.user_id != self._me_id and p.role != HALL]
            if people != self._people:
                self._people = people
                self._fill()
        self._designated = snapshot.designated_presenter
        self._show(self._designated)

    def choose(self, user_id: int | None) -> None:
        """Name ``user_id`` (None withdraws), as picking it in the list does."""
        index = self.combo.findData(user_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self.on_combo_activated(index)

    def on_combo_activated(self, index: int) -> None:
        user_id = self.combo.itemData(index)
        if user_id == self._designated:
            return
        self._pending = self._port.send_command(
            PresentationPresenter(meeting_id=self._meeting_id, user_id=user_id))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token != self._pending:
            return
        self._pending = None
        self._show(self._designated)
        self.failed.emit(message or self.tr("Không chỉ định được người trình bày."))

    def _fill(self) -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("Không chỉ định (chủ tọa, người đang phát biểu)"), None)
        for user_id, text in self._people:
            self.combo.addItem(text, user_id)
        self._show(self._designated)

    def _show(self, user_id: int | None) -> None:
        index = self.combo.findData(user_id)
        self.combo.setCurrentIndex(max(index, 0))
