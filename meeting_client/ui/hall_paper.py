"""The presented paper on the hall screen: one whole page, as large as the screen allows.

The hall fetches the paper through the same :class:`DocumentCenter` as a reader
(local cache first), only when a presentation starts, and then follows the
presenter's page from the Snapshot — it never publishes a page itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from meeting_client.models.document_model import DocumentCenter
from meeting_client.ui.look import label
from meeting_protocol.state import Presentation


class HallPaper(QWidget):
    """Shows :class:`Presentation` ``(document, page)``; the page fits the screen."""

    page_shown = Signal(int, int)
    """(document id, 1-based page) — that page is on the hall screen."""

    def __init__(self, center: DocumentCenter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._center = center
        self._wanted: Presentation | None = None
        self._loaded: int | None = None
        self._requested: int | None = None
        self.title = label("", "hallCaption")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("hallPaper")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.waiting = label(self.tr("Đang tải tài liệu trình chiếu…"), "hallCaption")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.waiting)
        layout.addWidget(self.view, 1)
        self.view.hide()
        if center is not None:
            center.document_ready.connect(self.on_center_document_ready)

    def shown(self) -> tuple[int, int] | None:
        """(document id, 1-based page) on screen now, None while loading."""
        if self._loaded is None or not self.view.isVisibleTo(self):
            return None
        return self._loaded, self.view.pageNavigator().currentPage() + 1

    def show_presentation(self, presentation: Presentation, title: str) -> None:
        self._wanted = presentation
        self.title.setText(title)
        if presentation.document_id == self._loaded:
            self._go_to(presentation.page)
            return
        if self._center is not None and self._requested != presentation.document_id:
            self._requested = presentation.document_id
            self.view.hide()
            self.waiting.show()
            self._center.request_open(presentation.document_id)

    def on_center_document_ready(self, document_id: int, path: str) -> None:
        if self._wanted is None or document_id != self._wanted.document_id:
            return
        self.document.close()
        if self.document.load(path) != QPdfDocument.Error.None_:
            self.waiting.setText(self.tr("Không mở được tài liệu trình chiếu."))
            return
        self._loaded = document_id
        self.waiting.hide()
        self.view.show()
        self._go_to(self._wanted.page)

    def _go_to(self, page: int) -> None:
        last = max(self.document.pageCount() - 1, 0)
        index = min(max(page - 1, 0), last)
        self.view.pageNavigator().jump(index, QPointF(0, 0))
        if self._loaded is not None:
            self.page_shown.emit(self._loaded, index + 1)
