"""``meeting-server registry import FILE.xlsx|csv``: bring a city's existing registers in.

All or nothing: any rejected row (row number and the reason, in Vietnamese) means nothing
is imported and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path


def cmd_import(args: argparse.Namespace) -> int:
    from server.modules import upgrade_schema
    from server.modules.registry.importer import check_all, read_rows, write_all
    from server.storage.committer import utc_now_iso
    from server.storage.db import default_db_url, make_engine

    path = Path(args.file)
    if not path.is_file():
        print(f"Không tìm thấy tệp {path}.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        report = check_all(read_rows(path), args.direction)
    except (OSError, ValueError, KeyError) as exc:
        print(f"Không đọc được tệp {path}: {exc}", file=sys.stderr)
        return 2
    if report.rejected:
        _print_rejected(report.rejected)
        return 1
    engine = make_engine(args.db or default_db_url())
    try:
        upgrade_schema(engine)
        with engine.begin() as conn:
            taken = write_all(conn, report.accepted, utc_now_iso())
            if taken:
                conn.rollback()
    finally:
        engine.dispose()
    if taken:
        lines = _source_lines(path)
        _print_rejected([(lines[i], reason) for i, reason in taken])
        return 1
    elapsed = time.perf_counter() - started
    n = len(report.accepted)
    print(f"Đã nhập {n} văn bản trong {elapsed:.2f} s ({n / max(elapsed, 1e-9):.0f} văn bản/s).")
    return 0


def _source_lines(path: Path) -> list[int]:
    from server.modules.registry.importer import read_rows

    return [n for n, _ in read_rows(path)]


def _print_rejected(rejected: list[tuple[int, str]]) -> None:
    print(f"Không nhập gì: {len(rejected)} dòng bị từ chối.", file=sys.stderr)
    for n, reason in rejected:
        print(f"Dòng {n}: {reason}", file=sys.stderr)


def add_registry_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                        db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("registry", help="the documents registry (sổ văn bản đến / đi)")
    inner = p.add_subparsers(dest="registry_command", required=True)
    imp = inner.add_parser("import", help="import a register from .xlsx or .csv (all or none)")
    imp.add_argument("file")
    imp.add_argument("--direction", choices=("in", "out"), default=None,
                     help="the register of rows without a Sổ column")
    db_arg(imp)
    imp.set_defaults(fn=cmd_import)
