"""nianbao rule [CODE]: the rule documentation."""

from __future__ import annotations

import typer

from nianbao import CODES, rule_class, rules

from ..output import SEVERITY_ZH, console, error, print_json


def register(app: typer.Typer) -> None:
    app.command("rule")(rule_cmd)


def _entry(code: str) -> dict:
    return rule_class(code).to_json()


def rule_cmd(
    code: str = typer.Argument(None, help="规则代码，如 T3-01"),
    all_: bool = typer.Option(False, "--all", help="列出全部规则"),
    as_json: bool = typer.Option(False, "--json", help="JSON 输出"),
) -> None:
    """查看审核规则的说明（检查什么 / 为什么重要 / 示例 / 依据）。"""
    if code:
        code = code.upper()
        if code not in CODES:
            error(f"没有规则 {code}；用 nianbao rule --all 查看全部规则")
            raise typer.Exit(2)
        if as_json:
            print_json(_entry(code))
        else:
            e = _entry(code)
            console.print(f"[bold]{e['code']}[/] {e['name']}（{SEVERITY_ZH[e['severity']]}）\n")
            console.print(e["doc"])
            if e["fix"]:
                console.print(f"\n修改建议：{e['fix']}")
        return
    entries = [r.to_json() for r in rules()]
    if as_json:
        print_json(entries)
        return
    for e in entries:
        first = e["doc"].splitlines()[0] if e["doc"] else ""
        console.print(f"[bold]{e['code']:<6}[/] {SEVERITY_ZH[e['severity']]}  {e['name']:<28} {first}")
