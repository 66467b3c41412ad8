"""The office opens "Chuẩn bị họp" in the workspace and drafts a meeting from scratch."""

from __future__ import annotations

from meeting_client.ui.preparation.page import PreparationPage
from tests.meeting_client.workspace.conftest import WAIT


def test_office_drafts_a_meeting_from_the_workspace(qtbot, workspace_window) -> None:
    window = workspace_window("vanphong", size=(1280, 800))
    page = window.workspace.show_module("preparation")
    assert isinstance(page, PreparationPage)
    assert window.workspace.page_title.text() == "Chuẩn bị họp"
    prep = page.preparation
    qtbot.waitUntil(lambda: prep.meetings.row_of_key(1) >= 0, timeout=WAIT)
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT,
                          check_params_cb=lambda d: d["meeting"]["status"] == "draft") as made:
        page.create_button.click()
    meeting = made.args[0]["meeting"]
    assert meeting["title"] == "Cuộc họp mới" and meeting["quorum_rule"] == "half"
    qtbot.waitUntil(lambda: prep.meetings.row_of_key(meeting["id"]) == 0, timeout=WAIT)
    assert page.publish_button.isEnabled() and page.cancel_button.isEnabled()
    # The end before the start: the server's sentence, nothing saved.
    page.general.ends.setDateTime(page.general.starts.dateTime().addSecs(-3600))
    with qtbot.waitSignal(prep.failed, timeout=WAIT) as refused:
        page.general.save_button.click()
    assert refused.args[0] == "Thời gian kết thúc phải sau thời gian bắt đầu."
    # Cancel, confirmed in the inline bar: the draft is cancelled.
    page.cancel_button.click()
    assert page.confirm.isVisibleTo(page)
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT,
                          check_params_cb=lambda d: d["meeting"]["status"] == "cancelled"):
        page.confirm.confirm_button.click()
    assert not page.publish_button.isEnabled() and not page.cancel_button.isEnabled()
    assert page.state.text().endswith("Đã hủy")
