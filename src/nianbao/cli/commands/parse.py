"""nianbao parse FILE: the canonical record."""

from __future__ import annotations

from pathlib import Path

import typer

from nianbao import cell_name, parse

from ..output import DOC_KIND_ZH, console, exit_on_error, fmt, print_json


def register(app: typer.Typer) -> None:
    app.command("parse")(parse_cmd)


def parse_cmd(
    file: Path = typer.Argument(..., help="报告文件：txt、md、html、mht、docx、doc、wps、ofd、pdf 或扫描图片"),
    as_json: bool = typer.Option(False, "--json", help="输出规范记录 JSON（record.md）"),
    provenance: bool = typer.Option(True, "--provenance/--no-provenance", help="JSON 中包含每个数值的来源"),
) -> None:
    """把一份年度报告解析为规范记录。"""
    with exit_on_error():
        record = parse(file)
    if as_json:
        print_json(record.to_json(provenance=provenance))
        return
    m = record.meta
    console.print(f"[bold]{m.title or m.agency or file}[/]")
    console.print(f"机关：{m.agency or '未识别'}　年度：{m.year or '未识别'}　落款：{m.published or '无'}　"
                  f"类型：{DOC_KIND_ZH.get(m.doc_kind, m.doc_kind or '未识别')}　格式：{m.format or '未识别'}")
    for name, part in (("表二", record.active), ("表三", record.requests), ("表四", record.appeals)):
        console.print(f"{name}：{'已识别' if part is not None else '未找到'}")
    if record.requests:
        r = record.requests
        console.print("表三 总计列：新收 {} + 上年结转 {} ＝ 办理结果 {} + 结转下年度 {}".format(
            *(fmt(r[k].total) if k in r else "—" for k in ("new_received", "carried_over", "total_processed", "carried_forward"))))
    for k, v in record.narrative.items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            console.print(f"{cell_name('narrative.' + k)}：{fmt(v)}")
