"""A real ``meeting-server`` process on a real SQLite file, for integration tests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable


def init_demo_db(path: Path, delegates: int) -> None:
    subprocess.run(
        [PYTHON, "-m", "server.cli", "init", "--demo", "--delegates", str(delegates),
         "--db", f"sqlite:///{path}"],
        check=True, capture_output=True, timeout=300,  # a 1000-delegate bench database
    )


def copy_db(src: Path, dst: Path) -> None:
    """Copy a database and its document folder (WAL already checkpointed by init)."""
    shutil.copy(src, dst)
    files = src.parent / (src.stem + "-files")
    if files.exists():
        shutil.copytree(files, dst.parent / (dst.stem + "-files"))


class LiveServer:
    """Runs ``meeting-server serve``; ``kill()`` / ``start()`` keep the same port."""

    def __init__(self, db_path: Path, *, extra_args: list[str] | None = None,
                 db_url: str | None = None,
                 preexec: Callable[[], object] | None = None) -> None:
        self.preexec = preexec
        """Runs in the child before the server starts (e.g. raising its file limit)."""
        self.db_path = db_path
        self.db_url = db_url or f"sqlite:///{db_path}"
        self.port = 0
        self.scheme = "ws"
        self.api = ""
        """The HTTP API's base URL (``http://127.0.0.1:PORT``), as the server printed it."""
        """``wss`` once the server said it listens with TLS."""
        self.extra_args = extra_args or []
        self.proc: subprocess.Popen[str] | None = None
        self.output: list[str] = []
        self._pump: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/ws"

    @property
    def http(self) -> str:
        return f"{'https' if self.scheme == 'wss' else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            raise RuntimeError("already running")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "server.cli", "serve", "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port),
             "--api-port", self.api.rsplit(":", 1)[1] if self.api else "0", *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
            preexec_fn=self.preexec,
        )
        ready = threading.Event()
        proc = self.proc

        def pump() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                self.output.append(line)
                if line.startswith("api on "):
                    self.api = line.split()[2]
                if line.startswith(("listening on ws://", "listening on wss://")):
                    self.scheme = line.split()[2].split(":")[0]
                    self.port = int(line.rsplit(":", 1)[1].split("/")[0])
                    ready.set()
            ready.set()

        self._pump = threading.Thread(target=pump, daemon=True)
        self._pump.start()
        if not ready.wait(timeout) or proc.poll() is not None:
            raise RuntimeError("server did not start:\n" + "".join(self.output))

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush beyond what was committed."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self._reap()

    def _reap(self) -> None:
        """Collect the output pump and close the pipe of an ended process."""
        if self._pump is not None:
            self._pump.join(10)
            self._pump = None
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()

    def stop(self, timeout: float = 15.0) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reap()
        return self.proc.returncode

    def log(self) -> str:
        return "".join(self.output)
