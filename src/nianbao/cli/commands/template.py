"""nianbao template --year Y -o FILE: the XLSX fill-in template."""

from __future__ import annotations

from pathlib import Path

import typer

import nianbao

from ..output import console, error, exit_on_error, write_or_exit
from .render import load_record


def register(app: typer.Typer) -> None:
    app.command("template")(template_cmd)


def template_cmd(
    year: int = typer.Option(..., "--year", "-y", help="报告年度（2019–2020 年用 2019 试行格式，2021 年起用 2021 格式）"),
    output: Path = typer.Option(..., "--output", "-o", help="输出的 .xlsx 文件"),
    fmt: str = typer.Option(None, "--format", help="强制使用的格式：2021 或 2019"),
    source: str = typer.Option(None, "--from", help="预填的记录：上年度的报告（预填上年结转、现行有效件数和机关名称），"
                                                   "或本年度的记录（如 nianbao ledger compute 由台账算出的表三）；"
                                                   "记录 JSON、报告文件、填好的模板，或数据库中的报告编号（配合 --db）"),
    db: str = typer.Option(None, "--db", help="数据库（--from 给报告编号时使用）：文件路径或 postgresql://…"),
) -> None:
    """生成 XLSX 填报模板：每张表一个工作表（官方格式、合并单元格），勾稽关系和合计实时核对，只能填非负整数。

    填好后用 nianbao render 填好的.xlsx --to docx 生成报告，或 nianbao parse 填好的.xlsx 读出记录。
    --from 上年度报告：表三「二、上年结转」取上年的「四、结转下年度继续办理」，表二「现行有效件数」按上年数加本年制发减本年废止自动计算。
    --from 本年度记录（如台账算出的表三.json）：预填记录中已有的数字，其余留空待填。
    """
    if fmt not in (None, "2021", "2019"):
        error(f"不支持的格式：{fmt}（可选：2021、2019）")
        raise typer.Exit(2)
    if not 2008 <= year <= 2100:
        error(f"报告年度 {year} 不在合理范围内")
        raise typer.Exit(2)
    note = ""
    with exit_on_error():
        if source is None:
            data = nianbao.template(year, fmt)
        else:
            record = load_record(source, db)
            if record.meta.doc_kind == "interpretation" or not (record.requests or record.active or record.appeals):
                what = "这是文字解读，不是年度报告" if record.meta.doc_kind == "interpretation" else "没有表二、表三、表四"
                error(f"{source}：{what}，无法据此预填")
                raise typer.Exit(2)
            if record.meta.year == year - 1:  # last year's report: carry over what it determines
                data = nianbao.template(year, fmt, previous=record)
                note = f"（已按{record.meta.agency or ''}{record.meta.year}年度报告预填上年结转、现行有效件数）"
            elif record.meta.year in (None, year):  # this year's numbers (e.g. 表三 from the ledger)
                record.meta.year = year
                data = nianbao.render(record, "xlsx", force=True, opening=False)
                note = "（已预填记录中的数字）"
            else:
                error(f"{source}：是 {record.meta.year} 年度的记录，与 --year {year} 不一致：不是上年度（{year - 1} 年）的报告，"
                      f"也不是本年度的记录，不能据此预填")
                raise typer.Exit(2)
    write_or_exit(output, data)
    console.print(f"已生成 {output}：{year} 年度填报模板{note}")
