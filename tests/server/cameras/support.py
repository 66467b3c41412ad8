"""A real test camera: ffmpeg sending an MPEG-TS test pattern over UDP, started and killed
at will, and ``meeting-server cameras`` run as a subprocess."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

SECRET = "m4tkhau-camera"
"""The password in every test camera URL: it must never leave the server."""


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TestSource:
    """``ffmpeg -re -f lavfi -i testsrc … -f mpegts udp://127.0.0.1:PORT``."""

    __test__ = False

    def __init__(self) -> None:
        self.port = free_udp_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"udp://kamera:{SECRET}@127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
             "testsrc=size=160x120:rate=10", "-g", "10", "-f", "mpegts",
             f"udp://127.0.0.1:{self.port}?pkt_size=1316"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def free_tcp_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HttpSource:
    """A test camera many may read at once over HTTP (``http_source.py``)."""

    __test__ = False

    def __init__(self, *quality: str) -> None:
        self.port = free_tcp_port()
        self.quality = quality
        """Optional ``(WxH, fps, bitrate)`` of the pattern (default: tiny)."""
        self.proc: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://kamera:{SECRET}@127.0.0.1:{self.port}/live.ts"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.server.cameras.http_source", str(self.port),
             *self.quality],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, start_new_session=True)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ready"

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None


def cameras_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "cameras", *args, "--db",
                           f"sqlite:///{db}"], capture_output=True, text=True, timeout=60)
