"""The register view scrolled through the whole register; prints the GUI thread's
longest stall (ms) and the rows swept. Run by ``bench/registry.py`` in a child process
(its own QApplication, offscreen): ``python -m bench.registry_scroll URL N``.

A 2 ms heartbeat timer measures the event loop: a gap between beats longer than usual
is time the GUI thread spent elsewhere. Meanwhile the scroll bar is dragged top to bottom
in 400 steps (as a hand drags the thumb: ~N/400 rows a step), then paged down and up
200 times, each step on the next frame (16 ms); the page the view shows must arrive.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.ui.registry.register_page import RegisterPage

BEAT_MS = 2
FRAME_MS = 16


def main(url: str, n: int) -> int:
    app = QApplication([])
    bridge = Bridge()
    bridge.start()
    account = Account(bridge)
    done = {"signed": False}
    account.signed_in.connect(lambda _me: done.__setitem__("signed", True))
    account.sign_in(url, "d001", "demo")

    def wait(predicate, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout
        while not predicate():
            app.processEvents()
            time.sleep(0.001)
            if time.monotonic() > end:
                raise TimeoutError("condition not met")

    wait(lambda: done["signed"])
    page = RegisterPage(bridge)
    page.resize(1920, 1080)
    page.show()
    page.model.set_search(query="", direction=None, sort_key="number", resort=True)
    wait(lambda: page.model.total > 0 and page.model.entry(0) is not None)
    bar = page.table.verticalScrollBar()
    worst = 0.0
    last = time.perf_counter()

    where = [""]
    step = [""]

    worst_cpu = 0.0
    last_cpu = time.thread_time()

    def beat() -> None:
        nonlocal worst, last, worst_cpu, last_cpu
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - last) * 1000 - BEAT_MS
        if gap > worst:
            worst = gap
            where[0] = step[0]
        worst_cpu = max(worst_cpu, (cpu - last_cpu) * 1000)
        last, last_cpu = now, cpu

    import gc

    gc_worst = [0.0, 0.0]

    def on_gc(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            gc_worst[1] = time.perf_counter()
        else:
            gc_worst[0] = max(gc_worst[0], (time.perf_counter() - gc_worst[1]) * 1000)

    gc.callbacks.append(on_gc)
    heart = QTimer()
    heart.setInterval(BEAT_MS)
    heart.timeout.connect(beat)
    heart.start()
    pages = [("drag", i) for i in range(401)] + [("down", 0)] * 200 + [("up", 0)] * 200
    swept = 0
    for kind, value in pages:
        before = bar.value()
        step[0] = f"{kind} {value} at {before}"
        if kind == "drag":
            bar.setValue(round(bar.maximum() * value / 400))
        elif kind == "down":
            bar.setValue(before + bar.pageStep())
        else:
            bar.setValue(before - bar.pageStep())
        swept += abs(bar.value() - before)
        end = time.perf_counter() + FRAME_MS / 1000
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.0005)
    first = page.table.rowAt(0)
    wait(lambda: page.model.entry(first) is not None)  # the last screen did arrive
    heart.stop()
    bridge.stop()
    print(f"max={bar.maximum()} total={page.model.total} worst at {where[0]} gc {gc_worst[0]:.1f}",
          file=sys.stderr)
    print(f"{worst:.1f} {worst_cpu:.1f} {swept}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2])))
