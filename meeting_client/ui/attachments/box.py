"""The attachment box: the files of a message, a report, an event or a registry entry.

One widget everywhere: a list (name, size), "Đính kèm tệp…" to add one (uploaded at
once, off the GUI thread, with a progress bar), a double click to read it in the PDF
reader. The owner's dialog takes :meth:`AttachmentBox.ids` into its command.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.ui.file_dialogs import ask_path, file_dialog
from meeting_client.ui.look import label
from meeting_protocol.attachments import MAX_ATTACHMENTS, AttachmentInfo

INFO_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    """``840 B``, ``12 KB``, ``3,4 MB`` (Vietnamese decimal comma)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class AttachmentBox(QWidget):
    changed = Signal()
    """The list of files changed (one added, removed, or replaced)."""

    def __init__(self, center: AttachmentsCenter, *, editable: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentBox")
        self.center = center
        self.editable = editable
        self._owned: set[int] = set()
        self.files = QListWidget()
        self.files.setObjectName("attachmentList")
        self.attach_button = QPushButton(self.tr("Đính kèm tệp…"))
        self.remove_button = QPushButton(self.tr("Bỏ tệp"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = label("", "muted")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        for w in (self.attach_button, self.remove_button):
            w.setVisible(editable)
        self.attach_button.setEnabled(center.available)
        self._sync_visibility()

        self.attach_button.clicked.connect(self.on_attach_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.files.itemDoubleClicked.connect(self.on_item_double_clicked)
        center.uploaded.connect(self.on_center_uploaded)
        center.progress.connect(self.on_center_progress)
        center.failed.connect(self.on_center_failed)
        center.ready.connect(self.on_center_ready)

    # --- what the owner's dialog reads and sets -------------------------------------------

    def attachments(self) -> list[AttachmentInfo]:
        return [self.files.item(i).data(INFO_ROLE) for i in range(self.files.count())]

    def ids(self) -> list[int]:
        """The files added here (staged): what the owner's command claims."""
        return [a.attachment_id for a in self.attachments()
                if a.attachment_id not in self._owned]

    def set_attachments(self, infos: list[AttachmentInfo]) -> None:
        """Show the files the object already has (not claimed again by :meth:`ids`)."""
        self.files.clear()
        self._owned = {i.attachment_id for i in infos}
        for info in infos:
            self._add(info)
        self._sync_visibility()

    def clear(self) -> None:
        self.set_attachments([])

    # --- adding -------------------------------------------------------------------------

    def file_dialog(self, options: QFileDialog.Option | None = None) -> QFileDialog:
        """The dialog "Đính kèm tệp…" opens."""
        return file_dialog(self, self.tr("Chọn tệp đính kèm"), "",
                           self.tr("Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx "
                                   "*.odt *.ods *.odp)"), save=False, options=options)

    def on_attach_clicked(self) -> None:
        path = ask_path(self.file_dialog())
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> None:
        """Upload ``path`` now; it joins the list once the server stored it."""
        if self.files.count() >= MAX_ATTACHMENTS:
            self.status.setText(self.tr("Tối đa %n tệp.", "", MAX_ATTACHMENTS))
            return
        self.attach_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Đang tải lên %1…").replace("%1", Path(path).name))
        self.center.upload(path)

    def on_center_progress(self, done: int, total: int) -> None:
        self.progress.setValue(100 * done // total if total else 100)

    def on_center_uploaded(self, info: AttachmentInfo) -> None:
        self._add(info)
        self._done("")
        self.changed.emit()

    def on_center_failed(self, message: str) -> None:
        self._done(message)

    def on_remove_clicked(self) -> None:
        """Take a newly added file off the list (one the object owns stays)."""
        row = self.files.currentRow()
        if row >= 0 and self.files.item(row).data(INFO_ROLE).attachment_id not in self._owned:
            self.files.takeItem(row)
            self._sync_visibility()
            self.changed.emit()

    # --- reading ------------------------------------------------------------------------

    def on_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.status.setText(self.tr("Đang mở…"))
        self.center.open(item.data(INFO_ROLE))

    def on_center_ready(self, info: AttachmentInfo, path: str) -> None:
        if all(a.attachment_id != info.attachment_id for a in self.attachments()):
            return  # another box on the same center asked
        self.status.setText("")
        from meeting_client.ui.attachments.viewer import AttachmentViewer

        viewer = AttachmentViewer(path, info, self.window())
        viewer.show()

    # --- inside -------------------------------------------------------------------------

    def _add(self, info: AttachmentInfo) -> None:
        item = QListWidgetItem(f"{info.filename} · {size_text(info.size)}")
        item.setData(INFO_ROLE, info)
        item.setToolTip(self.tr("Nhấp đúp để đọc"))
        self.files.addItem(item)
        self._sync_visibility()

    def _done(self, message: str) -> None:
        self.progress.setVisible(False)
        self.attach_button.setEnabled(self.center.available)
        self.status.setText(message)

    def _sync_visibility(self) -> None:
        self.files.setVisible(self.files.count() > 0 or not self.editable)
        if self.editable:  # as tall as its files, up to four rows: the compose box keeps room
            rows = max(1, min(4, self.files.count()))
            self.files.setFixedHeight(rows * self.files.fontMetrics().height() * 3 // 2 + 8)
        self.remove_button.setEnabled(self.files.count() > 0)


class AttachmentsDialog(QDialog):
    """A small read-only window listing an object's files (a message's, a step's)."""

    def __init__(self, center: AttachmentsCenter, infos: list[AttachmentInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tệp đính kèm"))
        self.box = AttachmentBox(center, editable=False, parent=self)
        self.box.set_attachments(infos)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Nhấp đúp vào một tệp để đọc."), "muted"))
        layout.addWidget(self.box)
        self.resize(520, 300)


def attachments_dialog(center: AttachmentsCenter, infos: list[AttachmentInfo],
                       parent: QWidget | None = None) -> AttachmentsDialog:
    return AttachmentsDialog(center, infos, parent)
