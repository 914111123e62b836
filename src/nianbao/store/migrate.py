"""Run the shipped Alembic migrations on an open engine, once, even with several processes at once."""

from __future__ import annotations

import time

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

HEAD = "0001"  # the newest migration; opening a store upgrades it to here
_LOCK = 7_354_221  # PostgreSQL advisory lock id for migrations


def _config(connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "nianbao.store:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def current(engine: Engine) -> str | None:
    with engine.connect() as c:
        return MigrationContext.configure(c).get_current_revision()


def upgrade(engine: Engine) -> None:
    if current(engine) == HEAD:
        return
    for attempt in range(5):
        try:
            with engine.begin() as c:
                if engine.dialect.name == "postgresql":
                    # two ingest runs opening a fresh database: one migrates, the other waits
                    c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
                command.upgrade(_config(c), "head")
            return
        except OperationalError:
            if attempt == 4:
                raise
            time.sleep(0.5 * (attempt + 1))
