"""Write an exported file off the GUI thread (DESIGN.md: no disk I/O on the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(str, str)  # path, error ("" when written)


class _Write(QRunnable):
    def __init__(self, path: str, data: bytes, signals: _Signals) -> None:
        super().__init__()
        self._path = path
        self._data = data
        self._signals = signals

    def run(self) -> None:
        try:
            tmp = Path(self._path + ".part")
            tmp.write_bytes(self._data)
            tmp.replace(self._path)  # never leave half a document under the real name
        except OSError as exc:
            self._signals.done.emit(self._path, exc.strerror or str(exc))
        else:
            self._signals.done.emit(self._path, "")


class FileWriter(QObject):
    """Writes whole files in a thread pool; :attr:`written` / :attr:`failed` on the GUI thread."""

    written = Signal(str)
    """(path)."""
    failed = Signal(str, str)
    """(path, reason)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The pool first: children are deleted in creation order, and a deleted pool
        # waits for a write still running, whose signal must then still exist.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self.on_done)

    def write(self, path: str, data: bytes) -> None:
        self._pool.start(_Write(path, data, self._signals))

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def on_done(self, path: str, error: str) -> None:
        if error:
            self.failed.emit(path, error)
        else:
            self.written.emit(path)
