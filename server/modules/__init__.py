"""The one list of modules. Adding a module means adding its manifest here.

Each ``server/modules/<name>/manifest.py`` declares a :class:`server.module.Module`;
everything the app, the schema, Alembic and the CLI know about modules comes
from :func:`all_modules`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import MetaData

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from server.module import Module


@cache
def all_modules() -> tuple[Module, ...]:
    """Every module, in dependency order (a module comes after those it reads)."""
    from server.modules.accounts.manifest import MODULE as accounts
    from server.modules.alerts.manifest import MODULE as alerts
    from server.modules.attachments.manifest import MODULE as attachments
    from server.modules.calendar.manifest import MODULE as calendar
    from server.modules.cameras.manifest import MODULE as cameras
    from server.modules.directives.manifest import MODULE as directives
    from server.modules.documents.manifest import MODULE as documents
    from server.modules.hall.manifest import MODULE as hall
    from server.modules.meetings.manifest import MODULE as meetings
    from server.modules.messages.manifest import MODULE as messages
    from server.modules.minutes.manifest import MODULE as minutes
    from server.modules.org.manifest import MODULE as org
    from server.modules.registry.manifest import MODULE as registry
    from server.modules.speakers.manifest import MODULE as speakers
    from server.modules.voting.manifest import MODULE as voting

    return (accounts, org, meetings, speakers, voting, documents, hall, attachments, alerts,
            messages, directives, minutes, calendar, registry, cameras)


def load_all_tables() -> MetaData:
    """The shared metadata with every module's tables (and the core's) in it."""
    from server.storage import eventlog, idempotency  # noqa: F401  core tables
    from server.storage.schema import metadata

    all_modules()  # each manifest imports its tables
    return metadata


def migration_folders() -> list[Path]:
    return [m.migrations for m in all_modules() if m.migrations is not None]


def upgrade_schema(engine: Engine) -> None:
    """Apply the base revision and every module's branch up to its head."""
    from server.storage.migrate import upgrade

    upgrade(engine, migration_folders())
