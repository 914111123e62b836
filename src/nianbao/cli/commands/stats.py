"""nianbao stats: applications, outcomes, appeals and findings by year, region, level; charts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from nianbao import Format, charts, stats

from ..output import LEVEL_ZH, console, error, exit_on_error, open_existing, print_json
from .ingest import DB_HELP

BY_LABELS = {"year": "年度", "region": "地区", "level": "层级"}
REGION_FROM = {"own": "本级报告", "units": "下级合计"}


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_cmd)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _n(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}"


def _key(g, keys: tuple[str, ...]) -> list[str]:
    out = []
    for k in keys:
        v = g.key[k]
        out.append("—" if v is None else LEVEL_ZH.get(v, v) if k == "level" else str(v))
    return out


def _table(title: str, keys: tuple[str, ...], columns: list[str]) -> Table:
    t = Table(title=title, title_justify="left")
    for k in keys:
        t.add_column(BY_LABELS[k], overflow="fold")
    for name in columns:
        t.add_column(name, justify="right", overflow="fold")
    return t


def stats_cmd(
    by: str = typer.Option("year", "--by", help="分组：year（年度）、region（地区）、level（层级）的组合，用逗号分隔"),
    year: int = typer.Option(None, "--year", help="只看这一年度（同比仍与上一年度比较）"),
    region_from: str = typer.Option("own", "--region-from",
                                    help="地区既有本级报告又有下级单位报告时：own 采用本级报告，units 按下级单位合计"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    chart_dir: Path = typer.Option(None, "--charts", help="把图表（PNG 和 SVG）写入此文件夹"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """统计分析：收到申请数及同比、申请人构成、办理结果构成、不予公开理由、复议诉讼及纠错率、问题分布。

    每个单位每年只计一次；地区的数字取本级报告或下级单位合计（--region-from），二者不相加；
    同比只比较两年都有报告的单位；机关或年度不明的文件单独列出，不计入统计。
    """
    keys = tuple(k.strip() for k in by.split(",") if k.strip())
    bad = [k for k in keys if k not in BY_LABELS]
    if bad:
        error(f"不能按 {'、'.join(bad)} 分组（可选：year、region、level）")
        raise typer.Exit(2)
    if region_from not in REGION_FROM:
        error(f"--region-from 不能是「{region_from}」（可选：own 本级报告、units 下级单位合计）")
        raise typer.Exit(2)
    with exit_on_error():
        with open_existing(db) as store:
            st = stats(store, by=keys, year=year, region_from=region_from)
        files = charts(st, chart_dir) if chart_dir else []
    if as_json:
        print_json({**st.to_json(), "charts": [str(f) for f in files]})
        return
    if year is not None and not st.groups:
        error(f"库中没有 {year} 年度的报告")
        raise typer.Exit(2)
    yoy = "year" in keys or year is not None
    main = _table("年度报告统计" + (f"（{year} 年度）" if year is not None else ""), keys,
                  ["报告数", "新收申请", *(["同比", "可比单位"] if yoy else []), "行政复议", "行政诉讼", "复议纠错率",
                   "诉讼纠错率", "有错误的报告"])
    for g in st.groups:
        comparable = [f"{_pct(g.yoy)}", f"{g.yoy_units}/{g.reports}"] if yoy else []
        main.add_row(*_key(g, keys), str(g.reports), _n(g.received), *comparable, _n(g.reviews), _n(g.lawsuits),
                     _pct(g.review_correction), _pct(g.litigation_correction), _pct(g.error_share))
    console.print(main)
    if st.groups:
        out = _table("办理结果构成（占办理总数）", keys, [grp.label for grp in Format.OUTCOME_GROUPS])
        for g in st.groups:
            out.add_row(*_key(g, keys), *(_pct(g.outcomes.get(grp.key)) for grp in Format.OUTCOME_GROUPS))
        console.print(out)
        applicants = [c for c in Format.T3_COLUMNS if c.key in Format.T3_APPLICANT_KEYS]
        mix = _table("申请人构成（占本年新收）", keys, [c.label for c in applicants])
        for g in st.groups:
            mix.add_row(*_key(g, keys), *(_pct(g.applicants.get(c.key)) for c in applicants))
        console.print(mix)
    _notes(st, yoy)
    for f in files:
        console.print(f"图表：{f}")


def _notes(st, yoy: bool) -> None:
    blank = sum(g.received_blank for g in st.groups)
    if blank:
        console.print(f"新收申请：{blank} 份报告未填写，未计入（显示「—」表示没有一份报告填写）。")
    if yoy:
        console.print("同比：只比较两年都有报告、都填写了新收申请的单位（「可比单位」为其中本年的家数/本年报告数）；"
                      "没有可比单位时不显示。")
    for r in st.regions:
        console.print(f"地区口径：{r.text}。")
    if st.duplicates:
        console.print(f"同一单位同一年度的另一份报告 {len(st.duplicates)} 份未计入：" + "、".join(
            f"{r.agency}（编号 {r.id}）" for r in st.duplicates))
    if st.unknown:
        console.print(f"机关或年度不明的文件 {len(st.unknown)} 份，单独列出，未计入任何统计：")
        for r in st.unknown:
            console.print(f"  编号 {r.id}  {r.document}  机关：{r.agency or '不明'}  年度：{r.year or '不明'}",
                          soft_wrap=False, overflow="fold")
    top = st.top_findings(10)
    if top:
        console.print("最常见的问题" + (f"（{st.year} 年度）" if st.year is not None else "") + "：")
        for c, n in top:
            console.print(f"  {c} {st.names.get(c, '')}：{n} 条")
