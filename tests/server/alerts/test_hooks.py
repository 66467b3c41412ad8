"""The hooks other modules call inside their own unit of work: each fires once per
occasion, across a fresh engine (as after a restart), to the right people."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from server.modules.alerts import queries
from server.storage.committer import Tx
from server.storage.db import make_engine
from tests.support.live import copy_db


def _run(db: Path, fn):  # type: ignore[no-untyped-def]
    """One unit of work on a fresh engine (a server that just started)."""
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as conn:
            tx = Tx(conn)
            return fn(tx), [(e.topic, e.event) for e in tx.events]
    finally:
        engine.dispose()


def _ids(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT username, id FROM users").fetchall())
    finally:
        con.close()


def test_hooks_fire_once_per_occasion(tmp_path: Path, demo_db_template) -> None:
    db = tmp_path / "hooks.sqlite3"
    copy_db(demo_db_template(30), db)
    ids = _ids(db)

    def overdue(tx: Tx) -> int | None:
        return queries.directive_overdue(tx, 7, "Báo cáo tiến độ giải ngân", "2026-12-01",
                                         user_ids=[ids["cv003"]])

    first, events = _run(db, overdue)
    assert first is not None
    assert events == [(f"user:{ids['cv003']}", "alert.raised")]
    again, events = _run(db, overdue)
    assert again is None and events == []
    # A new deadline is a new occasion.
    moved, _ = _run(db, lambda tx: queries.directive_overdue(
        tx, 7, "Báo cáo tiến độ giải ngân", "2026-12-15", user_ids=[ids["cv003"]]))
    assert moved is not None and moved != first

    down, events = _run(db, lambda tx: queries.camera_down(tx, 3, "Cổng chính",
                                                           "2026-12-04T09:00:00+07:00"))
    assert down is not None and (f"user:{ids['vanhanh']}", "alert.raised") in events
    assert _run(db, lambda tx: queries.camera_down(tx, 3, "Cổng chính",
                                                   "2026-12-04T09:00:00+07:00"))[0] is None

    invited, events = _run(db, lambda tx: queries.meeting_invitation(
        tx, 1, "Kỳ họp", "2026-12-10T08:00:00+07:00", [ids["d001"], ids["d002"]]))
    assert len(invited) == 2 and len(events) == 2
    again_invited, _ = _run(db, lambda tx: queries.meeting_invitation(
        tx, 1, "Kỳ họp", "2026-12-10T08:00:00+07:00", [ids["d001"], ids["d003"]]))
    assert len(again_invited) == 1  # d001 was invited already; d003 is new
