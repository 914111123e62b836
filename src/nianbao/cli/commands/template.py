"""nianbao template --year Y -o FILE: the XLSX fill-in template."""

from __future__ import annotations

from pathlib import Path

import typer

import nianbao

from ..output import console, error


def register(app: typer.Typer) -> None:
    app.command("template")(template_cmd)


def template_cmd(
    year: int = typer.Option(..., "--year", "-y", help="报告年度（2019–2020 年用 2019 试行格式，2021 年起用 2021 格式）"),
    output: Path = typer.Option(..., "--output", "-o", help="输出的 .xlsx 文件"),
    fmt: str = typer.Option(None, "--format", help="强制使用的格式：2021 或 2019"),
) -> None:
    """生成 XLSX 填报模板：每张表一个工作表（官方格式、合并单元格），勾稽关系和合计实时核对，只能填非负整数。

    填好后用 nianbao render 填好的.xlsx --to docx 生成报告，或 nianbao parse 填好的.xlsx 读出记录。
    """
    if fmt not in (None, "2021", "2019"):
        error(f"不支持的格式：{fmt}（可选：2021、2019）")
        raise typer.Exit(2)
    if not 2008 <= year <= 2100:
        error(f"报告年度 {year} 不在合理范围内")
        raise typer.Exit(2)
    data = nianbao.template(year, fmt)
    try:
        nianbao.write_atomic(output, data)
    except nianbao.NianbaoError as e:
        error(e.message)
        raise typer.Exit(2) from None
    console.print(f"已生成 {output}：{year} 年度填报模板")
