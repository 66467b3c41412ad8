"""What "fits the screen" means, checked on a real window: sizes, children, labels, cells."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

SCREEN = QSize(1280, 800)
FRAME = 40
"""A window manager's title bar and border: the client area is this much less tall."""
AVAILABLE = QSize(SCREEN.width(), SCREEN.height() - FRAME)


def too_big(window: QWidget) -> str:
    hint = window.minimumSizeHint()
    minimum = window.minimumSize()
    size = hint.expandedTo(minimum)
    if size.width() > AVAILABLE.width() or size.height() > AVAILABLE.height():
        return f"minimum {size.width()}×{size.height()} > {AVAILABLE.width()}×{AVAILABLE.height()}"
    return ""


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def outside(window: QWidget) -> list[str]:
    """Visible children that reach beyond the window (or beyond a parent that does not
    scroll them)."""
    frame = window.rect()
    found = []
    for child in window.findChildren(QWidget):
        if not _shown(child, window) or child.isWindow():
            continue
        if _in_scroll_area(child):
            continue
        box = QRect(child.mapTo(window, child.rect().topLeft()), child.size())
        if not frame.contains(box):
            found.append(f"{type(child).__name__}#{child.objectName()} {box.getRect()}")
    return found


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def elided_labels(root: QWidget) -> list[str]:
    """Labels on screen whose text does not fit their box."""
    found = []
    for lab in root.findChildren(QLabel):
        if not _shown(lab, root.window()) or not lab.text() or _in_scroll_area(lab):
            continue
        if lab.textFormat() == Qt.TextFormat.RichText or (lab.pixmap() is not None \
                and not lab.pixmap().isNull()):
            continue
        box = lab.contentsRect()
        metrics = lab.fontMetrics()
        if lab.wordWrap():
            need = lab.heightForWidth(lab.width())
            if need > lab.height() + 1:
                found.append(f"{lab.objectName()} «{lab.text()[:40]}» needs height {need} "
                             f"> {lab.height()}")
        else:
            widest = max(metrics.horizontalAdvance(line) for line in lab.text().split("\n"))
            if widest > box.width() + 1:
                found.append(f"{lab.objectName()} «{lab.text()[:40]}» needs width {widest} "
                             f"> {box.width()}")
    return found


ITEM_PADDING = 8
"""``QTableView::item { padding: 8px; }`` in the stylesheet."""


def clipped_cells(view: QTableView) -> list[str]:
    """Cells narrower than their text (what Qt elides as «Sắp diễ…»)."""
    found = []
    model = view.model()
    metrics = view.fontMetrics()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = str(index.data() or "")
            if not text:
                continue
            need = metrics.horizontalAdvance(text) + 2 * ITEM_PADDING
            have = view.visualRect(index).width()
            longest_word = max(metrics.horizontalAdvance(w) for w in text.split()) \
                + 2 * ITEM_PADDING if text.split() else 0
            if longest_word > have:  # a word wider than its cell is cut, wrapping or not
                found.append(f"{view.objectName()} ({row},{column}) «{text}»: a word needs "
                             f"{longest_word} > {have}")
            elif need > have and not view.wordWrap():
                found.append(f"{view.objectName()} ({row},{column}) «{text}»: {need} > {have}")
            if view.wordWrap() and metrics.boundingRect(
                    0, 0, max(have - 2 * ITEM_PADDING, 1), 10_000,
                    int(Qt.TextFlag.TextWordWrap), text).height() \
                    > view.visualRect(index).height():
                found.append(f"{view.objectName()} ({row},{column}) «{text}» wraps out of "
                             f"{view.visualRect(index).getRect()} w={have} "
                             f"its row")
    return found


def all_tables(root: QWidget) -> list[QTableView]:
    return [v for v in root.findChildren(QAbstractItemView)
            if isinstance(v, QTableView) and _shown(v, root.window())]
