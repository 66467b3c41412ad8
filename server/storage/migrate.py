"""Alembic migrations, applied at start-up (and by ``init``).

``0001`` (in ``server/migrations/versions``) is the base schema. Each module
keeps its own branch of revisions off it in its own ``migrations/`` folder
(declared in its manifest); the server upgrades to every head, so modules
never have to agree on an order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(module_folders: Iterable[Path] = ()) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    folders = [MIGRATIONS / "versions", *module_folders]
    cfg.set_main_option("version_locations", os.pathsep.join(str(f) for f in folders))
    return cfg


def upgrade(engine: Engine, module_folders: Iterable[Path]) -> None:
    """Bring the schema to every head (``server.modules.upgrade_schema`` passes the folders)."""
    cfg = alembic_config(module_folders)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
