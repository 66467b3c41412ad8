"""A clerk uploads a paper from the papers page; it is listed for everyone."""

from __future__ import annotations

from meeting_client.bridge import Bridge
from meeting_client.ui.reader.documents_page import DocumentsPage
from tests.server.documents.conftest import PAPERS

WAIT = 30_000


def test_the_clerk_uploads_a_pdf_and_it_is_listed(qtbot, live_server, tmp_path) -> None:
    bridge = Bridge()
    bridge.start()
    try:
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT) as signed:
            bridge.sign_in(live_server.url, "clerk", "demo")
        page = DocumentsPage(bridge, 1, signed.args[1].id, can_upload=True,
                             cache_dir=tmp_path / "cache")
        qtbot.addWidget(page)
        assert page.upload_button.isVisibleTo(page)
        bridge.snapshot_changed.connect(page.on_snapshot)
        with qtbot.waitSignal(bridge.snapshot_changed, timeout=WAIT):
            bridge.subscribe(1)
        with qtbot.waitSignal(page.center.prefetched, timeout=WAIT):
            page.start()
        before = len(page.center.documents())
        progress: list[tuple[int, int]] = []
        page.center.upload_progress.connect(lambda d, t: progress.append((d, t)))
        with qtbot.waitSignal(page.center.uploaded, timeout=WAIT):
            page.upload_file(str(PAPERS / "du-thao-nghi-quyet.pdf"), "Dự thảo nghị quyết")
        qtbot.waitUntil(lambda: len(page.center.documents()) == before + 1, timeout=WAIT)
        assert "Dự thảo nghị quyết" in {d.title for d in page.center.documents()}
        assert progress and progress[-1][0] == progress[-1][1]
        assert page.status.text() == "Đã tải lên: Dự thảo nghị quyết"
        assert page.upload_button.isEnabled()
        # A file the server cannot read is refused with its sentence, nothing stored.
        bad = tmp_path / "hong.pdf"
        bad.write_bytes(b"not a pdf at all" * 100)
        with qtbot.waitSignal(page.center.failed, timeout=WAIT) as failed:
            page.upload_file(str(bad))
        assert failed.args[0]
        assert len(page.center.documents()) == before + 1
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT):
            page.center.stop()
    finally:
        bridge.stop()
