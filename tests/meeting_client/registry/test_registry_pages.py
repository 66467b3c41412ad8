"""The registry's pages against a real server: the register pages in as it scrolls, the
search box answers as you type (stale replies dropped), sorting is the server's, the form
warns about a duplicate, a document shows its file and routing history, the handler's
to-do list, the printed register."""

from __future__ import annotations

import base64
import subprocess

from PySide6.QtCore import QDate, Qt

from meeting_client.models.registry_model import HIGHLIGHT_ROLE, PAGE
from tests.meeting_client.registry.conftest import WAIT, protocol, read
from tests.server.registry.matrix import tiny_pdf


def settled(model) -> bool:  # type: ignore[no-untyped-def]
    return not model.busy()


def test_the_register_pages_in_as_it_scrolls_and_sorts_on_the_server(
        qtbot, open_registry) -> None:
    t = open_registry("admin")
    model = t.page.register.model
    total = model.total
    assert total > PAGE  # more than one page: the rest comes as the view scrolls
    assert model.entry(total - 1) is None
    t.page.register.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.entry(total - 1) is not None, timeout=WAIT)
    # Sorting by "Số đến" ascending asks the server again; number 1 comes first.
    col = [k for k, _h, _s in model.columns()].index("number")
    t.page.register.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == "number" and model.entry(0) is not None,
                    timeout=WAIT)
    assert model.entry(0)["number"] == 1
    t.page.register.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == "-number" and model.entry(0) is not None,
                    timeout=WAIT)
    assert model.entry(0)["number"] == total
    # The outgoing register has its own columns.
    t.page.register.outgoing.click()
    qtbot.waitUntil(lambda: model.direction == "out" and model.entry(0) is not None,
                    timeout=WAIT)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Người ký"


def test_search_answers_as_you_type_and_drops_stale_replies(qtbot, open_registry,
                                                            seeded_server) -> None:
    t = open_registry("admin")
    page = t.page.register
    model = page.model
    qtbot.keyClicks(page.search_box, "giai phong mat bang")
    qtbot.waitUntil(lambda: model.query == "giai phong mat bang" and settled(model),
                    timeout=WAIT)
    expected = read(seeded_server.url, "admin", "registry.search",
                    query="giai phong mat bang", direction="in", limit=100)
    assert expected["total"] > 0 and model.total == expected["total"]
    assert [model.entry(i)["registry_id"] for i in range(min(model.total, 100))] == [
        i["registry_id"] for i in expected["items"]]
    # The matched words are highlighted in the "type: summary" cell.
    col = [k for k, _h, _s in model.columns()].index("summary")
    index = model.index(0, col)
    text = index.data()
    marked = [text[a:b].lower() for a, b in index.data(HIGHLIGHT_ROLE)]
    assert marked == ["giải", "phóng", "mặt", "bằng"]
    # A reply to older text never replaces the newer one: type fast, then check.
    for prefix in ("q", "qu", "quy", "quyet", "quyet dinh"):
        page.search_box.setText(prefix)
        page.on_debounce_timeout()  # a slow typist: every pause asks the server
    qtbot.waitUntil(lambda: model.query == "quyet dinh" and settled(model), timeout=WAIT)
    final = read(seeded_server.url, "admin", "registry.search", query="quyet dinh",
                 direction="in")
    assert model.total == final["total"]
    assert model.entry(0)["registry_id"] == final["items"][0]["registry_id"]


def test_the_form_warns_about_a_duplicate_and_registers(qtbot, open_registry) -> None:
    t = open_registry("admin")
    first = t.page.register.model.entry(0)
    t.page.open_form("in")
    form = t.page.form
    qtbot.waitUntil(lambda: "Số tiếp theo" in form.number_hint.text(), timeout=WAIT)
    # QTest types Latin-1 only: Vietnamese text goes in as a paste would.
    form.symbol.setText(first["symbol"])
    form.issuer.setText(first["issuer"])
    qtbot.waitUntil(lambda: form.duplicate_warning.isVisible(), timeout=WAIT)
    assert first["symbol"] in form.duplicate_warning.text()
    form.received_on.setDate(QDate.fromString(first["registered_on"], "yyyy-MM-dd"))
    form.number.setValue(1)
    qtbot.waitUntil(lambda: "đã được dùng" in form.number_hint.text(), timeout=WAIT)
    form.number.setValue(0)
    form.symbol.setText("999/QĐ-UBND")
    form.summary.setPlainText("Quyết định thành lập Tổ công tác chuyển đổi số")
    with qtbot.waitSignal(form.registered, timeout=WAIT) as done:
        form.save_button.click()
    assert done.args[0]["number"] > 0
    model = t.page.register.model
    t.page.register.search_box.setText("to cong tac chuyen doi so")
    qtbot.waitUntil(lambda: model.query == "to cong tac chuyen doi so" and settled(model)
                    and model.total == 1, timeout=WAIT)


