"""The clerk's minutes editor, offscreen, against a real server process."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtPdf import QPdfDocument

from meeting_client.ui.minutes.store import GENERAL
from tests.meeting_client.minutes.conftest import WAIT, Terminal, protocol
from tests.meeting_client.taps import press_when_armed

BUDGET = 3  # "Tờ trình về dự toán ngân sách thành phố năm 2027"


def type_into(qtbot, field, text: str) -> None:
    """Type at the end. (QTest.keyClicks asserts on non-ASCII keys: Vietnamese goes in as
    text, the way an input method delivers it.)"""
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.insertPlainText(text)


def ready(editor) -> bool:
    doc = editor.preview.document
    return doc.status() == QPdfDocument.Status.Ready and doc.pageCount() >= 1


def preview_text(editor) -> str:
    doc = editor.preview.document
    return " ".join(" ".join(doc.getAllText(p).text().split()) for p in range(doc.pageCount()))


def test_the_preview_renders_and_follows_unsaved_typing(qtbot, open_editor) -> None:
    t: Terminal = open_editor("clerk")
    editor = t.editor
    qtbot.waitUntil(lambda: ready(editor), timeout=WAIT)
    assert "BIÊN BẢN" in preview_text(editor)
    assert editor.preview.pages.text().startswith("Trang 1/")
    editor.select(BUDGET)
    type_into(qtbot, editor.opinions, "Đại biểu đề nghị làm rõ nguồn thu")
    assert editor.is_dirty(BUDGET)
    assert editor.item_model.index(2, 0).data().endswith(" ●")
    # One second after the last keystroke the preview shows the unsaved text.
    qtbot.waitUntil(lambda: "làm rõ nguồn thu" in preview_text(editor), timeout=WAIT)
    assert editor.store.item(BUDGET).version == 0  # nothing was stored


def test_phrases_are_filled_from_the_session_and_inserted_at_the_cursor(
        qtbot, open_editor, live_server) -> None:
    protocol(live_server.url, "chair", ("meeting.start", {"meeting_id": 1}),
             ("agenda.activate", {"meeting_id": 1, "item_id": BUDGET}))
    for n in range(1, 18):
        protocol(live_server.url, f"d{n:03d}", ("attendance.check_in", {"meeting_id": 1}))
    [request] = protocol(live_server.url, "d001", ("speaker.request", {"meeting_id": 1}))
    protocol(live_server.url, "chair", ("speaker.grant", {"request_id": request["request_id"]}),
             ("speaker.finish", {"request_id": request["request_id"]}))
    t: Terminal = open_editor("clerk")
    editor = t.editor
    assert editor.current_key() == BUDGET  # the item the session is on
    speaker = t.session.name_of(next(p.user_id for p in t.session.snapshot.participants
                                     if p.username == "d001"))
    phrases = editor.phrases()
    assert "Kiểm tra số đại biểu có mặt: 17/30." in phrases
    assert f"Chủ tọa mời đại biểu {speaker} phát biểu." in phrases
    assert "Hội đồng nhân dân biểu quyết thông qua …." in phrases

    type_into(qtbot, editor.opinions, "Mở đầu. Kết thúc.")
    cursor = editor.opinions.textCursor()
    cursor.setPosition(len("Mở đầu. "))
    editor.opinions.setTextCursor(cursor)
    editor.insert_phrase(f"Chủ tọa mời đại biểu {speaker} phát biểu. ")
    assert editor.opinions.toPlainText() == (
        f"Mở đầu. Chủ tọa mời đại biểu {speaker} phát biểu. Kết thúc.")
    # The menu offers the same phrases; choosing one types it where the clerk was.
    editor.conclusions.setFocus()
    editor.conclusions.focused.emit()  # offscreen windows may not get focus events
    editor.phrase_menu.aboutToShow.emit()
    actions = editor.phrase_menu.actions()
    assert [a.text() for a in actions] == phrases
    actions[0].trigger()
    assert editor.conclusions.toPlainText() == "Kiểm tra số đại biểu có mặt: 17/30."


def test_ctrl_s_saves_and_bold_survives(qtbot, open_editor) -> None:
    t: Terminal = open_editor("clerk")
    editor = t.editor
    editor.select(BUDGET)
    type_into(qtbot, editor.opinions, "Ý kiến ")
    qtbot.keyClick(editor.opinions, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    editor.opinions.insertPlainText("quan trọng")
    type_into(qtbot, editor.conclusions, "Giao UBND hoàn thiện")
    with qtbot.waitSignal(editor.store.saved, timeout=WAIT) as saved:
        qtbot.keyClick(editor.opinions, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [BUDGET, 1]
    assert not editor.is_dirty()
    assert editor.item_model.index(2, 0).data().endswith("ngân sách thành phố năm 2027")
    assert editor.status.text().startswith("Đã lưu lúc ")
    assert editor.item_meta.text().startswith("Phiên bản 1 — Phạm Thu Hà lưu lúc ")
    [got] = protocol(t.server.url, "chair", ("minutes.get", {"meeting_id": 1}))
    item = got["items"][2]
    assert item["opinions"] == "<p>Ý kiến <b>quan trọng</b></p>"
    assert item["conclusions"] == "<p>Giao UBND hoàn thiện</p>"
    # Lists from the buttons are saved as lists.
    editor.conclusions.setFocus()
    editor.conclusions.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.conclusions, Qt.Key.Key_Return)
    editor.conclusions.insertPlainText("Báo cáo trước ngày 10/12")
    editor.bullet_button.click()
    with qtbot.waitSignal(editor.store.saved, timeout=WAIT):
        editor.save_button.click()
    [got] = protocol(t.server.url, "chair", ("minutes.get", {"meeting_id": 1}))
    assert got["items"][2]["conclusions"] == (
        "<p>Giao UBND hoàn thiện</p><ul><li>Báo cáo trước ngày 10/12</li></ul>")


def test_a_stale_save_is_refused_clearly_and_reload_keeps_the_clerks_text(
        qtbot, open_editor) -> None:
    t: Terminal = open_editor("clerk")
    editor = t.editor
    editor.select(BUDGET)
    type_into(qtbot, editor.opinions, "Bản của thư ký tại máy này")
    # Meanwhile the chair saves the same item from another terminal.
    protocol(t.server.url, "chair", ("minutes.save", {
        "meeting_id": 1, "item_id": BUDGET, "opinions": "Bản của chủ tọa",
        "conclusions": "", "base_version": 0}))
    # The event arrives: this terminal has unsaved text, so it warns instead of reloading.
    qtbot.waitUntil(editor.banner.isVisible, timeout=WAIT)
    assert "vừa được lưu từ máy khác" in editor.banner_text.text()
    with qtbot.waitSignal(editor.store.conflict, timeout=WAIT):
        editor.save()
    text = editor.banner_text.text()
    assert text.startswith("Biên bản đã được Nguyễn Văn Thành sửa lúc ")
    assert text.endswith("; hãy tải lại trước khi lưu.")
    assert editor.banner.property("state") == "error"
    assert editor.item_model.index(2, 0).data().endswith(" ⚠")
    assert editor.opinions.toPlainText() == "Bản của thư ký tại máy này"  # nothing lost

    with qtbot.waitSignal(editor.store.item_reloaded, timeout=WAIT):
        editor.banner_reload.click()
    assert not editor.banner.isVisible()
    assert editor.opinions.toPlainText() == "Bản của chủ tọa"
    assert QGuiApplication.clipboard().text() == "Bản của thư ký tại máy này"
    assert "bộ nhớ tạm" in editor.status.text()
    type_into(qtbot, editor.opinions, " — đã bổ sung")
    with qtbot.waitSignal(editor.store.saved, timeout=WAIT) as saved:
        editor.save()
    assert saved.args == [BUDGET, 2]


def test_another_terminals_save_is_followed_when_nothing_is_unsaved(
        qtbot, open_editor) -> None:
    t: Terminal = open_editor("clerk")
    editor = t.editor
    editor.select(GENERAL)
    assert not editor.opinions.isVisible()  # the general part has conclusions only
    with qtbot.waitSignal(editor.store.item_reloaded, timeout=WAIT):
        protocol(t.server.url, "chair", ("minutes.save", {
            "meeting_id": 1, "item_id": None, "opinions": "",
            "conclusions": "<p>Kỳ họp thành công tốt đẹp.</p>", "base_version": 0}))
    assert editor.conclusions.toPlainText() == "Kỳ họp thành công tốt đẹp."
    assert not editor.banner.isVisible() and not editor.is_dirty()


def test_exports_and_the_conclusion_notice_are_written_to_disk(
        qtbot, open_editor, tmp_path: Path) -> None:
    t: Terminal = open_editor("clerk")
    editor = t.editor
    editor.select(BUDGET)
    type_into(qtbot, editor.conclusions, "Giao UBND tiếp thu ý kiến đại biểu")
    qtbot.waitUntil(lambda: editor.preview.note.text() == "Gồm cả nội dung chưa lưu.",
                    timeout=WAIT)
    with qtbot.waitSignal(editor.store.saved, timeout=WAIT):
        editor.save()
    assert editor.preview.note.text() == ""  # the preview no longer differs from the store
    pdf, word = tmp_path / "bien-ban.pdf", tmp_path / "bien-ban.docx"
    with qtbot.waitSignal(editor.writer.written, timeout=WAIT):
        editor.export("pdf", str(pdf))
    assert editor.progress.isHidden() and editor.status.text() == f"Đã lưu tệp {pdf}."
    assert pdf.read_bytes().startswith(b"%PDF")
    # Without a path the clerk is asked, with the server's file name as the suggestion.
    asked: list[str] = []
    editor.choose_save_path = lambda name, _filter: asked.append(name) or str(word)
    with qtbot.waitSignal(editor.writer.written, timeout=WAIT):
        editor.export_docx_button.click()
        assert editor.progress.isVisible()
    assert asked and asked[0].startswith("bien-ban-hop-1-") and asked[0].endswith(".docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.read_bytes())).paragraphs)
    assert "Giao UBND tiếp thu ý kiến đại biểu" in text

    assert not editor.notice_button.isEnabled()  # not before the meeting ends
    protocol(t.server.url, "chair", ("meeting.start", {"meeting_id": 1}),
             ("meeting.end", {"meeting_id": 1}))
    qtbot.waitUntil(editor.notice_button.isEnabled, timeout=WAIT)
    press_when_armed(qtbot, editor.issue_button)
    assert editor.confirm.isVisible()  # a register number only after a confirmation
    with qtbot.waitSignal(editor.store.issued, timeout=WAIT):
        press_when_armed(qtbot, editor.confirm.confirm_button)
    assert editor.number.text() == "Số: 01/BB-HĐND"
    notice = tmp_path / "thong-bao.pdf"
    with qtbot.waitSignal(editor.writer.written, timeout=WAIT):
        editor.issue_notice(str(notice))
    assert notice.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: editor.status.text() == f"Đã lưu tệp {notice}.", timeout=WAIT)


def test_a_chair_can_open_the_editor_too(qtbot, open_editor) -> None:
    t: Terminal = open_editor("chair")
    qtbot.waitUntil(lambda: ready(t.editor), timeout=WAIT)
    assert [t.editor.item_model.index(r, 0).data() for r in (0, 8)] == [
        "1. Khai mạc kỳ họp; thông qua chương trình kỳ họp", "Kết luận chung"]
