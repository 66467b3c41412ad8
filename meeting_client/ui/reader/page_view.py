"""The page area: a QPdfView in multi-page mode with annotations drawn over it.

QPdfView exposes no mapping between the viewport and page coordinates, so
:meth:`PageView.page_rect` mirrors ``QPdfViewPrivate::calculateDocumentLayout``
(Qt 6.11): page size = points × logical DPI / 72 × zoom, truncated to whole
pixels, pages stacked with ``pageSpacing`` inside ``documentMargins``,
centred horizontally. The view always runs in ``Custom`` zoom; "fit width"
computes the factor itself, because QPdfView draws search highlights with
the custom factor even in ``FitToWidth`` mode (misplaced otherwise).

Every page move goes through ``pageNavigator().jump()``. Whether a move came
from the person (keys, wheel, touch, mouse) or from the program (follow
mode) is recorded here, which is the loop guard of two-way page sync.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QScroller, QScrollerProperties, QWidget

MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
ZOOM_STEP = 1.25


@dataclass(frozen=True, slots=True)
class Mark:
    """Something drawn over a page: a highlight (rects) or a note (a pin)."""

    key: int
    page: int
    """0-based."""
    rects: tuple[QRectF, ...]
    """In PDF points, origin top-left."""
    color: QColor
    note: bool = False


class PageView(QPdfView):
    """Multi-page QPdfView with overlays, touch scrolling and page keys."""

    page_moved = Signal(int, bool)
    """(0-based page, by the person) — the current page changed."""
    highlight_dragged = Signal(int, QPointF, QPointF)
    """(0-based page, start, end in points) — a drag in highlight mode."""
    page_tapped = Signal(int, QPointF)
    """(0-based page, point) — a tap in note mode."""
    page_rendered = Signal(int)
    """(0-based page) — the view's renderer delivered that page's image."""
    page_painted = Signal(int)
    """(0-based page) — that page's image was painted on screen (once per render)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setPageSpacing(12)
        self.setDocumentMargins(self.documentMargins())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        screen = QGuiApplication.primaryScreen()
        self._resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        self._fit_width = True
        self._marks: list[Mark] = []
        self._current_hit: tuple[int, tuple[QRectF, ...]] | None = None
        self._programmatic = 0
        self._person_touched = False
        self._tool = "read"  # read | highlight | note
        self._press: tuple[int, QPointF] | None = None
        self._drag_rect: QRectF | None = None
        self._last_page = -1
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        props.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor,
                              0.2)
        scroller.setScrollerProperties(props)
        self._preview: tuple[int, QImage] | None = None
        self._first_image: tuple[int, QImage] | None = None
        self._rendered: set[int] = set()
        self._announced: set[int] = set()
        self._point_sizes: tuple[object, list[QSizeF]] | None = None
        self._some_points: tuple[object, dict[int, QSizeF]] = (None, {})
        self._layout_cache: tuple[tuple[object, ...], dict[int, QRect]] | None = None
        self.viewport().installEventFilter(self)
        self.pageNavigator().currentPageChanged.connect(self.on_navigator_page_changed)
        # QPdfView renders in a renderer it owns; its signal tells when a page is ready.
        renderer = self.findChild(QPdfPageRenderer)
        if renderer is not None:
            renderer.pageRendered.connect(self.on_renderer_page_rendered)

    # --- geometry ---------------------------------------------------------------------

    @property
    def resolution(self) -> float:
        """Logical pixels per point at zoom 1."""
        return self._resolution

    def _points(self) -> list[QSizeF]:
        """Every page's size in points, read once per document (pdfium is slow at it)."""
        doc = self.document()
        if self._point_sizes is None or self._point_sizes[0] is not doc:
            sizes = [doc.pagePointSize(p) for p in range(doc.pageCount())] if doc else []
            self._point_sizes = (doc, sizes)
            self._layout_cache = None
        return self._point_sizes[1]

    def _point_size(self, page: int) -> QSizeF:
        """One page's size in points (pdfium loads the page to tell: ~0.7 ms the first time)."""
        doc = self.document()
        if self._point_sizes is not None and self._point_sizes[0] is doc:
            return self._point_sizes[1][page]
        if self._some_points[0] is not doc:
            self._some_points = (doc, {})
        cache = self._some_points[1]
        if page not in cache:
            cache[page] = doc.pagePointSize(page)
        return cache[page]

    def page_size_px(self, page: int) -> QSize:
        points = self._point_size(page)
        size = points * self._resolution * self.zoomFactor()
        return QSize(int(size.width()), int(size.height()))

    def _layout(self) -> dict[int, QRect]:
        """Page rectangles in document coordinates, as QPdfView lays them out."""
        doc = self.document()
        single = self.pageMode() == QPdfView.PageMode.SinglePage
        current = self.pageNavigator().currentPage()
        key = (id(doc), self.zoomFactor(), self.viewport().width(), single,
               current if single else -1, self.pageSpacing())
        if self._layout_cache is not None and self._layout_cache[0] == key:
            return self._layout_cache[1]
        margins = self.documentMargins()
        pages = [current] if single else range(doc.pageCount())
        scale = self._resolution * self.zoomFactor()
        points = self._points() if not single else None
        sizes = {}
        for p in pages:
            pt = points[p] if points is not None else self._point_size(p)
            sizes[p] = QSize(int(pt.width() * scale), int(pt.height() * scale))
        total_width = max((sz.width() for sz in sizes.values()), default=0) + (
            margins.left() + margins.right())
        width = max(total_width, self.viewport().width())
        y = margins.top()
        rects = {}
        for p in pages:
            sz = sizes[p]
            rects[p] = QRect((width - sz.width()) // 2, y, sz.width(), sz.height())
            y += sz.height() + self.pageSpacing()
        self._layout_cache = (key, rects)
        return rects

    def page_rect(self, page: int) -> QRect:
        """Where page ``page`` is in viewport pixels (may be off screen; null if not laid
        out, e.g. another page in single-page mode)."""
        doc = self.document()
        if doc is None or doc.status() != QPdfDocument.Status.Ready:
            return QRect()
        rect = self._layout().get(page)
        if rect is None:
            return QRect()
        return rect.translated(-self.horizontalScrollBar().value(),
                               -self.verticalScrollBar().value())

    def to_viewport(self, page: int, rect: QRectF) -> QRectF:
        origin = self.page_rect(page).topLeft()
        scale = self._resolution * self.zoomFactor()
        return QRectF(origin.x() + rect.x() * scale, origin.y() + rect.y() * scale,
                      rect.width() * scale, rect.height() * scale)

    def to_page(self, pos: QPointF) -> tuple[int, QPointF] | None:
        """The page under a viewport position and the point on it, in points."""
        doc = self.document()
        if doc is None or doc.status() != QPdfDocument.Status.Ready:
            return None
        scale = self._resolution * self.zoomFactor()
        first = max(0, self.pageNavigator().currentPage() - 2)
        for page in range(first, doc.pageCount()):
            rect = self.page_rect(page)
            if rect.top() > self.viewport().height():
                break
            if rect.contains(pos.toPoint()):
                return page, QPointF((pos.x() - rect.x()) / scale, (pos.y() - rect.y()) / scale)
        return None

    # --- zoom -------------------------------------------------------------------------

    @property
    def fit_width(self) -> bool:
        return self._fit_width

    def set_fit_width(self) -> None:
        self._fit_width = True
        self._apply_fit_width()

    def zoom_by(self, factor: float) -> None:
        self._fit_width = False
        self._set_zoom(self.zoomFactor() * factor)

    def _set_zoom(self, zoom: float) -> None:
        self._preview = None
        self._rendered.clear()
        self._announced.clear()
        page = self.pageNavigator().currentPage()
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if math.isclose(zoom, self.zoomFactor(), rel_tol=1e-4):
            return
        self._programmatic += 1
        try:
            self.setZoomFactor(zoom)
            self.pageNavigator().jump(page, QPointF(), zoom)
        finally:
            self._programmatic -= 1

    def _apply_fit_width(self) -> None:
        doc = self.document()
        if doc is None or doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
            return
        margins = self.documentMargins()
        widest = self._point_size(self.current_page() if self.current_page() >= 0 else 0
                                  ).width()
        available = self.viewport().width() - margins.left() - margins.right() - 2
        if widest > 0 and available > 50:
            self._set_zoom(available / (widest * self._resolution))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width:
            self._apply_fit_width()

    # --- pages ------------------------------------------------------------------------

    def current_page(self) -> int:
        return self.pageNavigator().currentPage()

    def go_to(self, page: int, *, by_person: bool) -> None:
        """Jump to a 0-based page; ``by_person`` False marks a programmatic move."""
        doc = self.document()
        if doc is None or doc.pageCount() == 0:
            return
        page = max(0, min(doc.pageCount() - 1, page))
        if by_person:
            self._person_touched = True
            self.pageNavigator().jump(page, QPointF(), self.zoomFactor())
            return
        self._programmatic += 1
        try:
            self._person_touched = False
            self.pageNavigator().jump(page, QPointF(), self.zoomFactor())
        finally:
            self._programmatic -= 1

    def on_navigator_page_changed(self, page: int) -> None:
        if page == self._last_page:
            return
        self._last_page = page
        # A move is the person's only if they touched the view since the program last
        # moved it: the view also "moves" by itself (resize, zoom, the last page that
        # cannot scroll to its top), which must never count as leaving follow mode.
        by_person = self._programmatic == 0 and self._person_touched
        self.page_moved.emit(page, by_person)

    def document_loaded(self) -> None:
        """Call after the document became Ready: reset page tracking and zoom.

        The first page is rendered here, synchronously (as fast as pdfium can:
        no trip through the render thread), and painted until the view's own
        threaded render of it arrives.
        """
        self._last_page = -1
        self._person_touched = False
        self._current_hit = None
        self._rendered.clear()
        self._announced.clear()
        if self._fit_width:
            self._apply_fit_width()
        self.go_to(0, by_person=False)
        self.on_navigator_page_changed(self.current_page())
        page = self.current_page()
        size = self.page_size_px(page)
        ratio = self.devicePixelRatioF()
        self._preview = (page, self.document().render(
            page, QSize(int(size.width() * ratio), int(size.height() * ratio))))
        self._first_image = self._preview
        self.viewport().update()

    def settle(self) -> None:
        """After the first paint: switch to the continuous (multi-page) layout.

        The first page is shown in single-page mode, whose layout needs one page
        size instead of all of them (pdfium reads each page to tell its size:
        ~20 ms for 300 pages). The first image stays on screen while the view
        renders the page again for the new layout.
        """
        if self.pageMode() == QPdfView.PageMode.MultiPage:
            return
        page = self.current_page()
        self._programmatic += 1
        self._rendered.clear()
        try:
            self.setPageMode(QPdfView.PageMode.MultiPage)
            # The navigator already says ``page``, so jumping there again scrolls nothing:
            # put the page at the top ourselves.
            top = self._layout().get(page)
            if top is not None:
                self.verticalScrollBar().setValue(top.y())
        finally:
            self._programmatic -= 1
        first = self._first_image
        if first is not None and first[0] == page:
            self._preview = first
        self.viewport().update()

    def on_renderer_page_rendered(self, page: int, *_args: object) -> None:
        self._rendered.add(page)
        self._announced.discard(page)
        if self._preview is not None and self._preview[0] == page and (
                self.pageMode() == QPdfView.PageMode.MultiPage):
            self._preview = None
            self._first_image = None
        self.page_rendered.emit(page)

    # --- input ------------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        """``read`` (scroll), ``highlight`` (drag over text) or ``note`` (tap a spot)."""
        self._tool = tool
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor if tool == "highlight"
                                  else Qt.CursorShape.CrossCursor if tool == "note"
                                  else Qt.CursorShape.ArrowCursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() in (
                QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress,
                QEvent.Type.Gesture):
            self._person_touched = True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = self.current_page()
        target = {
            Qt.Key.Key_PageDown: page + 1, Qt.Key.Key_Right: page + 1,
            Qt.Key.Key_Space: page + 1, Qt.Key.Key_PageUp: page - 1,
            Qt.Key.Key_Left: page - 1, Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: (self.document().pageCount() - 1) if self.document() else 0,
        }.get(Qt.Key(key))
        if target is not None:
            self.go_to(target, by_person=True)
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._person_touched = True
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._person_touched = True
        if self._tool != "read" and event.button() == Qt.MouseButton.LeftButton:
            self._press = self.to_page(event.position())
            self._drag_rect = None
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._tool == "highlight" and self._press is not None:
            start = self.to_viewport(self._press[0], QRectF(self._press[1], QSize(0, 0)))
            self._drag_rect = QRectF(start.topLeft(), event.position()).normalized()
            self.viewport().update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        self._drag_rect = None
        if press is not None and self._tool != "read":
            end = self.to_page(event.position())
            if self._tool == "note":
                self.page_tapped.emit(press[0], press[1])
            elif end is not None and end[0] == press[0]:
                self.highlight_dragged.emit(press[0], press[1], end[1])
            self.viewport().update()
            return
        super().mouseReleaseEvent(event)

    # --- overlay ----------------------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = marks
        self.viewport().update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_current_hit(self, page: int | None, rects: tuple[QRectF, ...] = ()) -> None:
        self._current_hit = (page, rects) if page is not None else None
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        shown: list[int] = []
        if self._preview is not None:
            page, image = self._preview
            if image.isNull() or self.page_size_px(page) * self.devicePixelRatioF() != (
                    image.size()):
                self._preview = None  # zoomed since: the view renders anew
            else:
                painter.drawImage(self.page_rect(page), image)
                shown.append(page)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.viewport().height()
        visible: dict[int, bool] = {}

        def on_screen(page: int) -> bool:
            if page not in visible:
                rect = self.page_rect(page)
                visible[page] = rect.bottom() >= 0 and rect.top() <= height
            return visible[page]

        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for mark in self._marks:
            if mark.note or not on_screen(mark.page):
                continue
            color = QColor(mark.color)
            for rect in mark.rects:
                painter.fillRect(self.to_viewport(mark.page, rect), color)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for mark in self._marks:
            if not mark.note or not on_screen(mark.page):
                continue
            anchor = self.to_viewport(mark.page, mark.rects[0] if mark.rects
                                      else QRectF(20, 20, 0, 0)).topLeft()
            pin = QRectF(anchor.x() - 2, anchor.y() - 2, 30, 30)
            painter.setPen(QPen(QColor("#8d6e00"), 2))
            painter.setBrush(QColor("#ffd54f"))
            painter.drawRoundedRect(pin, 5, 5)
            painter.drawText(pin, Qt.AlignmentFlag.AlignCenter, "✎")
        if self._current_hit is not None and on_screen(self._current_hit[0]):
            painter.setPen(QPen(QColor("#e65100"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in self._current_hit[1]:
                painter.drawRect(self.to_viewport(self._current_hit[0], rect).adjusted(
                    -2, -2, 2, 2))
        if self._drag_rect is not None:
            painter.setPen(QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(21, 101, 192, 40))
            painter.drawRect(self._drag_rect)
        painter.end()
        shown += [p for p in self._rendered if on_screen(p)]
        for page in shown:
            if page not in self._announced:
                self._announced.add(page)
                self.page_painted.emit(page)
