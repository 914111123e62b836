"""Fixtures for the store tests: a real PostgreSQL server (session) and a fresh database per test,
SQLite or PostgreSQL. Import them into a test module: ``from store_fixtures import db, pg_server``."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server on a free loopback port, data in a temp dir, stopped at the end.

    Runs as the ``postgres`` system user when the tests run as root (initdb refuses root)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL 未安装：找不到 /usr/lib/postgresql/*/bin/initdb。"
                    "运行 make sysdeps（Debian 包 postgresql）后再跑测试。")
    bindir = Path(found[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="nianbao-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = base / "data", base / "server.log", _free_port()

    def run(*args: str) -> None:
        r = subprocess.run([*as_user, *args], capture_output=True, text=True, check=False)
        if r.returncode:
            log_text = log.read_text() if log.exists() else ""
            pytest.fail(f"PostgreSQL 启动失败：{' '.join(args)}\n{r.stdout}\n{r.stderr}\n{log_text}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_pg_database(server: str) -> str:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A fresh, empty store URL: an SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    url = new_pg_database(request.getfixturevalue("pg_server"))
    yield url
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


__all__ = ["db", "pg_server"]
