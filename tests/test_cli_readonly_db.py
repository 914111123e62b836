"""Read-only commands open an existing store only (issue 11, point 11): a mistyped ``--db`` creates nothing
and says so in Chinese with exit 2; a file that is not a database gets a Chinese message, not a traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import DATA
from nianbao.cli.main import app

READ_ONLY = [["stats"], ["findings"], ["export", "{tmp}/out.xlsx"], ["consolidate", "--region", "淮安市", "--year", "2024"],
             ["review", "3fa9c0", "--dismiss"], ["render", "1", "-o", "{tmp}/out.md"],
             ["check", str(next((DATA / "text").glob("000_*.txt")))], ["reports"]]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: a[0])
def test_a_mistyped_db_creates_nothing_and_exits_2(tmp_path, args):
    typo = tmp_path / "数据" / "nianbao.sqlit"
    r = CliRunner().invoke(app, [*(a.format(tmp=tmp_path) for a in args), "--db", str(typo)])
    assert r.exit_code == 2, r.output
    assert f"数据库 {typo} 不存在" in r.stderr and "--db" in r.stderr
    assert not typo.exists() and not typo.parent.exists()
    assert "0 条" not in r.stdout


@pytest.mark.parametrize("args", READ_ONLY[:3], ids=lambda a: a[0])
def test_a_file_that_is_not_a_database(tmp_path, args):
    bogus = tmp_path / "报告.sqlite"
    bogus.write_text("这不是数据库，是一段文字。" * 100, encoding="utf-8")
    r = CliRunner().invoke(app, [*(a.format(tmp=tmp_path) for a in args), "--db", str(bogus)])
    assert r.exit_code == 2
    assert f"无法打开数据库 {bogus}：不是数据库文件" in r.stderr
    assert "Traceback" not in r.output and "sqlalchemy" not in r.output.lower()


def test_an_empty_sqlite_file_is_not_a_nianbao_store(tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    r = CliRunner().invoke(app, ["findings", "--db", str(other)])
    assert r.exit_code == 2 and "不是 nianbao 数据库" in r.stderr


def test_ingest_still_creates_the_store(tmp_path):
    db = tmp_path / "新" / "nianbao.sqlite"
    r = CliRunner().invoke(app, ["ingest", str(next((DATA / "text").glob("000_*.txt"))), "--db", str(db), "-j", "1"])
    assert r.exit_code == 0 and db.is_file()
    r = CliRunner().invoke(app, ["findings", "--db", str(db)])
    assert r.exit_code == 0 and "聊城市统计局" in r.stdout
