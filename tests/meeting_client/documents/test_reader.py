"""The reader with real PDFs rendered by QtPdf: pages, thumbnails, outline, search,
annotations drawn over the page, and follow mode's loop guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from meeting_client.models.document_model import DocumentListModel, FollowController
from meeting_client.ui.reader import ReaderWidget
from meeting_protocol.documents import Annotation, DocumentInfo, Quad
from meeting_protocol.state import Presentation

PAPERS = Path(__file__).resolve().parents[2] / "fixtures" / "papers"
BIG = PAPERS / "tai-lieu-60-trang.pdf"
WAIT = 10_000


@pytest.fixture
def reader(qtbot) -> ReaderWidget:
    widget = ReaderWidget()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.open_file(BIG, document_id=7, title="Tài liệu tổng hợp")
    return widget


def test_pages_move_by_keys_buttons_thumbnails_and_outline(qtbot, reader) -> None:
    assert reader.page_count() == 60 and reader.current_page() == 1
    moves: list[tuple[int, bool]] = []
    reader.page_changed.connect(lambda page, by_person: moves.append((page, by_person)))
    qtbot.keyClick(reader.view, Qt.Key.Key_PageDown)
    assert reader.current_page() == 2
    qtbot.keyClick(reader.view, Qt.Key.Key_End)
    assert reader.current_page() == 60
    qtbot.keyClick(reader.view, Qt.Key.Key_Home)
    assert reader.current_page() == 1
    qtbot.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
    assert reader.current_page() == 2
    reader.page_box.setValue(33)
    assert reader.current_page() == 33
    assert moves[:2] == [(2, True), (60, True)] and all(by for _p, by in moves)
    # Thumbnails: lazy, rendered for what is on screen only.
    qtbot.waitUntil(lambda: reader.thumbnail_model.rendered() > 0, timeout=WAIT)
    assert reader.thumbnail_model.rendered() < 60
    reader.on_thumbnail_clicked(reader.thumbnail_model.index(11, 0))
    assert reader.current_page() == 12
    # Outline: chapters, then a section per page.
    model = reader.outline_model
    assert model.rowCount() == 6
    chapter3 = model.index(2, 0)
    assert model.data(chapter3, Qt.ItemDataRole.DisplayRole) == "Chương 3"
    reader.on_outline_clicked(model.index(4, 0, chapter3))
    assert reader.current_page() == 25


def test_zoom_and_fit_width(qtbot, reader) -> None:
    fit = reader.view.zoomFactor()
    assert reader.view.fit_width
    qtbot.mouseClick(reader.zoom_in_button, Qt.MouseButton.LeftButton)
    assert reader.view.zoomFactor() == pytest.approx(fit * 1.25)
    qtbot.mouseClick(reader.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.zoom_out_button, Qt.MouseButton.LeftButton)
    assert reader.view.zoomFactor() == pytest.approx(fit / 1.25)
    qtbot.mouseClick(reader.fit_button, Qt.MouseButton.LeftButton)
    assert reader.view.zoomFactor() == pytest.approx(fit)
    page = reader.view.page_rect(reader.view.current_page())
    assert abs(page.width() - (reader.view.viewport().width() - 14)) <= 3


def test_search_finds_every_page_and_shows_the_hit(qtbot, reader) -> None:
    reader.search_box.setText("trang 42")
    with qtbot.waitSignal(reader.search.finished, timeout=WAIT) as done:
        qtbot.keyClick(reader.search_box, Qt.Key.Key_Return)
    assert done.args == [1]
    hit = reader.current_hit()
    assert hit is not None and hit[0] == 42
    assert reader.current_page() == 42
    assert reader.hit_label.text() == "1/1"
    # A phrase on many pages: the hits come in page order, Enter steps through them.
    reader.search_box.setText("Chương 2,")
    with qtbot.waitSignal(reader.search.finished, timeout=WAIT) as done:
        reader.on_search_box_return_pressed()
    assert done.args == [10]
    first = reader.current_hit()
    reader.on_search_box_return_pressed()
    second = reader.current_hit()
    assert first is not None and second is not None and second[0] == first[0] + 1


def _pixel(reader: ReaderWidget, page: int, x: float, y: float) -> QColor:
    point = reader.view.to_viewport(page - 1, QRectF(x, y, 0, 0)).topLeft()
    image = reader.view.viewport().grab().toImage()
    return image.pixelColor(int(point.x()), int(point.y()))


def test_a_highlight_is_requested_from_the_text_and_drawn_over_the_page(qtbot, reader) -> None:
    with qtbot.waitSignal(reader.search.finished, timeout=WAIT):
        reader.find("chi tiết trang 5")
    hit = reader.current_hit()
    assert hit is not None and hit[0] == 5 and reader.current_page() == 5
    box = hit[1][0]
    reader.find("")  # no search frame over the highlight
    requested: list[tuple] = []
    reader.highlight_requested.connect(lambda *args: requested.append(args))
    assert reader.highlight(5, box.topLeft() + QPointF(1, 1), box.bottomRight() - QPointF(1, 1))
    (page, rects, text), = requested
    assert page == 5 and text.strip() and rects
    x, y, w, h = rects[0]
    reader.set_annotations([Annotation(
        annotation_id=1, document_id=7, sha256="0" * 64, page=5, kind="highlight",
        rects=[Quad(x, y, w, h)], text=text, color="#ffd54f", updated_at="")])
    # Between the letters, the page is white without the highlight and yellow with it.
    qtbot.waitUntil(lambda: _pixel(reader, 5, x + 1, y + 1).blue() < 200, timeout=WAIT)
    color = _pixel(reader, 5, x + 1, y + 1)
    assert color.red() > 200 and color.green() > 150 and color.blue() < 200
    assert _pixel(reader, 5, x + 1, y + h + 40).blue() > 200  # below it: still white


def test_a_page_reached_before_the_layout_settles_is_the_page_shown(qtbot, reader) -> None:
    """Open, then at once go to page 3: after the switch to the continuous layout the
    view must show page 3 at the top, not page 1 with "3" in the page box."""
    assert reader.open_file(BIG, document_id=8, title="Lại mở")
    reader.go_to_page(3, remote=True)
    qtbot.waitUntil(lambda: reader.view.pageMode() == reader.view.PageMode.MultiPage,
                    timeout=WAIT)
    assert reader.current_page() == 3
    assert abs(reader.view.page_rect(2).top()) <= 1


def test_follow_mode_turns_with_the_presenter_and_guards_the_loop(qtbot, reader, port) -> None:
    follow = FollowController(port, meeting_id=1, me_id=10)
    reader.page_changed.connect(follow.on_reader_page_changed)
    follow.turn_requested.connect(lambda page: reader.go_to_page(page, remote=True))
    follow.on_reader_opened(7)
    follow.set_presentation(Presentation(document_id=7, page=9, presenter_id=2))
    assert reader.current_page() == 9 and follow.following
    follow.set_presentation(Presentation(document_id=7, page=10, presenter_id=2))
    assert reader.current_page() == 10 and follow.following
    assert port.sent == []  # a follower never publishes
    # The person scrolls away: follow mode ends, the banner offers the way back.
    qtbot.keyClick(reader.view, Qt.Key.Key_PageDown)
    assert not follow.following
    follow.set_presentation(Presentation(document_id=7, page=14, presenter_id=2))
    assert reader.current_page() == 11
    assert follow.banner() == (False, "Người trình bày", 14)
    follow.resume()
    assert follow.following and reader.current_page() == 14


def test_the_presenter_publishes_each_page_once_and_ignores_its_echo(qtbot, reader,
                                                                   port) -> None:
    follow = FollowController(port, meeting_id=1, me_id=2)
    reader.page_changed.connect(follow.on_reader_page_changed)
    follow.turn_requested.connect(lambda page: reader.go_to_page(page, remote=True))
    follow.set_presenting(True)
    follow.on_reader_opened(7)
    reader.go_to_page(3)
    reader.go_to_page(3)
    follow.set_presentation(Presentation(document_id=7, page=3, presenter_id=2))  # echo
    reader.go_to_page(4)
    assert [(t, p["page"]) for _, t, p in port.sent] == [
        ("presentation.page", 1), ("presentation.page", 3), ("presentation.page", 4)]
    assert reader.current_page() == 4 and follow.banner()[0] is None


def test_the_document_list_shows_state_and_filters_by_item(qapp) -> None:
    model = DocumentListModel()
    docs = [DocumentInfo(id=1, title="Tờ trình", filename="a.pdf", sha256="a" * 64,
                         size=104_131, agenda_item_id=3),
            DocumentInfo(id=2, title="Báo cáo mật", filename="b.pdf", sha256="b" * 64,
                         size=3 << 20, agenda_item_id=4, access="confidential", version=2)]
    model.set_documents(docs)
    model.set_cached({"a" * 64})
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Tờ trình\n101 kB · đã tải"
    assert model.index(1, 0).data() == "Báo cáo mật\n3,0 MB · đang tải… · bản 2 · mật"
    model.set_agenda_item(4)
    assert [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(model.rowCount())] == [2]
