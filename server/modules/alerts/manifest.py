"""alerts: alerts raised by other systems (HTTP ingest) and by the server's own rules,
delivered on each recipient's ``user:<id>`` topic."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.alerts import tables
from server.modules.alerts.cli import add_alerts_parser
from server.modules.alerts.commands import commands
from server.modules.alerts.ingest import api_routes
from server.modules.alerts.runtime import setup_alerts

MODULE = Module(name="alerts", tables=tables, commands=commands,
                migrations=migrations_of(__file__), api=api_routes,
                cli=add_alerts_parser, setup=setup_alerts)
