"""Every dialog the app opens speaks Vietnamese, Qt's own words included (qt_vi.qm)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from meeting_client.app import RESOURCES, install_translator
from meeting_client.ui.absence_dialog import AbsenceDialog
from meeting_client.ui.file_dialogs import file_dialog
from meeting_client.ui.poll_dialog import PollDialog
from meeting_client.ui.reader.reader_widget import ReaderWidget
from tests.meeting_client.conftest import make_snapshot

NON_NATIVE = QFileDialog.Option.DontUseNativeDialog
QT_TS = RESOURCES / "translations" / "qt_vi.ts"


def qt_english() -> set[str]:
    """Qt's English source strings for the contexts the app shows (from our .ts), plus
    the words a stock dialog would show untranslated."""
    tree = ET.parse(QT_TS)
    words = {bare(m.findtext("source") or "") for m in tree.iter("message")}
    return words | {"OK", "Cancel", "Yes", "No", "Save", "Open", "Close", "File name:",
                    "Look in:", "Files of type:"}


def bare(text: str) -> str:
    return text.replace("&", "").strip()


ENGLISH_WORD = re.compile(r"\b(the|file|files|folder|name|type|size|date|save|open|cancel|"
                          r"look|copy|paste|undo|redo|delete|select|all|back|forward|"
                          r"parent|detail|list|view|ok|yes|no|close|enter|value|new)\b",
                          re.IGNORECASE)


@pytest.fixture
def vietnamese(qapp: QApplication) -> Any:
    translator = install_translator(qapp, "vi")
    assert translator is not None, "qt_vi.qm is missing: compile qt_vi.ts"
    yield
    qapp.removeTranslator(translator)


def texts(root: QWidget) -> list[str]:
    """What a person reads in a window: titles, labels, buttons, tips, headers, lists."""
    found = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QAbstractButton):
            found += [w.text(), w.toolTip()]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QHeaderView) and w.model() is not None:
            found += [str(w.model().headerData(i, w.orientation()) or "")
                      for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QMenu):
            found += [a.text() for a in w.actions()]
    return [bare(t) for t in found if t and bare(t)]


def english(found: list[str]) -> list[str]:
    known = qt_english()
    return [t for t in found
            if t in known or (t.isascii() and ENGLISH_WORD.search(t) and "*" not in t)]


def show(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_dialogs_are_vietnamese(qtbot, vietnamese, tmp_path: Path):
    (tmp_path / "to-trinh.pdf").write_bytes(b"%PDF-1.4\n")
    save = show(qtbot, file_dialog(None, "Lưu tệp", str(tmp_path / "bien-ban.pdf"),
                                   "Tệp PDF (*.pdf)", save=True, options=NON_NATIVE))
    found = texts(save)
    assert "Lưu" in found and "Hủy" in found and "Tìm trong:" in found and "Loại tệp:" in found
    assert english(found) == []
    opened = show(qtbot, file_dialog(None, "Chọn tài liệu để tải lên", str(tmp_path),
                                     "Tài liệu (*.pdf)", save=False, options=NON_NATIVE))
    found = texts(opened)
    assert "Mở" in found and "Tên" in found  # the button, the list's first column
    assert english(found) == []


def test_the_app_dialogs_and_qt_boxes_are_vietnamese(qtbot, vietnamese):
    snapshot = make_snapshot()
    poll = show(qtbot, PollDialog(snapshot.agenda, 1, "absolute"))
    absence = show(qtbot, AbsenceDialog("Nguyễn Văn Đại Biểu 1"))
    box = QMessageBox(QMessageBox.Icon.Question, "Xác nhận", "Tiếp tục?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    show(qtbot, box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
    show(qtbot, buttons)
    for window in (poll, absence, box, buttons):
        assert english(texts(window)) == [], window
    assert sorted(bare(b.text()) for b in box.buttons()) == ["Có", "Hủy", "Không"]
    # The app's own button boxes carry no stock icons of the style: the app's or none.
    for dialog in (poll, absence):
        for button in dialog.findChildren(QDialogButtonBox)[0].buttons():
            cancel = bare(button.text()) == "Hủy"
            assert button.icon().isNull() == cancel


def test_the_note_dialog_and_text_menus_are_vietnamese(qtbot, vietnamese):
    reader = ReaderWidget()
    qtbot.addWidget(reader)
    reader.on_view_page_tapped(2, QPointF(10, 10))
    note = reader.note_dialog
    qtbot.waitExposed(note)
    found = texts(note)
    assert "Lưu ghi chú" in found and "Hủy" in found
    assert english(found) == []
    for edit in (QLineEdit("Tờ trình"), QPlainTextEdit("Tờ trình")):
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        words = [bare(a.text().split("\t")[0]) for a in menu.actions() if a.text()]
        assert "Sao chép" in words and "Dán" in words and "Chọn tất cả" in words
        assert english(words) == [], type(edit).__name__
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
