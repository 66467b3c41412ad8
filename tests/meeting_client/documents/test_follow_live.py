"""Two terminals against a real server: the chair presents, a delegate's reader follows,
leaves follow mode by turning a page itself, and comes back; annotations saved on one
terminal of a person show on that person's other terminal and nowhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from meeting_client.bridge import Bridge
from meeting_client.models.document_model import DocumentCenter, FollowController
from meeting_client.ui.reader import ReaderWidget

WAIT = 20_000


@dataclass
class Terminal:
    bridge: Bridge
    center: DocumentCenter
    reader: ReaderWidget
    follow: FollowController
    me_id: int


@pytest.fixture
def terminal(qtbot, live_server, tmp_path) -> Iterator[Callable[[str], Terminal]]:
    made: list[Terminal] = []

    def make(user: str) -> Terminal:
        bridge = Bridge()
        bridge.start()
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT) as signed:
            bridge.sign_in(live_server.url, user, "demo")
        me = signed.args[1]
        center = DocumentCenter(bridge.submit, 1, cache_dir=tmp_path / user / "cache")
        reader = ReaderWidget()
        qtbot.addWidget(reader)
        reader.resize(1100, 760)
        reader.show()
        follow = FollowController(bridge, 1, me.id)
        t = Terminal(bridge, center, reader, follow, me.id)
        # The wiring a meeting room does (one place, as in meeting_room.py).
        bridge.snapshot_changed.connect(follow.on_snapshot)
        follow.open_requested.connect(center.request_open)
        center.document_ready.connect(lambda doc_id, path: reader.open_file(
            Path(path), document_id=doc_id, title=center.document(doc_id).title
            if center.document(doc_id) else ""))
        reader.document_opened.connect(follow.on_reader_opened)
        reader.document_opened.connect(center.load_annotations)
        reader.page_changed.connect(follow.on_reader_page_changed)
        follow.turn_requested.connect(lambda page: reader.go_to_page(page, remote=True))
        follow.state_changed.connect(lambda: reader.show_follow(
            following=follow.banner()[0], presenter=follow.banner()[1],
            page=follow.banner()[2]))
        reader.follow_resume_requested.connect(follow.resume)
        center.annotations_changed.connect(
            lambda doc_id, anns: reader.set_annotations(anns)
            if doc_id == reader.document_id else None)
        reader.highlight_requested.connect(lambda page, rects, text: center.save_annotation(
            reader.document_id, page=page, kind="highlight", rects=rects, text=text))
        with qtbot.waitSignal(bridge.snapshot_changed, timeout=WAIT):
            bridge.subscribe(1)
        with qtbot.waitSignal(center.prefetched, timeout=WAIT):
            center.start()
        made.append(t)
        return t

    yield make
    for t in made:
        with qtbot.waitSignal(t.bridge.command_finished, timeout=WAIT):
            t.center.stop()
        t.bridge.stop()


def test_a_delegate_follows_the_chair_leaves_and_comes_back(qtbot, terminal) -> None:
    chair = terminal("chair")
    delegate = terminal("d001")
    chair.follow.set_presenting(True)
    with qtbot.waitSignal(chair.center.document_ready, timeout=WAIT):
        chair.center.request_open(1)  # the budget proposal, 4 pages
    assert chair.reader.current_page() == 1
    # The delegate's reader opens the presented paper by itself, at the presenter's page.
    qtbot.waitUntil(lambda: delegate.reader.document_id == 1, timeout=WAIT)
    chair.reader.go_to_page(3)
    qtbot.waitUntil(lambda: delegate.reader.current_page() == 3, timeout=WAIT)
    assert delegate.follow.following
    assert delegate.reader.banner.isVisible()
    assert not delegate.reader.banner.resume_button.isVisible()
    # The delegate turns a page: follow mode ends; the chair's next turn does not move them.
    qtbot.keyClick(delegate.reader.view, Qt.Key.Key_PageUp)
    assert delegate.reader.current_page() == 2 and not delegate.follow.following
    assert delegate.reader.banner.resume_button.isVisible()
    chair.reader.go_to_page(4)
    qtbot.waitUntil(lambda: delegate.follow.presentation is not None
                    and delegate.follow.presentation.page == 4, timeout=WAIT)
    assert delegate.reader.current_page() == 2
    qtbot.mouseClick(delegate.reader.banner.resume_button, Qt.MouseButton.LeftButton)
    assert delegate.follow.following and delegate.reader.current_page() == 4
    # No loop: the chair sent one command per distinct page, the delegate none.
    assert chair.follow.sent == [(1, 1), (1, 3), (1, 4)]
    assert delegate.follow.sent == []


def test_a_highlight_shows_on_the_same_persons_other_terminal_only(qtbot, terminal) -> None:
    desk = terminal("d002")
    tablet = terminal("d002")
    neighbour = terminal("d003")
    for t in (desk, tablet, neighbour):
        with qtbot.waitSignal(t.center.document_ready, timeout=WAIT):
            t.center.request_open(2)
    with qtbot.waitSignal(desk.reader.search.finished, timeout=WAIT):
        desk.reader.find("Nghị quyết")
    page, rects = desk.reader.current_hit()
    box = rects[0]
    assert desk.reader.highlight(page, box.topLeft(), box.bottomRight())
    qtbot.waitUntil(lambda: len(desk.reader.annotations()) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: len(tablet.reader.annotations()) == 1, timeout=WAIT)
    assert tablet.reader.annotations()[0].text == desk.reader.annotations()[0].text
    with qtbot.waitSignal(neighbour.center.annotations_changed, timeout=WAIT) as fresh:
        neighbour.center.load_annotations(2)
    assert fresh.args == [2, []] and neighbour.reader.annotations() == []
