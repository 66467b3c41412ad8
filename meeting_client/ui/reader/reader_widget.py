"""The reader: one paper on screen with its thumbnails, outline, search, the person's
private highlights and notes, and the follow-the-presenter banner.

It holds no rules of its own: who presents, whether this terminal follows,
and what is saved where are decided by ``models.document_model``; the
reader shows pages and reports what the person did.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLoggingCategory, QModelIndex, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.ui.reader.page_view import ZOOM_STEP, Mark, PageView
from meeting_client.ui.reader.search import PageSearch
from meeting_client.ui.reader.thumbnails import PAGE_ROLE, ThumbnailList, ThumbnailModel
from meeting_protocol.documents import Annotation

# reportlab writes outline entries without a /XYZ zoom; Qt warns once per entry.
QLoggingCategory.setFilterRules("qt.pdf.bookmarks.warning=false")

TOUCH = 48
"""Smallest side of a touch target, in pixels."""


def _button(text: str, tip: str = "", *, checkable: bool = False,
            name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setMinimumSize(TOUCH, TOUCH)
    button.setCheckable(checkable)
    if tip:
        button.setToolTip(tip)
    if name:
        button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class FollowBanner(QFrame):
    """"Theo dõi người trình bày" state, and the way back into it."""

    resume_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.resume_button = _button(self.tr("Quay lại theo dõi"), name="primary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.resume_button)
        self.resume_button.clicked.connect(self.resume_clicked)
        self.hide()

    def show_state(self, *, following: bool, presenter: str, page: int | None) -> None:
        where = self.tr(", trang %1").replace("%1", str(page)) if page else ""
        if following:
            self.text.setText(self.tr("Đang theo dõi người trình bày: %1%2")
                              .replace("%1", presenter).replace("%2", where))
            self.setStyleSheet("#followBanner { background: #e3f2fd; border-radius: 8px; }")
        else:
            self.text.setText(self.tr("Bạn đang tự xem tài liệu. %1 đang trình bày%2.")
                              .replace("%1", presenter).replace("%2", where))
            self.setStyleSheet("#followBanner { background: #fff3e0; border-radius: 8px; }")
        self.resume_button.setVisible(not following)
        self.show()


class ReaderWidget(QWidget):
    """A paper: pages (QPdfView), thumbnails, outline, search, annotations, follow banner."""

    page_changed = Signal(int, bool)
    """(1-based page, by the person) — any page move; ``False`` for programmatic ones."""
    highlight_requested = Signal(int, list, str)
    """(1-based page, [[x, y, w, h] in points], highlighted text) — save a highlight."""
    note_requested = Signal(int, list, str)
    """(1-based page, [[x, y, 0, 0]], text) — save a note pinned at that spot."""
    follow_resume_requested = Signal()
    """The person pressed "Quay lại theo dõi"."""
    document_opened = Signal(int)
    """(document id) — a paper is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.document = QPdfDocument(self)
        self.document_id: int | None = None
        self.view = PageView()
        self.view.setDocument(self.document)
        self.thumbnail_model = ThumbnailModel(parent=self)
        self.thumbnails = ThumbnailList(self.thumbnail_model)
        self.outline_model = QPdfBookmarkModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outline")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setWordWrap(True)
        self.outline.setStyleSheet("QTreeView::item { padding: 7px 2px; }")
        self.search = PageSearch(self)
        self._hit = -1
        self._annotations: list[Annotation] = []
        self.note_dialog: QInputDialog | None = None
        """The last note dialog opened (tests fill it in)."""

        self.title = QLabel()
        self.title.setObjectName("readerTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("#readerTitle { font-size: 20px; font-weight: 600; "
                                 "padding: 4px 2px; }")
        self.progress = QProgressBar()
        self.progress.setObjectName("prefetchProgress")
        self.progress.setFormat(self.tr("Đang tải tài liệu… %p%"))
        self.progress.hide()
        self.banner = FollowBanner()

        self.sidebar_button = _button("☰", self.tr("Trang và mục lục"), checkable=True)
        self.sidebar_button.setChecked(True)
        self.previous_button = _button("◀", self.tr("Trang trước"))
        self.next_button = _button("▶", self.tr("Trang sau"))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setMinimumHeight(TOUCH)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setToolTip(self.tr("Chuyển tới trang"))
        self.page_total = QLabel()
        self.zoom_out_button = _button("−", self.tr("Thu nhỏ"))
        self.zoom_in_button = _button("+", self.tr("Phóng to"))
        self.fit_button = _button(self.tr("Vừa khổ"), self.tr("Vừa chiều rộng trang"))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Tìm trong tài liệu…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumHeight(TOUCH)
        self.search_box.setMinimumWidth(180)
        self.previous_hit_button = _button("▲", self.tr("Kết quả trước"))
        self.next_hit_button = _button("▼", self.tr("Kết quả sau"))
        self.hit_label = QLabel()
        self.highlight_button = _button(self.tr("Tô sáng"), self.tr(
            "Kéo trên chữ để tô sáng (chỉ mình bạn thấy)"), checkable=True)
        self.note_button = _button(self.tr("Ghi chú"), self.tr(
            "Chạm vào trang để ghi chú (chỉ mình bạn thấy)"), checkable=True)

        # Two rows: pages and tools above, search below, so that every button keeps its
        # whole label on a 1280-pixel screen beside the list of papers.
        bar = QVBoxLayout()
        pages_row = QHBoxLayout()
        pages_row.setSpacing(6)
        for w in (self.sidebar_button, self.previous_button, self.page_box, self.page_total,
                  self.next_button, self.zoom_out_button, self.zoom_in_button,
                  self.fit_button):
            pages_row.addWidget(w)
        pages_row.addStretch(1)
        pages_row.addWidget(self.highlight_button)
        pages_row.addWidget(self.note_button)
        search_row = QHBoxLayout()
        search_row.setSpacing(6)
        search_row.addWidget(self.search_box, 1)
        for w in (self.previous_hit_button, self.next_hit_button, self.hit_label):
            search_row.addWidget(w)
        bar.addLayout(pages_row)
        bar.addLayout(search_row)

        self.side = QTabWidget()
        self.side.setObjectName("readerSide")
        self.side.addTab(self.thumbnails, self.tr("Trang"))
        self.side.addTab(self.outline, self.tr("Mục lục"))
        self.side.setMinimumWidth(self.thumbnails.width() + 8)
        self.side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        splitter = QSplitter()
        splitter.addWidget(self.side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._connect_signals()
        self._update_controls()

    def _connect_signals(self) -> None:
        self.view.page_moved.connect(self.on_view_page_moved)
        self.view.highlight_dragged.connect(self.on_view_highlight_dragged)
        self.view.page_tapped.connect(self.on_view_page_tapped)
        self.thumbnails.clicked.connect(self.on_thumbnail_clicked)
        self.outline.clicked.connect(self.on_outline_clicked)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.page_box.valueChanged.connect(self.on_page_box_value_changed)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_by(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.set_fit_width)
        self.sidebar_button.toggled.connect(self.side.setVisible)
        self.search_box.returnPressed.connect(self.on_search_box_return_pressed)
        self.search_box.textChanged.connect(self.on_search_box_text_changed)
        self.search.finished.connect(self.on_search_finished)
        self.next_hit_button.clicked.connect(lambda: self.step_hit(1))
        self.previous_hit_button.clicked.connect(lambda: self.step_hit(-1))
        self.highlight_button.toggled.connect(self.on_tool_toggled)
        self.note_button.toggled.connect(self.on_tool_toggled)
        self.banner.resume_clicked.connect(self.follow_resume_requested)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus)

    # --- opening ---------------------------------------------------------------------

    def open_file(self, path: Path | str, *, document_id: int, title: str) -> bool:
        """Show a paper from the local cache; False when it cannot be read.

        The first page comes first: a fresh QPdfDocument with only the page view
        attached loads in a few milliseconds and its first page is rendered at
        once (see ``PageView.document_loaded``); thumbnails, outline and search,
        which walk the whole file under pdfium's global lock, are attached on
        the next turn of the event loop, after that page is on screen.
        """
        document = QPdfDocument(self)
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
            document.deleteLater()
            self.title.setText(self.tr("Không mở được tài liệu."))
            return False
        old, self.document = self.document, document
        self.document_id = document_id
        self.title.setText(title)
        self.search.set_document(None)
        self.thumbnail_model.set_document(None)
        self.outline.setModel(None)
        self._hit = -1
        self.hit_label.clear()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._annotations = []
        self.view.set_marks([])
        self.view.setPageMode(self.view.PageMode.SinglePage)  # see PageView.settle
        self.view.setDocument(document)
        old.deleteLater()
        self.page_box.blockSignals(True)  # clamping the old page number is no page turn
        self.page_box.setMaximum(document.pageCount())
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.page_total.setText(self.tr("/ %1").replace("%1", str(document.pageCount())))
        self.view.document_loaded()
        self.view.viewport().repaint()  # the first page now, before anything else
        self._update_controls()
        QTimer.singleShot(0, self, lambda: self._attach_secondary(document))
        self.document_opened.emit(document_id)
        return True

    def _attach_secondary(self, document: QPdfDocument) -> None:
        if document is not self.document:
            return  # another paper was opened meanwhile
        self.view.settle()
        self.thumbnail_model.set_document(document)
        self.outline_model.setDocument(document)
        self.outline.setModel(self.outline_model)
        self.outline.expandToDepth(0)
        self.search.set_document(document)
        self.view.setSearchModel(self.search.model)
        index = self.thumbnail_model.index(self.view.current_page(), 0)
        self.thumbnails.setCurrentIndex(index)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document_id is not None else 0

    def current_page(self) -> int:
        """1-based; 0 when nothing is open."""
        return self.view.current_page() + 1 if self.document_id is not None else 0

    # --- moving -------------------------------------------------------------------------

    def go_to_page(self, page: int, *, remote: bool = False) -> None:
        """Show 1-based ``page``; ``remote`` for moves that did not come from this person."""
        if self.document_id is None:
            return
        self.view.go_to(page - 1, by_person=not remote)

    def turn(self, step: int) -> None:
        self.go_to_page(self.current_page() + step)

    def on_view_page_moved(self, page: int, by_person: bool) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_controls()
        if self.thumbnail_model.rowCount() > page:
            index = self.thumbnail_model.index(page, 0)
            self.thumbnails.setCurrentIndex(index)
            self.thumbnails.scrollTo(index)
        self.page_changed.emit(page + 1, by_person)

    def on_page_box_value_changed(self, value: int) -> None:
        self.go_to_page(value)

    def on_thumbnail_clicked(self, index: QModelIndex) -> None:
        self.go_to_page(int(index.data(PAGE_ROLE)) + 1)

    def on_outline_clicked(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        if page is not None and int(page) >= 0:
            self.go_to_page(int(page) + 1)

    def _update_controls(self) -> None:
        has = self.document_id is not None
        page = self.current_page()
        for w in (self.page_box, self.zoom_in_button, self.zoom_out_button, self.fit_button,
                  self.search_box, self.highlight_button, self.note_button):
            w.setEnabled(has)
        self.previous_button.setEnabled(has and page > 1)
        self.next_button.setEnabled(has and page < self.page_count())
        hits = bool(self.search.hits)
        self.previous_hit_button.setEnabled(hits)
        self.next_hit_button.setEnabled(hits)

    # --- search -------------------------------------------------------------------------

    def find(self, text: str) -> None:
        """Search the whole paper; the first hit at or after the current page is shown."""
        self._hit = -1
        self.hit_label.setText(self.tr("Đang tìm…") if text.strip() else "")
        self.view.set_current_hit(None)
        self.search.start(text)

    def on_search_box_return_pressed(self) -> None:
        if self.search.done and self.search.hits and (
                self.search.model.searchString() == self.search_box.text()):
            self.step_hit(1)
        else:
            self.find(self.search_box.text())

    def on_search_box_text_changed(self, text: str) -> None:
        if not text:
            self.find("")

    def on_search_finished(self, count: int) -> None:
        self._update_controls()
        if count == 0:
            self.hit_label.setText(self.tr("Không thấy") if self.search_box.text() or
                                   self.search.model.searchString() else "")
            return
        current = self.view.current_page()
        first = next((i for i, (page, _r) in enumerate(self.search.hits) if page >= current),
                     0)
        self._show_hit(first)

    def step_hit(self, step: int) -> None:
        hits = self.search.hits
        if hits:
            self._show_hit((self._hit + step) % len(hits))

    def _show_hit(self, index: int) -> None:
        hits = self.search.hits
        self._hit = index
        page, rects = hits[index]
        self.hit_label.setText(self.tr("%1/%2").replace("%1", str(index + 1))
                               .replace("%2", str(len(hits))))
        self.view.set_current_hit(page, rects)
        if self.view.current_page() != page:
            self.view.go_to(page, by_person=True)

    def current_hit(self) -> tuple[int, tuple[QRectF, ...]] | None:
        """(1-based page, rects) of the hit shown, None without one."""
        if self._hit < 0 or self._hit >= len(self.search.hits):
            return None
        page, rects = self.search.hits[self._hit]
        return page + 1, rects

    # --- annotations ----------------------------------------------------------------------

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Draw this person's highlights and notes (only those made on this version)."""
        self._annotations = list(annotations)
        marks = []
        for a in self._annotations:
            color = QColor(a.color)
            if a.kind == "highlight":
                color.setAlpha(150)
            marks.append(Mark(key=a.annotation_id, page=a.page - 1, note=a.kind == "note",
                              rects=tuple(QRectF(r.x, r.y, r.w, r.h) for r in a.rects),
                              color=color))
        self.view.set_marks(marks)

    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def on_tool_toggled(self, _checked: bool) -> None:
        sender = self.sender()
        if sender is self.highlight_button and self.highlight_button.isChecked():
            self.note_button.setChecked(False)
        elif sender is self.note_button and self.note_button.isChecked():
            self.highlight_button.setChecked(False)
        tool = ("highlight" if self.highlight_button.isChecked()
                else "note" if self.note_button.isChecked() else "read")
        self.view.set_tool(tool)

    def highlight(self, page: int, start: QPointF, end: QPointF) -> bool:
        """Highlight the text between two points of a 1-based page (in points)."""
        selection = self.document.getSelection(page - 1, start, end)
        if not selection.isValid() or not selection.text().strip():
            return False
        rects = [[round(r.x(), 2), round(r.y(), 2), round(r.width(), 2), round(r.height(), 2)]
                 for r in (poly.boundingRect() for poly in selection.bounds())]
        self.highlight_requested.emit(page, rects, selection.text())
        return True

    def add_note(self, page: int, at: QPointF, text: str) -> None:
        if text.strip():
            self.note_requested.emit(page, [[round(at.x(), 2), round(at.y(), 2), 0.0, 0.0]],
                                     text.strip())

    def on_view_highlight_dragged(self, page: int, start: QPointF, end: QPointF) -> None:
        self.highlight(page + 1, start, end)

    def on_view_page_tapped(self, page: int, at: QPointF) -> None:
        """Ask for the note in a window-modal dialog with the app's own button words."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Ghi chú riêng"))
        dialog.setLabelText(self.tr("Ghi chú cho trang %1 (chỉ mình bạn thấy):")
                            .replace("%1", str(page + 1)))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setOkButtonText(self.tr("Lưu ghi chú"))
        dialog.setCancelButtonText(self.tr("Hủy"))
        dialog.textValueSelected.connect(lambda text: self.add_note(page + 1, at, text))
        dialog.finished.connect(dialog.deleteLater)
        self.note_dialog = dialog
        dialog.open()

    # --- follow and progress ------------------------------------------------------------------

    def show_follow(self, *, following: bool | None, presenter: str = "",
                    page: int | None = None) -> None:
        """``following`` None hides the banner (nobody presents this paper)."""
        if following is None:
            self.banner.hide()
        else:
            self.banner.show_state(following=following, presenter=presenter, page=page)

    def set_progress(self, done: int, total: int) -> None:
        """Prefetch progress in bytes; hidden once complete."""
        if total <= 0 or done >= total:
            self.progress.hide()
            return
        self.progress.setMaximum(1000)
        self.progress.setValue(int(1000 * done / total))
        self.progress.show()
