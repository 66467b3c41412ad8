"""An inline "are you sure?" strip: one confirmation without a modal dialog.

Touch screens and the chamber's pace favour a strip in place over a pop-up;
it also keeps the widget testable without driving a modal event loop. Its
confirm button is a :class:`GuardedButton`: it appears away from the control
that asked, and stays deaf for the dead time, so the second half of a double
tap cannot confirm.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.look import label, set_state


class ConfirmBar(QFrame):
    """Hidden until :meth:`ask`; emits ``confirmed`` with the payload it was asked with."""

    confirmed = Signal(object)
    """(payload) — the person pressed the confirm button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self._payload: object = None
        self.question = label("", "confirmQuestion")
        self.confirm_button = GuardedButton(self.tr("Xác nhận"))
        self.confirm_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("Hủy"))
        # The question above, the buttons below it: the confirm button never sits where
        # the control that asked was, and a long question wraps in a narrow column.
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self._connect_signals()
        self.hide()

    def _connect_signals(self) -> None:
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)

    def ask(self, question: str, payload: object, confirm_text: str = "",
            state: str = "") -> None:
        """Show ``question``; ``state`` "warn" marks a question that needs a second look."""
        self.question.setText(question)
        set_state(self.question, state)
        self.confirm_button.rearm()
        self.confirm_button.setText(confirm_text or self.tr("Xác nhận"))
        self._payload = payload
        self.show()

    def pending(self) -> object:
        """The payload awaiting confirmation, None when the bar is closed."""
        return self._payload

    def on_confirm_clicked(self) -> None:
        payload, self._payload = self._payload, None
        self.hide()
        self.confirmed.emit(payload)

    def on_cancel_clicked(self) -> None:
        self._payload = None
        self.hide()
