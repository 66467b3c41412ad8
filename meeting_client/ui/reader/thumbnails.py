"""Page thumbnails, rendered lazily in Qt's render threads as the list scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


class ThumbnailModel(QAbstractListModel):
    """One row per page; the icon is rendered the first time a view asks for it."""

    def __init__(self, width: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._width = width
        self._pixmaps: dict[int, QPixmap] = {}
        self._requested: set[int] = set()
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self.on_renderer_page_rendered)
        self._placeholder = QPixmap(width, int(width * 1.414))
        self._placeholder.fill(QColor("#eceff1"))

    def set_document(self, document: QPdfDocument | None) -> None:
        self.beginResetModel()
        self._document = document
        self._pixmaps.clear()
        self._requested.clear()
        self._renderer.setDocument(document)
        self.endResetModel()

    def icon_size(self) -> QSize:
        return QSize(self._width, int(self._width * 1.414))

    def rendered(self) -> int:
        """Thumbnails rendered so far (lazy: only those a view has shown)."""
        return len(self._pixmaps)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self._document is None:
            return 0
        return max(0, self._document.pageCount())

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._document is None:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == PAGE_ROLE:
            return page
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(page)
            if pixmap is None:
                self._request(page)
                return self._placeholder
            return pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Trang %1").replace("%1", str(page + 1))
        return None

    def _request(self, page: int) -> None:
        if page in self._requested or self._document is None:
            return
        self._requested.add(page)
        points = self._document.pagePointSize(page)
        height = int(self._width * points.height() / points.width()) if points.width() else (
            self._width)
        self._renderer.requestPage(page, QSize(self._width, height),
                                   QPdfDocumentRenderOptions())

    def on_renderer_page_rendered(self, page: int, _size: QSize, image: QImage,
                                  _options: object, _request: int) -> None:
        if self._document is None or page >= self.rowCount():
            return
        self._pixmaps[page] = QPixmap.fromImage(image)
        index = self.index(page, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ThumbnailList(QListView):
    """A vertical strip of page images; touch-friendly spacing."""

    def __init__(self, model: ThumbnailModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnailList")
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setIconSize(model.icon_size())
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(model.icon_size().width() + 44)
