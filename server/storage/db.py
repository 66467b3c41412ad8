"""Engine creation: SQLite in WAL with full durability, or any SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine


def default_db_url() -> str:
    folder = Path(platformdirs.user_data_dir("hop-thong-minh", "smart-meeting"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'meeting.sqlite3'}"


def blob_dir_for(url: str) -> Path:
    """Documents live beside the database file (or in the user data folder)."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        db_path = Path(url.removeprefix("sqlite:///"))
        return db_path.parent / (db_path.stem + "-files")
    return Path(platformdirs.user_data_dir("hop-thong-minh", "smart-meeting")) / "files"


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL + synchronous=FULL (ballots survive power loss).

    pysqlite's own transaction handling breaks SAVEPOINT, which group commit
    relies on; the listeners below take BEGIN over from it (SQLAlchemy's
    documented recipe).
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        # Overwrite freed pages so that deleted rows do not linger on disk.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