def test_a_document_shows_its_file_and_routing_and_the_handler_sees_it(
        qtbot, open_registry, seeded_server) -> None:
    url = seeded_server.url
    (made,) = protocol(url, "admin", ("registry.create", {
        "direction": "in", "symbol": "77/KH-UBND", "issued_on": "2026-05-02",
        "issuer": "UBND tỉnh Bình Định", "doc_type": "Kế hoạch",
        "summary": "Kế hoạch ứng phó bão số 5"}))
    rid = made["registry_id"]
    protocol(url, "admin", ("registry.attach", {
        "registry_id": rid, "filename": "ke-hoach.pdf",
        "content_base64": base64.b64encode(tiny_pdf("Kế hoạch ứng phó bão")).decode()}))
    office = open_registry("admin")
    handler = open_registry("d001")
    office.page.open_entry(rid)
    entry = office.page.entry
    qtbot.waitUntil(lambda: entry.entry is not None and entry.reader.page_count() == 1,
                    timeout=WAIT)
    assert entry.fields["symbol"].text() == "77/KH-UBND"
    qtbot.waitUntil(lambda: entry.handler_box.findData(handler.user_id) >= 0, timeout=WAIT)
    entry.set_handler(handler.user_id)
    entry.instruction.setText("Giao Phòng Kinh tế chủ trì, báo cáo trước ngày 10/5.")
    with qtbot.waitSignal(entry.changed, timeout=WAIT):
        entry.route_button.click()
    qtbot.waitUntil(lambda: entry.history.count() == 3, timeout=WAIT)
    assert "Giao Phòng Kinh tế chủ trì" in entry.history.item(2).text()
    assert entry.names[handler.user_id] in entry.history.item(2).text()
    todo = handler.page.todo
    todo.refresh()
    qtbot.waitUntil(lambda: [i["registry_id"] for i in todo.items] == [rid], timeout=WAIT)
    handler.page.open_entry(rid)
    qtbot.waitUntil(lambda: handler.page.entry.handled_button.isVisible(), timeout=WAIT)
    with qtbot.waitSignal(handler.page.entry.changed, timeout=WAIT):
        handler.page.entry.handled_button.click()
    qtbot.waitUntil(lambda: handler.page.entry.fields["status"].text() == "Đã xử lý",
                    timeout=WAIT)


def test_the_register_is_printed_to_a_pdf(qtbot, open_registry, tmp_path) -> None:
    t = open_registry("admin")
    path = tmp_path / "so-den.pdf"
    with qtbot.waitSignal(t.page.printed, timeout=WAIT):
        t.page.print_register("in", "2021-01-01", "2021-12-31", str(path))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text and "Từ ngày 01/01/2021" in text


def test_the_registry_is_on_the_workspace_rail_with_the_todo_count(
        qtbot, workspace_window, live_server) -> None:
    """Routed to cv001: the rail's Sổ văn bản shows 1, and the page opens on the register."""
    from meeting_client.models.workspace import BADGE_ROLE
    from meeting_client.ui.registry.registry_page import RegistryPage

    people = read(live_server.url, "admin", "org.users")["users"]
    cv001 = next(u["id"] for u in people if u["username"] == "cv001")
    protocol(live_server.url, "vanphong", ("registry.create", {
        "direction": "in", "symbol": "5/UBND-VP", "issued_on": "2026-12-01",
        "issuer": "UBND tỉnh", "doc_type": "Công văn", "summary": "Về việc báo cáo",
        "handler_id": cv001}))
    window = workspace_window("cv001")
    workspace = window.workspace
    assert "registry" in workspace.module_keys()
    model = workspace.rail_model
    row = model.row_of("registry")
    qtbot.waitUntil(lambda: model.index(row, 0).data(BADGE_ROLE) == 1, timeout=WAIT)
    page = workspace.show_module("registry")
    assert isinstance(page, RegistryPage)
    qtbot.waitUntil(lambda: page.register.model.total == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: len(page.todo.items) == 1, timeout=WAIT)


