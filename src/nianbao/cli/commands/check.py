"""nianbao check FILE...: audit findings, as tables or JSON lines."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

import nianbao
from nianbao import CODES, CheckResult, DocError, LedgerSummary, NianbaoError, check, parse

from ..output import console, error, exit_on_error, findings_table, open_existing, print_json, told


def register(app: typer.Typer) -> None:
    app.command("check")(check_cmd)


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def check_cmd(
    files: list[Path] = typer.Argument(..., help="一个或多个报告文件"),
    as_json: bool = typer.Option(False, "--json", help="每个文件输出一行 JSON 对象（file、status、record、findings，以及 problems 或 error，见上文）"),
    select: list[str] = typer.Option(None, "--select", help="只运行这些规则（代码或前缀，如 T3 或 T3-01）"),
    ignore: list[str] = typer.Option(None, "--ignore", help="不运行这些规则"),
    db: str = typer.Option(None, "--db", help="数据库（文件路径或 postgresql://…）：取同一机关上一年度的报告，运行跨年度规则"),
    ledger: Path = typer.Option(None, "--ledger", help="同一机关同一年度的依申请公开台账（.xlsx/.csv）：核对表三与台账（D-01）、逾期答复（D-02）"),
) -> None:
    """审核年度报告：勾稽关系、合计、空白单元格、正文与表格是否一致等。

    文件只是报告的片段（如一张扫描页，未识别出机关或年度）时标明「部分成功」；没有读出年度报告时说明原因。

    --json 时每个文件输出一行 JSON 对象，各键为：

    • file：文件路径
    • status：读取状态，「成功」「部分成功」或「失败」（与批量入库相同）
    • record：读出的记录（文件无法读取时为 null）
    • findings：审核问题列表，每项有 code、name、severity、message、cells、
      expected、actual、fix、fingerprint、provenance
    • problems：不是「成功」的原因，每项为 {code, message}；
      只在未识别出机关或年度（部分成功）、没有读出年度报告（失败）时有
      （缺少表格时 status 也是「部分成功」，原因见 findings 中的 S-02）
    • error：文件无法读取时才有（此时没有 problems），为 {code, message}

    退出码：0 无错误；1 有“错误”级问题；2 有文件无法读取或没有读出年度报告。
    """
    sel, ign = _codes(select), _codes(ignore)
    unknown = [c for c in (sel or []) + (ign or []) if not any(code.startswith(c) for code in CODES)]
    if unknown:
        error(f"没有代码为「{'、'.join(unknown)}」的规则（用 nianbao rule --all 查看全部规则代码）")
        raise typer.Exit(2)
    store = None
    if db:
        with exit_on_error():
            store = open_existing(db)
    book = None
    if ledger:
        with exit_on_error():
            book = nianbao.read_ledger(ledger)
    summaries: dict[int, LedgerSummary] = {}
    worst = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    unreadable = 0
    statuses: dict[str, int] = {}  # files that are not 成功
    for f in files:
        try:
            record = parse(f)
        except NianbaoError as e:
            unreadable += 1
            worst = 2
            if as_json:
                print_json(CheckResult(str(f), None, [], DocError(code=e.code, message=e.message)).to_json(), indent=None)
            else:
                error(told(e))
            continue
        facts = None
        if book is not None:
            year = record.meta.year
            if year is None:
                error(f"{f}：报告没有年度，无法与台账核对")
            else:
                if year not in summaries:
                    with exit_on_error():
                        summaries[year] = nianbao.ledger_summary(book, year)
                facts = summaries[year]
        findings = check(record, select=sel, ignore=ign, previous=store.previous_record(record) if store else None,
                         ledger=facts)
        result = CheckResult(str(f), record, findings)
        status = result.status.value
        if status != "成功":
            statuses[status] = statuses.get(status, 0) + 1
        if status == "失败":  # no annual report was read: nothing to check
            worst = 2
            if as_json:
                print_json(result.to_json(), indent=None)
            else:
                error("；".join(p.message for p in result.problems))
            continue
        for x in findings:
            counts[x.severity.value] += 1
        if any(x.severity.value == "error" for x in findings) and worst == 0:
            worst = 1
        if as_json:
            print_json(result.to_json(), indent=None)
            continue
        title = f"{f}　{record.meta.agency or ''} {record.meta.year or ''}"
        if status != "成功":  # a fragment (a scanned page without agency or year) or a table missing
            why = "；".join(p.message.removeprefix(f"{f}：") for p in result.problems) or "统计表缺失或无法读取，见下表 S-02"
            console.print(f"{escape(str(f))}：[yellow]{status}[/]（{escape(why)}）", soft_wrap=True)
        if findings:
            console.print(findings_table(title, findings, record.meta.format))
        else:
            console.print(f"{escape(title)}：[green]未发现问题[/]")
    if not as_json:
        parts = [f"{k} {v}" for k, v in statuses.items() if k != "失败"]
        if statuses.get("失败"):
            parts.append(f"没有读出年度报告 {statuses['失败']}")
        console.print(f"共 {len(files)} 个文件：错误 {counts['error']}，警告 {counts['warning']}，"
                      f"提示 {counts['info']}" + (f"，无法读取 {unreadable}" if unreadable else "")
                      + (f"；其中{'，'.join(parts)}" if parts else ""), soft_wrap=True)
    raise typer.Exit(worst)
