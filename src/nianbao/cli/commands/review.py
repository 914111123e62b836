"""nianbao review FINGERPRINT --confirm|--dismiss; nianbao findings: the stored findings with review status."""

from __future__ import annotations

from itertools import groupby

import typer

from nianbao import review

from ..output import (
    SEVERITY_ZH,
    console,
    err_console,
    error,
    exit_on_error,
    finding_cells,
    finding_table,
    match_agencies,
    open_existing,
    print_json,
    severity_of,
    where,
)
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
    with exit_on_error():
        with open_existing(db) as store:
            full = review(store, fingerprint, "confirm" if confirm else "dismiss", note)
    console.print(f"已{'确认' if confirm else '驳回'}问题 {full}" + (f"：{note}" if note else ""))


def findings_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    agency: str = typer.Option(None, "--agency", help="只看这个单位（可写简称或名称的一部分，如 统计局、淮安市政府）"),
    year: int = typer.Option(None, "--year", help="只看这一年度"),
    severity: str = typer.Option(None, "--severity", help="只看这一级别：错误、警告、提示（或 error、warning、info）"),
    as_json: bool = typer.Option(False, "--json", help="每条问题输出一行 JSON"),
) -> None:
    """列出库中的审核问题（当前版本的报告），按报告分组，附单元格在填报模板中的位置、指纹和审核状态。

    值无法识别（级别写错、单位在库中找不到）时说明原因，退出码 2。
    """
    level = None
    if severity:
        level = severity_of(severity)
        if level is None:
            error(f"无法识别的级别「{severity}」（可选：错误、警告、提示，或 error、warning、info）")
            raise typer.Exit(2)
    with exit_on_error():
        with open_existing(db) as store:
            every = store.reports(year=year, doc_kind=None)
            names = None
            if agency:
                names = match_agencies((r.agency for r in store.reports(doc_kind=None)), agency)
                if not names:
                    error(f"库中没有与「{agency}」相符的单位（用 nianbao reports 查看库中的单位）")
                    raise typer.Exit(2)
            rows = {r.id: r for r in every if names is None or r.agency in names}
            found = store.findings(list(rows)) if rows else []
    if level:
        found = [f for f in found if f.severity == level]
    if as_json:
        if names and names != [agency]:
            err_console.print(f"「{agency}」匹配的单位：{'、'.join(names)}", soft_wrap=True)
        for f in found:
            print_json(f.to_json(), indent=None)
        return
    if names and names != [agency]:
        console.print(f"「{agency}」匹配的单位：{'、'.join(names)}")
    console.print(f"审核问题 {len(found)} 条" + (f"（{SEVERITY_ZH[level]}）" if level else "")
                  + ("；复核时用 nianbao review 指纹 --confirm 或 --dismiss" if found else ""))
    for rid, group in groupby(sorted(found, key=lambda f: f.report_id), key=lambda f: f.report_id):
        r = rows[rid]
        table = finding_table(f"{r.agency or '机关不明'} {r.year or '年度不明'} 年度（报告编号 {rid}，{r.document}）",
                              value_width=14)
        table.add_column("审核", no_wrap=True)
        table.add_column("指纹", no_wrap=True)
        for f in group:
            table.add_row(*finding_cells(f.severity, f.code, where(f.cells, r.format, limit=2), f.expected, f.actual,
                                         f.message), REVIEW_ZH.get(f.review, f.review), f.fingerprint[:12])
        console.print(table)
