"""accounts: users, password hashes, session tokens, sign-in."""

from __future__ import annotations

from server.module import Module
from server.modules.accounts import tables
from server.modules.accounts.commands import commands
from server.modules.accounts.service import setup_accounts

MODULE = Module(name="accounts", tables=tables, commands=commands,
                exports=("tables", "service", "live", "passwords"), setup=setup_accounts)
