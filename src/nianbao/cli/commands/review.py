"""nianbao review FINGERPRINT --confirm|--dismiss; nianbao findings: the stored findings with review status."""

from __future__ import annotations

import typer
from rich.table import Table

from nianbao import NianbaoError, cell_name, open_store, review

from ..output import SEVERITY_STYLE, SEVERITY_ZH, console, error, fmt, print_json
from .ingest import DB_HELP

REVIEW_ZH = {None: "未审核", "confirm": "已确认", "dismiss": "已驳回"}


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
    app.command("findings")(findings_cmd)


def review_cmd(
    fingerprint: str = typer.Argument(..., help="问题指纹（nianbao findings 列出；可写前几位）"),
    confirm: bool = typer.Option(False, "--confirm", help="确认：确实是问题"),
    dismiss: bool = typer.Option(False, "--dismiss", help="驳回：不是问题（不再计入统计）"),
    note: str = typer.Option(None, "--note", help="审核说明"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """审核一条问题：确认或驳回。按指纹记录，重新入库同一份或改正后的报告时审核结论仍然有效。"""
    if confirm == dismiss:
        error("请在 --confirm 和 --dismiss 中选一个")
        raise typer.Exit(2)
    try:
        with open_store(db) as store:
            full = review(store, fingerprint, "confirm" if confirm else "dismiss", note)
    except NianbaoError as e:
        error(e.message)
        raise typer.Exit(2) from None
    console.print(f"已{'确认' if confirm else '驳回'}问题 {full}" + (f"：{note}" if note else ""))


def findings_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    agency: str = typer.Option(None, "--agency", help="只看这个单位"),
    year: int = typer.Option(None, "--year", help="只看这一年度"),
    severity: str = typer.Option(None, "--severity", help="只看这一级别：error、warning 或 info"),
    as_json: bool = typer.Option(False, "--json", help="每条问题输出一行 JSON"),
) -> None:
    """列出库中的审核问题（当前版本的报告），附指纹和审核状态。"""
    try:
        with open_store(db) as store:
            ids = [r.id for r in store.reports(year=year, agency=agency, doc_kind=None)]
            found = store.findings(ids) if ids else []
    except NianbaoError as e:
        error(e.message)
        raise typer.Exit(2) from None
    if severity:
        found = [f for f in found if f.severity == severity]
    if as_json:
        for f in found:
            print_json(f.to_json(), indent=None)
        return
    table = Table(title=f"审核问题（{len(found)} 条）", title_justify="left")
    for col in ("单位", "年度", "级别", "代码", "单元格", "应为", "实为", "说明", "审核", "指纹"):
        table.add_column(col)
    for f in found:
        where = "、".join(cell_name(c) for c in f.cells[:2]) + ("…" if len(f.cells) > 2 else "")
        table.add_row(f.agency or "", str(f.year or ""), f"[{SEVERITY_STYLE[f.severity]}]{SEVERITY_ZH[f.severity]}[/]",
                      f.code, where or "—", "" if f.expected is None else fmt(f.expected),
                      "" if f.actual is None else fmt(f.actual), f.message, REVIEW_ZH.get(f.review, f.review),
                      f.fingerprint)
    console.print(table)
