"""A camera player over libVLC (python-vlc), for the server's watch URLs (HTTP MPEG-TS).

With a window system, libVLC draws into a native child widget (``set_xwindow`` /
``set_hwnd`` / ``set_nsobject``). Without one (the offscreen platform), it decodes
through libVLC's video callbacks into a buffer shown as a picture: the same player,
drawn by Qt. libVLC is optional: without it the player says so and plays nothing
(STACK.md: ``import vlc`` succeeds without libVLC, ``vlc.Instance`` may return None).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QWidget

WIDTH, HEIGHT = 640, 360
"""Size of the frames decoded through callbacks (offscreen)."""


def _vlc() -> Any | None:
    try:
        import vlc
    except (ImportError, OSError):
        return None
    return vlc


def _shut_down(live: list[Any], _callbacks: tuple[Any, ...]) -> None:
    """Stop and release a libVLC player whose widget is gone, unless
    :meth:`CameraPlayer.release` did already (``_callbacks`` stay alive until then)."""
    while live:
        player = live.pop()
        player.stop()
        player.release()


class _Frames(QObject):
    """Carries "a frame is ready" from libVLC's thread to the GUI thread."""

    ready = Signal()


class CameraPlayer(QWidget):
    """Plays one URL at a time; ``frames`` counts the pictures drawn (callback mode)."""

    frame_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frames = 0
        self.url: str | None = None
        self.video = QFrame()
        self.video.setStyleSheet("background: black;")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: black; color: #ddd;")
        self.picture.setMinimumSize(320, 180)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.video)
        self._stack.addWidget(self.picture)
        self._callbacks = QGuiApplication.platformName() in ("offscreen", "minimal")
        self._stack.setCurrentWidget(self.picture if self._callbacks else self.video)
        self._buffer = ctypes.create_string_buffer(WIDTH * HEIGHT * 4)
        self._signal = _Frames()
        self._signal.ready.connect(self._show_frame, Qt.ConnectionType.QueuedConnection)
        vlc = _vlc()
        self._instance = vlc.Instance(["--aout=dummy", "--no-video-title-show", "--quiet",
                                       "--network-caching=300"]) if vlc else None
        player = self._instance.media_player_new() if self._instance else None
        if player is None:
            self._stack.setCurrentWidget(self.picture)
            self.picture.setText(self.tr("Máy này thiếu libVLC: không phát được video."))
        elif self._callbacks:
            self._hook_callbacks(vlc, player)
        # A player deleted with its window (never released) must not leave libVLC's
        # threads calling callbacks about to be freed, or drawing into a window that is
        # gone: stop it first (stop() returns once its threads are done). The slot holds
        # the libVLC player and the callbacks, not this widget.
        self._live: list[Any] = [player] if player is not None else []
        live, keep = self._live, getattr(self, "_keep", ())
        self.destroyed.connect(lambda *_: _shut_down(live, keep))

    @property
    def available(self) -> bool:
        return bool(self._live)

    def _current(self) -> Any:
        """The libVLC player, or None once released (by :meth:`release`, or because this
        widget was deleted: its Python side may outlive it)."""
        return self._live[0] if self._live else None

    def _hook_callbacks(self, vlc: Any, player: Any) -> None:
        buffer = ctypes.addressof(self._buffer)

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque: Any, planes: Any) -> Any:
            planes[0] = buffer
            return None

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock(_opaque: Any, _picture: Any, _planes: Any) -> None:
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque: Any, _picture: Any) -> None:
            self._signal.ready.emit()

        self._keep = (lock, unlock, display)  # ctypes callbacks must outlive the player
        player.video_set_callbacks(lock, unlock, display, None)
        player.video_set_format("RV32", WIDTH, HEIGHT, WIDTH * 4)

    def _show_frame(self) -> None:
        if self.url is None:
            return
        image = QImage(self._buffer.raw, WIDTH, HEIGHT, WIDTH * 4, QImage.Format.Format_RGB32)
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.frames += 1
        self.frame_shown.emit()

    def play(self, url: str) -> None:
        player = self._current()
        if player is None or self._instance is None:
            return
        self.url = url
        player.set_media(self._instance.media_new(url))
        if not self._callbacks:
            window = int(self.video.winId())
            if sys.platform.startswith("win"):
                player.set_hwnd(window)
            elif sys.platform == "darwin":
                player.set_nsobject(window)
            else:
                player.set_xwindow(window)
        player.play()

    def stop(self) -> None:
        self.url = None
        player = self._current()
        if player is not None:
            player.stop()
            self.picture.clear()

    def release(self) -> None:
        self.stop()
        player = self._current()
        if player is not None:
            self._live.clear()
            player.release()
