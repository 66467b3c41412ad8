"""Entry point of the desktop client: the composition root.

``meeting-client --server URL --user NAME [--password P] [--meeting ID]
[--hall] [--lang en] [--kiosk] [--server-cert PEM]`` builds the Qt application, the bridge to
the networking thread, the account and the window, and passes them down; no
module keeps a global.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from meeting_client.bridge import Bridge, ClientFactory, default_client_factory
from meeting_client.collector import GuiThreadCollector
from meeting_client.models.account import Account
from meeting_client.ui.look import RESOURCES
from meeting_client.ui.main_window import ClientOptions, MainWindow

ORGANISATION = "HopThongMinh"
APPLICATION = "meeting-client"
SERVER_CERT_KEY = "server_cert"
"""QSettings key: path of the pinned copy of the server's certificate."""


def parse_args(argv: Sequence[str] | None = None) -> ClientOptions:
    parser = argparse.ArgumentParser(
        prog="meeting-client", description="Họp thông minh — delegate terminal")
    parser.add_argument("--server", help="ws://HOST:PORT/ws (remembered when omitted)")
    parser.add_argument("--user", help="user name to fill in (or sign in with)")
    parser.add_argument("--password", help="sign in at once with this password")
    parser.add_argument("--meeting", type=int, help="open this meeting after signing in")
    parser.add_argument("--hall", action="store_true", help="hall display, full screen")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--kiosk", action="store_true", help="full screen, no window frame")
    parser.add_argument("--server-cert", metavar="PEM",
                        help="the server's certificate for wss:// (remembered; see "
                             "meeting-server make-cert)")
    a = parser.parse_args(argv)
    return ClientOptions(server=a.server, user=a.user, password=a.password,
                         meeting=a.meeting, hall=a.hall, lang=a.lang, kiosk=a.kiosk,
                         server_cert=a.server_cert)


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Vietnamese is the source language; English comes from the shipped .qm.

    Qt's own dialogs (file dialogs, button boxes, message boxes, context menus) speak
    English unless translated, and PySide6 ships no ``qtbase_vi.qm``: our own
    ``qt_vi.qm`` (from ``resources/translations/qt_vi.ts``) is installed for Vietnamese.
    """
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        qt = QTranslator(app)
        if qt.load(str(RESOURCES / "translations" / "qt_vi.qm")):
            app.installTranslator(qt)
            return qt
        return None
    translator = QTranslator(app)
    if translator.load(str(RESOURCES / "translations" / f"meeting_client_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def apply_style(app: QApplication) -> None:
    """Liberation Sans (it has every Vietnamese glyph) and the calm stylesheet."""
    families = set(QFontDatabase.families())
    family = next((f for f in ("Liberation Sans", "Noto Sans", "DejaVu Sans")
                   if f in families), app.font().family())
    font = QFont(family)
    font.setPixelSize(17)
    app.setFont(font)
    qss = RESOURCES / "styles" / "meeting.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def build(options: ClientOptions, *, client_factory: ClientFactory | None = None,
          settings: QSettings | None = None) -> tuple[MainWindow, Bridge, Account]:
    """Create the bridge (started), the account and the window; the app must exist."""
    settings = settings or QSettings(ORGANISATION, APPLICATION)
    if options.server_cert:
        settings.setValue(SERVER_CERT_KEY, str(Path(options.server_cert).resolve()))
    pinned = settings.value(SERVER_CERT_KEY) or None
    bridge = Bridge(client_factory or partial(
        default_client_factory, server_cert=Path(str(pinned)) if pinned else None))
    bridge.start()
    account = Account(bridge, options.lang)
    window = MainWindow(account, options, settings)
    return window, bridge, account


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector(parent=app)  # before any networking thread starts
    app.aboutToQuit.connect(collector.stop)
    install_translator(app, options.lang)
    apply_style(app)
    window, bridge, _account = build(options)
    app.aboutToQuit.connect(bridge.stop)
    if options.hall or options.kiosk:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, options.kiosk)
        window.showFullScreen()
    else:
        screen = window.screen().availableGeometry()
        window.resize(min(screen.width(), 1920), min(screen.height(), 1080))
        window.show()
    window.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
