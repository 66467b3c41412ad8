"""The sound at the end of a speaking time: a short two-tone WAV, or the system beep.

QtMultimedia is imported only when the chair console first needs it (it costs
start-up time and needs PulseAudio); without it, or without an audio device,
``QApplication.beep()`` is used.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

RATE = 44100


def chime_wav(path: Path) -> None:
    """Write 0.6 s of two soft sine tones (880 Hz, then 660 Hz) with a fade."""
    frames = bytearray()
    n = int(RATE * 0.3)
    for freq in (880.0, 660.0):
        for i in range(n):
            envelope = min(1.0, i / 400) * min(1.0, (n - i) / 2000)
            sample = int(12000 * envelope * math.sin(2 * math.pi * freq * i / RATE))
            frames += struct.pack("<h", sample)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))


class Chime(QObject):
    """Plays the chime; falls back to the beep when sound is not available."""

    def __init__(self, parent: QObject | None = None, *, use_sound: bool = True) -> None:
        super().__init__(parent)
        self._effect = None
        self.played = 0
        if use_sound and QGuiApplication.platformName() not in ("offscreen", "minimal"):
            try:
                from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

                if not QMediaDevices.audioOutputs():
                    raise RuntimeError("no audio output")

                self._dir = tempfile.TemporaryDirectory(prefix="meeting-chime-")
                path = Path(self._dir.name) / "chime.wav"
                chime_wav(path)
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                self._effect = effect
            except Exception:  # no QtMultimedia backend: beep instead
                self._effect = None

    def play(self) -> None:
        self.played += 1
        if self._effect is not None and self._effect.isLoaded():
            self._effect.play()
        else:
            QApplication.beep()
