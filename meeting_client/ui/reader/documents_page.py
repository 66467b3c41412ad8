"""The meeting's papers as one page of a room: the list (with prefetch progress) and the
reader, wired to the document cache, private annotations and follow-the-presenter.

All the wiring lives in :meth:`DocumentsPage._connect_signals`; a room embeds
the page and feeds it Snapshots (``on_snapshot``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.document_model import (
    ID_ROLE,
    DocumentCenter,
    FollowController,
)
from meeting_client.models.port import CommandPort
from meeting_client.ui.agenda_panel import RoomyDelegate
from meeting_client.ui.file_dialogs import ask_path, file_dialog
from meeting_client.ui.reader.presenter_picker import PresenterPicker
from meeting_client.ui.reader.reader_widget import TOUCH, ReaderWidget
from meeting_client.ui.reader.readers_dialog import ReadersDialog, ReadersQuery, readers_of
from meeting_protocol.state import Participant, Snapshot


class DocumentsPage(QWidget):
    """Papers of one meeting: pick one, read it, follow the presenter.

    Args:
        port: where commands go (``presentation.page`` when presenting) and the
            transfers run (its ``submit``, on the networking thread).
        meeting_id: the meeting.
        me_id: the signed-in user.
        can_present: show the "Trình chiếu" button (chair, named presenter).
        can_upload: show "Tải lên tài liệu" (chair, clerk).
        can_name_presenter: show the list that names the presenter (chair).
        cache_dir: the document cache (default: the user cache folder).
    """

    notice = Signal(str)
    """A sentence to show briefly (a paper that could not be fetched)."""

    def __init__(self, port: CommandPort, meeting_id: int, me_id: int, *,
                 can_present: bool = False, can_upload: bool = False,
                 can_name_presenter: bool = False, cache_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPage")
        self._downloading = False
        self.center = DocumentCenter(port.submit, meeting_id, cache_dir=cache_dir, parent=self)
        self.follow = FollowController(port, meeting_id, me_id, self)
        self.reader = ReaderWidget()
        self.list = QListView()
        self.list.setObjectName("documentList")
        self.list.setModel(self.center.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setItemDelegate(RoomyDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumWidth(260)
        self.status = QLabel(self.tr("Đang lấy danh sách tài liệu…"))
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.present_button = QPushButton(self.tr("Trình chiếu cho cả phòng"))
        self.present_button.setCheckable(True)
        self.present_button.setMinimumHeight(TOUCH)
        self.present_button.setVisible(can_present)
        self.follow_button = QPushButton(self.tr("Theo dõi người trình bày"))
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setMinimumHeight(TOUCH)
        self.follow_button.setVisible(not can_present)
        self.upload_button = QPushButton(self.tr("Tải lên tài liệu…"))
        self.upload_button.setMinimumHeight(TOUCH)
        self.upload_button.setVisible(can_upload)
        self.readers_button = QPushButton(self.tr("Ai đã đọc tài liệu này?"))
        self.readers_button.setMinimumHeight(TOUCH)
        self.readers_button.setVisible(can_upload)
        self.readers_button.setEnabled(False)  # until a paper is open
        self.readers_query = ReadersQuery(port, meeting_id, self)
        self.readers_dialog: ReadersDialog | None = None
        self._participants: list[Participant] = []
        self.presenter = PresenterPicker(port, meeting_id, me_id)
        self.presenter.setVisible(can_name_presenter)
        self._names_presenter = can_name_presenter
        for button in (self.present_button, self.follow_button):
            button.setStyleSheet("QPushButton:checked { background: #1565c0; color: white; "
                                 "font-weight: 600; }")

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Tài liệu kỳ họp"))
        title.setObjectName("panelTitle")
        side_layout.addWidget(title)
        side_layout.addWidget(self.list, 1)
        side_layout.addWidget(self.status)
        side_layout.addWidget(self.upload_button)
        side_layout.addWidget(self.readers_button)
        side_layout.addWidget(self.presenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.follow_button)
        side_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect_signals()

    def _connect_signals(self) -> None:
        c, r, f = self.center, self.reader, self.follow
        self.list.clicked.connect(self.on_list_clicked)
        c.documents_changed.connect(self.on_center_documents_changed)
        c.progress_changed.connect(self.on_center_progress_changed)
        c.prefetched.connect(self.on_center_prefetched)
        c.document_ready.connect(self.on_center_document_ready)
        c.annotations_changed.connect(self.on_center_annotations_changed)
        c.failed.connect(self.notice)
        f.open_requested.connect(c.request_open)
        f.turn_requested.connect(lambda page: r.go_to_page(page, remote=True))
        f.state_changed.connect(self.on_follow_state_changed)
        r.document_opened.connect(f.on_reader_opened)
        r.document_opened.connect(c.load_annotations)
        r.page_changed.connect(f.on_reader_page_changed)
        r.follow_resume_requested.connect(self.on_resume_requested)
        r.highlight_requested.connect(self.on_reader_highlight_requested)
        r.note_requested.connect(self.on_reader_note_requested)
        self.present_button.toggled.connect(self.on_present_toggled)
        self.follow_button.toggled.connect(self.on_follow_toggled)
        self.upload_button.clicked.connect(self.on_upload_clicked)
        c.upload_progress.connect(self.on_center_upload_progress)
        c.uploaded.connect(self.on_center_uploaded)
        c.failed.connect(self.on_center_failed)
        self.presenter.failed.connect(self.notice)
        self.readers_button.clicked.connect(self.on_readers_clicked)
        self.readers_query.ready.connect(self.on_readers_ready)
        self.readers_query.failed.connect(self.notice)

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        """List and prefetch the papers (the meeting must be subscribed)."""
        self.center.start()

    def stop(self) -> int:
        return self.center.stop()

    def on_snapshot(self, snapshot: Snapshot) -> None:
        self.follow.on_snapshot(snapshot)
        self._participants = snapshot.participants
        if self._names_presenter:
            self.presenter.on_snapshot(snapshot)

    def set_can_present(self, can: bool) -> None:
        self.present_button.setVisible(can)
        self.follow_button.setVisible(not can)
        if not can and self.present_button.isChecked():
            self.present_button.setChecked(False)

    # --- slots ---------------------------------------------------------------------------

    def on_readers_clicked(self) -> None:
        if self.reader.document_id is not None:
            self.readers_query.ask(self.reader.document_id)

    def on_readers_ready(self, entry: dict) -> None:  # type: ignore[type-arg]
        if self.readers_dialog is not None:
            self.readers_dialog.close()
        names = {p.user_id: p.full_name for p in self._participants}
        self.readers_dialog = ReadersDialog(readers_of(entry, names), self)
        self.readers_dialog.show()

    def on_upload_clicked(self) -> None:
        path = ask_path(self.upload_dialog())
        if path:
            self.upload_file(path)

    def upload_dialog(self, options: QFileDialog.Option | None = None) -> QFileDialog:
        """The dialog "Tải lên tài liệu…" opens."""
        return file_dialog(self, self.tr("Chọn tài liệu để tải lên"), "",
                           self.tr("Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx "
                                   "*.odt *.ods *.odp)"), save=False, options=options)

    def upload_file(self, path: str, title: str | None = None) -> None:
        """Upload a paper; the title defaults to the file's name without extension."""
        self.upload_button.setEnabled(False)
        self.status.setText(self.tr("Đang tải lên…"))
        self.center.upload(path, title or Path(path).stem)

    def on_center_upload_progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        self.status.setText(self.tr("Đang tải lên: %1%").replace("%1", str(percent)))

    def on_center_uploaded(self, title: str) -> None:
        self.upload_button.setEnabled(True)
        self.status.setText(self.tr("Đã tải lên: %1").replace("%1", title))

    def on_center_failed(self, _message: str) -> None:
        self.upload_button.setEnabled(True)

    def on_list_clicked(self, index: QModelIndex) -> None:
        self.open_document(int(index.data(ID_ROLE)))

    def open_document(self, document_id: int) -> None:
        """The person opens a paper; another than the one presented leaves follow mode."""
        p = self.follow.presentation
        if p is not None and p.document_id != document_id and not self.follow.presenting:
            self.follow.leave()
        self.center.request_open(document_id)

    def on_center_documents_changed(self, documents: list) -> None:
        if not documents:
            self.status.setText(self.tr("Chưa có tài liệu nào."))

    def on_center_progress_changed(self, done: int, total: int) -> None:
        self.reader.set_progress(done, total)
        if total and done < total:
            self._downloading = True
            self.status.setText(self.tr("Đang tải tài liệu về máy: %1%")
                                .replace("%1", str(int(100 * done / total))))
        elif total and self._downloading:  # a fetch after a paper was added ended too:
            self.on_center_prefetched(0)   # the status must not stay at "n %"

    def on_center_prefetched(self, moved: int) -> None:
        self._downloading = False
        self.center.model.set_cached({d.sha256 for d in self.center.documents()
                                      if self.center.cache.cached(d.sha256) is not None})
        self.reader.set_progress(1, 1)
        self.status.setText(self.tr("Đã tải đủ %1 tài liệu; đọc được cả khi mất kết nối.")
                            .replace("%1", str(len(self.center.documents()))))
        del moved  # 0 on a second entry: everything came from the cache

    def on_center_document_ready(self, document_id: int, path: str) -> None:
        doc = self.center.document(document_id)
        self.reader.open_file(Path(path), document_id=document_id,
                              title=doc.title if doc else "")
        row = next((i for i, d in enumerate(self.center.model.rows()) if d.id == document_id),
                   -1)
        if row >= 0:
            self.list.setCurrentIndex(self.center.model.index(row, 0))
        self.readers_button.setEnabled(True)

    def on_center_annotations_changed(self, document_id: int, annotations: list) -> None:
        """Draw the person's annotations made on the version on screen (a replaced
        paper's pages moved; its old marks stay on the server with their version)."""
        if document_id != self.reader.document_id:
            return
        doc = self.center.document(document_id)
        self.reader.set_annotations([a for a in annotations
                                     if doc is None or a.sha256 == doc.sha256])

    def on_reader_highlight_requested(self, page: int, rects: list, text: str) -> None:
        if self.reader.document_id is not None:
            self.center.save_annotation(self.reader.document_id, page=page, kind="highlight",
                                        rects=rects, text=text)

    def on_reader_note_requested(self, page: int, rects: list, text: str) -> None:
        if self.reader.document_id is not None:
            self.center.save_annotation(self.reader.document_id, page=page, kind="note",
                                        rects=rects, text=text, color="#ffd54f")

    def on_follow_state_changed(self) -> None:
        following, name, page = self.follow.banner()
        self.reader.show_follow(following=following, presenter=name, page=page)
        self.follow_button.blockSignals(True)
        self.follow_button.setChecked(self.follow.following)
        self.follow_button.blockSignals(False)

    def on_resume_requested(self) -> None:
        self.follow.resume()

    def on_follow_toggled(self, checked: bool) -> None:
        if checked:
            self.follow.resume()
        else:
            self.follow.leave()

    def on_present_toggled(self, checked: bool) -> None:
        self.follow.set_presenting(checked)
        if checked and self.reader.document_id is not None:
            self.follow.publish(self.reader.current_page())

