"""What an alert's or a message's link opens."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def is_outside(link: str) -> bool:
    return link.startswith(("http://", "https://"))


def open_outside(link: str) -> bool:
    """An outside URL goes to the system's browser (not the network thread: no I/O here)."""
    return QDesktopServices.openUrl(QUrl(link))
