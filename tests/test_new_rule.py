"""scripts/new_rule.py: the scaffold it writes loads as a rule, sits in the code table, and has its fixtures."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao import Record

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "new_rule.py"


@pytest.fixture
def checkout(tmp_path):
    (tmp_path / "src" / "nianbao" / "audit" / "rules").mkdir(parents=True)
    shutil.copy(ROOT / "src" / "nianbao" / "audit" / "codes.py", tmp_path / "src" / "nianbao" / "audit" / "codes.py")
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## Unreleased\n\n### Rules\n\n- **L-03** x\n", encoding="utf-8")
    return tmp_path


def _run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_scaffold_writes_a_loadable_rule_its_code_line_and_fixtures(checkout):
    r = _run("T3-99", "rows-swapped", "--severity", "error", "--title", "办理结果行次颠倒", "--root", str(checkout))
    assert r.returncode == 0, r.stderr
    codes = (checkout / "src/nianbao/audit/codes.py").read_text(encoding="utf-8")
    compile(codes, "codes.py", "exec")
    lines = codes.splitlines()
    at = lines.index('    "T3-99": "t3_99_rows_swapped:RowsSwapped",')
    assert lines[at - 1].lstrip().startswith('"T3-0')  # with its family, not at the end
    path = checkout / "src/nianbao/audit/rules/t3_99_rows_swapped.py"
    spec = importlib.util.spec_from_file_location("nianbao.audit.rules.t3_99_rows_swapped", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rule = module.RowsSwapped
    assert (rule.code, rule.name, rule.severity.value) == ("T3-99", "rows-swapped", "error")
    doc = rule.doc()
    assert doc.startswith("办理结果行次颠倒") and all(h in doc for h in ("检查什么", "为什么重要", "示例", "依据"))
    assert list(rule().check(module.Context(Record()))) == []
    fires = json.loads((checkout / "tests/data/audit/T3-99/fires.json").read_text(encoding="utf-8"))
    clean = json.loads((checkout / "tests/data/audit/T3-99/clean.json").read_text(encoding="utf-8"))
    assert fires[0]["patch"] == {} and fires[0]["expect"] == {"severity": "error"} and clean[0]["why"]
    assert "- **T3-99 办理结果行次颠倒**" in (checkout / "CHANGELOG.md").read_text(encoding="utf-8")


def test_scaffold_refuses_an_existing_code_a_bad_code_and_overwriting(checkout):
    r = _run("T3-01", "whatever", "--root", str(checkout))
    assert r.returncode == 2 and "T3-01 已在" in r.stderr
    assert _run("T9-1", "x", "--root", str(checkout)).returncode == 2
    assert _run("X-98", "Bad_Name", "--root", str(checkout)).returncode == 2
    assert _run("X-98", "new-family-end", "--root", str(checkout)).returncode == 0
    again = _run("X-98", "new-family-end", "--root", str(checkout))
    assert again.returncode == 2 and "已" in again.stderr
