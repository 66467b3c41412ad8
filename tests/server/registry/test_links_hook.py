"""The hook the directives module calls in the unit of ``directive.create`` with
``source: {"registry_id"}``: the entry then lists the directive (the link both ways)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from server.errors import NotFound
from server.modules.registry import queries
from tests.server.registry.helpers import entry, login


async def test_link_directive_shows_on_the_entry(live_server, clients) -> None:
    office, _ = await login(live_server.url, "vanphong")
    clients(office)
    made = await office.act("registry.create", **entry())
    engine = create_engine(live_server.db_url)
    try:
        with engine.begin() as conn:  # what directive.create's unit would do
            queries.link_directive(conn, made["registry_id"], 42, None,
                                   "2026-12-04T08:00:00.000Z")
            seen = queries.visible_entry(conn, made["registry_id"], 1, True)
            assert seen["registry_id"] == made["registry_id"]
        with engine.begin() as conn, pytest.raises(NotFound):
            queries.link_directive(conn, 999_999, 42, None, "2026-12-04T08:00:00.000Z")
    finally:
        engine.dispose()
    got = await office.call("registry.get", registry_id=made["registry_id"])
    assert [(link["kind"], link["directive_id"]) for link in got["links"]] == [
        ("directive", 42)]
    assert got["history"][-1]["action"] == "linked"


async def test_an_incoming_document_turned_into_a_directive_keeps_the_link_both_ways(
        live_server, clients) -> None:
    """The real commands: ``directive.create`` with ``source: {"registry_id"}``; the
    directive names its source and the entry lists the directive."""
    office, _ = await login(live_server.url, "vanphong")
    leader, _ = await login(live_server.url, "lanhdao")
    clients(office)
    clients(leader)
    made = await office.act("registry.create", **entry(summary="Về việc giải phóng mặt bằng"))
    units = (await leader.call("org.units"))["units"]
    directive = await leader.act("directive.create", content="Xử lý văn bản về mặt bằng",
                                 deadline="2026-12-31", assignee_unit_id=units[-1]["id"],
                                 source={"registry_id": made["registry_id"]})
    got = await office.call("registry.get", registry_id=made["registry_id"])
    assert [(link["kind"], link["directive_id"]) for link in got["links"]] == [
        ("directive", directive["directive_id"])]
    detail = await leader.call("directive.get", directive_id=directive["directive_id"])
    assert detail["source"] == {"registry_id": made["registry_id"]}
