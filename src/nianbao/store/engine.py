"""Opening a database: the URL from what a user types, the engine with its SQLite settings, migrations."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError

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


def open_store(db: str | os.PathLike[str] | None = None, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``db``: a file path, a SQLAlchemy URL or
    ``postgresql://…``; default ``./nianbao.sqlite`` (or $NIANBAO_DB). With ``create=False`` (read-only
    commands) only an existing nianbao store is opened: a missing file or a database without nianbao's
    tables is an ``InputError``, and nothing is created."""
    url = db_url(db)
    where = url.split("@")[-1].removeprefix("sqlite:///")
    if not create and url.startswith("sqlite:///") and not Path(where).is_file():
        raise InputError(f"数据库 {where} 不存在（请检查 --db 的路径；新建数据库请先用 nianbao ingest 入库）", "db")
    engine = make_engine(url)
    try:
        if not create and not inspect(engine).has_table("reports"):
            engine.dispose()
            raise InputError(f"{where} 不是 nianbao 数据库（没有报告表；请检查 --db，或先用 nianbao ingest 入库）", "db")
        upgrade(engine)
    except DatabaseError as e:
        engine.dispose()
        raise InputError(f"无法打开数据库 {where}：{_reason(str(e.orig))}", "db") from None
    return Store(engine)


_REASONS = (("file is not a database", "不是数据库文件"), ("unable to open database file", "无法打开文件（路径不存在或没有权限）"),
            ("database disk image is malformed", "数据库文件已损坏"), ("Connection refused", "连接被拒绝（服务器未启动或地址有误）"),
            ("does not exist", "数据库不存在"), ("password authentication failed", "用户名或密码错误"),
            ("readonly database", "数据库只读，无法写入"), ("database is locked", "数据库被其他程序锁定"),
            ("database or disk is full", "磁盘空间不足"), ("No space left on device", "磁盘空间不足"),
            ("disk I/O error", "磁盘读写错误（磁盘可能已满或已损坏）"))


def _reason(orig: str) -> str:
    """The driver's English reason as a Chinese one (the original kept when unknown)."""
    for needle, zh in _REASONS:
        if needle in orig:
            return zh
    return "数据库驱动报告：" + orig.strip().splitlines()[0]


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
