"""A clerk prepares a meeting through the preparation page (real server, real bridge),
publishes it, and a delegate's running terminal sees it appear and prefetches its papers."""

from __future__ import annotations

import subprocess
from typing import Any

from PySide6.QtCore import QModelIndex

from meeting_client.ui.preparation.page import PreparationPage
from tests.meeting_client.preparation.conftest import WAIT
from tests.server.documents.conftest import PAPERS


def loaded(qtbot: Any, page: PreparationPage, check: Any = None) -> Any:
    return qtbot.waitSignal(page.preparation.meeting_loaded, timeout=WAIT,
                            check_params_cb=check)


def test_a_clerk_prepares_and_publishes_and_a_delegate_gets_it(
        qtbot, clerk_page, room_window, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOP_THONG_MINH_DOCUMENT_CACHE", str(tmp_path / "d001-cache"))
    delegate = room_window("d001")
    account = delegate._account
    page = clerk_page
    prep = page.preparation
    # The clerk starts from the earlier session (meeting 1): copy it into a new draft.
    with loaded(qtbot, page):
        page.table.selectRow(prep.meetings.row_of_key(1))
    errors: list[str] = []
    prep.failed.connect(errors.append)
    assert page.copy_button.isEnabled()
    with loaded(qtbot, page, lambda d: d["meeting"]["id"] != 1) as copied:
        page.copy_button.click()
    assert not errors
    new_id = copied.args[0]["meeting"]["id"]
    assert new_id != 1 and copied.args[0]["meeting"]["status"] == "draft"
    qtbot.waitUntil(lambda: prep.meetings.row_of_key(new_id) >= 0, timeout=WAIT)
    assert page.publish_button.isEnabled()

    # General: a new title and the two-thirds quorum rule.
    page.general.title.setText("Kỳ họp chuyên đề tháng 12")
    page.general.quorum_rule.setCurrentIndex(page.general.quorum_rule.findData("two_thirds"))
    with loaded(qtbot, page) as saved:
        page.general.save_button.click()
    assert saved.args[0]["meeting"]["title"] == "Kỳ họp chuyên đề tháng 12"
    assert saved.args[0]["meeting"]["quorum_rule"] == "two_thirds"
    assert saved.args[0]["meeting"]["quorum"] == 20
    assert page.heading.text() == "Kỳ họp chuyên đề tháng 12"

    # Agenda: add an item with presenter and duration, then drag it to the top.
    page.agenda.title.setText("Tờ trình về đề án chuyển đổi số")
    page.agenda.duration.setValue(25)
    page.agenda.presenter.setCurrentIndex(page.agenda.presenter.findText("Phạm Thu Hà"))
    with loaded(qtbot, page) as added:
        page.agenda.add_button.click()
    agenda = added.args[0]["agenda"]
    assert agenda[-1]["title"] == "Tờ trình về đề án chuyển đổi số"
    assert agenda[-1]["duration_min"] == 25 and agenda[-1]["presenter_id"] is not None
    last = page.agenda.list.count() - 1
    with loaded(qtbot, page) as moved:
        assert page.agenda.list.model().moveRow(QModelIndex(), last, QModelIndex(), 0)
    assert moved.args[0]["agenda"][0]["title"] == "Tờ trình về đề án chuyển đổi số"
    assert page.agenda.list.item(0).text().startswith("1. Tờ trình về đề án chuyển đổi số")

    # Participants: the admin joins as an invited guest with a seat; a seat taken twice is
    # refused with the server's sentence and nothing changes.
    person = page.participants.person
    qtbot.waitUntil(lambda: person.findText("Quản trị hệ thống (admin)") >= 0, timeout=WAIT)
    person.setCurrentIndex(person.findText("Quản trị hệ thống (admin)"))
    page.participants.role.setCurrentIndex(page.participants.role.findData("guest"))
    page.participants.seat.setText("CT")
    with qtbot.waitSignal(prep.failed, timeout=WAIT) as refused:
        page.participants.add_button.click()
    assert refused.args[0] == "Ghế CT đã có người ngồi."
    assert page.message.text() == "Ghế CT đã có người ngồi."
    page.participants.seat.setText("KM01")
    with loaded(qtbot, page) as joined:
        page.participants.add_button.click()
    guest = next(p for p in joined.args[0]["participants"] if p["username"] == "admin")
    assert (guest["role"], guest["seat"]) == ("guest", "KM01")
    assert sum(1 for r in prep.participants.rows() if r.role != "hall") == 33

    # Papers: uploaded from the editor's papers tab (the documents page).
    papers = page.papers
    assert papers is not None and papers.center.meeting_id == new_id
    with qtbot.waitSignal(papers.center.uploaded, timeout=WAIT):
        papers.upload_file(str(PAPERS / "du-thao-nghi-quyet.pdf"), "Dự thảo nghị quyết")

    # The invitation: previewed from the server's PDF, then saved and read back.
    with qtbot.waitSignal(prep.invitation_ready, timeout=WAIT):
        page.invitation.preview_button.click()
    assert page.invitation.document.pageCount() >= 1
    out = tmp_path / "giay-moi.pdf"
    with qtbot.waitSignal(page.invitation.saved, timeout=WAIT):
        page.invitation.export_to(str(out))
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "GIẤY MỜI" in text and "Tới dự: Kỳ họp chuyên đề tháng 12." in text

    # Still a draft: the delegate's list does not have it.
    with qtbot.waitSignal(account.meetings_loaded, timeout=WAIT):
        account.load_meetings()
    assert account.meeting_list_model.row_of_key(new_id) < 0

    # Published: the delegate's terminal lists it and fetches its paper at once.
    with (qtbot.waitSignal(account.news.prefetched, timeout=WAIT,
                           check_params_cb=lambda mid, _n: mid == new_id) as fetched,
          loaded(qtbot, page) as published):
        page.publish_button.click()
    assert published.args[0]["meeting"]["status"] == "scheduled"
    assert not page.publish_button.isEnabled()
    assert fetched.args[0] == new_id
    center = account.news.center(new_id)
    assert center is not None
    docs = center.documents()
    assert [d.title for d in docs] == ["Dự thảo nghị quyết"]
    assert all(center.cache.cached(d.sha256) is not None for d in docs)
    assert str(tmp_path / "d001-cache") in str(center.cache.cached(docs[0].sha256))
    qtbot.waitUntil(lambda: account.meeting_list_model.row_of_key(new_id) >= 0, timeout=WAIT)
