"""A small second database for data that must keep no history: the open secret polls.

The main SQLite database runs in WAL mode, and a WAL keeps every page version
written since the last checkpoint — a copy of it replays the database commit
by commit. Voter marks and per-option counters of a secret poll committed in
that history pair each voter with a choice (issue 12, finding 1). So they
live here instead, in a rollback-journal database (``journal_mode=TRUNCATE``)
with ``secure_delete``: a copy of the files taken at any moment holds at most
two states — the file, and during a commit the journal's pre-images — and
freed pages are zeroed. The committer commits this database *before* the
main one, so a crash between the two leaves a counted ballot that a retry
sees as "already voted", never an acknowledged ballot that is lost.

On another database server (PostgreSQL) the side tables live in the same
database through a second connection; what PostgreSQL's own WAL retains is
documented in the README (batching is the protection there).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

metadata = MetaData()
"""Tables of the side database (declared by the modules that keep data here)."""

_INFO_KEY = "side_connection"


def side_url(url: str) -> str:
    """``meeting.sqlite3`` → ``meeting-secret.sqlite3`` beside it; other URLs unchanged."""
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        path = Path(url.removeprefix("sqlite:///"))
        return f"sqlite:///{path.with_name(path.stem + '-secret' + path.suffix)}"
    return url


def make_side_engine(url: str) -> Engine:
    """The side database's engine: rollback journal, secure_delete, full sync."""
    side = side_url(url)
    if not side.startswith("sqlite"):
        return create_engine(side, pool_pre_ping=True)
    memory = side in ("sqlite://", "sqlite:///:memory:")
    # One in-memory database shared by every thread (the schema is made on another one).
    engine = create_engine(side, connect_args={"check_same_thread": False, "timeout": 5},
                           **({"poolclass": StaticPool} if memory else {}))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA secure_delete=ON")  # before anything is written
        cur.execute("PRAGMA journal_mode=TRUNCATE")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")  # deferred: a batch without secret ballots locks nothing

    return engine


def bind_side(conn: Connection, side: Connection) -> None:
    """Make ``side`` reachable from the main connection (see :func:`side_of`)."""
    conn.info[_INFO_KEY] = side


def side_of(conn: Connection) -> Connection | None:
    """The side connection the committer bound to ``conn`` (None elsewhere, e.g. the CLI)."""
    return conn.info.get(_INFO_KEY)


def restrict_files(db_url: str, *extra: Path) -> None:
    """Owner-only access: the data folder 0700, database files 0600 (and ``extra`` trees).

    New files follow from the process umask (set at start-up); this fixes what an
    older version or another tool created.
    """
    paths: list[Path] = list(extra)
    for url in (db_url, side_url(db_url)):
        if url.startswith("sqlite:///") and not url.endswith(":memory:"):
            db = Path(url.removeprefix("sqlite:///"))
            paths.append(db.parent)
            paths.extend(Path(f"{db}{suffix}") for suffix in ("", "-wal", "-shm", "-journal"))
    for path in paths:
        _restrict(path)


def _restrict(path: Path) -> None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        return
    if stat.S_ISDIR(st.st_mode):
        if st.st_mode & stat.S_ISVTX or path.resolve() in (Path("/"), Path.home()):
            log.warning("%s is shared (/tmp, /, a home folder): keep the database in a "
                        "folder of its own so that it can be made private", path)
            return
        _chmod(path, 0o700)
        with os.scandir(path) as it:
            children = [Path(e.path) for e in it]
        if path.name.endswith("-files"):  # the document store: every level
            for child in children:
                _restrict(child)
    else:
        _chmod(path, 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
    except OSError as exc:
        log.warning("cannot restrict %s to %o: %s", path, mode, exc)
