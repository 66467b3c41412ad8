"""An attachment's PDF in the reader, in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from meeting_client.ui.reader.reader_widget import ReaderWidget
from meeting_protocol.attachments import AttachmentInfo


class AttachmentViewer(QDialog):
    def __init__(self, path: str, info: AttachmentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(info.filename)
        self.reader = ReaderWidget(self)
        # Highlights and notes are kept per meeting paper; an attachment has none.
        for tool in (self.reader.highlight_button, self.reader.note_button):
            tool.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        self.resize(1100, 820)
        self.reader.open_file(path, document_id=info.attachment_id, title=info.filename)
