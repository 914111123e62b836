"""Shared output helpers: JSON lines, the findings table, the one-line summary."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from nianbao import Format, cell_name

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = Format.SEVERITY_NAMES


def print_json(obj: Any, indent: int | None = 1) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")


def fmt(v: Any) -> str:
    return Format.number_text(v, blank="空白")


def findings_table(title: str, findings: list[Any]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column("级别", no_wrap=True)
    table.add_column("代码", no_wrap=True)
    table.add_column("单元格 / 位置")
    table.add_column("应为", justify="right")
    table.add_column("实为", justify="right")
    table.add_column("说明")
    for f in findings:
        sev = f.severity.value
        where = "、".join(cell_name(c) for c in f.cells[:3]) + ("…" if len(f.cells) > 3 else "")
        table.add_row(f"[{SEVERITY_STYLE[sev]}]{SEVERITY_ZH[sev]}[/]", f.code, where or "—",
                      "" if f.expected is None else fmt(f.expected), "" if f.actual is None else fmt(f.actual),
                      f.message)
    return table


def error(message: str) -> None:
    err_console.print(f"[bold red]错误[/]：{message}")
