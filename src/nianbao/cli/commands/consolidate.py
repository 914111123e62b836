"""nianbao consolidate --region R --year Y: the sum of R's subordinate units, 缺报, late units, differences."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from nianbao import consolidate, load_units

from ..output import console, exit_on_error, fmt, open_existing, print_json
from .ingest import DB_HELP

COVERAGE = ("汇总本地区以下各级单位（下级单位的下级也计入），每个单位只计一次；"
            "已报告的下级政府（区县、乡镇、街道、管委会）的报告已含其所属单位，不再重复相加。")


def register(app: typer.Typer) -> None:
    app.command("consolidate")(consolidate_cmd)


def layout_tables(result) -> list[Table]:
    """The consolidated 表二/表三/表四 as the format lays them out (labels from the format definition)."""
    tables: dict[str, Table] = {}
    rows: dict[tuple[str, str, str], dict[str, str]] = {}
    columns: dict[str, list[str]] = {}
    for c in result.layout:
        key = (c.table, c.group, c.row)
        rows.setdefault(key, {})[c.column] = fmt(result.record.get(c.path)) if result.record.get(c.path) is not None else "—"
        cols = columns.setdefault(c.table, [])
        if c.column not in cols:
            cols.append(c.column)
    for (table, group, row), values in rows.items():
        if table not in tables:
            t = Table(title=f"{result.region} {result.year} 年汇总 {table}", title_justify="left")
            t.add_column("项目")
            for col in columns[table]:
                t.add_column(col or "数值", justify="right")
            tables[table] = t
        tables[table].add_row(f"{group} {row}".strip(), *(values.get(col, "") for col in columns[table]))
    return list(tables.values())


def consolidate_cmd(
    region: str = typer.Option(..., "--region", help="地区或上级单位名称，如 聊城市"),
    year: int = typer.Option(..., "--year", help="报告年度"),
    office: str = typer.Option(None, "--office", help="汇总单位：汇总报告的编制和署名单位，如 聊城市人民政府办公室"
                               "（不填时按地区推定：聊城市 → 聊城市人民政府办公室）"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    units: Path = typer.Option(None, "--units", help="先导入单位名单 CSV/XLSX（列：单位名称, 上级, 层级）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """汇总下级单位的年度报告：表二、表三、表四逐格相加，列出缺报、逾期公布的单位，并与本级报告逐格比对。

    生成汇总报告：加 --json 保存，再 nianbao render 汇总.json -o 汇总.docx。汇总报告以汇总单位署名，列出汇总的单位；
    一、五、六部分没有各单位的文字可加，留有标明「由汇总单位填写」的提示，由汇总单位改写后发布。
    """
    with exit_on_error():
        with open_existing(db) as store:
            if units:
                load_units(store, units)
            result = consolidate(store, region, year, office=office)
    if as_json:
        print_json(result.to_json())
        return
    if not result.units:
        console.print(f"库中没有 {region} 下级单位 {year} 年度的报告")
    for t in layout_tables(result):
        console.print(t)
    console.print(f"汇总单位：{result.office}")
    summed = [u + result.under(u) for u in result.units]
    console.print(f"汇总的单位（{len(result.units)}）：{'、'.join(summed) or '无'}")
    if result.covered:
        console.print(f"未重复计入（{len(result.covered)}，已含在所属政府的报告中）："
                      + "、".join(u + result.within(by) for u, by in result.covered.items()))
    console.print(f"说明：{COVERAGE}")
    if result.blanks:
        console.print(f"有 {len(result.blanks)} 个单元格部分单位留空，只汇总已填的数，例如：")
        for path, who in list(result.blanks.items())[:5]:
            console.print(f"  {next(c.name for c in result.layout if c.path == path)}：{'、'.join(who)} 留空")
    if result.unsettled:
        console.print(f"[yellow]有 {len(result.unsettled)} 个单元格因部分单位报告中的数字无法确定（原文无法唯一还原，见其 L-03）"
                      "未汇总，汇总表中留空；请对照原件补录这些单位的数字后重新汇总：[/]")
        for row, cells, who in result.unsettled_rows()[:10]:
            console.print(f"  {row}（{cells} 格）：{'、'.join(who)} 无法确定")
    if result.listed:
        console.print(f"缺报（{len(result.missing)}）：{'、'.join(result.missing) or '无'}")
    else:  # "缺报：无" would claim what nobody checked
        console.print(f"缺报：单位名单中没有 {region} 的下级单位，无法判断哪些单位缺报（用 --units 导入单位名单）")
    console.print(f"逾期公布（{len(result.late)}）：" + ("、".join(f"{u}（{p or '无日期'}）" for u, p in result.late) or "无"))
    for f in result.findings:
        console.print(f"[yellow]汇总表 {f.code}[/]：{f.message}")
    for n in result.notes:
        console.print(f"说明：{n}")
    if result.own:
        console.print(f"与本级报告（{result.own}）不一致的单元格：{len(result.differences)} 个")
        for d in result.differences[:30]:
            console.print(f"  {d.name}：本级报告 {fmt(d.own)}，下级合计 {fmt(d.total)}")
    else:
        console.print(f"库中没有 {region} 本级的 {year} 年度报告，未做比对")
