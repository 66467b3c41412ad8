"""A conclusion paragraph becomes a directive in one action from the minutes page: the
chair's directive has the meeting and agenda item as its source; the clerk (whom
PROTOCOL.md does not let issue directives) gets the server's sentence and nothing is made."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from meeting_client.ui.minutes.directive_dialog import DirectiveFromConclusion
from tests.meeting_client.minutes.conftest import WAIT, protocol


def write_and_pick(qtbot, editor, text: str) -> int:
    item = editor.item_model.index(0, 0)
    editor.items.setCurrentIndex(item)
    key = editor.current_key()
    editor.conclusions.setFocus()
    editor.conclusions.insertPlainText("Thống nhất chủ trương.\n" + text)
    cursor = editor.conclusions.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.conclusions.setTextCursor(cursor)
    assert editor.conclusion_at_cursor() == text
    return key


def test_the_chair_turns_a_conclusion_into_a_directive(qtbot, open_editor) -> None:
    chair = open_editor("chair")
    editor = chair.editor
    text = "Giao Phòng Tài chính - Kế hoạch rà soát nguồn vốn trước ngày 20."
    key = write_and_pick(qtbot, editor, text)
    editor.directive_button.click()
    dialog = editor.directive_dialog
    assert isinstance(dialog, DirectiveFromConclusion)
    assert dialog.content.toPlainText() == text
    qtbot.waitUntil(lambda: dialog.unit.count() > 5 and dialog.assignee.count() > 1,
                    timeout=WAIT)
    dialog.unit.setCurrentIndex(dialog.unit.findText("Phòng Tài chính - Kế hoạch"))
    qtbot.waitUntil(lambda: dialog.assignee.count() > 1, timeout=WAIT)
    with qtbot.waitSignal(dialog.created, timeout=WAIT) as made:
        dialog.ok_button.click()
    directive = protocol(chair.server.url, "chair",
                         ("directive.get", {"directive_id": made.args[0]}))[0]
    assert directive["content"] == text
    assert directive["source"] == {"meeting_id": 1, "item_id": key}
    assert editor.status.text() == "Đã giao nhiệm vụ từ kết luận."


def test_the_clerk_is_told_the_chair_issues_directives(qtbot, open_editor) -> None:
    clerk = open_editor("clerk")
    editor = clerk.editor
    write_and_pick(qtbot, editor, "Giao phường Ka Long báo cáo.")
    editor.directive_button.click()
    dialog = editor.directive_dialog
    qtbot.waitUntil(lambda: dialog.unit.count() > 5, timeout=WAIT)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "chủ tọa" in dialog.message.text(), timeout=WAIT)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    listed = protocol(clerk.server.url, "admin", ("directive.list", {"meeting_id": 1}))[0]
    assert listed["directives"] == []
