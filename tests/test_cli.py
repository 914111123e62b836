"""The CLI as a person uses it: exit codes, JSON, Chinese messages for bad input."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import BIN, DATA, cli

SEED0 = next((DATA / "text").glob("000_*.txt"))
SEED3 = next((DATA / "text").glob("003_*.txt"))


def run(*args, cwd=None):
    """In process; the tests that use ``run_e2e`` start the installed command itself."""
    return cli(*args, cwd=cwd)


def run_e2e(*args, cwd=None):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([str(BIN / "nianbao"), *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def test_parse_json_is_the_record():
    r = run_e2e("parse", SEED0, "--json")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["meta"]["agency"] == "聊城市统计局"
    assert rec["requests"]["new_received"]["total"] == 14
    assert rec["appeals"]["review"]["total"] is None  # blank, never 0
    assert rec["provenance"]["requests.new_received.total"]["line"] == 82


def test_parse_human_summary():
    r = run("parse", SEED0)
    assert r.returncode == 0
    assert "聊城市统计局" in r.stdout and "表三" in r.stdout


@pytest.mark.parametrize("content,needle", [
    (b"", "空"),
    (bytes(range(256)) * 20, "不是文本文件"),
    ("今天天气很好，我们去公园散步。\n明天继续。\n".encode(), "不是年度报告"),
    ("\ufeff".encode() + "随便写点什么".encode("utf-8"), "不是年度报告"),
])
def test_bad_input_gets_a_chinese_message_and_exit_2(tmp_path, content, needle):
    f = tmp_path / "坏文件.txt"
    f.write_bytes(content)
    r = run_e2e("parse", f, "--json")
    assert r.returncode == 2
    assert needle in r.stderr and "坏文件.txt" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_missing_file(tmp_path):
    r = run("parse", tmp_path / "nope.txt")
    assert r.returncode == 2 and "不存在" in r.stderr


def test_truncated_report_gives_the_readable_part_and_findings(tmp_path):
    text = SEED0.read_text(encoding="utf-8")
    cut = text.index("(四) 无法提供")
    f = tmp_path / "truncated.txt"
    f.write_text(text[:cut], encoding="utf-8")
    r = run("check", f, "--json")
    out = json.loads(r.stdout)
    rec = out["record"]
    assert rec["requests"]["granted"]["total"] == 6
    assert rec["requests"]["total_processed"]["total"] is None  # not in the document: null
    assert rec["appeals"] is None
    codes = {x["code"] for x in out["findings"]}
    assert "S-02" in codes  # 表四 missing
    assert r.returncode == 1


def test_check_exit_codes_and_json_lines(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = run("check", SEED3, bad, "--json")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["file"] for x in lines] == [str(SEED3), str(bad)]
    assert lines[1]["record"] is None and "空" in lines[1]["error"]["message"]
    assert r.returncode == 2
    assert {f["code"] for f in lines[0]["findings"]} >= {"S-04"}


def test_check_json_help_names_every_key_it_prints(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    part = tmp_path / "truncated.txt"
    text = SEED0.read_text(encoding="utf-8")  # one page of 表三: no agency, no year
    part.write_text(text[text.index("三、收到和处理"):text.index("四、政府信息公开行政复议")], encoding="utf-8")
    r = run("check", SEED3, part, bad, "--json")
    keys = {k for line in r.stdout.splitlines() for k in json.loads(line)}
    assert {"file", "status", "record", "findings", "problems", "error"} <= keys
    finding_keys = set(json.loads(r.stdout.splitlines()[0])["findings"][0])
    shown = run("check", "--json", "--help").stdout
    for k in keys:
        assert f"• {k}：" in shown, k
    assert all(k in shown for k in finding_keys), finding_keys
    assert "部分成功" in shown and "{code, message}" in shown


def test_check_human_view_groups_by_severity():
    r = run("check", SEED0)
    assert r.returncode == 0, r.stdout
    assert "T4-03" in r.stdout and "共 1 个文件" in r.stdout


def test_rule_docs():
    r = run("rule", "T3-01")
    assert r.returncode == 0 and "检查什么" in r.stdout and "依据" in r.stdout
    r = run("rule", "--all", "--json")
    codes = [e["code"] for e in json.loads(r.stdout)]
    assert "T3-01" in codes and "L-01" in codes
    r = run("rule", "Z-99")
    assert r.returncode == 2 and "没有规则" in r.stderr
