"""nianbao ledger template|compute|deadlines: the 依申请 ledger (台账), 表三 from it, statutory due dates."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

import nianbao
from nianbao import Format
from nianbao import ledger_vocab as vocab

from ..output import console, error, exit_on_error, open_existing, print_json

app = typer.Typer(help="依申请公开台账：生成台账模板、由台账计算表三、计算法定答复期限。", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="ledger")


def _read(path: Path):
    with exit_on_error():
        return nianbao.read_ledger(path)


def _write(output: Path, data: bytes) -> None:
    try:
        output.write_bytes(data)
    except OSError as e:
        error(f"{output}：无法写入（{e.strerror}）")
        raise typer.Exit(2) from None


def _problems(problems, limit: int = 50) -> None:
    if not problems:
        return
    table = Table(title=f"未计入的行（{len(problems)}）", title_justify="left")
    table.add_column("行", justify="right")
    table.add_column("编号")
    table.add_column("列")
    table.add_column("内容")
    table.add_column("说明")
    for p in problems[:limit]:
        table.add_row(str(p.row), p.id, p.column or "—", p.value, p.message)
    console.print(table)
    if len(problems) > limit:
        console.print(f"……另有 {len(problems) - limit} 行，用 --json 查看全部")


@app.command("template")
def template_cmd(
    output: Path = typer.Option(..., "--output", "-o", help="输出的 .xlsx 文件"),
    year: int = typer.Option(None, "--year", "-y", help="年度（决定办理结果下拉列表用 2021 还是 2019 格式；默认 2021 格式）"),
) -> None:
    """生成台账模板（XLSX）：一行一件申请，申请人类型、是否延期、办理结果为下拉列表，日期列只能填日期。"""
    _write(output, nianbao.ledger_template(year))
    console.print(f"已生成 {output}：依申请公开台账模板")


@app.command("compute")
def compute_cmd(
    ledger: Path = typer.Argument(..., help="台账（.xlsx 或 .csv）：模板或依申请系统导出的表格"),
    year: int = typer.Option(..., "--year", "-y", help="报告年度"),
    last_year: Path = typer.Option(None, "--last-year", help="上年台账：其中未办结的申请计入“上年结转”"),
    db: str = typer.Option(None, "--db", help="数据库（文件路径或 postgresql://…）：上年结转取同一机关上年报告的结转下年度（需 --agency）"),
    agency: str = typer.Option(None, "--agency", help="机关名称（写入记录；与 --db 一起用于查找上年报告）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON：{record, counted, excluded, problems, notes}"),
    output: Path = typer.Option(None, "--output", "-o", help="写出记录：.json（render、template 可读）或 .xlsx（预填好表三的填报模板）"),
) -> None:
    """由台账计算表三：本年新收、上年结转、本年度办理结果、结转下年度，按申请人类型分列。

    无法准确读取的行（申请人类型或办理结果无法对应、日期无效、答复早于收到、有结果无答复日期等）不计入，逐行列出。
    退出码：0 全部计入；1 有未计入的行；2 文件无法读取。
    """
    if last_year and db:
        error("--last-year 与 --db 只能选一个")
        raise typer.Exit(2)
    current = _read(ledger)
    previous = _read(last_year) if last_year else None
    carried = None
    if db:
        if not agency:
            error("使用 --db 取上年结转时需要用 --agency 指定机关名称")
            raise typer.Exit(2)
        with exit_on_error():
            store = open_existing(db)
            with store:
                prev = store.previous_record(nianbao.Record(meta=nianbao.Meta(agency=agency, year=year)))
        if prev is None or not prev.requests or "carried_forward" not in prev.requests:
            error(f"数据库中没有“{agency}”{year - 1} 年报告的结转下年度数字，无法取上年结转（可改用 --last-year 上年台账）")
            raise typer.Exit(2)
        carried = prev.requests["carried_forward"]
    result = nianbao.compute_ledger(current, year, last_year=previous, carried_over=carried, agency=agency)
    if output:
        if output.suffix.lower() == ".xlsx":
            data = nianbao.render(result.record, "xlsx", force=True, opening=False)
        else:
            data = (json.dumps(result.record.to_json_dict(), ensure_ascii=False, indent=1) + "\n").encode()
        _write(output, data)
    if as_json:
        print_json(result.to_json())
    else:
        _show(result, year)
        if output:
            console.print(f"已写出 {output}")
    raise typer.Exit(1 if result.problems else 0)


def _row_name(key: str) -> str:
    """"（三）1.属于国家秘密": a sub-row with its group's number, without the format's parenthetical notes."""
    row = Format.t3_row(key)
    if row is None:
        return key
    label = row.label.split("（区分")[0]
    group = Format.T3_GROUPS.get(row.group or "")
    if group is not None and row.number and not row.number.startswith("（"):
        label = f"{group.number}{label}"
    return label


def _show(result, year: int) -> None:
    table = Table(title=f"{year} 年度 表三（由台账计算，计入 {result.counted} 件）", title_justify="left")
    table.add_column("项目", min_width=14, max_width=30, overflow="fold")
    for c in Format.T3_COLUMNS:
        table.add_column(c.label, justify="right")
    for key, row in (result.record.requests or {}).items():
        table.add_row(_row_name(key), *(Format.number_text(getattr(row, c.key)) for c in Format.T3_COLUMNS))
    console.print(table)
    _problems(result.problems)
    for n in result.notes:
        console.print(f"[yellow]注意[/]：{n}")


@app.command("deadlines")
def deadlines_cmd(
    ledger: Path = typer.Argument(..., help="台账（.xlsx 或 .csv）"),
    as_of: str = typer.Option(None, "--as-of", help="按哪一天判断未办结申请是否逾期、即将到期（默认北京时间的今天），如 2025-01-10"),
    as_json: bool = typer.Option(False, "--json", help="每件申请输出一行 JSON"),
    output: Path = typer.Option(None, "--output", "-o", help="写出期限清单 .xlsx"),
    only_late: bool = typer.Option(False, "--late", help="只列出逾期和即将到期的申请"),
) -> None:
    """计算每件申请的法定答复期限（工作日，含调休）：状态为按期、逾期、未办结且即将到期（≤5 个工作日）等。

    20 个工作日自收到申请的次日起算；补正的自收到补正材料的次日重新起算；延期最长加 20 个工作日；
    征求第三方意见的时间不计入。日历没有的年份不给日期，说明原因。退出码：0 无逾期；1 有逾期；2 文件无法读取。
    """
    try:
        day = (nianbao.parse_ledger_date(as_of) if as_of else None) or nianbao.ledger_today()
    except ValueError as e:
        error(f"--as-of：{e}")
        raise typer.Exit(2) from None
    current = _read(ledger)
    items = nianbao.ledger_deadlines(current, as_of=day)
    late = [d for d in items if d.status in (vocab.LATE, vocab.OPEN_LATE)]
    shown = [d for d in items if d.status in (vocab.LATE, vocab.OPEN_LATE, vocab.DUE_SOON)] if only_late else items
    if output:
        _write(output, nianbao.deadlines_xlsx(shown))
    if as_json:
        for d in shown:
            print_json(d.to_json(), indent=None)
    else:
        table = Table(title=f"答复期限（按 {day.isoformat()} 判断）", title_justify="left")
        for h in ("行", "编号", "收到", "到期日", "答复", "状态", "说明"):
            table.add_column(h)
        style = {vocab.LATE: "bold red", vocab.OPEN_LATE: "bold red", vocab.DUE_SOON: "yellow"}
        for d in shown[:200]:
            status = f"[{style[d.status]}]{d.status}[/]" if d.status in style else d.status
            if d.working_days_late:
                status += f"（{d.working_days_late} 个工作日）"
            table.add_row(str(d.row), d.id, str(d.received), str(d.due or "—"), str(d.replied or "—"), status,
                          d.reason)
        console.print(table)
        if len(shown) > 200:
            console.print(f"……共 {len(shown)} 件，用 -o 期限.xlsx 或 --json 查看全部")
        counts: dict[str, int] = {}
        for d in items:
            counts[d.status] = counts.get(d.status, 0) + 1
        console.print(f"共 {len(items)} 件：" + "，".join(f"{k} {v}" for k, v in counts.items()))
        _problems(current.problems)
        if output:
            console.print(f"已写出 {output}")
    raise typer.Exit(1 if late else 0)
