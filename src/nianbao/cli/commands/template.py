"""nianbao template --year Y -o FILE: the XLSX fill-in template."""

from __future__ import annotations

from pathlib import Path

import typer

import nianbao

from ... import NianbaoError
from ..output import console, error
from .render import load_record


def register(app: typer.Typer) -> None:
    app.command("template")(template_cmd)


def template_cmd(
    year: int = typer.Option(..., "--year", "-y", help="报告年度（2019–2020 年用 2019 试行格式，2021 年起用 2021 格式）"),
    output: Path = typer.Option(..., "--output", "-o", help="输出的 .xlsx 文件"),
    fmt: str = typer.Option(None, "--format", help="强制使用的格式：2021 或 2019"),
    previous: str = typer.Option(None, "--from", help="上年度的报告：记录 JSON、报告文件、填好的模板，或数据库中的报告编号（配合 --db）；"
                                                      "据此预填上年结转、现行有效件数和机关名称"),
    db: str = typer.Option(None, "--db", help="数据库（--from 给报告编号时使用）：文件路径或 postgresql://…"),
) -> None:
    """生成 XLSX 填报模板：每张表一个工作表（官方格式、合并单元格），勾稽关系和合计实时核对，只能填非负整数。

    填好后用 nianbao render 填好的.xlsx --to docx 生成报告，或 nianbao parse 填好的.xlsx 读出记录。
    加 --from 上年报告，表三「二、上年结转」取上年的「四、结转下年度继续办理」，表二「现行有效件数」按上年数加本年制发减本年废止自动计算。
    """
    if fmt not in (None, "2021", "2019"):
        error(f"不支持的格式：{fmt}（可选：2021、2019）")
        raise typer.Exit(2)
    if not 2008 <= year <= 2100:
        error(f"报告年度 {year} 不在合理范围内")
        raise typer.Exit(2)
    last = None
    if previous is not None:
        try:
            last = load_record(previous, db)
        except NianbaoError as e:
            error(e.message)
            raise typer.Exit(2) from None
        if last.meta.doc_kind == "interpretation" or not (last.requests or last.active):
            error(f"{previous}：没有表二、表三，无法据此预填（{'这是文字解读，不是年度报告' if last.meta.doc_kind == 'interpretation' else '不是年度报告'}）")
            raise typer.Exit(2)
        if last.meta.year is not None and last.meta.year != year - 1:
            error(f"{previous}：是 {last.meta.year} 年度的报告，不是上年度（{year - 1} 年）的，不能据此预填 {year} 年度模板")
            raise typer.Exit(2)
    data = nianbao.template(year, fmt, previous=last)
    try:
        output.write_bytes(data)
    except OSError as e:
        error(f"{output}：无法写入（{e.strerror}）")
        raise typer.Exit(2) from None
    carried = f"（已按{last.meta.agency or ''}{last.meta.year or ''}年度报告预填上年结转、现行有效件数）" if last else ""
    console.print(f"已生成 {output}：{year} 年度填报模板{carried}")
