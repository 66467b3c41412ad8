"""``meeting-server``: init, serve, make-cert, create-user, verify-audit."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

from server.storage.db import blob_dir_for, default_db_url, make_engine


def _db_url(args: argparse.Namespace) -> str:
    return args.db or default_db_url()


def cmd_init(args: argparse.Namespace) -> int:
    from server.demo import create_demo
    from server.modules import upgrade_schema as upgrade
    from server.modules.documents.store import BlobStore

    url = _db_url(args)
    if url.startswith("sqlite:///") and Path(url.removeprefix("sqlite:///")).exists():
        if not args.force:
            print(f"{url} already exists; use --force to replace it", file=sys.stderr)
            return 2
        path = Path(url.removeprefix("sqlite:///"))
        secret = path.with_name(path.stem + "-secret" + path.suffix)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        for suffix in ("", "-journal"):
            Path(str(secret) + suffix).unlink(missing_ok=True)
    engine = make_engine(url)
    upgrade(engine)
    if args.demo:
        with engine.begin() as conn:
            mid = create_demo(conn, BlobStore(blob_dir_for(url)), delegates=args.delegates)
        print(f"demo data: meeting {mid}, {args.delegates} delegates, password 'demo'")
    engine.dispose()
    print(f"database ready: {url}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from server.app import DemoPasswordsExposed, run_forever
    from server.config import Settings
    from server.transport.tls import TlsSetupError

    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    settings = Settings(db_url=_db_url(args), host=args.host, port=args.port,
                        allow_demo=args.allow_demo, tls_cert=args.tls_cert, tls_key=args.tls_key)
    # Options left out keep the defaults of Settings: (argument, setting) pairs.
    for arg, setting in (("max_write_buffer", "max_write_buffer"),
                         ("max_upload", "max_upload"),
                         ("login_free_failures", "login_free_failures"),
                         ("session_ttl", "session_ttl_s"),
                         ("auth_timeout", "auth_timeout_s"),
                         ("max_connections", "max_connections"),
                         ("ballot_batch_min", "ballot_batch_min"),
                         ("ballot_batch_window", "ballot_batch_window_s"),
                         ("directive_scan_s", "directive_scan_s"),
                         ("directive_remind_days", "directive_remind_days")):
        if getattr(args, arg) is not None:
            setattr(settings, setting, getattr(args, arg))
    if args.rate is not None:
        settings.rate_per_s = settings.rate_burst = args.rate
    if args.login_delay is not None:
        settings.login_base_delay_s, settings.login_max_delay_s = args.login_delay
    settings.api_port = args.api_port

    scheme = "wss" if args.tls_cert else "ws"

    def ready(port: int) -> None:
        print(f"listening on {scheme}://{args.host}:{port}/ws", flush=True)

    def api_ready(url: str) -> None:
        print(f"api on {url}", flush=True)

    try:
        run_forever(settings, ready, api_ready)
    except (DemoPasswordsExposed, TlsSetupError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


def cmd_make_cert(args: argparse.Namespace) -> int:
    from server.transport.tls import TlsSetupError, fingerprint, make_certificate

    try:
        cert, key = make_certificate(Path(args.out), args.names, days=args.days)
    except TlsSetupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"certificate: {cert}\nkey (keep it on the server only): {key}")
    print(f"SHA-256 fingerprint: {fingerprint(cert.read_bytes())}")
    print(f"serve with: meeting-server serve --tls-cert {cert} --tls-key {key} ...")
    print(f"give terminals a copy of the certificate: meeting-client --server-cert {cert.name}")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from server.modules import upgrade_schema as upgrade
    from server.modules.accounts.passwords import Passwords
    from server.modules.accounts.service import create_user, find_user

    if args.password is not None:
        print("--password is no longer accepted: every local user could read it in the "
              "process list. Type the password at the prompt, or pipe it on stdin:\n"
              "  printf '%s\\n' \"$PASSWORD\" | meeting-server create-user ...", file=sys.stderr)
        return 2
    password = getpass.getpass("Mật khẩu: ") if sys.stdin.isatty() else sys.stdin.readline()
    password = password.rstrip("\n")
    if len(password) < 8:
        print("password must have at least 8 characters", file=sys.stderr)
        return 2
    engine = make_engine(_db_url(args))
    upgrade(engine)
    with engine.begin() as conn:
        if find_user(conn, args.username):
            print(f"user {args.username!r} already exists", file=sys.stderr)
            return 2
        uid = create_user(conn, username=args.username, full_name=args.full_name,
                          password_hash=Passwords().hash(password), is_admin=args.admin)
    print(f"created user {args.username} (id {uid})")
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from server.storage.eventlog import Anchor, check_anchor, verify_chain

    try:
        anchors = [Anchor.parse(a) for a in args.anchor]
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    engine = make_engine(_db_url(args))
    with engine.connect() as conn:
        checked, broken = verify_chain(conn)
        for anchor in anchors:
            if broken is None:
                broken = check_anchor(conn, anchor)
    if broken is not None:
        print(f"BROKEN: {broken}  ({checked} events read)")
        return 1
    print(f"OK: {checked} events, every hash chain intact"
          + (f", {len(anchors)} anchor(s) match" if anchors else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-server", description="Họp thông minh server")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the user data folder)")

    p = sub.add_parser("init", help="create a database (optionally with demo data)")
    db_arg(p)
    p.add_argument("--demo", action="store_true")
    p.add_argument("--delegates", type=int, default=30)
    p.add_argument("--force", action="store_true", help="replace an existing SQLite file")
    p.set_defaults(fn=cmd_init)

    p = sub.add_parser("serve", help="run the server")
    db_arg(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--allow-demo", action="store_true",
                   help="listen on a public address even with demo passwords")
    p.add_argument("--max-write-buffer", type=int, metavar="BYTES",
                   help="drop a terminal whose unsent backlog exceeds this (default 4 MiB)")
    p.add_argument("--rate", type=float, metavar="N",
                   help="commands per second allowed per connection (default 50, bursts 200)")
    p.add_argument("--max-upload", type=int, metavar="BYTES",
                   help="largest document upload (default 100 MiB)")
    p.add_argument("--api-port", type=int, metavar="PORT",
                   help="the HTTP API (POST /api/alerts, /calendar.ics); default: --port + 1")
    p.add_argument("--login-free-failures", type=int, metavar="N",
                   help="wrong passwords before answers slow down (default 5)")
    p.add_argument("--login-delay", type=float, nargs=2, metavar=("FIRST", "MAX"),
                   help="seconds of the first slowed attempt, doubling up to MAX "
                        "(default 0.5 30)")
    p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                   help="debug log (frames included; secrets are masked)")
    p.add_argument("--session-ttl", type=int, metavar="SECONDS",
                   help="how long a sign-in lasts (default 43200: 12 hours)")
    p.add_argument("--auth-timeout", type=float, metavar="SECONDS",
                   help="close connections that have not signed in by then (default 30)")
    p.add_argument("--max-connections", type=int, metavar="N",
                   help="open sockets at most (default: from the file-descriptor limit)")
    p.add_argument("--ballot-batch-min", type=int, metavar="N",
                   help="secret ballots commit in groups of at least N (default 5) …")
    p.add_argument("--ballot-batch-window", type=float, metavar="SECONDS",
                   help="… or once the first waited this long (default 1.0)")
    p.add_argument("--tls-cert", metavar="PEM", help="serve wss:// with this certificate")
    p.add_argument("--tls-key", metavar="PEM", help="the certificate's private key")
    p.add_argument("--directive-scan-s", type=float, metavar="S",
                   help="seconds between directive reminder scans (default 60)")
    p.add_argument("--directive-remind-days", type=int, metavar="N",
                   help="working days before a deadline that reminders fire (default 3)")
    p.set_defaults(fn=cmd_serve)

    p = sub.add_parser("make-cert", help="make a self-signed TLS certificate for the server")
    p.add_argument("names", nargs="+", metavar="NAME",
                   help="host names or IP addresses terminals use to reach the server")
    p.add_argument("--out", default=".", help="folder for server-cert.pem and server-key.pem")
    p.add_argument("--days", type=int, default=3650, help="validity (default ten years)")
    p.set_defaults(fn=cmd_make_cert)

    p = sub.add_parser("create-user", help="add a user")
    db_arg(p)
    p.add_argument("--username", required=True)
    p.add_argument("--full-name", required=True)
    # Refused (it would show in `ps`); kept only to explain why. The password is read
    # from the prompt, or one line from stdin.
    p.add_argument("--password", help=argparse.SUPPRESS)
    p.add_argument("--admin", action="store_true")
    p.set_defaults(fn=cmd_create_user)

    p = sub.add_parser("verify-audit", help="recompute every event hash chain")
    db_arg(p)
    p.add_argument("--anchor", action="append", default=[], metavar="TOPIC@SEQ=SHA256",
                   help="a head written down elsewhere (printed at the end of the minutes); "
                        "catches deleted last events and rehashed rewrites")
    p.set_defaults(fn=cmd_verify_audit)
    from server.modules import all_modules

    for module in all_modules():
        if module.cli is not None:
            module.cli(sub, db_arg)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # every file a subcommand creates (database, keys, documents) is private
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from server.logredact import install

    install()  # no password or token in the log, even with -v
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
