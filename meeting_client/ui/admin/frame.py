"""The frame the administration dialogs share: title, form, message line, Hủy · Lưu."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from meeting_client.ui.look import label


def framed_form(dialog: QDialog, form: QFormLayout, *, ok_text: str,
                cancel_text: str) -> tuple[QLabel, QPushButton, QPushButton]:
    """Lay ``form`` out in ``dialog``; returns (the hidden message line, Lưu, Hủy).

    The texts come from the dialog's own ``tr`` so that each keeps its translation context.
    """
    message = label("", "warnText")
    message.hide()
    ok_button = QPushButton(ok_text)
    ok_button.setObjectName("primary")
    ok_button.setDefault(True)
    cancel_button = QPushButton(cancel_text)
    buttons = QHBoxLayout()
    buttons.addWidget(cancel_button)
    buttons.addStretch(1)
    buttons.addWidget(ok_button)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(16)
    layout.addWidget(label(dialog.windowTitle(), "panelTitle"))
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addLayout(buttons)
    return message, ok_button, cancel_button
