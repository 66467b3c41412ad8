"""The live preview of the minutes: the PDF the server rendered, page by page.

``QPdfDocument`` reads from a ``QBuffer`` that must outlive it, so the preview keeps the
buffer of the document on screen and swaps both together when a new rendering arrives.
Rendering pages is QPdfView's business (it caches and draws only what is visible).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_client.ui.look import label, set_state


class MinutesPreview(QWidget):
    """Shows the latest rendering; says when one is on its way or failed."""

    loaded = Signal(int)
    """(pages) — a new rendering is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._keep_page = 0
        self.view = QPdfView(self)
        self.view.setObjectName("minutesPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.title = label(self.tr("Xem trước biên bản"), "panelSubtitle")
        self.status = label("", "muted")
        self.note = label("", "muted")
        self.pages = QLabel()
        self.pages.setObjectName("muted")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.note, 1)
        top.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.document.statusChanged.connect(self.on_document_status_changed)
        self.view.pageNavigator().currentPageChanged.connect(self.on_page_changed)

    def set_note(self, text: str) -> None:
        """A remark beside the title, e.g. that unsaved text is shown."""
        self.note.setText(text)

    def set_pending(self) -> None:
        self.status.setText(self.tr("Đang cập nhật bản xem trước…"))
        set_state(self.status, "")

    def set_failed(self, message: str) -> None:
        self.status.setText(self.tr("Không tạo được bản xem trước: %1").replace("%1", message))
        set_state(self.status, "warn")

    def show_pdf(self, data: bytes) -> None:
        """Load a new rendering, keeping the page the clerk was looking at."""
        self._keep_page = self.view.pageNavigator().currentPage()
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self._buffer = buffer
        self.document.load(buffer)
        if old is not None:
            old.close()
            old.deleteLater()

    def page_count(self) -> int:
        return self.document.pageCount()

    def on_document_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.status.setText("")
            count = self.document.pageCount()
            if 0 < self._keep_page < count:
                navigator = self.view.pageNavigator()
                navigator.jump(self._keep_page, QPointF(), navigator.currentZoom())
            self.on_page_changed(self.view.pageNavigator().currentPage())
            self.loaded.emit(self.document.pageCount())
        elif status == QPdfDocument.Status.Error:
            self.set_failed(self.tr("tệp PDF không đọc được"))

    def on_page_changed(self, page: int) -> None:
        count = self.document.pageCount()
        self.pages.setText(self.tr("Trang %1/%2").replace("%1", str(page + 1))
                           .replace("%2", str(count)) if count else "")
