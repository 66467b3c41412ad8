"""Benchmark: N terminals fetch a meeting's paper pack at once, against a static file server.

A demo meeting gets a 20 MB pack (four papers of 5 MB, incompressible like
real PDFs' streams; ``--quick``: 20 terminals, 5 MB) through
``meeting-server documents add``. Then N terminals (100) — spread over
worker processes so that one Python client process is not the bottleneck —
each sign in, open a transfer connection and prefetch every paper with the
real client code (:class:`meeting_client.sync.documents.DocumentCache`:
binary frames with credit-based flow control, written to disk, SHA-256
verified). The clock runs from one common start instant to the last
terminal holding the whole pack.

The comparison, in the same run, on the same files and with the same
client-side work (write to disk, hash, verify): nginx (Debian's, one worker,
``sendfile``) serving the blob folder over HTTP/1.1 keep-alive, fetched by a
minimal asyncio HTTP client — or Python's threaded ``http.server`` when
nginx is not installed. Target: aggregate throughput ≥ 0.8× the static
server's. A second entry with the same caches must move 0 bytes.

    .venv/bin/python -m bench documents [--quick] [--n N]
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import (
    LOOPBACK,
    PYTHON,
    ROOT,
    Row,
    ServerProcess,
    check,
    log,
    median,
    now_ns,
    scratch_dir,
    username,
)
from tests.support.live import init_demo_db

TITLE = "N terminals fetch a 20 MB paper pack at once vs a static file server"
TARGET = 0.8
WORKERS = 4


def make_pack(folder: Path, total_mb: int, papers: int = 4) -> list[Path]:
    """Papers of incompressible bytes in a minimal PDF envelope (the server checks it)."""
    folder.mkdir(parents=True, exist_ok=True)
    each = total_mb * (1 << 20) // papers
    paths = []
    for i in range(papers):
        path = folder / f"tai-lieu-{i + 1}.pdf"
        body = os.urandom(each - 64)
        path.write_bytes(b"%PDF-1.7\n%" + body + b"\nstartxref\n0\n%%EOF\n")
        paths.append(path)
    return paths


# --- the terminals (worker processes) ------------------------------------------------------


async def _ours(url: str, tokens: list[str], docs: list[dict[str, Any]], cache_root: str,
                start_ns: int, tag: int, via: str = "http") -> list[tuple[int, int]]:
    from meeting_client.sync.documents import DocumentCache, TransferChannel
    from meeting_protocol.documents import DocumentInfo

    infos = [DocumentInfo(**d) for d in docs]
    channels = []
    for token in tokens:
        channel = TransferChannel(url, token, downloads=via)  # type: ignore[arg-type]
        await channel.open()
        channels.append(channel)
    await asyncio.sleep(max(0.0, (start_ns - now_ns()) / 1e9))

    async def one(i: int, channel: Any) -> tuple[int, int]:
        cache = DocumentCache(Path(cache_root) / f"t{tag}-{i}")
        report = await cache.prefetch(channel, infos)
        if report.failed:
            raise RuntimeError(f"terminal {i}: {report.failed}")
        return report.transferred, now_ns()

    try:
        return list(await asyncio.gather(*(one(i, c) for i, c in enumerate(channels))))
    finally:
        await asyncio.gather(*(c.close() for c in channels))


async def _http_fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str,
                      path: str, dest: Path, sha256: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = head.split(b" ", 2)[1]
    if status != b"200":
        raise RuntimeError(f"HTTP {status!r} for {path}")
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    digest = hashlib.sha256()
    dest.parent.mkdir(parents=True, exist_ok=True)
    left = length
    with dest.open("wb") as f:
        while left:
            chunk = await reader.read(min(left, 256 << 10))
            if not chunk:
                raise RuntimeError("connection closed mid-body")
            f.write(chunk)
            digest.update(chunk)
            left -= len(chunk)
    if digest.hexdigest() != sha256:
        raise RuntimeError("hash mismatch")
    return length


async def _http(base: tuple[str, int], count: int, docs: list[dict[str, Any]], cache_root: str,
                start_ns: int, tag: int) -> list[tuple[int, int]]:
    host, port = base
    conns = [await asyncio.open_connection(host, port, limit=1 << 20) for _ in range(count)]
    await asyncio.sleep(max(0.0, (start_ns - now_ns()) / 1e9))

    async def one(i: int, reader: Any, writer: Any) -> tuple[int, int]:
        moved = 0
        for d in docs:
            dest = Path(cache_root) / f"h{tag}-{i}" / f"{d['sha256']}.pdf"
            moved += await _http_fetch(reader, writer, f"{host}:{port}",
                                       f"/{d['sha256'][:2]}/{d['sha256']}", dest, d["sha256"])
        return moved, now_ns()

    try:
        return list(await asyncio.gather(*(one(i, r, w) for i, (r, w) in enumerate(conns))))
    finally:
        for _r, w in conns:
            w.close()


def _worker(job: dict[str, Any]) -> list[tuple[int, int]]:
    if job["mode"] == "ours":
        return asyncio.run(_ours(job["url"], job["tokens"], job["docs"], job["cache"],
                                 job["start_ns"], job["tag"], job.get("via", "http")))
    return asyncio.run(_http(tuple(job["base"]), job["count"], job["docs"], job["cache"],
                             job["start_ns"], job["tag"]))


def _split(items: list[Any], parts: int) -> list[list[Any]]:
    return [items[i::parts] for i in range(parts) if items[i::parts]]


def _run_jobs(jobs: list[dict[str, Any]]) -> tuple[float, int]:
    """Run the workers; (seconds from the common start to the last terminal done, bytes)."""
    ctx = multiprocessing.get_context("spawn")
    start_ns = now_ns() + int(4e9)  # time for spawned workers to import and connect
    for tag, job in enumerate(jobs):
        job["start_ns"] = start_ns
        job["tag"] = tag
    with ctx.Pool(len(jobs)) as pool:
        results = pool.map(_worker, jobs)
    done = [r for part in results for r in part]
    return (max(t for _b, t in done) - start_ns) / 1e9, sum(b for b, _t in done)


# --- the static file server ----------------------------------------------------------------


class StaticServer:
    """nginx on a loopback port with a private config, or Python's threaded http.server."""

    def __init__(self, root: Path, workdir: Path) -> None:
        self.root = root
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.kind = ""
        self._httpd: Any = None

    def start(self) -> None:
        import socket

        with socket.socket() as s:
            s.bind((LOOPBACK, 0))
            self.port = s.getsockname()[1]
        nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                          else None)
        if nginx:
            conf = self.workdir / "nginx.conf"
            user = "user root;\n" if os.geteuid() == 0 else ""
            conf.write_text(
                f"{user}worker_processes 1;\ndaemon off;\npid {self.workdir}/nginx.pid;\n"
                f"error_log {self.workdir}/error.log;\nevents {{ worker_connections 4096; }}\n"
                "http {\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
                " keepalive_requests 100000;\n default_type application/pdf;\n"
                f" client_body_temp_path {self.workdir}/body;\n"
                f" proxy_temp_path {self.workdir}/proxy;\n"
                f" fastcgi_temp_path {self.workdir}/fastcgi;\n"
                f" uwsgi_temp_path {self.workdir}/uwsgi;\n scgi_temp_path {self.workdir}/scgi;\n"
                f" server {{ listen {LOOPBACK}:{self.port}; root {self.root}; }}\n}}\n")
            self.proc = subprocess.Popen([nginx, "-c", str(conf), "-p", str(self.workdir)],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.kind = "nginx (1 worker, sendfile)"
        else:
            from functools import partial
            from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

            class KeepAlive(SimpleHTTPRequestHandler):
                # Set on a subclass: attributes set on a functools.partial never reach the
                # handler, which then answered HTTP/1.0 and closed every connection after
                # one file (the bench's client keeps its connection for all the papers).
                protocol_version = "HTTP/1.1"

                def log_message(self, format: str, *args: Any) -> None:
                    pass

            handler = partial(KeepAlive, directory=str(self.root))
            self._httpd = ThreadingHTTPServer((LOOPBACK, self.port), handler)
            threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
            self.kind = "Python http.server (threaded)"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((LOOPBACK, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"{self.kind} did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
        if self._httpd is not None:
            self._httpd.shutdown()


# --- the run -------------------------------------------------------------------------------


async def _tokens(url: str, users: list[str]) -> list[str]:
    """Sign every terminal in once (before the clock runs); their session tokens."""
    import msgspec
    from websockets.asyncio.client import connect

    tokens = []
    for user in users:
        async with connect(url, compression=None) as ws:
            await ws.send(msgspec.json.encode({"id": 1, "type": "auth.login", "username": user,
                                               "password": "demo"}).decode())
            reply = msgspec.json.decode(await ws.recv())
            tokens.append(reply["data"]["token"])
    return tokens


def measure(n: int, pack_mb: int, rounds: int) -> list[Row]:
    """Both servers run side by side; rounds alternate between them (the machine is
    shared, so load that comes and goes hits both columns alike); medians are kept."""
    users = [username(i, n) for i in range(1, n + 1)]
    workers = min(WORKERS, n)
    ours_rates: list[float] = []
    frame_rates: list[float] = []
    static_rates: list[float] = []
    with scratch_dir(f"documents{n}") as tmp:
        db = tmp / "demo.sqlite3"
        init_demo_db(db, n)
        papers = make_pack(tmp / "pack", pack_mb)
        subprocess.run([PYTHON, "-m", "server.cli", "documents", "add", "--db",
                        f"sqlite:///{db}", "--meeting", "1", *map(str, papers)],
                       check=True, capture_output=True, cwd=ROOT, timeout=300)
        server = ServerProcess(db)
        server.start()
        static = StaticServer(db.parent / (db.stem + "-files"), tmp)
        static.start()
        try:
            tokens = asyncio.run(_tokens(server.url, users))
            docs = asyncio.run(_list(server.url, tokens[0]))
            pack = [d for d in docs if d["filename"].startswith("tai-lieu-")]
            size = sum(d["size"] for d in pack)
            log(f"documents N={n}: {len(pack)} papers, {size / 2**20:.1f} MiB each terminal, "
                f"{rounds} rounds each against the meeting server and {static.kind}")
            cache, hcache = tmp / "cache", tmp / "hcache"
            for r in range(rounds):
                for via, rates in (("frames", frame_rates), ("http", ours_rates)):
                    shutil.rmtree(cache, ignore_errors=True)
                    jobs = [{"mode": "ours", "via": via, "url": server.url, "tokens": part,
                             "docs": pack, "cache": str(cache)}
                            for part in _split(tokens, workers)]
                    secs, moved = _run_jobs(jobs)
                    if moved != n * size:
                        raise RuntimeError(f"{via}: moved {moved} of {n * size} bytes")
                    rates.append(moved / secs / 2**20)
                shutil.rmtree(hcache, ignore_errors=True)
                hjobs = [{"mode": "http", "base": [LOOPBACK, static.port], "count": len(part),
                          "docs": pack, "cache": str(hcache)}
                         for part in _split(tokens, workers)]
                hsecs, hmoved = _run_jobs(hjobs)
                if hmoved != n * size:
                    raise RuntimeError(f"static server moved {hmoved} of {n * size} bytes")
                static_rates.append(hmoved / hsecs / 2**20)
                log(f"documents N={n} round {r + 1}: HTTP ranges {ours_rates[-1]:.0f} MiB/s, "
                    f"binary frames {frame_rates[-1]:.0f} MiB/s, "
                    f"{static.kind} {static_rates[-1]:.0f} MiB/s")
            # Second entry: the same terminals, the same caches.
            jobs = [{"mode": "ours", "url": server.url, "tokens": part, "docs": pack,
                     "cache": str(cache)} for part in _split(tokens, workers)]
            _secs2, moved2 = _run_jobs(jobs)
            log(f"documents N={n}: second entry moved {moved2} bytes")
        finally:
            static.stop()
            server.stop()
    ours, theirs = median(ours_rates), median(static_rates)
    # Rounds alternate, so each round's pair saw the same load: judge by the pairs.
    paired = [a / b for a, b in zip(ours_rates, static_rates, strict=True)]
    row = Row("documents", f"N={n} terminals fetch a {pack_mb} MB pack at once over HTTP "
              "ranges (aggregate)",
              ours, "MiB/s", baseline=theirs, better="higher",
              target=f"≥ {TARGET}× static server (median of paired rounds)",
              note=f"vs {static.kind}; {rounds} alternating rounds, per-round "
                   f"ours/static {', '.join(f'{x:.2f}' for x in paired)} → median "
                   f"{median(paired):.2f}; disk write + SHA-256 on both sides")
    row.ok = median(paired) >= TARGET
    frames = Row("documents", "the same over binary WebSocket frames (flow control, acks)",
                 median(frame_rates), "MiB/s", baseline=theirs, better="higher",
                 note="the alternative path, for comparison; uploads always use frames")
    second = Row("documents", f"second entry of N={n} terminals: bytes transferred", moved2,
                 "B", target="0", ok=check(moved2, at_most=0))
    return [row, frames, second]


async def _list(url: str, token: str) -> list[dict[str, Any]]:
    from meeting_client.sync.documents import TransferChannel

    channel = TransferChannel(url, token)
    await channel.open()
    try:
        data = await channel.request("document.list", {"meeting_id": 1})
    finally:
        await channel.close()
    return list(data["documents"])


def run(quick: bool, n: int | None = None) -> list[Row]:
    size = n or (20 if quick else 100)
    return measure(size, 5 if quick else 20, 2 if quick else 3)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from bench.run import main

    raise SystemExit(main(["documents"]))
