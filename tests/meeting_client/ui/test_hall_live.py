"""The hall screen against a real server: a result over the speaker, the presented page."""

from __future__ import annotations

from meeting_client.models import hall as hall_model
from meeting_client.models.hall import HallFocus
from tests.meeting_client.minutes.conftest import protocol as act
from tests.meeting_client.ui.test_live_terminals import protocol

WAIT = 20_000


def test_the_hall_shows_a_result_over_the_speaker_then_the_presented_page(
        qtbot, room_window, live_server, monkeypatch):
    url = live_server.url
    act(url, "chair", ("meeting.start", {"meeting_id": 1}))
    protocol(url, [f"d{n:03d}" for n in range(1, 18)], ("attendance.check_in", {"meeting_id": 1}))
    [request] = act(url, "d001", ("speaker.request", {"meeting_id": 1}))
    act(url, "chair", ("speaker.grant", {"request_id": request["request_id"], "limit_s": 300}))
    hall = room_window("chair", hall=True)
    display = hall.room.body
    session = hall.room.session
    qtbot.waitUntil(lambda: display.focus() is HallFocus.SPEAKER, timeout=WAIT)

    [poll] = act(url, "chair", ("poll.create", {"meeting_id": 1, "title": "Thông qua tờ trình"}))
    act(url, "chair", ("poll.open", {"poll_id": poll["poll_id"]}))
    qtbot.waitUntil(lambda: display.focus() is HallFocus.VOTING, timeout=WAIT)
    protocol(url, [f"d{n:03d}" for n in range(1, 18)],
             ("poll.cast", {"poll_id": poll["poll_id"], "choice": "yes"}))
    act(url, "chair", ("poll.close", {"poll_id": poll["poll_id"]}))
    qtbot.waitUntil(lambda: display.focus() is HallFocus.RESULT, timeout=WAIT)
    assert session.current_speaker() is not None  # the floor is still held
    assert display.result.outcome.text() == "Thông qua"

    # The chair presents page 2 of a paper: the result keeps the screen for its hold
    # time (cut short here), then the page is shown, over the speaker.
    document = session.snapshot.documents[0]
    act(url, "chair", ("presentation.page", {"meeting_id": 1, "document_id": document.id,
                                             "page": 2}))
    qtbot.waitUntil(lambda: session.snapshot.presentation is not None, timeout=WAIT)
    assert display.focus() is HallFocus.RESULT
    monkeypatch.setattr(hall_model, "RESULT_HOLD_S", 0)
    qtbot.waitUntil(lambda: display.focus() is HallFocus.PRESENTATION, timeout=WAIT)
    qtbot.waitUntil(lambda: display.paper.shown() == (document.id, 2), timeout=WAIT)
    assert display.paper.document.pageCount() >= 2
    act(url, "chair", ("presentation.page", {"meeting_id": 1, "document_id": document.id,
                                             "page": 1}))
    qtbot.waitUntil(lambda: display.paper.shown() == (document.id, 1), timeout=WAIT)
