"""A terminal's papers on their own: ``python -m meeting_client.ui.reader --server URL
--user d001 [--meeting 1] [--open ID] [--screenshot PNG]``.

Signs in, subscribes, prefetches the meeting's papers and shows
:class:`DocumentsPage` — handy to look at the reader against a real server.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from meeting_client.app import apply_style
from meeting_client.bridge import Bridge
from meeting_client.ui.reader.documents_page import DocumentsPage


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m meeting_client.ui.reader")
    parser.add_argument("--server", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="demo")
    parser.add_argument("--meeting", type=int, default=1)
    parser.add_argument("--open", type=int, help="open this paper once prefetched")
    parser.add_argument("--present", action="store_true", help="present (chair)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    bridge = Bridge()
    bridge.start()
    state: dict[str, DocumentsPage] = {}

    def signed_in(_token: int, me: object) -> None:
        if "page" in state:
            return
        page = DocumentsPage(bridge, args.meeting, me.id,  # type: ignore[attr-defined]
                             can_present=args.present)
        state["page"] = page
        bridge.snapshot_changed.connect(page.on_snapshot)
        page.resize(1400, 860)
        page.setWindowTitle(page.tr("Tài liệu kỳ họp — Họp thông minh"))
        page.show()
        bridge.subscribe(args.meeting)
        page.start()
        if args.open:
            page.center.prefetched.connect(lambda _n: page.open_document(args.open))
        if args.present:
            page.present_button.setChecked(True)

    bridge.command_finished.connect(signed_in)
    bridge.command_failed.connect(lambda _t, _c, msg: print(msg, file=sys.stderr))
    QTimer.singleShot(0, lambda: bridge.sign_in(args.server, args.user, args.password))
    app.aboutToQuit.connect(bridge.stop)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
