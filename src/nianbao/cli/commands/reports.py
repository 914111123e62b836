"""nianbao reports: the stored reports with their ids (which ``render ID --db`` takes)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from ..output import (
    DOC_KIND_ZH,
    LEVEL_ZH,
    SEVERITY_ZH,
    console,
    error,
    exit_on_error,
    match_agencies,
    open_existing,
    print_json,
)
from .ingest import DB_HELP


def register(app: typer.Typer) -> None:
    app.command("reports")(reports_cmd)


def reports_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    agency: str = typer.Option(None, "--agency", help="只看这个单位（可写简称或名称的一部分）"),
    year: int = typer.Option(None, "--year", help="只看这一年度"),
    as_json: bool = typer.Option(False, "--json", help="每份报告输出一行 JSON"),
) -> None:
    """列出库中的报告（当前版本）及其编号；nianbao render 编号 --db 用这个编号生成报告。"""
    with exit_on_error():
        with open_existing(db) as store:
            rows = store.reports(year=year, doc_kind=None)
            if agency:
                names = match_agencies((r.agency for r in store.reports(doc_kind=None)), agency)
                if not names:
                    error(f"库中没有与「{agency}」相符的单位")
                    raise typer.Exit(2)
                rows = [r for r in rows if r.agency in names]
            counts: dict[int, Counter] = {r.id: Counter() for r in rows}
            for f in store.findings(list(counts)) if rows else []:
                if f.review != "dismiss":
                    counts[f.report_id][f.severity] += 1
    if as_json:
        for r in rows:
            print_json({**vars(r), "findings": dict(counts[r.id])}, indent=None)
        return
    if not rows:
        console.print("库中没有符合条件的报告")
        return
    t = Table(title=f"库中的报告（{len(rows)} 份）", title_justify="left")
    t.add_column("编号", justify="right", no_wrap=True)
    t.add_column("单位", ratio=3, overflow="fold")
    t.add_column("年度", no_wrap=True)
    t.add_column("类型", no_wrap=True)
    t.add_column("层级", no_wrap=True)
    t.add_column("状态", no_wrap=True)
    t.add_column("问题", ratio=2, overflow="fold")
    t.add_column("文件", ratio=3, overflow="fold")
    for r in rows:
        c = counts[r.id]
        issues = "、".join(f"{SEVERITY_ZH[k]} {c[k]}" for k in ("error", "warning", "info") if c[k]) or "无"
        t.add_row(str(r.id), escape(r.agency or "机关不明"), str(r.year or "不明"), DOC_KIND_ZH.get(r.doc_kind or "", r.doc_kind or "不明"),
                  LEVEL_ZH.get(r.level or "", r.level or "不明"), r.status, issues, escape(Path(r.document).name))
    console.print(t)
    console.print("生成某份报告：nianbao render 编号 --db 数据库 -o 年报.docx")
