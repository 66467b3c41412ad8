"""The attachment box against a real server: a file picked in a conversation is uploaded
off the GUI thread (progress shown), listed, sent with the message, shown in the bubble,
and the other member opens it in the reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.sync.documents import DocumentCache
from meeting_client.ui.attachments.box import AttachmentBox, attachments_dialog, size_text
from meeting_client.ui.attachments.viewer import AttachmentViewer
from meeting_client.ui.messages.messages_page import MessagesPage
from tests.meeting_client.alerts.conftest import WAIT
from tests.server.attachments.conftest import make_docx
from tests.server.registry.matrix import tiny_pdf


def test_attach_send_and_open_in_a_conversation(qtbot, terminal, tmp_path: Path) -> None:
    a = terminal("d001")
    b = terminal("d002")
    page = MessagesPage(a.messages, attachments=AttachmentsCenter(
        a.bridge, DocumentCache(tmp_path / "cache-a")))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.start_with([b.user_id])
    box = page.attach_box
    assert box.attach_button.isEnabled() and not box.files.isVisible()
    source = make_docx(tmp_path, "Kế hoạch.docx", "Kế hoạch tiếp dân tháng 12")
    progress: list[int] = []
    box.center.progress.connect(lambda done, _total: progress.append(done))
    with qtbot.waitSignal(box.changed, timeout=60_000):
        box.attach_file(str(source))
        assert box.progress.isVisible() and not box.attach_button.isEnabled()
    assert progress and progress[-1] == source.stat().st_size
    assert box.files.isVisible() and not box.progress.isVisible()
    assert box.files.item(0).text() == f"Kế hoạch.docx · {size_text(source.stat().st_size)}"
    [staged] = box.attachments()

    qtbot.keyClicks(page.compose, "Gui anh ke hoach")
    qtbot.keyClick(page.compose, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: a.messages.messages.rowCount() == 1, timeout=WAIT)
    assert box.ids() == []  # cleared once sent
    row = a.messages.messages.row_at(0)
    assert row.attachments == (staged,)
    assert "Kế hoạch.docx" in a.messages.messages.index(0, 0).data()

    # The other member: the bubble lists the file; opening it shows the converted PDF.
    conversation = b.messages.conversations.row_at(0)
    b.messages.open(conversation.conversation_id)
    qtbot.waitUntil(lambda: b.messages.messages.rowCount() == 1, timeout=WAIT)
    theirs = b.messages.messages.row_at(0).attachments
    assert theirs == (staged,)
    center_b = AttachmentsCenter(b.bridge, DocumentCache(tmp_path / "cache-b"))
    dialog = attachments_dialog(center_b, list(theirs))
    qtbot.addWidget(dialog)
    dialog.show()
    read_box = dialog.findChild(AttachmentBox)
    assert read_box is not None and not read_box.attach_button.isVisible()
    with qtbot.waitSignal(center_b.ready, timeout=WAIT) as ready:
        read_box.files.itemDoubleClicked.emit(read_box.files.item(0))
    info, path = ready.args
    assert info == staged and Path(path).read_bytes().startswith(b"%PDF")
    viewer = next(w for w in dialog.findChildren(AttachmentViewer))
    assert viewer.reader.document is not None and viewer.reader.document.pageCount() >= 1
    viewer.close()
    closed(qtbot, a.bridge, page.attachments)
    closed(qtbot, b.bridge, center_b)


def test_a_refused_file_says_why_and_lists_nothing(qtbot, terminal, tmp_path: Path) -> None:
    a = terminal("d001")
    center = AttachmentsCenter(a.bridge, DocumentCache(tmp_path / "cache"))
    box = AttachmentBox(center)
    qtbot.addWidget(box)
    box.show()
    bad = tmp_path / "anh.pdf"
    bad.write_bytes(tiny_pdf()[:200])  # a truncated PDF
    with qtbot.waitSignal(center.failed, timeout=WAIT) as failed:
        box.attach_file(str(bad))
    assert "PDF" in failed.args[0] and box.status.text() == failed.args[0]
    assert box.files.count() == 0 and box.attach_button.isEnabled()
    closed(qtbot, a.bridge, center)


def closed(qtbot, bridge, center: AttachmentsCenter) -> None:
    """Close the centre's transfer connection before its bridge stops."""
    token = center.close()
    with qtbot.waitSignal(bridge.command_finished, timeout=WAIT,
                          check_params_cb=lambda t, _data: t == token):
        pass
