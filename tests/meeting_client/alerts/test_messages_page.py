"""Conversations against a real server: Enter sends, Shift+Enter breaks the line, the
other member sees it live with an unread count that reading clears."""

from __future__ import annotations

from PySide6.QtCore import Qt

from meeting_client.models.messages_model import Person
from meeting_client.ui.messages.messages_page import MessagesPage
from meeting_client.ui.messages.new_conversation import NewConversationDialog
from tests.meeting_client.alerts.conftest import WAIT


def test_a_conversation_from_compose_to_read(qtbot, terminal) -> None:
    a = terminal("d001")
    b = terminal("d002")
    a_name = a.messages.people[a.user_id].full_name  # from the directory (org.users)
    b_name = b.messages.people[b.user_id].full_name
    assert a_name != b_name and not a_name.startswith("Người dùng")
    page = MessagesPage(a.messages)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.start_with([b.user_id])
    assert page.compose.isEnabled() and page.title.text() == b_name
    qtbot.keyClicks(page.compose, "Dong 1")
    qtbot.keyClick(page.compose, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(page.compose, "Dong 2")
    assert page.compose.toPlainText() == "Dong 1\nDong 2"
    with qtbot.waitSignal(b.messages.unread_changed, timeout=WAIT) as unread:
        qtbot.keyClick(page.compose, Qt.Key.Key_Return)
    assert unread.args == [1]
    qtbot.waitUntil(lambda: a.messages.messages.rowCount() == 1, timeout=WAIT)
    assert page.compose.toPlainText() == ""
    sent = a.messages.messages.row_at(0)
    assert sent.text == "Dong 1\nDong 2" and sent.mine and sent.sender == a_name
    assert a.messages.conversations.rowCount() == 1
    # The other member opens it: the message is there and the count goes back to 0.
    conversation = b.messages.conversations.row_at(0)
    assert conversation.title == a_name and conversation.unread == 1
    with qtbot.waitSignal(b.messages.unread_changed, timeout=WAIT) as cleared:
        b.messages.open(conversation.conversation_id)
    assert cleared.args == [0]
    assert b.messages.messages.row_at(0).text == "Dong 1\nDong 2"
    # A reply arrives live in the open conversation of the first.
    b.messages.send("Đã nhận, cảm ơn anh.")
    qtbot.waitUntil(lambda: a.messages.messages.rowCount() == 2, timeout=WAIT)
    assert a.messages.messages.row_at(1).sender == b_name
    # A message that refers to a meeting opens it (the workspace is asked to).
    b.messages.send("Xem chương trình kỳ họp.", ref={"meeting_id": 1})
    qtbot.waitUntil(lambda: a.messages.messages.rowCount() == 3, timeout=WAIT)
    with qtbot.waitSignal(page.link_requested, timeout=WAIT) as link:
        page.messages.doubleClicked.emit(a.messages.messages.index(2, 0))
    assert link.args == ["meeting:1"]
    # Starting again with the same person reopens the same conversation.
    page.start_with([b.user_id])
    assert a.messages.current == conversation.conversation_id


def test_new_conversation_picker_searches_without_diacritics(qtbot) -> None:
    people = [Person(1, "me", "Tôi"), Person(2, "cv001", "Lê Văn Lân", "Chuyên viên"),
              Person(3, "cv002", "Đỗ Thị Dung", "Trưởng phòng"),
              Person(4, "lanhdao", "Phạm Quốc Hùng", "Phó Chủ tịch")]
    dialog = NewConversationDialog(people, 1)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3  # not oneself
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.search.setText("do dung")
    visible = [dialog.list.item(i).text() for i in range(dialog.list.count())
               if not dialog.list.item(i).isHidden()]
    assert visible == ["Đỗ Thị Dung — Trưởng phòng"]
    dialog.search.setText("pho chu tich")
    shown = [i for i in range(dialog.list.count()) if not dialog.list.item(i).isHidden()]
    assert len(shown) == 1
    dialog.list.item(shown[0]).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == [4]
