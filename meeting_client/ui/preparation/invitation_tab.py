"""The invitation (giấy mời): a preview of the server's PDF, export, and the replies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QThreadPool, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.gui_post import GuiPost
from meeting_client.models.preparation import reply_label
from meeting_client.ui.look import label


class _Saved(QObject):
    finished = Signal(str, str)
    """(path, error or "")."""


class InvitationTab(QWidget):
    preview_requested = Signal()
    saved = Signal(str)
    """(path) — the PDF is on disk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = b""
        self.filename = "giay-moi.pdf"
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setObjectName("invitationPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_button = QPushButton(self.tr("Xem giấy mời"))
        self.preview_button.setObjectName("primary")
        self.export_button = QPushButton(self.tr("Lưu giấy mời (PDF)…"))
        self.export_button.setEnabled(False)
        self.replies = label("", "muted")
        self.replies.setObjectName("replies")
        self._saver = _Saved(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replies, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.preview_button.clicked.connect(self.preview_requested)
        self.export_button.clicked.connect(self.on_export_clicked)
        self._saver.finished.connect(self.on_saver_finished)

    def show_replies(self, participants: list[dict[str, Any]]) -> None:
        """Who confirmed, who sent a reason (the clerk reads them here before the day)."""
        participants = [p for p in participants if p.get("role") != "hall"]  # devices
        attend = sum(1 for p in participants if p.get("reply") == "attend")
        absent = [p for p in participants if p.get("reply") == "absent"]
        waiting = len(participants) - attend - len(absent)
        lines = [self.tr("Tham dự: %1 · Vắng mặt: %2 · Chưa trả lời: %3")
                 .replace("%1", str(attend)).replace("%2", str(len(absent)))
                 .replace("%3", str(waiting))]
        lines += [f"{p['full_name']} — {reply_label('absent', p.get('absence_reason'))}"
                  for p in absent]
        self.replies.setText("\n".join(lines))

    def show_pdf(self, data: bytes, filename: str) -> None:
        """In memory (a QBuffer): the preview touches no disk."""
        self.pdf_bytes = data
        self.filename = filename
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.export_button.setEnabled(bool(data))

    def on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu giấy mời"), self.filename,
                                              self.tr("Tệp PDF (*.pdf)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Written off the GUI thread; ``saved`` follows."""
        data, saver = self.pdf_bytes, self._saver
        post = GuiPost(saver)  # the tab may be closed before the disk answers

        def write() -> None:
            try:
                Path(path).write_bytes(data)
            except OSError as exc:
                error = str(exc)
            else:
                error = ""
            post(lambda: saver.finished.emit(path, error))

        QThreadPool.globalInstance().start(write)

    def on_saver_finished(self, path: str, error: str) -> None:
        if not error:
            self.saved.emit(path)
