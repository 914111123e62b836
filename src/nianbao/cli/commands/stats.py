"""nianbao stats: applications, outcomes, appeals and findings by year, region, level; charts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from nianbao import APPLICANTS, OUTCOME_GROUPS, OUTCOME_LABELS, Format, NianbaoError, charts, open_store, stats

from ..output import console, error, print_json
from .ingest import DB_HELP

BY_LABELS = {"year": "年度", "region": "地区", "level": "层级"}


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_cmd)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _n(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}"


def stats_cmd(
    by: str = typer.Option("year", "--by", help="分组：year、region、level 的组合，用逗号分隔"),
    year: int = typer.Option(None, "--year", help="只看这一年度（同比仍按上一年度计算）"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    chart_dir: Path = typer.Option(None, "--charts", help="把图表（PNG 和 SVG）写入此文件夹"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """统计分析：收到申请数及同比、申请人构成、办理结果构成、不予公开理由、复议诉讼及纠错率、问题分布。"""
    keys = tuple(k.strip() for k in by.split(",") if k.strip())
    bad = [k for k in keys if k not in BY_LABELS]
    if bad:
        error(f"不能按 {'、'.join(bad)} 分组（可选：year、region、level）")
        raise typer.Exit(2)
    try:
        with open_store(db) as store:
            st = stats(store, by=keys, year=year)
        files = charts(st, chart_dir) if chart_dir else []
    except NianbaoError as e:
        error(e.message)
        raise typer.Exit(2) from None
    if as_json:
        print_json({**st.to_json(), "charts": [str(f) for f in files]})
        return
    col_zh = {c.key: c.label for c in Format.T3_COLUMNS}
    t = Table(title="年度报告统计", title_justify="left")
    for k in keys:
        t.add_column(BY_LABELS[k])
    for name in ("报告数", "新收申请", "同比", *(OUTCOME_LABELS[g] for g in OUTCOME_GROUPS), "行政复议", "行政诉讼",
                 "复议纠错率", "诉讼纠错率", "有错误的报告"):
        t.add_column(name, justify="right")
    for g in st.groups:
        t.add_row(*(str(v if v is not None else "未知") for v in g.key.values()), str(g.reports), _n(g.received),
                  _pct(g.yoy), *(_pct(g.outcomes.get(x)) for x in OUTCOME_GROUPS), _n(g.reviews), _n(g.lawsuits),
                  _pct(g.review_correction), _pct(g.litigation_correction), _pct(g.error_share))
    console.print(t)
    if st.groups:
        mix = Table(title="申请人构成（占本年新收）", title_justify="left")
        for k in keys:
            mix.add_column(BY_LABELS[k])
        for c in APPLICANTS:
            mix.add_column(col_zh[c], justify="right")
        for g in st.groups:
            mix.add_row(*(str(v if v is not None else "未知") for v in g.key.values()),
                        *(_pct(g.applicants.get(c)) for c in APPLICANTS))
        console.print(mix)
    top = st.top_findings(10)
    if top:
        console.print("最常见的问题：" + "；".join(f"{c} {st.names.get(c, '')} {n} 条" for c, n in top))
    for f in files:
        console.print(f"图表：{f}")
