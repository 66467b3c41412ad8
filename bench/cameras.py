"""Camera watching: one ffmpeg pull fanned out to N watchers — CPU and throughput.

A real server and an HTTP MPEG-TS test camera (640×360, 25 fps, 2 Mbit/s); N HTTP
readers of ``camera.watch`` URLs in this process. Measured over a fixed window: the
server process's CPU (the Python fan-out) and its ffmpeg pull's (``-c copy``), both in
% of one core; the number of pulls (must be 1); the slowest watcher's throughput
against the single watcher's. The baseline column is the same figure with one watcher.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
import psutil

from bench.common import Row, ServerProcess, check, log, scratch_dir
from tests.server.cameras.support import HttpSource, cameras_cli
from tests.support.live import init_demo_db
from tests.support.wsclient import WsClient

TITLE = "Cameras: one ffmpeg pull per camera fanned out to N watchers"


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


def _pulls(server: psutil.Process) -> list[psutil.Process]:
    return [c for c in server.children() if c.name().startswith("ffmpeg")]


async def _measure(server: ServerProcess, n: int, window: float) -> dict[str, float]:
    client = await WsClient.signed_in(server.url, "vanhanh")
    try:
        urls = [(await client.call("camera.watch", camera_id=1))["url"] for _ in range(n)]
    finally:
        await client.close()
    assert server.proc is not None
    proc = psutil.Process(server.proc.pid)
    counts = [0] * n
    stop = asyncio.Event()

    async def watch(i: int, http: aiohttp.ClientSession) -> None:
        async with http.get(urls[i]) as response:
            while not stop.is_set():
                chunk = await response.content.readany()
                if not chunk:
                    return
                counts[i] += len(chunk)

    async with aiohttp.ClientSession() as http:
        tasks = [asyncio.create_task(watch(i, http)) for i in range(n)]
        while not _pulls(proc) or min(counts) == 0:  # warm-up: every watcher has bytes
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)
        pulls = _pulls(proc)
        start = time.monotonic()
        before = (_cpu(proc), sum(_cpu(p) for p in pulls), list(counts))
        await asyncio.sleep(window)
        spent = time.monotonic() - start
        after = (_cpu(proc), sum(_cpu(p) for p in pulls), list(counts))
        stop.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    rates = [(a - b) / spent / 1024 for a, b in zip(after[2], before[2], strict=True)]
    return {"server": 100 * (after[0] - before[0]) / spent,
            "pull": 100 * (after[1] - before[1]) / spent,
            "pulls": len(pulls), "slowest": min(rates)}


def run(quick: bool, n: int | None = None) -> list[Row]:
    watchers = n or (5 if quick else 50)
    window = 4.0 if quick else 10.0
    source = HttpSource("640x360", "25", "2M")
    source.start()
    try:
        with scratch_dir("cameras") as tmp:
            db = tmp / "demo.sqlite3"
            init_demo_db(db, 30)
            assert cameras_cli(db, "add", "--name", "Bench", "--group", "B",
                               "--url", source.url).returncode == 0
            server = ServerProcess(db)
            server.start()
            try:
                log(f"cameras: 1 watcher, then {watchers}, {window:.0f} s each")
                one = asyncio.run(_measure(server, 1, window))
                many = asyncio.run(_measure(server, watchers, window))
            finally:
                server.stop()
    finally:
        source.kill()
    return [
        Row("cameras", f"server CPU, {watchers} watchers", round(many["server"], 2),
            "% core", baseline=round(one["server"], 2), note="baseline: 1 watcher"),
        Row("cameras", f"ffmpeg pull CPU, {watchers} watchers", round(many["pull"], 2),
            "% core", baseline=round(one["pull"], 2), note="baseline: 1 watcher"),
        Row("cameras", f"pulls for {watchers} watchers", many["pulls"], "processes",
            target="1", ok=check(many["pulls"], at_most=1, at_least=1)),
        Row("cameras", f"slowest of {watchers} watchers", round(many["slowest"]), "KiB/s",
            baseline=round(one["slowest"]), better="higher",
            target="≥ 0.9 × one watcher",
            ok=check(many["slowest"], at_least=0.9 * one["slowest"])),
    ]


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
