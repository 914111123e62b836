"""Scaffold an audit rule: its module, its line in the code table, its two fixtures and a CHANGELOG line.

    .venv/bin/python scripts/new_rule.py T3-09 outcome-rows-swapped [--severity warning] [--title 中文名称]

Writes
  src/nianbao/audit/rules/t3_09_outcome_rows_swapped.py   a Rule with the four docstring headings to fill in
  src/nianbao/audit/codes.py                              "T3-09": "t3_09_outcome_rows_swapped:OutcomeRowsSwapped"
  tests/data/audit/T3-09/fires.json, clean.json           one case each, to be written
  CHANGELOG.md                                            a line under "### Rules"

The new rule's fixture test fails until the rule and its fires.json are written: that is the point.
Refuses a code that exists or is malformed, and never overwrites a file. ``--root`` works on another
checkout (the tests use a copy).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^(S|T2|T3|T4|X|P|C|L|D)-(\d{2})$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
SEVERITIES = ("error", "warning", "info")

MODULE = '''from __future__ import annotations

from ..base import Context, Rule, Severity


class {cls}(Rule):
    """{title}

    检查什么：（待填写）

    为什么重要：（待填写）

    示例：（待填写）

    依据：（待填写）
    """

    code = "{code}"
    name = "{name}"
    severity = Severity.{severity}
    message = "（待填写：用中文写出单元格 {{cell0}} 与数字 {{expected}} / {{actual}}）"
    fix = "（待填写：怎样改正）"

    def check(self, ctx: Context):
        # yield self.finding(ctx, [cell paths], expected=..., actual=...)
        return ()
'''


class ScaffoldError(Exception):
    pass


def module_name(code: str, name: str) -> str:
    return code.lower().replace("-", "_") + "_" + name.replace("-", "_")


def class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _insert_code(codes_py: Path, code: str, entry: str) -> None:
    """Add the entry after the last code of the same family, or at the end of the table."""
    text = codes_py.read_text(encoding="utf-8")
    start = text.index("CODES: dict[str, str] = {")
    end = text.index("\n}", start)
    table = text[start:end]
    if re.search(rf'^\s*"{re.escape(code)}":', table, re.M):
        raise ScaffoldError(f"{code} 已在 {codes_py} 中")
    family = code.split("-")[0]
    last = None
    for m in re.finditer(rf'^\s*"{family}-\d+":.*$', table, re.M):
        last = m
    line = f'    "{code}": "{entry}",'
    if last is not None:
        at = start + last.end()
        text = text[:at] + "\n" + line + text[at:]
    else:
        text = text[:end] + "\n" + line + text[end:]
    codes_py.write_text(text, encoding="utf-8")


def _changelog(path: Path, code: str, title: str) -> None:
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    line = f"- **{code} {title}**（新规则，待写说明）"
    m = re.search(r"^### Rules\s*\n", text, re.M)
    if m is None:
        return
    text = text[:m.end()] + line + "\n" + text[m.end():]
    path.write_text(text, encoding="utf-8")


def scaffold(code: str, name: str, severity: str = "warning", title: str | None = None,
             root: Path = ROOT) -> list[Path]:
    """Write the rule's files under ``root``; returns the paths written or changed."""
    code = code.upper()
    if not CODE.match(code):
        raise ScaffoldError(f"规则代码 {code} 不合格式（如 T3-09、X-08、C-07）")
    if not NAME.match(name):
        raise ScaffoldError(f"规则名 {name} 应为小写英文单词，用连字符连接（如 outcome-rows-swapped）")
    if severity not in SEVERITIES:
        raise ScaffoldError(f"级别应为 {'、'.join(SEVERITIES)} 之一")
    mod, cls = module_name(code, name), class_name(name)
    rules = root / "src" / "nianbao" / "audit" / "rules"
    codes_py = root / "src" / "nianbao" / "audit" / "codes.py"
    fixtures = root / "tests" / "data" / "audit" / code
    module = rules / f"{mod}.py"
    for p in (module, fixtures / "fires.json", fixtures / "clean.json"):
        if p.exists():
            raise ScaffoldError(f"{p} 已存在，不覆盖")
    _insert_code(codes_py, code, f"{mod}:{cls}")
    module.write_text(MODULE.format(cls=cls, code=code, name=name, severity=severity,
                                    title=title or "（待填写：一句话说明检查的问题）"), encoding="utf-8")
    fixtures.mkdir(parents=True, exist_ok=True)
    fires = [{"why": "（待填写：为什么这份记录会触发）", "patch": {}, "expect": {"severity": severity}}]
    clean = [{"why": "（待填写：相近但正确的记录，不应触发）", "patch": {}}]
    for p, cases in ((fixtures / "fires.json", fires), (fixtures / "clean.json", clean)):
        p.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _changelog(root / "CHANGELOG.md", code, title or name)
    return [module, codes_py, fixtures / "fires.json", fixtures / "clean.json"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="生成一条审核规则的骨架：规则模块、代码表一行、两个测试样例")
    ap.add_argument("code", help="规则代码，如 T3-09")
    ap.add_argument("name", help="英文规则名，连字符连接，如 outcome-rows-swapped")
    ap.add_argument("--severity", default="warning", choices=SEVERITIES)
    ap.add_argument("--title", help="中文名称（写入文档字符串第一行和 CHANGELOG）")
    ap.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    try:
        written = scaffold(args.code, args.name, args.severity, args.title, args.root)
    except ScaffoldError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    for p in written:
        print(p)
    print("下一步：写规则的 check()、文档字符串和两个样例，然后运行 pytest tests/test_audit_rules.py -k " + args.code.upper())
    return 0


if __name__ == "__main__":
    sys.exit(main())
