"""``meeting-server alerts add-source NAME`` / ``revoke-source NAME``.

They change the database directly; a running server reads the source table on
every post, so both take effect at once. The token is printed once, alone on
the last line of standard output, and kept only as a hash.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from server.storage.db import default_db_url, make_engine


def _engine(args: argparse.Namespace) -> Any:
    from server.modules import upgrade_schema

    engine = make_engine(args.db or default_db_url())
    upgrade_schema(engine)
    return engine


def cmd_add_source(args: argparse.Namespace) -> int:
    from server.modules.alerts.sources import add_source
    from server.storage.committer import utc_now_iso

    engine = _engine(args)
    try:
        with engine.begin() as conn:
            token = add_source(conn, args.name, utc_now_iso(), args.rate)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"alert source {args.name!r} added ({args.rate} posts/s); its token, shown once:")
    print(token)
    return 0


def cmd_revoke_source(args: argparse.Namespace) -> int:
    from server.modules.alerts.sources import revoke_source
    from server.storage.committer import utc_now_iso

    engine = _engine(args)
    try:
        with engine.begin() as conn:
            done = revoke_source(conn, args.name, utc_now_iso())
    finally:
        engine.dispose()
    if not done:
        print(f"no active alert source {args.name!r}", file=sys.stderr)
        return 2
    print(f"alert source {args.name!r} revoked")
    return 0


def add_alerts_parser(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("alerts", help="alert ingest sources (POST /api/alerts)")
    asub = p.add_subparsers(dest="alerts_command", required=True)
    add = asub.add_parser("add-source", help="add a source and print its token once")
    db_arg(add)
    add.add_argument("name")
    add.add_argument("--rate", type=int, default=20, help="posts per second (default 20)")
    add.set_defaults(fn=cmd_add_source)
    revoke = asub.add_parser("revoke-source", help="revoke a source's token")
    db_arg(revoke)
    revoke.add_argument("name")
    revoke.set_defaults(fn=cmd_revoke_source)
