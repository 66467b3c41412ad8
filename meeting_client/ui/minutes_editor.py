"""The clerk's minutes editor: texts per agenda item, a live preview, exports, the notice.

Left, the parts of the minutes (agenda items, then the general conclusions); middle, the
two texts of the selected part — "Tóm tắt ý kiến thảo luận" and "Kết luận của chủ tọa" —
with bold, italic, lists and phrases filled from the session; right, the document as the
server renders it, updated one second after the clerk stops typing (unsaved text included,
nothing stored until "Lưu").

Saving is explicit (Ctrl+S or the button) and optimistic: when another clerk terminal saved
the same part first, the server refuses and the editor says who and when, with "Tải lại".
Rendering happens on the server (``minutes.render``) and exported files are written in a
worker thread, so the GUI thread never waits for reportlab or the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import date_time_text
from meeting_client.models.port import CommandPort
from meeting_client.models.session import MeetingSession
from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.file_dialogs import ask_path, file_dialog
from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.look import label, set_state
from meeting_client.ui.minutes.file_writer import FileWriter
from meeting_client.ui.minutes.item_model import MinutesItemModel, MinutesItemRow
from meeting_client.ui.minutes.phrases import phrases_for
from meeting_client.ui.minutes.preview import MinutesPreview
from meeting_client.ui.minutes.rich_text import RichTextField
from meeting_client.ui.minutes.store import GENERAL, MinutesStore, RenderedFile

PREVIEW_DELAY_MS = 1000
"""Quiet time after the last keystroke before the preview is rendered again."""

STYLE = """
QFrame#minutesBanner { background: #fff4e0; border: 1px solid #f5c98a; border-radius: 8px; }
QFrame#minutesBanner[state="error"] { background: #fdecea; border: 1px solid #f1aeb5; }
QLabel#minutesBannerText { color: #7a4a00; font-weight: bold; }
QLabel#minutesBannerText[state="error"] { color: #8c1d18; }
QTextEdit { border: 1px solid #98a2b3; border-radius: 8px; background: #ffffff;
            font-family: "Liberation Serif", "Times New Roman", serif; font-size: 19px; }
