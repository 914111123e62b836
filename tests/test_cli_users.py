"""The command line as a user meets it (issue 11, points 12, 13, 16): everything in Chinese, filters that
match nothing say so and exit 2, stored reports listed with their ids, tables readable at 120 columns with
the cell's address in the XLSX template."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

import nianbao
from conftest import DATA
from nianbao.cli.main import app

SEED0, SEED2, SEED3 = (next((DATA / "text").glob(f"{n}_*.txt")) for n in ("000", "002", "003"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "120"})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("users") / "s.sqlite"
    with nianbao.open_store(path) as store:
        nianbao.ingest_batch([SEED0, SEED2, SEED3], store, workers=1)
    return str(path)


def test_reports_lists_ids_that_render_takes(db, tmp_path):
    r = cli("reports", "--db", db)
    assert r.exit_code == 0
    row = next(line for line in r.stdout.splitlines() if "淄博市统计局" in line)
    rid = row.split("│")[1].strip()
    assert "2023" in row and "年度报告" in row and "部门" in row
    assert "文字解读" in r.stdout  # seed 003, not "interpretation"
    out = tmp_path / "淄博.md"
    r = cli("render", rid, "--db", db, "-o", out)
    assert r.exit_code == 0, r.output
    assert "淄博市统计局" in out.read_text(encoding="utf-8")
    assert max(cell_len(line) for line in cli("reports", "--db", db).stdout.splitlines()) <= 120


def test_findings_table_wraps_at_120_columns_and_shows_the_template_address(db):
    r = cli("findings", "--db", db, "--agency", "聊城市统计局")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 120

    def column(i):  # a column's text, its wrapped lines joined
        return "".join(line.split("│")[i].strip() for line in lines if line.count("│") == 9)

    # 表四「行政复议」left blank in seed 000: its first cells by name, then where all five are
    assert "表四「行政复议」「结果维持」；" in column(3) and "等5格（表四复议诉讼!A7:E7）" in column(3).replace(" ", "")
    assert "表四「行政复议」全部5格为空白" in column(6).replace(" ", "")  # the 说明 whole, wrapped not cut
    assert "…" not in column(6)  # 说明 whole (a long quoted 实为 shows its start; 说明 has all of it)


def test_severity_in_chinese_and_unknown_values_exit_2(db):
    r = cli("findings", "--db", db, "--severity", "警告", "--json")
    found = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 0 and found and {f["severity"] for f in found} == {"warning"}
    r = cli("findings", "--db", db, "--severity", "严重")
    assert r.exit_code == 2 and "无法识别的级别「严重」" in r.stderr and "错误、警告、提示" in r.stderr


def test_agency_short_name_says_what_it_matched(db):
    r = cli("findings", "--db", db, "--agency", "统计局")
    assert r.exit_code == 0
    assert "「统计局」匹配的单位：济宁市统计局、淄博市统计局、聊城市统计局" in r.stdout
    r = cli("findings", "--db", db, "--agency", "淮安市统计局")
    assert r.exit_code == 2 and "库中没有与「淮安市统计局」相符的单位" in r.stderr


def test_check_select_an_unknown_code_exits_2():
    r = cli("check", SEED0, "--select", "ZZ")
    assert r.exit_code == 2 and "没有代码为「ZZ」的规则" in r.stderr
    r = cli("check", SEED0, "--ignore", "T9-99")
    assert r.exit_code == 2 and "T9-99" in r.stderr
    assert cli("check", SEED0, "--select", "T3").exit_code in (0, 1)


def test_english_does_not_reach_users(db, tmp_path):
    r = cli("parse", SEED3)
    assert "类型：文字解读" in r.stdout and "interpretation" not in r.stdout
    r = cli("check", SEED3)
    assert "annual_report" not in r.stdout and "年度报告" in r.stdout
    r = cli("stats", "--db", db, "--by", "level")
    assert "部门" in r.stdout and "department" not in r.stdout
    r = cli("ingest", SEED0, "--db", tmp_path / "i.sqlite", "-v", "-j", "1")
    assert "提示 3" in r.stdout and "info" not in r.stdout and "warning" not in r.stdout
    for args in (["--help"], ["stats", "--help"], ["findings", "--help"]):
        r = cli(*args)
        for english in ("Usage", "Options", "Show this message", "[default", "Commands", "<str>", "<int>"):
            assert english not in r.stdout, (args, english)
        assert "用法" in r.stdout and "显示此帮助并退出" in r.stdout
    r = cli("stats", "--bogus")
    assert r.exit_code == 2 and "没有这个选项" in r.output and "No such option" not in r.output
    r = cli("stats", "--year", "明年")
    assert r.exit_code == 2 and "--year" in r.output and "Invalid value" not in r.output
    r = cli("parse")
    assert r.exit_code == 2 and "缺少参数" in r.output


def test_check_table_wraps_at_120_columns_and_shows_the_template_address():
    r = cli("check", SEED0)
    lines = r.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 120

    def column(i):  # a column's text, its wrapped lines joined
        return "".join(line.split("│")[i].strip() for line in lines if line.count("│") == 7)

    where = column(3).replace(" ", "")
    assert "等5格（表四复议诉讼!A7:E7）" in where  # 表四「行政复议」, left blank in seed 000
    assert "表二「行政事业性收费」（表二主动公开!B17）" in where  # one cell: its own address
    assert "表二「本年废止件数」列（表二主动公开!C6:C7）" in where  # a column label: every cell it names
    assert "表四「行政复议」全部5格为空白" in column(6).replace(" ", "")  # the 说明 whole, wrapped not cut
    assert "…" not in column(6)
