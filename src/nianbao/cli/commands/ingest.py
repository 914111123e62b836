"""nianbao ingest PATH...: parse and audit files, folders and .zip archives into the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from nianbao import ingest_batch, open_store

from ..output import SEVERITY_ZH, console, err_console, error, exit_on_error, print_json

DB_HELP = "数据库：文件路径或 postgresql://用户@主机/库（默认 ./nianbao.sqlite，或环境变量 NIANBAO_DB）"
STATUS_STYLE = {"成功": "green", "部分成功": "yellow", "失败": "bold red", "跳过": "dim"}


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)


def ingest_cmd(
    paths: list[Path] = typer.Argument(None, help="报告文件、文件夹或 .zip 压缩包"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    manifest: list[Path] = typer.Option(None, "--manifest", "-m",
                                        help="文件清单 CSV/JSONL（列：path 文件路径，可选 url、agency 机关、region 地区、year 年度）"),
    engine: str = typer.Option("local", "--engine", help="执行引擎：local（本机多进程，默认）或 ray（Ray 集群）"),
    address: str = typer.Option(None, "--address",
                                help="Ray 集群地址：ray://主机:端口 或 auto（默认在本机启动 Ray，使用 --workers 个核）"),
    units: Path = typer.Option(None, "--units", help="单位名单 CSV/XLSX（列：单位名称, 上级, 层级）"),
    workers: int = typer.Option(None, "--workers", "-j", help="并行进程数（默认：全部 CPU 核）"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="列出每个文件的状态（默认只列失败和部分成功）"),
    as_json: bool = typer.Option(False, "--json", help="每个文件输出一行 JSON"),
) -> None:
    """批量入库：解析、审核并存入数据库；按内容去重，重复运行不会重复入库。

    退出码：0 全部读取；1 有文件失败；2 数据库或单位名单无法打开。
    """
    if engine not in ("local", "ray"):
        error(f"未知的执行引擎：{engine}（可选 local 或 ray）")
        raise typer.Exit(2)
    if address and engine != "ray":
        error("--address 只用于 --engine ray")
        raise typer.Exit(2)
    if not paths and not manifest:
        error("请给出要入库的文件、文件夹、压缩包，或用 --manifest 给出文件清单")
        raise typer.Exit(2)
    with exit_on_error():
        store = open_store(db)
    live = err_console.is_terminal and not as_json  # a progress display; else a line per scanned page
    with store, Progress(TextColumn("{task.fields[what]}"), BarColumn(), MofNCompleteColumn(),
                         TextColumn("{task.description}"), TimeRemainingColumn(), console=err_console,
                         transient=True, disable=not live) as bar:
        task = bar.add_task("", total=None, what="入库")
        scanning: dict[str, TaskID] = {}  # documents OCR is reading: one line each under the batch's bar
        finished: set[str] = set()

        def tick(outcome, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=escape(Path(outcome.name).name[-30:]))
            finished.add(outcome.name)
            if outcome.name in scanning:
                bar.remove_task(scanning.pop(outcome.name))

        def page(name: str, k: int, n: int) -> None:
            if name in finished:  # a late event of a document already stored
                return
            if not live:
                err_console.print(f"OCR 识别：{escape(name)} 第 {k}/{n} 页", soft_wrap=True, highlight=False)
                return
            shown = f"{escape(Path(name).name[-24:])} 第 {k}/{n} 页"
            if name not in scanning:
                scanning[name] = bar.add_task(shown, total=n, completed=k - 1, what="OCR 识别")
            else:
                bar.update(scanning[name], completed=k - 1, total=n, description=shown)

        with exit_on_error():
            result = ingest_batch(paths or [], store, units=units, workers=workers, progress=tick,
                                  manifests=manifest or [], engine=engine, address=address, on_page=page)
    if as_json:
        for o in result.outcomes:
            print_json(o.to_json(), indent=None)
    else:
        shown = [o for o in result.outcomes if verbose or o.status.value in ("失败", "部分成功")]
        if shown:
            table = Table(title_justify="left")
            table.add_column("状态", no_wrap=True)
            table.add_column("文件", ratio=3, overflow="fold")
            table.add_column("机关", ratio=2, overflow="fold")
            table.add_column("年度", no_wrap=True)
            table.add_column("说明", ratio=4, overflow="fold")
            for o in shown:
                st = o.status.value
                found = "、".join(f"{SEVERITY_ZH[k]} {o.findings[k]}" for k in ("error", "warning", "info")
                                  if o.findings.get(k))
                note = "；".join([*(e.removeprefix(f"{o.name}：") for e in o.errors), *([found] if found else [])])
                table.add_row(f"[{STATUS_STYLE[st]}]{st}[/]", escape(o.name), escape(o.agency or ""), str(o.year or ""),
                              escape(note))
            console.print(table)
        if result.units:
            console.print(f"单位名单：{result.units} 个单位")
    (err_console if as_json else console).print(result.summary(), soft_wrap=True)
    raise typer.Exit(result.exit_code)
