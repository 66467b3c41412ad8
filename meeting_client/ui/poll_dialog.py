"""The chair's (or clerk's) form for a new poll: title, options, secret, majority."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.labels import majority_label
from meeting_client.ui.look import plain_buttons
from meeting_protocol.commands import DEFAULT_OPTIONS
from meeting_protocol.state import AgendaItem


@dataclass(frozen=True, slots=True)
class PollForm:
    title: str
    options: list[str]
    secret: bool
    majority: str | None
    agenda_item_id: int | None


class PollDialog(QDialog):
    """Non-modal use: call ``open()`` and read :meth:`form` on ``accepted``."""

    def __init__(self, agenda: list[AgendaItem], active_item_id: int | None,
                 default_majority: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo biểu quyết"))
        self.setMinimumWidth(640)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Ví dụ: Thông qua Nghị quyết về …"))
        self.item_combo = QComboBox()
        self.item_combo.addItem(self.tr("(Không gắn với nội dung)"), None)
        for item in agenda:
            self.item_combo.addItem(f"{item.position}. {item.title}", item.id)
            if item.id == active_item_id:
                self.item_combo.setCurrentIndex(self.item_combo.count() - 1)
        self.standard = QRadioButton(self.tr("Đồng ý / Không đồng ý / Không biểu quyết"))
        self.standard.setChecked(True)
        self.custom = QRadioButton(self.tr("Phương án khác (mỗi dòng một phương án)"))
        self.custom_options = QPlainTextEdit()
        self.custom_options.setPlaceholderText(self.tr("Phương án 1\nPhương án 2"))
        self.custom_options.setEnabled(False)
        self.custom_options.setMaximumHeight(120)
        self.secret = QCheckBox(self.tr("Bỏ phiếu kín"))
        self.majority = QComboBox()
        for rule in ("absolute", "two_thirds", "simple"):
            self.majority.addItem(majority_label(rule), rule)
            if rule == default_majority:
                self.majority.setCurrentIndex(self.majority.count() - 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        plain_buttons(self.buttons)
        form = QFormLayout()
        form.addRow(self.tr("Nội dung biểu quyết"), self.title_edit)
        form.addRow(self.tr("Thuộc nội dung"), self.item_combo)
        form.addRow(self.tr("Phương án"), self.standard)
        form.addRow("", self.custom)
        form.addRow("", self.custom_options)
        form.addRow(self.tr("Hình thức"), self.secret)
        form.addRow(self.tr("Điều kiện thông qua"), self.majority)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.on_form_changed()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self.on_form_changed)
        self.custom.toggled.connect(self.on_form_changed)
        self.custom_options.textChanged.connect(self.on_form_changed)

    def _options(self) -> list[str]:
        if self.standard.isChecked():
            return list(DEFAULT_OPTIONS)
        lines = [line.strip() for line in self.custom_options.toPlainText().splitlines()]
        return list(dict.fromkeys(line for line in lines if line))

    def on_form_changed(self, *_args: object) -> None:
        self.custom_options.setEnabled(self.custom.isChecked())
        ok = bool(self.title_edit.text().strip()) and 2 <= len(self._options()) <= 20
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def form(self) -> PollForm:
        return PollForm(
            title=self.title_edit.text().strip(),
            options=self._options(),
            secret=self.secret.isChecked(),
            majority=self.majority.currentData(),
            agenda_item_id=self.item_combo.currentData(),
        )
