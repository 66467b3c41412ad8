"""Hand news from the networking thread to the GUI thread, for an owner that may go first.

Transfer work (papers, attachments) runs on the networking thread and reports
through the owner's Qt signals. Emitting them there is a race with the GUI
thread deleting the owner (a room closed, a window torn down while a download
is still running): a signal emitted on a QObject being destroyed crashes the
process. So the networking thread never touches the owner: it emits on a
:class:`GuiPost`, which has no parent (it lives as long as Python holds it, that
is as long as any work can still call it), and the call runs on the GUI thread —
where deletion happens — only if the owner is still alive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal


class GuiPost(QObject):
    """``post(fn, *args)`` from any thread runs ``fn(*args)`` on the GUI thread,
    unless ``owner`` was deleted meanwhile. Create it on the GUI thread."""

    _call = Signal(object)

    def __init__(self, owner: QObject) -> None:
        super().__init__()  # no parent: never deleted under a running transfer
        self._owner = owner
        self._call.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def __call__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._call.emit((fn, args))

    def _deliver(self, item: tuple[Callable[..., Any], tuple[Any, ...]]) -> None:
        if shiboken6.isValid(self._owner):
            fn, args = item
            fn(*args)
