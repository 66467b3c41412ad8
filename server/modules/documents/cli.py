"""``meeting-server documents add``: put papers into a meeting from the command line.

Runs against the database directly, in one transaction per file, with the
same checks, conversion and events as an upload from a terminal. It may run
beside a live server: the event chain is extended where it stands on disk.
The server does not push these events itself; terminals notice the gap in
``seq`` at the next event and fetch what they missed (``since``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from server.errors import ProtocolError
from server.storage.db import blob_dir_for, default_db_url, make_engine


def parse_access(text: str) -> tuple[str, list[str]]:
    """``all``, ``confidential``, or a comma-separated list of user names."""
    if text in ("all", "confidential"):
        return text, []
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("--access: all, confidential or USER,USER")
    return "users", names


def cmd_documents_add(args: argparse.Namespace) -> int:
    from meeting_protocol.events import EventData, data_of
    from server.modules import upgrade_schema as upgrade
    from server.modules.accounts.tables import users
    from server.modules.documents import service
    from server.modules.documents.store import BlobStore
    from server.modules.meetings.tables import meetings
    from server.storage.committer import utc_now_iso
    from server.storage.eventlog import append_event

    url = args.db or default_db_url()
    engine = make_engine(url)
    upgrade(engine)
    blobs = BlobStore(blob_dir_for(url))
    access, names = parse_access(args.access)
    files = [Path(f) for f in args.files]
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"no such file: {missing[0]}", file=sys.stderr)
        return 2
    status = 0
    with engine.connect() as conn:
        if conn.execute(select(meetings.c.id).where(meetings.c.id == args.meeting)
                        ).first() is None:
            print(f"no meeting {args.meeting}", file=sys.stderr)
            return 2
        ids = dict(conn.execute(select(users.c.username, users.c.id)
                                .where(users.c.username.in_(names))).all()) if names else {}
        unknown = [n for n in names if n not in ids]
        if unknown:
            print(f"unknown users: {', '.join(unknown)}", file=sys.stderr)
            return 2
    for path in files:
        title = args.title if args.title and len(files) == 1 else path.stem
        scratch = Path(tempfile.mkstemp(prefix="cli-", dir=blobs.scratch_dir())[1])
        shutil.copyfile(path, scratch)
        try:
            ingested = service.ingest_file(blobs, scratch, path.name)
        except ProtocolError as exc:
            print(f"{path}: {exc.message}", file=sys.stderr)
            status = 2
            continue
        try:
            with engine.begin() as conn:
                now = utc_now_iso()

                def emit(topic: str, payload: EventData, conn: Any = conn,
                         now: str = now) -> Any:
                    return append_event(conn, topic, payload.NAME, data_of(payload), now)

                info = service.add_document(
                    conn, emit, now, meeting_id=args.meeting, title=title,
                    filename=path.name, ingested=ingested, agenda_item_id=args.item,
                    access=access, listed=[ids[n] for n in names])
        except BaseException as exc:
            for blob in ingested.new_blobs:
                blobs.remove(blob)
            if isinstance(exc, ProtocolError):
                print(f"{path}: {exc.message}", file=sys.stderr)
                status = 2
                continue
            raise
        converted = " (converted from office file)" if info.original_sha256 else ""
        print(f"document {info.id}: {info.title} — {info.size} bytes, sha256 {info.sha256}"
              f"{converted}")
    engine.dispose()
    return status


def add_documents_parser(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("documents", help="meeting papers")
    dsub = p.add_subparsers(dest="documents_command", required=True)
    add = dsub.add_parser("add", help="add papers (PDF, or office files converted to PDF)")
    db_arg(add)
    add.add_argument("--meeting", type=int, required=True)
    add.add_argument("--item", type=int, help="agenda item the papers belong to")
    add.add_argument("--title", help="title (one file only; default: the file name)")
    add.add_argument("--access", default="all", metavar="all|confidential|USER,USER",
                     help="who may read them (default: everyone in the meeting)")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.set_defaults(fn=cmd_documents_add)
