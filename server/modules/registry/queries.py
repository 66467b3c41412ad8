"""What other modules may ask of the registry (inside their unit of work).

The hook for the directives module (issue "directives"): ``directive.create`` with
``source: {"registry_id"}`` calls :func:`link_directive` in the same unit, so that the
link is kept both ways — the directive names its source, the entry lists the directive.
The meeting-preparation module does the same for an agenda item with
:func:`link_agenda_item`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from server.errors import NotFound
from server.modules.registry import service
from server.modules.registry.search import Viewer
from server.modules.registry.tables import registry_entries, registry_links


def visible_entry(conn: Connection, registry_id: int, user_id: int,
                  privileged: bool) -> dict[str, Any]:
    """The entry as lists show it, or ``not_found`` when the user may not see it."""
    return service.item(service.load(conn, Viewer(user_id, privileged), registry_id))


def link_directive(conn: Connection, registry_id: int, directive_id: int, by_id: int | None,
                   now: str) -> None:
    _link(conn, registry_id, by_id, now, kind="directive", directive_id=directive_id)


def link_agenda_item(conn: Connection, registry_id: int, meeting_id: int,
                     item_id: int | None, by_id: int | None, now: str) -> None:
    _link(conn, registry_id, by_id, now, kind="agenda_item" if item_id else "meeting",
          meeting_id=meeting_id, item_id=item_id)


def _link(conn: Connection, registry_id: int, by_id: int | None, now: str,
          **fields: Any) -> None:
    if conn.execute(select(registry_entries.c.id).where(
            registry_entries.c.id == registry_id)).first() is None:
        raise NotFound(*service.NOT_FOUND[:1], en=service.NOT_FOUND[1])
    conn.execute(insert(registry_links).values(entry_id=registry_id, at=now, by_id=by_id,
                                               **fields))
    service.record(conn, registry_id, "linked", now, by_id)
