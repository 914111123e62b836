"""nianbao render RECORD --to docx|html|pdf|xlsx|md -o FILE: write a compliant report."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from pydantic import ValidationError

import nianbao
from nianbao import InputError, NianbaoError, Record, parse

from ..output import console, error, findings_table, open_existing, write_or_exit

SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf", ".xlsx": "xlsx", ".md": "md"}


def register(app: typer.Typer) -> None:
    app.command("render")(render_cmd)


def load_record(source: str, db: str | None = None) -> Record:
    """A record from a record JSON, a filled XLSX template or any report file, or a report id in the store."""
    path = Path(source)
    if not path.exists() and source.isdigit():
        return _stored(int(source), db)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"{source}：无法读取记录 JSON（{e}）", "bad_json") from None
        if isinstance(data, dict) and "record" in data and "meta" not in data:
            data = data["record"]  # a line of `nianbao check --json`
        try:
            return Record.model_validate(data)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise InputError(f"{source}：不是有效的年报记录（{where}：{first['msg']}）", "bad_record") from None
    return parse(path)


def _stored(report_id: int, db: str | None) -> Record:
    store = open_existing(db)
    with store:
        if not store.reports(ids=[report_id], doc_kind=None, current=False):
            raise InputError(f"数据库中没有编号为 {report_id} 的报告", "not_found")
        return store.record(report_id, provenance=False)


def render_cmd(
    record: str = typer.Argument(..., help="记录 JSON（nianbao parse --json 的输出）、填好的 XLSX 模板、报告文件，或数据库中的报告编号"),
    output: Path = typer.Option(..., "--output", "-o", help="输出文件"),
    to: str = typer.Option(None, "--to", help="输出格式：docx、html、pdf、xlsx、md（默认按输出文件扩展名）"),
    force: bool = typer.Option(False, "--force", help="即使审核发现错误也生成"),
    opening: bool = typer.Option(True, "--opening/--no-opening", help="记录中没有报告自己的开头段落时，加入按元数据填写的标准开头段落（报告自己的开头、联系方式和落款总是照原文写出）"),
    db: str = typer.Option(None, "--db", help="数据库（报告编号时使用）：文件路径或 postgresql://…"),
) -> None:
    """生成符合格式要求的年度报告（DOCX 按 GB/T 9704 公文格式；HTML；PDF；XLSX；Markdown）。

    先审核记录：有错误级问题、或正文夹杂非报告文字（C-07）时不生成并列出问题，除非加 --force。退出码：0 已生成；1 审核有错误未生成；2 输入无法读取。
    """
    fmt = to or SUFFIXES.get(output.suffix.lower())
    if fmt is None:
        error(f"{output}：无法从扩展名判断输出格式，请用 --to 指定（docx、html、pdf、xlsx、md）")
        raise typer.Exit(2)
    try:
        rec = load_record(record, db)
        data = nianbao.render(rec, fmt, force=force, opening=opening)
    except NianbaoError as e:
        findings = getattr(e, "findings", None)
        if findings:
            console.print(findings_table(f"{record}：审核发现的问题", findings))
            what = getattr(e, "kind", "错误级审核问题")
            error(f"记录有 {len(findings)} 个{what}，未生成报告；确认无误后可加 --force 强制生成")
            raise typer.Exit(1) from None
        error(e.message)
        raise typer.Exit(2) from None
    write_or_exit(output, data)
    console.print(f"已生成 {output}（{fmt}，{len(data) // 1024 or 1} KB）")
