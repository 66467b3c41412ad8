"""Hand news from the networking thread to the GUI thread, for an owner that may go first.

Transfer work (papers, attachments) runs on the networking thread and reports
through the owner's Qt signals. Emitting them there is a race with the GUI
thread deleting the owner (a room closed, a window torn down while a download
is still running): a signal emitted on a QObject being destroyed crashes the
process. So the networking thread never touches the owner: it emits on one
relay object, created on the GUI thread and never deleted, and the call runs on
the GUI thread — where deletion happens — only if the owner is still alive.

A :class:`GuiPost` itself is no QObject and holds its owner weakly: the last
reference to it may be dropped (or a garbage cycle collected) on the networking
thread, and no QObject may be destroyed there.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    call = Signal(object)


_relay: _Relay | None = None


def _deliver(item: tuple[weakref.ref[QObject], Callable[..., Any], tuple[Any, ...]]) -> None:
    owner_ref, fn, args = item
    owner = owner_ref()
    if owner is not None and shiboken6.isValid(owner):
        fn(*args)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()  # lives on the thread that created the first GuiPost: the GUI's
        _relay.call.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


class GuiPost:
    """``post(fn, *args)`` from any thread runs ``fn(*args)`` on the GUI thread, unless
    ``owner`` was deleted meanwhile. Create it on the GUI thread."""

    __slots__ = ("_owner", "_relay")

    def __init__(self, owner: QObject) -> None:
        self._owner = weakref.ref(owner)
        self._relay = _the_relay()

    def __call__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._relay.call.emit((self._owner, fn, args))
