"""Opening a database: the URL from what a user types, the engine with its SQLite settings, migrations."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from ..errors import InputError, MissingDependency
from .migrate import upgrade
from .repository import Store

DEFAULT_DB = "nianbao.sqlite"


def db_url(db: str | os.PathLike[str] | None) -> str:
    """A database URL from what a user types: a URL, a file path, or nothing (the default file)."""
    db = str(db) if db else os.environ.get("NIANBAO_DB", DEFAULT_DB)
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def open_store(db: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``db``: a file path, a SQLAlchemy URL or
    ``postgresql://…``; default ``./nianbao.sqlite`` (or $NIANBAO_DB)."""
    url = db_url(db)
    engine = make_engine(url)
    try:
        upgrade(engine)
    except OperationalError as e:
        engine.dispose()
        where = url.split("@")[-1]
        raise InputError(f"无法打开数据库 {where}：{str(e.orig).strip().splitlines()[0]}", "db") from None
    return Store(engine)


def open_reader(url: str) -> Store:
    """A store on ``url`` without migrating (the process that opened it first did), e.g. for a worker."""
    return Store(make_engine(url))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as e:
            raise MissingDependency(f"无法连接 {url.split('@')[-1]}：缺少数据库驱动 {e.name}（pip install 'nianbao[postgres]'）") from e
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()
