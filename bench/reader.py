"""Benchmark: the reader — first page of a 300-page paper on screen, and page turns.

The reader (``meeting_client.ui.reader.ReaderWidget``, QPdfView underneath) runs
offscreen at 1280×800, fitted to width. *First page*: from ``open_file`` to
the moment the first page's image is painted into the window
(``PageView.page_painted``, emitted from the paint itself). The raw stack,
in the same run: pypdfium2 opening the same file and rendering page 1 at the
same pixel size. *Page turn*: from ``go_to_page(n)`` to page n painted, for
pages not rendered before.

Targets: first page ≤ 1.2× pypdfium2; page turn ≤ 50 ms.

    .venv/bin/python -m bench reader [--quick]
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from bench.common import Row, check, log, median, scratch_dir

TITLE = "reader: first page of a 300-page paper, page turns"
FIRST_RATIO_TARGET = 1.2
TURN_TARGET_MS = 50.0


def _time_to_paint(app: object, reader: object, page: int, action: object,
                   deadline_s: float = 5.0) -> float:
    """Run ``action()`` and the event loop until ``page``'s image is painted; ms taken."""
    painted: list[float] = []

    def seen(p: int) -> None:
        if p == page and not painted:
            painted.append(time.perf_counter())

    view = reader.view  # type: ignore[attr-defined]
    view.page_painted.connect(seen)
    try:
        start = time.perf_counter()
        action()  # type: ignore[operator]
        while not painted:
            app.processEvents()  # type: ignore[attr-defined]
            if time.perf_counter() - start > deadline_s:
                raise RuntimeError(f"page {page + 1} never painted")
        return (painted[0] - start) * 1000
    finally:
        view.page_painted.disconnect(seen)


def measure(rounds: int, turns: int) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pypdfium2 as pdfium
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from meeting_client.ui.reader import ReaderWidget
    from server.demo_papers import big_paper

    app = QApplication.instance() or QApplication([])
    with scratch_dir("reader") as tmp:
        path = tmp / "tai-lieu-300-trang.pdf"
        path.write_bytes(big_paper(300))
        reader = ReaderWidget()
        reader.resize(1280, 800)
        reader.show()
        app.processEvents()
        firsts: list[float] = []
        raws: list[float] = []
        qtpdf: list[float] = []
        width_px = 0
        for r in range(rounds + 1):  # round 0 warms both up
            shown = _time_to_paint(app, reader, 0, lambda: reader.open_file(
                Path(path), document_id=1, title="Tài liệu 300 trang"))
            for _ in range(50):  # let thumbnails, outline and layout settle
                app.processEvents()
            width_px = reader.view.page_rect(0).width()
            t2 = time.perf_counter()
            pdf = pdfium.PdfDocument(str(path))
            page = pdf[0]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale)  # rendered into a bitmap: done
            del bitmap
            t3 = time.perf_counter()
            page.close()
            pdf.close()
            # The floor of any QtPdf reader: the library alone, no widget, same size.
            t4 = time.perf_counter()
            bare = QPdfDocument()
            bare.load(str(path))
            bare.render(0, QSize(width_px, int(width_px * 842 / 595)))
            t5 = time.perf_counter()
            bare.close()
            if r:
                firsts.append(shown)
                raws.append((t3 - t2) * 1000)
                qtpdf.append((t5 - t4) * 1000)
        log(f"reader: first page {median(firsts):.1f} ms, pypdfium2 {median(raws):.1f} ms "
            f"at {width_px} px wide")
        rng = random.Random(7)
        pages = rng.sample(range(5, 299), turns)
        turn_ms = []
        for target in pages:
            turn_ms.append(_time_to_paint(app, reader, target,
                                          lambda t=target: reader.go_to_page(t + 1)))
        log(f"reader: page turn median {median(turn_ms):.1f} ms, worst {max(turn_ms):.1f} ms")
        reader.close()
    first = Row("reader", "first page of a 300-page paper on screen (open → painted)",
                median(firsts), "ms", baseline=median(raws),
                note=f"raw = pypdfium2 open + render page 1 at {width_px} px wide; "
                     f"{rounds} rounds", target=f"≤ {FIRST_RATIO_TARGET}× pypdfium2")
    if first.ratio is not None:
        first.ok = first.ratio <= FIRST_RATIO_TARGET
    floor = Row("reader", "QtPdf alone: QPdfDocument load + render page 1, same size",
                median(qtpdf), "ms", baseline=median(raws),
                note="the floor for any QtPdf-based reader; for comparison")
    turn = Row("reader", "page turn to a page not yet rendered (go_to_page → painted)",
               median(turn_ms), "ms", note=f"worst of {turns}: {max(turn_ms):.0f} ms",
               target=f"≤ {TURN_TARGET_MS:.0f} ms",
               ok=check(median(turn_ms), at_most=TURN_TARGET_MS))
    return [first, floor, turn]


def run(quick: bool) -> list[Row]:
    return measure(5 if quick else 15, 10 if quick else 40)


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["reader"]))
