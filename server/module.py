"""What a module declares about itself: the one manifest per ``server/modules/<name>/``.

The app reads the list of manifests (``server.modules.MODULES``) and nothing
else: commands go to the registry, tables to the schema (by importing the
manifest), migration folders to Alembic, snapshot parts to the meeting
snapshot, HTTP routes to the transport, CLI subcommands to ``meeting-server``.
Nothing outside a module's folder names its files.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from server.dispatch import CommandSet

if TYPE_CHECKING:
    from server.services import Services

SnapshotPart = Callable[[Connection, int], Any]
"""``(conn, meeting_id) -> value`` of one field of the meeting snapshot."""

MeetingGuard = Callable[[Connection, int], None]
"""Raises a ``ProtocolError`` when the meeting may not end yet (e.g. a vote is open)."""

HttpHandler = Callable[[Any, Any], Awaitable[Any] | Any]
"""``(request, connection) -> response`` for websockets' ``process_request``."""

HttpRoute = Callable[["Services"], HttpHandler]
"""Builds the handler of a path prefix once the services exist."""

CliCommand = Callable[[Any, Callable[[Any], None]], None]
"""``add(subparsers, db_arg)``: adds the module's ``meeting-server`` subcommands
(argparse); ``db_arg(parser)`` adds the common ``--db`` option."""

ApiRoutes = Callable[["Services"], Iterable[Any]]
"""Builds the module's aiohttp route definitions (``aiohttp.web.RouteDef``) for the
HTTP API port (``server.transport.api``): what needs POST or streaming."""

Setup = Callable[["Services"], None]
"""Builds the module's runtime objects (caches, coalescers…) into the services."""


@dataclass(frozen=True, slots=True)
class Reader:
    """Who asks to read an attachment (a session, or an HTTP request's token)."""

    user_id: int
    is_admin: bool
    roles: frozenset[str] = frozenset()
    unit_id: int | None = None

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or not self.roles.isdisjoint(roles)


AttachmentOwner = Callable[[Connection, Reader, int], bool]
"""``(conn, reader, owner_id) -> may read``: the owner's rule for its attachments
(``server/modules/attachments``); False for an owner that does not exist."""


@dataclass(frozen=True)
class Module:
    """One domain, declared once.

    Attributes:
        name: the folder name, also the Alembic branch label of its migrations.
        tables: its ``tables`` module (imported: its tables join the shared metadata).
        commands: its commands; ``None`` for a module with none.
        exports: its submodules other modules may import (its query interface);
            checked by ``tests/test_architecture.py``.
        migrations: a folder of Alembic revisions on the module's own branch.
        snapshot: meeting-snapshot fields this module fills.
        meeting_end_guards: checks run before a meeting may end.
        http: path prefix → handler factory, for plain HTTP on the ``/ws`` port.
        api: routes on the HTTP API port (``POST`` and the like).
        cli: adds ``meeting-server`` subcommands.
        setup: builds runtime objects into the services at start-up.
        attachment_owners: owner kind → who may read the attachments of one owner
            object (``server/modules/attachments`` asks; the owner decides).
    """

    name: str
    tables: ModuleType | None = None
    commands: CommandSet | None = None
    exports: tuple[str, ...] = ("tables", "queries")
    migrations: Path | None = None
    snapshot: Mapping[str, SnapshotPart] = field(default_factory=dict)
    meeting_end_guards: tuple[MeetingGuard, ...] = ()
    http: Mapping[str, HttpRoute] = field(default_factory=dict)
    api: ApiRoutes | None = None
    cli: CliCommand | None = None
    setup: Setup | None = None
    attachment_owners: Mapping[str, AttachmentOwner] = field(default_factory=dict)


def migrations_of(package_file: str) -> Path | None:
    """A module's ``migrations/`` folder next to its manifest, if it has one."""
    folder = Path(package_file).resolve().parent / "migrations"
    return folder if folder.is_dir() else None
