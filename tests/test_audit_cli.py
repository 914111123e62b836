"""`nianbao check` and `nianbao rule` as a person runs them: exit codes, --select/--ignore, JSON lines."""

from __future__ import annotations

import json

from conftest import DATA, cli

SEEDS = sorted((DATA / "text").glob("*.txt"))
SEED0, SEED1 = SEEDS[0], SEEDS[1]
KEYS = {"code", "severity", "message", "cells", "expected", "actual", "fingerprint"}


def run(*args):
    return cli(*args)


def broken_seed(tmp_path):
    """Seed 001 with 表三 （七）总计 made 3 instead of 2: three error rules fire."""
    text = SEED1.read_text(encoding="utf-8").replace("(七) 总计\t2\t0\t0\t0\t0\t0\t2", "(七) 总计\t2\t0\t0\t0\t0\t0\t3")
    out = tmp_path / "broken.txt"
    out.write_text(text, encoding="utf-8")
    return out


def lines(stdout: str) -> list[dict]:
    return [json.loads(x) for x in stdout.splitlines() if x.strip()]


def test_seeds_exit_0_and_report_in_chinese():
    r = run("check", *SEEDS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "表四「行政复议」全部 5 格为空白" in r.stdout
    assert "共 5 个文件" in r.stdout


def test_error_finding_exits_1(tmp_path):
    r = run("check", broken_seed(tmp_path))
    assert r.returncode == 1
    assert "表三「（七）总计」行「总计」列为 3，各办理结果之和为 2" in r.stdout


def test_json_one_object_per_file_with_finding_fields(tmp_path):
    r = run("check", "--json", SEED0, broken_seed(tmp_path))
    assert r.returncode == 1
    objs = lines(r.stdout)
    assert [o["file"] for o in objs] == [str(SEED0), str(tmp_path / "broken.txt")]
    found = objs[1]["findings"]
    assert {f["code"] for f in found if f["severity"] == "error"} == {"T3-01", "T3-02", "T3-03"}
    for f in found:
        assert KEYS <= set(f)
    t302 = next(f for f in found if f["code"] == "T3-02")
    assert (t302["expected"], t302["actual"]) == (2, 3)
    assert t302["cells"][0] == "requests.total_processed.total"


def test_fingerprints_are_stable_across_runs(tmp_path):
    path = broken_seed(tmp_path)
    a = [f["fingerprint"] for f in lines(run("check", "--json", SEED0, path).stdout)[1]["findings"]]
    b = [f["fingerprint"] for f in lines(run("check", "--json", SEED0, path).stdout)[1]["findings"]]
    assert a == b and len(set(a)) == len(a)


def test_select_and_ignore(tmp_path):
    path = broken_seed(tmp_path)
    only = lines(run("check", "--json", "--select", "T3-02", path).stdout)[0]["findings"]
    assert {f["code"] for f in only} == {"T3-02"}
    family = lines(run("check", "--json", "--select", "T3", path).stdout)[0]["findings"]
    assert {f["code"] for f in family} == {"T3-01", "T3-02", "T3-03"}
    r = run("check", "--json", "--ignore", "T3-01,T3-02,T3-03", path)
    assert r.returncode == 0
    assert not [f for f in lines(r.stdout)[0]["findings"] if f["code"].startswith("T3")]
    r = run("check", "--json", "--select", "T3", "--ignore", "T3-02", "--ignore", "T3-03", path)
    assert {f["code"] for f in lines(r.stdout)[0]["findings"]} == {"T3-01"} and r.returncode == 1


def test_rule_documentation():
    r = run("rule", "T3-02")
    assert r.returncode == 0
    for heading in ("检查什么", "为什么重要", "示例", "依据"):
        assert heading in r.stdout
    entries = json.loads(run("rule", "--all", "--json").stdout)
    assert {"S-01", "X-07", "P-04", "L-02"} <= {e["code"] for e in entries}
