"""A test camera over HTTP: ``python -m tests.server.cameras.http_source PORT [WxH FPS
BITRATE]`` runs one ffmpeg test pattern (MPEG-TS) and serves it to any number of HTTP
readers at once, as a real camera's HTTP stream does (``ffmpeg -listen 1`` serves one
reader, then exits)."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

READERS: set[queue.Queue[bytes]] = set()
LOCK = threading.Lock()


def pump(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    while chunk := proc.stdout.read1(16 << 10):
        with LOCK:
            for reader in list(READERS):
                if reader.qsize() < 256:
                    reader.put(chunk)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        mine: queue.Queue[bytes] = queue.Queue()
        with LOCK:
            READERS.add(mine)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "video/mp2t")
            self.end_headers()
            while True:
                self.wfile.write(mine.get())
        except OSError:
            pass
        finally:
            with LOCK:
                READERS.discard(mine)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    size, fps, rate = (sys.argv[2:5] if len(sys.argv) >= 5 else ("160x120", "10", ""))
    proc = subprocess.Popen(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
         f"testsrc=size={size}:rate={fps}", "-g", fps, *(["-b:v", rate] if rate else []),
         "-f", "mpegts", "pipe:1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    threading.Thread(target=pump, args=(proc,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    print("ready", flush=True)
    try:
        server.serve_forever()
    finally:
        proc.kill()


if __name__ == "__main__":
    main()
