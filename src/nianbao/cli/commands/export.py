"""nianbao export OUT: tidy cells + codebook, the 问题清单, or consolidated tables; XLSX/CSV/Parquet/JSON."""

from __future__ import annotations

from pathlib import Path

import typer

from nianbao import export

from ..output import console, error, exit_on_error, open_existing
from .ingest import DB_HELP

KIND_HELP = "tidy：每份报告每个单元格一行（附代码表）；findings：问题清单（按单位）；consolidated：汇总表（报告格式）"


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)


def export_cmd(
    out: Path = typer.Argument(..., help="输出文件：.xlsx、.csv、.parquet 或 .json"),
    kind: str = typer.Option("tidy", "--what", "-w", help=KIND_HELP),
    fmt: str = typer.Option(None, "--format", "-f", help="xlsx、csv、parquet 或 json（默认按扩展名）"),
    region: str = typer.Option(None, "--region", help="汇总表的地区（consolidated 必填）"),
    year: int = typer.Option(None, "--year", help="只导出这一年度（consolidated 必填）"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    include_dismissed: bool = typer.Option(False, "--include-dismissed", help="问题清单连同已驳回的问题（默认不列）"),
) -> None:
    """导出数据：整理好的单元格数据、通报用的问题清单或汇总表。"""
    if kind not in ("tidy", "findings", "consolidated"):
        error(f"不能导出「{kind}」（可选：tidy、findings、consolidated）")
        raise typer.Exit(2)
    with exit_on_error():
        with open_existing(db) as store:
            files = export(store, kind, out, fmt=fmt, region=region, year=year,
                           include_dismissed=include_dismissed)
    for f in files:
        console.print(f"已导出：{f}")
