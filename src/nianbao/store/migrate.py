"""Run the shipped Alembic migrations on an open engine, once, even with several processes at once."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0004"  # the newest migration; opening a store upgrades it to here
_LOCK = 7_354_221  # PostgreSQL advisory lock id for migrations


def _config(connection: Any) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "nianbao.store:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: not created yet). Read straight from Alembic's version
    table, so that opening a store at HEAD does not load Alembic at all."""
    with engine.connect() as c:
        if not inspect(c).has_table("alembic_version"):
            return None
        return c.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    if current(engine) == HEAD:
        return
    from alembic import command

    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine, command)
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


def _upgrade_sqlite(engine: Engine, command: Any) -> None:
    """All migrations in one SQLite transaction. Python's sqlite3 commits each CREATE TABLE on its own,
    so a migration cut short (a full disk) left half a schema behind, and the next open failed with
    「table documents already exists」. BEGIN IMMEDIATE also makes a second process opening a fresh file
    wait for the first (busy_timeout) instead of migrating beside it."""
    with engine.connect() as c:
        raw = c.connection.dbapi_connection
        assert raw is not None
        saved = raw.isolation_level
        raw.isolation_level = None  # BEGIN and COMMIT are ours
        try:
            c.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                command.upgrade(_config(c), "head")
                c.exec_driver_sql("COMMIT")
            except BaseException:
                c.exec_driver_sql("ROLLBACK")
                raise
        finally:
            raw.isolation_level = saved
