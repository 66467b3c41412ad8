"""Text search, page by page (STACK.md: QPdfSearchModel's own background pass finds a
hit on page 150 after 15 s; asking it page by page covers 300 pages in ~0.3 s)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel

PAGES_PER_STEP = 25
"""Pages searched per turn of the event loop, so typing stays fluid."""


class PageSearch(QObject):
    """Finds every hit of a phrase, in page order, without freezing the GUI."""

    progressed = Signal(int, int)
    """(pages searched, pages in all)."""
    finished = Signal(int)
    """(number of hits) — the search of the whole document is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = QPdfSearchModel(self)
        self._document: QPdfDocument | None = None
        self._next = 0
        self._hits: list[tuple[int, tuple[QRectF, ...]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.done = True

    def set_document(self, document: QPdfDocument | None) -> None:
        self.stop()
        self._document = document
        if document is not None:  # QPdfSearchModel warns on a null document
            self.model.setDocument(document)
        self._hits = []

    @property
    def hits(self) -> list[tuple[int, tuple[QRectF, ...]]]:
        """(0-based page, rectangles in points) of every hit found so far."""
        return list(self._hits)

    def start(self, text: str) -> None:
        self.stop()
        self._hits = []
        self.model.setSearchString(text)
        if not text.strip() or self._document is None:
            self.done = True
            self.finished.emit(0)
            return
        self._next = 0
        self.done = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.done = True

    def on_timer_timeout(self) -> None:
        document = self._document
        if document is None:
            self.stop()
            return
        count = document.pageCount()
        end = min(count, self._next + PAGES_PER_STEP)
        for page in range(self._next, end):
            for link in self.model.resultsOnPage(page):
                self._hits.append((page, tuple(link.rectangles())))
        self._next = end
        self.progressed.emit(end, count)
        if end >= count:
            self.stop()
            self.finished.emit(len(self._hits))
