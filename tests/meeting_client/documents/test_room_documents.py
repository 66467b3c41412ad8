"""The papers inside the real terminal window, against a real server: the active item's
papers in the agenda panel, the reader beside the room, and follow mode bringing a
delegate's terminal to the paper the chair presents."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from meeting_client.ui.main_window import MainWindow
from tests.support.wsclient import WsClient

WAIT = 20_000


@pytest.fixture
def launch(room_window, tmp_path, monkeypatch, qtbot) -> Callable[[str], MainWindow]:
    """``launch(user)``: the real window with its own document cache, papers listed."""

    def start(user: str) -> MainWindow:
        monkeypatch.setenv("HOP_THONG_MINH_DOCUMENT_CACHE", str(tmp_path / user / "cache"))
        window = room_window(user)
        documents = window.room.documents
        assert documents is not None
        qtbot.waitUntil(lambda: len(documents.center.documents()) == 3, timeout=WAIT)
        return window

    return start


def chair(url: str, type_: str, **fields: object) -> None:
    async def go() -> None:
        client = await WsClient.signed_in(url, "chair")
        try:
            await client.act(type_, **fields)
        finally:
            await client.ws.close()

    asyncio.run(go())


def test_the_item_papers_open_in_the_reader_and_follow_the_chair(qtbot, launch,
                                                                 live_server) -> None:
    delegate = launch("d001")
    room = delegate.room
    panel = room.body.agenda
    # The budget item (3rd) carries the budget proposal; the review (4th) its report.
    chair(live_server.url, "agenda.activate", meeting_id=1, item_id=3)
    qtbot.waitUntil(lambda: room.item_documents.rowCount() == 1, timeout=WAIT)
    assert room.item_documents.rows()[0].title.startswith("Tờ trình về dự toán")
    assert panel.documents_list.model() is room.item_documents
    first_id = room.item_documents.rows()[0].id
    room.on_agenda_document_clicked(first_id)
    reader = room.documents.reader
    qtbot.waitUntil(lambda: reader.document_id == first_id, timeout=WAIT)
    assert room.stack.currentWidget() is room.documents
    # Back to the room; the chair presents another paper at page 2: the reader comes back.
    room.documents_button.click()
    assert room.stack.currentWidget() is room.body
    chair(live_server.url, "presentation.page", meeting_id=1, document_id=2, page=2)
    qtbot.waitUntil(lambda: reader.document_id == 2 and reader.current_page() == 2,
                    timeout=WAIT)
    assert room.stack.currentWidget() is room.documents
    assert reader.banner.isVisible() and "Đang theo dõi" in reader.banner.text.text()


def test_the_chair_names_a_presenter_whose_terminal_can_then_present(qtbot, launch) -> None:
    chair_window = launch("chair")
    picker = chair_window.room.documents.presenter
    assert picker.isVisibleTo(chair_window.room.documents)
    delegate = launch("d001")
    papers = delegate.room.documents
    assert not papers.presenter.isVisibleTo(papers)  # only the chair names presenters
    assert not papers.present_button.isVisibleTo(papers)
    assert papers.follow_button.isVisibleTo(papers)
    me = delegate.room.session.me.id
    assert picker.combo.findData(me) > 0 and picker.designated() is None

    picker.choose(me)
    qtbot.waitUntil(lambda: papers.present_button.isVisibleTo(papers), timeout=WAIT)
    assert delegate.room.session.snapshot.designated_presenter == me
    assert picker.designated() == me
    assert not papers.follow_button.isVisibleTo(papers)

    picker.choose(None)  # withdrawn: back to following
    qtbot.waitUntil(lambda: not papers.present_button.isVisibleTo(papers), timeout=WAIT)
    qtbot.waitUntil(lambda: chair_window.room.session.snapshot.designated_presenter is None,
                    timeout=WAIT)
    assert picker.combo.currentIndex() == 0


def test_the_clerk_sees_who_has_not_opened_a_paper(qtbot, launch, live_server) -> None:
    delegate = launch("d001")
    papers = delegate.room.documents
    paper = papers.center.documents()[0]
    papers.open_document(paper.id)  # the terminal records the first opening
    qtbot.waitUntil(lambda: papers.reader.document_id == paper.id, timeout=WAIT)
    clerk = launch("clerk")
    page = clerk.room.documents
    assert page.readers_button.isVisibleTo(page) and not page.readers_button.isEnabled()
    assert not papers.readers_button.isVisibleTo(papers)  # not for delegates
    page.open_document(paper.id)
    qtbot.waitUntil(lambda: page.readers_button.isEnabled(), timeout=WAIT)
    name = next(p.full_name for p in clerk.room.session.snapshot.participants
                if p.username == "d001")
    other = next(p.full_name for p in clerk.room.session.snapshot.participants
                 if p.username == "d002")

    def listed(widget) -> list[str]:
        return [widget.item(i).text() for i in range(widget.count())]

    def d001_counted() -> bool:
        page.readers_button.click()
        qtbot.waitUntil(lambda: page.readers_dialog is not None, timeout=WAIT)
        return any(line.startswith(name + " — ") for line in listed(page.readers_dialog.opened))

    qtbot.waitUntil(d001_counted, timeout=WAIT)  # the opening is recorded asynchronously
    dialog = page.readers_dialog
    assert other in listed(dialog.not_opened)
    assert name not in listed(dialog.not_opened)
    assert dialog.summary.text().startswith("Đã mở: ")


def test_a_paper_uploaded_while_terminals_are_open_ends_as_downloaded(
        qtbot, launch) -> None:
    """The status must not stay at "Đang tải tài liệu về máy: n%" after the new paper came."""
    from tests.server.documents.conftest import PAPERS

    delegate, clerk = launch("d001"), launch("clerk")
    page = delegate.room.documents
    qtbot.waitUntil(lambda: page.status.text().startswith("Đã tải đủ 3 tài liệu"),
                    timeout=WAIT)
    with qtbot.waitSignal(clerk.room.documents.center.uploaded, timeout=WAIT):
        clerk.room.documents.upload_file(str(PAPERS / "du-thao-nghi-quyet.pdf"),
                                         "Dự thảo nghị quyết")
    qtbot.waitUntil(lambda: len(page.center.documents()) == 4, timeout=WAIT)
    qtbot.waitUntil(lambda: page.status.text().startswith("Đã tải đủ 4 tài liệu"),
                    timeout=WAIT)
