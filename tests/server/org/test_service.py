"""The org module's query interface, on the demo database (what other modules will ask)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from server.modules.accounts.tables import users
from server.modules.org import service
from server.storage.db import make_engine
from tests.support.live import copy_db


def test_queries_on_the_demo_organisation(tmp_path: Path, demo_db_template) -> None:
    db = tmp_path / "q.sqlite3"
    copy_db(demo_db_template(30), db)
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            ids = dict(conn.execute(select(users.c.username, users.c.id)).all())
            units = {u["code"]: u["id"] for u in service.units(conn)}
            assert service.unit_of(conn, ids["cv001"]) == units["VP"]
            assert service.unit_of(conn, ids["d001"]) is None
            below_ubnd = service.subtree(conn, units["UBND"])
            assert {units[c] for c in ("UBND", "VP", "TCKH", "TP", "TNMT", "KALONG")} <= \
                below_ubnd
            assert units["HDND"] not in below_ubnd
            vp = service.users_of_unit(conn, units["VP"])
            assert {ids[u] for u in ("chanhvp", "vanphong", "vanhanh", "cv001", "cv002")} == \
                set(vp)
            assert ids["cv003"] in service.users_of_unit(conn, units["UBND"], below=True)
            assert ids["cv003"] not in service.users_of_unit(conn, units["UBND"])
            assert service.roles_of(conn, ids["admin"]) == ("admin",)
            assert service.roles_of(conn, ids["lanhdao"]) == ("leader",)
            assert service.roles_of(conn, ids["cv001"]) == ()
            assert set(service.users_with_role(conn, "leader")) == {
                ids[u] for u in ("lanhdao", "pct1", "pct2", "pcthdnd")}
            assert service.head_of_unit(conn, units["UBND"]) == ids["lanhdao"]
            assert service.head_of_unit(conn, units["TCKH"]) == ids["tptckh"]
            profile = service.profile(conn, ids["vanphong"])
            assert (profile.unit_id, profile.roles, profile.active) == (
                units["VP"], ("office",), True)
        with engine.begin() as conn:  # without a named head, the position decides
            from server.modules.org.tables import org_units

            conn.execute(org_units.update().where(org_units.c.id == units["VP"])
                         .values(head_id=None))
            assert service.head_of_unit(conn, units["VP"]) == ids["chanhvp"]
    finally:
        engine.dispose()