QTextEdit:focus { border: 2px solid #1d4ed8; }
QToolButton { min-width: 44px; min-height: 40px; font-size: 18px; border: 1px solid #98a2b3;
              border-radius: 8px; background: #ffffff; padding: 0 8px; }
QToolButton:checked { background: #dbe8ff; border-color: #1d4ed8; }
QLabel#minutesStatus[state="ok"] { color: #1b7f3b; font-weight: bold; }
QLabel#minutesStatus[state="warn"] { color: #b26a00; font-weight: bold; }
QPdfView#minutesPreview { background: #d0d5dd; border-radius: 8px; }
"""

SavePathChooser = Callable[[str, str], str]
"""(suggested file name, filter) → chosen path, or "" when cancelled."""


class MinutesEditor(QWidget):
    """The minutes of ``session``'s meeting, for its clerk (the chair may open it too)."""

    def __init__(self, session: MeetingSession, port: CommandPort,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutesEditor")
        self.setStyleSheet(STYLE)
        self._session = session
        self.store = MinutesStore(port, session.meeting_id, self)
        self.writer = FileWriter(self)
        self.choose_save_path: SavePathChooser = self._ask_save_path
        """Replaceable (tests, kiosk deployments) — asks where to write an exported file."""
        self._current: int | None = None
        self._baseline: dict[int, tuple[str, str]] = {}
        self._drafts: dict[int, tuple[str, str]] = {}
        self._sent: dict[int, tuple[str, str]] = {}
        self._targets: dict[str, str] = {}  # purpose → path chosen in advance
        self._loading = False
        self._preview_again = False
        self._reload_key: int | None = None
        self._writes = 0

        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.reload_button = QPushButton(self.tr("Tải lại"))
        self.export_pdf_button = QPushButton(self.tr("Xuất PDF"))
        self.export_docx_button = QPushButton(self.tr("Xuất DOCX"))
        self.notice_button = GuardedButton(self.tr("Thông báo kết luận"))
        self.issue_button = GuardedButton(self.tr("Cấp số biên bản"))
        self.confirm = ConfirmBar()
        self.directive_button = QPushButton(self.tr("Giao nhiệm vụ từ kết luận"))
        self.directive_button.setToolTip(self.tr(
            "Đoạn kết luận tại con trỏ trở thành một chỉ đạo (người, hạn, nguồn)."))
        self.directive_dialog: QDialog | None = None
        self._port = port
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: how long the server takes is not known
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = label("", "minutesStatus")
        self.number = label("", "muted")

        self.banner = QFrame()
        self.banner.setObjectName("minutesBanner")
        self.banner_text = label("", "minutesBannerText")
        self.banner_reload = QPushButton(self.tr("Tải lại"))
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_reload)
        self.banner.hide()

        self.item_model = MinutesItemModel(self)
        self.items = QListView()
        self.items.setObjectName("agendaList")
        self.items.setModel(self.item_model)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setWordWrap(True)
        self.items.setSpacing(3)

        self.item_title = label("", "panelTitle")
        self.item_meta = label("", "muted")
        self.bold_button = self._tool("B", self.tr("Chữ đậm (Ctrl+B)"))
        font = self.bold_button.font()
        font.setBold(True)
        self.bold_button.setFont(font)
        self.italic_button = self._tool("I", self.tr("Chữ nghiêng (Ctrl+I)"))
        font = self.italic_button.font()
        font.setItalic(True)
        self.italic_button.setFont(font)
        self.bullet_button = self._tool("•", self.tr("Danh sách gạch đầu dòng"))
        self.numbered_button = self._tool("1.", self.tr("Danh sách đánh số"))
        self.phrase_button = QToolButton()
        self.phrase_button.setText(self.tr("Chèn mẫu câu"))
        self.phrase_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.phrase_menu = QMenu(self.phrase_button)
        self.phrase_button.setMenu(self.phrase_menu)
        self.opinions_label = label(self.tr("Tóm tắt ý kiến thảo luận"), "panelSubtitle")
        self.opinions = RichTextField()
        self.opinions.setObjectName("minutesOpinions")
        self.opinions.setPlaceholderText(self.tr("Ghi tóm tắt ý kiến của các đại biểu…"))
        self.conclusions_label = label(self.tr("Kết luận của chủ tọa"), "panelSubtitle")
        self.conclusions = RichTextField()
        self.conclusions.setObjectName("minutesConclusions")
        self.conclusions.setPlaceholderText(self.tr("Ghi kết luận của chủ tọa…"))
        self._target: RichTextField = self.opinions

        self.preview = MinutesPreview()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self._refresh_actions()
        self.store.load()

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for button in (self.save_button, self.reload_button, self.export_pdf_button,
                       self.export_docx_button, self.notice_button, self.issue_button):
            bar.addWidget(button)
        bar.addWidget(self.progress)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.number)

        left = QFrame()
        left.setObjectName("panel")
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(label(self.tr("Biên bản"), "panelTitle"))
        left_layout.addWidget(self.items, 1)

        middle = QFrame()
        middle.setObjectName("panel")
        formats = QHBoxLayout()
        for button in (self.bold_button, self.italic_button, self.bullet_button,
                       self.numbered_button):
            formats.addWidget(button)
        formats.addStretch(1)
        formats.addWidget(self.phrase_button)
        text_layout = QVBoxLayout(middle)
        text_layout.addWidget(self.item_title)
        text_layout.addWidget(self.item_meta)
        text_layout.addLayout(formats)
        text_layout.addWidget(self.opinions_label)
        text_layout.addWidget(self.opinions, 3)
        conclusions_row = QHBoxLayout()
        conclusions_row.addWidget(self.conclusions_label, 1)
        conclusions_row.addWidget(self.directive_button)
        text_layout.addLayout(conclusions_row)
        text_layout.addWidget(self.conclusions, 2)

        right = QFrame()
        right.setObjectName("panel")
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.preview)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([320, 760, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.confirm)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        s = self.store
        s.loaded.connect(self.on_store_loaded)
        s.item_reloaded.connect(self.on_store_item_reloaded)
        s.saved.connect(self.on_store_saved)
        s.conflict.connect(self.on_store_conflict)
        s.remote_saved.connect(self.on_store_remote_saved)
        s.rendered.connect(self.on_store_rendered)
        s.notice_ready.connect(self.on_store_notice_ready)
        s.issued.connect(self.on_store_issued)
        s.failed.connect(self.on_store_failed)
        self.writer.written.connect(self.on_writer_written)
        self.writer.failed.connect(self.on_writer_failed)
        self._session.online_changed.connect(self._refresh_actions)
        self._session.snapshot_changed.connect(self._refresh_actions)
        self.items.selectionModel().currentChanged.connect(self.on_items_current_changed)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.on_reload_clicked)
        self.banner_reload.clicked.connect(self.on_reload_clicked)
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.export_docx_button.clicked.connect(lambda: self.export("docx"))
        self.notice_button.clicked.connect(self.on_notice_clicked)
        self.issue_button.clicked.connect(self.on_issue_clicked)
        self.confirm.confirmed.connect(self.on_confirm_confirmed)
        self.directive_button.clicked.connect(self.on_directive_clicked)
        self.bold_button.clicked.connect(lambda: self._target.toggle_bold())
        self.italic_button.clicked.connect(lambda: self._target.toggle_italic())
        self.bullet_button.clicked.connect(lambda: self._target.toggle_list(ordered=False))
        self.numbered_button.clicked.connect(lambda: self._target.toggle_list(ordered=True))
        self.phrase_menu.aboutToShow.connect(self.on_phrase_menu_about_to_show)
        for field in (self.opinions, self.conclusions):
            field.textChanged.connect(self.on_text_changed)
            field.focused.connect(self.on_field_focused)
            field.currentCharFormatChanged.connect(self.on_char_format_changed)
        self._preview_timer.timeout.connect(self.request_preview)
        shortcuts = ((QKeySequence.StandardKey.Save, self.save),
                     (QKeySequence.StandardKey.Bold, lambda: self._target.toggle_bold()),
                     (QKeySequence.StandardKey.Italic, lambda: self._target.toggle_italic()))
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- public handles ------------------------------------------------------------

    def conclusion_at_cursor(self) -> str:
        """The selected text of the conclusions, else the paragraph at the cursor."""
        cursor = self.conclusions.textCursor()
        return cursor.selectedText().replace("\u2029", "\n") or cursor.block().text()

    def on_directive_clicked(self) -> None:
        from meeting_client.ui.minutes.directive_dialog import DirectiveFromConclusion

        key = self.current_key()
        dialog = DirectiveFromConclusion(self._port, self._session.meeting_id,
                                         key or None, self.conclusion_at_cursor(), self)
        dialog.created.connect(self.on_directive_created)
        dialog.finished.connect(lambda _r: setattr(self, "directive_dialog", None))
        self.directive_dialog = dialog
        dialog.open()

    def on_directive_created(self, _directive_id: int) -> None:
        self._set_status(self.tr("Đã giao nhiệm vụ từ kết luận."), "ok")

    def current_key(self) -> int | None:
        """The part on screen: an agenda item's id, or 0 for the general conclusions."""
        return self._current

    def select(self, key: int) -> None:
        row = self.item_model.row_of_key(key)
        if row >= 0:
            self.items.setCurrentIndex(self.item_model.index(row, 0))

    def is_dirty(self, key: int | None = None) -> bool:
        keys = [key] if key is not None else list(self._drafts)
        return any(k in self._drafts and self._drafts[k] != self._baseline.get(k)
                   for k in keys)

    def phrases(self) -> list[str]:
        """The phrases offered for the part on screen, filled from the session."""
        key = self._current
        item = self.store.item(key) if key is not None else None
        item_id = key if key not in (None, GENERAL) else None
        return phrases_for(self._session.snapshot, item_id, item.speakers if item else ())

    def insert_phrase(self, text: str) -> None:
        """Insert at the cursor of the text the clerk was last typing in."""
        self._target.insert_phrase(text)

    def save(self) -> None:
        """Save every part changed here (each is its own command, with its own version)."""
        if not self._session.online:
            self._set_status(self.tr("Mất kết nối — chưa lưu được."), "warn")
            return
        self._capture()
        dirty = [k for k in self._drafts if self.is_dirty(k) and not self.store.is_saving(k)]
        if not dirty:
            self._set_status(self.tr("Không có thay đổi nào cần lưu."), "")
            return
        for key in dirty:
            self._sent[key] = self._drafts[key]
            self.store.save(key, *self._drafts[key])
        self._set_status(self.tr("Đang lưu…"), "")

    def export(self, fmt: str, path: str | None = None) -> None:
        """Render the minutes (unsaved text included) as ``fmt`` and write the file.

        Without ``path`` the clerk is asked where, once the file is ready.
        """
        purpose = f"export-{fmt}"
        if self.store.busy("render") and purpose in self._targets:
            return
        self._targets[purpose] = path or ""
        self._capture()
        self.store.render(fmt, self._dirty_drafts(), purpose)
        self._busy(self.tr("Đang tạo tệp %1…").replace("%1", fmt.upper()))

    def issue_notice(self, path: str | None = None) -> None:
        """Issue (or reissue) the conclusion notice and write its PDF to ``path``.

        Without ``path`` the clerk is asked where first: cancelling that dialog
        issues nothing (a notice number is official and cannot be taken back).
        """
        if not path:
            path = self.choose_save_path(self.tr("thong-bao-ket-luan.pdf"),
                                         self.tr("Tệp PDF (*.pdf)"))
            if not path:
                self._set_status(self.tr("Chưa ban hành thông báo kết luận."), "")
                return
        self._targets["notice"] = path
        self.store.notice()
        self._busy(self.tr("Đang lập thông báo kết luận…"))

    def on_notice_clicked(self) -> None:
        self.confirm.ask(self.tr("Ban hành thông báo kết luận? Thông báo được cấp số chính "
                                 "thức; sau đó bạn chọn nơi lưu tệp PDF."), "notice",
                         self.tr("Ban hành thông báo"), "warn")

    def on_issue_clicked(self) -> None:
        self.confirm.ask(self.tr("Cấp số biên bản? Số vào sổ được cấp ngay và không thu hồi "
                                 "được."), "issue", self.tr("Cấp số biên bản"), "warn")

    def on_confirm_confirmed(self, payload: object) -> None:
        if not self.issue_button.isEnabled():  # went offline, or the meeting is not over
            return
        if payload == "issue":
            self.store.issue()
        elif payload == "notice":
            self.issue_notice()

    def request_preview(self) -> None:
        """Render the preview now (the timer calls this 1 s after the last keystroke)."""
        if "preview" in self._targets:  # one in flight: render again when it is back
            self._preview_again = True
            return
        self._capture()
        self._targets["preview"] = ""
        drafts = self._dirty_drafts()
        self.store.render("pdf", drafts, "preview")
        self.preview.set_pending()
        self.preview.set_note(self.tr("Gồm cả nội dung chưa lưu.") if drafts else "")

    # --- internals -----------------------------------------------------------------

    def _dirty_drafts(self) -> dict[int, tuple[str, str]]:
        return {k: v for k, v in self._drafts.items() if self.is_dirty(k)}

    def _capture(self) -> None:
        """Remember what the fields hold for the part on screen."""
        if self._current is None or self._loading:
            return
        self._drafts[self._current] = (self.opinions.html(), self.conclusions.html())

    def _label_of(self, key: int) -> str:
        item = self.store.item(key)
        if key == GENERAL or item is None:
            return self.tr("Kết luận chung")
        return f"{item.position}. {item.title}"

    def _state_of(self, key: int) -> str:
        row = self.item_model.row_of_key(key)
        current = self.item_model.row_at(row).state if row >= 0 else "saved"
        if current == "conflict" and self.is_dirty(key):
            return "conflict"
        return "dirty" if self.is_dirty(key) else "saved"

    def _refresh_rows(self) -> None:
        self.item_model.set_rows([
            MinutesItemRow(i.key, self._label_of(i.key), self._state_of(i.key))
            for i in self.store.items()])

    def _show(self, key: int) -> None:
        """Put a part's texts in the fields: its draft if edited here, else the saved text."""
        self._loading = True
        try:
            self._current = key
            item = self.store.item(key)
            general = key == GENERAL
            self.opinions_label.setVisible(not general)
            self.opinions.setVisible(not general)
            if key not in self._baseline:
                self.opinions.set_html(item.opinions if item else "")
                self.conclusions.set_html(item.conclusions if item else "")
                self._baseline[key] = (self.opinions.html(), self.conclusions.html())
            opinions, conclusions = self._drafts.get(key, self._baseline[key])
            if (self.opinions.html(), self.conclusions.html()) != (opinions, conclusions):
                self.opinions.set_html(opinions)
                self.conclusions.set_html(conclusions)
            self.item_title.setText(self._label_of(key))
            self._show_meta(key)
            if general:
                self._target = self.conclusions  # the general part has conclusions only
        finally:
            self._loading = False
        self._refresh_actions()

    def _show_meta(self, key: int) -> None:
        item = self.store.item(key)
        if item is None or item.version == 0:
            self.item_meta.setText(self.tr("Chưa lưu lần nào."))
            return
        self.item_meta.setText(
            self.tr("Phiên bản %1 — %2 lưu lúc %3").replace("%1", str(item.version))
            .replace("%2", item.updated_by_name or "?")
            .replace("%3", date_time_text(item.updated_at)))

    def _set_status(self, text: str, state: str) -> None:
        self.status.setText(text)
        set_state(self.status, state)

    def _busy(self, text: str) -> None:
        self.progress.show()
        self._set_status(text, "")

    def _idle(self) -> None:
        waiting = any(p in self._targets for p in ("export-pdf", "export-docx", "notice"))
        self.progress.setVisible(waiting or self._writes > 0)

    def _show_banner(self, text: str, key: int, state: str = "warn") -> None:
        self._reload_key = key
        self.banner_text.setText(text)
        set_state(self.banner, state)
        set_state(self.banner_text, state)
        self.banner.show()

    def _ask_save_path(self, filename: str, file_filter: str) -> str:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return ask_path(file_dialog(self, self.tr("Lưu tệp"), str(Path(folder) / filename),
                                    file_filter, save=True))

    def _write(self, purpose: str, file: RenderedFile) -> None:
        path = self._targets.pop(purpose, "")
        if not path:
            filters = {"pdf": self.tr("Tệp PDF (*.pdf)"), "docx": self.tr("Tệp Word (*.docx)")}
            path = self.choose_save_path(file.filename, filters.get(file.fmt, ""))
        if not path:
            self._set_status(self.tr("Đã hủy lưu tệp."), "")
            self._idle()
            return
        self._writes += 1
        self.writer.write(path, file.data)
        self._idle()

    # --- slots -----------------------------------------------------------------------

    def _refresh_actions(self, *_args: object) -> None:
        online = self._session.online
        snap = self._session.snapshot
        ended = snap is not None and snap.meeting.status == "ended"
        self.save_button.setEnabled(online)
        for button in (self.reload_button, self.export_pdf_button, self.export_docx_button,
                       self.banner_reload):
            button.setEnabled(online)
        for button in (self.notice_button, self.issue_button):
            button.setEnabled(online and ended)
            button.setToolTip("" if ended else self.tr("Dùng được sau khi cuộc họp kết thúc."))
        has_text = self._current is not None
        for w in (self.opinions, self.conclusions, self.bold_button, self.italic_button,
                  self.bullet_button, self.numbered_button, self.phrase_button):
            w.setEnabled(has_text)

    def on_store_loaded(self) -> None:
        self._refresh_rows()
        self.number.setText(self.store.number_label or "")
        if self._current is None:
            active = self._session.active_item()
            first = self.store.items()[0].key if self.store.items() else None
            key = active.id if active is not None and self.store.item(active.id) else first
            if key is not None:
                self.select(key)
        self._preview_timer.start(0)

    def on_items_current_changed(self, current: object, _previous: object) -> None:
        key = current.data(KEY_ROLE) if current is not None else None  # type: ignore[attr-defined]
        if key is None or key == self._current:
            return
        self._capture()
        self._show(int(key))

    def on_field_focused(self) -> None:
        sender = self.sender()
        if isinstance(sender, RichTextField):
            self._target = sender
            self.on_char_format_changed()

    def on_char_format_changed(self, *_args: object) -> None:
        self.bold_button.setCheckable(True)
        self.italic_button.setCheckable(True)
        self.bold_button.setChecked(self._target.fontWeight() >= 600)
        self.italic_button.setChecked(self._target.fontItalic())

    def on_text_changed(self) -> None:
        if self._loading or self._current is None:
            return
        self._capture()
        row = self.item_model.row_of_key(self._current)
        if row >= 0:
            state = self._state_of(self._current)
            if self.item_model.row_at(row).state != state:
                self.item_model.set_state(self._current, state)
        self._preview_timer.start()

    def on_phrase_menu_about_to_show(self) -> None:
        self.phrase_menu.clear()
        for text in self.phrases():
            action = self.phrase_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, t=text: self.insert_phrase(t))

    def on_reload_clicked(self) -> None:
        key = self._reload_key if self._reload_key is not None else self._current
        if key is None:
            return
        self._capture()
        if self.is_dirty(key):
            # The clerk's own version is not thrown away: it goes to the clipboard.
            opinions, conclusions = self._drafts[key]
            field = RichTextField()
            field.set_html(opinions + conclusions)
            QGuiApplication.clipboard().setText(field.toPlainText())
            field.deleteLater()
        self.store.reload(key)
        self._set_status(self.tr("Đang tải lại…"), "")

    def on_store_item_reloaded(self, key: int) -> None:
        copied = self.is_dirty(key)
        self._drafts.pop(key, None)
        self._baseline.pop(key, None)
        for other in list(self._baseline):  # untouched parts show the fresh text too
            if not self.is_dirty(other):
                self._baseline.pop(other, None)
                self._drafts.pop(other, None)
        if self._reload_key == key:
            self._reload_key = None
            self.banner.hide()
        current = self._current
        self._current = None
        self._refresh_rows()
        if current is not None:
            self._show(current)
        self.number.setText(self.store.number_label or "")
        self._set_status(
            self.tr("Đã tải bản mới nhất. Bản của bạn đã được chép vào bộ nhớ tạm "
                    "(Ctrl+V để dán).") if copied else self.tr("Đã tải bản mới nhất."), "ok")
        self._preview_timer.start(0)

    def on_store_saved(self, key: int, version: int) -> None:
        sent = self._sent.pop(key, None)
        if sent is not None:
            self._baseline[key] = sent
        if self._drafts.get(key) == self._baseline.get(key):
            self._drafts.pop(key, None)
        self.item_model.set_state(key, self._state_of(key))
        if key == self._current:
            self._show_meta(key)
        if self._reload_key == key:
            self._reload_key = None
            self.banner.hide()
        if not self.store.is_saving():
            item = self.store.item(key)
            when = date_time_text(item.updated_at if item else None)
            self._set_status(self.tr("Đã lưu lúc %1.").replace("%1", when), "ok")
            if not self._dirty_drafts():  # what the preview shows is now what is stored
                self.preview.set_note("")

    def on_store_conflict(self, key: int, message: str) -> None:
        self._sent.pop(key, None)
        self.item_model.set_state(key, "conflict")
        self._show_banner(message, key, "error")
        self._set_status(self.tr("Chưa lưu được “%1”.").replace("%1", self._label_of(key)),
                         "warn")

    def on_store_remote_saved(self, key: int, version: int) -> None:
        if not self.is_dirty(key):
            self.store.reload(key)  # nothing of ours to lose: follow the other terminal
            return
        self._show_banner(
            self.tr("“%1” vừa được lưu từ máy khác (phiên bản %2). Hãy tải lại trước khi lưu.")
            .replace("%1", self._label_of(key)).replace("%2", str(version)), key)

    def on_store_rendered(self, purpose: str, file: RenderedFile) -> None:
        if purpose == "preview":
            self._targets.pop("preview", None)
            self.preview.show_pdf(file.data)
            if self._preview_again:
                self._preview_again = False
                self._preview_timer.start(0)
            return
        self._write(purpose, file)

    def on_store_notice_ready(self, file: RenderedFile) -> None:
        self._set_status(self.tr("Thông báo kết luận %1, hạn ban hành %2.")
                         .replace("%1", file.label or "").replace("%2", _vn_date(file.due_on)),
                         "ok")
        self._write("notice", file)

    def on_store_issued(self, label_text: str) -> None:
        self.number.setText(label_text)
        self._set_status(self.tr("Đã cấp số biên bản: %1.").replace(
            "%1", label_text.removeprefix("Số: ")), "ok")
        self._preview_timer.start(0)

    def on_store_failed(self, what: str, message: str) -> None:
        if what == "render:preview":
            self._targets.pop("preview", None)
            self.preview.set_failed(message)
            return
        if what.startswith("render:"):
            self._targets.pop(what.removeprefix("render:"), None)
        elif what == "notice":
            self._targets.pop("notice", None)
        self._set_status(message, "warn")
        self._idle()

    def on_writer_written(self, path: str) -> None:
        self._writes -= 1
        self._set_status(self.tr("Đã lưu tệp %1.").replace("%1", path), "ok")
        self._idle()

    def on_writer_failed(self, path: str, reason: str) -> None:
        self._writes -= 1
        self._set_status(self.tr("Không ghi được tệp %1: %2").replace("%1", path)
                         .replace("%2", reason), "warn")
        self._idle()


def _vn_date(iso: str | None) -> str:
    """"02/12/2026" from "2026-12-02"."""
    if not iso or len(iso) < 10:
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
