"""The Chỉ đạo page against a real server: the assignee reports through the GUI, the
issuer returns and completes it through the GUI, the history shows every step; the
dashboard draws a bar per unit, drills down to a unit's list and exports XLSX to disk;
the badge counts the user's directives due soon; the list model passes qtmodeltester."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from meeting_client.models.directives import DirectiveTableModel, directive_rows
from meeting_client.models.workspace import BADGE_ROLE
from meeting_client.ui.directives.page import DirectivesPage
from tests.meeting_client.workspace.conftest import WAIT, protocol_call

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("DIRECTIVE_SHOTS")
"""A folder: the test saves screenshots of the page there (docs/screenshots)."""


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


def ids(url: str) -> tuple[dict[str, int], dict[str, int]]:
    users = {u["username"]: u["id"] for u in protocol_call(url, "admin", "org.users")["users"]}
    units = {u["code"]: u["id"] for u in protocol_call(url, "admin", "org.units")["units"]}
    return users, units


def open_page(qtbot, workspace_window, user: str, size=(1920, 1080)):
    window = workspace_window(user, size=size)
    page = window.workspace.show_module("directives")
    assert isinstance(page, DirectivesPage)
    return window, page


def select(qtbot, page: DirectivesPage, directive_id: int) -> None:
    model = page.store.model
    qtbot.waitUntil(lambda: model.row_of_key(directive_id) >= 0, timeout=WAIT)
    page.table.selectRow(model.row_of_key(directive_id))
    qtbot.waitUntil(lambda: (page.store.current or {}).get("directive_id") == directive_id,
                    timeout=WAIT)


def test_report_return_and_complete_through_the_page(qtbot, workspace_window,
                                                     live_server) -> None:
    users, units = ids(live_server.url)
    did = protocol_call(live_server.url, "lanhdao", "directive.create",
                        content="Hoàn thiện phương án giải phóng mặt bằng", deadline=day(2),
                        assignee_id=users["cv006"],
                        coordinating=[{"unit_id": units["TCKH"], "part": "Bố trí vốn"}]
                        )["directive_id"]
    window, page = open_page(qtbot, workspace_window, "cv006")
    # Due in two days: the rail's badge counts it.
    rail = window.workspace.rail_model
    row = rail.keys().index("directives")
    qtbot.waitUntil(lambda: rail.index(row, 0).data(BADGE_ROLE) == 1, timeout=WAIT)
    select(qtbot, page, did)
    detail = page.detail
    assert detail.report_button.isEnabled() and not detail.complete_button.isEnabled()
    detail.percent.setValue(60)
    detail.note.setText("Đã kiểm đếm 60% hộ dân")
    qtbot.mouseClick(detail.report_button, LEFT)
    qtbot.waitUntil(lambda: page.store.current["status"] == "in_progress", timeout=WAIT)
    detail.percent.setValue(100)
    qtbot.mouseClick(detail.submit_button, LEFT)
    qtbot.waitUntil(lambda: page.store.current["status"] == "reported", timeout=WAIT)

    _leader_window, leader = open_page(qtbot, workspace_window, "lanhdao")
    qtbot.mouseClick(leader.scope_buttons["issued"], LEFT)
    select(qtbot, leader, did)
    assert leader.detail.return_button.isEnabled()
    leader.detail.note.setText("Bổ sung biên bản kiểm đếm")
    qtbot.mouseClick(leader.detail.return_button, LEFT)
    qtbot.waitUntil(lambda: leader.store.current["status"] == "returned", timeout=WAIT)
    # The assignee's open page follows live (directive.changed on their topic) or on reload.
    page.store.open(did)
    qtbot.waitUntil(lambda: page.store.current["status"] == "returned", timeout=WAIT)
    qtbot.mouseClick(detail.submit_button, LEFT)
    qtbot.waitUntil(lambda: page.store.current["status"] == "reported", timeout=WAIT)
    leader.store.open(did)
    qtbot.waitUntil(lambda: leader.store.current["status"] == "reported", timeout=WAIT)
    qtbot.mouseClick(leader.detail.complete_button, LEFT)
    qtbot.waitUntil(lambda: leader.store.current["status"] == "completed", timeout=WAIT)
    assert leader.store.current["on_time"] is True
    history = [leader.detail.history.item(i).text()
               for i in range(leader.detail.history.count())]
    kinds = [h["kind"] for h in leader.store.current["history"]]
    # Due in two days: the server's scan has reminded the assignee too, at some point.
    assert [k for k in kinds if not k.startswith("reminder")] == [
        "created", "report", "report", "returned", "report", "completed"]
    assert len(history) == len(kinds)
    returned = history[kinds.index("returned")]
    assert "Trả lại báo cáo" in returned and "Bổ sung biên bản kiểm đếm" in returned
    assert "Xác nhận hoàn thành" in history[-1]
    if SHOTS:
        for size in ((1920, 1080), (1280, 800)):
            leader.window().resize(*size)
            qtbot.wait(200)
            leader.window().grab().save(str(Path(SHOTS) / f"directive-{size[0]}x{size[1]}.png"))


def test_dashboard_chart_drill_down_and_export(qtbot, workspace_window, live_server,
                                              tmp_path) -> None:
    _, units = ids(live_server.url)
    for deadline, unit in ((day(-3), "TCKH"), (day(5), "TCKH"), (day(-1), "TP"),
                           (day(4), "TNMT")):
        protocol_call(live_server.url, "lanhdao", "directive.create",
                      content=f"Việc {unit} hạn {deadline}", deadline=deadline,
                      assignee_unit_id=units[unit])
    _window, page = open_page(qtbot, workspace_window, "vanphong")
    qtbot.mouseClick(page.scope_buttons["dashboard"], LEFT)
    qtbot.waitUntil(lambda: len(page.dashboard.unit_ids) == 3, timeout=WAIT)
    assert "Tổng số 4 nhiệm vụ" in page.dashboard.summary.text()
    assert "quá hạn 2" in page.dashboard.summary.text()
    series = page.dashboard.chart.series()[0]
    assert [s.label() for s in series.barSets()] == [
        "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Quá hạn"]
    if SHOTS:
        for size in ((1920, 1080), (1280, 800)):
            page.window().resize(*size)
            qtbot.wait(200)
            page.window().grab().save(str(Path(SHOTS) / f"dashboard-{size[0]}x{size[1]}.png"))
    # Drill down: the bar of TCKH opens the list of that unit's directives.
    page.dashboard.on_series_clicked(page.dashboard.unit_ids.index(units["TCKH"]),
                                     series.barSets()[3])
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0
                    and page.store.model.rowCount() == 2, timeout=WAIT)
    assert {r.assignee_unit_id for r in page.store.model.rows()} == {units["TCKH"]}
    # Export: the server's XLSX written to disk off the GUI thread.
    qtbot.mouseClick(page.scope_buttons["dashboard"], LEFT)
    target = tmp_path / "bao-cao.xlsx"
    with qtbot.waitSignal(page.dashboard.writer.written, timeout=WAIT):
        page.dashboard.export_to("xlsx", str(target))
    book = openpyxl.load_workbook(target)
    assert book["Tổng hợp theo đơn vị"].max_row == 5  # heading, three units, total


def test_the_list_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = DirectiveTableModel()
    model.set_rows(directive_rows({"directives": [
        {"directive_id": 1, "content": "Việc một", "status": "assigned", "deadline": None,
         "overdue": False, "assignee_id": None, "assignee_unit_id": 4, "issued_by": 2},
        {"directive_id": 2, "content": "Việc hai", "status": "in_progress",
         "deadline": "2026-01-05", "overdue": True, "assignee_id": 9,
         "assignee_unit_id": 4, "issued_by": 2, "priority": "urgent", "percent": 30}]}))
    qtmodeltester.check(model)
    assert model.index(1, 3).data() == "Đang thực hiện — quá hạn"
