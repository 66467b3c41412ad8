""""Việc chưa hoàn thành" against a real server: the clerk, in the preparation page, puts a
participant's overdue directive on the agenda in one action (the item keeps the directive's
id, the directive shows the meeting); the chair's console lists it, may add only once the
session runs, and then does."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.directives.pending_panel import DIRECTIVE_ID, PendingWorkPanel
from tests.meeting_client.preparation.conftest import WAIT
from tests.meeting_client.workspace.conftest import protocol_call

SHOTS = os.environ.get("PENDING_WORK_SHOTS")
"""A folder: the tests save pictures of the panel there (docs/screenshots)."""


def shoot(qtbot: Any, widget: Any, name: str) -> None:
    if SHOTS:
        for size in ((1920, 1080), (1280, 800)):
            widget.window().resize(*size)
            qtbot.waitExposed(widget.window())
            widget.window().grab().save(str(Path(SHOTS) / f"{name}-{size[0]}x{size[1]}.png"))


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


def overdue_for(url: str, username: str, content: str) -> int:
    users = {u["username"]: u["id"] for u in protocol_call(url, "admin", "org.users")["users"]}
    return int(protocol_call(url, "admin", "directive.create", content=content,
                             deadline=day(-4), assignee_id=users[username])["directive_id"])


def listed(qtbot: Any, panel: PendingWorkPanel, directive_id: int) -> Any:
    """The list item of ``directive_id``, once the panel has read it."""
    def find() -> Any:
        for n in range(panel.list.count()):
            if panel.list.item(n).data(DIRECTIVE_ID) == directive_id:
                return panel.list.item(n)
        return None

    qtbot.waitUntil(lambda: find() is not None, timeout=WAIT)
    return find()


def test_the_clerk_puts_overdue_work_on_the_agenda(qtbot, clerk_page, live_server) -> None:
    first = overdue_for(live_server.url, "d005", "Trả lời kiến nghị cử tri phường Ka Long")
    second = overdue_for(live_server.url, "d007", "Báo cáo tiến độ giải ngân vốn đầu tư công")
    page = clerk_page
    prep = page.preparation
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT):
        page.table.selectRow(prep.meetings.row_of_key(1))
    page.tabs.setCurrentWidget(page.pending)
    panel = page.pending
    item = listed(qtbot, panel, first)
    assert "quá hạn 4 ngày" in item.text() and "Trả lời kiến nghị cử tri" in item.text()
    listed(qtbot, panel, second)
    assert not panel.add_button.isEnabled()  # nothing ticked yet
    item.setCheckState(Qt.CheckState.Checked)
    listed(qtbot, panel, second).setCheckState(Qt.CheckState.Checked)
    assert panel.add_button.isEnabled()
    shoot(qtbot, page, "pending-work-preparation")
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT,
                          check_params_cb=lambda d: sum(
                              1 for a in d["agenda"] if a.get("directive_id")) == 2) as got:
        panel.add_button.click()
    linked = {a["directive_id"]: a for a in got.args[0]["agenda"] if a.get("directive_id")}
    assert set(linked) == {first, second}
    assert linked[first]["title"] == "Việc chưa hoàn thành: Trả lời kiến nghị cử tri " \
        "phường Ka Long"
    # The page's agenda tab shows them; the list marks them as put on the agenda.
    agenda_texts = [page.agenda.list.item(n).text() for n in range(page.agenda.list.count())]
    assert any("Trả lời kiến nghị cử tri" in t for t in agenda_texts)
    qtbot.waitUntil(lambda: "đã đưa vào chương trình" in listed(qtbot, panel, first).text(),
                    timeout=WAIT)
    assert not listed(qtbot, panel, first).flags() & Qt.ItemFlag.ItemIsEnabled
    assert panel.message.text() == "Đã đưa 2 việc vào chương trình họp."
    # The directive's page (directive.get) shows the meeting that took it up.
    shown = protocol_call(live_server.url, "admin", "directive.get", directive_id=first)
    assert [m["meeting_id"] for m in shown["on_agenda"]] == [1]


def test_the_chair_adds_overdue_work_once_the_session_runs(qtbot, room_window,
                                                           live_server) -> None:
    late = overdue_for(live_server.url, "d003", "Rà soát hồ sơ đất đai tồn đọng")
    window = room_window("chair", size=(1920, 1080))
    console = window.room.body
    assert isinstance(console, ChairConsole)
    console.tabs.setCurrentWidget(console.pending)
    panel = console.pending
    listed(qtbot, panel, late).setCheckState(Qt.CheckState.Checked)
    # Before the session: the server lets only the clerk / office add; the button says why.
    assert not panel.add_button.isEnabled()
    assert "khi cuộc họp đang diễn ra" in panel.add_button.toolTip()
    session = window.room.session
    session.start_meeting()
    qtbot.waitUntil(lambda: session.snapshot.meeting.status == "in_progress", timeout=WAIT)
    qtbot.waitUntil(panel.add_button.isEnabled, timeout=WAIT)
    panel.add_button.click()
    qtbot.waitUntil(lambda: any(a.directive_id == late for a in session.snapshot.agenda),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: "đã đưa vào chương trình" in listed(qtbot, panel, late).text(),
                    timeout=WAIT)
    shoot(qtbot, console, "pending-work-chair")


def test_the_directives_page_shows_the_agenda_that_took_it_up(qtbot, workspace_window,
                                                             live_server) -> None:
    from tests.meeting_client.directives.test_directives_page import open_page, select

    late = overdue_for(live_server.url, "d004", "Hoàn thiện hồ sơ dự án kè sông")
    protocol_call(live_server.url, "clerk", "agenda.add", meeting_id=1,
                  title="Việc chưa hoàn thành: Hoàn thiện hồ sơ dự án kè sông",
                  directive_id=late)
    _window, page = open_page(qtbot, workspace_window, "lanhdao")
    qtbot.mouseClick(page.scope_buttons["all"], Qt.MouseButton.LeftButton)
    select(qtbot, page, late)
    facts = page.detail.facts
    rows = {facts.itemAt(r, facts.ItemRole.LabelRole).widget().text():
            facts.itemAt(r, facts.ItemRole.FieldRole).widget().text()
            for r in range(facts.rowCount())}
    assert "Đưa vào chương trình họp" in rows
    shown = rows["Đưa vào chương trình họp"]
    assert shown.startswith("Kỳ họp thứ Ba") and shown.endswith("— nội dung số 9")  # of 9