def test_a_document_becomes_a_directive_and_an_agenda_item_then_is_cancelled(
        qtbot, open_registry, seeded_server) -> None:
    """One action each from the document's page: a directive sourced from it, an item on a
    meeting's agenda (both listed among its links), routing to a unit; then cancelled, the
    number kept; and the print dialog asks for the period."""
    from meeting_client.ui.registry.entry_actions import (
        AgendaDialog,
        DirectiveDialog,
        PrintRangeDialog,
    )

    url = seeded_server.url
    (made,) = protocol(url, "admin", ("registry.create", {
        "direction": "in", "symbol": "31/TTr-STC", "issued_on": "2026-05-02",
        "issuer": "Sở Tài chính", "doc_type": "Tờ trình",
        "summary": "Tờ trình phân bổ kinh phí chợ biên giới"}))
    rid = made["registry_id"]
    office = open_registry("admin")
    office.page.open_entry(rid)
    entry = office.page.entry
    qtbot.waitUntil(lambda: entry.entry is not None and entry.directive_button.isVisible(),
                    timeout=WAIT)

    # "Sửa…": the form, filled in, number fixed; the correction is saved with registry.update.
    entry.edit_button.click()
    form = office.page.form
    assert office.page.stack.currentWidget() is form and not form.number.isEnabled()
    assert form.symbol.text() == "31/TTr-STC"
    form.summary.setPlainText("Tờ trình phân bổ kinh phí xây dựng chợ biên giới")
    form.save_button.click()
    qtbot.waitUntil(lambda: office.page.stack.currentWidget() is entry
                    and "xây dựng chợ" in entry.title.text(), timeout=WAIT)
    assert entry.fields["number"].text() == str(made["number"])
    assert read(url, "admin", "registry.get", registry_id=rid)["summary"].endswith(
        "xây dựng chợ biên giới")

    entry.directive_button.click()
    qtbot.waitUntil(lambda: isinstance(entry.dialog, DirectiveDialog), timeout=WAIT)
    dialog = entry.dialog
    assert "phân bổ kinh phí" in dialog.content.toPlainText()
    dialog.accept()  # no lead unit yet: refused, stays open
    assert dialog.problem.text() and dialog.isVisible()
    dialog.unit.setCurrentIndex(1)
    dialog.accept()
    qtbot.waitUntil(lambda: "Đã giao chỉ đạo" in entry.message.text()
                    and entry.links.count() == 1, timeout=WAIT)
    directive_id = int(entry.message.text().split("số ")[1].rstrip("."))
    detail = read(url, "admin", "directive.get", directive_id=directive_id)
    assert detail["source"] == {"registry_id": rid}

    entry.agenda_button.click()
    qtbot.waitUntil(lambda: isinstance(entry.dialog, AgendaDialog), timeout=WAIT)
    agenda = entry.dialog
    assert agenda.meeting.count() >= 1
    meeting_id = agenda.meeting_id()
    agenda.accept()
    qtbot.waitUntil(lambda: entry.links.count() == 2, timeout=WAIT)
    got = read(url, "admin", "registry.get", registry_id=rid)
    item = next(link for link in got["links"] if link["kind"] == "agenda_item")
    assert item["meeting_id"] == meeting_id
    snapshot = read(url, "admin", "meeting.subscribe", meeting_id=meeting_id)
    titles = [i["title"] for i in snapshot["snapshot"]["agenda"]]
    assert any("phân bổ kinh phí" in t for t in titles), titles

    qtbot.waitUntil(lambda: entry.unit_box.count() > 1, timeout=WAIT)
    entry.unit_box.setCurrentIndex(1)
    with qtbot.waitSignal(entry.changed, timeout=WAIT):
        entry.route_button.click()
    qtbot.waitUntil(lambda: entry.fields["status"].text() == "Đang xử lý", timeout=WAIT)

    entry.cancel_button.click()
    qtbot.waitUntil(lambda: entry.dialog is not None and entry.dialog.isVisible(),
                    timeout=WAIT)
    entry.dialog.setTextValue("Đăng ký trùng")
    entry.dialog.accept()
    qtbot.waitUntil(lambda: entry.fields["status"].text() == "Đã hủy", timeout=WAIT)
    assert entry.fields["number"].text() == str(made["number"])
    assert not entry.directive_button.isVisible() and not entry.cancel_button.isVisible()

    period = PrintRangeDialog(office.page)
    qtbot.addWidget(period)
    period.date_from.setDate(QDate(2026, 6, 1))
    period.date_to.setDate(QDate(2026, 5, 1))
    period.accept()
    assert period.problem.text() and period.result() == 0
    period.date_to.setDate(QDate(2026, 6, 30))
    period.accept()
    assert period.period() == ("2026-06-01", "2026-06-30")
