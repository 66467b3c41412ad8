"""``meeting-server cameras add|list|remove``: registering the cameras.

They change the database directly; a running server's monitor reads the camera
table every round, so a camera added or removed is probed (or no longer) from
the next round. URLs are printed only with their credentials masked.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select

from server.storage.db import default_db_url, make_engine

SCHEMES = ("rtsp", "rtsps", "http", "https", "udp")
_SEAT = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


def _engine(args: argparse.Namespace) -> Any:
    from server.modules import upgrade_schema

    engine = make_engine(args.db or default_db_url())
    upgrade_schema(engine)
    return engine


def _check_url(url: str, what: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in SCHEMES or not parts.hostname or len(url) > 2000:
        return f"{what}: expected an {'/'.join(SCHEMES)} URL with a host"
    return None


def _errors(args: argparse.Namespace) -> list[str]:
    errors = []
    if not 1 <= len(args.name.strip()) <= 100:
        errors.append("--name: 1 to 100 characters")
    if not 1 <= len(args.group.strip()) <= 100:
        errors.append("--group: 1 to 100 characters")
    for url, what in ((args.url, "--url"), (args.sub_url, "--sub-url")):
        if url is not None and (problem := _check_url(url, what)):
            errors.append(problem)
    bad = [s for s in _seats(args.seats) if not _SEAT.match(s)]
    if bad:
        errors.append(f"--seats: bad seat codes {', '.join(bad)}")
    return errors


def _seats(text: str | None) -> list[str]:
    return [s.strip() for s in (text or "").split(",") if s.strip()]


def cmd_add(args: argparse.Namespace) -> int:
    from server.modules.cameras.tables import cameras
    from server.storage.committer import utc_now_iso

    errors = _errors(args)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    engine = _engine(args)
    try:
        with engine.begin() as conn:
            if conn.execute(select(cameras.c.id).where(
                    cameras.c.name == args.name.strip())).first() is not None:
                print(f"a camera named {args.name.strip()!r} exists", file=sys.stderr)
                return 2
            camera_id = conn.execute(insert(cameras).values(
                name=args.name.strip(), group_name=args.group.strip(), url=args.url,
                sub_url=args.sub_url, seats=",".join(_seats(args.seats)),
                overview=bool(args.overview), state="idle", state_since=utc_now_iso(),
                down_since=None).returning(cameras.c.id)).scalar_one()
    finally:
        engine.dispose()
    print(f"camera {args.name.strip()!r} added (id {camera_id})")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from server.modules.cameras.probe import mask_url
    from server.modules.cameras.tables import cameras

    engine = _engine(args)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(cameras).order_by(cameras.c.group_name,
                                                         cameras.c.name)).all()
    finally:
        engine.dispose()
    for r in rows:
        extra = " overview" if r.overview else ""
        seats = f" seats={r.seats}" if r.seats else ""
        sub = f" sub={mask_url(r.sub_url)}" if r.sub_url else ""
        print(f"{r.id}\t{r.group_name}\t{r.name}\t{r.state}\t{mask_url(r.url)}{sub}{seats}"
              f"{extra}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from server.modules.cameras.tables import cameras

    engine = _engine(args)
    try:
        with engine.begin() as conn:
            gone = conn.execute(delete(cameras).where(cameras.c.name == args.name)).rowcount
    finally:
        engine.dispose()
    if not gone:
        print(f"no camera named {args.name!r}", file=sys.stderr)
        return 2
    print(f"camera {args.name!r} removed")
    return 0


def add_cameras_parser(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("cameras", help="the operations room's cameras")
    csub = p.add_subparsers(dest="cameras_command", required=True)
    add = csub.add_parser("add", help="register a camera (RTSP, or HTTP/UDP MPEG-TS)")
    db_arg(add)
    add.add_argument("--name", required=True)
    add.add_argument("--group", required=True)
    add.add_argument("--url", required=True, help="main stream (kept on the server)")
    add.add_argument("--sub-url", help="sub stream (lower resolution)")
    add.add_argument("--seats", help="seat codes it covers, e.g. A01,A02")
    add.add_argument("--overview", action="store_true", help="a whole-room view")
    add.set_defaults(fn=cmd_add)
    lst = csub.add_parser("list", help="the cameras (URLs masked)")
    db_arg(lst)
    lst.set_defaults(fn=cmd_list)
    rm = csub.add_parser("remove", help="unregister a camera")
    db_arg(rm)
    rm.add_argument("name")
    rm.set_defaults(fn=cmd_remove)
