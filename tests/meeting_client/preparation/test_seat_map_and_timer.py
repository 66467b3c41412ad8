"""The chair's seat map marks who has voted in a secret poll (never what), and the item
timer shows planned against used time — real server, the real chair window."""

from __future__ import annotations

import asyncio
from typing import Any

from meeting_client.models.participant_model import VOTED_ROLE
from tests.support.wsclient import WsClient

WAIT = 30_000


def run_as(url: str, steps: list[tuple[str, str, dict[str, Any]]]) -> list[Any]:
    """Each step ``(user, command, fields)`` on its own signed-in connection."""
    async def go() -> list[Any]:
        out = []
        for user, type_, fields in steps:
            client = await WsClient.signed_in(url, user)
            try:
                out.append(await client.act(type_, **fields))
            finally:
                await client.close()
        return out

    return asyncio.run(go())


def test_voted_marks_without_choices_and_the_item_timer(qtbot, room_window,
                                                        live_server) -> None:
    url = live_server.url
    run_as(url, [("clerk", "agenda.update", {"meeting_id": 1, "item_id": 1,
                                             "duration_min": 30}),
                 ("chair", "meeting.start", {"meeting_id": 1})])
    window = room_window("chair", size=(1920, 1080))
    session = window.room.session
    console = window.room.body
    run_as(url, [("chair", "agenda.activate", {"meeting_id": 1, "item_id": 1})])
    qtbot.waitUntil(lambda: console.item_timer.isVisible(), timeout=WAIT)
    assert console.item_timer.text.text().startswith("Nội dung đang thảo luận: 00:")
    assert console.item_timer.text.text().endswith("/ dự kiến 30:00")

    run_as(url, [(f"d{i:03d}", "attendance.check_in", {"meeting_id": 1})
                 for i in range(1, 17)])
    poll = run_as(url, [("chair", "poll.create", {"meeting_id": 1, "title": "Bầu Phó Chủ tịch",
                                                  "secret": True})])[0]
    run_as(url, [("chair", "poll.open", {"poll_id": poll["poll_id"]}),
                 ("d002", "poll.cast", {"poll_id": poll["poll_id"], "choice": "no"}),
                 ("d001", "poll.cast", {"poll_id": poll["poll_id"], "choice": "yes"})])
    model = session.seat_model
    qtbot.waitUntil(lambda: sum(1 for r in model.rows() if model.voted(r.user_id)) == 2,
                    timeout=WAIT)
    voted = {r.username for r in model.rows() if model.voted(r.user_id)}
    assert voted == {"d001", "d002"}
    row = model.row_of_key(next(r.user_id for r in model.rows() if r.username == "d002"))
    index = model.index(row, 0)
    assert index.data(VOTED_ROLE) is True
    tooltip = str(index.data(3))  # ToolTipRole
    assert "Đã biểu quyết" in tooltip
    for choice in ("Đồng ý", "Không đồng ý", "yes", "no"):
        assert choice not in tooltip
    assert session.open_poll() is not None and session.open_poll().ballots is None
    # Closed: the marks go.
    run_as(url, [("chair", "poll.close", {"poll_id": poll["poll_id"]})])
    qtbot.waitUntil(lambda: not any(model.voted(r.user_id) for r in model.rows()),
                    timeout=WAIT)


def test_a_seat_plan_made_in_the_editor_is_the_chairs_seat_map(qtbot, clerk_page,
                                                                 room_window, live_server) -> None:
    page = clerk_page
    prep = page.preparation
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT):
        page.table.selectRow(prep.meetings.row_of_key(1))
    editor = page.seat_plan
    editor.guess_button.click()
    assert [(s.name, s.presidium) for s in editor.specs()] == [
        ("Đoàn chủ tịch", True), ("Hội trường", False)]
    assert editor.preview.seats()[:3] == ["CT", "TK", "A01"]
    with qtbot.waitSignal(prep.meeting_loaded, timeout=WAIT,
                          check_params_cb=lambda d: d["seat_plan"] is not None) as saved:
        editor.save_button.click()
    plan = saved.args[0]["seat_plan"]
    assert plan[0] == {"name": "Đoàn chủ tịch", "presidium": True, "seats": [["CT", "TK"]]}
    assert plan[1]["seats"][2][9] == "C10" and len(plan[1]["seats"]) == 3

    window = room_window("chair", size=(1920, 1080))
    seats = window.room.body.seats
    assert seats.stack.currentWidget() is seats.plan_view
    assert len(seats.plan_view.seats()) == 32
    assert seats.plan_view.state("CT").name == "Văn Thành"
    assert seats.plan_view.state("A01").status == "absent"
    run_as(live_server.url, [("chair", "meeting.start", {"meeting_id": 1}),
                             ("d001", "attendance.check_in", {"meeting_id": 1})])
    qtbot.waitUntil(lambda: seats.plan_view.state("A01").status == "present", timeout=WAIT)
