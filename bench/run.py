"""``python -m bench [NAME …] [--quick] [--n N]``: run benchmarks, print one table.

Every module ``bench/<name>.py`` with a ``run(quick)`` (see :mod:`bench.common`)
is discovered and run in name order, each in a fresh interpreter state of its
own worker processes and servers; ``bench.minutes`` predates the interface and
is adapted here by calling its functions; a module that has neither is listed
as skipped with the reason. The table goes to stdout (Markdown), the rows to
``bench/results/latest.json``. Exit status 1 when a measured target is missed,
2 when a benchmark failed to run.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import bench
from bench.common import (
    PYTHON,
    ROOT,
    Report,
    Row,
    log,
    machine_info,
    read_json,
    table,
    write_json,
)

NOT_BENCHMARKS = {"common", "run", "__main__", "registry_data", "registry_scroll"}
"""Helpers of benchmarks, not benchmarks."""
RESULTS = ROOT / "bench" / "results" / "latest.json"


def discover() -> list[str]:
    """Names of the benchmark modules in ``bench/``, sorted."""
    return sorted(m.name for m in pkgutil.iter_modules(bench.__path__)
                  if m.name not in NOT_BENCHMARKS and not m.name.startswith("_"))


# --- adapters for modules without run(quick) -----------------------------------------------


def _minutes(module: ModuleType, quick: bool) -> list[Row]:
    """``bench.minutes``: the worst-case session rendered to PDF and DOCX (best of 3)."""
    runs = 1 if quick else 3
    draft = module.big_session()
    pdf_s, _pdf = module.best_of(lambda: module.render_pdf(draft), runs)
    docx_s, _docx = module.best_of(lambda: module.render_docx(draft), runs)
    note = (f"{len(draft.items)} items, {draft.attendance.expected} delegates, "
            f"best of {runs}")
    return [
        Row("minutes", "minutes of a 4-hour session → PDF", pdf_s, "s",
            target=f"≤ {module.PDF_TARGET_S:g} s", ok=pdf_s <= module.PDF_TARGET_S, note=note),
        Row("minutes", "minutes of a 4-hour session → DOCX", docx_s, "s",
            target=f"≤ {module.DOCX_TARGET_S:g} s", ok=docx_s <= module.DOCX_TARGET_S,
            note=note),
    ]


_MEASURED = re.compile(r"^(-?[\d.,]+)\s*([A-Za-z/%]*)$")
"""A number and its unit, and nothing else ("0.92 s", "301 MB", "12")."""


def _client_start(_module: ModuleType, quick: bool) -> list[Row]:
    """``bench.client_start`` runs a GUI client in a child process: run it, read its table."""
    args = ["--seconds", "3" if quick else "10"]
    out = subprocess.run([PYTHON, "-m", "bench.client_start", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    rows = _parse_fixed_table(out.stdout, "client_start")
    if not rows:
        return [Row("client_start", "python -m bench.client_start", None, "",
                    ok=out.returncode == 0, note=f"exit {out.returncode}; no table")]
    return rows


def _parse_fixed_table(text: str, name: str) -> list[Row]:
    """Rows of a ``metric  target  measured  ok`` table printed with fixed columns."""
    lines = text.splitlines()
    head = next((i for i, line in enumerate(lines)
                 if line.startswith("metric") and "measured" in line), None)
    if head is None:
        return []
    header = lines[head]
    c_target, c_measured, c_ok = (header.index("target"), header.index("measured"),
                                  header.rindex("ok"))
    rows = []
    for line in lines[head + 1:]:
        if not line.strip():
            break
        metric = line[:c_target].strip()
        target = line[c_target:c_measured].strip()
        measured = line[c_measured:c_ok].strip()
        mark = line[c_ok:].strip()
        m = _MEASURED.match(measured)
        rows.append(Row(name, metric, float(m.group(1).replace(",", "")) if m else None,
                        m.group(2) if m else "", target=target,
                        ok=None if not mark else mark == "yes", note="" if m else measured))
    return rows


ADAPTERS: dict[str, Callable[[ModuleType, bool], list[Row]]] = {
    "minutes": _minutes,
    "client_start": _client_start,
}


# --- running -------------------------------------------------------------------------------


def run_one(name: str, quick: bool, n: int | None, report: Report) -> bool:
    """Run one benchmark into ``report``; False when it failed."""
    try:
        module = importlib.import_module(f"bench.{name}")
    except Exception as exc:  # a missing optional dependency, a syntax error …
        report.skipped.append((name, f"cannot import: {exc!r}"))
        return True
    fn = getattr(module, "run", None)
    t0 = time.perf_counter()
    log(f"{name}: start")
    try:
        if callable(fn):
            kwargs: dict[str, object] = {}
            if n is not None:
                if "n" in inspect.signature(fn).parameters:
                    kwargs["n"] = n
                else:
                    log(f"{name}: run() takes no n; --n ignored")
            rows = fn(quick, **kwargs)
        elif name in ADAPTERS:
            rows = ADAPTERS[name](module, quick)
        else:
            report.skipped.append((name, "no run(quick) -> list[Row] (see bench/common.py)"))
            return True
    except Exception:
        report.skipped.append((name, "FAILED: " + traceback.format_exc().strip().splitlines()[-1]))
        traceback.print_exc()
        return False
    report.rows.extend(rows)
    log(f"{name}: done in {time.perf_counter() - t0:.0f} s")
    return True


def _heading(info: dict[str, object]) -> str:
    """The machine line above a table: a busy machine shows in its load average."""
    load = info.get("load_before")
    loads = " ".join(f"{x:.2f}" for x in load) if isinstance(load, list | tuple) else "?"
    return (f"\nload average before: {loads}, {info.get('cpus')} CPUs, "
            f"Python {info.get('python')}{', --quick' if info.get('quick') else ''}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, seconds not minutes")
    parser.add_argument("--n", type=int, help="one size only, for benchmarks that take it")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--show", type=Path, metavar="JSON",
                        help="print the table of a results file written earlier and exit")
    parser.add_argument("--json", type=Path, default=RESULTS,
                        help=f"where to write the rows (default {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)

    if args.show:
        info, rows = read_json(args.show)
        print(_heading(info))
        print(table(rows))
        return 0
    available = discover()
    if args.list:
        for name in available:
            print(name)
        return 0
    unknown = [n for n in args.names if n not in available]
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (have: {', '.join(available)})")
    info = machine_info()
    report = Report()
    ok_run = True
    started = time.perf_counter()
    for name in args.names or available:
        ok_run &= run_one(name, args.quick, args.n, report)
    info["seconds"] = round(time.perf_counter() - started, 1)
    info["quick"] = args.quick
    write_json(args.json, report, info)
    print(_heading(info))
    print(table(report.rows))
    for name, why in report.skipped:
        print(f"\nskipped {name}: {why}")
    print(f"\nratio = product cost / raw-stack cost for the same operation in the same run "
          f"(1.00× = as fast as a bare websockets server). Rows: {args.json}")
    if not ok_run:
        return 2
    return 1 if any(r.ok is False for r in report.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
