"""Small presentation helpers shared by the widgets: style states and resources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QWidget,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def set_state(widget: QWidget, value: str, name: str = "state") -> None:
    """Set a dynamic property the stylesheet selects on, and re-apply the style."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def icon(name: str) -> QIcon:
    return QIcon(str(RESOURCES / "icons" / f"{name}.svg"))


def label(text: str = "", object_name: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    if object_name:
        widget.setObjectName(object_name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return widget


def wrap_rows(table: QTableView) -> None:
    """Rows as tall as their wrapped text, kept so when a column is resized: a long
    title wraps onto a second line instead of being cut at the row's edge."""
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    table.horizontalHeader().sectionResized.connect(
        lambda *_args: table.resizeRowsToContents())
    model = table.model()
    if model is not None:  # new or changed rows (a name replacing "Đang phát biểu")
        for signal in (model.dataChanged, model.rowsInserted, model.modelReset,
                       model.layoutChanged):
            signal.connect(lambda *_args: QTimer.singleShot(0, table, table.resizeRowsToContents))


def plain_buttons(box: QDialogButtonBox) -> None:
    """The app's look on a dialog's buttons: the accepting one gets the app's check mark,
    the others no icon (the style's stock icons match nothing else on screen)."""
    for button in box.buttons():
        accepting = box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
        button.setIcon(icon("check") if accepting else QIcon())


def only_current_counts(stack: QStackedWidget) -> None:
    """Let the page on screen alone decide the stack's minimum size.

    A QStackedWidget is as large as its largest page, hidden ones included: a tall
    page elsewhere (the chair's console beside the minutes) would push the window
    past a 1280×800 screen.
    """
    def update(index: int) -> None:
        for i in range(stack.count()):
            policy = (QSizePolicy.Policy.Preferred if i == index
                      else QSizePolicy.Policy.Ignored)
            stack.widget(i).setSizePolicy(policy, policy)

    stack.currentChanged.connect(update)
    update(stack.currentIndex())


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area: a tall result (chart, who voted how)
    scrolls inside its panel instead of making the window taller than the screen."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    return area


ITEM_PADDING = 8
"""``QTableView::item { padding: 8px; }`` in meeting.qss."""


def fit_columns(table: QTableView, columns: tuple[int, ...]) -> None:
    """Size ``columns`` to their widest cell and header, padding included.

    Qt's ResizeToContents leaves out the stylesheet's item padding, so short
    columns (a date, "Sắp diễn ra") came out a few pixels short and were cut.
    """
    model = table.model()
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    bold = header.font()
    bold.setBold(True)
    head_metrics = QFontMetrics(bold)
    for column in columns:
        cells = [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max([metrics.horizontalAdvance(t) for t in cells]
                     + [head_metrics.horizontalAdvance(title)])
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, widest + 2 * ITEM_PADDING + 16)
