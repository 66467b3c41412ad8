"""``meeting-server minutes``: write a meeting's minutes (or conclusion notice) to a file.

Reads the database directly, so it works on a copy, on a backup, and beside a running
server (SQLite in WAL mode lets a reader in while the server writes). It never numbers or
issues anything: a number appears when ``minutes.issue`` / ``minutes.notice`` gave one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path


def cmd_minutes(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from server.errors import NotFound
    from server.modules import upgrade_schema as upgrade
    from server.modules.minutes.draft import LOCAL_TZ, build_draft
    from server.modules.minutes.tables import conclusion_notices
    from server.storage.db import default_db_url, make_engine

    engine = make_engine(args.db or default_db_url())
    try:
        upgrade(engine)  # a database from before the minutes tables existed
        with engine.connect() as conn:
            try:
                draft = build_draft(conn, args.meeting)
            except NotFound:
                print(f"no meeting {args.meeting} in {engine.url}", file=sys.stderr)
                return 2
            notice_row = conn.execute(select(conclusion_notices).where(
                conclusion_notices.c.meeting_id == args.meeting)).first()
    finally:
        engine.dispose()
    if args.notice:
        from server.modules.minutes.notice import notice_from_draft, render_notice_pdf

        if args.format != "pdf":
            print("the conclusion notice is written as PDF only", file=sys.stderr)
            return 2
        if notice_row is not None:
            issued_on, number = date.fromisoformat(notice_row.issued_on), notice_row.number
        else:
            issued_on, number = datetime.now(LOCAL_TZ).date(), None
        data = render_notice_pdf(notice_from_draft(draft, issued_on, number=number))
    elif args.format == "pdf":
        from server.modules.minutes.pdf import render_pdf

        data = render_pdf(draft)
    else:
        from server.modules.minutes.docx import render_docx

        data = render_docx(draft)
    out = Path(args.out)
    out.write_bytes(data)
    what = "conclusion notice" if args.notice else "minutes"
    print(f"{what} of meeting {args.meeting}: {out} ({len(data)} bytes)")
    return 0


def add_minutes_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                       db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare the ``minutes`` subcommand on ``meeting-server``'s parser."""
    p = sub.add_parser("minutes", help="write a meeting's minutes (biên bản) as PDF or DOCX")
    db_arg(p)
    p.add_argument("--meeting", type=int, required=True, help="meeting id")
    p.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--notice", action="store_true",
                   help="write the conclusion notice (thông báo kết luận) instead, as PDF")
    p.set_defaults(fn=cmd_minutes)
