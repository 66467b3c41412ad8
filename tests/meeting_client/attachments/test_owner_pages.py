"""The attachment box where other pages use it, against a real server: a directive report
sent with a file (the history shows and opens it), and the registry entry page where the
office attaches an office file that becomes the entry's searchable PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.ui.attachments.box import AttachmentsDialog
from meeting_client.ui.directives.page import DirectivesPage
from meeting_client.ui.registry.entry_page import EntryPage
from tests.meeting_client.attachments.test_attachment_box import closed
from tests.meeting_client.workspace.conftest import WAIT, protocol_call
from tests.server.attachments.conftest import make_docx, make_pdf
from tests.server.registry.helpers import entry

LEFT = Qt.MouseButton.LeftButton


def test_a_report_with_a_file_shows_it_in_the_history(qtbot, workspace_window, live_server,
                                                      tmp_path: Path) -> None:
    users = {u["username"]: u["id"] for u in
             protocol_call(live_server.url, "admin", "org.users")["users"]}
    did = protocol_call(live_server.url, "lanhdao", "directive.create",
                        content="Báo cáo kết quả tiếp dân", assignee_id=users["cv006"],
                        deadline=(date.today() + timedelta(days=9)).isoformat())["directive_id"]
    window = workspace_window("cv006")
    page = window.workspace.show_module("directives")
    assert isinstance(page, DirectivesPage)
    model = page.store.model
    qtbot.waitUntil(lambda: model.row_of_key(did) >= 0, timeout=WAIT)
    page.table.selectRow(model.row_of_key(did))
    qtbot.waitUntil(lambda: (page.store.current or {}).get("directive_id") == did,
                    timeout=WAIT)
    detail = page.detail
    with qtbot.waitSignal(detail.attach_box.changed, timeout=WAIT):
        detail.attach_box.attach_file(str(make_pdf(tmp_path, "bien-ban.pdf", "Biên bản")))
    detail.note.setText("Kèm biên bản tiếp dân")
    qtbot.mouseClick(detail.report_button, LEFT)
    qtbot.waitUntil(lambda: page.store.current["status"] == "in_progress", timeout=WAIT)
    assert detail.attach_box.ids() == []
    steps = page.store.current["history"]
    report = next(i for i, h in enumerate(steps) if h["kind"] == "report")
    assert [a["filename"] for a in steps[report]["attachments"]] == ["bien-ban.pdf"]
    item = detail.history.item(report)
    assert "• bien-ban.pdf" in item.text()
    detail.history.itemDoubleClicked.emit(item)
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, AttachmentsDialog) and w.isVisible()]
    assert len(shown) == 1 and shown[0].box.files.item(0).text().startswith("bien-ban.pdf")
    shown[0].close()
    closed(qtbot, detail.store.port, detail.attachments)


def test_the_office_attaches_an_office_file_to_a_registry_entry(qtbot, live_server,
                                                                tmp_path: Path) -> None:
    made = protocol_call(live_server.url, "vanphong", "registry.create",
                         **entry(summary="Tờ trình kè biển"))
    bridge = Bridge()
    bridge.start()
    try:
        account = Account(bridge)
        with qtbot.waitSignal(account.signed_in, timeout=WAIT) as signed:
            account.sign_in(live_server.url, "vanphong", "demo")
        page = EntryPage(bridge, office=True, user_id=int(signed.args[0].id))
        qtbot.addWidget(page)
        page.resize(1400, 850)
        page.show()
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.open_entry(made["registry_id"])
        assert page.no_file.isVisible() and page.attach_box.isVisible()
        source = make_docx(tmp_path, "To trinh.docx", "Gia cố kè biển Nhơn Lý")
        with qtbot.waitSignal(page.loaded, timeout=60_000,
                              check_params_cb=lambda e: bool(e.get("file"))):
            page.attach_box.attach_file(str(source))
        assert page.message.text() == "Đã đính kèm tệp vào văn bản."
        assert page.entry is not None and page.entry["file"]["filename"] == "To trinh.pdf"
        qtbot.waitUntil(page.reader.isVisible, timeout=WAIT)
        found = protocol_call(live_server.url, "vanphong", "registry.search",
                              query="nhon ly")
        assert [i["registry_id"] for i in found["items"]] == [made["registry_id"]]
        closed(qtbot, bridge, page.attachments)
    finally:
        bridge.stop()
