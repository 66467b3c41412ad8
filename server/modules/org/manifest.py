"""org: units (a tree), positions, global roles, account state, users import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.module import Module, migrations_of
from server.modules.org import service, tables
from server.modules.org.cli import add_users_parser
from server.modules.org.commands import commands

if TYPE_CHECKING:
    from server.services import Services


def _setup(services: Services) -> None:
    """Sign-in reads the whole profile (unit, position, roles, active) from here."""
    services.profile_of = service.profile


MODULE = Module(name="org", tables=tables, commands=commands,
                exports=("tables", "service"),
                migrations=migrations_of(__file__),
                cli=add_users_parser, setup=_setup)
