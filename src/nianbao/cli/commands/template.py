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
    source: str = typer.Option(None, "--from", help="预填的记录：nianbao ledger compute 由台账算出的表三（-o 表三.json）、"
                                                   "nianbao parse --json 的输出或任何报告文件"),
) -> None:
    """生成 XLSX 填报模板：每张表一个工作表（官方格式、合并单元格），勾稽关系和合计实时核对，只能填非负整数。

    填好后用 nianbao render 填好的.xlsx --to docx 生成报告，或 nianbao parse 填好的.xlsx 读出记录。
    --from 表三.json 时预填记录中已有的数字（如由台账计算的表三），其余留空待填。
    """
    if fmt not in (None, "2021", "2019"):
        error(f"不支持的格式：{fmt}（可选：2021、2019）")
        raise typer.Exit(2)
    if not 2008 <= year <= 2100:
        error(f"报告年度 {year} 不在合理范围内")
        raise typer.Exit(2)
    if source:
        from ... import NianbaoError
        from .render import load_record

        try:
            record = load_record(source)
            if record.meta.year not in (None, year):
                error(f"{source}：记录是 {record.meta.year} 年度的，与 --year {year} 不一致")
                raise typer.Exit(2)
            record.meta.year = year
            data = nianbao.render(record, "xlsx", force=True, opening=False)
        except NianbaoError as e:
            error(e.message)
            raise typer.Exit(2) from None
    else:
        data = nianbao.template(year, fmt)
    try:
        nianbao.write_atomic(output, data)
    except nianbao.NianbaoError as e:
        error(e.message)
        raise typer.Exit(2) from None
    console.print(f"已生成 {output}：{year} 年度填报模板")
